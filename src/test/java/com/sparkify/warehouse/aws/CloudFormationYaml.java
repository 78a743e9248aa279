package com.sparkify.warehouse.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CloudFormation template written in a plain YAML subset into maps, lists, strings,
 * integers and booleans, with the short tags turned into what CloudFormation makes of them: {@code
 * !Ref X} is {@code {"Ref": "X"}}, {@code !Sub s} is {@code {"Fn::Sub": s}}, {@code !GetAtt A.B} is
 * {@code {"Fn::GetAtt": ["A", "B"]}}.
 *
 * <p>No YAML library is on the test classpath, so this covers what the template uses: block
 * mappings and sequences, one-line flow sequences and mappings, plain and quoted scalars, literal
 * and folded block scalars, comments. Anything else (anchors, multi-line flow values, unquoted
 * values YAML 1.1 would read as booleans or dates, duplicate keys, tabs) is an error naming the
 * line, so a safety assertion can never pass on a misread template.
 */
final class CloudFormationYaml {

  private static final Set<String> TAGS =
      Set.of(
          "Ref",
          "Condition",
          "Base64",
          "Cidr",
          "FindInMap",
          "GetAtt",
          "GetAZs",
          "ImportValue",
          "Join",
          "Select",
          "Split",
          "Sub",
          "Transform",
          "And",
          "Equals",
          "If",
          "Not",
          "Or",
          "ToJsonString",
          "Length");
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern AMBIGUOUS =
      Pattern.compile(
          "(?i)true|false|null|~|yes|no|on|off|y|n|[0-9]{4}-[0-9]{2}-[0-9]{2}.*"
              + "|[-+]?[0-9._]+(e[-+]?[0-9]+)?|0x.*|[-+]?\\.inf|\\.nan");

  private record Line(int number, int indent, String text) {}

  private final List<String> raw;
  private final List<Line> lines = new ArrayList<>();
  private int position;

  private CloudFormationYaml(String text) {
    raw = List.of(text.split("\r?\n", -1));
    for (int index = 0; index < raw.size(); index++) {
      String line = raw.get(index);
      if (line.indexOf('\t') >= 0) {
        throw new IllegalArgumentException("line " + (index + 1) + ": tab character");
      }
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#") || content.equals("---")) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      lines.add(new Line(index + 1, indent, line.substring(indent).stripTrailing()));
    }
  }

  /** Parses a whole template; the top level must be a mapping. */
  static Map<String, Object> parse(String text) {
    var parser = new CloudFormationYaml(text);
    if (parser.lines.isEmpty() || parser.lines.get(0).indent() != 0) {
      throw new IllegalArgumentException("the document must start with a key at column 1");
    }
    Map<String, Object> document = parser.mapping(0);
    if (parser.position < parser.lines.size()) {
      throw parser.error(parser.lines.get(parser.position), "unexpected indentation");
    }
    return document;
  }

  private Map<String, Object> mapping(int indent) {
    var map = new LinkedHashMap<String, Object>();
    while (position < lines.size()) {
      Line line = lines.get(position);
      if (line.indent() < indent || isSequenceItem(line)) {
        break;
      }
      if (line.indent() > indent) {
        throw error(line, "unexpected indentation");
      }
      int colon = keyEnd(line.text());
      if (colon < 0) {
        throw error(line, "expected 'key: value'");
      }
      String key = line.text().substring(0, colon);
      if (key.startsWith("'") || key.startsWith("\"")) {
        key = (String) new Flow(key, line).whole();
      }
      String rest = line.text().substring(colon + 1).strip();
      position++;
      Object value = value(rest, line, indent, true);
      if (map.put(key, value) != null) {
        throw error(line, "duplicate key '" + key + "'");
      }
    }
    return map;
  }

  private List<Object> sequence(int indent) {
    var list = new ArrayList<Object>();
    while (position < lines.size()) {
      Line line = lines.get(position);
      if (line.indent() < indent || !isSequenceItem(line)) {
        break;
      }
      if (line.indent() > indent) {
        throw error(line, "unexpected indentation");
      }
      String afterDash = line.text().substring(1);
      String item = afterDash.strip();
      int itemIndent = indent + 1 + (afterDash.length() - afterDash.stripLeading().length());
      if (!item.isEmpty()
          && !item.startsWith("#")
          && (isMappingEntry(item) || item.equals("-") || item.startsWith("- "))) {
        // "- key: value" and "- - item" start a block at the column after the dash.
        lines.set(position, new Line(line.number(), itemIndent, item));
        list.add(isMappingEntry(item) ? mapping(itemIndent) : sequence(itemIndent));
      } else {
        position++;
        list.add(value(item, line, indent, false));
      }
    }
    return list;
  }

  /** The value after "key:" or "-": inline, a block scalar, or a block on the next lines. */
  private Object value(String rest, Line owner, int ownerIndent, boolean ownerIsKey) {
    if (rest.startsWith("!")) {
      int end = 1;
      while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
        end++;
      }
      String tag = rest.substring(1, end);
      String argument = rest.substring(end).strip();
      if (argument.isEmpty() || argument.startsWith("#")) {
        return tagged(tag, nested(owner, ownerIndent, ownerIsKey), owner);
      }
      return tagged(tag, value(argument, owner, ownerIndent, ownerIsKey), owner);
    }
    if (rest.isEmpty() || rest.startsWith("#")) {
      return nested(owner, ownerIndent, ownerIsKey);
    }
    if (rest.matches("[|>]-?( +#.*)?")) {
      return blockScalar(
          rest.charAt(0) == '>', rest.length() > 1 && rest.charAt(1) == '-', owner, ownerIndent);
    }
    return new Flow(rest, owner).whole();
  }

  /** A block on the lines below; YAML lets a key's sequence start at the key's own column. */
  private Object nested(Line owner, int ownerIndent, boolean ownerIsKey) {
    if (position >= lines.size()) {
      throw error(owner, "missing value");
    }
    Line next = lines.get(position);
    if (next.indent() > ownerIndent) {
      return isSequenceItem(next) ? sequence(next.indent()) : mapping(next.indent());
    }
    if (ownerIsKey && next.indent() == ownerIndent && isSequenceItem(next)) {
      return sequence(ownerIndent);
    }
    throw error(owner, "missing value (an empty value is not supported)");
  }

  private String blockScalar(boolean folded, boolean strip, Line owner, int ownerIndent) {
    var content = new ArrayList<String>();
    int index = owner.number();
    int contentIndent = -1;
    for (; index < raw.size(); index++) {
      String line = raw.get(index);
      if (line.isBlank()) {
        content.add("");
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (indent <= ownerIndent) {
        break;
      }
      if (contentIndent < 0) {
        contentIndent = indent;
      }
      if (indent < contentIndent || (folded && indent > contentIndent)) {
        throw new IllegalArgumentException(
            "line " + (index + 1) + ": unsupported block indentation");
      }
      content.add(line.substring(contentIndent).stripTrailing());
    }
    while (!content.isEmpty() && content.get(content.size() - 1).isEmpty()) {
      content.remove(content.size() - 1);
    }
    while (position < lines.size() && lines.get(position).number() <= index) {
      position++;
    }
    var text = new StringBuilder();
    boolean lineBreak = true;
    for (String line : content) {
      if (!folded) {
        text.append(text.isEmpty() && lineBreak ? "" : "\n").append(line);
        lineBreak = false;
      } else if (line.isEmpty()) {
        text.append('\n');
        lineBreak = true;
      } else {
        text.append(lineBreak ? "" : " ").append(line);
        lineBreak = false;
      }
    }
    return strip || content.isEmpty() ? text.toString() : text + "\n";
  }

  private Object tagged(String tag, Object argument, Line line) {
    if (!TAGS.contains(tag)) {
      throw error(line, "unknown tag !" + tag);
    }
    if (tag.equals("GetAtt") && argument instanceof String name) {
      int dot = name.indexOf('.');
      if (dot < 0) {
        throw error(line, "!GetAtt needs Resource.Attribute");
      }
      argument = List.of(name.substring(0, dot), name.substring(dot + 1));
    }
    String key = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
    var map = new LinkedHashMap<String, Object>();
    map.put(key, argument);
    return map;
  }

  private static boolean isSequenceItem(Line line) {
    return line.text().equals("-") || line.text().startsWith("- ");
  }

  private static boolean isMappingEntry(String text) {
    char first = text.charAt(0);
    return "!'\"[{".indexOf(first) < 0 && keyEnd(text) > 0;
  }

  /** Index of the ':' that ends a plain key: the first one followed by a space or the end. */
  private static int keyEnd(String text) {
    if (text.startsWith("'") || text.startsWith("\"")) {
      int close = text.indexOf(text.charAt(0), 1);
      return close > 0 && text.startsWith(":", close + 1) ? close + 1 : -1;
    }
    for (int index = 0; index < text.length(); index++) {
      if (text.charAt(index) == ':'
          && (index + 1 == text.length() || text.charAt(index + 1) == ' ')) {
        return index;
      }
      if (text.charAt(index) == '#' && index > 0 && text.charAt(index - 1) == ' ') {
        return -1;
      }
    }
    return -1;
  }

  private IllegalArgumentException error(Line line, String message) {
    return new IllegalArgumentException("line " + line.number() + ": " + message);
  }

  /** One-line values: scalars, flow sequences and mappings, tags inside them. */
  private final class Flow {
    private final String text;
    private final Line line;
    private int index;

    Flow(String text, Line line) {
      this.text = text;
      this.line = line;
    }

    Object whole() {
      Object value = value(false);
      skipSpaces();
      if (index < text.length() && !(text.charAt(index) == '#' && text.charAt(index - 1) == ' ')) {
        throw error(line, "unexpected '" + text.substring(index) + "'");
      }
      return value;
    }

    private Object value(boolean inFlow) {
      skipSpaces();
      if (index >= text.length()) {
        throw error(line, "missing value");
      }
      char first = text.charAt(index);
      if (first == '!') {
        int start = ++index;
        while (index < text.length() && Character.isLetter(text.charAt(index))) {
          index++;
        }
        String tag = text.substring(start, index);
        return tagged(tag, value(inFlow), line);
      }
      if (first == '[') {
        index++;
        var list = new ArrayList<Object>();
        skipSpaces();
        if (peek(']')) {
          index++;
          return list;
        }
        while (true) {
          list.add(value(true));
          skipSpaces();
          if (peek(']')) {
            index++;
            return list;
          }
          expect(',');
        }
      }
      if (first == '{') {
        index++;
        var map = new LinkedHashMap<String, Object>();
        skipSpaces();
        if (peek('}')) {
          index++;
          return map;
        }
        while (true) {
          skipSpaces();
          String key = peek('\'') || peek('"') ? quoted() : plainKey();
          expect(':');
          if (map.put(key, value(true)) != null) {
            throw error(line, "duplicate key '" + key + "'");
          }
          skipSpaces();
          if (peek('}')) {
            index++;
            return map;
          }
          expect(',');
        }
      }
      if (first == '\'' || first == '"') {
        return quoted();
      }
      if ("&*?%@`|>".indexOf(first) >= 0) {
        throw error(line, "unsupported YAML '" + first + "'");
      }
      return plain(inFlow);
    }

    private Object plain(boolean inFlow) {
      int start = index;
      while (index < text.length()) {
        char c = text.charAt(index);
        if ((inFlow && ",[]{}".indexOf(c) >= 0)
            || (c == '#' && index > 0 && text.charAt(index - 1) == ' ')) {
          break;
        }
        index++;
      }
      String value = text.substring(start, index).strip();
      if (value.contains(": ") || value.endsWith(":")) {
        throw error(line, "quote the value '" + value + "'");
      }
      if (value.equals("true") || value.equals("false")) {
        return Boolean.valueOf(value);
      }
      if (INTEGER.matcher(value).matches()) {
        return Integer.valueOf(value);
      }
      if (AMBIGUOUS.matcher(value).matches()) {
        throw error(line, "quote the value '" + value + "' (YAML would not read it as text)");
      }
      return value;
    }

    private String plainKey() {
      int start = index;
      while (index < text.length() && text.charAt(index) != ':') {
        index++;
      }
      return text.substring(start, index).strip();
    }

    private String quoted() {
      char quote = text.charAt(index++);
      var value = new StringBuilder();
      while (index < text.length()) {
        char c = text.charAt(index++);
        if (c == quote) {
          if (quote == '\'' && peek('\'')) {
            value.append('\'');
            index++;
            continue;
          }
          return value.toString();
        }
        if (quote == '"' && c == '\\' && index < text.length()) {
          char escaped = text.charAt(index++);
          switch (escaped) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case '"', '\\', '/' -> value.append(escaped);
            default -> throw error(line, "unsupported escape \\" + escaped);
          }
          continue;
        }
        value.append(c);
      }
      throw error(line, "unterminated quoted value (multi-line values are not supported)");
    }

    private void skipSpaces() {
      while (index < text.length() && text.charAt(index) == ' ') {
        index++;
      }
    }

    private boolean peek(char c) {
      return index < text.length() && text.charAt(index) == c;
    }

    private void expect(char c) {
      skipSpaces();
      if (!peek(c)) {
        throw error(line, "expected '" + c + "' at column " + (index + 1));
      }
      index++;
    }
  }
}

package com.sparkify.warehouse.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.sparkify.warehouse.schema.InputField;
import com.sparkify.warehouse.schema.InputField.InputType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON line into typed field values and the first reason to refuse it, in one pass of
 * Jackson's streaming parser: no tree, no second look at the text. Not thread-safe; one per task.
 *
 * <p>Every field is read as text (a number keeps its source digits, a nested value becomes its
 * JSON), then converted, so a wrong type is refused with the field's name. Reasons, first failing
 * wins: {@code malformed_json}; {@code missing_field:F} for each required field in field order;
 * then {@code bad_type:F}, {@code out_of_range:F} and {@code control_character:F} likewise.
 */
final class JsonLineParser {

  static final String MALFORMED_JSON = "malformed_json";

  /** Up to 18 digits always fit a long; longer runs of digits are out of range anyway. */
  private static final int MAX_INTEGER_DIGITS = 18;

  private final List<InputField> fields;
  private final Map<String, Integer> indexByName = new HashMap<>();
  private final JsonFactory json = new JsonFactory();
  private final String[] texts;

  JsonLineParser(List<InputField> fields) {
    this.fields = List.copyOf(fields);
    for (int i = 0; i < fields.size(); i++) {
      indexByName.put(fields.get(i).name(), i);
    }
    this.texts = new String[fields.size()];
  }

  /** What one line became: a value per field (null where absent or refused) and the reason. */
  record Parsed(Object[] values, String reason) {}

  /** Parses {@code line}; never throws for bad input, which is what the reason is for. */
  Parsed parse(String line) {
    Object[] values = new Object[fields.size()];
    if (!readTexts(line)) {
      return new Parsed(values, MALFORMED_JSON);
    }
    String reason = null;
    for (int i = 0; i < fields.size() && reason == null; i++) {
      if (fields.get(i).required() && isAbsent(texts[i])) {
        reason = "missing_field:" + fields.get(i).name();
      }
    }
    Status[] statuses = new Status[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      statuses[i] = convert(fields.get(i).type(), texts[i], values, i);
    }
    for (Status wanted : Status.values()) {
      for (int i = 0; i < fields.size() && reason == null; i++) {
        if (statuses[i] == wanted && wanted != Status.OK) {
          reason = wanted.reason + fields.get(i).name();
        }
      }
    }
    return new Parsed(values, reason);
  }

  /** Why a field's value cannot be used, in the order the reasons are reported. */
  private enum Status {
    OK(""),
    BAD_TYPE("bad_type:"),
    OUT_OF_RANGE("out_of_range:"),
    CONTROL_CHARACTER("control_character:");

    private final String reason;

    Status(String reason) {
      this.reason = reason;
    }
  }

  /**
   * Fills {@link #texts} from one JSON object; false when the line is not exactly one object. The
   * last of repeated keys wins, unknown keys are skipped.
   */
  private boolean readTexts(String line) {
    Arrays.fill(texts, null);
    String body = stripSpaces(line);
    if (!body.startsWith("{") || !body.endsWith("}")) {
      return false;
    }
    try (JsonParser parser = json.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        Integer index = indexByName.get(parser.currentName());
        JsonToken value = parser.nextToken();
        if (index == null) {
          parser.skipChildren();
        } else {
          texts[index] = text(parser, value);
        }
      }
      return parser.nextToken() == null;
    } catch (JsonProcessingException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as text: strings as they are, numbers with their source digits, the rest as JSON. */
  private String text(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NULL -> null;
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          parser.getText();
      default -> {
        var out = new StringWriter();
        try (JsonGenerator generator = json.createGenerator(out)) {
          generator.copyCurrentStructure(parser);
        }
        yield out.toString();
      }
    };
  }

  /** Converts {@code text} into {@code values[index]} and says whether it could. */
  private static Status convert(InputType type, String text, Object[] values, int index) {
    if (type == InputType.TEXT) {
      values[index] = text;
      return text != null && text.indexOf('\u0000') >= 0 ? Status.CONTROL_CHARACTER : Status.OK;
    }
    if (isAbsent(text)) {
      return Status.OK;
    }
    String value = stripSpaces(text);
    return switch (type) {
      case INTEGER -> {
        if (!isInteger(value)) {
          yield Status.BAD_TYPE;
        }
        long number = value.length() > MAX_INTEGER_DIGITS ? Long.MAX_VALUE : Long.parseLong(value);
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
          yield Status.OUT_OF_RANGE;
        }
        values[index] = (int) number;
        yield Status.OK;
      }
      case LONG -> {
        if (!isInteger(value)) {
          yield Status.BAD_TYPE;
        }
        if (value.length() > MAX_INTEGER_DIGITS) {
          yield Status.OUT_OF_RANGE;
        }
        values[index] = Long.parseLong(value);
        yield Status.OK;
      }
      case DOUBLE -> {
        if (!isDecimal(value)) {
          yield Status.BAD_TYPE;
        }
        double number = Double.parseDouble(value);
        if (Double.isNaN(number) || Double.isInfinite(number)) {
          yield Status.OUT_OF_RANGE;
        }
        values[index] = number;
        yield Status.OK;
      }
      case TEXT -> throw new AssertionError("handled above");
    };
  }

  /** Absent means null, or blank text: "" is how the log writes a missing userId. */
  private static boolean isAbsent(String text) {
    return text == null || stripSpaces(text).isEmpty();
  }

  /** {@code -?[0-9]+} */
  private static boolean isInteger(String value) {
    int start = value.startsWith("-") ? 1 : 0;
    return digitsEnd(value, start) == value.length() && value.length() > start;
  }

  /** {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?} */
  private static boolean isDecimal(String value) {
    int at = value.startsWith("-") ? 1 : 0;
    int end = digitsEnd(value, at);
    if (end == at) {
      return false;
    }
    at = end;
    if (at < value.length() && value.charAt(at) == '.') {
      end = digitsEnd(value, at + 1);
      if (end == at + 1) {
        return false;
      }
      at = end;
    }
    if (at < value.length() && (value.charAt(at) == 'e' || value.charAt(at) == 'E')) {
      at++;
      if (at < value.length() && (value.charAt(at) == '+' || value.charAt(at) == '-')) {
        at++;
      }
      end = digitsEnd(value, at);
      if (end == at) {
        return false;
      }
      at = end;
    }
    return at == value.length();
  }

  private static int digitsEnd(String value, int from) {
    int at = from;
    while (at < value.length() && value.charAt(at) >= '0' && value.charAt(at) <= '9') {
      at++;
    }
    return at;
  }

  /** Strips ASCII spaces only, as SQL's trim does: a tab or a newline is content. */
  private static String stripSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return start == 0 && end == text.length() ? text : text.substring(start, end);
  }
}

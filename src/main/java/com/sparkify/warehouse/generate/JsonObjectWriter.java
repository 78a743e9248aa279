package com.sparkify.warehouse.generate;

/**
 * Writes one JSON object as text, field by field in call order. Written by hand rather than with
 * Jackson so the generator controls field order, separators and number formatting exactly, and can
 * break a field on purpose for the bad records.
 */
final class JsonObjectWriter {

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
  private static final long UNITS_PER_WHOLE = 100_000;

  private final StringBuilder text = new StringBuilder(512);
  private final String fieldSeparator;
  private final String nameSeparator;
  private boolean escapeNonAscii;
  private boolean firstField;
  private String tamperedField;
  private String tamperedValue;

  private JsonObjectWriter(String fieldSeparator, String nameSeparator) {
    this.fieldSeparator = fieldSeparator;
    this.nameSeparator = nameSeparator;
  }

  /** Eventsim's layout: {@code {"artist":null,"auth":"Logged In",...}}. */
  static JsonObjectWriter compact() {
    return new JsonObjectWriter(",", ":");
  }

  /** Python's {@code json.dumps} layout, as in the song files: {@code {"num_songs": 1, ...}}. */
  static JsonObjectWriter spaced() {
    return new JsonObjectWriter(", ", ": ");
  }

  /** Starts a new object; strings keep their non-ASCII characters as UTF-8. */
  JsonObjectWriter begin() {
    text.setLength(0);
    text.append('{');
    firstField = true;
    escapeNonAscii = false;
    tamperedField = null;
    tamperedValue = null;
    return this;
  }

  /** Starts a new object whose non-ASCII characters are written as backslash-u escapes. */
  JsonObjectWriter beginAsciiOnly() {
    begin();
    escapeNonAscii = true;
    return this;
  }

  /** In the object being written, {@code field} gets the raw JSON text {@code rawValue}. */
  JsonObjectWriter replace(String field, String rawValue) {
    tamperedField = field;
    tamperedValue = rawValue;
    return this;
  }

  /** In the object being written, {@code field} is left out. */
  JsonObjectWriter omit(String field) {
    tamperedField = field;
    tamperedValue = null;
    return this;
  }

  JsonObjectWriter string(String name, String value) {
    if (startField(name)) {
      if (value == null) {
        text.append("null");
      } else {
        appendQuoted(value);
      }
    }
    return this;
  }

  JsonObjectWriter integer(String name, long value) {
    if (startField(name)) {
      text.append(value);
    }
    return this;
  }

  /** A decimal held as hundred-thousandths, printed like {@code 218.93179}; null prints null. */
  JsonObjectWriter decimal(String name, Long hundredThousandths) {
    if (startField(name)) {
      if (hundredThousandths == null) {
        text.append("null");
      } else {
        appendDecimal(hundredThousandths);
      }
    }
    return this;
  }

  /** Raw JSON text such as {@code 1540919166796.0} or {@code null}. */
  JsonObjectWriter raw(String name, String rawJson) {
    if (startField(name)) {
      text.append(rawJson);
    }
    return this;
  }

  String end() {
    text.append('}');
    return text.toString();
  }

  /** Writes the name; false when the value is already written (tampered) or must be skipped. */
  private boolean startField(String name) {
    boolean tampered = tamperedField != null && tamperedField.equals(name);
    if (tampered && tamperedValue == null) {
      return false;
    }
    if (!firstField) {
      text.append(fieldSeparator);
    }
    firstField = false;
    text.append('"').append(name).append('"').append(nameSeparator);
    if (tampered) {
      text.append(tamperedValue);
      return false;
    }
    return true;
  }

  private void appendQuoted(String value) {
    text.append('"');
    for (int index = 0; index < value.length(); index++) {
      char character = value.charAt(index);
      switch (character) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\f' -> text.append("\\f");
        default -> {
          if (character < 0x20 || (escapeNonAscii && character > 0x7e)) {
            appendUnicodeEscape(character);
          } else {
            text.append(character);
          }
        }
      }
    }
    text.append('"');
  }

  private void appendUnicodeEscape(char character) {
    text.append("\\u")
        .append(HEX_DIGITS[(character >> 12) & 0xf])
        .append(HEX_DIGITS[(character >> 8) & 0xf])
        .append(HEX_DIGITS[(character >> 4) & 0xf])
        .append(HEX_DIGITS[character & 0xf]);
  }

  private void appendDecimal(long hundredThousandths) {
    text.append(formatDecimal(hundredThousandths));
  }

  /**
   * Prints a fixed-point value with at most five decimals and at least one, from integer
   * arithmetic, so the catalogue and the log print the same duration with the same characters (and
   * a reader parses both to the same double).
   */
  static String formatDecimal(long hundredThousandths) {
    StringBuilder out = new StringBuilder(16);
    long magnitude = hundredThousandths;
    if (magnitude < 0) {
      out.append('-');
      magnitude = -magnitude;
    }
    out.append(magnitude / UNITS_PER_WHOLE).append('.');
    long fraction = magnitude % UNITS_PER_WHOLE;
    int digits = 5;
    while (digits > 1 && fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    String fractionText = Long.toString(fraction);
    for (int padding = fractionText.length(); padding < digits; padding++) {
      out.append('0');
    }
    return out.append(fractionText).toString();
  }
}

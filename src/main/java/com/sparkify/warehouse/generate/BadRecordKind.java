package com.sparkify.warehouse.generate;

import java.util.Arrays;
import java.util.List;

/**
 * The ways a generated record is broken on purpose, so the job's quarantine has every kind of bad
 * input a real feed delivers. Bad records cycle through the kinds in declaration order.
 */
public enum BadRecordKind {
  /** The JSON text is cut in half. */
  TRUNCATED_LINE("truncated line", true),
  /** A field holds the wrong JSON type, such as {@code "ts":"yesterday"}. */
  WRONG_TYPE("wrong type", true),
  /** A required field is left out. */
  MISSING_REQUIRED_FIELD("missing required field", true),
  /** A string holds bytes that are not UTF-8 (0xC3 0x28, or 0xFF). */
  INVALID_UTF8("invalid UTF-8", true),
  /** The line is not JSON at all. */
  NOT_JSON("not JSON", true),
  /** A string holds a NUL character, escaped in JSON as backslash-u-0000. */
  NUL_CHARACTER("NUL character", true),
  /** The event time is before 1970 or in the year 3000; songs have no timestamp. */
  TIMESTAMP_OUT_OF_RANGE("timestamp out of range", false),
  /** A whole number too large for its column, such as {@code "itemInSession":99999999999999}. */
  NUMBER_OUT_OF_RANGE("number out of range", true);

  private final String label;
  private final boolean appliesToSongs;

  BadRecordKind(String label, boolean appliesToSongs) {
    this.label = label;
    this.appliesToSongs = appliesToSongs;
  }

  /** Short human-readable name, as printed in the generator's summary. */
  public String label() {
    return label;
  }

  /** Kinds a log line can be broken with: all of them. */
  public static List<BadRecordKind> forEvents() {
    return List.of(values());
  }

  /** Kinds a song record can be broken with. */
  public static List<BadRecordKind> forSongs() {
    return Arrays.stream(values()).filter(kind -> kind.appliesToSongs).toList();
  }
}

package com.sparkify.warehouse.quality;

import com.sparkify.warehouse.config.ConfigError;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The built-in kinds of quality check, by their config name. */
public enum CheckKind {
  /** The table holds at least {@code min} rows. */
  ROW_COUNT("row-count"),
  /** No two rows share a value of {@code column}. */
  UNIQUE("unique"),
  /** No row has a null {@code column}. */
  NOT_NULL("not-null"),
  /** Every non-null {@code column} value is in {@code references} (TABLE.COLUMN). */
  REFERENCES("references"),
  /** At least the share {@code min} of the rows have a non-null {@code column}. */
  MATCHED_SHARE("matched-share");

  private final String key;

  CheckKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static CheckKind fromKey(String value) {
    return Arrays.stream(values())
        .filter(kind -> kind.key.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigError(
                    "Invalid quality.checks kind '"
                        + value
                        + "': expected one of "
                        + Arrays.stream(values())
                            .map(CheckKind::key)
                            .collect(Collectors.joining(", "))));
  }
}

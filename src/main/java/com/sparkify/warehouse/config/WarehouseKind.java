package com.sparkify.warehouse.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which warehouse the job loads. */
public enum WarehouseKind {
  /** A PostgreSQL started by the job, its data kept under warehouse.embedded-directory. */
  EMBEDDED_POSTGRES("embedded-postgres"),
  /** Any PostgreSQL at warehouse.url. */
  POSTGRES("postgres"),
  /** Amazon Redshift at warehouse.url, loaded through the spark-redshift connector. */
  REDSHIFT("redshift");

  private final String key;

  WarehouseKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  static WarehouseKind fromKey(String value) {
    return Arrays.stream(values())
        .filter(kind -> kind.key.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                ConfigError.invalid(
                    "warehouse.kind",
                    value,
                    "expected one of "
                        + Arrays.stream(values())
                            .map(WarehouseKind::key)
                            .collect(Collectors.joining(", "))));
  }
}

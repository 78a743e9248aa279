package com.sparkify.warehouse.config;

import java.util.regex.Pattern;

/**
 * Where the star schema is loaded.
 *
 * @param kind {@code warehouse.kind}: embedded-postgres (default) or postgres
 * @param url {@code warehouse.url}: JDBC URL, required for postgres, unused for embedded-postgres
 * @param user {@code warehouse.user}: database user (postgres)
 * @param password {@code warehouse.password}, else the environment variable
 *     SPARKIFY_WAREHOUSE_PASSWORD (empty)
 * @param schema {@code warehouse.schema}: schema of the five tables (public)
 * @param tempdir {@code warehouse.tempdir}: where Spark writes the files each load COPYs
 *     (warehouse/tmp); a run's files are deleted after it succeeds
 * @param embeddedDirectory {@code warehouse.embedded-directory}: data directory of the embedded
 *     PostgreSQL (warehouse/postgres)
 * @param connectTimeoutSeconds {@code warehouse.connect-timeout-seconds}: give up connecting after
 *     this long (10)
 */
public record WarehouseConfig(
    WarehouseKind kind,
    String url,
    String user,
    Secret password,
    String schema,
    String tempdir,
    String embeddedDirectory,
    int connectTimeoutSeconds) {

  /** Lower-case SQL identifiers only: config must never be able to inject SQL. */
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public WarehouseConfig {
    if (kind == WarehouseKind.POSTGRES) {
      InputConfig.requireSet("warehouse.url", url);
      if (!url.startsWith("jdbc:postgresql:")) {
        throw ConfigError.invalid("warehouse.url", url, "expected jdbc:postgresql://HOST:PORT/DB");
      }
      InputConfig.requireSet("warehouse.user", user);
    }
    if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
      throw ConfigError.invalid(
          "warehouse.schema", schema, "expected a lower-case identifier such as public");
    }
    InputConfig.requireSet("warehouse.tempdir", tempdir);
    if (kind == WarehouseKind.EMBEDDED_POSTGRES) {
      InputConfig.requireSet("warehouse.embedded-directory", embeddedDirectory);
    }
    if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 3600) {
      throw ConfigError.invalid(
          "warehouse.connect-timeout-seconds", connectTimeoutSeconds, "expected 1 to 3600");
    }
  }
}

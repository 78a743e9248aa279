package com.sparkify.warehouse.config;

import java.util.regex.Pattern;

/**
 * Where the star schema is loaded.
 *
 * @param kind {@code warehouse.kind}: embedded-postgres (default), postgres or redshift
 * @param url {@code warehouse.url}: JDBC URL, required for postgres and redshift, unused for
 *     embedded-postgres
 * @param user {@code warehouse.user}: database user (postgres)
 * @param password {@code warehouse.password}, else the environment variable
 *     SPARKIFY_WAREHOUSE_PASSWORD (empty)
 * @param passwordSecret {@code warehouse.password-secret}: ARN of an AWS Secrets Manager secret
 *     holding the password, read at start-up when set (empty)
 * @param schema {@code warehouse.schema}: schema of the five tables (public)
 * @param tempdir {@code warehouse.tempdir}: where Spark writes the files each load COPYs
 *     (warehouse/tmp); an s3a:// or s3:// URI for redshift; a run's files are deleted after it
 *     succeeds
 * @param embeddedDirectory {@code warehouse.embedded-directory}: data directory of the embedded
 *     PostgreSQL (warehouse/postgres)
 * @param connectTimeoutSeconds {@code warehouse.connect-timeout-seconds}: give up connecting after
 *     this long (10)
 * @param redshift the connector's settings, checked when kind is redshift
 */
public record WarehouseConfig(
    WarehouseKind kind,
    String url,
    String user,
    Secret password,
    String passwordSecret,
    String schema,
    String tempdir,
    String embeddedDirectory,
    int connectTimeoutSeconds,
    RedshiftConfig redshift) {

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
    if (kind == WarehouseKind.REDSHIFT) {
      InputConfig.requireSet("warehouse.url", url);
      if (!url.startsWith("jdbc:redshift:")) {
        throw ConfigError.invalid("warehouse.url", url, "expected jdbc:redshift://CLUSTER:5439/DB");
      }
      InputConfig.requireSet("warehouse.user", user);
      if (!tempdir.startsWith("s3a://") && !tempdir.startsWith("s3://")) {
        throw ConfigError.invalid(
            "warehouse.tempdir", tempdir, "Redshift COPYs from S3: expected s3a://BUCKET/PREFIX");
      }
      redshift.validate();
    }
    if (passwordSecret != null
        && !passwordSecret.isEmpty()
        && !passwordSecret.startsWith("arn:aws")) {
      throw ConfigError.invalid(
          "warehouse.password-secret", passwordSecret, "expected a Secrets Manager secret ARN");
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

  /**
   * The password to connect with: from warehouse.password-secret when it is set (read from AWS now,
   * not when the config is loaded, so --dry-run never calls AWS), else the configured one.
   */
  public Secret resolvedPassword() {
    return passwordSecret == null || passwordSecret.isEmpty()
        ? password
        : SecretsManagerPassword.read(passwordSecret);
  }

  /** The same settings with another password. */
  public WarehouseConfig withPassword(Secret otherPassword) {
    return new WarehouseConfig(
        kind,
        url,
        user,
        otherPassword,
        passwordSecret,
        schema,
        tempdir,
        embeddedDirectory,
        connectTimeoutSeconds,
        redshift);
  }

  /** The same settings with another tempdir. */
  public WarehouseConfig withTempdir(String otherTempdir) {
    return new WarehouseConfig(
        kind,
        url,
        user,
        password,
        passwordSecret,
        schema,
        otherTempdir,
        embeddedDirectory,
        connectTimeoutSeconds,
        redshift);
  }
}

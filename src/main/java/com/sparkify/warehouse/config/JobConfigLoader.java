package com.sparkify.warehouse.config;

import com.sparkify.warehouse.quality.CheckKind;
import com.sparkify.warehouse.quality.QualityCheck;
import com.sparkify.warehouse.schema.RunLedger;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a HOCON file, applies {@code --set KEY=VALUE} overrides and the defaults of {@code
 * reference.conf}, and builds a {@link JobConfig}. A key that reference.conf does not define is an
 * error (a typo must not silently fall back to a default), except under {@code spark.}.
 */
public final class JobConfigLoader {

  /** Environment variable read when warehouse.password is empty. */
  public static final String PASSWORD_VARIABLE = "SPARKIFY_WAREHOUSE_PASSWORD";

  private static final String SPARK_PREFIX = "spark.";

  private JobConfigLoader() {}

  /**
   * @param file the HOCON file, or null for defaults only
   * @param overrides {@code KEY=VALUE} strings, later ones win
   * @param environment where the password is looked up when warehouse.password is empty
   */
  public static JobConfig load(File file, List<String> overrides, Map<String, String> environment) {
    if (file != null && !file.isFile()) {
      throw new ConfigError("Config file not found: " + file + " (check --config)");
    }
    Config fileConfig = null;
    if (file != null) {
      try {
        fileConfig =
            ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw new ConfigError("Cannot parse " + file + ": " + firstLine(e.getMessage()), e);
      }
    }
    return load(fileConfig, overrides, environment);
  }

  /**
   * Like {@link #load(File, List, Map)} for config text read from elsewhere, such as S3.
   *
   * @param origin where the text came from, for messages
   */
  public static JobConfig load(
      String text, String origin, List<String> overrides, Map<String, String> environment) {
    Config fileConfig;
    try {
      fileConfig =
          ConfigFactory.parseString(
              text, ConfigParseOptions.defaults().setOriginDescription(origin));
    } catch (ConfigException e) {
      throw new ConfigError("Cannot parse " + origin + ": " + firstLine(e.getMessage()), e);
    }
    return load(fileConfig, overrides, environment);
  }

  /** The S3 settings given by --set alone: what reading a config file from S3 needs. */
  public static S3Config s3Overrides(List<String> overrides) {
    Config config =
        ConfigFactory.parseMap(parseOverrides(overrides), "--set")
            .withFallback(ConfigFactory.parseResources("reference.conf"))
            .resolve();
    return new S3Config(
        S3Config.Credentials.fromKey(config.getString("s3.credentials")),
        config.getString("s3.endpoint"),
        booleanValue(config, "s3.path-style"),
        config.getString("s3.region"));
  }

  private static JobConfig load(
      Config fileConfig, List<String> overrides, Map<String, String> environment) {
    Config user = ConfigFactory.parseMap(parseOverrides(overrides), "--set");
    if (fileConfig != null) {
      user = user.withFallback(fileConfig);
    }
    Config reference = ConfigFactory.parseResources("reference.conf");
    Config resolved;
    try {
      // ${?VAR} substitutions read the process environment, as HOCON defines.
      resolved = user.withFallback(reference).resolve();
      rejectUnknownKeys(user.resolveWith(resolved), reference);
    } catch (ConfigException e) {
      throw new ConfigError(firstLine(e.getMessage()), e);
    }
    try {
      return build(resolved, environment);
    } catch (ConfigException.WrongType e) {
      throw new ConfigError(e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "invalid config" : message.lines().findFirst().orElse(message);
  }

  private static Map<String, String> parseOverrides(List<String> overrides) {
    var values = new LinkedHashMap<String, String>();
    for (String override : overrides) {
      int equals = override.indexOf('=');
      if (equals <= 0) {
        throw new ConfigError("Invalid --set '" + override + "': expected KEY=VALUE");
      }
      values.put(override.substring(0, equals).trim(), override.substring(equals + 1));
    }
    return values;
  }

  private static void rejectUnknownKeys(Config user, Config reference) {
    for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(entries(user)).entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(SPARK_PREFIX) && !reference.hasPath(key)) {
        throw new ConfigError(
            "Unknown config key '"
                + key
                + "' (from "
                + entry.getValue().origin().description()
                + "); see conf/local.conf for the keys");
      }
    }
  }

  private static Map<String, ConfigValue> entries(Config config) {
    var entries = new LinkedHashMap<String, ConfigValue>();
    config.entrySet().forEach(e -> entries.put(e.getKey(), e.getValue()));
    return entries;
  }

  private static JobConfig build(Config config, Map<String, String> environment) {
    var input =
        new InputConfig(
            config.getString("input.song-data"),
            config.getString("input.log-data"),
            intValue(config, "input.max-record-bytes"));
    String password = config.getString("warehouse.password");
    if (password.isEmpty()) {
      password = environment.getOrDefault(PASSWORD_VARIABLE, "");
    }
    var warehouse =
        new WarehouseConfig(
            WarehouseKind.fromKey(config.getString("warehouse.kind")),
            config.getString("warehouse.url"),
            config.getString("warehouse.user"),
            new Secret(password),
            config.getString("warehouse.password-secret"),
            config.getString("warehouse.schema"),
            config.getString("warehouse.tempdir"),
            config.getString("warehouse.embedded-directory"),
            intValue(config, "warehouse.connect-timeout-seconds"),
            new RedshiftConfig(
                config.getString("warehouse.iam-role"),
                config.getString("warehouse.tempformat"),
                config.getString("warehouse.tempdir-region"),
                intValue(config, "warehouse.slices")));
    var quarantine =
        new QuarantineConfig(
            config.getString("quarantine.path"), doubleValue(config, "quarantine.max-ratio"));
    var spark = new TreeMap<String, String>();
    if (config.hasPath("spark")) {
      config
          .getConfig("spark")
          .entrySet()
          .forEach(
              e -> spark.put(SPARK_PREFIX + e.getKey(), String.valueOf(e.getValue().unwrapped())));
    }
    var load =
        new LoadConfig(booleanValue(config, "load.staging-tables"), config.getString("lake.path"));
    var s3 =
        new S3Config(
            S3Config.Credentials.fromKey(config.getString("s3.credentials")),
            config.getString("s3.endpoint"),
            booleanValue(config, "s3.path-style"),
            config.getString("s3.region"));
    var quality = new QualityConfig(qualityChecks(config, load));
    return new JobConfig(input, warehouse, quarantine, load, s3, quality, spark);
  }

  private static final java.util.Set<String> CHECK_KEYS =
      java.util.Set.of("kind", "table", "column", "references", "min");

  private static List<QualityCheck> qualityChecks(Config config, LoadConfig load) {
    var tables = new java.util.HashSet<String>();
    load.tables().forEach(t -> tables.add(t.name()));
    tables.add(RunLedger.ETL_RUNS.name());
    var checks = new java.util.ArrayList<QualityCheck>();
    List<? extends Config> declared;
    try {
      declared = config.getConfigList("quality.checks");
    } catch (ConfigException.WrongType e) {
      throw new ConfigError("Invalid quality.checks: expected a list of {kind, table, ...}", e);
    }
    for (Config check : declared) {
      for (String key : check.root().keySet()) {
        if (!CHECK_KEYS.contains(key)) {
          throw new ConfigError(
              "Unknown key '"
                  + key
                  + "' in quality.checks ("
                  + check.origin().description()
                  + "); expected "
                  + String.join(", ", new java.util.TreeSet<>(CHECK_KEYS)));
        }
      }
      if (!check.hasPath("kind") || !check.hasPath("table")) {
        throw new ConfigError(
            "A quality.checks entry needs kind and table (" + check.origin().description() + ")");
      }
      var quality =
          new QualityCheck(
              CheckKind.fromKey(check.getString("kind")),
              check.getString("table"),
              check.hasPath("column") ? check.getString("column") : null,
              check.hasPath("references") ? check.getString("references") : null,
              check.hasPath("min") ? check.getDouble("min") : 0);
      for (String table : quality.tables()) {
        if (!tables.contains(table)) {
          throw new ConfigError(
              "Invalid quality.checks table '"
                  + table
                  + "' ("
                  + check.origin().description()
                  + "): the run loads "
                  + String.join(", ", new java.util.TreeSet<>(tables)));
        }
      }
      checks.add(quality);
    }
    return checks;
  }

  private static double doubleValue(Config config, String key) {
    try {
      return config.getDouble(key);
    } catch (ConfigException.WrongType e) {
      throw ConfigError.invalid(key, config.getValue(key).unwrapped(), "expected a number");
    }
  }

  private static boolean booleanValue(Config config, String key) {
    try {
      return config.getBoolean(key);
    } catch (ConfigException.WrongType e) {
      throw ConfigError.invalid(key, config.getValue(key).unwrapped(), "expected true or false");
    }
  }

  private static int intValue(Config config, String key) {
    try {
      return config.getInt(key);
    } catch (ConfigException.WrongType e) {
      throw ConfigError.invalid(key, config.getValue(key).unwrapped(), "expected an integer");
    }
  }
}

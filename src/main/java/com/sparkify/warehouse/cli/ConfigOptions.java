package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.ConfigError;
import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.JobConfigLoader;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that reads the config shares. */
final class ConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "conf/local.conf",
      description = "HOCON config file (default: ${DEFAULT-VALUE}).")
  File file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a config key; may repeat. Keys under spark. go to the SparkConf unchanged.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--verbose", description = "Log more, and print stack traces of errors.")
  boolean verbose;

  JobConfig load() {
    return JobConfigLoader.load(file, overrides, System.getenv());
  }

  /** For commands that only talk to the warehouse: the inputs need not be set. */
  JobConfig loadWithoutInputs() {
    var withInputs = new ArrayList<String>();
    withInputs.add("input.song-data=(unused)");
    withInputs.add("input.log-data=(unused)");
    withInputs.addAll(overrides);
    try {
      return JobConfigLoader.load(file, overrides, System.getenv());
    } catch (ConfigError e) {
      if (e.getMessage().startsWith("Missing input.")) {
        return JobConfigLoader.load(file, withInputs, System.getenv());
      }
      throw e;
    }
  }
}

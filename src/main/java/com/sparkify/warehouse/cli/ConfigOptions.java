package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.JobConfigLoader;
import com.sparkify.warehouse.config.S3Config;
import com.sparkify.warehouse.config.S3Settings;
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
      description = "HOCON config file or s3a:// URI (default: ${DEFAULT-VALUE}).")
  String file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a config key; may repeat. Keys under spark. go to the SparkConf unchanged.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--verbose", description = "Log more, and print stack traces of errors.")
  boolean verbose;

  JobConfig load() {
    return load(overrides);
  }

  private JobConfig load(List<String> settings) {
    if (!file.contains("://")) {
      return JobConfigLoader.load(new File(file), settings, System.getenv());
    }
    S3Config s3 = JobConfigLoader.s3Overrides(settings);
    String text = RemoteFiles.readText(file, S3Settings.hadoopProperties(s3, System.getenv()));
    return JobConfigLoader.load(text, file, settings, System.getenv());
  }

  /** For commands that only talk to the warehouse: the inputs need not be set. */
  JobConfig loadWithoutInputs() {
    // These commands never read the inputs: placeholders keep their validation out of the way.
    var settings = new ArrayList<String>();
    settings.add("input.song-data=(unused)");
    settings.add("input.log-data=(unused)");
    settings.addAll(overrides);
    return load(settings);
  }
}

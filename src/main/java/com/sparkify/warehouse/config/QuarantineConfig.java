package com.sparkify.warehouse.config;

/**
 * Where refused records go.
 *
 * @param path {@code quarantine.path}: each run writes a folder named after its run id below it. It
 *     holds raw input records, so protect it like the input.
 * @param maxRatio {@code quarantine.max-ratio}: the run fails, publishing nothing, when a larger
 *     share of the input records is quarantined (0.01)
 */
public record QuarantineConfig(String path, double maxRatio) {

  public QuarantineConfig {
    InputConfig.requireSet("quarantine.path", path);
    if (maxRatio < 0 || maxRatio > 1) {
      throw ConfigError.invalid("quarantine.max-ratio", maxRatio, "expected 0 to 1");
    }
  }
}

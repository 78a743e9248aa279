package com.sparkify.warehouse.config;

/**
 * Where refused records go.
 *
 * @param path {@code quarantine.path}: each run writes a folder named after its run id below it. It
 *     holds raw input records, so protect it like the input.
 */
public record QuarantineConfig(String path) {

  public QuarantineConfig {
    InputConfig.requireSet("quarantine.path", path);
  }
}

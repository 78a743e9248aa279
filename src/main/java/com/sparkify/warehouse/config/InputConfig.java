package com.sparkify.warehouse.config;

/**
 * Where the raw JSON is.
 *
 * @param songData {@code input.song-data}: folder or URI of the song catalogue, read recursively
 * @param logData {@code input.log-data}: folder or URI of the event logs, read recursively
 * @param maxRecordBytes {@code input.max-record-bytes}: a longer line is quarantined (16 MiB)
 */
public record InputConfig(String songData, String logData, int maxRecordBytes) {

  public InputConfig {
    requireSet("input.song-data", songData);
    requireSet("input.log-data", logData);
    if (maxRecordBytes < 1024) {
      throw ConfigError.invalid("input.max-record-bytes", maxRecordBytes, "must be at least 1024");
    }
  }

  static void requireSet(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigError(
          "Missing " + key + ": set it in the config file or with --set " + key + "=...");
    }
  }
}

package com.sparkify.warehouse.config;

/** A setting a user must fix; the message names the key and the bad value. */
public class ConfigError extends RuntimeException {
  public ConfigError(String message) {
    super(message);
  }

  public ConfigError(String message, Throwable cause) {
    super(message, cause);
  }

  static ConfigError invalid(String key, Object value, String expected) {
    return new ConfigError("Invalid " + key + " = '" + value + "': " + expected);
  }
}

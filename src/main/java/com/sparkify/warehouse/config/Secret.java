package com.sparkify.warehouse.config;

/** A password or key that must never reach a log line, a report or an exception message. */
public record Secret(String value) {

  public Secret {
    value = value == null ? "" : value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "(empty)" : "****";
  }
}

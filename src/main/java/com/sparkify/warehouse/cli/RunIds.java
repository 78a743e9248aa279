package com.sparkify.warehouse.cli;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Run ids that sort by start time and do not collide: 20181105T120000Z-3f9a. */
final class RunIds {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  static String next() {
    return FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC))
        + "-"
        + String.format("%04x", RANDOM.nextInt(1 << 16));
  }
}

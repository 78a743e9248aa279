package com.sparkify.warehouse.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Keeps Spark's and PostgreSQL's logs out of the way unless asked for. */
final class Logging {

  private Logging() {}

  static void configure(boolean verbose) {
    if (verbose) {
      Configurator.setRootLevel(Level.INFO);
    }
  }
}

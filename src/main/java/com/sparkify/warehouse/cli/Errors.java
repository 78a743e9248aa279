package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.ConfigError;
import com.sparkify.warehouse.extract.InputException;

/** Maps failures to exit codes and one-line messages. */
final class Errors {

  static final int RUN_FAILED = 1;
  static final int USAGE = 2;

  private Errors() {}

  /** 2 for what the user must fix in the command or config, 1 for a run that failed. */
  static int exitCode(Throwable error) {
    return isUsage(error) ? USAGE : RUN_FAILED;
  }

  private static boolean isUsage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConfigError || t instanceof InputException) {
        return true;
      }
    }
    return false;
  }

  /** The first line of the most telling message: ours if there is one, else the root cause. */
  static String oneLine(Throwable error) {
    Throwable shown = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConfigError
          || t instanceof InputException
          || t.getClass().getPackageName().startsWith("com.sparkify")) {
        shown = t;
        break;
      }
    }
    String message = shown.getMessage();
    if (message == null || message.isBlank()) {
      message = shown.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}

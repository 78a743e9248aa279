package com.sparkify.warehouse.cli;

import java.io.PrintStream;
import java.util.function.Consumer;

/** Prints one line per stage of long work, with the seconds since the command started. */
final class ProgressLog implements Consumer<String> {

  private final PrintStream out;
  private final long started = System.nanoTime();

  ProgressLog(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(String message) {
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("[sparkify %6.1fs] %s%n", seconds, message);
    out.flush();
  }
}

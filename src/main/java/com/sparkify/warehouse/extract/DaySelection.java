package com.sparkify.warehouse.extract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which days of the log a run loads: all of them, an inclusive range, or every day present in the
 * input that the run ledger has not marked loaded.
 */
public record DaySelection(Mode mode, LocalDate from, LocalDate to) {

  /** How the days are chosen. */
  public enum Mode {
    ALL,
    RANGE,
    INCREMENTAL
  }

  public DaySelection {
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.RANGE) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("--to " + to + " is before --from " + from);
      }
    }
  }

  public static DaySelection all() {
    return new DaySelection(Mode.ALL, null, null);
  }

  public static DaySelection range(LocalDate from, LocalDate to) {
    return new DaySelection(Mode.RANGE, from, to);
  }

  public static DaySelection incremental() {
    return new DaySelection(Mode.INCREMENTAL, null, null);
  }

  @Override
  public String toString() {
    return switch (mode) {
      case ALL -> "all days";
      case RANGE -> from + " to " + to;
      case INCREMENTAL -> "days not loaded yet";
    };
  }
}

package com.sparkify.warehouse.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Decides, before any event exists, how many lines each daily file gets and which lines are good
 * events, repeats of the previous good line, or bad records. The counts are exact, so the files
 * hold exactly {@code --events} lines.
 */
final class LineLayout {

  static final byte GOOD = 0;
  static final byte DUPLICATE = 1;
  static final byte BAD = 2;

  // "A fraction of a percent" of lines are repeated verbatim.
  private static final double DUPLICATE_SHARE = 0.003;
  // Days differ in traffic, as in the sample (from about 100 to about 450 events a day).
  private static final double MINIMUM_DAY_WEIGHT = 0.7;
  private static final double DAY_WEIGHT_SPREAD = 0.6;

  private final byte[] kinds;
  private final int[] dayStarts;
  private final int badLines;
  private final int duplicateLines;

  private LineLayout(byte[] kinds, int[] dayStarts, int badLines, int duplicateLines) {
    this.kinds = kinds;
    this.dayStarts = dayStarts;
    this.badLines = badLines;
    this.duplicateLines = duplicateLines;
  }

  /**
   * @param badKindCount number of bad kinds; when {@code badRatio > 0} each gets a line if there is
   *     room
   */
  static LineLayout plan(
      int lines, int days, double badRatio, int badKindCount, SplittableRandom random) {
    int[] dayStarts = dayStarts(lines, days, random);
    byte[] kinds = new byte[lines];
    int badLines =
        badRatio > 0
            ? Math.min(lines, Math.max(badKindCount, (int) Math.round(badRatio * lines)))
            : 0;
    choose(kinds, badLines, BAD, eligibleForBad(lines), random);

    // A repeat needs a good line before it in the same file: the first good line of a day is not
    // eligible.
    boolean[] eligible = new boolean[lines];
    int eligibleCount = 0;
    for (int day = 0; day < days; day++) {
      boolean seenGood = false;
      for (int line = dayStarts[day]; line < dayStarts[day + 1]; line++) {
        if (kinds[line] == GOOD) {
          eligible[line] = seenGood;
          eligibleCount += seenGood ? 1 : 0;
          seenGood = true;
        }
      }
    }
    int goodLines = lines - badLines;
    int duplicateTarget =
        goodLines >= 2 ? Math.max(1, (int) Math.round(goodLines * DUPLICATE_SHARE)) : 0;
    int duplicateLines = Math.min(duplicateTarget, eligibleCount);
    choose(kinds, duplicateLines, DUPLICATE, eligible, random);
    return new LineLayout(kinds, dayStarts, badLines, duplicateLines);
  }

  private static boolean[] eligibleForBad(int lines) {
    boolean[] eligible = new boolean[lines];
    Arrays.fill(eligible, true);
    return eligible;
  }

  /** Marks exactly {@code count} of the eligible lines, uniformly (selection sampling). */
  private static void choose(
      byte[] kinds, int count, byte kind, boolean[] eligible, SplittableRandom random) {
    int remaining = 0;
    for (boolean isEligible : eligible) {
      remaining += isEligible ? 1 : 0;
    }
    int needed = count;
    for (int line = 0; line < kinds.length && needed > 0; line++) {
      if (eligible[line]) {
        if (random.nextInt(remaining) < needed) {
          kinds[line] = kind;
          needed--;
        }
        remaining--;
      }
    }
  }

  private static int[] dayStarts(int lines, int days, SplittableRandom random) {
    double[] cumulative = new double[days + 1];
    for (int day = 0; day < days; day++) {
      cumulative[day + 1] =
          cumulative[day] + MINIMUM_DAY_WEIGHT + DAY_WEIGHT_SPREAD * random.nextDouble();
    }
    int[] starts = new int[days + 1];
    for (int day = 0; day <= days; day++) {
      starts[day] = (int) Math.floor(lines * (cumulative[day] / cumulative[days]));
    }
    starts[days] = lines;
    return starts;
  }

  int firstLine(int day) {
    return dayStarts[day];
  }

  /** Index after the day's last line. */
  int endLine(int day) {
    return dayStarts[day + 1];
  }

  byte kind(int line) {
    return kinds[line];
  }

  int goodLines(int day) {
    int count = 0;
    for (int line = dayStarts[day]; line < dayStarts[day + 1]; line++) {
      count += kinds[line] == GOOD ? 1 : 0;
    }
    return count;
  }

  int badLines() {
    return badLines;
  }

  int duplicateLines() {
    return duplicateLines;
  }
}

package com.sparkify.warehouse.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the synthetic data generator writes: how much of each input, over which days, how much of it
 * broken, and from which seed. The same settings always give a byte-identical tree.
 *
 * @param outputDirectory folder that receives {@code song_data/} and {@code log_data/}
 * @param songs number of song files (one catalogue record each, plus a few extra records)
 * @param events number of lines across all log files, bad and duplicated lines included
 * @param days number of daily log files, starting at {@code startDate}
 * @param seed seed of every random choice
 * @param badRatio share of event lines and song records replaced by broken ones, 0 to 1
 * @param startDate day of the first log file (UTC)
 */
public record GeneratorSettings(
    Path outputDirectory,
    int songs,
    int events,
    int days,
    long seed,
    double badRatio,
    LocalDate startDate) {

  /** Default for {@code --songs}. */
  public static final int DEFAULT_SONGS = 1000;

  /** Default for {@code --events}: about the size of the public November 2018 sample. */
  public static final int DEFAULT_EVENTS = 8000;

  /** Default for {@code --days}: one month of daily files. */
  public static final int DEFAULT_DAYS = 30;

  /** Default for {@code --seed}. */
  public static final long DEFAULT_SEED = 42;

  /** Default for {@code --bad-ratio}: clean input. */
  public static final double DEFAULT_BAD_RATIO = 0.0;

  /** Default for {@code --start-date} as text, for annotations. */
  public static final String DEFAULT_START_DATE_TEXT = "2018-11-01";

  /** Default for {@code --start-date}: the month of the public sample. */
  public static final LocalDate DEFAULT_START_DATE = LocalDate.parse(DEFAULT_START_DATE_TEXT);

  // Upper bounds keep the in-memory plan (one byte per event line, one object per song) small.
  static final int MAX_SONGS = 2_000_000;
  static final int MAX_EVENTS = 100_000_000;
  static final int MAX_DAYS = 3660;

  public GeneratorSettings {
    Objects.requireNonNull(outputDirectory, "--out must be given");
    Objects.requireNonNull(startDate, "--start-date must be given");
    requireBetween("--songs", songs, 1, MAX_SONGS);
    requireBetween("--events", events, 1, MAX_EVENTS);
    requireBetween("--days", days, 1, MAX_DAYS);
    if (!(badRatio >= 0.0 && badRatio <= 1.0)) {
      throw new IllegalArgumentException("--bad-ratio must be between 0 and 1, got " + badRatio);
    }
    // Keeps every timestamp, the extra empty day included, after 1970 and well before year 3000,
    // so only the deliberately bad records fall outside that range.
    LocalDate lastDay = startDate.plusDays(days);
    if (startDate.getYear() < 1971 || lastDay.getYear() > 2900) {
      throw new IllegalArgumentException(
          "--start-date must fall between 1971 and 2900 with all --days after it, got "
              + startDate
              + " + "
              + days
              + " days");
    }
  }

  /** Default settings writing into {@code outputDirectory}. */
  public static GeneratorSettings defaults(Path outputDirectory) {
    return new GeneratorSettings(
        outputDirectory,
        DEFAULT_SONGS,
        DEFAULT_EVENTS,
        DEFAULT_DAYS,
        DEFAULT_SEED,
        DEFAULT_BAD_RATIO,
        DEFAULT_START_DATE);
  }

  private static void requireBetween(String key, int value, int minimum, int maximum) {
    if (value < minimum || value > maximum) {
      throw new IllegalArgumentException(
          key + " must be between " + minimum + " and " + maximum + ", got " + value);
    }
  }
}

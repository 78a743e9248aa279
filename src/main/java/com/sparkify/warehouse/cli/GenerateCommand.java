package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.generate.BadRecordKind;
import com.sparkify.warehouse.generate.DataGenerator;
import com.sparkify.warehouse.generate.GenerationReport;
import com.sparkify.warehouse.generate.GeneratorSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: writes a synthetic {@code song_data/} and {@code log_data/} shaped like the
 * public Sparkify sample, with its quirks and, on request, broken records. The same options always
 * write a byte-identical tree.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes synthetic song_data/ and log_data/ inputs shaped like the public Sparkify sample,"
          + " with its quirks (logged-out events, level changes, artist spelling variants,"
          + " mis-encoded names, duplicate lines) and optionally broken records.",
      "The same options always write a byte-identical tree."
    })
public class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder that receives song_data/ and log_data/; they must not exist yet.")
  Path out;

  @Option(
      names = "--songs",
      paramLabel = "N",
      defaultValue = "" + GeneratorSettings.DEFAULT_SONGS,
      description = "Number of song files (default: ${DEFAULT-VALUE}).")
  int songs;

  @Option(
      names = "--events",
      paramLabel = "M",
      defaultValue = "" + GeneratorSettings.DEFAULT_EVENTS,
      description =
          "Number of log lines in all, bad and repeated ones included"
              + " (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "" + GeneratorSettings.DEFAULT_DAYS,
      description = "Number of daily log files (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + GeneratorSettings.DEFAULT_SEED,
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--bad-ratio",
      paramLabel = "R",
      defaultValue = "" + GeneratorSettings.DEFAULT_BAD_RATIO,
      description =
          "Share of log lines and song records to break, 0 to 1; above 0 every kind"
              + " of bad record appears at least once (default: ${DEFAULT-VALUE}).")
  double badRatio;

  @Option(
      names = "--start-date",
      paramLabel = "YYYY-MM-DD",
      defaultValue = GeneratorSettings.DEFAULT_START_DATE_TEXT,
      description = "Day of the first log file, UTC (default: ${DEFAULT-VALUE}).")
  String startDate;

  @Override
  public Integer call() {
    GeneratorSettings settings = settings();
    PrintWriter output = spec.commandLine().getOut();
    long startNanos = System.nanoTime();
    GenerationReport report =
        DataGenerator.generate(
            settings,
            line -> {
              output.println(line);
              output.flush();
            });
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    printSummary(output, report, seconds);
    output.flush();
    return 0;
  }

  /** Checks the options; a bad value becomes a usage error (exit code 2) naming the option. */
  private GeneratorSettings settings() {
    LocalDate firstDay;
    try {
      firstDay = LocalDate.parse(startDate);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for --start-date: '" + startDate + "' (expected YYYY-MM-DD)");
    }
    try {
      GeneratorSettings settings =
          new GeneratorSettings(out, songs, events, days, seed, badRatio, firstDay);
      DataGenerator.requireFreeOutput(out);
      return settings;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static void printSummary(PrintWriter output, GenerationReport report, double seconds) {
    output.printf(Locale.ROOT, "Generated in %.1f s%n", seconds);
    output.printf(
        Locale.ROOT,
        "  song files          %8d  (+%d empty)%n",
        report.songFiles(),
        report.emptySongFiles());
    output.printf(
        Locale.ROOT,
        "  good song records   %8d  (%d extra records in multi-record files, %d of them repeat a"
            + " song_id with another title or year)%n",
        report.songRecords(),
        report.extraSongRecords(),
        report.conflictingSongRecords());
    output.printf(
        Locale.ROOT,
        "  song quirks                   %d song_id pairs with equal title/artist/duration,"
            + " %d artist ids with several names and places%n",
        report.twinSongPairs(),
        report.variantArtists());
    printKinds(output, "bad song records", report.badSongRecords(), report.badSongRecordCount());
    output.printf(
        Locale.ROOT,
        "  log files           %8d  (+%d empty)%n",
        report.logFiles(),
        report.emptyLogFiles());
    output.printf(Locale.ROOT, "  event lines         %8d%n", report.eventLines());
    output.printf(Locale.ROOT, "    events            %8d%n", report.events());
    output.printf(Locale.ROOT, "    repeated lines    %8d%n", report.duplicateLines());
    output.printf(Locale.ROOT, "    bad lines         %8d%n", report.badEventLineCount());
    output.printf(
        Locale.ROOT,
        "  plays               %8d  (exact catalogue match %d = %.1f%%, near misses %d,"
            + " mis-encoded names %d)%n",
        report.plays(),
        report.exactMatchPlays(),
        report.plays() == 0 ? 0.0 : 100.0 * report.exactMatchPlays() / report.plays(),
        report.nearMissPlays(),
        report.misencodedPlays());
    output.printf(
        Locale.ROOT,
        "  users               %8d  (%d sessions, %d level changes, %d cancellations,"
            + " %d same-ts session pairs)%n",
        report.users(),
        report.sessions(),
        report.levelChanges(),
        report.cancellations(),
        report.sameTimestampPairs());
    printKinds(output, "bad event lines", report.badEventLines(), report.badEventLineCount());
  }

  private static void printKinds(
      PrintWriter output, String title, Map<BadRecordKind, Integer> counts, int total) {
    output.printf(Locale.ROOT, "  %-18s  %8d%n", title, total);
    for (Map.Entry<BadRecordKind, Integer> entry : counts.entrySet()) {
      output.printf(Locale.ROOT, "    %-22s%6d%n", entry.getKey().label(), entry.getValue());
    }
  }
}

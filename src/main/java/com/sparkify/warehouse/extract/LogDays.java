package com.sparkify.warehouse.extract;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The day of each log file, from the layout log_data/YYYY/MM/YYYY-MM-DD-events.json, and the files
 * of a range of days found by listing only the month folders the range spans.
 */
public final class LogDays {

  private static final Pattern DAY_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-events\\.json$");

  private LogDays() {}

  /** The day a log file holds, when its name follows the layout. */
  public static Optional<LocalDate> dayOf(String path) {
    Matcher matcher = DAY_FILE.matcher(path);
    if (!matcher.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(matcher.group(1)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The distinct days of some files, sorted. */
  public static List<LocalDate> days(Collection<SourceFile> files) {
    return files.stream()
        .map(f -> dayOf(f.path()))
        .flatMap(Optional::stream)
        .distinct()
        .sorted()
        .toList();
  }

  /** The files whose day is not in {@code loaded}; files without a day are kept. */
  public static List<SourceFile> notLoaded(List<SourceFile> files, Set<LocalDate> loaded) {
    return files.stream()
        .filter(f -> dayOf(f.path()).map(day -> !loaded.contains(day)).orElse(true))
        .toList();
  }

  /**
   * The log files of the days from {@code from} to {@code to}, listing one folder per month.
   *
   * @throws InputException when the range holds no log file
   */
  public static List<SourceFile> inRange(
      String logData, LocalDate from, LocalDate to, Configuration hadoop) {
    var files = new ArrayList<SourceFile>();
    try {
      Path root = new Path(logData);
      FileSystem fileSystem = root.getFileSystem(hadoop);
      for (YearMonth month = YearMonth.from(from);
          !month.isAfter(YearMonth.from(to));
          month = month.plusMonths(1)) {
        Path folder =
            new Path(root, String.format("%04d/%02d", month.getYear(), month.getMonthValue()));
        FileStatus[] statuses;
        try {
          statuses = fileSystem.listStatus(folder);
        } catch (FileNotFoundException e) {
          continue;
        }
        for (FileStatus status : statuses) {
          Optional<LocalDate> day = dayOf(status.getPath().getName());
          if (status.isFile()
              && day.isPresent()
              && !day.get().isBefore(from)
              && !day.get().isAfter(to)) {
            files.add(new SourceFile(status.getPath().toString(), status.getLen()));
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(
          "Cannot list " + logData + " (input.log-data): " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new InputException(
          "No log files for "
              + from
              + " to "
              + to
              + " under "
              + logData
              + "/YYYY/MM/ (check --from, --to and input.log-data)");
    }
    files.sort(Comparator.comparing(SourceFile::path));
    return files;
  }
}

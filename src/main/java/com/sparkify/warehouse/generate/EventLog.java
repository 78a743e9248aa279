package com.sparkify.warehouse.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes {@code log_data/YYYY/MM/YYYY-MM-DD-events.json}, one JSON-lines file per day. */
final class EventLog {

  private static final int BUFFER_BYTES = 1 << 16;
  // Unknown songs in the log: enough that most plays repeat a few popular ones, as in a real log.
  private static final int MINIMUM_UNKNOWN_SONGS = 20;
  private static final int MAXIMUM_UNKNOWN_SONGS = 100_000;

  private final GeneratorSettings settings;
  private final Path logDataDirectory;
  private final UserPool users;
  private final PlayPicker plays;
  private final LineLayout layout;
  private final DaySessions daySessions;
  private final SplittableRandom badRandom;
  private final JsonObjectWriter writer = JsonObjectWriter.compact();
  private final List<BadRecordKind> badKinds = BadRecordKind.forEvents();
  private final Map<BadRecordKind, Integer> badLines = new EnumMap<>(BadRecordKind.class);
  private int goodEvents;
  private int playEvents;
  private int logFiles;

  private EventLog(
      GeneratorSettings settings,
      Catalogue catalogue,
      Path logDataDirectory,
      SplittableRandom random) {
    this.settings = settings;
    this.logDataDirectory = logDataDirectory;
    long firstDayMillis = dayStartMillis(settings.startDate());
    this.users =
        UserPool.create(settings.events(), settings.days(), firstDayMillis, random.split());
    int unknownSongs =
        Math.max(MINIMUM_UNKNOWN_SONGS, Math.min(MAXIMUM_UNKNOWN_SONGS, settings.events() / 6));
    this.plays = new PlayPicker(catalogue, unknownSongs, random.split());
    this.layout =
        LineLayout.plan(
            settings.events(),
            settings.days(),
            settings.badRatio(),
            badKinds.size(),
            random.split());
    this.daySessions = new DaySessions(users, plays, random.split(), 1 + random.nextInt(100));
    this.badRandom = random.split();
  }

  static EventLogSummary write(
      GeneratorSettings settings,
      Catalogue catalogue,
      Path logDataDirectory,
      SplittableRandom random) {
    return new EventLog(settings, catalogue, logDataDirectory, random).writeAll();
  }

  private EventLogSummary writeAll() {
    int badIndex = 0;
    for (int day = 0; day < settings.days(); day++) {
      LocalDate date = settings.startDate().plusDays(day);
      long dayStart = dayStartMillis(date);
      List<LogEvent> events = daySessions.events(day, dayStart, layout.goodLines(day));
      badIndex = writeDay(day, date, dayStart, events, badIndex);
      logFiles++;
    }
    int emptyFiles = 0;
    if (settings.badRatio() > 0) {
      // An empty file for the day after the range: a real feed delivers those too.
      writeFile(settings.startDate().plusDays(settings.days()), out -> {});
      emptyFiles = 1;
    }
    return new EventLogSummary(
        logFiles,
        settings.events(),
        goodEvents,
        playEvents,
        plays.exactPlays(),
        plays.nearMissPlays(),
        plays.misencodedPlays(),
        layout.duplicateLines(),
        badLines,
        emptyFiles,
        users.size(),
        daySessions.sessions(),
        daySessions.sameTimestampPairs(),
        daySessions.levelChanges(),
        daySessions.cancellations());
  }

  private int writeDay(
      int day, LocalDate date, long dayStart, List<LogEvent> events, int firstBadIndex) {
    int[] badIndex = {firstBadIndex};
    writeFile(
        date,
        out -> {
          byte[] lastGoodLine = null;
          int eventIndex = 0;
          for (int line = layout.firstLine(day); line < layout.endLine(day); line++) {
            if (line > layout.firstLine(day)) {
              out.write('\n');
            }
            switch (layout.kind(line)) {
              case LineLayout.GOOD -> {
                LogEvent event = events.get(eventIndex++);
                lastGoodLine = EventJson.line(writer, event).getBytes(StandardCharsets.UTF_8);
                out.write(lastGoodLine);
                goodEvents++;
                playEvents += event.page == Page.NEXT_SONG ? 1 : 0;
              }
              case LineLayout.DUPLICATE -> out.write(lastGoodLine);
              default -> out.write(badLine(dayStart, badIndex[0]++));
            }
          }
        });
    return badIndex[0];
  }

  private byte[] badLine(long dayStart, int badIndex) {
    BadRecordKind kind = badKinds.get(badIndex % badKinds.size());
    badLines.merge(kind, 1, Integer::sum);
    // A play of its own session, so no good event shares its identity.
    User user = users.users().get(badRandom.nextInt(users.size()));
    Session session = new Session(user, -1);
    session.id = daySessions.unusedSessionId();
    LogEvent event =
        new LogEvent(
            session, 0, Page.NEXT_SONG, Auth.LOGGED_IN, user.level, plays.unknownSong(badRandom));
    event.ts = dayStart + badRandom.nextLong(DaySessions.DAY_MILLIS);
    return BadRecords.eventLine(writer, event, kind, badIndex / badKinds.size());
  }

  private void writeFile(LocalDate date, LineWriter lines) {
    Path path =
        logDataDirectory.resolve(
            String.format(
                Locale.ROOT,
                "%04d/%02d/%s-events.json",
                date.getYear(),
                date.getMonthValue(),
                date));
    try {
      Files.createDirectories(path.getParent());
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(path, StandardOpenOption.CREATE_NEW), BUFFER_BYTES)) {
        lines.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write log file " + path + ": " + e, e);
    }
  }

  private static long dayStartMillis(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  @FunctionalInterface
  private interface LineWriter {
    void write(OutputStream out) throws IOException;
  }
}

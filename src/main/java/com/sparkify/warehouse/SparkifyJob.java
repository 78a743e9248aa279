package com.sparkify.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import com.sparkify.warehouse.RunReport.EventAccounting;
import com.sparkify.warehouse.RunReport.InputSummary;
import com.sparkify.warehouse.RunReport.Quarantined;
import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.extract.DaySelection;
import com.sparkify.warehouse.extract.EventRecords;
import com.sparkify.warehouse.extract.JsonRecords;
import com.sparkify.warehouse.extract.LogDays;
import com.sparkify.warehouse.extract.Quarantine;
import com.sparkify.warehouse.extract.RawRecords;
import com.sparkify.warehouse.extract.SongRecords;
import com.sparkify.warehouse.extract.SourceFile;
import com.sparkify.warehouse.extract.SourceFiles;
import com.sparkify.warehouse.load.LoadResult;
import com.sparkify.warehouse.load.ParquetLake;
import com.sparkify.warehouse.load.RunLock;
import com.sparkify.warehouse.load.WarehouseSink;
import com.sparkify.warehouse.quality.CheckResult;
import com.sparkify.warehouse.quality.QualityGate;
import com.sparkify.warehouse.quality.QualityGateFailure;
import com.sparkify.warehouse.schema.InputSchemas;
import com.sparkify.warehouse.schema.RunLedger;
import com.sparkify.warehouse.schema.StagingTables;
import com.sparkify.warehouse.schema.StarSchema;
import com.sparkify.warehouse.schema.WarehouseTable;
import com.sparkify.warehouse.transform.Artists;
import com.sparkify.warehouse.transform.Songplays;
import com.sparkify.warehouse.transform.Songs;
import com.sparkify.warehouse.transform.Staging;
import com.sparkify.warehouse.transform.TimeTable;
import com.sparkify.warehouse.transform.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * One run: list and read both inputs once, quarantine what is bad, build the five tables and hand
 * them to a sink that publishes them all at once. IO happens only at the two ends; everything in
 * between is the pure transforms of the transform package.
 */
public final class SparkifyJob {

  /** Catalogues up to this many records are broadcast to the plays instead of shuffled. */
  static final long BROADCAST_SONG_RECORDS = 2_000_000;

  private static final long BYTES_PER_SHUFFLE_PARTITION = 64L << 20;
  private static final String VALID = "valid";

  private final JobConfig config;
  private final SparkSession spark;
  private final Consumer<String> progress;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();

  private SparkifyJob(JobConfig config, SparkSession spark, Consumer<String> progress) {
    this.config = config;
    this.spark = spark;
    this.progress = progress;
  }

  /**
   * Runs the job over every day of the log; see {@link #run(String, DaySelection, JobConfig,
   * SparkSession, WarehouseSink, Consumer)}.
   */
  public static RunReport run(
      String runId,
      JobConfig config,
      SparkSession spark,
      WarehouseSink sink,
      Consumer<String> progress) {
    return run(runId, DaySelection.all(), config, spark, sink, progress);
  }

  /**
   * Runs the job and returns its report; throws when the run failed, after which the warehouse is
   * as it was before the run.
   *
   * @param runId names the quarantine folder, the temporary files and the ledger row
   * @param days which days of the log to load
   * @param progress receives one line per stage
   */
  public static RunReport run(
      String runId,
      DaySelection days,
      JobConfig config,
      SparkSession spark,
      WarehouseSink sink,
      Consumer<String> progress) {
    var job = new SparkifyJob(config, spark, progress);
    try {
      return job.run(runId, days, sink);
    } finally {
      job.cached.forEach(Dataset::unpersist);
    }
  }

  private RunReport run(String runId, DaySelection days, WarehouseSink sink) {
    Instant startedAt = Instant.now();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();

    List<SourceFile> songFiles =
        timed(
            "list_inputs",
            () -> SourceFiles.list(config.input().songData(), "input.song-data", hadoop));
    List<SourceFile> allLogFiles = timed("list_inputs", () -> listLogs(days, hadoop));
    timed(
        "check_warehouse",
        () -> {
          sink.checkReachable();
          return null;
        });
    try (RunLock lock = sink.lockRuns()) {
      List<SourceFile> logFiles = allLogFiles;
      if (days.mode() == DaySelection.Mode.INCREMENTAL) {
        logFiles = LogDays.notLoaded(allLogFiles, sink.loadedDays());
        if (logFiles.isEmpty()) {
          progress.accept("every day of the input is loaded already; nothing to do");
          return RunReport.nothingToLoad(runId, startedAt);
        }
      }
      List<LocalDate> daysLoaded = LogDays.days(logFiles);
      progress.accept(
          "found "
              + songFiles.size()
              + " song files and "
              + logFiles.size()
              + " log files ("
              + dayRange(daysLoaded)
              + ")");
      return load(runId, startedAt, songFiles, logFiles, daysLoaded, sink);
    }
  }

  private List<SourceFile> listLogs(DaySelection days, Configuration hadoop) {
    return switch (days.mode()) {
      case ALL, INCREMENTAL -> SourceFiles.list(config.input().logData(), "input.log-data", hadoop);
      case RANGE -> LogDays.inRange(config.input().logData(), days.from(), days.to(), hadoop);
    };
  }

  private static String dayRange(List<LocalDate> days) {
    if (days.isEmpty()) {
      return "no dated files";
    }
    return days.size() + " days, " + days.get(0) + " to " + days.get(days.size() - 1);
  }

  private RunReport load(
      String runId,
      Instant startedAt,
      List<SourceFile> songFiles,
      List<SourceFile> logFiles,
      List<LocalDate> daysLoaded,
      WarehouseSink sink) {
    sizeShufflePartitions(songFiles, logFiles);
    int readPartitions = spark.sparkContext().defaultParallelism() * 4;
    Dataset<Row> songRecords =
        cache(
            SongRecords.validate(
                RawRecords.read(
                    spark, songFiles, readPartitions, config.input().maxRecordBytes())));
    Map<String, Long> songReasons =
        timed("read_songs", () -> countByReason(songRecords, "read songs"));
    long songCount = songReasons.values().stream().mapToLong(Long::longValue).sum();
    progress.accept("read " + songCount + " song records, " + refused(songReasons) + " refused");

    Dataset<Row> eventRecords =
        cache(
            withRawOfRefusedOnly(
                EventRecords.validate(
                    RawRecords.read(
                        spark, logFiles, readPartitions, config.input().maxRecordBytes()))));
    EventCounts eventCounts = timed("read_logs", () -> countEvents(eventRecords));
    Map<String, Long> eventReasons = eventCounts.byReason();
    long eventCount = eventReasons.values().stream().mapToLong(Long::longValue).sum();
    long plays = eventCounts.plays();
    progress.accept("read " + eventCount + " events, " + refused(eventReasons) + " refused");

    String quarantinePath =
        timed(
            "quarantine",
            () -> writeQuarantine(runId, songReasons, songRecords, eventReasons, eventRecords));

    long quarantinedEvents = refused(eventReasons);
    long quarantinedSongs = refused(songReasons);
    long recordsRead = eventCount + songCount;
    long quarantined = quarantinedEvents + quarantinedSongs;
    var accounting =
        new EventAccounting(
            eventCount, plays, eventCount - plays - quarantinedEvents, quarantinedEvents);
    Map<WarehouseTable, Dataset<Row>> tables =
        timed("transform", () -> buildTables(songRecords, eventRecords, songReasons));
    tables.put(
        RunLedger.ETL_RUNS,
        ledgerRow(runId, startedAt, daysLoaded, accounting, recordsRead, quarantined));
    progress.accept("built the star schema");

    var checks = new ArrayList<CheckResult>();
    LoadResult load =
        sink.load(
            runId,
            tables,
            (staged, stages) -> {
              long stagedPlays = staged.getOrDefault(StarSchema.SONGPLAYS.name(), 0L);
              if (stagedPlays != plays || !accounting.balanced()) {
                throw new IllegalStateException(
                    "Events do not reconcile (DOMAIN invariant 4): "
                        + eventCount
                        + " read, "
                        + stagedPlays
                        + " plays staged of "
                        + plays
                        + " valid, "
                        + accounting.notAPlay()
                        + " not a play, "
                        + quarantinedEvents
                        + " quarantined; nothing was published");
              }
              checks.addAll(QualityGate.measure(config.quality().checks(), stages));
              checks.add(
                  QualityGate.quarantineRatio(
                      quarantined, recordsRead, config.quarantine().maxRatio()));
              if (checks.stream().anyMatch(check -> !check.passed())) {
                throw new QualityGateFailure(checks);
              }
              progress.accept("quality: " + checks.size() + " checks passed");
            });
    load.timingsMillis().forEach(timings::put);
    if (config.load().writesLake()) {
      timed(
          "lake",
          () -> {
            new ParquetLake(spark, config.load().lakePath()).write(tables);
            return null;
          });
      progress.accept("wrote the Parquet lake at " + config.load().lakePath());
    }

    return new RunReport(
        runId,
        RunReport.SUCCEEDED,
        startedAt,
        Instant.now(),
        daysLoaded.stream().map(LocalDate::toString).toList(),
        Map.of(
            "songs", new InputSummary(songFiles.size(), songCount),
            "events", new InputSummary(logFiles.size(), eventCount)),
        new Quarantined(
            quarantinedEvents,
            quarantinedSongs,
            withoutValid(eventReasons),
            withoutValid(songReasons),
            quarantinePath),
        accounting,
        load.tables(),
        checks,
        new LinkedHashMap<>(timings),
        null);
  }

  /** The run's ledger row, published in the same transaction as the tables. */
  private Dataset<Row> ledgerRow(
      String runId,
      Instant startedAt,
      List<LocalDate> daysLoaded,
      EventAccounting accounting,
      long recordsRead,
      long quarantined) {
    Row row =
        RowFactory.create(
            runId,
            Timestamp.from(startedAt),
            Timestamp.from(Instant.now()),
            RunLedger.SUCCEEDED,
            daysLoaded.stream().map(LocalDate::toString).collect(Collectors.joining(",")),
            accounting.records(),
            recordsRead,
            accounting.playsLoaded(),
            quarantined);
    return spark.createDataFrame(List.of(row), RunLedger.ETL_RUNS.sparkSchema());
  }

  private Map<WarehouseTable, Dataset<Row>> buildTables(
      Dataset<Row> songRecords, Dataset<Row> eventRecords, Map<String, Long> songReasons) {
    Dataset<Row> songs = songRecords.filter(col(JsonRecords.REASON).isNull());
    Dataset<Row> events = eventRecords.filter(col(JsonRecords.REASON).isNull());

    Dataset<Row> chosenSongs = Songs.chooseRecords(songs);
    Dataset<Row> matchKeys = Songplays.matchKeys(chosenSongs);
    if (songReasons.getOrDefault(VALID, 0L) <= BROADCAST_SONG_RECORDS) {
      matchKeys = functions.broadcast(matchKeys);
    }
    Dataset<Row> songplays = cache(Songplays.build(events, matchKeys));

    var tables = new LinkedHashMap<WarehouseTable, Dataset<Row>>();
    if (config.load().stagingTables()) {
      tables.put(
          StagingTables.STAGING_EVENTS,
          Staging.build(events, InputSchemas.EVENT_FIELDS, StagingTables.STAGING_EVENTS));
      tables.put(
          StagingTables.STAGING_SONGS,
          Staging.build(songs, InputSchemas.SONG_FIELDS, StagingTables.STAGING_SONGS));
    }
    tables.put(StarSchema.USERS, Users.build(events));
    tables.put(StarSchema.SONGS, Songs.build(chosenSongs));
    tables.put(StarSchema.ARTISTS, Artists.build(songs));
    tables.put(StarSchema.TIME, TimeTable.build(songplays));
    // Materialize now, so the transform has its own timing and the load reads from memory.
    for (var entry : tables.entrySet()) {
      entry.setValue(cache(entry.getValue()));
    }
    tables.put(StarSchema.SONGPLAYS, songplays);
    for (var entry : tables.entrySet()) {
      describe("build " + entry.getKey().name());
      entry.getValue().count();
    }
    describe(null);
    return tables;
  }

  private String writeQuarantine(
      String runId,
      Map<String, Long> songReasons,
      Dataset<Row> songRecords,
      Map<String, Long> eventReasons,
      Dataset<Row> eventRecords) {
    if (refused(songReasons) + refused(eventReasons) == 0) {
      return null;
    }
    String runFolder = config.quarantine().path() + "/" + runId;
    if (refused(songReasons) > 0) {
      describe("quarantine songs");
      Quarantine.write(
          Quarantine.refused(songRecords, "songs"), runFolder + "/songs", hadoopConfiguration());
    }
    if (refused(eventReasons) > 0) {
      describe("quarantine events");
      Quarantine.write(
          Quarantine.refused(eventRecords, "events"), runFolder + "/events", hadoopConfiguration());
    }
    describe(null);
    progress.accept(
        "quarantined "
            + (refused(songReasons) + refused(eventReasons))
            + " records in "
            + runFolder);
    return runFolder;
  }

  /** Records per quarantine reason, with the good ones under "valid". */
  private Map<String, Long> countByReason(Dataset<Row> records, String description) {
    describe(description);
    var counts = new TreeMap<String, Long>();
    for (Row row : records.groupBy(col(JsonRecords.REASON)).count().collectAsList()) {
      counts.put(row.isNullAt(0) ? VALID : row.getString(0), row.getLong(1));
    }
    describe(null);
    return counts;
  }

  /**
   * Events per quarantine reason, and in the same pass the valid plays, so the cached events are
   * scanned once.
   */
  private EventCounts countEvents(Dataset<Row> events) {
    describe("read logs");
    Column isPlay =
        col(JsonRecords.REASON).isNull().and(col("page").equalTo(InputSchemas.PLAY_PAGE));
    var counts = new TreeMap<String, Long>();
    long plays = 0;
    for (Row row :
        events.groupBy(col(JsonRecords.REASON), isPlay.as("is_play")).count().collectAsList()) {
      counts.merge(row.isNullAt(0) ? VALID : row.getString(0), row.getLong(2), Long::sum);
      if (!row.isNullAt(1) && row.getBoolean(1)) {
        plays += row.getLong(2);
      }
    }
    describe(null);
    return new EventCounts(counts, plays);
  }

  /** Event records per quarantine reason ("valid" for the good ones), and the valid plays. */
  private record EventCounts(Map<String, Long> byReason, long plays) {}

  /**
   * Sizes shuffles to the data instead of Spark's default 200 partitions, unless the config set
   * spark.sql.shuffle.partitions itself.
   */
  private void sizeShufflePartitions(List<SourceFile> songFiles, List<SourceFile> logFiles) {
    if (config.spark().containsKey("spark.sql.shuffle.partitions")) {
      return;
    }
    long bytes =
        songFiles.stream().mapToLong(SourceFile::length).sum()
            + logFiles.stream().mapToLong(SourceFile::length).sum();
    int parallelism = spark.sparkContext().defaultParallelism();
    long partitions = Math.max(parallelism, Math.min(400, bytes / BYTES_PER_SHUFFLE_PARTITION));
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
  }

  private Configuration hadoopConfiguration() {
    return spark.sparkContext().hadoopConfiguration();
  }

  /** Valid records need no raw text any more: dropping it keeps the cache small. */
  private static Dataset<Row> withRawOfRefusedOnly(Dataset<Row> records) {
    return records.withColumn(
        RawRecords.RAW, when(col(JsonRecords.REASON).isNotNull(), col(RawRecords.RAW)));
  }

  private Dataset<Row> cache(Dataset<Row> dataset) {
    Dataset<Row> persisted = dataset.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private void describe(String description) {
    spark.sparkContext().setJobDescription(description);
  }

  private <T> T timed(String stage, Supplier<T> work) {
    long started = System.nanoTime();
    try {
      return work.get();
    } finally {
      timings.merge(stage, (System.nanoTime() - started) / 1_000_000, Long::sum);
    }
  }

  private static long refused(Map<String, Long> reasons) {
    return reasons.entrySet().stream()
        .filter(e -> !e.getKey().equals(VALID))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static Map<String, Long> withoutValid(Map<String, Long> reasons) {
    var refused = new TreeMap<>(reasons);
    refused.remove(VALID);
    return refused;
  }
}

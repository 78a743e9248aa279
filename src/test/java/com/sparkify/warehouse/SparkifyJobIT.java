package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.JobConfigLoader;
import com.sparkify.warehouse.config.Secret;
import com.sparkify.warehouse.load.JdbcWarehouse;
import com.sparkify.warehouse.load.LoadResult;
import com.sparkify.warehouse.load.PostgresCopySink;
import com.sparkify.warehouse.load.PostgresDialect;
import com.sparkify.warehouse.load.PublishGate;
import com.sparkify.warehouse.load.TableLoad;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseSink;
import com.sparkify.warehouse.load.WarehouseSql;
import com.sparkify.warehouse.schema.WarehouseTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job over data-sample/ into a real PostgreSQL. */
class SparkifyJobIT {

  private static final Path SAMPLE = Path.of("data-sample");

  private static EmbeddedPostgres postgres;
  private static Warehouse warehouse;

  @TempDir Path work;
  private int schemaNumber;
  private String schema;

  @BeforeAll
  static void startPostgres(@TempDir Path data) throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data.resolve("pg"))
            .setCleanDataDirectory(true)
            .start();
    warehouse =
        new JdbcWarehouse(
            postgres.getJdbcUrl("postgres", "postgres"), "postgres", new Secret(""), 10);
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void newSchema() {
    schema = "it_" + System.nanoTime();
  }

  private JobConfig config(Path songs, Path logs, String... more) {
    var settings =
        new java.util.ArrayList<>(
            List.of(
                "input.song-data=" + songs.toAbsolutePath(),
                "input.log-data=" + logs.toAbsolutePath(),
                "warehouse.kind=postgres",
                "warehouse.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "warehouse.schema=" + schema,
                "warehouse.tempdir=" + work.resolve("tmp"),
                "quarantine.path=" + work.resolve("quarantine")));
    settings.addAll(List.of(more));
    return JobConfigLoader.load(null, settings, Map.of());
  }

  private WarehouseSink sink(JobConfig config) {
    return new PostgresCopySink(
        warehouse,
        new WarehouseSql(new PostgresDialect(), schema),
        config.warehouse().tempdir(),
        TestSpark.session().sparkContext().hadoopConfiguration(),
        line -> {});
  }

  private RunReport run(JobConfig config) {
    return run(config, sink(config));
  }

  private RunReport run(JobConfig config, WarehouseSink sink) {
    return SparkifyJob.run(
        "run-" + (++schemaNumber), config, TestSpark.session(), sink, line -> {});
  }

  private Map<String, String> fingerprint() throws SQLException {
    try (Connection connection = warehouse.connect()) {
      return WarehouseFingerprint.of(connection, schema);
    }
  }

  private long query(String sql) throws SQLException {
    try (Connection connection = warehouse.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schema);
      try (ResultSet result = statement.executeQuery(sql)) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  @Test
  void theSampleLoadsWithEveryEventAccountedFor() throws SQLException {
    RunReport report = run(config(SAMPLE.resolve("song_data"), SAMPLE.resolve("log_data")));

    assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
    assertThat(report.events().balanced()).isTrue();
    assertThat(report.events().playsLoaded()).isGreaterThan(1000);
    assertThat(report.quarantined().events()).isPositive();
    assertThat(report.quarantined().eventsByReason()).containsKey("duplicate");
    assertThat(report.tables().keySet())
        .containsExactly("users", "songs", "artists", "time", "songplays", "etl_runs");
    assertThat(report.checks())
        .hasSize(16)
        .allSatisfy(check -> assertThat(check.passed()).isTrue());
    for (Map.Entry<String, TableLoad> table : report.tables().entrySet()) {
      if (table.getKey().equals("etl_runs")) {
        continue;
      }
      assertThat(table.getValue().rows())
          .as(table.getKey())
          .isEqualTo(query("SELECT count(*) FROM \"" + table.getKey() + "\""))
          .isEqualTo(table.getValue().inserted())
          .isPositive();
    }
    assertThat(report.tables().get("songplays").rows()).isEqualTo(report.events().playsLoaded());
    // Invariant 5: every play's user and time exist.
    assertThat(
            query(
                "SELECT count(*) FROM songplays p WHERE NOT EXISTS"
                    + " (SELECT 1 FROM users u WHERE u.user_id = p.user_id)"))
        .isZero();
    assertThat(
            query(
                "SELECT count(*) FROM songplays p WHERE NOT EXISTS"
                    + " (SELECT 1 FROM time t WHERE t.start_time = p.start_time)"))
        .isZero();
    assertThat(query("SELECT count(*) FROM songplays WHERE song_id IS NOT NULL")).isPositive();
    assertThat(query("SELECT count(*) FROM artists WHERE location = ''")).isPositive();
    // The quarantine holds every refused record with its reason.
    assertThat(Files.exists(Path.of(report.quarantined().path(), "events"))).isTrue();
    // Temporary files are removed after success.
    assertThat(work.resolve("tmp").resolve("run-" + schemaNumber)).doesNotExist();
  }

  @Test
  void stagingTablesMirrorTheValidRecordsAndAreReplacedByARerun() throws SQLException {
    JobConfig config =
        config(SAMPLE.resolve("song_data"), SAMPLE.resolve("log_data"), "load.staging-tables=true");
    RunReport first = run(config);
    long validEvents = first.events().records() - first.events().quarantined();
    long validSongs = first.input().get("songs").records() - first.quarantined().songs();
    assertThat(query("SELECT count(*) FROM staging_events")).isEqualTo(validEvents);
    assertThat(query("SELECT count(*) FROM staging_songs")).isEqualTo(validSongs);
    assertThat(query("SELECT count(*) FROM staging_events WHERE page = 'NextSong'"))
        .isEqualTo(first.events().playsLoaded());

    RunReport second = run(config);
    assertThat(query("SELECT count(*) FROM staging_events")).isEqualTo(validEvents);
    assertThat(second.tables().get("staging_events").inserted()).isEqualTo(validEvents);
  }

  @Test
  void aFailedQualityCheckPublishesNothing() throws SQLException {
    JobConfig loaded = config(SAMPLE.resolve("song_data"), SAMPLE.resolve("log_data"));
    run(loaded);
    Map<String, String> before = fingerprint();

    JobConfig strict =
        config(
            SAMPLE.resolve("song_data"), SAMPLE.resolve("log_data"), "quarantine.max-ratio=0.001");
    assertThatThrownBy(() -> run(strict))
        .isInstanceOf(com.sparkify.warehouse.quality.QualityGateFailure.class)
        .hasMessageContaining("quarantine-ratio measured")
        .hasMessageContaining("nothing was published");
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void aSecondRunChangesNoRow() throws SQLException {
    JobConfig config = config(SAMPLE.resolve("song_data"), SAMPLE.resolve("log_data"));
    run(config);
    Map<String, String> first = fingerprint();

    RunReport second = run(config);

    assertThat(fingerprint()).isEqualTo(first);
    assertThat(second.tables().get("etl_runs").inserted()).isEqualTo(1);
    assertThat(
            second.tables().entrySet().stream()
                .filter(e -> !e.getKey().equals("etl_runs"))
                .map(Map.Entry::getValue)
                .toList())
        .allSatisfy(
            load -> {
              assertThat(load.inserted()).isZero();
              assertThat(load.updated()).isZero();
            });
  }

  @Test
  void aFailureBetweenCopyAndCommitLeavesTheWarehouseAsItWas() throws Exception {
    Path oneDay = work.resolve("one-day");
    Files.createDirectories(oneDay);
    try (Stream<Path> days = Files.walk(SAMPLE.resolve("log_data"))) {
      Path firstDay =
          days.filter(p -> p.toString().endsWith("-events.json") && sizeOf(p) > 0)
              .sorted()
              .findFirst()
              .orElseThrow();
      Files.copy(firstDay, oneDay.resolve(firstDay.getFileName()));
    }
    run(config(SAMPLE.resolve("song_data"), oneDay));
    Map<String, String> before = fingerprint();

    JobConfig full = config(SAMPLE.resolve("song_data"), SAMPLE.resolve("log_data"));
    WarehouseSink real = sink(full);
    WarehouseSink failing = new FailAfterCopy(real);
    assertThatThrownBy(() -> run(full, failing)).hasMessageContaining("injected failure");

    assertThat(fingerprint()).isEqualTo(before);
    assertThat(
            query(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                    + schema
                    + "' AND table_name LIKE '%_stage'"))
        .isZero();

    // The rerun finishes the job and ends where an undisturbed run ends.
    run(full);
    Map<String, String> recovered = fingerprint();
    String recoveredSchema = schema;
    schema = schema + "_fresh";
    run(config(SAMPLE.resolve("song_data"), SAMPLE.resolve("log_data")));
    assertThat(fingerprint()).isEqualTo(recovered);
    assertThat(recoveredSchema).isNotEqualTo(schema);
  }

  /** The real sink, failing once every table is staged and before the publishing commit. */
  private record FailAfterCopy(WarehouseSink real) implements WarehouseSink {
    @Override
    public void checkReachable() {
      real.checkReachable();
    }

    @Override
    public com.sparkify.warehouse.load.RunLock lockRuns() {
      return real.lockRuns();
    }

    @Override
    public java.util.Set<java.time.LocalDate> loadedDays() {
      return real.loadedDays();
    }

    @Override
    public LoadResult load(
        String runId, Map<WarehouseTable, Dataset<Row>> tables, PublishGate gate) {
      return real.load(
          runId,
          tables,
          (staged, stages) -> {
            gate.check(staged, stages);
            throw new IllegalStateException("injected failure after COPY");
          });
    }
  }

  private static long sizeOf(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

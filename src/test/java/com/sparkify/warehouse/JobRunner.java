package com.sparkify.warehouse;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.JobConfigLoader;
import com.sparkify.warehouse.config.Secret;
import com.sparkify.warehouse.extract.DaySelection;
import com.sparkify.warehouse.load.JdbcWarehouse;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseSink;
import com.sparkify.warehouse.load.WarehouseSinks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real job into a schema of an embedded PostgreSQL, for integration tests. */
public final class JobRunner implements AutoCloseable {

  public static final Path SAMPLE = Path.of("data-sample");

  private final EmbeddedPostgres postgres;
  private final Warehouse warehouse;
  private final Path work;
  private int runs;

  private JobRunner(EmbeddedPostgres postgres, Path work) {
    this.postgres = postgres;
    this.work = work;
    this.warehouse = new JdbcWarehouse(jdbcUrl(postgres), "postgres", new Secret(""), 10);
  }

  /** Starts PostgreSQL with its data under {@code work}. */
  public static JobRunner start(Path work) throws IOException {
    return new JobRunner(
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("pg"))
            .setCleanDataDirectory(true)
            .start(),
        work);
  }

  private static String jdbcUrl(EmbeddedPostgres postgres) {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /** A config loading {@code songs} and {@code logs} into {@code schema}, plus more settings. */
  public JobConfig config(String schema, String songs, String logs, String... more) {
    var settings =
        new ArrayList<>(
            List.of(
                "input.song-data=" + songs,
                "input.log-data=" + logs,
                "warehouse.kind=postgres",
                "warehouse.url=" + jdbcUrl(postgres),
                "warehouse.schema=" + schema,
                "warehouse.tempdir=" + work.resolve("tmp"),
                "quarantine.path=" + work.resolve("quarantine")));
    settings.addAll(List.of(more));
    return JobConfigLoader.load(null, settings, Map.of());
  }

  /** A config over data-sample/. */
  public JobConfig sample(String schema, String... more) {
    return config(
        schema,
        SAMPLE.resolve("song_data").toAbsolutePath().toString(),
        SAMPLE.resolve("log_data").toAbsolutePath().toString(),
        more);
  }

  public WarehouseSink sink(JobConfig config) {
    return WarehouseSinks.create(
        config.warehouse(),
        warehouse,
        TestSpark.session().sparkContext().hadoopConfiguration(),
        line -> {});
  }

  public RunReport run(JobConfig config, DaySelection days) {
    return SparkifyJob.run(
        "run-" + (++runs), days, config, TestSpark.session(), sink(config), line -> {});
  }

  public RunReport run(JobConfig config) {
    return run(config, DaySelection.all());
  }

  public Map<String, String> fingerprint(String schema) throws SQLException {
    try (Connection connection = warehouse.connect()) {
      return WarehouseFingerprint.of(connection, schema);
    }
  }

  public long count(String schema, String query) throws SQLException {
    try (Connection connection = warehouse.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schema);
      try (ResultSet result = statement.executeQuery(query)) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}

package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.JobConfigLoader;
import com.sparkify.warehouse.config.Secret;
import com.sparkify.warehouse.load.JdbcWarehouse;
import com.sparkify.warehouse.load.PostgresCopySink;
import com.sparkify.warehouse.load.PostgresDialect;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseSql;
import com.sparkify.warehouse.oracle.RawLines;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads data-sample/ twice into one PostgreSQL: with the job into {@code public}, and with an
 * independent SQL oracle ({@code OracleIT/oracle.sql}, staging tables and INSERT ... SELECT as the
 * original Redshift scripts did) into {@code oracle}; then every table must hold the same rows.
 */
class OracleIT {

  private static final Path SAMPLE = Path.of("data-sample");
  private static final String ORACLE_SCRIPT = "/OracleIT/oracle.sql";
  private static final int SHOWN_DIFFERENCES = 10;

  /** The columns compared per table: all of them, except the job's own songplay_id. */
  private static final Map<String, String> COMPARED_COLUMNS =
      Map.of(
          "songplays",
          "start_time, user_id, level, song_id, artist_id, session_id, location, user_agent",
          "users",
          "user_id, first_name, last_name, gender, level, last_event_at",
          "songs",
          "song_id, title, artist_id, year, duration",
          "artists",
          "artist_id, name, location, latitude, longitude",
          "time",
          "start_time, hour, day, week, month, year, weekday");

  private static Path workDirectory;
  private static EmbeddedPostgres postgres;
  private static Connection connection;
  private static RunReport report;

  @BeforeAll
  static void loadTheSampleBothWays() throws Exception {
    assertThat(SAMPLE.resolve("song_data"))
        .as("the sample input (make it with scripts/sparkify generate)")
        .isDirectory();
    assertThat(SAMPLE.resolve("log_data")).isDirectory();
    workDirectory = Files.createTempDirectory("oracle-it");
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(workDirectory.resolve("postgres"))
            .setCleanDataDirectory(true)
            .start();
    String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    report = runJob(jdbcUrl);
    connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
    runOracle();
    System.out.println(summary());
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (workDirectory != null) {
      deleteRecursively(workDirectory);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"songplays", "users", "songs", "artists", "time"})
  void tableHoldsTheOracleRows(String table) throws SQLException {
    String columns = COMPARED_COLUMNS.get(table);
    String job = "SELECT " + columns + " FROM public." + quote(table);
    String oracle = "SELECT " + columns + " FROM oracle." + quote(table);

    Difference onlyInJob = difference(job, oracle);
    Difference onlyInOracle = difference(oracle, job);

    assertThat(onlyInJob.count())
        .as(
            "%s rows the job loaded but the oracle did not (%s):%n%s",
            table, columns, onlyInJob.shown())
        .isZero();
    assertThat(onlyInOracle.count())
        .as(
            "%s rows the oracle has but the job did not load (%s):%n%s",
            table, columns, onlyInOracle.shown())
        .isZero();
    assertThat(count("public." + quote(table)))
        .as("rows of %s", table)
        .isEqualTo(count("oracle." + quote(table)));
  }

  @Test
  void quarantineRefusesExactlyTheRecordsTheOracleRejects() throws SQLException {
    Map<String, Long> events =
        row("SELECT records, plays, not_a_play, rejected FROM oracle.event_accounting");
    Map<String, Long> songs = row("SELECT records, accepted, rejected FROM oracle.song_accounting");

    assertThat(report.events().balanced()).as("events balance: %s", report.events()).isTrue();
    assertThat(report.quarantined().events())
        .as("quarantined events, by reason %s", report.quarantined().eventsByReason())
        .isEqualTo(events.get("rejected"));
    assertThat(report.events().records()).as("event records").isEqualTo(events.get("records"));
    assertThat(report.events().playsLoaded()).as("plays").isEqualTo(events.get("plays"));
    assertThat(report.events().notAPlay()).as("not a play").isEqualTo(events.get("not_a_play"));
    assertThat(report.quarantined().songs())
        .as("quarantined songs, by reason %s", report.quarantined().songsByReason())
        .isEqualTo(songs.get("rejected"));
    assertThat(report.input().get("songs").records())
        .as("song records")
        .isEqualTo(songs.get("records"));
  }

  @Test
  void oracleIsNotTriviallyEmpty() throws SQLException {
    assertThat(count("oracle.songplays")).isGreaterThan(1000);
    assertThat(count("oracle.songplays WHERE song_id IS NOT NULL")).isPositive();
    assertThat(count("oracle.songplays WHERE song_id IS NULL")).isPositive();
    assertThat(count("oracle.users")).isGreaterThan(10);
    assertThat(count("oracle.songs")).isPositive();
    assertThat(count("oracle.artists")).isPositive();
    assertThat(count("oracle.time")).isPositive();
    // The sample's bad records must have reached both sides, or the quarantine check proves little.
    assertThat(row("SELECT rejected FROM oracle.event_accounting").get("rejected")).isPositive();
    assertThat(row("SELECT rejected FROM oracle.song_accounting").get("rejected")).isPositive();
  }

  private static RunReport runJob(String jdbcUrl) {
    SparkSession spark = TestSpark.session();
    String tempDirectory = workDirectory.resolve("tmp").toString();
    JobConfig config =
        JobConfigLoader.load(
            null,
            List.of(
                "input.song-data=" + SAMPLE.resolve("song_data").toAbsolutePath(),
                "input.log-data=" + SAMPLE.resolve("log_data").toAbsolutePath(),
                "warehouse.kind=postgres",
                "warehouse.url=" + jdbcUrl,
                "warehouse.user=postgres",
                "warehouse.tempdir=" + tempDirectory,
                "quarantine.path=" + workDirectory.resolve("quarantine")),
            Map.of());
    Warehouse warehouse = new JdbcWarehouse(jdbcUrl, "postgres", new Secret(""), 10);
    var sink =
        new PostgresCopySink(
            warehouse,
            new WarehouseSql(new PostgresDialect(), "public"),
            tempDirectory,
            spark.sparkContext().hadoopConfiguration(),
            line -> {});
    return SparkifyJob.run("oracle-run", config, spark, sink, line -> {});
  }

  private static void runOracle() throws IOException, SQLException {
    String script;
    try (InputStream in = OracleIT.class.getResourceAsStream(ORACLE_SCRIPT)) {
      assertThat(in).as(ORACLE_SCRIPT).isNotNull();
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(script);
      RawLines.load(connection, SAMPLE.resolve("song_data"), "oracle.raw_songs");
      RawLines.load(connection, SAMPLE.resolve("log_data"), "oracle.raw_events");
      statement.execute("CALL oracle.build()");
    }
  }

  /** What the oracle computed, for the test output. */
  private static String summary() throws SQLException {
    var line = new StringBuilder("OracleIT oracle rows:");
    for (String table : List.of("songplays", "users", "songs", "artists", "time")) {
      line.append(' ').append(table).append('=').append(count("oracle." + quote(table)));
    }
    line.append(", songplays with a song=")
        .append(count("oracle.songplays WHERE song_id IS NOT NULL"))
        .append(", events ")
        .append(row("SELECT * FROM oracle.event_accounting"))
        .append(", songs ")
        .append(row("SELECT * FROM oracle.song_accounting"));
    return line.toString();
  }

  /** The rows of {@code left} not in {@code right}, counting duplicates, with a few shown. */
  private static Difference difference(String left, String right) throws SQLException {
    String rows = "(" + left + " EXCEPT ALL " + right + ") AS difference";
    long total = count(rows);
    var shown = new ArrayList<String>();
    if (total > 0) {
      try (Statement statement = connection.createStatement();
          ResultSet result =
              statement.executeQuery(
                  "SELECT difference::text FROM "
                      + rows
                      + " ORDER BY 1 LIMIT "
                      + SHOWN_DIFFERENCES)) {
        while (result.next()) {
          shown.add(result.getString(1));
        }
      }
    }
    return new Difference(total, shown);
  }

  private record Difference(long count, List<String> rows) {
    String shown() {
      return String.join(System.lineSeparator(), rows)
          + (count > rows.size() ? System.lineSeparator() + "... " + count + " in all" : "");
    }
  }

  private static long count(String from) throws SQLException {
    return row("SELECT count(*) AS rows FROM " + from).get("rows");
  }

  private static Map<String, Long> row(String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      assertThat(result.next()).as(query).isTrue();
      var values = new LinkedHashMap<String, Long>();
      for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
        values.put(result.getMetaData().getColumnLabel(column), result.getLong(column));
      }
      return values;
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier + "\"";
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

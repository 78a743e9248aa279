package com.sparkify.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.warehouse.WarehouseFingerprint;
import com.sparkify.warehouse.schema.StarSchema;
import com.sparkify.warehouse.schema.WarehouseTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The publishing transaction, in both dialects, run on a real PostgreSQL over tables that already
 * hold rows. Redshift's merge differs only in its null-safe comparison, which PostgreSQL runs too.
 */
class StagedMergeIT {

  private static final String SCHEMA = "merge_it";
  private static EmbeddedPostgres postgres;
  private Connection connection;

  @BeforeAll
  static void start(@TempDir Path data) throws IOException {
    postgres =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void freshSchema() throws SQLException {
    connection = postgres.getPostgresDatabase().getConnection();
    WarehouseSql ddl = new WarehouseSql(new PostgresDialect(), SCHEMA);
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", ddl.createSchema());
    for (WarehouseTable table : StarSchema.tables()) {
      execute(ddl.createTable(table));
    }
    execute(
        "SET search_path TO " + SCHEMA,
        "INSERT INTO users VALUES (1, 'Ann', 'A', 'F', 'paid', '2018-11-10 10:00:00')",
        "INSERT INTO users VALUES (2, 'Bob', 'B', 'M', 'free', '2018-11-10 10:00:00')",
        "INSERT INTO songs VALUES ('SO1', 'Old title', 'AR1', 0, 100.0)",
        "INSERT INTO artists VALUES ('AR1', 'Artist', '', NULL, NULL)",
        "INSERT INTO time VALUES ('2018-11-10 10:00:00', 10, 10, 45, 11, 2018, 6)",
        "INSERT INTO songplays VALUES ('1-0-1', '2018-11-10 10:00:00', 1, 'paid', NULL, NULL, 1,"
            + " 'Town', 'Agent')");
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private String value(String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getString(1);
    }
  }

  private static SqlDialect dialect(String name) {
    return name.equals("redshift") ? new RedshiftDialect() : new PostgresDialect();
  }

  /** Stages rows like a load would, then publishes them in the given dialect. */
  private Map<String, TableLoad> stageAndPublish(String dialect) throws SQLException {
    WarehouseSql sql = new WarehouseSql(dialect(dialect), SCHEMA);
    for (WarehouseTable table : StarSchema.tables()) {
      execute(sql.dropStage(table), sql.createStage(table));
    }
    execute(
        // Ann downgraded later: updated. Bob's row comes from an OLDER event: kept. Cy is new.
        "INSERT INTO users_stage VALUES (1, 'Ann', 'A', 'F', 'free', '2018-11-20 10:00:00')",
        "INSERT INTO users_stage VALUES (2, 'Bob', 'B', 'M', 'paid', '2018-11-01 10:00:00')",
        "INSERT INTO users_stage VALUES (3, 'Cy', 'C', NULL, 'free', '2018-11-20 10:00:00')",
        // A changed song, an unchanged artist (empty location stays empty), a new time.
        "INSERT INTO songs_stage VALUES ('SO1', 'New title', 'AR1', 0, 100.0)",
        "INSERT INTO artists_stage VALUES ('AR1', 'Artist', '', NULL, NULL)",
        "INSERT INTO time_stage VALUES ('2018-11-10 10:00:00', 10, 10, 45, 11, 2018, 6)",
        "INSERT INTO time_stage VALUES ('2018-11-20 10:00:00', 10, 20, 47, 11, 2018, 2)",
        // The same play now matched to a song (a changed null), and a new play.
        "INSERT INTO songplays_stage VALUES ('1-0-1', '2018-11-10 10:00:00', 1, 'paid', 'SO1',"
            + " 'AR1', 1, 'Town', 'Agent')",
        "INSERT INTO songplays_stage VALUES ('3-0-2', '2018-11-20 10:00:00', 3, 'free', NULL,"
            + " NULL, 3, NULL, NULL)");
    var staged = new LinkedHashMap<String, Long>();
    for (WarehouseTable table : StarSchema.tables()) {
      staged.put(table.name(), new StagedMerge(sql).countStage(connection, table));
    }
    return new StagedMerge(sql).publish(connection, StarSchema.tables(), staged);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "redshift"})
  void newKeysAreInsertedChangedRowsUpdatedAndOlderEventsIgnored(String dialect)
      throws SQLException {
    Map<String, TableLoad> loads = stageAndPublish(dialect);

    assertThat(loads.get("users")).isEqualTo(new TableLoad(3, 1, 1, 3));
    assertThat(value("SELECT level FROM users WHERE user_id = 1")).isEqualTo("free");
    assertThat(value("SELECT level FROM users WHERE user_id = 2")).isEqualTo("free");
    assertThat(loads.get("songs")).isEqualTo(new TableLoad(1, 0, 1, 1));
    assertThat(value("SELECT title FROM songs")).isEqualTo("New title");
    assertThat(loads.get("artists")).isEqualTo(new TableLoad(1, 0, 0, 1));
    assertThat(value("SELECT location FROM artists")).isEmpty();
    assertThat(loads.get("time")).isEqualTo(new TableLoad(2, 1, 0, 2));
    assertThat(loads.get("songplays")).isEqualTo(new TableLoad(2, 1, 1, 2));
    assertThat(value("SELECT song_id FROM songplays WHERE songplay_id = '1-0-1'")).isEqualTo("SO1");
    assertThat(value("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%_stage'"))
        .isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "redshift"})
  void aRerunIsANoOp(String dialect) throws SQLException {
    stageAndPublish(dialect);
    Map<String, String> after = WarehouseFingerprint.of(connection, SCHEMA);

    Map<String, TableLoad> again = stageAndPublish(dialect);

    assertThat(WarehouseFingerprint.of(connection, SCHEMA)).isEqualTo(after);
    assertThat(again.values())
        .allSatisfy(
            load -> {
              assertThat(load.inserted()).isZero();
              assertThat(load.updated()).isZero();
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "redshift"})
  void aFailureInsideThePublishingTransactionLeavesAllFiveTablesAsTheyWere(String dialect)
      throws SQLException {
    Map<String, String> before = WarehouseFingerprint.of(connection, SCHEMA);
    // songplays is merged last: by then users, songs, artists and time have been changed.
    execute("ALTER TABLE songplays ADD CONSTRAINT no_new_plays CHECK (session_id < 2)");

    assertThatThrownBy(() -> stageAndPublish(dialect))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no_new_plays");

    assertThat(WarehouseFingerprint.of(connection, SCHEMA)).isEqualTo(before);
    assertThat(List.copyOf(before.keySet()))
        .containsExactly("users", "songs", "artists", "time", "songplays");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "redshift"})
  void aFirstLoadFillsEmptyTablesWholeAndKeepsTheirKeys(String dialect) throws SQLException {
    execute("TRUNCATE users, songs, artists, time, songplays");

    Map<String, TableLoad> loads = stageAndPublish(dialect);

    assertThat(loads.get("users")).isEqualTo(new TableLoad(3, 3, 0, 3));
    assertThat(loads.get("songplays")).isEqualTo(new TableLoad(2, 2, 0, 2));
    assertThat(value("SELECT level FROM users WHERE user_id = 2")).isEqualTo("paid");
    assertThat(
            value(
                "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid ="
                    + " c.connamespace WHERE n.nspname = '"
                    + SCHEMA
                    + "' AND c.contype = 'p'"))
        .isEqualTo("5");
    assertThatThrownBy(
            () -> execute("INSERT INTO users VALUES (3, 'Cy', 'C', NULL, 'free', now())"))
        .hasMessageContaining("users_pkey");
  }

  @Test
  void aDuplicateKeyInAFirstLoadFailsWhenTheKeyIsBuiltAndChangesNothing() throws SQLException {
    execute("TRUNCATE users, songs, artists, time, songplays");
    Map<String, String> before = WarehouseFingerprint.of(connection, SCHEMA);
    WarehouseSql sql = new WarehouseSql(new PostgresDialect(), SCHEMA);
    for (WarehouseTable table : StarSchema.tables()) {
      execute(sql.dropStage(table), sql.createStage(table));
    }
    execute(
        "INSERT INTO users_stage VALUES (1, 'Ann', 'A', 'F', 'free', '2018-11-20 10:00:00')",
        "INSERT INTO users_stage VALUES (1, 'Ann', 'A', 'F', 'paid', '2018-11-21 10:00:00')");
    var staged = new LinkedHashMap<String, Long>();
    StarSchema.tables().forEach(table -> staged.put(table.name(), 0L));

    assertThatThrownBy(() -> new StagedMerge(sql).publish(connection, StarSchema.tables(), staged))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("users_pkey");

    assertThat(WarehouseFingerprint.of(connection, SCHEMA)).isEqualTo(before);
    assertThat(
            value(
                "SELECT count(*) FROM pg_constraint WHERE conname = 'users_pkey' AND contype ="
                    + " 'p'"))
        .isEqualTo("1");
  }
}

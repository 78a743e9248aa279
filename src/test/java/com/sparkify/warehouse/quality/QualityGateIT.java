package com.sparkify.warehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.load.PostgresDialect;
import com.sparkify.warehouse.load.SqlMeasuredTables;
import com.sparkify.warehouse.load.WarehouseSql;
import com.sparkify.warehouse.schema.StarSchema;
import com.sparkify.warehouse.schema.WarehouseTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every check kind, measured in SQL on a real PostgreSQL, passing and failing on purpose. */
class QualityGateIT {

  private static EmbeddedPostgres postgres;
  private Connection connection;
  private SqlMeasuredTables tables;

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
  void tables() throws SQLException {
    connection = postgres.getPostgresDatabase().getConnection();
    // Stage-like tables: no primary keys, so duplicates and orphans can exist, as in a stage.
    WarehouseSql sql = new WarehouseSql(new PostgresDialect(), "gate");
    execute("DROP SCHEMA IF EXISTS gate CASCADE", sql.createSchema());
    for (WarehouseTable table : StarSchema.tables()) {
      execute(
          sql.createTable(table),
          "ALTER TABLE gate.\"" + table.name() + "\" DROP CONSTRAINT " + table.name() + "_pkey");
    }
    execute(
        "INSERT INTO gate.users VALUES (1, 'A', 'B', 'F', 'free', '2018-11-01 00:00:00')",
        "INSERT INTO gate.time VALUES ('2018-11-01 00:00:00', 0, 1, 44, 11, 2018, 4)",
        "INSERT INTO gate.songplays VALUES ('1-0-1', '2018-11-01 00:00:00', 1, 'free', 'SO1',"
            + " 'AR1', 1, NULL, NULL)",
        "INSERT INTO gate.songplays VALUES ('1-1-2', '2018-11-01 00:00:00', 1, 'free', NULL,"
            + " NULL, 1, NULL, NULL)");
    tables = SqlMeasuredTables.published(connection, sql);
  }

  private void execute(String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private CheckResult measure(QualityCheck check) {
    return QualityGate.measure(List.of(check), tables).get(0);
  }

  @Test
  void rowCount() throws SQLException {
    var check = new QualityCheck(CheckKind.ROW_COUNT, "songplays", null, null, 2);
    assertThat(measure(check)).isEqualTo(new CheckResult("row-count songplays", 2, ">= 2", true));
    execute("DELETE FROM gate.songplays WHERE songplay_id = '1-1-2'");
    assertThat(measure(check).passed()).isFalse();
  }

  @Test
  void unique() throws SQLException {
    var check = new QualityCheck(CheckKind.UNIQUE, "songplays", "songplay_id", null, 0);
    assertThat(measure(check).passed()).isTrue();
    execute("INSERT INTO gate.songplays SELECT * FROM gate.songplays");
    assertThat(measure(check))
        .isEqualTo(new CheckResult("unique songplays.songplay_id", 2, "= 0", false));
  }

  @Test
  void notNull() throws SQLException {
    var check = new QualityCheck(CheckKind.NOT_NULL, "songplays", "level", null, 0);
    assertThat(measure(check).passed()).isTrue();
    execute("UPDATE gate.songplays SET level = NULL WHERE songplay_id = '1-0-1'");
    assertThat(measure(check).measured()).isEqualTo(1);
    assertThat(measure(check).passed()).isFalse();
  }

  @Test
  void references() throws SQLException {
    var users = new QualityCheck(CheckKind.REFERENCES, "songplays", "user_id", "users.user_id", 0);
    var time =
        new QualityCheck(CheckKind.REFERENCES, "songplays", "start_time", "time.start_time", 0);
    assertThat(measure(users).passed()).isTrue();
    assertThat(measure(time).passed()).isTrue();
    execute(
        "INSERT INTO gate.songplays VALUES ('9-0-3', '2018-11-02 00:00:00', 9, 'free', NULL,"
            + " NULL, 9, NULL, NULL)");
    assertThat(measure(users))
        .isEqualTo(
            new CheckResult("references songplays.user_id -> users.user_id", 1, "= 0", false));
    assertThat(measure(time).passed()).isFalse();
  }

  @Test
  void matchedShare() throws SQLException {
    var check = new QualityCheck(CheckKind.MATCHED_SHARE, "songplays", "song_id", null, 0.5);
    assertThat(measure(check))
        .isEqualTo(new CheckResult("matched-share songplays.song_id", 0.5, ">= 0.5", true));
    execute("UPDATE gate.songplays SET song_id = NULL");
    assertThat(measure(check).passed()).isFalse();
  }

  @Test
  void quarantineRatio() {
    assertThat(QualityGate.quarantineRatio(1, 100, 0.01).passed()).isTrue();
    assertThat(QualityGate.quarantineRatio(2, 100, 0.01))
        .isEqualTo(new CheckResult("quarantine-ratio", 0.02, "<= 0.01", false));
  }
}

package com.sparkify.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.schema.StarSchema;
import org.junit.jupiter.api.Test;

class WarehouseSqlTest {

  private final WarehouseSql sql = new WarehouseSql(new PostgresDialect(), "star");

  @Test
  void theDdlComesFromTheTableModel() {
    assertThat(sql.createTable(StarSchema.TIME))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS "star"."time" (
              "start_time" TIMESTAMP WITHOUT TIME ZONE NOT NULL,
              "hour" INTEGER NOT NULL,
              "day" INTEGER NOT NULL,
              "week" INTEGER NOT NULL,
              "month" INTEGER NOT NULL,
              "year" INTEGER NOT NULL,
              "weekday" INTEGER NOT NULL,
              PRIMARY KEY ("start_time")
            )""");
  }

  @Test
  void usersAreOnlyUpdatedFromANewerEvent() {
    assertThat(sql.updateChanged(StarSchema.USERS).orElseThrow())
        .startsWith("UPDATE \"star\".\"users\" AS t\nSET \"first_name\" = s.\"first_name\"")
        .contains("FROM \"star\".\"users_stage\" AS s\nWHERE t.\"user_id\" = s.\"user_id\"")
        .contains("t.\"level\" IS DISTINCT FROM s.\"level\"")
        .endsWith("AND s.\"last_event_at\" > t.\"last_event_at\"");
  }

  @Test
  void timeRowsAreNeverUpdated() {
    assertThat(sql.updateChanged(StarSchema.TIME)).isEmpty();
  }

  @Test
  void newKeysAreInsertedFromTheStage() {
    assertThat(sql.insertNew(StarSchema.SONGS))
        .isEqualTo(
            """
            INSERT INTO "star"."songs" ("song_id", "title", "artist_id", "year", "duration")
            SELECT s."song_id", s."title", s."artist_id", s."year", s."duration"
            FROM "star"."songs_stage" AS s
            WHERE NOT EXISTS (SELECT 1 FROM "star"."songs" AS t WHERE t."song_id" = s."song_id")""");
  }
}

package com.sparkify.warehouse.schema;

import static com.sparkify.warehouse.schema.TableColumn.optional;
import static com.sparkify.warehouse.schema.TableColumn.optionalText;
import static com.sparkify.warehouse.schema.TableColumn.required;
import static com.sparkify.warehouse.schema.TableColumn.requiredText;

import java.util.List;
import java.util.Optional;

/**
 * The five tables of the warehouse (DOMAIN §2). Search here to find where a column is defined.
 *
 * <p>VARCHAR lengths are bytes, sized for Redshift from the data: ids of the Million Song Dataset
 * are 18 characters, names and titles of the catalogue stay under 256 bytes, user agents under 512.
 * PostgreSQL stores every VARCHAR as unbounded text, so a long value never fails a local load.
 */
public final class StarSchema {

  private StarSchema() {}

  public static final WarehouseTable SONGPLAYS =
      new WarehouseTable(
          "songplays",
          "One row per play event (page = NextSong).",
          List.of(
              requiredText(
                  "songplay_id", 64, "sessionId-itemInSession-ts of the event: stable across runs"),
              required("start_time", ColumnType.TIMESTAMP, "ts of the event, UTC, milliseconds"),
              required("user_id", ColumnType.INTEGER, "userId of the event"),
              optionalText("level", 10, "the event's own level: free or paid"),
              optionalText("song_id", 18, "matched catalogue song, null when none matches"),
              optionalText("artist_id", 18, "artist of the matched song, null when none matches"),
              required("session_id", ColumnType.INTEGER, "sessionId of the event"),
              optionalText("location", 256, "the event's location"),
              optionalText("user_agent", 512, "the event's userAgent")),
          MergePolicy.UPSERT_CHANGED,
          null,
          // The fact grows without bound; start_time spreads it evenly (song_id is mostly null,
          // user_id has a few heavy users) and co-locates it with time, the one dimension as
          // large as the fact. Queries filter on time ranges, so rows are sorted by it.
          Layout.byKey(
              "start_time",
              List.of("start_time"),
              "even spread, joins time locally, range-restricted scans by time"));

  public static final WarehouseTable USERS =
      new WarehouseTable(
          "users",
          "One row per user id seen in the log; values from the user's latest event.",
          List.of(
              required("user_id", ColumnType.INTEGER, "userId as an integer"),
              optionalText("first_name", 256, "firstName of the latest event"),
              optionalText("last_name", 256, "lastName of the latest event"),
              optionalText("gender", 1, "gender of the latest event: M or F"),
              optionalText("level", 10, "level of the latest event: free or paid"),
              required(
                  "last_event_at",
                  ColumnType.TIMESTAMP,
                  "ts of the event these values came from, UTC")),
          MergePolicy.UPSERT_IF_NEWER,
          "last_event_at",
          // Hundreds to thousands of rows: a copy on every node makes every join local.
          Layout.everywhere(List.of("user_id"), "small dimension, copied to every node"));

  public static final WarehouseTable SONGS =
      new WarehouseTable(
          "songs",
          "One row per song_id of the catalogue.",
          List.of(
              requiredText("song_id", 18, "song_id of the catalogue"),
              requiredText("title", 512, "title"),
              requiredText("artist_id", 18, "artist_id"),
              optional("year", ColumnType.INTEGER, "release year, 0 when unknown"),
              optional("duration", ColumnType.DOUBLE, "length in seconds")),
          MergePolicy.UPSERT_CHANGED,
          null,
          // The whole catalogue is some 15,000 songs: small enough to copy to every node.
          Layout.everywhere(List.of("song_id"), "small dimension, copied to every node"));

  public static final WarehouseTable ARTISTS =
      new WarehouseTable(
          "artists",
          "One row per artist_id; values from the artist's song with the smallest song_id.",
          List.of(
              requiredText("artist_id", 18, "artist_id of the catalogue"),
              optionalText("name", 512, "artist_name"),
              optionalText("location", 512, "artist_location; empty stays empty"),
              optional("latitude", ColumnType.DOUBLE, "artist_latitude"),
              optional("longitude", ColumnType.DOUBLE, "artist_longitude")),
          MergePolicy.UPSERT_CHANGED,
          null,
          // About 10,000 artists: copied to every node like songs.
          Layout.everywhere(List.of("artist_id"), "small dimension, copied to every node"));

  public static final WarehouseTable TIME =
      new WarehouseTable(
          "time",
          "One row per distinct songplays start_time.",
          List.of(
              required("start_time", ColumnType.TIMESTAMP, "a play's start_time, UTC"),
              required("hour", ColumnType.INTEGER, "hour of day, 0-23"),
              required("day", ColumnType.INTEGER, "day of month"),
              required("week", ColumnType.INTEGER, "ISO week of year"),
              required("month", ColumnType.INTEGER, "month, 1-12"),
              required("year", ColumnType.INTEGER, "calendar year"),
              required("weekday", ColumnType.INTEGER, "0 = Sunday ... 6 = Saturday")),
          MergePolicy.INSERT_ONLY,
          null,
          // One row per play timestamp, so as large as the fact: distributed like songplays on
          // start_time, so the join between them never moves rows.
          Layout.byKey(
              "start_time", List.of("start_time"), "as large as the fact, co-located with it"));

  /** The tables in the order they are merged: dimensions first, the fact last. */
  public static List<WarehouseTable> tables() {
    return List.of(USERS, SONGS, ARTISTS, TIME, SONGPLAYS);
  }

  public static Optional<WarehouseTable> table(String name) {
    return tables().stream().filter(t -> t.name().equals(name)).findFirst();
  }
}

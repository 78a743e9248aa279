package com.sparkify.warehouse.transform;

import com.sparkify.warehouse.TestSpark;
import com.sparkify.warehouse.schema.InputSchemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Hand-built typed records, with the field order of {@link InputSchemas}. */
final class TransformFixtures {

  private TransformFixtures() {}

  /** A song record: artist_id, location, name, song_id, title, duration, year. */
  static Object[] song(
      String artistId,
      String location,
      String artistName,
      String songId,
      String title,
      Double duration,
      Integer year) {
    return new Object[] {
      1, artistId, null, null, location, artistName, songId, title, duration, year
    };
  }

  static Dataset<Row> songs(Object[]... rows) {
    return TestSpark.rows(InputSchemas.typedSchema(InputSchemas.SONG_FIELDS), rows);
  }

  /** An event of the log with the fields the rules look at. */
  static Object[] event(
      String page,
      Integer userId,
      String firstName,
      String level,
      int sessionId,
      int itemInSession,
      long ts,
      String artist,
      String song,
      Double length) {
    return new Object[] {
      artist,
      "Logged In",
      firstName,
      "F",
      itemInSession,
      "Last",
      length,
      level,
      "Town, ST",
      "PUT",
      page,
      1.5409E12,
      sessionId,
      song,
      200,
      ts,
      "Agent",
      userId
    };
  }

  static Object[] play(
      int userId, int sessionId, int item, long ts, String artist, String song, Double length) {
    return event("NextSong", userId, "Name", "free", sessionId, item, ts, artist, song, length);
  }

  static Dataset<Row> events(Object[]... rows) {
    return TestSpark.rows(InputSchemas.typedSchema(InputSchemas.EVENT_FIELDS), rows);
  }
}

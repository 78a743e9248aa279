package com.sparkify.warehouse.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import com.sparkify.warehouse.schema.InputSchemas;
import com.sparkify.warehouse.schema.StarSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The songplays fact: one row per valid play event (DOMAIN §3). */
public final class Songplays {

  private Songplays() {}

  /**
   * The catalogue keyed for matching plays: one row per (title, artist_name, duration) holding the
   * smallest song_id with that key and its artist_id, so a play never fans out into several rows.
   * Small enough to broadcast for any real catalogue.
   *
   * @param chosenSongs the catalogue records chosen by {@link Songs#chooseRecords}
   */
  public static Dataset<Row> matchKeys(Dataset<Row> chosenSongs) {
    return chosenSongs
        .groupBy(col("title"), col("artist_name"), col("duration"))
        .agg(min(struct(col("song_id"), col("artist_id"))).as("_song"))
        .select(
            col("title").as("_match_title"),
            col("artist_name").as("_match_artist"),
            col("duration").as("_match_duration"),
            col("_song.song_id").as("song_id"),
            col("_song.artist_id").as("artist_id"));
  }

  /**
   * Every play event exactly once. song_id and artist_id come from the catalogue song whose title,
   * artist name and duration equal the event's song, artist and length, null when none does.
   * songplay_id is "sessionId-itemInSession-ts", the event's identity, so every run gives an event
   * the same id.
   *
   * @param events valid, deduplicated events with the log's field names
   * @param matchKeys the output of {@link #matchKeys}, broadcast by the caller when small
   */
  public static Dataset<Row> build(Dataset<Row> events, Dataset<Row> matchKeys) {
    Dataset<Row> plays = events.filter(col("page").equalTo(InputSchemas.PLAY_PAGE));
    Column sameSong =
        plays
            .col("song")
            .equalTo(matchKeys.col("_match_title"))
            .and(plays.col("artist").equalTo(matchKeys.col("_match_artist")))
            .and(plays.col("length").equalTo(matchKeys.col("_match_duration")));
    Dataset<Row> matched = plays.join(matchKeys, sameSong, "left");
    return TableShape.conform(
        matched.select(
            concat_ws("-", col("sessionId"), col("itemInSession"), col("ts")).as("songplay_id"),
            expr("timestamp_millis(ts)").as("start_time"),
            col("userId").as("user_id"),
            col("level"),
            col("song_id"),
            col("artist_id"),
            col("sessionId").as("session_id"),
            col("location"),
            col("userAgent").as("user_agent")),
        StarSchema.SONGPLAYS);
  }
}

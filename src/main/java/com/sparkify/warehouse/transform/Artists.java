package com.sparkify.warehouse.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import com.sparkify.warehouse.schema.StarSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The artists dimension: one row per artist_id (DOMAIN §3). */
public final class Artists {

  private Artists() {}

  /**
   * Name, location and coordinates come from the artist's song record with the smallest song_id;
   * the song tie-break (title, year, duration), then the artist fields themselves, settle records
   * of one song_id. An empty location stays empty.
   *
   * @param songRecords every valid song record, with the catalogue's field names
   */
  public static Dataset<Row> build(Dataset<Row> songRecords) {
    var byArtist =
        Window.partitionBy(col("artist_id"))
            .orderBy(
                col("song_id").asc_nulls_first(),
                col("title").asc_nulls_first(),
                col("year").asc_nulls_first(),
                col("duration").asc_nulls_first(),
                col("artist_name").asc_nulls_first(),
                col("artist_location").asc_nulls_first(),
                col("artist_latitude").asc_nulls_first(),
                col("artist_longitude").asc_nulls_first());
    Dataset<Row> chosen =
        songRecords
            .withColumn("_rank", row_number().over(byArtist))
            .filter(col("_rank").equalTo(1));
    return TableShape.conform(
        chosen.select(
            col("artist_id"),
            col("artist_name").as("name"),
            col("artist_location").as("location"),
            col("artist_latitude").as("latitude"),
            col("artist_longitude").as("longitude")),
        StarSchema.ARTISTS);
  }
}

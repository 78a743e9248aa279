package com.sparkify.warehouse.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import com.sparkify.warehouse.schema.StarSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The songs dimension: one row per song_id (DOMAIN §3). */
public final class Songs {

  private Songs() {}

  /**
   * One catalogue record per song_id: when records of a song_id disagree, the one that sorts first
   * by title, then year, then duration wins (artist_id breaks a remaining tie so the choice never
   * depends on input order). Nulls sort first, text compares by code point.
   *
   * @param songRecords valid song records with the catalogue's field names
   */
  public static Dataset<Row> chooseRecords(Dataset<Row> songRecords) {
    var bySongId =
        Window.partitionBy(col("song_id"))
            .orderBy(
                col("title").asc_nulls_first(),
                col("year").asc_nulls_first(),
                col("duration").asc_nulls_first(),
                col("artist_id").asc_nulls_first());
    return songRecords
        .withColumn("_rank", row_number().over(bySongId))
        .filter(col("_rank").equalTo(1))
        .drop("_rank");
  }

  /** The songs table from the records {@link #chooseRecords} chose. */
  public static Dataset<Row> build(Dataset<Row> chosenRecords) {
    return TableShape.conform(chosenRecords, StarSchema.SONGS);
  }
}

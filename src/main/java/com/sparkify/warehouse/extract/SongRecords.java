package com.sparkify.warehouse.extract;

import com.sparkify.warehouse.schema.InputSchemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Validates catalogue song records (DOMAIN §1). Several records of one song_id are all kept here;
 * the songs transform decides which one wins.
 */
public final class SongRecords {

  private SongRecords() {}

  /** Typed song records with a {@link JsonRecords#REASON}. */
  public static Dataset<Row> validate(Dataset<Row> raw) {
    return JsonRecords.parse(raw, InputSchemas.SONG_FIELDS);
  }
}

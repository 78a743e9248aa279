package com.sparkify.warehouse.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The records a run refused, kept with their source file, line, raw text and reason. The raw text
 * is the user's data verbatim, so the quarantine location is as sensitive as the input.
 */
public final class Quarantine {

  private Quarantine() {}

  /** The refused records of a validated input, in the quarantine's layout. */
  public static Dataset<Row> refused(Dataset<Row> validated, String input) {
    return validated
        .filter(col(JsonRecords.REASON).isNotNull())
        .select(
            lit(input).as("input"),
            col(RawRecords.SOURCE_FILE),
            col(RawRecords.LINE_NUMBER),
            col(JsonRecords.REASON),
            col(RawRecords.RAW));
  }

  /** Writes refused records as JSON lines under {@code location}, which must not exist yet. */
  public static void write(Dataset<Row> refused, String location) {
    refused.coalesce(1).write().mode(SaveMode.ErrorIfExists).json(location);
  }
}

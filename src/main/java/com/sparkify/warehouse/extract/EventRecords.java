package com.sparkify.warehouse.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.sparkify.warehouse.extract.JsonRecords.Check;
import com.sparkify.warehouse.schema.InputSchemas;
import java.util.ArrayList;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Validates app events (DOMAIN §1): parse, required fields of a play, ts range, duplicates. */
public final class EventRecords {

  /** Reason of the second and later copies of one event. */
  public static final String DUPLICATE = "duplicate";

  /** 2100-01-01T00:00:00Z in epoch milliseconds: later timestamps are a clock or encoding bug. */
  static final long LATEST_TS = 4_102_444_800_000L;

  private EventRecords() {}

  /**
   * Typed events with a {@link JsonRecords#REASON}. Of several valid records of one event (same
   * sessionId, itemInSession and ts) the one with the smallest raw text is kept and the others are
   * quarantined as {@value #DUPLICATE}, so a line or a day read twice changes nothing.
   */
  public static Dataset<Row> validate(Dataset<Row> raw) {
    Dataset<Row> parsed = JsonRecords.parse(raw, InputSchemas.EVENT_FIELDS);
    var checks = new ArrayList<Check>();
    checks.add(Check.of(col("ts").lt(0).or(col("ts").geq(LATEST_TS)), "out_of_range:ts"));
    Column isPlay = col("page").equalTo(InputSchemas.PLAY_PAGE);
    for (String field : InputSchemas.PLAY_REQUIRED_FIELDS) {
      Column absent = col(field).isNull().or(length(trim(col(field).cast("string"))).equalTo(0));
      checks.add(Check.of(isPlay.and(absent), "missing_field:" + field));
    }
    Dataset<Row> checked = JsonRecords.check(parsed, checks);

    Column valid = col(JsonRecords.REASON).isNull();
    var sameEvent =
        Window.partitionBy(valid, col("sessionId"), col("itemInSession"), col("ts"))
            .orderBy(col(RawRecords.RAW), col(RawRecords.SOURCE_FILE), col(RawRecords.LINE_NUMBER));
    return checked.withColumn(
        JsonRecords.REASON,
        when(valid.and(row_number().over(sameEvent).gt(1)), DUPLICATE)
            .otherwise(col(JsonRecords.REASON)));
  }
}

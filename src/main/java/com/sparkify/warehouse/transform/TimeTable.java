package com.sparkify.warehouse.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import com.sparkify.warehouse.schema.StarSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The time dimension: one row per distinct play start_time (DOMAIN §3). */
public final class TimeTable {

  private TimeTable() {}

  /**
   * Hour 0-23, day of month, ISO week, month, year and weekday with 0 = Sunday as Redshift's
   * EXTRACT(dow). Fields are read in the session time zone, which the job pins to UTC.
   *
   * @param songplays the songplays table
   */
  public static Dataset<Row> build(Dataset<Row> songplays) {
    return TableShape.conform(
        songplays
            .select(col("start_time"))
            .distinct()
            .select(
                col("start_time"),
                hour(col("start_time")).as("hour"),
                dayofmonth(col("start_time")).as("day"),
                weekofyear(col("start_time")).as("week"),
                month(col("start_time")).as("month"),
                year(col("start_time")).as("year"),
                dayofweek(col("start_time")).minus(1).as("weekday")),
        StarSchema.TIME);
  }
}

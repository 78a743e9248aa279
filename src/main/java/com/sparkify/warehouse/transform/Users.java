package com.sparkify.warehouse.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import com.sparkify.warehouse.schema.StarSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The users dimension: one row per user id seen in the log (DOMAIN §3). */
public final class Users {

  private Users() {}

  /**
   * Every user id of the log, from events of any page, with name, gender and level of the user's
   * latest event, ordered by ts, then sessionId, then itemInSession. last_event_at is that event's
   * time, so a later load only overwrites the row from a newer event.
   *
   * @param events valid events with the log's field names and userId as an integer
   */
  public static Dataset<Row> build(Dataset<Row> events) {
    var latestFirst =
        Window.partitionBy(col("userId"))
            .orderBy(col("ts").desc(), col("sessionId").desc(), col("itemInSession").desc());
    Dataset<Row> latest =
        events
            .filter(col("userId").isNotNull())
            .withColumn("_rank", row_number().over(latestFirst))
            .filter(col("_rank").equalTo(1));
    return TableShape.conform(
        latest.select(
            col("userId").as("user_id"),
            col("firstName").as("first_name"),
            col("lastName").as("last_name"),
            col("gender"),
            col("level"),
            expr("timestamp_millis(ts)").as("last_event_at")),
        StarSchema.USERS);
  }
}

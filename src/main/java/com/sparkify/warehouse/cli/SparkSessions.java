package com.sparkify.warehouse.cli;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the job's SparkSession from the config's spark.* keys. */
final class SparkSessions {

  private SparkSessions() {}

  /**
   * Starts Spark with the given settings on top of what spark-submit passed. Without a master (a
   * plain {@code java} launch) it runs locally on every core. The session time zone is always UTC:
   * every timestamp of the warehouse is UTC, whatever the machine's zone.
   */
  static SparkSession create(Map<String, String> settings) {
    SparkConf conf = new SparkConf();
    settings.forEach(conf::set);
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.app.name", "sparkify-warehouse");
    // Hide passwords that a user passes as spark.* settings from the UI and event logs.
    conf.setIfMissing("spark.redaction.regex", "(?i)secret|password|token|access[.]?key");
    conf.set("spark.sql.session.timeZone", "UTC");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}

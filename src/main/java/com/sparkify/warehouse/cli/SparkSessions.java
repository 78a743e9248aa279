package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.S3Settings;
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
  static SparkSession create(JobConfig config) {
    SparkConf conf = new SparkConf();
    config.spark().forEach(conf::set);
    // S3A settings from s3.*, unless a spark.hadoop.fs.s3a.* key set one explicitly.
    S3Settings.hadoopProperties(config.s3(), System.getenv())
        .forEach((key, value) -> conf.setIfMissing("spark.hadoop." + key, value));
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.app.name", "sparkify-warehouse");
    // Hide passwords that a user passes as spark.* settings from the UI and event logs.
    conf.setIfMissing("spark.redaction.regex", "(?i)secret|password|token|access[.]?key");
    // The job's caches live for one run: compressing them (dictionary-encoding every column) cost
    // about a tenth of the CPU of a run in profiles, more than the memory it saves is worth.
    conf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
    conf.set("spark.sql.session.timeZone", "UTC");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}

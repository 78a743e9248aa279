package com.sparkify.warehouse.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run needs to know, validated when built.
 *
 * @param input where the raw JSON is
 * @param warehouse where the star schema goes
 * @param quarantine where refused records go
 * @param load options of the load
 * @param s3 how s3a:// locations are reached
 * @param quality the checks that gate every publish
 * @param spark every {@code spark.*} key, passed to the SparkConf unchanged
 */
public record JobConfig(
    InputConfig input,
    WarehouseConfig warehouse,
    QuarantineConfig quarantine,
    LoadConfig load,
    S3Config s3,
    QualityConfig quality,
    Map<String, String> spark) {

  public JobConfig {
    spark = Map.copyOf(new TreeMap<>(spark));
  }
}

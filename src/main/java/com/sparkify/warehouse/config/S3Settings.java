package com.sparkify.warehouse.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Hadoop S3A properties of an {@link S3Config}, plus the retry and connection settings that
 * suit a catalogue of many tiny files. Keys are Hadoop keys (fs.s3a.*); the SparkConf takes them
 * with a spark.hadoop. prefix, where Spark's redaction hides the secret ones.
 */
public final class S3Settings {

  public static final String ACCESS_KEY_VARIABLE = "AWS_ACCESS_KEY_ID";
  public static final String SECRET_KEY_VARIABLE = "AWS_SECRET_ACCESS_KEY";

  private S3Settings() {}

  /**
   * @param environment where static credentials are read from
   */
  public static Map<String, String> hadoopProperties(S3Config s3, Map<String, String> environment) {
    var properties = new LinkedHashMap<String, String>();
    // Many small GETs in parallel: one connection per reading thread, and enough threads.
    properties.put("fs.s3a.connection.maximum", "200");
    properties.put("fs.s3a.threads.max", "64");
    // Throttling (503 SlowDown) and 5xx: retry with exponential backoff before failing a task.
    properties.put("fs.s3a.retry.limit", "7");
    properties.put("fs.s3a.retry.interval", "500ms");
    properties.put("fs.s3a.retry.throttle.limit", "20");
    properties.put("fs.s3a.retry.throttle.interval", "1000ms");
    properties.put("fs.s3a.attempts.maximum", "10");
    // Keep directory markers: no marker deletes after every write (Hadoop 3.3.1+ readers agree).
    properties.put("fs.s3a.directory.marker.retention", "keep");
    // Every input file is read whole, front to back.
    properties.put("fs.s3a.experimental.input.fadvise", "sequential");
    switch (s3.credentials()) {
      case DEFAULT -> {
        // S3A's own chain: environment, profile, container and instance roles.
      }
      case ANONYMOUS ->
          properties.put(
              "fs.s3a.aws.credentials.provider",
              "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider");
      case STATIC -> {
        String accessKey = environment.getOrDefault(ACCESS_KEY_VARIABLE, "");
        String secretKey = environment.getOrDefault(SECRET_KEY_VARIABLE, "");
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
          throw new ConfigError(
              "s3.credentials = static needs the environment variables "
                  + ACCESS_KEY_VARIABLE
                  + " and "
                  + SECRET_KEY_VARIABLE);
        }
        properties.put(
            "fs.s3a.aws.credentials.provider",
            "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        properties.put("fs.s3a.access.key", accessKey);
        properties.put("fs.s3a.secret.key", secretKey);
      }
    }
    if (!s3.endpoint().isEmpty()) {
      properties.put("fs.s3a.endpoint", s3.endpoint());
      properties.put(
          "fs.s3a.connection.ssl.enabled", String.valueOf(s3.endpoint().startsWith("https")));
      // S3-compatible servers (s3proxy, MinIO's filesystem mode) may not return object versions.
      properties.put("fs.s3a.change.detection.version.required", "false");
    }
    if (s3.pathStyle()) {
      properties.put("fs.s3a.path.style.access", "true");
    }
    if (!s3.region().isEmpty()) {
      properties.put("fs.s3a.endpoint.region", s3.region());
    }
    return properties;
  }
}

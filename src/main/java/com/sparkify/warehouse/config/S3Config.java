package com.sparkify.warehouse.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * How S3A reaches S3 or an S3-compatible server, for every s3a:// location of the job.
 *
 * @param credentials {@code s3.credentials}: default (the AWS chain: environment, profile, instance
 *     role), anonymous (public buckets such as s3a://udacity-dend/) or static (the environment
 *     variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY only)
 * @param endpoint {@code s3.endpoint}: an S3-compatible server such as http://127.0.0.1:9000
 *     (empty: AWS)
 * @param pathStyle {@code s3.path-style}: bucket in the path instead of the host name (false)
 * @param region {@code s3.region}: the buckets' region, e.g. us-west-2 (empty: S3A decides)
 */
public record S3Config(Credentials credentials, String endpoint, boolean pathStyle, String region) {

  /** Where S3A takes its credentials from. */
  public enum Credentials {
    DEFAULT,
    ANONYMOUS,
    STATIC;

    static Credentials fromKey(String value) {
      return Arrays.stream(values())
          .filter(c -> c.key().equals(value))
          .findFirst()
          .orElseThrow(
              () ->
                  ConfigError.invalid(
                      "s3.credentials", value, "expected default, anonymous or static"));
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public S3Config {
    endpoint = endpoint == null ? "" : endpoint.trim();
    region = region == null ? "" : region.trim();
    if (!endpoint.isEmpty() && !endpoint.matches("https?://[^\\s/]+/?")) {
      throw ConfigError.invalid("s3.endpoint", endpoint, "expected http(s)://HOST[:PORT]");
    }
  }
}

package com.sparkify.warehouse.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.JobRunner;
import com.sparkify.warehouse.TestSpark;
import com.sparkify.warehouse.config.S3Config;
import com.sparkify.warehouse.config.S3Settings;
import com.sparkify.warehouse.extract.RawRecords;
import com.sparkify.warehouse.extract.SourceFile;
import com.sparkify.warehouse.extract.SourceFiles;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * S3 throttling: a proxy answers the first requests with 503 SlowDown, and the job's S3A settings
 * (config/S3Settings) retry with backoff until the read succeeds.
 */
class S3RetryIT {

  private static final String BUCKET = "throttled";

  @Test
  void throttledRequestsAreRetriedAndTheReadCompletes() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start();
        ThrottlingProxy proxy = ThrottlingProxy.start(URI.create(s3.endpoint()).getPort(), 6)) {
      s3.createBucket(BUCKET);
      s3.upload(JobRunner.SAMPLE.resolve("log_data"), BUCKET, "log_data");

      Map<String, String> settings =
          S3Settings.hadoopProperties(
              new S3Config(S3Config.Credentials.STATIC, proxy.endpoint(), true, ""),
              Map.of(
                  S3Settings.ACCESS_KEY_VARIABLE, s3.accessKey(),
                  S3Settings.SECRET_KEY_VARIABLE, s3.secretKey()));
      // Per-bucket keys: only this bucket goes through the throttling proxy.
      Configuration hadoop = TestSpark.session().sparkContext().hadoopConfiguration();
      settings.forEach(
          (key, value) ->
              hadoop.set(
                  "fs.s3a.bucket." + BUCKET + "." + key.substring("fs.s3a.".length()), value));

      List<SourceFile> files =
          SourceFiles.list("s3a://" + BUCKET + "/log_data", "input.log-data", hadoop);
      long records = RawRecords.read(TestSpark.session(), files, 4, 1 << 20).count();

      assertThat(proxy.rejected()).isEqualTo(6);
      assertThat(files).hasSize(31);
      assertThat(records).isEqualTo(8001);
    }
  }
}

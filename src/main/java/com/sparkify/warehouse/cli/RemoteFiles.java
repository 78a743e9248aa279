package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.ConfigError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Reads a small file from any Hadoop filesystem (s3a://, s3:// on EMR, hdfs://, file://). */
final class RemoteFiles {

  private RemoteFiles() {}

  static String readText(String location, Map<String, String> hadoopProperties) {
    var hadoop = new Configuration();
    hadoopProperties.forEach(hadoop::set);
    Path path = new Path(location);
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ConfigError(
          "Cannot read the config "
              + location
              + " (check --config and s3.* settings): "
              + e.getMessage(),
          e);
    }
  }
}

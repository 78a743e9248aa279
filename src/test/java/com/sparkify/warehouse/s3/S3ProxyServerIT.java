package com.sparkify.warehouse.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.warehouse.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** s3proxy starts in its own JVM, takes the sample data set and serves it to S3A and Spark. */
class S3ProxyServerIT {

  private static final Path SAMPLE = Path.of("data-sample");
  private static final String BUCKET = "sparkify-s3proxy-it";
  private static final String DAY = "log_data/2018/11/2018-11-05-events.json";

  private static S3ProxyServer server;
  private static int uploaded;
  private static final Map<String, String> sparkSettingsBefore = new HashMap<>();

  @BeforeAll
  static void startAndUpload() {
    server = S3ProxyServer.start();
    server.createBucket(BUCKET);
    uploaded = server.upload(SAMPLE, BUCKET, "");
  }

  @AfterAll
  static void stop() {
    // The SparkSession is shared by every test of this JVM: leave its S3A settings as they were.
    var hadoop = TestSpark.session().sparkContext().hadoopConfiguration();
    sparkSettingsBefore.forEach(
        (key, value) -> {
          if (value == null) {
            hadoop.unset(key);
          } else {
            hadoop.set(key, value);
          }
        });
    if (server != null) {
      server.close();
    }
  }

  @Test
  void s3proxyIsNotOnTheTestClasspath() {
    assertThatThrownBy(() -> Class.forName("org.gaul.s3proxy.Main"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void listsEveryUploadedFileBackWithItsSize() throws IOException {
    Map<String, Long> local = localFileSizes();
    assertThat(uploaded).isEqualTo(local.size()).isGreaterThan(1000);

    var hadoop = server.configure(new org.apache.hadoop.conf.Configuration());
    FileSystem s3 = FileSystem.get(URI.create("s3a://" + BUCKET + "/"), hadoop);
    var listed = new HashMap<String, Long>();
    RemoteIterator<LocatedFileStatus> files =
        s3.listFiles(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/"), true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      listed.put(file.getPath().toUri().getPath().substring(1), file.getLen());
    }

    assertThat(listed).isEqualTo(local);
  }

  @Test
  void s3aReturnsTheExactBytes() throws IOException {
    var hadoop = server.configure(new org.apache.hadoop.conf.Configuration());
    var path = new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/" + DAY);
    FileSystem s3 = path.getFileSystem(hadoop);

    byte[] read;
    try (InputStream in = s3.open(path)) {
      read = in.readAllBytes();
    }

    assertThat(read).isEqualTo(Files.readAllBytes(SAMPLE.resolve(DAY)));
    assertThat(s3.getFileStatus(path).getLen()).isEqualTo(read.length);
  }

  @Test
  void sparkReadsAFileThroughS3a() {
    SparkSession spark = TestSpark.session();
    var hadoop = spark.sparkContext().hadoopConfiguration();
    server.s3aSettings().keySet().forEach(key -> sparkSettingsBefore.put(key, hadoop.get(key)));
    server.configure(hadoop);

    Dataset<Row> fromS3 = spark.read().text("s3a://" + BUCKET + "/" + DAY);
    Dataset<Row> fromDisk = spark.read().text(SAMPLE.resolve(DAY).toAbsolutePath().toString());
    Dataset<Row> events = spark.read().json("s3a://" + BUCKET + "/" + DAY);

    assertThat(fromS3.collectAsList())
        .isNotEmpty()
        .containsExactlyElementsOf(fromDisk.collectAsList());
    assertThat(events.columns()).contains("ts", "page", "sessionId", "itemInSession");
    assertThat(events.filter("page = 'NextSong'").count()).isPositive();
  }

  private static Map<String, Long> localFileSizes() throws IOException {
    var sizes = new HashMap<String, Long>();
    try (Stream<Path> walk = Files.walk(SAMPLE)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        sizes.put(SAMPLE.relativize(file).toString().replace('\\', '/'), Files.size(file));
      }
    }
    return sizes;
  }
}

package com.sparkify.warehouse.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.JobRunner;
import com.sparkify.warehouse.RunReport;
import com.sparkify.warehouse.TestSpark;
import com.sparkify.warehouse.extract.DaySelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job reading s3a:// inputs and writing its quarantine and temporary files to S3. */
class S3LoadIT {

  private static final String BUCKET = "sparkify-it";
  private static S3ProxyServer s3;
  private static JobRunner runner;

  @BeforeAll
  static void start(@TempDir java.nio.file.Path work) throws IOException {
    s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
    s3.upload(JobRunner.SAMPLE, BUCKET, "input");
    s3.configure(TestSpark.session().sparkContext().hadoopConfiguration());
    runner = JobRunner.start(work);
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
    s3.close();
  }

  private static String uri(String key) {
    return "s3a://" + BUCKET + "/" + key;
  }

  @Test
  void inputsOnS3LoadTheSameTablesAsLocalFiles() throws SQLException, IOException {
    runner.run(runner.sample("from_local"));

    RunReport report =
        runner.run(
            runner.config(
                "from_s3",
                uri("input/song_data"),
                uri("input/log_data"),
                "quarantine.path=" + uri("quarantine")));

    assertThat(runner.fingerprint("from_s3")).isEqualTo(runner.fingerprint("from_local"));
    assertThat(report.input().get("songs").files()).isEqualTo(1001);
    assertThat(report.quarantined().path()).startsWith(uri("quarantine/"));
    FileSystem fileSystem =
        FileSystem.get(
            java.net.URI.create(uri("")), TestSpark.session().sparkContext().hadoopConfiguration());
    assertThat(
            fileSystem.listStatus(
                new org.apache.hadoop.fs.Path(report.quarantined().path() + "/events")))
        .anySatisfy(status -> assertThat(status.getPath().getName()).startsWith("part-"));
  }

  @Test
  void aRangeOnS3ListsOnlyItsMonth() {
    RunReport report =
        runner.run(
            runner.config("range_s3", uri("input/song_data"), uri("input/log_data")),
            DaySelection.range(LocalDate.parse("2018-11-05"), LocalDate.parse("2018-11-06")));
    assertThat(report.daysLoaded()).containsExactly("2018-11-05", "2018-11-06");
    assertThat(report.input().get("events").files()).isEqualTo(2);
  }

  @Test
  void theCommandLineReadsItsConfigAndInputsFromS3(@TempDir java.nio.file.Path work)
      throws Exception {
    java.nio.file.Path conf = work.resolve("s3.conf");
    Files.writeString(
        conf,
        "input { song-data = \""
            + uri("input/song_data")
            + "\", log-data = \""
            + uri("input/log_data")
            + "\" }\nquarantine.path = \""
            + uri("cli-quarantine")
            + "\"\n",
        StandardCharsets.UTF_8);
    s3.upload(work, BUCKET, "conf");

    var command =
        new ArrayList<>(
            List.of(
                "scripts/sparkify",
                "run",
                "--config",
                uri("conf/s3.conf"),
                "--set",
                "s3.endpoint=" + s3.endpoint(),
                "--set",
                "s3.path-style=true",
                "--set",
                "s3.credentials=static",
                "--set",
                "warehouse.embedded-directory=" + work.resolve("pg"),
                "--set",
                "warehouse.tempdir=" + work.resolve("tmp"),
                "--set",
                "spark.master=local[2]"));
    var builder = new ProcessBuilder(command);
    builder.environment().put("AWS_ACCESS_KEY_ID", s3.accessKey());
    builder.environment().put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
    java.nio.file.Path out = work.resolve("out.txt");
    java.nio.file.Path err = work.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String stderr = Files.readString(err);
    assertThat(process.exitValue()).as(stderr).isZero();
    assertThat(Files.readString(out)).contains("balanced", "songplays |", "1001");
    assertThat(Files.readString(out) + stderr).doesNotContain(s3.secretKey());
  }
}

package com.sparkify.warehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigLoaderTest {

  private static final List<String> INPUTS =
      List.of("input.song-data=songs", "input.log-data=logs");

  @TempDir Path folder;

  private File file(String hocon) throws IOException {
    Path path = folder.resolve("job.conf");
    Files.writeString(path, hocon);
    return path.toFile();
  }

  @Test
  void defaults() {
    JobConfig config = JobConfigLoader.load(null, INPUTS, Map.of());
    assertThat(config.input()).isEqualTo(new InputConfig("songs", "logs", 16 * 1024 * 1024));
    assertThat(config.warehouse())
        .isEqualTo(
            new WarehouseConfig(
                WarehouseKind.EMBEDDED_POSTGRES,
                "",
                "postgres",
                new Secret(""),
                "",
                "public",
                "warehouse/tmp",
                "warehouse/postgres",
                10,
                new RedshiftConfig("", "CSV GZIP", "", 2)));
    assertThat(config.load()).isEqualTo(new LoadConfig(false, ""));
    assertThat(config.s3()).isEqualTo(new S3Config(S3Config.Credentials.DEFAULT, "", false, ""));
    assertThat(config.quarantine()).isEqualTo(new QuarantineConfig("warehouse/quarantine", 0.01));
    assertThat(config.spark()).isEmpty();
    assertThat(config.quality().checks()).hasSize(15);
  }

  @Test
  void everyKeyMapsToItsField() throws IOException {
    File file =
        file(
            """
            input { song-data = "s3a://bucket/song_data", log-data = "/data/log_data",
                    max-record-bytes = 2048 }
            warehouse {
              kind = redshift
              url = "jdbc:redshift://example.us-west-2.redshift.amazonaws.com:5439/dev"
              user = loader
              password = "from-file"
              password-secret = "arn:aws:secretsmanager:us-west-2:123456789012:secret:rs"
              schema = star
              tempdir = "s3a://bucket/tmp"
              embedded-directory = "/var/pg"
              connect-timeout-seconds = 3
              iam-role = "arn:aws:iam::123456789012:role/redshift-copy"
              tempformat = "avro"
              tempdir-region = "us-east-1"
              slices = 8
            }
            load.staging-tables = true
            lake.path = "s3a://lake/sparkify"
            s3 { credentials = anonymous, endpoint = "http://127.0.0.1:9000", path-style = true,
                 region = us-west-2 }
            quarantine.path = "/data/quarantine"
            quarantine.max-ratio = 0.05
            quality.checks = [{kind = matched-share, table = songplays, column = song_id, min = 0.2}]
            spark.sql.shuffle.partitions = 8
            spark.master = "local[2]"
            """);
    JobConfig config = JobConfigLoader.load(file, List.of(), Map.of());
    assertThat(config.input())
        .isEqualTo(new InputConfig("s3a://bucket/song_data", "/data/log_data", 2048));
    assertThat(config.warehouse())
        .isEqualTo(
            new WarehouseConfig(
                WarehouseKind.REDSHIFT,
                "jdbc:redshift://example.us-west-2.redshift.amazonaws.com:5439/dev",
                "loader",
                new Secret("from-file"),
                "arn:aws:secretsmanager:us-west-2:123456789012:secret:rs",
                "star",
                "s3a://bucket/tmp",
                "/var/pg",
                3,
                new RedshiftConfig(
                    "arn:aws:iam::123456789012:role/redshift-copy", "AVRO", "us-east-1", 8)));
    assertThat(config.load()).isEqualTo(new LoadConfig(true, "s3a://lake/sparkify"));
    assertThat(config.s3())
        .isEqualTo(
            new S3Config(
                S3Config.Credentials.ANONYMOUS, "http://127.0.0.1:9000", true, "us-west-2"));
    assertThat(config.quarantine()).isEqualTo(new QuarantineConfig("/data/quarantine", 0.05));
    assertThat(config.quality().checks())
        .containsExactly(
            new com.sparkify.warehouse.quality.QualityCheck(
                com.sparkify.warehouse.quality.CheckKind.MATCHED_SHARE,
                "songplays",
                "song_id",
                null,
                0.2));
    assertThat(config.spark())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("spark.sql.shuffle.partitions", "8", "spark.master", "local[2]"));
  }

  @Test
  void setOverridesTheFile() throws IOException {
    File file = file("input { song-data = a, log-data = b }\nwarehouse.schema = one");
    JobConfig config =
        JobConfigLoader.load(file, List.of("warehouse.schema=two", "spark.app.name=x=y"), Map.of());
    assertThat(config.warehouse().schema()).isEqualTo("two");
    assertThat(config.spark()).containsEntry("spark.app.name", "x=y");
  }

  @Test
  void thePasswordComesFromTheEnvironmentWhenNotSet() {
    JobConfig config =
        JobConfigLoader.load(
            null, INPUTS, Map.of(JobConfigLoader.PASSWORD_VARIABLE, "s3cr3t-sentinel"));
    assertThat(config.warehouse().password().value()).isEqualTo("s3cr3t-sentinel");
    assertThat(config.warehouse().toString()).doesNotContain("s3cr3t-sentinel");
  }

  @Test
  void anUnknownKeyIsRejectedWithItsName() {
    assertThatThrownBy(
            () ->
                JobConfigLoader.load(
                    null,
                    List.of("input.song-data=a", "input.log-data=b", "warehouse.shema=x"),
                    Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("Unknown config key 'warehouse.shema'");
  }

  @Test
  void badValuesNameTheKeyAndTheValue() {
    assertThatThrownBy(() -> JobConfigLoader.load(null, plus("warehouse.kind=mysql"), Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("warehouse.kind")
        .hasMessageContaining("'mysql'");
    assertThatThrownBy(
            () -> JobConfigLoader.load(null, plus("warehouse.schema=x; drop table"), Map.of()))
        .hasMessageContaining("warehouse.schema");
    assertThatThrownBy(() -> JobConfigLoader.load(null, plus("warehouse.kind=postgres"), Map.of()))
        .hasMessageContaining("Missing warehouse.url");
    assertThatThrownBy(
            () ->
                JobConfigLoader.load(
                    null, plus("warehouse.connect-timeout-seconds=soon"), Map.of()))
        .hasMessageContaining("warehouse.connect-timeout-seconds")
        .hasMessageContaining("soon");
    assertThatThrownBy(() -> JobConfigLoader.load(null, List.of(), Map.of()))
        .hasMessageContaining("Missing input.song-data");
    List<String> redshift =
        List.of(
            "input.song-data=a",
            "input.log-data=b",
            "warehouse.kind=redshift",
            "warehouse.url=jdbc:redshift://host:5439/dev",
            "warehouse.tempdir=s3a://bucket/tmp");
    assertThatThrownBy(() -> JobConfigLoader.load(null, redshift, Map.of()))
        .hasMessageContaining("Missing warehouse.iam-role");
    var badRole = new java.util.ArrayList<>(redshift);
    badRole.add("warehouse.iam-role=redshift-role");
    assertThatThrownBy(() -> JobConfigLoader.load(null, badRole, Map.of()))
        .hasMessageContaining("warehouse.iam-role = 'redshift-role'");
    var badFormat = new java.util.ArrayList<>(redshift);
    badFormat.add("warehouse.iam-role=arn:aws:iam::123456789012:role/r");
    badFormat.add("warehouse.tempformat=JSON");
    assertThatThrownBy(() -> JobConfigLoader.load(null, badFormat, Map.of()))
        .hasMessageContaining("warehouse.tempformat = 'JSON'");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> JobConfigLoader.load(new File("nope.conf"), INPUTS, Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("nope.conf");
  }

  @Test
  void staticS3CredentialsComeFromTheEnvironmentOnly() {
    var s3 = new S3Config(S3Config.Credentials.STATIC, "http://127.0.0.1:9000", true, "");
    assertThatThrownBy(() -> S3Settings.hadoopProperties(s3, Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("AWS_ACCESS_KEY_ID");
    Map<String, String> properties =
        S3Settings.hadoopProperties(
            s3, Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t"));
    assertThat(properties)
        .containsEntry("fs.s3a.access.key", "AKIDEXAMPLE")
        .containsEntry("fs.s3a.secret.key", "s3cr3t")
        .containsEntry("fs.s3a.endpoint", "http://127.0.0.1:9000")
        .containsEntry("fs.s3a.path.style.access", "true")
        .containsEntry("fs.s3a.connection.ssl.enabled", "false")
        .containsEntry("fs.s3a.change.detection.version.required", "false")
        .containsKey("fs.s3a.retry.limit");
    assertThatThrownBy(() -> JobConfigLoader.load(null, plus("s3.credentials=keys"), Map.of()))
        .hasMessageContaining("s3.credentials = 'keys'");
  }

  private static List<String> plus(String override) {
    return List.of("input.song-data=a", "input.log-data=b", override);
  }
}

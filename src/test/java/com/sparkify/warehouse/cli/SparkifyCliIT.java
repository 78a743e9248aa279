package com.sparkify.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/sparkify as a user runs it: a separate process, its exit code and its output. */
class SparkifyCliIT {

  @TempDir Path work;

  private record Result(int exitCode, String out, String err) {}

  private Result sparkify(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add("scripts/sparkify");
    command.addAll(List.of(args));
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private List<String> localSettings() {
    return List.of(
        "--set", "warehouse.embedded-directory=" + work.resolve("pg"),
        "--set", "warehouse.tempdir=" + work.resolve("tmp"),
        "--set", "quarantine.path=" + work.resolve("quarantine"));
  }

  private String[] withLocal(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(localSettings());
    return all.toArray(String[]::new);
  }

  private static List<String> errorLines(Result result) {
    return result.err().lines().filter(l -> l.startsWith("sparkify")).toList();
  }

  private static final String SENTINEL = "Sentinel-Pass-42";

  private static final List<String> REDSHIFT =
      List.of(
          "--set", "warehouse.kind=redshift",
          "--set",
              "warehouse.url=jdbc:redshift://example.us-west-2.redshift.amazonaws.com:5439/dev",
          "--set", "warehouse.user=awsuser",
          "--set", "warehouse.password=" + SENTINEL,
          "--set", "warehouse.iam-role=arn:aws:iam::123456789012:role/sparkify-copy",
          "--set", "warehouse.tempdir=s3a://sparkify-tmp/stage");

  private String[] withRedshift(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(REDSHIFT);
    return all.toArray(String[]::new);
  }

  @Test
  void createTablesPrintsTheDdlOfEachDialect() throws Exception {
    Result redshift = sparkify(withRedshift("create-tables", "--print"));
    assertThat(redshift.exitCode()).as(redshift.err()).isZero();
    assertThat(redshift.out())
        .contains("DISTSTYLE ALL", "DISTKEY (\"start_time\")", "SORTKEY", "VARCHAR(18)");
    for (String table : List.of("songplays", "users", "songs", "artists", "time")) {
      assertThat(redshift.out()).contains("CREATE TABLE IF NOT EXISTS \"public\".\"" + table);
    }
    Result postgres =
        sparkify(
            "create-tables",
            "--print",
            "--set",
            "warehouse.kind=postgres",
            "--set",
            "warehouse.url=jdbc:postgresql://localhost/x");
    assertThat(postgres.exitCode()).isZero();
    assertThat(postgres.out()).contains("CREATE TABLE").doesNotContain("DIST", "SORTKEY");
  }

  @Test
  void createTablesCreatesAndDropsOnTheEmbeddedWarehouse() throws Exception {
    Result created = sparkify(withLocal("create-tables"));
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("created \"public\".\"songplays\"");
    Result dropped = sparkify(withLocal("create-tables", "--drop"));
    assertThat(dropped.exitCode()).as(dropped.err()).isZero();
    assertThat(dropped.out()).contains("dropped \"public\".\"users\"");
  }

  @Test
  void aDryRunPrintsThePlanWithoutThePassword() throws Exception {
    Result plan = sparkify(withRedshift("run", "--dry-run"));
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("io.github.spark_redshift_community.spark.redshift")
        .contains("s3a://sparkify-tmp/stage")
        .contains("arn:aws:iam::123456789012:role/sparkify-copy")
        .contains("INSERT INTO \"public\".\"songplays\"");
    assertThat(plan.out() + plan.err()).doesNotContain(SENTINEL);
  }

  @Test
  void withoutTheConnectorARedshiftRunFailsInOneLineBeforeSparkStarts() throws Exception {
    Result result = sparkify(withRedshift("run"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err())
        .contains("io.github.spark_redshift_community.spark.redshift.DefaultSource")
        .contains("--packages")
        .doesNotContain(SENTINEL)
        .doesNotContain("\tat ");
    // No progress line: the check ran before Spark started or any input was listed.
    assertThat(result.out()).isEmpty();
  }

  @Test
  void everyCommandHasHelp() throws Exception {
    Result top = sparkify("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("run", "sql", "generate");
    for (String command : List.of("run", "sql", "generate", "create-tables")) {
      Result help = sparkify(command, "--help");
      assertThat(help.exitCode()).as(command).isZero();
      assertThat(help.out()).as(command).contains("Usage: sparkify " + command);
    }
  }

  @Test
  void anUnknownOptionIsAUsageError() throws Exception {
    Result result = sparkify("run", "--no-such-option");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--no-such-option");
  }

  @Test
  void anUnknownConfigKeyIsOneLineAndExitCode2() throws Exception {
    Result result = sparkify(withLocal("run", "--set", "warehouse.shema=x"));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("Unknown config key 'warehouse.shema'");
  }

  @Test
  void aMissingInputPathIsOneLineNamingIt() throws Exception {
    Result result =
        sparkify(
            withLocal(
                "run",
                "--set",
                "input.song-data=" + work.resolve("nowhere"),
                "--set",
                "warehouse.kind=postgres",
                "--set",
                "warehouse.url=jdbc:postgresql://127.0.0.1:1/none"));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(errorLines(result)).hasSize(1);
    assertThat(errorLines(result).get(0))
        .contains("Input path does not exist: " + work.resolve("nowhere"))
        .contains("input.song-data");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void anUnreachableDatabaseFailsWithExitCode1BeforeReadingData() throws Exception {
    Result result =
        sparkify(
            withLocal(
                "run",
                "--set",
                "warehouse.kind=postgres",
                "--set",
                "warehouse.url=jdbc:postgresql://127.0.0.1:1/none",
                "--set",
                "warehouse.connect-timeout-seconds=2"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(errorLines(result)).hasSize(1);
    assertThat(errorLines(result).get(0))
        .contains("Cannot connect to the warehouse at jdbc:postgresql://127.0.0.1:1/none");
    assertThat(result.err()).doesNotContain("read ");
  }

  @Test
  void runThenSqlOnTheEmbeddedWarehouse() throws Exception {
    Path report = work.resolve("report.json");
    Result run = sparkify(withLocal("run", "--report", report.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("songplays", "users", "songs", "artists", "time", "balanced");
    assertThat(Files.readString(report))
        .contains("\"run_id\"", "\"status\" : \"succeeded\"", "\"quarantined\"", "\"timings_ms\"");

    Result sql = sparkify(withLocal("sql", "SELECT count(*) AS plays FROM songplays"));
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    assertThat(sql.out()).contains("plays", "(1 rows)");

    Result badSql = sparkify(withLocal("sql", "SELECT * FROM no_such_table"));
    assertThat(badSql.exitCode()).isEqualTo(1);
    assertThat(errorLines(badSql).get(0)).contains("no_such_table");
  }
}

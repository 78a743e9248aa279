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

  @Test
  void everyCommandHasHelp() throws Exception {
    Result top = sparkify("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("run", "sql", "generate");
    for (String command : List.of("run", "sql", "generate")) {
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

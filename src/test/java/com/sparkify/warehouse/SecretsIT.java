package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with a sentinel password, verbose logs, a report and Spark's event log (every Spark
 * property and SQL plan, what the Spark UI shows): the sentinel appears in none of them.
 */
class SecretsIT {

  private static final String SENTINEL = "Sentinel-Pass-42";
  private static JobRunner runner;
  private static Path work;

  @BeforeAll
  static void start(@TempDir Path directory) throws IOException {
    work = directory;
    runner = JobRunner.start(work.resolve("db"));
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
  }

  @Test
  void thePasswordIsInNoOutputLogReportOrSparkEventLog() throws Exception {
    var config = runner.sample("secrets");
    Path eventLog = Files.createDirectories(work.resolve("spark-events"));
    var command = new ArrayList<>(List.of("scripts/sparkify", "run", "--verbose"));
    command.addAll(List.of("--report", work.resolve("report.json").toString()));
    for (String setting :
        List.of(
            "input.song-data=" + config.input().songData(),
            "input.log-data=" + config.input().logData(),
            "warehouse.kind=postgres",
            "warehouse.url=" + config.warehouse().url(),
            "warehouse.schema=secrets",
            "warehouse.tempdir=" + work.resolve("tmp"),
            "quarantine.path=" + work.resolve("quarantine"),
            "spark.master=local[2]",
            "spark.eventLog.enabled=true",
            "spark.eventLog.dir=" + eventLog.toUri())) {
      command.add("--set");
      command.add(setting);
    }
    var builder =
        new ProcessBuilder(command)
            .redirectOutput(work.resolve("out.txt").toFile())
            .redirectError(work.resolve("err.txt").toFile());
    builder.environment().put("SPARKIFY_WAREHOUSE_PASSWORD", SENTINEL);
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(work.resolve("err.txt"))).isZero();

    List<Path> outputs;
    try (Stream<Path> files = Files.walk(work)) {
      outputs =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.startsWith(work.resolve("db")))
              .toList();
    }
    assertThat(outputs)
        .extracting(p -> p.getFileName().toString())
        .contains("out.txt", "err.txt", "report.json");
    assertThat(outputs).anySatisfy(p -> assertThat(p.toString()).contains("spark-events"));
    for (Path output : outputs) {
      assertThat(read(output)).as(output.toString()).doesNotContain(SENTINEL);
    }
    // The verbose log really is verbose, so the check above means something.
    assertThat(read(work.resolve("err.txt"))).contains("INFO");
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

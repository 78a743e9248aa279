package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.Secret;
import com.sparkify.warehouse.extract.DaySelection;
import com.sparkify.warehouse.generate.DataGenerator;
import com.sparkify.warehouse.generate.GeneratorSettings;
import com.sparkify.warehouse.load.JdbcWarehouse;
import com.sparkify.warehouse.load.WarehouseException;
import com.sparkify.warehouse.load.WarehouseSinks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults caused for real: a killed process, a terminated backend, an unwritable and a full
 * temporary directory, a database that never answers. Each leaves the warehouse as it was, and a
 * rerun ends with the tables of an undisturbed run.
 */
class FaultsIT {

  private static JobRunner runner;
  private static Path work;
  private static Path data;
  private static Map<String, String> undisturbed;

  @BeforeAll
  static void start(@TempDir Path directory) throws IOException, SQLException {
    work = directory;
    runner = JobRunner.start(work);
    // Large enough that the COPY of the fact table takes a moment to catch.
    data = work.resolve("data");
    DataGenerator.generate(
        new GeneratorSettings(data, 2000, 60_000, 10, 7, 0.0, LocalDate.parse("2018-11-01")),
        line -> {});
    runner.run(config("undisturbed"));
    undisturbed = runner.fingerprint("undisturbed");
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
  }

  private static JobConfig config(String schema, String... more) {
    return runner.config(
        schema, data.resolve("song_data").toString(), data.resolve("log_data").toString(), more);
  }

  /** Loads the first two days, so the warehouse has rows a failed run must not touch. */
  private static Map<String, String> loadFirstDays(String schema) throws SQLException {
    runner.run(
        config(schema),
        DaySelection.range(LocalDate.parse("2018-11-01"), LocalDate.parse("2018-11-02")));
    return runner.fingerprint(schema);
  }

  private static void assertRerunEndsUndisturbed(String schema) throws SQLException {
    runner.run(config(schema));
    assertThat(runner.fingerprint(schema)).isEqualTo(undisturbed);
  }

  private static List<Integer> backends(String condition) throws SQLException {
    try (Connection connection = runner.warehouse().connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND "
                    + condition)) {
      var pids = new ArrayList<Integer>();
      while (rows.next()) {
        pids.add(rows.getInt(1));
      }
      return pids;
    }
  }

  @Test
  void aProcessKilledDuringTheCopyOfTheFactTableChangesNothing() throws Exception {
    String schema = "killed";
    Map<String, String> before = loadFirstDays(schema);
    JobConfig config = config(schema);

    var command = new ArrayList<>(List.of("scripts/sparkify", "run"));
    for (String setting :
        List.of(
            "input.song-data=" + config.input().songData(),
            "input.log-data=" + config.input().logData(),
            "warehouse.kind=postgres",
            "warehouse.url=" + config.warehouse().url(),
            "warehouse.schema=" + schema,
            "warehouse.tempdir=" + work.resolve("tmp-killed"),
            "quarantine.path=" + work.resolve("quarantine-killed"),
            "spark.master=local[2]")) {
      command.add("--set");
      command.add(setting);
    }
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(work.resolve("killed.out").toFile())
            .redirectError(work.resolve("killed.err").toFile())
            .start();
    boolean killed = false;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (!backends("query LIKE 'COPY%songplays_stage%' AND state = 'active'").isEmpty()) {
        // SIGKILL: no shutdown hook, no rollback from the client, the socket just closes.
        process.destroyForcibly().waitFor();
        killed = true;
        break;
      }
      Thread.sleep(2);
    }
    assertThat(killed)
        .as(
            "caught the COPY of songplays; stderr: %s",
            Files.readString(work.resolve("killed.err")))
        .isTrue();

    assertThat(runner.fingerprint(schema)).isEqualTo(before);
    assertRerunEndsUndisturbed(schema);
  }

  @Test
  void aConnectionDroppedDuringTheMergeChangesNothing() throws Exception {
    String schema = "dropped";
    Map<String, String> before = loadFirstDays(schema);

    CompletableFuture<RunReport> run;
    try (Connection blocker = runner.warehouse().connect();
        Statement statement = blocker.createStatement()) {
      // SHARE lets the run stage (CREATE ... LIKE reads songplays) but blocks its writes: the
      // merge, which writes songplays after the dimensions, stops there inside its transaction.
      blocker.setAutoCommit(false);
      statement.execute("LOCK TABLE " + schema + ".songplays IN SHARE MODE");
      run = CompletableFuture.supplyAsync(() -> runner.run(config(schema)));
      List<Integer> merging = List.of();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (merging.isEmpty() && System.nanoTime() < deadline && !run.isDone()) {
        Thread.sleep(20);
        merging =
            backends(
                "application_name = 'sparkify-warehouse' AND wait_event_type = 'Lock'"
                    + " AND query LIKE '%songplays%'");
      }
      assertThat(merging).as("the merge waiting on songplays").hasSize(1);
      statement.execute("SELECT pg_terminate_backend(" + merging.get(0) + ")");
      blocker.rollback();
    }

    assertThatThrownBy(run::join).hasCauseInstanceOf(WarehouseException.class);
    assertThat(runner.fingerprint(schema)).isEqualTo(before);
    assertRerunEndsUndisturbed(schema);
  }

  @Test
  void anUnwritableTemporaryDirectoryChangesNothing() throws Exception {
    String schema = "unwritable";
    Map<String, String> before = loadFirstDays(schema);
    // A directory below a regular file can never be created, even by root.
    Path file = Files.writeString(work.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> runner.run(config(schema, "warehouse.tempdir=" + file.resolve("tmp"))))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("check warehouse.tempdir")
        .hasMessageContaining("ParentNotDirectoryException");

    assertThat(runner.fingerprint(schema)).isEqualTo(before);
    assertRerunEndsUndisturbed(schema);
  }

  @Test
  void aFullDiskUnderTheTemporaryDirectoryChangesNothing() throws Exception {
    String schema = "disk_full";
    Map<String, String> before = loadFirstDays(schema);
    Path small = Files.createDirectories(work.resolve("small-disk"));
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString())
            .inheritIO()
            .start();
    assumeThat(mount.waitFor()).as("mounting a 256 KB tmpfs needs root").isZero();
    try {
      assertThatThrownBy(() -> runner.run(config(schema, "warehouse.tempdir=" + small)))
          .isInstanceOf(WarehouseException.class)
          .hasMessageContaining("check warehouse.tempdir and the space under it")
          .hasStackTraceContaining("No space left on device");
      assertThat(runner.fingerprint(schema)).isEqualTo(before);
    } finally {
      // Lazy: a failed task may still hold a file open on it.
      new ProcessBuilder("umount", "-l", small.toString()).inheritIO().start().waitFor();
    }
    assertRerunEndsUndisturbed(schema);
  }

  @Test
  void aDatabaseThatNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      var accepted = new ArrayList<Socket>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // The test is over.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/x";
      JobConfig config =
          runner.config(
              "never",
              data.resolve("song_data").toString(),
              data.resolve("log_data").toString(),
              "warehouse.url=" + url,
              "warehouse.connect-timeout-seconds=2");
      var silentWarehouse = new JdbcWarehouse(url, "postgres", new Secret(""), 2);
      var sink =
          WarehouseSinks.create(
              config.warehouse(),
              silentWarehouse,
              TestSpark.session().sparkContext().hadoopConfiguration(),
              line -> {});
      long started = System.nanoTime();
      assertThatThrownBy(
              () -> SparkifyJob.run("never", config, TestSpark.session(), sink, line -> {}))
          .isInstanceOf(WarehouseException.class)
          .hasMessageContaining("Cannot connect to the warehouse at " + url);
      // Not a hang: the 2 s timeout, plus listing the input, not minutes.
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}

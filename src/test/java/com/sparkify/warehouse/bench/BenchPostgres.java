package com.sparkify.warehouse.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The one PostgreSQL 16 server every benchmark contender loads into: the project's embedded
 * binaries (io.zonky) on a fixed port and data directory, running until the process is killed.
 *
 * <p>Usage: {@code BenchPostgres DATA_DIRECTORY PORT}. It prints {@code ready} once it accepts
 * connections; SIGTERM stops the server cleanly. The settings are the same for all contenders and
 * sized for a 2-core, 23 GB machine; they are listed in docs/BENCHMARKS.md.
 */
public final class BenchPostgres {

  private BenchPostgres() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BenchPostgres DATA_DIRECTORY PORT");
      System.exit(2);
    }
    Path directory = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(directory);
    int port = Integer.parseInt(args[1]);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(true)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("timezone", "UTC")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "1GB")
            .setServerConfig("work_mem", "128MB")
            .setServerConfig("maintenance_work_mem", "1GB")
            .setServerConfig("max_wal_size", "8GB")
            .setServerConfig("checkpoint_timeout", "30min")
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (Exception e) {
                    System.err.println("BenchPostgres: stop failed: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    System.out.println("ready " + postgres.getJdbcUrl("postgres", "postgres"));
    System.out.flush();
    stopped.await();
  }
}

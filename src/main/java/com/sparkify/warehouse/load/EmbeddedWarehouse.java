package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;

/**
 * A PostgreSQL 16 started by the job from the binaries on its classpath, with its data directory
 * kept between runs so that {@code sparkify sql} sees what {@code sparkify run} loaded.
 */
public final class EmbeddedWarehouse implements Warehouse {

  private final EmbeddedPostgres postgres;
  private final JdbcWarehouse jdbc;
  private final File directory;

  private EmbeddedWarehouse(EmbeddedPostgres postgres, File directory, int timeoutSeconds) {
    this.postgres = postgres;
    this.directory = directory;
    this.jdbc =
        new JdbcWarehouse(
            postgres.getJdbcUrl("postgres", "postgres"),
            "postgres",
            new Secret(""),
            timeoutSeconds);
  }

  /** Starts PostgreSQL on a free port, creating the data directory on first use. */
  public static EmbeddedWarehouse start(String dataDirectory, int timeoutSeconds) {
    File directory = new File(dataDirectory).getAbsoluteFile();
    if (!directory.isDirectory() && !directory.mkdirs()) {
      throw new WarehouseException(
          "Cannot create " + directory + " (check warehouse.embedded-directory)");
    }
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(Math.max(30, timeoutSeconds)))
              .setServerConfig("timezone", "UTC")
              .start();
      return new EmbeddedWarehouse(postgres, directory, timeoutSeconds);
    } catch (IOException | RuntimeException e) {
      throw new WarehouseException(
          "Cannot start the embedded PostgreSQL in "
              + directory
              + ": "
              + JdbcWarehouse.firstLine(e.getMessage())
              + " (is another sparkify process using it? check warehouse.embedded-directory)",
          e);
    }
  }

  @Override
  public Connection connect() {
    return jdbc.connect();
  }

  @Override
  public String description() {
    return "embedded PostgreSQL in " + directory;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new WarehouseException("Cannot stop the embedded PostgreSQL in " + directory, e);
    }
  }
}

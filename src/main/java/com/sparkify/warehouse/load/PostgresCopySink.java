package com.sparkify.warehouse.load;

import com.sparkify.warehouse.schema.WarehouseTable;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.postgresql.PGConnection;

/**
 * Loads PostgreSQL the way the Redshift connector loads Redshift: Spark writes each table as CSV
 * files to a temporary directory, COPY bulk-loads them into one staging table per table, and a
 * single transaction merges every stage into its target and drops the stages. Readers see all
 * tables change at once or not at all, and a failure before the commit leaves the targets as they
 * were; a stage left behind by a crash is dropped by the next run.
 */
public final class PostgresCopySink implements WarehouseSink {

  private final WarehouseSql sql;
  private final String tempdir;
  private final Configuration hadoop;
  private final Consumer<String> progress;
  private final StagedLoad staged;

  /**
   * @param tempdir where the run's CSV files go; a Hadoop path or URI
   * @param hadoop the configuration to reach {@code tempdir} with
   * @param progress receives one line per stage
   */
  public PostgresCopySink(
      Warehouse warehouse,
      WarehouseSql sql,
      String tempdir,
      Configuration hadoop,
      Consumer<String> progress) {
    this.sql = sql;
    this.tempdir = tempdir;
    this.hadoop = hadoop;
    this.progress = progress;
    this.staged = new StagedLoad(warehouse, sql, progress);
  }

  @Override
  public void checkReachable() {
    staged.checkReachable();
  }

  @Override
  public RunLock lockRuns() {
    return staged.lockRuns();
  }

  @Override
  public Set<LocalDate> loadedDays() {
    return staged.loadedDays();
  }

  @Override
  public LoadResult load(String runId, Map<WarehouseTable, Dataset<Row>> tables, PublishGate gate) {
    var timings = new LinkedHashMap<String, Long>();
    Path runDirectory = new Path(tempdir, runId);
    FileSystem fileSystem = fileSystem(runDirectory);

    long started = System.nanoTime();
    try {
      for (var entry : tables.entrySet()) {
        writeFiles(entry.getValue(), new Path(runDirectory, entry.getKey().name()), entry.getKey());
      }
    } catch (Exception e) {
      // Spark rethrows the filesystem's checked exceptions unchecked: name the setting to fix.
      throw new WarehouseException(
          "Cannot write the staged files to "
              + runDirectory
              + " (check warehouse.tempdir and the space under it), nothing was published: "
              + JdbcWarehouse.firstLine(rootMessage(e)),
          e);
    }
    timings.put("stage_files", StagedLoad.millisSince(started));
    progress.accept("staged files of " + tables.size() + " tables in " + runDirectory);

    Map<String, TableLoad> loads =
        staged.load(
            tables,
            (connection, table, rows) -> copyIntoStage(connection, fileSystem, table, runDirectory),
            gate,
            timings);
    delete(fileSystem, runDirectory);
    return new LoadResult(loads, timings);
  }

  private void writeFiles(Dataset<Row> rows, Path directory, WarehouseTable table) {
    rows.sparkSession().sparkContext().setJobDescription("stage " + table.name() + " files");
    rows.write()
        .mode(SaveMode.ErrorIfExists)
        // PostgreSQL's CSV: quotes doubled, unquoted empty is NULL, "" is an empty string.
        .option("escape", "\"")
        .option("nullValue", "")
        .option("emptyValue", "\"\"")
        .option("ignoreLeadingWhiteSpace", "false")
        .option("ignoreTrailingWhiteSpace", "false")
        .option("timestampFormat", "yyyy-MM-dd HH:mm:ss.SSSSSS")
        .option("timeZone", "UTC")
        .option("encoding", "UTF-8")
        .csv(directory.toString());
    rows.sparkSession().sparkContext().setJobDescription(null);
  }

  private long copyIntoStage(
      Connection connection, FileSystem fileSystem, WarehouseTable table, Path runDirectory)
      throws SQLException {
    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
    long rows = 0;
    try {
      FileStatus[] parts =
          fileSystem.listStatus(
              new Path(runDirectory, table.name()), p -> p.getName().startsWith("part-"));
      Arrays.sort(parts);
      for (FileStatus part : parts) {
        try (InputStream in = fileSystem.open(part.getPath())) {
          rows += copy.copyIn(sql.copyIntoStage(table), in);
        }
      }
    } catch (IOException e) {
      throw new WarehouseException(
          "Cannot read the staged files of " + table.name() + " in " + runDirectory, e);
    }
    return rows;
  }

  private FileSystem fileSystem(Path path) {
    try {
      return path.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new WarehouseException(
          "Cannot use warehouse.tempdir " + path.getParent() + ": " + e.getMessage(), e);
    }
  }

  private static void delete(FileSystem fileSystem, Path directory) {
    try {
      fileSystem.delete(directory, true);
    } catch (IOException e) {
      // The load is published; a leftover temporary folder is not worth failing the run.
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}

package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.WarehouseConfig;
import com.sparkify.warehouse.load.RedshiftConnector.Masking;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Loads Amazon Redshift through the spark-redshift connector: each table is COPYed from S3 into its
 * own staging table (created beforehand from the table model, so the connector only appends), then
 * one transaction over the Redshift JDBC driver merges every stage into its target. A failure
 * before that commit leaves the targets untouched; stale stages are dropped by the next run.
 */
public final class RedshiftSink implements WarehouseSink {

  /** Rows per file COPY reads well; more rows get more files, in multiples of the slices. */
  static final long ROWS_PER_FILE = 1_000_000;

  private final Warehouse warehouse;
  private final WarehouseSql sql;
  private final WarehouseConfig config;
  private final Consumer<String> progress;

  public RedshiftSink(
      Warehouse warehouse, WarehouseSql sql, WarehouseConfig config, Consumer<String> progress) {
    this.warehouse = warehouse;
    this.sql = sql;
    this.config = config;
    this.progress = progress;
  }

  /** Files written for a table of {@code rows} rows: a multiple of the slice count. */
  public static int partitions(long rows, int slices) {
    long perSlice = Math.max(1, (rows + slices * ROWS_PER_FILE - 1) / (slices * ROWS_PER_FILE));
    return (int) Math.min(Integer.MAX_VALUE, perSlice * slices);
  }

  @Override
  public void checkReachable() {
    RedshiftConnector.requireOnClasspath(Thread.currentThread().getContextClassLoader());
    try (Connection connection = warehouse.connect()) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new WarehouseException(
          "Cannot reach Redshift at " + warehouse.description() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public RunLock lockRuns() {
    return new Ledger(warehouse, sql).lock();
  }

  @Override
  public java.util.Set<java.time.LocalDate> loadedDays() {
    return new Ledger(warehouse, sql).loadedDays();
  }

  @Override
  public LoadResult load(String runId, Map<WarehouseTable, Dataset<Row>> tables, PublishGate gate) {
    var timings = new LinkedHashMap<String, Long>();
    var merge = new StagedMerge(sql);
    try (Connection connection = warehouse.connect()) {
      try {
        merge.prepareStages(connection, tables.keySet());
        long started = System.nanoTime();
        var staged = new LinkedHashMap<String, Long>();
        for (var entry : tables.entrySet()) {
          WarehouseTable table = entry.getKey();
          copyIntoStage(entry.getValue(), table, runId);
          long rows = merge.countStage(connection, table);
          staged.put(table.name(), rows);
          progress.accept("copied " + rows + " rows into " + sql.stageName(table));
        }
        timings.put("copy", (System.nanoTime() - started) / 1_000_000);

        gate.check(staged, merge.stages(connection));

        started = System.nanoTime();
        Map<String, TableLoad> loads = merge.publish(connection, tables.keySet(), staged);
        timings.put("merge", (System.nanoTime() - started) / 1_000_000);
        progress.accept("published " + tables.size() + " tables in one transaction");
        return new LoadResult(loads, timings);
      } catch (RuntimeException | SQLException e) {
        merge.dropStagesQuietly(connection, tables.keySet());
        throw e;
      }
    } catch (SQLException e) {
      throw new WarehouseException(
          "Load into "
              + warehouse.description()
              + " failed, nothing was published: "
              + JdbcWarehouse.firstLine(e.getMessage()),
          e);
    }
  }

  private void copyIntoStage(Dataset<Row> rows, WarehouseTable table, String runId) {
    var spark = rows.sparkSession();
    spark.sparkContext().setJobDescription("COPY " + table.name() + " into Redshift");
    int partitions = partitions(rows.count(), config.redshift().slices());
    var options =
        RedshiftConnector.writeOptions(
            config.withTempdir(config.tempdir() + "/" + runId + "/" + table.name()),
            sql.qualified(sql.stageName(table)).replace("\"", ""),
            Masking.REVEAL);
    rows.repartition(partitions)
        .write()
        .format(RedshiftConnector.DATA_SOURCE)
        .options(options)
        .mode(SaveMode.Append)
        .save();
    spark.sparkContext().setJobDescription(null);
  }
}

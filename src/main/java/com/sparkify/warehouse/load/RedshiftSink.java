package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.WarehouseConfig;
import com.sparkify.warehouse.load.RedshiftConnector.Masking;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

  private final WarehouseSql sql;
  private final WarehouseConfig config;
  private final StagedLoad staged;

  public RedshiftSink(
      Warehouse warehouse, WarehouseSql sql, WarehouseConfig config, Consumer<String> progress) {
    this.sql = sql;
    this.config = config;
    this.staged = new StagedLoad(warehouse, sql, progress);
  }

  /** Files written for a table of {@code rows} rows: a multiple of the slice count. */
  public static int partitions(long rows, int slices) {
    long perSlice = Math.max(1, (rows + slices * ROWS_PER_FILE - 1) / (slices * ROWS_PER_FILE));
    return (int) Math.min(Integer.MAX_VALUE, perSlice * slices);
  }

  @Override
  public void checkReachable() {
    RedshiftConnector.requireOnClasspath(Thread.currentThread().getContextClassLoader());
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
    var merge = new StagedMerge(sql);
    Map<String, TableLoad> loads =
        staged.load(
            tables,
            (connection, table, rows) -> {
              copyIntoStage(rows, table, runId);
              return merge.countStage(connection, table);
            },
            gate,
            timings);
    return new LoadResult(loads, timings);
  }

  private void copyIntoStage(Dataset<Row> rows, WarehouseTable table, String runId) {
    var spark = rows.sparkSession();
    spark.sparkContext().setJobDescription("COPY " + table.name() + " into Redshift");
    int partitions = partitions(rows.count(), config.redshift().slices());
    var options =
        RedshiftConnector.writeOptions(
            config.withTempdir(config.tempdir() + "/" + runId + "/" + table.name()),
            sql.connectorStageName(table),
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

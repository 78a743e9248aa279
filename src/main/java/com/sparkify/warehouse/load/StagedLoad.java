package com.sparkify.warehouse.load;

import com.sparkify.warehouse.schema.WarehouseTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What both sinks do around their own way of filling a stage: reach the warehouse, hold the run
 * lock, read the ledger, and run a load as prepare stages, fill each one, ask the gate, publish in
 * one transaction. A failure before the commit drops the stages and leaves the targets as they
 * were.
 */
final class StagedLoad {

  /** Fills the stage of one table and returns how many rows it holds. */
  @FunctionalInterface
  interface Stager {
    long fill(Connection connection, WarehouseTable table, Dataset<Row> rows) throws SQLException;
  }

  private final Warehouse warehouse;
  private final WarehouseSql sql;
  private final Consumer<String> progress;

  StagedLoad(Warehouse warehouse, WarehouseSql sql, Consumer<String> progress) {
    this.warehouse = warehouse;
    this.sql = sql;
    this.progress = progress;
  }

  void checkReachable() {
    try (Connection connection = warehouse.connect()) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new WarehouseException(
          "Cannot reach the warehouse at " + warehouse.description() + ": " + e.getMessage(), e);
    }
  }

  RunLock lockRuns() {
    return new Ledger(warehouse, sql).lock();
  }

  Set<LocalDate> loadedDays() {
    return new Ledger(warehouse, sql).loadedDays();
  }

  /**
   * Stages every table with {@code stager}, asks {@code gate}, publishes; adds the copy and merge
   * timings to {@code timings}.
   */
  Map<String, TableLoad> load(
      Map<WarehouseTable, Dataset<Row>> tables,
      Stager stager,
      PublishGate gate,
      Map<String, Long> timings) {
    var merge = new StagedMerge(sql);
    try (Connection connection = warehouse.connect()) {
      try {
        merge.prepareStages(connection, tables.keySet());
        long started = System.nanoTime();
        var staged = new LinkedHashMap<String, Long>();
        for (var entry : tables.entrySet()) {
          long rows = stager.fill(connection, entry.getKey(), entry.getValue());
          staged.put(entry.getKey().name(), rows);
          progress.accept("copied " + rows + " rows into " + sql.stageName(entry.getKey()));
        }
        timings.put("copy", millisSince(started));

        gate.check(staged, merge.stages(connection));

        started = System.nanoTime();
        Map<String, TableLoad> loads = merge.publish(connection, tables.keySet(), staged);
        timings.put("merge", millisSince(started));
        progress.accept("published " + tables.size() + " tables in one transaction");
        return loads;
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

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}

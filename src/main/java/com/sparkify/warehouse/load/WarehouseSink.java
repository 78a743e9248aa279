package com.sparkify.warehouse.load;

import com.sparkify.warehouse.schema.WarehouseTable;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Loads the star schema into a warehouse, all tables or none. */
public interface WarehouseSink {

  /**
   * Fails with a {@link WarehouseException} when the warehouse cannot be reached, so a run stops
   * before it reads any data.
   */
  void checkReachable();

  /** Takes the lock that keeps two runs from loading this warehouse at once. */
  RunLock lockRuns();

  /** The days of the log that published runs have loaded, from the run ledger. */
  java.util.Set<java.time.LocalDate> loadedDays();

  /**
   * Stages every table, asks {@code gate}, then publishes all of them in one transaction.
   *
   * @param runId names the run's temporary files
   * @param tables the rows of each table, in the table's column order
   */
  LoadResult load(String runId, Map<WarehouseTable, Dataset<Row>> tables, PublishGate gate);
}

package com.sparkify.warehouse.config;

import com.sparkify.warehouse.schema.StagingTables;
import com.sparkify.warehouse.schema.StarSchema;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of the load itself.
 *
 * @param stagingTables {@code load.staging-tables}: also load staging_events and staging_songs, the
 *     valid input records one to one, as the original scripts did (default false)
 * @param lakePath {@code lake.path}: when set, the five tables are also written there as Parquet
 *     (local or s3a://), replacing only the partitions a run touches (default empty: off)
 */
public record LoadConfig(boolean stagingTables, String lakePath) {

  public LoadConfig {
    lakePath = lakePath == null ? "" : lakePath.trim();
  }

  public boolean writesLake() {
    return !lakePath.isEmpty();
  }

  /** The tables a run loads, in merge order. */
  public List<WarehouseTable> tables() {
    var tables = new ArrayList<WarehouseTable>();
    if (stagingTables) {
      tables.addAll(StagingTables.tables());
    }
    tables.addAll(StarSchema.tables());
    return tables;
  }
}

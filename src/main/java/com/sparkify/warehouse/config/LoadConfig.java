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
 */
public record LoadConfig(boolean stagingTables) {

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

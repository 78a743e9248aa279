package com.sparkify.warehouse.load;

import com.sparkify.warehouse.schema.TableColumn;
import com.sparkify.warehouse.schema.WarehouseTable;

/** What differs between the SQL of two warehouses; everything else is in {@link WarehouseSql}. */
public interface SqlDialect {

  /** The SQL type of a column. */
  String columnType(TableColumn column);

  /** Clauses after a CREATE TABLE's column list, such as distribution and sort keys. */
  String tableOptions(WarehouseTable table);

  /** A staging table shaped like {@code target}; neither needs to survive a crash. */
  String createStageTable(String stage, String target);

  /** A null-safe "values differ" test. */
  String isDistinct(String left, String right);

  /**
   * A query returning true when it took the session lock named {@code key}, false when another
   * session holds it; empty where the warehouse has no such lock.
   */
  java.util.Optional<String> tryRunLock(String key);

  /**
   * Whether the primary key is an index that every inserted row updates, so that filling an empty
   * table is faster with the key dropped first and built once after (PostgreSQL). Redshift's keys
   * are informational: there is nothing to rebuild.
   */
  default boolean keyIsAnIndex() {
    return false;
  }

  default String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}

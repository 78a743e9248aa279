package com.sparkify.warehouse.load;

import com.sparkify.warehouse.schema.TableColumn;
import com.sparkify.warehouse.schema.WarehouseTable;

/** PostgreSQL 12 and later. */
public final class PostgresDialect implements SqlDialect {

  @Override
  public String columnType(TableColumn column) {
    return switch (column.type()) {
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DOUBLE -> "DOUBLE PRECISION";
      // PostgreSQL stores varchar(n) and text alike; unbounded text never fails a load.
      case VARCHAR -> "TEXT";
      case TIMESTAMP -> "TIMESTAMP WITHOUT TIME ZONE";
    };
  }

  @Override
  public String tableOptions(WarehouseTable table) {
    return "";
  }

  @Override
  public String createStageTable(String stage, String target) {
    // Unlogged: a stage is rebuilt by the next run anyway, so it need not survive a crash.
    return "CREATE UNLOGGED TABLE " + stage + " (LIKE " + target + ")";
  }

  @Override
  public java.util.Optional<String> tryRunLock(String key) {
    // A session-level advisory lock: released when the connection closes or the process dies.
    return java.util.Optional.of("SELECT pg_try_advisory_lock(hashtext('" + key + "'))");
  }

  @Override
  public boolean keyIsAnIndex() {
    return true;
  }

  @Override
  public String isDistinct(String left, String right) {
    return left + " IS DISTINCT FROM " + right;
  }
}

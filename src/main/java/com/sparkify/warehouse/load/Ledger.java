package com.sparkify.warehouse.load;

import com.sparkify.warehouse.schema.RunLedger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Reads the run ledger and holds the run lock, for both sinks. */
final class Ledger {

  private final Warehouse warehouse;
  private final WarehouseSql sql;

  Ledger(Warehouse warehouse, WarehouseSql sql) {
    this.warehouse = warehouse;
    this.sql = sql;
  }

  /** Days that published runs loaded; empty before the first run. */
  Set<LocalDate> loadedDays() {
    var days = new TreeSet<LocalDate>();
    try (Connection connection = warehouse.connect();
        Statement statement = connection.createStatement()) {
      if (!JdbcWarehouse.tableExists(connection, sql.schema(), RunLedger.ETL_RUNS.name())) {
        return days;
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT days_loaded FROM "
                  + sql.qualified(RunLedger.ETL_RUNS.name())
                  + " WHERE status = '"
                  + RunLedger.SUCCEEDED
                  + "'")) {
        while (rows.next()) {
          String loaded = rows.getString(1);
          if (loaded != null && !loaded.isBlank()) {
            Arrays.stream(loaded.split(","))
                .map(String::trim)
                .map(LocalDate::parse)
                .forEach(days::add);
          }
        }
      }
      return days;
    } catch (SQLException e) {
      throw new WarehouseException(
          "Cannot read the run ledger in " + warehouse.description() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Takes the run lock on a connection of its own, or fails at once when another run holds it.
   * Where the dialect has no session lock, returns {@link RunLock#none()}.
   */
  RunLock lock() {
    var statement = sql.tryRunLock();
    if (statement.isEmpty()) {
      return RunLock.none();
    }
    Connection connection = warehouse.connect();
    try (Statement lock = connection.createStatement();
        ResultSet result = lock.executeQuery(statement.get())) {
      result.next();
      if (!result.getBoolean(1)) {
        closeQuietly(connection);
        throw new WarehouseException(
            "Another sparkify run is loading schema "
                + sql.schema()
                + " of "
                + warehouse.description()
                + "; wait for it to finish and run again");
      }
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new WarehouseException("Cannot take the run lock: " + e.getMessage(), e);
    }
    // The lock is the connection's: closing it (or the process dying) releases it.
    return () -> closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing is all that releases the lock; a broken connection is released by the server.
    }
  }
}

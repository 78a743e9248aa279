package com.sparkify.warehouse.load;

import com.sparkify.warehouse.quality.MeasuredTables;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The publishing transaction both sinks share: for every table, update the changed rows and insert
 * the new keys from its stage (or, into an empty table, insert the stage whole), count the rows and
 * drop the stage; then one commit. Any failure rolls all tables back.
 */
final class StagedMerge {

  private final WarehouseSql sql;

  StagedMerge(WarehouseSql sql) {
    this.sql = sql;
  }

  /** Drops and recreates the stage of each table, removing what a crashed run left. */
  void prepareStages(Connection connection, Collection<WarehouseTable> tables) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql.createSchema());
      for (WarehouseTable table : tables) {
        statement.execute(sql.createTable(table));
        statement.execute(sql.dropStage(table));
        statement.execute(sql.createStage(table));
      }
    }
  }

  Map<String, TableLoad> publish(
      Connection connection, Collection<WarehouseTable> tables, Map<String, Long> staged)
      throws SQLException {
    var loads = new LinkedHashMap<String, TableLoad>();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (WarehouseTable table : tables) {
        long updated = 0;
        long inserted = 0;
        if (isTrue(statement, sql.isEmpty(table))) {
          // A first load: nothing to compare with, so no merge, and the key is built once.
          for (String fill : sql.fillEmpty(table)) {
            inserted += statement.executeUpdate(fill);
          }
        } else {
          var update = sql.updateChanged(table);
          if (update.isPresent()) {
            updated = statement.executeUpdate(update.get());
          }
          inserted = statement.executeUpdate(sql.insertNew(table));
        }
        long rows = count(statement, sql.countRows(table));
        statement.execute(sql.dropStage(table));
        loads.put(table.name(), new TableLoad(staged.get(table.name()), inserted, updated, rows));
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    } finally {
      restoreAutoCommit(connection);
    }
    return loads;
  }

  /** The stages on {@code connection}, as quality checks query them. */
  MeasuredTables stages(Connection connection) {
    return new SqlMeasuredTables(connection, table -> sql.qualified(sql.stageName(table)));
  }

  long countStage(Connection connection, WarehouseTable table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return count(statement, "SELECT COUNT(*) FROM " + sql.qualified(sql.stageName(table)));
    }
  }

  /** Best effort after a failure: the connection may be gone, and the next run cleans up. */
  void dropStagesQuietly(Connection connection, Collection<WarehouseTable> tables) {
    try (Statement statement = connection.createStatement()) {
      for (WarehouseTable table : tables) {
        statement.execute(sql.dropStage(table));
      }
    } catch (SQLException | RuntimeException ignored) {
      // Stale stages are dropped by the next run before it stages again.
    }
  }

  private static boolean isTrue(Statement statement, String query) throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getBoolean(1);
    }
  }

  private static long count(Statement statement, String query) throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // A dropped connection rolls back by itself.
    }
  }

  private static void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // The connection is broken; it is closed next.
    }
  }
}

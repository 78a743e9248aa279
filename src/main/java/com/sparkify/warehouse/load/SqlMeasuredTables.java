package com.sparkify.warehouse.load;

import com.sparkify.warehouse.quality.MeasuredTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/** Tables of a warehouse connection that quality checks query. */
public final class SqlMeasuredTables implements MeasuredTables {

  private final Connection connection;
  private final UnaryOperator<String> qualify;

  /**
   * @param qualify turns a model table name into the table to query (a stage or a target)
   */
  public SqlMeasuredTables(Connection connection, UnaryOperator<String> qualify) {
    this.connection = connection;
    this.qualify = qualify;
  }

  /** The published tables of {@code sql}'s schema. */
  public static SqlMeasuredTables published(Connection connection, WarehouseSql sql) {
    return new SqlMeasuredTables(connection, sql::qualified);
  }

  @Override
  public String qualified(String table) {
    return qualify.apply(table);
  }

  @Override
  public double measure(String query) {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getDouble(1);
    } catch (SQLException e) {
      throw new WarehouseException(
          "Quality check failed to run: " + query + ": " + e.getMessage(), e);
    }
  }
}

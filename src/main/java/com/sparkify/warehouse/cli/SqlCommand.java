package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.load.JdbcWarehouse;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseException;
import com.sparkify.warehouse.load.Warehouses;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sparkify sql}: one query against the configured warehouse, printed as a table. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one SQL statement against the configured warehouse and prints the result.",
      "Starts the embedded PostgreSQL when that is the configured kind.",
      "Example: sparkify sql \"SELECT level, count(*) FROM songplays GROUP BY level\""
    })
final class SqlCommand implements Callable<Integer> {

  @Mixin ConfigOptions configOptions;

  @Parameters(index = "0", paramLabel = "SQL", description = "The statement to run.")
  String statement;

  @Override
  public Integer call() {
    JobConfig config = configOptions.loadWithoutInputs();
    Logging.configure(configOptions.verbose);
    try (Warehouse warehouse = Warehouses.open(config.warehouse());
        Connection connection = warehouse.connect();
        Statement sql = connection.createStatement()) {
      sql.execute("SET search_path TO " + quote(config.warehouse().schema()) + ", public");
      if (sql.execute(statement)) {
        try (ResultSet rows = sql.getResultSet()) {
          System.out.print(ResultTable.format(rows));
        }
      } else {
        System.out.println(sql.getUpdateCount() + " rows affected");
      }
      return 0;
    } catch (SQLException e) {
      throw new WarehouseException("Query failed: " + JdbcWarehouse.firstLine(e.getMessage()), e);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier + "\"";
  }
}

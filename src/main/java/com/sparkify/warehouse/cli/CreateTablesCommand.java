package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.WarehouseKind;
import com.sparkify.warehouse.load.JdbcWarehouse;
import com.sparkify.warehouse.load.LoadPlan;
import com.sparkify.warehouse.load.RedshiftConnector;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseException;
import com.sparkify.warehouse.load.WarehouseSql;
import com.sparkify.warehouse.load.Warehouses;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparkify create-tables}: the schema and the five tables, in the warehouse's dialect. */
@Command(
    name = "create-tables",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the schema and the tables in the configured warehouse, in its SQL dialect",
      "(Redshift with distribution and sort keys, or PostgreSQL). Existing tables are kept."
    })
final class CreateTablesCommand implements Callable<Integer> {

  @Mixin ConfigOptions configOptions;

  @Option(names = "--drop", description = "Drop the five tables first, and say which existed.")
  boolean drop;

  @Option(names = "--print", description = "Print the DDL and touch nothing.")
  boolean print;

  @Override
  public Integer call() {
    JobConfig config = configOptions.loadWithoutInputs();
    Logging.configure(configOptions.verbose);
    if (print) {
      System.out.print(LoadPlan.ddl(config.warehouse(), config.load().tables()));
      return 0;
    }
    if (config.warehouse().kind() == WarehouseKind.REDSHIFT) {
      RedshiftConnector.requireOnClasspath(Thread.currentThread().getContextClassLoader());
    }
    WarehouseSql sql = WarehouseSql.of(config.warehouse());
    try (Warehouse warehouse = Warehouses.open(config.warehouse());
        Connection connection = warehouse.connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      if (drop) {
        for (WarehouseTable table : config.load().tables()) {
          if (JdbcWarehouse.tableExists(connection, config.warehouse().schema(), table.name())) {
            statement.execute(sql.dropTable(table));
            System.out.println("dropped " + sql.qualified(table.name()));
          }
        }
      }
      statement.execute(sql.createSchema());
      for (WarehouseTable table : config.load().tables()) {
        statement.execute(sql.createTable(table));
        System.out.println("created " + sql.qualified(table.name()) + " (if it did not exist)");
      }
      connection.commit();
      return 0;
    } catch (SQLException e) {
      throw new WarehouseException("create-tables failed: " + e.getMessage(), e);
    }
  }
}

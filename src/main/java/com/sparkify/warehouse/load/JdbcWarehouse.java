package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** A PostgreSQL reached through its JDBC URL. */
public final class JdbcWarehouse implements Warehouse {

  private final String url;
  private final String user;
  private final Secret password;
  private final int connectTimeoutSeconds;

  public JdbcWarehouse(String url, String user, Secret password, int connectTimeoutSeconds) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.connectTimeoutSeconds = connectTimeoutSeconds;
  }

  @Override
  public Connection connect() {
    var properties = new Properties();
    properties.setProperty("user", user);
    if (!password.isEmpty()) {
      properties.setProperty("password", password.value());
    }
    properties.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
    properties.setProperty("loginTimeout", String.valueOf(connectTimeoutSeconds));
    properties.setProperty("ApplicationName", "sparkify-warehouse");
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      throw new WarehouseException(
          "Cannot connect to the warehouse at "
              + description()
              + ": "
              + firstLine(e.getMessage())
              + " (check warehouse.url, warehouse.user and that the server is up)",
          e);
    }
  }

  @Override
  public String description() {
    int query = url.indexOf('?');
    // Parameters may carry a password; never print them.
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public void close() {}

  /** Whether {@code schema} holds a table named {@code table}, by the driver's metadata. */
  public static boolean tableExists(Connection connection, String schema, String table)
      throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, schema, table, null)) {
      return tables.next();
    }
  }

  /** The first line of a driver's message, which may span many. */
  public static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

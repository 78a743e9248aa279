package com.sparkify.warehouse;

import com.sparkify.warehouse.schema.StarSchema;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Row count and an md5 over every row of each table, in key order: equal means identical. */
public final class WarehouseFingerprint {

  private WarehouseFingerprint() {}

  public static Map<String, String> of(Connection connection, String schema) throws SQLException {
    var fingerprint = new LinkedHashMap<String, String>();
    try (Statement statement = connection.createStatement()) {
      for (WarehouseTable table : StarSchema.tables()) {
        String qualified = "\"" + schema + "\".\"" + table.name() + "\"";
        if (!exists(statement, schema, table.name())) {
          fingerprint.put(table.name(), "absent");
          continue;
        }
        String sql =
            "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                + " FROM "
                + qualified
                + " AS t";
        try (ResultSet result = statement.executeQuery(sql)) {
          result.next();
          fingerprint.put(table.name(), result.getString(1));
        }
      }
    }
    return fingerprint;
  }

  private static boolean exists(Statement statement, String schema, String table)
      throws SQLException {
    try (ResultSet result =
        statement.executeQuery(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + schema
                + "' AND table_name = '"
                + table
                + "'")) {
      result.next();
      return result.getLong(1) > 0;
    }
  }
}

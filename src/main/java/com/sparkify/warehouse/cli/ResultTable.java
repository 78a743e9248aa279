package com.sparkify.warehouse.cli;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Formats a JDBC result as an aligned text table, like psql does. */
final class ResultTable {

  private ResultTable() {}

  static String format(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    var table = new ArrayList<List<String>>();
    var header = new ArrayList<String>();
    for (int i = 1; i <= columns; i++) {
      header.add(meta.getColumnLabel(i));
    }
    table.add(header);
    while (rows.next()) {
      var row = new ArrayList<String>();
      for (int i = 1; i <= columns; i++) {
        String value = rows.getString(i);
        row.add(value == null ? "NULL" : value);
      }
      table.add(row);
    }
    return TextTable.render(table) + "(" + (table.size() - 1) + " rows)\n";
  }
}

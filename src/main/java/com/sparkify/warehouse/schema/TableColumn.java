package com.sparkify.warehouse.schema;

import java.util.Objects;

/**
 * One column of a warehouse table.
 *
 * @param name the column name, lower snake case
 * @param type the column type
 * @param maxLength for VARCHAR the longest value in bytes that the Redshift column holds, else 0
 * @param nullable whether the column accepts null
 * @param description one line for the docs
 */
public record TableColumn(
    String name, ColumnType type, int maxLength, boolean nullable, String description) {

  public TableColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (type == ColumnType.VARCHAR && maxLength <= 0) {
      throw new IllegalArgumentException("VARCHAR column " + name + " needs a maximum length");
    }
  }

  static TableColumn required(String name, ColumnType type, String description) {
    return new TableColumn(name, type, 0, false, description);
  }

  static TableColumn optional(String name, ColumnType type, String description) {
    return new TableColumn(name, type, 0, true, description);
  }

  static TableColumn requiredText(String name, int maxLength, String description) {
    return new TableColumn(name, ColumnType.VARCHAR, maxLength, false, description);
  }

  static TableColumn optionalText(String name, int maxLength, String description) {
    return new TableColumn(name, ColumnType.VARCHAR, maxLength, true, description);
  }
}

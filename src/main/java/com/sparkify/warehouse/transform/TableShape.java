package com.sparkify.warehouse.transform;

import static org.apache.spark.sql.functions.col;

import com.sparkify.warehouse.schema.TableColumn;
import com.sparkify.warehouse.schema.WarehouseTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Puts a transform's output into its table's column order and types, from the table model. */
final class TableShape {

  private TableShape() {}

  static Dataset<Row> conform(Dataset<Row> rows, WarehouseTable table) {
    return rows.select(table.columns().stream().map(TableShape::column).toArray(Column[]::new));
  }

  private static Column column(TableColumn column) {
    return col(column.name()).cast(column.type().sparkType()).as(column.name());
  }
}

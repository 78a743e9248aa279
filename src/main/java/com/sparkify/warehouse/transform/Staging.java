package com.sparkify.warehouse.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import com.sparkify.warehouse.schema.InputField;
import com.sparkify.warehouse.schema.StagingTables;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The staging tables: valid input records one to one, fields renamed to snake case. */
public final class Staging {

  private Staging() {}

  /**
   * @param records valid records with source_file, line_number and the input fields
   * @param fields the input's fields, in table order
   * @param table {@link StagingTables#STAGING_EVENTS} or {@link StagingTables#STAGING_SONGS}
   */
  public static Dataset<Row> build(
      Dataset<Row> records, List<InputField> fields, WarehouseTable table) {
    var columns = new ArrayList<Column>();
    columns.add(concat_ws(":", col("source_file"), col("line_number")).as(StagingTables.RECORD_ID));
    for (InputField field : fields) {
      columns.add(col(field.name()).as(StagingTables.columnName(field.name())));
    }
    return TableShape.conform(records.select(columns.toArray(Column[]::new)), table);
  }
}

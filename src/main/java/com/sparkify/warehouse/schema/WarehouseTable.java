package com.sparkify.warehouse.schema;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table of the star schema. The DDL of every dialect, the Spark write schema, the merge and the
 * docs are all derived from this one description.
 *
 * @param name table name
 * @param description one line for the docs
 * @param columns the columns in table order; the first one is the key
 * @param mergePolicy how staged rows are merged into existing ones
 * @param versionColumn for {@link MergePolicy#UPSERT_IF_NEWER} the column that orders versions
 * @param layout distribution and sort keys on Redshift
 */
public record WarehouseTable(
    String name,
    String description,
    List<TableColumn> columns,
    MergePolicy mergePolicy,
    String versionColumn,
    Layout layout) {

  public WarehouseTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Table " + name + " has no columns");
    }
    if (columns.get(0).nullable()) {
      throw new IllegalArgumentException("Key column of " + name + " must not be nullable");
    }
    if ((mergePolicy == MergePolicy.UPSERT_IF_NEWER) != (versionColumn != null)) {
      throw new IllegalArgumentException(
          "Table " + name + ": a version column goes with UPSERT_IF_NEWER and only with it");
    }
    List<String> names = columns.stream().map(TableColumn::name).toList();
    if (layout.distributionKey() != null && !names.contains(layout.distributionKey())
        || !names.containsAll(layout.sortKey())) {
      throw new IllegalArgumentException("Table " + name + ": layout names unknown columns");
    }
  }

  /** The primary key column: every table of this schema has a single-column key. */
  public TableColumn key() {
    return columns.get(0);
  }

  public List<String> columnNames() {
    return columns.stream().map(TableColumn::name).toList();
  }

  /** The columns other than the key. */
  public List<TableColumn> valueColumns() {
    return columns.subList(1, columns.size());
  }

  /** The schema the transforms must produce for this table, in column order. */
  public StructType sparkSchema() {
    return DataTypes.createStructType(
        columns.stream()
            .map(c -> DataTypes.createStructField(c.name(), c.type().sparkType(), c.nullable()))
            .toArray(StructField[]::new));
  }
}

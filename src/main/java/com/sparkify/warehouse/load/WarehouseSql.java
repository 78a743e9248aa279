package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.WarehouseConfig;
import com.sparkify.warehouse.config.WarehouseKind;
import com.sparkify.warehouse.schema.MergePolicy;
import com.sparkify.warehouse.schema.TableColumn;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL of the warehouse, generated from the table model in one dialect: DDL, staging tables and
 * the merge. The merge uses only UPDATE ... FROM and INSERT ... SELECT ... WHERE NOT EXISTS, which
 * PostgreSQL and Redshift run alike.
 */
public final class WarehouseSql {

  private static final String STAGE_SUFFIX = "_stage";

  private final SqlDialect dialect;
  private final String schema;

  public WarehouseSql(SqlDialect dialect, String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  /** The SQL of the configured warehouse, in its dialect. */
  public static WarehouseSql of(WarehouseConfig config) {
    SqlDialect dialect =
        config.kind() == WarehouseKind.REDSHIFT ? new RedshiftDialect() : new PostgresDialect();
    return new WarehouseSql(dialect, config.schema());
  }

  public String createSchema() {
    return "CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema);
  }

  public String createTable(WarehouseTable table) {
    String columns =
        table.columns().stream()
            .map(c -> "  " + dialect.quote(c.name()) + " " + dialect.columnType(c) + nullability(c))
            .collect(Collectors.joining(",\n"));
    return "CREATE TABLE IF NOT EXISTS "
        + qualified(table.name())
        + " (\n"
        + columns
        + ",\n  PRIMARY KEY ("
        + dialect.quote(table.key().name())
        + ")\n)"
        + dialect.tableOptions(table);
  }

  public String dropTable(WarehouseTable table) {
    return "DROP TABLE IF EXISTS " + qualified(table.name());
  }

  public String stageName(WarehouseTable table) {
    return stageName(table.name());
  }

  public String stageName(String table) {
    return table + STAGE_SUFFIX;
  }

  /** The stage as the connector's dbtable option names it: schema.table, unquoted. */
  public String connectorStageName(WarehouseTable table) {
    return schema + "." + stageName(table);
  }

  public String createStage(WarehouseTable table) {
    return dialect.createStageTable(qualified(stageName(table)), qualified(table.name()));
  }

  public String dropStage(WarehouseTable table) {
    return "DROP TABLE IF EXISTS " + qualified(stageName(table));
  }

  /** COPY of CSV files into the table's stage, as PostgreSQL's COPY FROM STDIN reads them. */
  public String copyIntoStage(WarehouseTable table) {
    return "COPY "
        + qualified(stageName(table))
        + " ("
        + columnList(table)
        + ") FROM STDIN WITH (FORMAT csv, ENCODING 'UTF8')";
  }

  /**
   * Updates the rows whose key is staged and whose values differ; for {@link
   * MergePolicy#UPSERT_IF_NEWER} only from a staged row with a newer version. Empty for {@link
   * MergePolicy#INSERT_ONLY}; a DELETE of every row for {@link MergePolicy#REPLACE}.
   */
  public Optional<String> updateChanged(WarehouseTable table) {
    if (table.mergePolicy() == MergePolicy.INSERT_ONLY) {
      return Optional.empty();
    }
    if (table.mergePolicy() == MergePolicy.REPLACE) {
      // Inside the publishing transaction, so readers see the old rows until the commit.
      return Optional.of("DELETE FROM " + qualified(table.name()));
    }
    String assignments =
        table.valueColumns().stream()
            .map(c -> dialect.quote(c.name()) + " = s." + dialect.quote(c.name()))
            .collect(Collectors.joining(", "));
    String changed =
        table.valueColumns().stream()
            .map(
                c ->
                    dialect.isDistinct(
                        "t." + dialect.quote(c.name()), "s." + dialect.quote(c.name())))
            .collect(Collectors.joining("\n    OR "));
    String condition = sameKey(table) + "\n  AND (" + changed + ")";
    if (table.mergePolicy() == MergePolicy.UPSERT_IF_NEWER) {
      String version = dialect.quote(table.versionColumn());
      condition += "\n  AND s." + version + " > t." + version;
    }
    return Optional.of(
        "UPDATE "
            + qualified(table.name())
            + " AS t\nSET "
            + assignments
            + "\nFROM "
            + qualified(stageName(table))
            + " AS s\nWHERE "
            + condition);
  }

  /** Inserts the staged rows whose key the table does not hold yet. */
  public String insertNew(WarehouseTable table) {
    return insertFromStage(table)
        + "\nWHERE NOT EXISTS (SELECT 1 FROM "
        + qualified(table.name())
        + " AS t WHERE "
        + sameKey(table)
        + ")";
  }

  /**
   * The statements that fill an empty table with its whole stage. Where the key is an index
   * (PostgreSQL) it is dropped first and built once after, several times faster than updating it
   * row by row; a duplicate key still fails, when the key is built, and rolls the load back.
   */
  public List<String> fillEmpty(WarehouseTable table) {
    String insert = insertFromStage(table);
    if (!dialect.keyIsAnIndex()) {
      return List.of(insert);
    }
    // PostgreSQL names the key of CREATE TABLE's PRIMARY KEY clause "<table>_pkey".
    String key = dialect.quote(table.name() + "_pkey");
    return List.of(
        "ALTER TABLE " + qualified(table.name()) + " DROP CONSTRAINT " + key,
        insert,
        "ALTER TABLE "
            + qualified(table.name())
            + " ADD CONSTRAINT "
            + key
            + " PRIMARY KEY ("
            + dialect.quote(table.key().name())
            + ")");
  }

  /** A query returning true when the table holds no row. */
  public String isEmpty(WarehouseTable table) {
    return "SELECT NOT EXISTS (SELECT 1 FROM " + qualified(table.name()) + ")";
  }

  /** A statement that takes this schema's run lock and returns whether it got it, if any. */
  public java.util.Optional<String> tryRunLock() {
    return dialect.tryRunLock("sparkify:" + schema);
  }

  public String schema() {
    return schema;
  }

  public String countRows(WarehouseTable table) {
    return "SELECT COUNT(*) FROM " + qualified(table.name());
  }

  public String qualified(String table) {
    return dialect.quote(schema) + "." + dialect.quote(table);
  }

  /** INSERT INTO the table every row of its stage, aliased s. */
  private String insertFromStage(WarehouseTable table) {
    return "INSERT INTO "
        + qualified(table.name())
        + " ("
        + columnList(table)
        + ")\nSELECT "
        + table.columns().stream()
            .map(c -> "s." + dialect.quote(c.name()))
            .collect(Collectors.joining(", "))
        + "\nFROM "
        + qualified(stageName(table))
        + " AS s";
  }

  private String sameKey(WarehouseTable table) {
    String key = dialect.quote(table.key().name());
    return "t." + key + " = s." + key;
  }

  private String columnList(WarehouseTable table) {
    return table.columns().stream()
        .map(c -> dialect.quote(c.name()))
        .collect(Collectors.joining(", "));
  }

  private static String nullability(TableColumn column) {
    return column.nullable() ? "" : " NOT NULL";
  }
}

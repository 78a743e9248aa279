package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.WarehouseConfig;
import com.sparkify.warehouse.config.WarehouseKind;
import com.sparkify.warehouse.load.RedshiftConnector.Masking;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a load would do, as text, without touching the warehouse or the tempdir: per table the
 * staging table and how it is filled, then the publishing transaction. Secrets are masked.
 */
public final class LoadPlan {

  private LoadPlan() {}

  public static String describe(WarehouseConfig config, List<WarehouseTable> tables) {
    WarehouseSql sql = WarehouseSql.of(config);
    var out = new StringBuilder();
    out.append("Load plan (dry run: nothing is read, written or connected)\n")
        .append("warehouse: ")
        .append(config.kind().key())
        .append(" ")
        .append(
            config.kind() == WarehouseKind.EMBEDDED_POSTGRES
                ? "in " + config.embeddedDirectory()
                : config.url())
        .append(", schema ")
        .append(config.schema())
        .append(", user ")
        .append(config.user())
        .append(", password ")
        .append(
            config.passwordSecret().isEmpty()
                ? config.password().toString()
                : "from secret " + config.passwordSecret())
        .append("\n\n");
    for (WarehouseTable table : tables) {
      out.append("table ").append(table.name()).append('\n');
      out.append("  stage:      ").append(sql.createStage(table)).append('\n');
      if (config.kind() == WarehouseKind.REDSHIFT) {
        String tempdir = config.tempdir() + "/<run-id>/" + table.name();
        Map<String, String> options =
            RedshiftConnector.writeOptions(
                config.withTempdir(tempdir), sql.connectorStageName(table), Masking.MASK);
        out.append("  write:      format ")
            .append(RedshiftConnector.DATA_SOURCE)
            .append(", mode append (the connector COPYs from tempdir)\n");
        options.forEach(
            (k, v) -> out.append("    ").append(k).append(" = ").append(v).append('\n'));
        out.append("  partitions: ")
            .append(config.redshift().slices())
            .append(" (warehouse.slices) per ")
            .append(config.redshift().slices() * RedshiftSink.ROWS_PER_FILE)
            .append(" rows\n");
      } else {
        out.append("  write:      CSV files to ")
            .append(config.tempdir())
            .append("/<run-id>/")
            .append(table.name())
            .append('\n');
        out.append("  copy:       ").append(sql.copyIntoStage(table)).append('\n');
      }
      out.append('\n');
    }
    out.append("publishing transaction:\n  BEGIN;\n");
    for (WarehouseTable table : tables) {
      out.append("  -- ").append(table.name()).append(", when empty: ");
      out.append(sql.isEmpty(table)).append('\n');
      sql.fillEmpty(table).forEach(fill -> out.append("  ").append(fill).append(";\n"));
      out.append("  -- ").append(table.name()).append(", otherwise:\n");
      sql.updateChanged(table).ifPresent(update -> out.append("  ").append(update).append(";\n"));
      out.append("  ").append(sql.insertNew(table)).append(";\n");
      out.append("  ").append(sql.dropStage(table)).append(";\n");
    }
    out.append("  COMMIT;\n");
    return out.toString();
  }

  /** The DDL of the schema and the tables, as create-tables runs it. */
  public static String ddl(WarehouseConfig config, List<WarehouseTable> tables) {
    WarehouseSql sql = WarehouseSql.of(config);
    return sql.createSchema()
        + ";\n\n"
        + tables.stream().map(t -> sql.createTable(t) + ";\n").collect(Collectors.joining("\n"));
  }
}

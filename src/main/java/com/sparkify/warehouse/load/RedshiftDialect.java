package com.sparkify.warehouse.load;

import com.sparkify.warehouse.schema.Layout;
import com.sparkify.warehouse.schema.TableColumn;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.util.stream.Collectors;

/** Amazon Redshift: sized VARCHARs, distribution and sort keys from the table model. */
public final class RedshiftDialect implements SqlDialect {

  @Override
  public String columnType(TableColumn column) {
    return switch (column.type()) {
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DOUBLE -> "DOUBLE PRECISION";
      // Redshift sizes VARCHAR in bytes and stores it compressed; the model's lengths fit data.
      case VARCHAR -> "VARCHAR(" + column.maxLength() + ")";
      // Redshift's TIMESTAMP has no zone; every value the job writes is UTC.
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  @Override
  public String tableOptions(WarehouseTable table) {
    Layout layout = table.layout();
    var options = new StringBuilder("\nDISTSTYLE ").append(layout.distribution().name());
    if (layout.distribution() == Layout.Distribution.KEY) {
      options.append("\nDISTKEY (").append(quote(layout.distributionKey())).append(")");
    }
    if (!layout.sortKey().isEmpty()) {
      options
          .append("\nCOMPOUND SORTKEY (")
          .append(layout.sortKey().stream().map(this::quote).collect(Collectors.joining(", ")))
          .append(")");
    }
    return options.toString();
  }

  @Override
  public String createStageTable(String stage, String target) {
    // LIKE copies the distribution and sort keys, so the merge joins slice-locally.
    return "CREATE TABLE " + stage + " (LIKE " + target + ")";
  }

  @Override
  public java.util.Optional<String> tryRunLock(String key) {
    // Redshift has no session locks. Two runs still never double-load: each publishes in one
    // serializable transaction whose merge is idempotent, and a conflicting one is rolled back.
    return java.util.Optional.empty();
  }

  @Override
  public String isDistinct(String left, String right) {
    // Redshift has no IS DISTINCT FROM.
    return "("
        + left
        + " <> "
        + right
        + " OR ("
        + left
        + " IS NULL AND "
        + right
        + " IS NOT NULL) OR ("
        + left
        + " IS NOT NULL AND "
        + right
        + " IS NULL))";
  }
}

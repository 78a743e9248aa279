package com.sparkify.warehouse.quality;

import com.sparkify.warehouse.config.ConfigError;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One declared check of {@code quality.checks}, measured by one SQL query that returns a number.
 * The same query runs on the staging tables before the publishing commit and on the published
 * tables by {@code sparkify check}.
 *
 * @param kind what is checked
 * @param table the table, by its model name
 * @param column the column, for every kind but row-count
 * @param references TABLE.COLUMN, for references
 * @param min the least row count or share, for row-count and matched-share
 */
public record QualityCheck(
    CheckKind kind, String table, String column, String references, double min) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public QualityCheck {
    requireIdentifier("table", table);
    if (kind != CheckKind.ROW_COUNT) {
      requireIdentifier("column", column);
    }
    if (kind == CheckKind.REFERENCES) {
      String[] parts = references == null ? new String[0] : references.split("\\.");
      if (parts.length != 2) {
        throw new ConfigError(
            "Invalid quality.checks references '" + references + "': expected TABLE.COLUMN");
      }
      requireIdentifier("references", parts[0]);
      requireIdentifier("references", parts[1]);
    }
    if (kind == CheckKind.MATCHED_SHARE && (min < 0 || min > 1)) {
      throw new ConfigError("Invalid quality.checks min " + min + " for matched-share: 0 to 1");
    }
  }

  /** A short name for reports: "unique songplays.songplay_id". */
  public String name() {
    return switch (kind) {
      case ROW_COUNT -> "row-count " + table;
      case REFERENCES -> "references " + table + "." + column + " -> " + references;
      default -> kind.key() + " " + table + "." + column;
    };
  }

  /**
   * The query that measures this check.
   *
   * @param tableName turns a model table name into the qualified table to query
   */
  public String measureSql(UnaryOperator<String> tableName) {
    String from = tableName.apply(table);
    String quoted = column == null ? null : "\"" + column + "\"";
    return switch (kind) {
      case ROW_COUNT -> "SELECT COUNT(*) FROM " + from;
      case UNIQUE -> "SELECT COUNT(*) - COUNT(DISTINCT " + quoted + ") FROM " + from;
      case NOT_NULL -> "SELECT COUNT(*) FROM " + from + " WHERE " + quoted + " IS NULL";
      case REFERENCES -> {
        String[] target = references.split("\\.");
        yield "SELECT COUNT(*) FROM "
            + from
            + " AS c WHERE c."
            + quoted
            + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
            + tableName.apply(target[0])
            + " AS p WHERE p.\""
            + target[1]
            + "\" = c."
            + quoted
            + ")";
      }
      case MATCHED_SHARE ->
          "SELECT COALESCE(AVG(CASE WHEN "
              + quoted
              + " IS NOT NULL THEN 1.0 ELSE 0.0 END), 0) FROM "
              + from;
    };
  }

  /** The tables the check reads. */
  public java.util.List<String> tables() {
    return kind == CheckKind.REFERENCES
        ? java.util.List.of(table, references.split("\\.")[0])
        : java.util.List.of(table);
  }

  /** Whether a measured value passes. */
  public boolean passes(double measured) {
    return switch (kind) {
      case ROW_COUNT, MATCHED_SHARE -> measured >= min;
      case UNIQUE, NOT_NULL, REFERENCES -> measured == 0;
    };
  }

  /** What passing means, for reports: "&gt;= 1", "= 0". */
  public String expectation() {
    return switch (kind) {
      case ROW_COUNT, MATCHED_SHARE -> ">= " + format(min);
      case UNIQUE, NOT_NULL, REFERENCES -> "= 0";
    };
  }

  static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static void requireIdentifier(String field, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new ConfigError(
          "Invalid quality.checks " + field + " '" + value + "': expected a lower-case name");
    }
  }
}

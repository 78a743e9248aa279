package com.sparkify.warehouse.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * staging_events and staging_songs: the valid input records one to one, as the original scripts
 * staged them, loaded when {@code load.staging-tables} is true. Their columns are the input fields
 * in snake case, derived from {@link InputSchemas}; each run replaces their rows.
 */
public final class StagingTables {

  private StagingTables() {}

  /** The key: source file and line of the record, "s3a://.../2018-11-05-events.json:17". */
  public static final String RECORD_ID = "record_id";

  /** Text fields whose values run longer than the default staging width. */
  private static final Map<String, Integer> WIDE_TEXT = Map.of("userAgent", 1024);

  private static final int TEXT_WIDTH = 512;

  public static final WarehouseTable STAGING_EVENTS =
      table(
          "staging_events",
          "Valid log events of the last run, one row per record.",
          InputSchemas.EVENT_FIELDS);

  public static final WarehouseTable STAGING_SONGS =
      table(
          "staging_songs",
          "Valid song records of the last run, one row per record.",
          InputSchemas.SONG_FIELDS);

  public static List<WarehouseTable> tables() {
    return List.of(STAGING_EVENTS, STAGING_SONGS);
  }

  /** userAgent becomes user_agent. */
  public static String columnName(String fieldName) {
    return fieldName.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static WarehouseTable table(String name, String description, List<InputField> fields) {
    var columns = new ArrayList<TableColumn>();
    columns.add(TableColumn.requiredText(RECORD_ID, 1024, "source file and line of the record"));
    for (InputField field : fields) {
      columns.add(column(field));
    }
    return new WarehouseTable(
        name,
        description,
        columns,
        MergePolicy.REPLACE,
        null,
        // Scanned whole by ad-hoc SQL, never joined on a key: spread evenly.
        new Layout(Layout.Distribution.EVEN, null, List.of(), "raw records, spread evenly"));
  }

  private static TableColumn column(InputField field) {
    String name = columnName(field.name());
    String description = "input field " + field.name();
    return switch (field.type()) {
      case TEXT ->
          TableColumn.optionalText(
              name, WIDE_TEXT.getOrDefault(field.name(), TEXT_WIDTH), description);
      case INTEGER -> TableColumn.optional(name, ColumnType.INTEGER, description);
      case LONG -> TableColumn.optional(name, ColumnType.BIGINT, description);
      case DOUBLE -> TableColumn.optional(name, ColumnType.DOUBLE, description);
    };
  }
}

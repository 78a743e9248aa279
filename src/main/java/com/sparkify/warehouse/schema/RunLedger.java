package com.sparkify.warehouse.schema;

import static com.sparkify.warehouse.schema.TableColumn.optional;
import static com.sparkify.warehouse.schema.TableColumn.optionalText;
import static com.sparkify.warehouse.schema.TableColumn.required;
import static com.sparkify.warehouse.schema.TableColumn.requiredText;

import java.util.List;

/**
 * etl_runs: one row per run that published, written in the same transaction as the tables, so a day
 * is marked loaded exactly when its rows are. {@code run --incremental} loads the days of the input
 * that no row lists.
 */
public final class RunLedger {

  private RunLedger() {}

  public static final String SUCCEEDED = "succeeded";

  public static final WarehouseTable ETL_RUNS =
      new WarehouseTable(
          "etl_runs",
          "One row per published run: when, which days, how many rows.",
          List.of(
              requiredText("run_id", 64, "the run's id, as in its report and quarantine"),
              required("started_at", ColumnType.TIMESTAMP, "when the run started, UTC"),
              required("finished_at", ColumnType.TIMESTAMP, "when it published, UTC"),
              requiredText("status", 16, "succeeded"),
              optionalText(
                  "days_loaded", 65535, "comma-separated YYYY-MM-DD days of the log it loaded"),
              optional("events_read", ColumnType.BIGINT, "event records read"),
              optional("records_read", ColumnType.BIGINT, "event and song records read"),
              optional("plays_loaded", ColumnType.BIGINT, "songplays staged"),
              optional("quarantined", ColumnType.BIGINT, "records quarantined")),
          MergePolicy.UPSERT_CHANGED,
          null,
          Layout.everywhere(List.of("run_id"), "a few rows per day, read by every run"));
}

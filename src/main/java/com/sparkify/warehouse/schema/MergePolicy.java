package com.sparkify.warehouse.schema;

/** How a load merges staged rows into a table that may already hold rows with the same key. */
public enum MergePolicy {
  /** New keys are inserted; existing keys are updated when any other column differs. */
  UPSERT_CHANGED,
  /**
   * New keys are inserted; existing keys are updated only from a row whose version column is newer,
   * so an older event can never overwrite what a newer one wrote.
   */
  UPSERT_IF_NEWER,
  /** New keys are inserted; the values of an existing key can never change. */
  INSERT_ONLY,
  /** The table mirrors the last run: its rows are replaced by the staged ones. */
  REPLACE
}

package com.sparkify.warehouse.load;

import com.sparkify.warehouse.quality.MeasuredTables;
import java.util.Map;

/**
 * Called once every table is staged and before anything is published; throwing aborts the load and
 * leaves the warehouse as it was. The job checks its invariants here.
 */
@FunctionalInterface
public interface PublishGate {

  /**
   * @param stagedRows rows staged per table name
   * @param stages the staging tables, for quality checks in SQL
   */
  void check(Map<String, Long> stagedRows, MeasuredTables stages);
}

package com.sparkify.warehouse.quality;

/** Tables that checks can query: the stages of a load, or the published warehouse. */
public interface MeasuredTables {

  /** The qualified name to query for a model table name. */
  String qualified(String table);

  /** Runs a query that returns one number. */
  double measure(String sql);
}

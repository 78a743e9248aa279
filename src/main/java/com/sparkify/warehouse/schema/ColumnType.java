package com.sparkify.warehouse.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The column types the warehouse uses; each SQL dialect renders them in its own words. */
public enum ColumnType {
  INTEGER(DataTypes.IntegerType),
  BIGINT(DataTypes.LongType),
  DOUBLE(DataTypes.DoubleType),
  VARCHAR(DataTypes.StringType),
  /** A timestamp without time zone that always holds UTC. */
  TIMESTAMP(DataTypes.TimestampType);

  private final DataType sparkType;

  ColumnType(DataType sparkType) {
    this.sparkType = sparkType;
  }

  public DataType sparkType() {
    return sparkType;
  }
}

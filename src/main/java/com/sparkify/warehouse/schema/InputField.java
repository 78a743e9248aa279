package com.sparkify.warehouse.schema;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A field of an input JSON record.
 *
 * @param name the JSON name, as the source writes it
 * @param type the type the value must convert to
 * @param required whether a record without the field is quarantined
 */
public record InputField(String name, InputType type, boolean required) implements Serializable {

  /** The types an input value may have, with the range each accepts. */
  public enum InputType {
    TEXT(DataTypes.StringType),
    INTEGER(DataTypes.IntegerType),
    LONG(DataTypes.LongType),
    DOUBLE(DataTypes.DoubleType);

    private final DataType sparkType;

    InputType(DataType sparkType) {
      this.sparkType = sparkType;
    }

    public DataType sparkType() {
      return sparkType;
    }
  }

  static InputField required(String name, InputType type) {
    return new InputField(name, type, true);
  }

  static InputField optional(String name, InputType type) {
    return new InputField(name, type, false);
  }
}

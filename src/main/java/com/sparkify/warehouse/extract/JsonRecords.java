package com.sparkify.warehouse.extract;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.instr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.sparkify.warehouse.schema.InputField;
import com.sparkify.warehouse.schema.InputField.InputType;
import com.sparkify.warehouse.schema.InputSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns raw text records into typed records with a quarantine reason. Every field is parsed as text
 * first and converted here, so the reason names the field that broke: {@code malformed_json},
 * {@code missing_field:ts}, {@code bad_type:sessionId}, {@code out_of_range:itemInSession}, {@code
 * control_character:artist}, or a read error such as {@code invalid_utf8}.
 */
public final class JsonRecords {

  /** The quarantine reason of a record, null for a good one. */
  public static final String REASON = "reason";

  private static final String JSON = "_json";
  private static final String RECORDS = "_records";
  private static final String INTEGER_PATTERN = "^-?[0-9]+$";
  private static final String NUMBER_PATTERN = "^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$";

  /** Up to 18 digits always fit a long; longer runs of digits are out of range anyway. */
  private static final int MAX_INTEGER_DIGITS = 18;

  private JsonRecords() {}

  /** A check that quarantines a record with {@code reason} when {@code failed} holds. */
  public record Check(Column failed, Column reason) {

    public static Check of(Column failed, String reason) {
      return new Check(failed, lit(reason));
    }
  }

  /**
   * Parses {@link RawRecords#SCHEMA} rows into source_file, line_number, raw, one typed column per
   * field, and {@link #REASON}: the first failed check in the order read error, malformed JSON,
   * missing required field, wrong type, out of range, control character.
   */
  public static Dataset<Row> parse(Dataset<Row> raw, List<InputField> fields) {
    // Parsed as a one-element array so that anything after the object ("{...} {...}", "{...}}")
    // makes the whole line invalid instead of being ignored by the parser.
    Column records =
        from_json(
            concat(lit("["), col(RawRecords.RAW), lit("]")),
            DataTypes.createArrayType(InputSchemas.textSchema(fields)),
            Map.of(
                "mode", "PERMISSIVE",
                "allowSingleQuotes", "false",
                "allowNonNumericNumbers", "false"));
    Dataset<Row> parsed =
        raw.withColumn(RECORDS, records)
            .withColumn(JSON, when(size(col(RECORDS)).equalTo(1), element_at(col(RECORDS), 1)));

    Column trimmedRaw = trim(col(RawRecords.RAW));
    var checks = new ArrayList<Check>();
    checks.add(new Check(col(RawRecords.READ_ERROR).isNotNull(), col(RawRecords.READ_ERROR)));
    checks.add(
        Check.of(
            col(JSON)
                .isNull()
                .or(not(trimmedRaw.startsWith("{")))
                .or(not(trimmedRaw.endsWith("}"))),
            "malformed_json"));
    for (InputField field : fields) {
      if (field.required()) {
        checks.add(Check.of(isAbsent(text(field)), "missing_field:" + field.name()));
      }
    }
    for (InputField field : fields) {
      if (field.type() != InputType.TEXT) {
        checks.add(Check.of(isMalformedNumber(field), "bad_type:" + field.name()));
      }
    }
    for (InputField field : fields) {
      if (field.type() != InputType.TEXT) {
        checks.add(Check.of(isOutOfRange(field), "out_of_range:" + field.name()));
      }
    }
    for (InputField field : fields) {
      if (field.type() == InputType.TEXT) {
        // PostgreSQL text cannot hold NUL, and no real name contains one.
        checks.add(
            Check.of(instr(text(field), "\u0000").gt(0), "control_character:" + field.name()));
      }
    }

    var columns = new ArrayList<Column>();
    columns.add(col(RawRecords.SOURCE_FILE));
    columns.add(col(RawRecords.LINE_NUMBER));
    columns.add(col(RawRecords.RAW));
    for (InputField field : fields) {
      columns.add(typedValue(field).as(field.name()));
    }
    columns.add(firstFailure(checks).as(REASON));
    return parsed.select(columns.toArray(Column[]::new));
  }

  /**
   * Adds checks to records that {@link #parse} accepted; a record keeps its first reason.
   *
   * @param checks evaluated in order on the typed columns
   */
  public static Dataset<Row> check(Dataset<Row> records, List<Check> checks) {
    var all = new ArrayList<Check>();
    all.add(new Check(col(REASON).isNotNull(), col(REASON)));
    all.addAll(checks);
    return records.withColumn(REASON, firstFailure(all));
  }

  /** The reason of the first failing check, or null. */
  private static Column firstFailure(List<Check> checks) {
    Column reason = lit(null).cast("string");
    for (int i = checks.size() - 1; i >= 0; i--) {
      reason = when(checks.get(i).failed(), checks.get(i).reason()).otherwise(reason);
    }
    return reason;
  }

  private static Column text(InputField field) {
    return col(JSON + "." + field.name());
  }

  /** Absent means null, or blank text: "" is how the log writes a missing userId. */
  private static Column isAbsent(Column text) {
    return text.isNull().or(length(trim(text)).equalTo(0));
  }

  private static Column isMalformedNumber(InputField field) {
    Column value = trim(text(field));
    String pattern = field.type() == InputType.DOUBLE ? NUMBER_PATTERN : INTEGER_PATTERN;
    return not(isAbsent(text(field))).and(not(value.rlike(pattern)));
  }

  private static Column isOutOfRange(InputField field) {
    Column value = trim(text(field));
    Column present = not(isAbsent(text(field)));
    return switch (field.type()) {
      case INTEGER ->
          present.and(
              length(value)
                  .gt(MAX_INTEGER_DIGITS)
                  .or(value.cast("long").gt(Integer.MAX_VALUE))
                  .or(value.cast("long").lt(Integer.MIN_VALUE)));
      case LONG -> present.and(length(value).gt(MAX_INTEGER_DIGITS));
      case DOUBLE ->
          present.and(
              value
                  .cast("double")
                  .isNaN()
                  .or(abs(value.cast("double")).equalTo(Double.POSITIVE_INFINITY)));
      case TEXT -> lit(false);
    };
  }

  private static Column typedValue(InputField field) {
    Column text = text(field);
    if (field.type() == InputType.TEXT) {
      return text;
    }
    Column value = trim(text);
    String pattern = field.type() == InputType.DOUBLE ? NUMBER_PATTERN : INTEGER_PATTERN;
    // Converted only when well formed, so an ANSI-mode session never throws on a bad value.
    return when(not(isAbsent(text)).and(value.rlike(pattern)), value.cast(field.type().sparkType()))
        .otherwise(lit(null).cast(field.type().sparkType()));
  }
}

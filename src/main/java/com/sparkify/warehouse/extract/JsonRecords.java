package com.sparkify.warehouse.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.sparkify.warehouse.schema.InputField;
import com.sparkify.warehouse.schema.InputSchemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns raw text records into typed records with a quarantine reason. {@link JsonLineParser} reads
 * every field as text first and then converts it, so the reason names the field that broke: {@code
 * malformed_json}, {@code missing_field:ts}, {@code bad_type:sessionId}, {@code
 * out_of_range:itemInSession}, {@code control_character:artist}, or a read error such as {@code
 * invalid_utf8}.
 */
public final class JsonRecords {

  /** The quarantine reason of a record, null for a good one. */
  public static final String REASON = "reason";

  private JsonRecords() {}

  /** A check that quarantines a record with {@code reason} when {@code failed} holds. */
  public record Check(Column failed, Column reason) {

    public static Check of(Column failed, String reason) {
      return new Check(failed, lit(reason));
    }
  }

  /**
   * Parses {@link RawRecords#SCHEMA} rows into source_file, line_number, raw, one typed column per
   * field, and {@link #REASON}: the read error if there is one, else the first failed check of
   * {@link JsonLineParser}. One pass per line, in plain Java, so a wide record costs one parse and
   * no per-field expressions.
   */
  public static Dataset<Row> parse(Dataset<Row> raw, List<InputField> fields) {
    StructType schema = parsedSchema(fields);
    MapPartitionsFunction<Row, Row> parseAll =
        rows -> {
          var parser = new JsonLineParser(fields);
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return rows.hasNext();
            }

            @Override
            public Row next() {
              return parsedRow(parser, rows.next(), fields.size());
            }
          };
        };
    return raw.select(
            col(RawRecords.SOURCE_FILE),
            col(RawRecords.LINE_NUMBER),
            col(RawRecords.RAW),
            col(RawRecords.READ_ERROR))
        .mapPartitions(parseAll, Encoders.row(schema));
  }

  private static Row parsedRow(JsonLineParser parser, Row raw, int fieldCount) {
    Object[] out = new Object[fieldCount + 4];
    out[0] = raw.getString(0);
    out[1] = raw.getLong(1);
    String line = raw.getString(2);
    out[2] = line;
    String readError = raw.getString(3);
    if (readError != null) {
      out[out.length - 1] = readError;
    } else {
      JsonLineParser.Parsed parsed = parser.parse(line);
      System.arraycopy(parsed.values(), 0, out, 3, fieldCount);
      out[out.length - 1] = parsed.reason();
    }
    return RowFactory.create(out);
  }

  /** source_file, line_number, raw, the typed fields, reason. */
  private static StructType parsedSchema(List<InputField> fields) {
    var columns = new ArrayList<StructField>();
    columns.add(RawRecords.SCHEMA.apply(RawRecords.SOURCE_FILE));
    columns.add(RawRecords.SCHEMA.apply(RawRecords.LINE_NUMBER));
    columns.add(RawRecords.SCHEMA.apply(RawRecords.RAW));
    columns.addAll(List.of(InputSchemas.typedSchema(fields).fields()));
    columns.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    return DataTypes.createStructType(columns);
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
}

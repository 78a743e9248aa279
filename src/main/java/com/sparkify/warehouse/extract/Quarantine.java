package com.sparkify.warehouse.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The records a run refused, kept with their source file, line, raw text and reason. The raw text
 * is the user's data verbatim, so the quarantine location is as sensitive as the input.
 */
public final class Quarantine {

  private Quarantine() {}

  /** The refused records of a validated input, in the quarantine's layout. */
  public static Dataset<Row> refused(Dataset<Row> validated, String input) {
    return validated
        .filter(col(JsonRecords.REASON).isNotNull())
        .select(
            lit(input).as("input"),
            col(RawRecords.SOURCE_FILE),
            col(RawRecords.LINE_NUMBER),
            col(JsonRecords.REASON),
            col(RawRecords.RAW));
  }

  /**
   * Writes refused records as one JSON-lines file, {@code location/part-00000.json}, streamed
   * through the driver partition by partition. One plain write instead of Spark's commit protocol,
   * whose renames cost a copy per file on S3.
   *
   * @param location must not exist yet
   */
  public static void write(Dataset<Row> refused, String location, Configuration hadoop) {
    Path file = new Path(location, "part-00000.json");
    try {
      FileSystem fileSystem = file.getFileSystem(hadoop);
      if (fileSystem.exists(new Path(location))) {
        throw new InputException("Quarantine folder exists already: " + location);
      }
      try (OutputStream out = fileSystem.create(file, false);
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        Iterator<String> lines = refused.toJSON().toLocalIterator();
        while (lines.hasNext()) {
          writer.write(lines.next());
          writer.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the quarantine to "
              + location
              + " (check quarantine.path): "
              + e.getMessage(),
          e);
    }
  }
}

package com.sparkify.warehouse.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads input files as raw text records, one per non-blank line, without Spark's file index: the
 * files were listed once already, so they are packed into partitions by size and each task opens
 * its files in turn. Many tiny files then cost one open each instead of a listing, a status call
 * and a split each.
 */
public final class RawRecords {

  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RAW = "raw";

  /** Why the line could not be read as text (a quarantine reason), or null. */
  public static final String READ_ERROR = "read_error";

  public static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
              DataTypes.createStructField(LINE_NUMBER, DataTypes.LongType, false),
              DataTypes.createStructField(RAW, DataTypes.StringType, false),
              DataTypes.createStructField(READ_ERROR, DataTypes.StringType, true)));

  private RawRecords() {}

  /**
   * The lines of {@code files} as rows of {@link #SCHEMA}. Nothing is read until an action runs.
   *
   * @param maxRecordBytes a longer line is quarantined as {@code record_too_large}
   */
  public static Dataset<Row> read(
      SparkSession spark, List<SourceFile> files, int partitions, int maxRecordBytes) {
    var hadoop =
        new SerializableHadoopConfiguration(
            new Configuration(spark.sparkContext().hadoopConfiguration()));
    List<List<SourceFile>> groups = packBySize(files, partitions);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Sent once per executor, not inside every task: a task would carry its share of the listing
    // (1.5 MB at 300,000 song files) and a Hadoop configuration that is slow to read back.
    Broadcast<TaskInputs> inputs = context.broadcast(new TaskInputs(groups, hadoop));
    List<Integer> groupIndexes = IntStream.range(0, groups.size()).boxed().toList();
    JavaRDD<Row> rows =
        context
            .parallelize(groupIndexes, Math.max(1, groups.size()))
            .flatMap(
                index ->
                    new LineIterator(
                        inputs.value().groups().get(index),
                        inputs.value().hadoop().get(),
                        maxRecordBytes));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** What every read task needs: the file groups, one per task, and how to reach the files. */
  private record TaskInputs(List<List<SourceFile>> groups, SerializableHadoopConfiguration hadoop)
      implements Serializable {}

  /**
   * Spreads files over at most {@code partitions} groups of similar total size, largest file first
   * into the lightest group. Deterministic: the same listing gives the same groups.
   */
  static List<List<SourceFile>> packBySize(List<SourceFile> files, int partitions) {
    int groupCount = Math.max(1, Math.min(partitions, files.size()));
    var groups = new ArrayList<List<SourceFile>>();
    long[] sizes = new long[groupCount];
    for (int i = 0; i < groupCount; i++) {
      groups.add(new ArrayList<>());
    }
    var bySize =
        files.stream()
            .sorted(
                Comparator.comparingLong(SourceFile::length)
                    .reversed()
                    .thenComparing(SourceFile::path))
            .toList();
    for (SourceFile file : bySize) {
      int lightest = 0;
      for (int i = 1; i < groupCount; i++) {
        if (sizes[i] < sizes[lightest]) {
          lightest = i;
        }
      }
      groups.get(lightest).add(file);
      // Opening a file costs about as much as reading a few kilobytes of it.
      sizes[lightest] += file.length() + 4096;
    }
    groups.forEach(g -> g.sort(Comparator.comparing(SourceFile::path)));
    return groups;
  }
}

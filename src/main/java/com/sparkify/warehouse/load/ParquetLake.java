package com.sparkify.warehouse.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.year;

import com.sparkify.warehouse.schema.MergePolicy;
import com.sparkify.warehouse.schema.StarSchema;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The optional Parquet copy of the star schema under {@code lake.path}: songs partitioned by year
 * and artist_id, time and songplays by year and month, users and artists whole. Only the partitions
 * a run touches are rewritten (dynamic partition overwrite); each is merged with what it held by
 * the table's key, with the same rule as the warehouse, so reruns and day-by-day loads never
 * duplicate rows.
 */
public final class ParquetLake {

  private final SparkSession spark;
  private final String root;

  public ParquetLake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  /** The partition columns of a table in the lake. */
  public static List<String> partitionColumns(WarehouseTable table) {
    if (table == StarSchema.SONGS) {
      return List.of("year", "artist_id");
    }
    if (table == StarSchema.TIME || table == StarSchema.SONGPLAYS) {
      return List.of("year", "month");
    }
    return List.of();
  }

  /** Writes the star schema tables of {@code tables}; other tables are not part of the lake. */
  public void write(Map<WarehouseTable, Dataset<Row>> tables) {
    for (WarehouseTable table : StarSchema.tables()) {
      Dataset<Row> rows = tables.get(table);
      if (rows != null) {
        spark.sparkContext().setJobDescription("lake " + table.name());
        writeTable(table, withPartitionColumns(table, rows));
      }
    }
    spark.sparkContext().setJobDescription(null);
  }

  private static Dataset<Row> withPartitionColumns(WarehouseTable table, Dataset<Row> rows) {
    if (table == StarSchema.SONGPLAYS) {
      return rows.withColumn("year", year(col("start_time")))
          .withColumn("month", month(col("start_time")));
    }
    return rows;
  }

  private void writeTable(WarehouseTable table, Dataset<Row> incoming) {
    String location = root + "/" + table.name();
    List<String> partitions = partitionColumns(table);
    Dataset<Row> merged = incoming;
    if (exists(location)) {
      Dataset<Row> existing = spark.read().parquet(location).select(columns(incoming));
      if (!partitions.isEmpty()) {
        // Only the partitions this run touches are read and rewritten.
        Dataset<Row> touched = incoming.select(columns(partitions)).distinct();
        Dataset<Row> old = existing;
        Column samePartition =
            partitions.stream()
                .map(c -> old.col(c).eqNullSafe(touched.col(c)))
                .reduce(Column::and)
                .orElseThrow();
        existing = existing.join(touched, samePartition, "left_semi");
      }
      merged =
          latest(
              table,
              incoming.withColumn("_new", lit(0)).unionByName(existing.withColumn("_new", lit(1))));
      // Cut the lineage: the files read above are overwritten below.
      merged = merged.localCheckpoint(true);
    }
    var writer =
        (partitions.isEmpty() ? merged.coalesce(1) : merged.repartition(columns(partitions)))
            .write()
            .mode(SaveMode.Overwrite)
            .option("partitionOverwriteMode", "dynamic");
    if (!partitions.isEmpty()) {
      writer = writer.partitionBy(partitions.toArray(String[]::new));
    }
    writer.parquet(location);
  }

  /** One row per key: this run's, or for users the one from the newest event. */
  private static Dataset<Row> latest(WarehouseTable table, Dataset<Row> union) {
    var order = new ArrayList<Column>();
    if (table.mergePolicy() == MergePolicy.UPSERT_IF_NEWER) {
      order.add(col(table.versionColumn()).desc());
    }
    if (table.mergePolicy() == MergePolicy.INSERT_ONLY) {
      order.add(col("_new").desc());
    } else {
      order.add(col("_new").asc());
    }
    var byKey = Window.partitionBy(col(table.key().name())).orderBy(order.toArray(Column[]::new));
    return union
        .withColumn("_rank", row_number().over(byKey))
        .filter(col("_rank").equalTo(1))
        .drop("_rank", "_new");
  }

  private boolean exists(String location) {
    try {
      Path path = new Path(location);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new WarehouseException("Cannot reach lake.path " + root + ": " + e.getMessage(), e);
    }
  }

  private static Column[] columns(Dataset<Row> rows) {
    return java.util.Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(c -> col(c)).toArray(Column[]::new);
  }
}

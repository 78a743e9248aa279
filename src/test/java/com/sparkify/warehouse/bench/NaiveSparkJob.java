package com.sparkify.warehouse.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Benchmark contender: the Sparkify ETL as it is usually first written. Schema inference over the
 * raw folders, {@code dropDuplicates}, joins, and Spark's built-in JDBC writer (mode overwrite). No
 * quarantine, no staging, no transaction; it follows DOMAIN §3 only as far as the row counts (songs
 * and artists deduplicated by key, users by latest event, plays not fanned out).
 *
 * <p>Usage: {@code NaiveSparkJob SONG_DATA LOG_DATA JDBC_URL SCHEMA} (user postgres, no password),
 * {@code local[*]}. Test scope: it is a benchmark contender, not product code.
 */
public final class NaiveSparkJob {

  private NaiveSparkJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: NaiveSparkJob SONG_DATA LOG_DATA JDBC_URL SCHEMA");
      System.exit(2);
    }
    String songData = args[0];
    String logData = args[1];
    String url = args[2];
    String schema = args[3];

    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }

    SparkSession spark =
        SparkSession.builder()
            .appName("naive-sparkify")
            .master("local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    Dataset<Row> songRecords = spark.read().option("recursiveFileLookup", "true").json(songData);
    Dataset<Row> logs = spark.read().option("recursiveFileLookup", "true").json(logData);

    Dataset<Row> songs =
        songRecords
            .select("song_id", "title", "artist_id", "year", "duration")
            .dropDuplicates("song_id");

    Dataset<Row> artists =
        songRecords
            .select(
                col("artist_id"),
                col("artist_name").as("name"),
                col("artist_location").as("location"),
                col("artist_latitude").as("latitude"),
                col("artist_longitude").as("longitude"))
            .dropDuplicates("artist_id");

    Dataset<Row> events =
        logs.dropDuplicates("sessionId", "itemInSession", "ts")
            .withColumn("start_time", col("ts").divide(1000).cast("timestamp"));

    Dataset<Row> users =
        events
            .filter(col("userId").notEqual(""))
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("userId")
                            .orderBy(desc("ts"), desc("sessionId"), desc("itemInSession"))))
            .filter(col("rank").equalTo(1))
            .select(
                col("userId").cast("int").as("user_id"),
                col("firstName").as("first_name"),
                col("lastName").as("last_name"),
                col("gender"),
                col("level"));

    Dataset<Row> plays = events.filter(col("page").equalTo("NextSong"));

    Dataset<Row> catalogue =
        songRecords
            .select("song_id", "artist_id", "title", "artist_name", "duration")
            .dropDuplicates("title", "artist_name", "duration");

    Dataset<Row> songplays =
        plays
            .join(
                catalogue,
                plays
                    .col("song")
                    .equalTo(catalogue.col("title"))
                    .and(plays.col("artist").equalTo(catalogue.col("artist_name")))
                    .and(plays.col("length").equalTo(catalogue.col("duration"))),
                "left")
            .select(
                concat_ws("-", col("sessionId"), col("itemInSession"), col("ts")).as("songplay_id"),
                col("start_time"),
                col("userId").cast("int").as("user_id"),
                col("level"),
                col("song_id"),
                col("artist_id"),
                col("sessionId").as("session_id"),
                col("location"),
                col("userAgent").as("user_agent"));

    Dataset<Row> time =
        plays
            .select("start_time")
            .distinct()
            .select(
                col("start_time"),
                hour(col("start_time")).as("hour"),
                dayofmonth(col("start_time")).as("day"),
                weekofyear(col("start_time")).as("week"),
                month(col("start_time")).as("month"),
                year(col("start_time")).as("year"),
                dayofweek(col("start_time")).minus(1).as("weekday"));

    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    properties.setProperty("password", "");
    properties.setProperty("driver", "org.postgresql.Driver");
    songs.write().mode(SaveMode.Overwrite).jdbc(url, schema + ".songs", properties);
    artists.write().mode(SaveMode.Overwrite).jdbc(url, schema + ".artists", properties);
    users.write().mode(SaveMode.Overwrite).jdbc(url, schema + ".users", properties);
    time.write().mode(SaveMode.Overwrite).jdbc(url, schema + ".time", properties);
    songplays.write().mode(SaveMode.Overwrite).jdbc(url, schema + ".songplays", properties);
    spark.stop();
  }
}

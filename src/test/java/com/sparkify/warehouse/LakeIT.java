package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.extract.DaySelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet lake: partitions, reruns that replace instead of duplicate, day-by-day loads. */
class LakeIT {

  private static JobRunner runner;
  private static Path work;

  @BeforeAll
  static void start(@TempDir Path directory) throws IOException {
    work = directory;
    runner = JobRunner.start(work.resolve("db"));
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
  }

  private static Dataset<Row> lake(Path root, String table) {
    return TestSpark.session().read().parquet(root.resolve(table).toString());
  }

  private static long files(Path partition) throws IOException {
    try (Stream<Path> files = Files.list(partition)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
  }

  @Test
  void theLakeHoldsTheWarehouseTablesPartitionedAndARerunReplacesThem()
      throws IOException, SQLException {
    Path root = work.resolve("lake-full");
    var config = runner.sample("lake_full", "lake.path=" + root);
    runner.run(config);

    assertThat(root.resolve("songplays/year=2018/month=11")).isDirectory();
    assertThat(root.resolve("time/year=2018/month=11")).isDirectory();
    try (Stream<Path> years = Files.list(root.resolve("songs"))) {
      assertThat(years.filter(p -> p.getFileName().toString().startsWith("year="))).isNotEmpty();
    }
    for (String table : new String[] {"songplays", "users", "songs", "artists", "time"}) {
      assertThat(lake(root, table).count())
          .as(table)
          .isEqualTo(runner.count("lake_full", "SELECT count(*) FROM \"" + table + "\""));
    }
    assertThat(files(root.resolve("songplays/year=2018/month=11"))).isEqualTo(1);

    runner.run(config);

    assertThat(lake(root, "songplays").count())
        .isEqualTo(runner.count("lake_full", "SELECT count(*) FROM songplays"));
    assertThat(lake(root, "users").count())
        .isEqualTo(runner.count("lake_full", "SELECT count(*) FROM users"));
    assertThat(files(root.resolve("songplays/year=2018/month=11"))).isEqualTo(1);
  }

  @Test
  void dayByDayLoadsEndWithTheLakeOfOneRun() throws SQLException {
    Path full = work.resolve("lake-one-run");
    runner.run(runner.sample("lake_one_run", "lake.path=" + full));

    Path split = work.resolve("lake-split");
    var config = runner.sample("lake_split", "lake.path=" + split);
    runner.run(
        config, DaySelection.range(LocalDate.parse("2018-11-11"), LocalDate.parse("2018-12-01")));
    runner.run(
        config, DaySelection.range(LocalDate.parse("2018-11-01"), LocalDate.parse("2018-11-10")));

    for (String table : new String[] {"songplays", "users", "songs", "artists", "time"}) {
      Dataset<Row> one = lake(full, table);
      Dataset<Row> two =
          lake(split, table)
              .select(
                  one.columns()[0],
                  java.util.Arrays.copyOfRange(one.columns(), 1, one.columns().length));
      assertThat(one.exceptAll(two).count()).as(table).isZero();
      assertThat(two.exceptAll(one).count()).as(table).isZero();
    }
  }
}

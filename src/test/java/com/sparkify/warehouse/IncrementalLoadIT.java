package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.extract.DaySelection;
import com.sparkify.warehouse.extract.InputException;
import com.sparkify.warehouse.load.RunLock;
import com.sparkify.warehouse.load.WarehouseException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOMAIN §4 invariant 2: any split of the month into runs ends with the tables of one run. */
class IncrementalLoadIT {

  private static JobRunner runner;
  private static Map<String, String> fullRun;

  @BeforeAll
  static void loadTheWholeMonthOnce(@TempDir Path work) throws IOException, SQLException {
    runner = JobRunner.start(work);
    runner.run(runner.sample("full_run"));
    fullRun = runner.fingerprint("full_run");
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
  }

  private static DaySelection days(String from, String to) {
    return DaySelection.range(LocalDate.parse(from), LocalDate.parse(to));
  }

  @Test
  void rangesThenIncrementalEqualOneFullRun() throws SQLException {
    JobConfig config = runner.sample("ranges_then_incremental");
    RunReport first = runner.run(config, days("2018-11-01", "2018-11-10"));
    assertThat(first.daysLoaded()).hasSize(10).startsWith("2018-11-01").endsWith("2018-11-10");

    RunReport rest = runner.run(config, DaySelection.incremental());
    assertThat(rest.daysLoaded()).doesNotContain("2018-11-01", "2018-11-10").contains("2018-11-11");
    assertThat(runner.fingerprint("ranges_then_incremental")).isEqualTo(fullRun);

    RunReport nothing = runner.run(config, DaySelection.incremental());
    assertThat(nothing.status()).isEqualTo(RunReport.NOTHING_TO_LOAD);
    assertThat(runner.count("ranges_then_incremental", "SELECT count(*) FROM etl_runs"))
        .isEqualTo(2);
  }

  @Test
  void rangesInAnyOrderEqualOneFullRun() throws SQLException {
    JobConfig config = runner.sample("ranges_out_of_order");
    runner.run(config, days("2018-11-21", "2018-12-01"));
    runner.run(config, days("2018-11-01", "2018-11-10"));
    runner.run(config, days("2018-11-11", "2018-11-20"));
    assertThat(runner.fingerprint("ranges_out_of_order")).isEqualTo(fullRun);
  }

  @Test
  void aRangeWithoutLogFilesIsAnInputError() {
    JobConfig config = runner.sample("empty_range");
    assertThatThrownBy(() -> runner.run(config, days("2017-01-01", "2017-01-31")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("No log files for 2017-01-01 to 2017-01-31");
  }

  @Test
  void aSecondRunAtTheSameTimeIsRefusedAndLoadsNothing() throws SQLException {
    JobConfig config = runner.sample("concurrent");
    try (RunLock firstRun = runner.sink(config).lockRuns()) {
      assertThatThrownBy(() -> runner.run(config))
          .isInstanceOf(WarehouseException.class)
          .hasMessageContaining("Another sparkify run is loading schema concurrent");
      assertThat(runner.fingerprint("concurrent").values()).containsOnly("absent");
    }
    runner.run(config);
    assertThat(runner.fingerprint("concurrent")).isEqualTo(fullRun);
  }
}

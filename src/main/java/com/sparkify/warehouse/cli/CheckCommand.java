package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.load.SqlMeasuredTables;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseException;
import com.sparkify.warehouse.load.WarehouseSql;
import com.sparkify.warehouse.load.Warehouses;
import com.sparkify.warehouse.quality.CheckResult;
import com.sparkify.warehouse.quality.QualityGate;
import com.sparkify.warehouse.schema.RunLedger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sparkify check}: the quality checks of every run, on the published warehouse. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Measures quality.checks on the published tables, and the quarantined share of the last",
      "run from the run ledger. Exit codes: 0 all pass, 1 a check failed, 2 config error."
    })
final class CheckCommand implements Callable<Integer> {

  @Mixin ConfigOptions configOptions;

  @Override
  public Integer call() {
    JobConfig config = configOptions.loadWithoutInputs();
    Logging.configure(configOptions.verbose);
    WarehouseSql sql = WarehouseSql.of(config.warehouse());
    try (Warehouse warehouse = Warehouses.open(config.warehouse());
        Connection connection = warehouse.connect()) {
      var tables = SqlMeasuredTables.published(connection, sql);
      var results =
          new ArrayList<CheckResult>(QualityGate.measure(config.quality().checks(), tables));
      results.add(lastRunQuarantineRatio(tables, config.quarantine().maxRatio()));
      System.out.print(CheckTable.format(results));
      List<CheckResult> failed = results.stream().filter(r -> !r.passed()).toList();
      if (!failed.isEmpty()) {
        System.err.println("sparkify check: " + QualityGate.describeFailures(results));
        return Errors.RUN_FAILED;
      }
      return 0;
    } catch (SQLException e) {
      throw new WarehouseException("check failed: " + e.getMessage(), e);
    }
  }

  private static CheckResult lastRunQuarantineRatio(SqlMeasuredTables tables, double maxRatio) {
    String ledger = tables.qualified(RunLedger.ETL_RUNS.name());
    double quarantined =
        tables.measure(
            "SELECT COALESCE(MAX(quarantined), 0) FROM "
                + ledger
                + " WHERE finished_at = (SELECT MAX(finished_at) FROM "
                + ledger
                + ")");
    double records =
        tables.measure(
            "SELECT COALESCE(MAX(records_read), 0) FROM "
                + ledger
                + " WHERE finished_at = (SELECT MAX(finished_at) FROM "
                + ledger
                + ")");
    return QualityGate.quarantineRatio((long) quarantined, (long) records, maxRatio);
  }
}

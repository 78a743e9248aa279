package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.RunReport;
import com.sparkify.warehouse.SparkifyJob;
import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.load.PostgresCopySink;
import com.sparkify.warehouse.load.PostgresDialect;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseSql;
import com.sparkify.warehouse.load.Warehouses;
import java.io.File;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparkify run}: loads the inputs into the warehouse and prints the run report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the song catalogue and the event logs, quarantines bad records, builds the star",
      "schema and publishes it to the warehouse in one transaction. Safe to rerun.",
      "Exit codes: 0 success, 1 run failed (warehouse unchanged), 2 usage or config error."
    })
final class RunCommand implements Callable<Integer> {

  @Mixin ConfigOptions configOptions;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the run report as JSON.")
  File report;

  @Override
  public Integer call() {
    JobConfig config = configOptions.load();
    Logging.configure(configOptions.verbose);
    var progress = new ProgressLog(System.err);
    String runId = RunIds.next();
    Instant startedAt = Instant.now();
    try (Warehouse warehouse = Warehouses.open(config.warehouse())) {
      progress.accept("run " + runId + " into " + warehouse.description());
      try (SparkSession spark = SparkSessions.create(config.spark())) {
        var sink =
            new PostgresCopySink(
                warehouse,
                new WarehouseSql(new PostgresDialect(), config.warehouse().schema()),
                config.warehouse().tempdir(),
                spark.sparkContext().hadoopConfiguration(),
                progress);
        RunReport result = SparkifyJob.run(runId, config, spark, sink, progress);
        System.out.print(ReportTable.format(result));
        if (report != null) {
          result.writeJson(report);
        }
        return 0;
      }
    } catch (RuntimeException e) {
      if (report != null) {
        RunReport.failed(runId, startedAt, Errors.oneLine(e)).writeJson(report);
      }
      throw e;
    }
  }
}

package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.RunReport;
import com.sparkify.warehouse.SparkifyJob;
import com.sparkify.warehouse.config.JobConfig;
import com.sparkify.warehouse.config.WarehouseKind;
import com.sparkify.warehouse.extract.DaySelection;
import com.sparkify.warehouse.load.LoadPlan;
import com.sparkify.warehouse.load.RedshiftConnector;
import com.sparkify.warehouse.load.Warehouse;
import com.sparkify.warehouse.load.WarehouseSinks;
import com.sparkify.warehouse.load.Warehouses;
import com.sparkify.warehouse.quality.QualityGateFailure;
import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First day of the log to load (with --to); lists only those days' folders.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day to load, inclusive.")
  LocalDate to;

  @Option(
      names = "--incremental",
      description =
          "Load every day of the input that the run ledger (etl_runs) has not marked loaded.")
  boolean incremental;

  @Spec CommandSpec spec;

  @Option(
      names = "--dry-run",
      description =
          "Validate the config and print the load plan; touch neither the warehouse nor S3.")
  boolean dryRun;

  private DaySelection days() {
    if (incremental && (from != null || to != null)) {
      throw new ParameterException(
          spec.commandLine(), "--incremental cannot be combined with --from/--to");
    }
    if ((from == null) != (to == null)) {
      throw new ParameterException(spec.commandLine(), "--from and --to go together");
    }
    if (from != null && to.isBefore(from)) {
      throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    if (incremental) {
      return DaySelection.incremental();
    }
    return from == null ? DaySelection.all() : DaySelection.range(from, to);
  }

  @Override
  public Integer call() {
    DaySelection days = days();
    JobConfig config = configOptions.load();
    Logging.configure(configOptions.verbose);
    if (dryRun) {
      System.out.print(LoadPlan.describe(config.warehouse(), config.load().tables()));
      return 0;
    }
    if (config.warehouse().kind() == WarehouseKind.REDSHIFT) {
      // Before Spark starts: a missing connector is a one-line error within seconds.
      RedshiftConnector.requireOnClasspath(Thread.currentThread().getContextClassLoader());
    }
    var progress = new ProgressLog(System.err);
    String runId = RunIds.next();
    Instant startedAt = Instant.now();
    try (Warehouse warehouse = Warehouses.open(config.warehouse())) {
      progress.accept("run " + runId + " into " + warehouse.description());
      try (SparkSession spark = SparkSessions.create(config)) {
        var sink =
            WarehouseSinks.create(
                config.warehouse(),
                warehouse,
                spark.sparkContext().hadoopConfiguration(),
                progress);
        RunReport result = SparkifyJob.run(runId, days, config, spark, sink, progress);
        System.out.print(ReportTable.format(result));
        if (report != null) {
          result.writeJson(report);
        }
        return 0;
      }
    } catch (QualityGateFailure e) {
      System.out.print(CheckTable.format(e.results()));
      if (report != null) {
        RunReport.failed(runId, startedAt, Errors.oneLine(e), e.results()).writeJson(report);
      }
      throw e;
    } catch (RuntimeException e) {
      if (report != null) {
        RunReport.failed(runId, startedAt, Errors.oneLine(e)).writeJson(report);
      }
      throw e;
    }
  }
}

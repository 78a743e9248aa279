package com.sparkify.warehouse.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** Entry point of {@code scripts/sparkify}. */
@Command(
    name = "sparkify",
    mixinStandardHelpOptions = true,
    version = "sparkify-warehouse 0.1.0",
    description = "Loads Sparkify's song catalogue and event logs into a star-schema warehouse.",
    subcommands = {
      RunCommand.class,
      SqlCommand.class,
      CreateTablesCommand.class,
      CheckCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SparkifyCli implements Runnable {

  @Override
  public void run() {
    // No subcommand: show what there is.
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code, without exiting. */
  public static int execute(String... args) {
    var commandLine = new CommandLine(new SparkifyCli());
    commandLine.setExecutionExceptionHandler(SparkifyCli::handle);
    return commandLine.execute(args);
  }

  private static int handle(Exception error, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    boolean verbose =
        parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
    if (verbose) {
      error.printStackTrace(err);
    }
    err.println("sparkify " + command.getCommandName() + ": " + Errors.oneLine(error));
    err.flush();
    return Errors.exitCode(error);
  }
}

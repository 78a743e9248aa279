package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.RunReport;
import com.sparkify.warehouse.load.TableLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The run report as a person reads it at the end of a run. */
final class ReportTable {

  private ReportTable() {}

  static String format(RunReport report) {
    var out = new StringBuilder();
    double seconds = Duration.between(report.startedAt(), report.finishedAt()).toMillis() / 1000.0;
    out.append(String.format("%nRun %s %s in %.1f s%n", report.runId(), report.status(), seconds));
    if (report.status().equals(RunReport.NOTHING_TO_LOAD)) {
      return out.append("every day of the input is in the run ledger (etl_runs) already\n")
          .toString();
    }
    List<String> days = report.daysLoaded();
    out.append(
            days.isEmpty()
                ? "days loaded: none dated"
                : "days loaded: "
                    + days.size()
                    + " ("
                    + days.get(0)
                    + " to "
                    + days.get(days.size() - 1)
                    + ")")
        .append("\n\n");

    var inputs = new ArrayList<List<String>>();
    inputs.add(List.of("input", "files", "records", "quarantined"));
    var songs = report.input().get("songs");
    var events = report.input().get("events");
    inputs.add(
        List.of(
            "songs",
            String.valueOf(songs.files()),
            String.valueOf(songs.records()),
            String.valueOf(report.quarantined().songs())));
    inputs.add(
        List.of(
            "events",
            String.valueOf(events.files()),
            String.valueOf(events.records()),
            String.valueOf(report.quarantined().events())));
    out.append(TextTable.render(inputs)).append('\n');

    var tables = new ArrayList<List<String>>();
    tables.add(List.of("table", "rows", "inserted", "updated"));
    for (Map.Entry<String, TableLoad> entry : report.tables().entrySet()) {
      TableLoad load = entry.getValue();
      tables.add(
          List.of(
              entry.getKey(),
              String.valueOf(load.rows()),
              String.valueOf(load.inserted()),
              String.valueOf(load.updated())));
    }
    out.append(TextTable.render(tables)).append('\n');

    var accounting = report.events();
    out.append(
        String.format(
            "events: %d read = %d plays loaded + %d not a play + %d quarantined (%s)%n",
            accounting.records(),
            accounting.playsLoaded(),
            accounting.notAPlay(),
            accounting.quarantined(),
            accounting.balanced() ? "balanced" : "NOT BALANCED"));
    var quarantined = report.quarantined();
    if (quarantined.path() != null) {
      out.append("quarantine: ").append(quarantined.path()).append('\n');
      out.append("  events: ").append(reasons(quarantined.eventsByReason())).append('\n');
      out.append("  songs:  ").append(reasons(quarantined.songsByReason())).append('\n');
    }
    long failed = report.checks().stream().filter(c -> !c.passed()).count();
    out.append("quality: ")
        .append(report.checks().size() - failed)
        .append(" of ")
        .append(report.checks().size())
        .append(" checks passed (sparkify check shows them)\n");
    out.append("timings (ms): ")
        .append(
            report.timingsMs().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")))
        .append('\n');
    return out.toString();
  }

  private static String reasons(Map<String, Long> byReason) {
    if (byReason.isEmpty()) {
      return "none";
    }
    return byReason.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}

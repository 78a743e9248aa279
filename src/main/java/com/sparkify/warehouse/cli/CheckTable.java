package com.sparkify.warehouse.cli;

import com.sparkify.warehouse.quality.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Quality check results as a table. */
final class CheckTable {

  private CheckTable() {}

  static String format(List<CheckResult> results) {
    var rows = new ArrayList<List<String>>();
    rows.add(List.of("check", "measured", "expected", "result"));
    for (CheckResult result : results) {
      rows.add(
          List.of(
              result.name(),
              format(result.measured()),
              result.expected(),
              result.passed() ? "ok" : "FAILED"));
    }
    return TextTable.render(rows);
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.4f", value);
  }
}

package com.sparkify.warehouse.quality;

import java.util.ArrayList;
import java.util.List;

/** Measures declared checks; the job refuses to publish when any fails. */
public final class QualityGate {

  /** Name of the check on the quarantined share of the input. */
  public static final String QUARANTINE_RATIO = "quarantine-ratio";

  private QualityGate() {}

  /** Measures every check whose tables are among {@code tables}. */
  public static List<CheckResult> measure(List<QualityCheck> checks, MeasuredTables tables) {
    var results = new ArrayList<CheckResult>();
    for (QualityCheck check : checks) {
      double measured = tables.measure(check.measureSql(tables::qualified));
      results.add(
          new CheckResult(check.name(), measured, check.expectation(), check.passes(measured)));
    }
    return results;
  }

  /** The quarantined share of the input records, at most {@code maxRatio}. */
  public static CheckResult quarantineRatio(long quarantined, long records, double maxRatio) {
    double ratio = records == 0 ? 0 : (double) quarantined / records;
    return new CheckResult(
        QUARANTINE_RATIO, ratio, "<= " + QualityCheck.format(maxRatio), ratio <= maxRatio);
  }

  /** The failed ones, as one line: "unique songplays.songplay_id measured 3 (expected = 0)". */
  public static String describeFailures(List<CheckResult> results) {
    return String.join(
        "; ",
        results.stream()
            .filter(r -> !r.passed())
            .map(
                r ->
                    r.name()
                        + " measured "
                        + QualityCheck.format(r.measured())
                        + " (expected "
                        + r.expected()
                        + ")")
            .toList());
  }
}

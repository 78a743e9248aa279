package com.sparkify.warehouse.quality;

import java.util.List;

/** Checks failed on the staged data, so nothing was published. */
public class QualityGateFailure extends RuntimeException {

  private final List<CheckResult> results;

  public QualityGateFailure(List<CheckResult> results) {
    super("Quality checks failed, nothing was published: " + QualityGate.describeFailures(results));
    this.results = List.copyOf(results);
  }

  public List<CheckResult> results() {
    return results;
  }
}

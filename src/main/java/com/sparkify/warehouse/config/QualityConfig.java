package com.sparkify.warehouse.config;

import com.sparkify.warehouse.quality.QualityCheck;
import java.util.List;

/**
 * The quality gate.
 *
 * @param checks {@code quality.checks}: measured on the staged tables before every publish and by
 *     {@code sparkify check} on the published ones; any failure stops the publish
 */
public record QualityConfig(List<QualityCheck> checks) {

  public QualityConfig {
    checks = List.copyOf(checks);
  }
}

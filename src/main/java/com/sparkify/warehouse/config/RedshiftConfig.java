package com.sparkify.warehouse.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the spark-redshift connector needs besides the JDBC URL and credentials.
 *
 * @param iamRole {@code warehouse.iam-role}: ARN of the role Redshift assumes to COPY from the
 *     tempdir; no access keys ever appear in SQL
 * @param tempformat {@code warehouse.tempformat}: format of the staged files: CSV GZIP (default),
 *     CSV, AVRO or PARQUET
 * @param tempdirRegion {@code warehouse.tempdir-region}: region of the tempdir bucket, when it
 *     differs from the cluster's (empty: same region)
 * @param slices {@code warehouse.slices}: the cluster's slice count; every write is repartitioned
 *     to a multiple of it so that COPY loads all slices evenly (default 2)
 */
public record RedshiftConfig(String iamRole, String tempformat, String tempdirRegion, int slices) {

  public static final List<String> TEMPFORMATS = List.of("CSV GZIP", "CSV", "AVRO", "PARQUET");

  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
  private static final Pattern REGION = Pattern.compile("([a-z]{2}(-[a-z]+)+-\\d)?");

  public RedshiftConfig {
    tempformat = tempformat == null ? "" : tempformat.trim().toUpperCase(java.util.Locale.ROOT);
    tempdirRegion = tempdirRegion == null ? "" : tempdirRegion.trim();
  }

  /** Checks what only matters when the warehouse is Redshift. */
  void validate() {
    InputConfig.requireSet("warehouse.iam-role", iamRole);
    if (!ROLE_ARN.matcher(iamRole).matches()) {
      throw ConfigError.invalid(
          "warehouse.iam-role", iamRole, "expected arn:aws:iam::<account>:role/<name>");
    }
    if (!TEMPFORMATS.contains(tempformat)) {
      throw ConfigError.invalid(
          "warehouse.tempformat", tempformat, "expected one of " + String.join(", ", TEMPFORMATS));
    }
    if (!REGION.matcher(tempdirRegion).matches()) {
      throw ConfigError.invalid(
          "warehouse.tempdir-region", tempdirRegion, "expected a region such as us-west-2");
    }
    if (slices < 1 || slices > 10_000) {
      throw ConfigError.invalid("warehouse.slices", slices, "expected 1 to 10000");
    }
  }
}

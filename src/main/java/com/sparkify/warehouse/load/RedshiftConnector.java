package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.WarehouseConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spark-redshift community connector, used by name: it is not a compile-time dependency. EMR 7
 * ships it; elsewhere {@code --packages} provides it.
 */
public final class RedshiftConnector {

  /** The data source name the connector registers. */
  public static final String DATA_SOURCE = "io.github.spark_redshift_community.spark.redshift";

  static final String CONNECTOR_CLASS = DATA_SOURCE + ".DefaultSource";
  static final String DRIVER_CLASS = "com.amazon.redshift.jdbc42.Driver";

  /** What to add when a class is missing. */
  static final String HOW_TO_ADD =
      "add --packages io.github.spark-redshift-community:spark-redshift_2.12:6.5.1-spark_3.5,"
          + "org.apache.spark:spark-avro_2.12:3.5.7,com.amazon.redshift:redshift-jdbc42:2.2.1"
          + " to spark-submit, or on EMR 7 --jars /usr/share/aws/redshift/jdbc/redshift-jdbc.jar,"
          + "/usr/share/aws/redshift/spark-redshift/lib/spark-redshift.jar,"
          + "/usr/share/aws/redshift/spark-redshift/lib/minimal-json.jar,"
          + "/usr/share/aws/redshift/spark-redshift/lib/spark-avro.jar";

  private RedshiftConnector() {}

  /**
   * Fails with one line naming what is missing, before any data is read.
   *
   * @param classLoader where Spark will look for the data source
   */
  public static void requireOnClasspath(ClassLoader classLoader) {
    var missing = new ArrayList<String>();
    for (String className : List.of(CONNECTOR_CLASS, DRIVER_CLASS)) {
      try {
        Class.forName(className, false, classLoader);
      } catch (ClassNotFoundException e) {
        missing.add(className);
      }
    }
    if (!missing.isEmpty()) {
      throw new WarehouseException(
          "warehouse.kind=redshift needs the spark-redshift connector and the Redshift JDBC"
              + " driver, missing: "
              + String.join(", ", missing)
              + "; "
              + HOW_TO_ADD);
    }
  }

  /**
   * The write options for one staging table. The password is included only when {@code withSecrets}
   * is the real load; plans and logs get the masked form.
   */
  static Map<String, String> writeOptions(
      WarehouseConfig config, String stageTable, Masking masking) {
    var options = new LinkedHashMap<String, String>();
    options.put("url", config.url());
    options.put("user", config.user());
    options.put(
        "password",
        masking == Masking.REVEAL ? config.password().value() : config.password().toString());
    options.put("dbtable", stageTable);
    options.put("tempdir", config.tempdir());
    options.put("tempformat", config.redshift().tempformat());
    if (!config.redshift().tempdirRegion().isEmpty()) {
      options.put("tempdir_region", config.redshift().tempdirRegion());
    }
    options.put("aws_iam_role", config.redshift().iamRole());
    // The stage exists already with the model's types; COPY only names the columns.
    options.put("include_column_list", "true");
    // An empty string stays empty and a missing value NULL, as in the PostgreSQL path.
    options.put("csvnullstring", "@NULL@");
    return options;
  }

  /** Whether option values that are secrets are shown. */
  enum Masking {
    MASK,
    REVEAL
  }
}

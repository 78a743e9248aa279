package com.sparkify.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.config.JobConfigLoader;
import com.sparkify.warehouse.config.WarehouseConfig;
import com.sparkify.warehouse.schema.StarSchema;
import com.sparkify.warehouse.schema.WarehouseTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Redshift DDL and publishing transaction, compared with golden files a reviewer can read in
 * src/test/resources/RedshiftSqlTest/. Regenerate them with -Dgolden.update=true after a change to
 * the table model, and review the diff.
 */
class RedshiftSqlTest {

  static final String SENTINEL = "Sentinel-Pass-42";

  static WarehouseConfig redshift(String... more) {
    var settings =
        new java.util.ArrayList<>(
            List.of(
                "input.song-data=a",
                "input.log-data=b",
                "warehouse.kind=redshift",
                "warehouse.url=jdbc:redshift://example.us-west-2.redshift.amazonaws.com:5439/dev",
                "warehouse.user=awsuser",
                "warehouse.password=" + SENTINEL,
                "warehouse.iam-role=arn:aws:iam::123456789012:role/sparkify-copy",
                "warehouse.tempdir=s3a://sparkify-tmp/stage",
                "warehouse.slices=4"));
    settings.addAll(List.of(more));
    return JobConfigLoader.load(null, settings, Map.of()).warehouse();
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path golden = Path.of("src/test/resources/RedshiftSqlTest", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void createTablesMatchesTheGoldenFile() throws IOException {
    assertGolden(
        "create-tables.sql",
        LoadPlan.ddl(redshift(), com.sparkify.warehouse.schema.StarSchema.tables()));
  }

  @Test
  void theMergeMatchesTheGoldenFile() throws IOException {
    WarehouseSql sql = WarehouseSql.of(redshift());
    var merge = new StringBuilder("BEGIN;\n");
    for (WarehouseTable table : StarSchema.tables()) {
      sql.updateChanged(table).ifPresent(update -> merge.append(update).append(";\n"));
      merge.append(sql.insertNew(table)).append(";\n");
      merge.append(sql.dropStage(table)).append(";\n");
    }
    merge.append("COMMIT;\n");
    assertGolden("merge.sql", merge.toString());
  }

  @Test
  void theFirstLoadIntoEmptyTablesMatchesTheGoldenFile() throws IOException {
    WarehouseSql sql = WarehouseSql.of(redshift());
    var fill = new StringBuilder("BEGIN;\n");
    for (WarehouseTable table : StarSchema.tables()) {
      fill.append(sql.isEmpty(table)).append(";\n");
      sql.fillEmpty(table).forEach(statement -> fill.append(statement).append(";\n"));
      fill.append(sql.dropStage(table)).append(";\n");
    }
    fill.append("COMMIT;\n");
    assertGolden("first-load.sql", fill.toString());
  }

  @Test
  void postgresDdlHasNoRedshiftClauses() {
    WarehouseConfig postgres =
        JobConfigLoader.load(
                null,
                List.of(
                    "input.song-data=a",
                    "input.log-data=b",
                    "warehouse.kind=postgres",
                    "warehouse.url=jdbc:postgresql://localhost/x"),
                Map.of())
            .warehouse();
    assertThat(LoadPlan.ddl(postgres, com.sparkify.warehouse.schema.StarSchema.tables()))
        .doesNotContain("DISTSTYLE", "DISTKEY", "SORTKEY", "VARCHAR(")
        .contains("CREATE TABLE IF NOT EXISTS \"public\".\"songplays\"");
  }

  @Test
  void connectorOptionsNameEverySettingAndMaskThePassword() {
    Map<String, String> masked =
        RedshiftConnector.writeOptions(
            redshift("warehouse.tempdir-region=us-east-1", "warehouse.tempformat=AVRO"),
            "public.songs_stage",
            RedshiftConnector.Masking.MASK);
    assertThat(masked)
        .containsEntry("url", "jdbc:redshift://example.us-west-2.redshift.amazonaws.com:5439/dev")
        .containsEntry("user", "awsuser")
        .containsEntry("password", "****")
        .containsEntry("dbtable", "public.songs_stage")
        .containsEntry("tempdir", "s3a://sparkify-tmp/stage")
        .containsEntry("tempformat", "AVRO")
        .containsEntry("tempdir_region", "us-east-1")
        .containsEntry("aws_iam_role", "arn:aws:iam::123456789012:role/sparkify-copy")
        .containsEntry("include_column_list", "true");
    assertThat(
            RedshiftConnector.writeOptions(
                redshift(), "public.songs_stage", RedshiftConnector.Masking.REVEAL))
        .containsEntry("password", SENTINEL)
        .doesNotContainKey("tempdir_region");
  }

  @Test
  void theLoadPlanNamesTheSourceTempdirRoleAndMergeButNotThePassword() {
    String plan = LoadPlan.describe(redshift(), com.sparkify.warehouse.schema.StarSchema.tables());
    assertThat(plan)
        .contains(RedshiftConnector.DATA_SOURCE)
        .contains("s3a://sparkify-tmp/stage/<run-id>/songplays")
        .contains("arn:aws:iam::123456789012:role/sparkify-copy")
        .contains("INSERT INTO \"public\".\"songplays\"")
        .contains(
            "-- songplays, when empty: SELECT NOT EXISTS (SELECT 1 FROM \"public\".\"songplays\")")
        .contains("COMMIT;")
        .doesNotContain(SENTINEL);
  }

  @Test
  void everyWriteIsAMultipleOfTheSlices() {
    assertThat(RedshiftSink.partitions(10, 4)).isEqualTo(4);
    assertThat(RedshiftSink.partitions(4_000_000, 4)).isEqualTo(4);
    assertThat(RedshiftSink.partitions(4_000_001, 4)).isEqualTo(8);
    assertThat(RedshiftSink.partitions(0, 2)).isEqualTo(2);
  }

  @Test
  void aMissingConnectorIsNamedWithTheCoordinatesToAdd() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RedshiftConnector.requireOnClasspath(getClass().getClassLoader()))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining(RedshiftConnector.CONNECTOR_CLASS)
        .hasMessageContaining("--packages io.github.spark-redshift-community:spark-redshift_2.12")
        .hasMessageContaining("/usr/share/aws/redshift/");
  }
}

package com.sparkify.warehouse.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.TestSpark;
import com.sparkify.warehouse.schema.StarSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TimeTableTest {

  private static final StructType START_TIMES =
      DataTypes.createStructType(
          List.of(DataTypes.createStructField("start_time", DataTypes.TimestampType, false)));

  private static List<Row> build(String... instants) {
    Object[][] rows = new Object[instants.length][];
    for (int i = 0; i < instants.length; i++) {
      rows[i] = new Object[] {Timestamp.from(Instant.parse(instants[i]))};
    }
    return TimeTable.build(TestSpark.rows(START_TIMES, rows)).orderBy("start_time").collectAsList();
  }

  @Test
  void fieldsAreReadInUtcWhateverTheMachinesZone() {
    // The test JVM runs in America/Los_Angeles (see pom.xml), eight hours behind UTC.
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Los_Angeles");
    Row row = build("2018-11-04T23:30:00.500Z").get(0);
    assertThat((Integer) row.getAs("hour")).isEqualTo(23);
    assertThat((Integer) row.getAs("day")).isEqualTo(4);
    assertThat((Integer) row.getAs("month")).isEqualTo(11);
    assertThat((Integer) row.getAs("year")).isEqualTo(2018);
  }

  @Test
  void weekdayCountsFromSundayAsZero() {
    List<Row> rows = build("2018-11-04T12:00:00Z", "2018-11-10T12:00:00Z");
    assertThat(rows).extracting(r -> (Integer) r.getAs("weekday")).containsExactly(0, 6);
  }

  @Test
  void weekIsTheIsoWeek() {
    // 2018-12-31 is a Monday in ISO week 1 of 2019; 2021-01-03 a Sunday in week 53 of 2020.
    List<Row> rows = build("2018-12-31T00:00:00Z", "2021-01-03T00:00:00Z");
    assertThat(rows).extracting(r -> (Integer) r.getAs("week")).containsExactly(1, 53);
    assertThat(rows).extracting(r -> (Integer) r.getAs("year")).containsExactly(2018, 2021);
  }

  @Test
  void oneRowPerDistinctStartTime() {
    List<Row> rows = build("2018-11-04T12:00:00Z", "2018-11-04T12:00:00Z");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).schema().fieldNames())
        .containsExactlyElementsOf(StarSchema.TIME.columnNames());
  }
}

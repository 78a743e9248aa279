package com.sparkify.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.TestSpark;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SongRecordsTest {

  private static final String SONG =
      "{\"num_songs\": 1, \"artist_id\": \"ARJIE2Y1187B994AB7\", \"artist_latitude\": null,"
          + " \"artist_longitude\": null, \"artist_location\": \"\", \"artist_name\": \"Line"
          + " Renaud\", \"song_id\": \"SOUPIRU12A6D4FA1E1\", \"title\": \"Der Kleine Dompfaff\","
          + " \"duration\": 152.92036, \"year\": 0}";

  private static Row validateOne(String raw) {
    return SongRecords.validate(
            TestSpark.rows(RawRecords.SCHEMA, new Object[] {"TRA.json", 1L, raw, null}))
        .collectAsList()
        .get(0);
  }

  @Test
  void aValidSongKeepsEmptyLocationAndYearZero() {
    Row row = validateOne(SONG);
    assertThat((String) row.getAs(JsonRecords.REASON)).isNull();
    assertThat((String) row.getAs("artist_location")).isEmpty();
    assertThat((Integer) row.getAs("year")).isZero();
    assertThat((Double) row.getAs("duration")).isEqualTo(152.92036);
    assertThat((Double) row.getAs("artist_latitude")).isNull();
  }

  @Test
  void aSongNeedsSongIdTitleAndArtistId() {
    assertThat(
            (String)
                validateOne(SONG.replace("\"SOUPIRU12A6D4FA1E1\"", "null"))
                    .getAs(JsonRecords.REASON))
        .isEqualTo("missing_field:song_id");
    assertThat(
            (String)
                validateOne(SONG.replace("\"Der Kleine Dompfaff\"", "\"\""))
                    .getAs(JsonRecords.REASON))
        .isEqualTo("missing_field:title");
    assertThat(
            (String)
                validateOne(SONG.replace("\"artist_id\": \"ARJIE2Y1187B994AB7\", ", ""))
                    .getAs(JsonRecords.REASON))
        .isEqualTo("missing_field:artist_id");
  }

  @Test
  void aDurationThatIsTextIsABadType() {
    assertThat(
            (String) validateOne(SONG.replace("152.92036", "\"long\"")).getAs(JsonRecords.REASON))
        .isEqualTo("bad_type:duration");
  }
}

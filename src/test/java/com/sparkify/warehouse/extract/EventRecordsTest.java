package com.sparkify.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.TestSpark;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

  private static final String PLAY =
      "{\"artist\":\"Des'ree\",\"auth\":\"Logged In\",\"firstName\":\"Kaylee\",\"gender\":\"F\","
          + "\"itemInSession\":1,\"lastName\":\"Summers\",\"length\":246.30812,\"level\":\"free\","
          + "\"location\":\"Phoenix-Mesa-Scottsdale, AZ\",\"method\":\"PUT\",\"page\":\"NextSong\","
          + "\"registration\":1540344794796.0,\"sessionId\":139,\"song\":\"You Gotta Be\","
          + "\"status\":200,\"ts\":1541106106796,\"userAgent\":\"Mozilla\",\"userId\":\"8\"}";

  private static Row validateOne(String raw) {
    return validate(raw, null).get(0);
  }

  private static List<Row> validate(String raw, String readError) {
    var rows = TestSpark.rows(RawRecords.SCHEMA, new Object[] {"day.json", 1L, raw, readError});
    return EventRecords.validate(rows).collectAsList();
  }

  private static String reason(Row row) {
    return row.getAs(JsonRecords.REASON);
  }

  @Test
  void aValidPlayIsTypedAndKept() {
    Row row = validateOne(PLAY);
    assertThat(reason(row)).isNull();
    assertThat((Long) row.getAs("ts")).isEqualTo(1541106106796L);
    assertThat((Integer) row.getAs("sessionId")).isEqualTo(139);
    assertThat((Integer) row.getAs("userId")).isEqualTo(8);
    assertThat((Double) row.getAs("length")).isEqualTo(246.30812);
    assertThat((Double) row.getAs("registration")).isEqualTo(1540344794796.0);
    assertThat((String) row.getAs("artist")).isEqualTo("Des'ree");
  }

  @Test
  void aLoggedOutEventWithAnEmptyUserIdIsValidWithoutUser() {
    String home =
        "{\"artist\":null,\"auth\":\"Logged Out\",\"firstName\":null,\"gender\":null,"
            + "\"itemInSession\":0,\"lastName\":null,\"length\":null,\"level\":\"free\","
            + "\"location\":null,\"method\":\"GET\",\"page\":\"Home\",\"registration\":null,"
            + "\"sessionId\":52,\"song\":null,\"status\":200,\"ts\":1541207073796,"
            + "\"userAgent\":null,\"userId\":\"\"}";
    Row row = validateOne(home);
    assertThat(reason(row)).isNull();
    assertThat((Integer) row.getAs("userId")).isNull();
    assertThat((String) row.getAs("level")).isEqualTo("free");
  }

  @Test
  void aTruncatedLineIsMalformedJson() {
    assertThat(reason(validateOne(PLAY.substring(0, 80)))).isEqualTo("malformed_json");
  }

  @Test
  void textThatIsNotJsonIsMalformedJson() {
    assertThat(reason(validateOne("<html>oops</html>"))).isEqualTo("malformed_json");
    assertThat(reason(validateOne("[1, 2, 3]"))).isEqualTo("malformed_json");
  }

  @Test
  void textAfterTheObjectIsMalformedJson() {
    assertThat(reason(validateOne(PLAY + " " + PLAY))).isEqualTo("malformed_json");
    assertThat(reason(validateOne(PLAY + "}"))).isEqualTo("malformed_json");
    assertThat(reason(validateOne(PLAY + "," + PLAY))).isEqualTo("malformed_json");
  }

  @Test
  void singleQuotedJsonIsMalformed() {
    assertThat(reason(validateOne(PLAY.replace("\"page\"", "'page'")))).isEqualTo("malformed_json");
  }

  @Test
  void aLongButValidNumberKeepsItsValue() {
    Row row = validateOne(PLAY.replace("246.30812", "246.308120000000000000000001"));
    assertThat(reason(row)).isNull();
    assertThat((Double) row.getAs("length")).isEqualTo(246.30812);
  }

  @Test
  void aTimestampThatIsTextIsABadType() {
    assertThat(reason(validateOne(PLAY.replace("1541106106796", "\"yesterday\""))))
        .isEqualTo("bad_type:ts");
  }

  @Test
  void aSessionIdThatIsNotANumberIsABadType() {
    assertThat(reason(validateOne(PLAY.replace("\"sessionId\":139", "\"sessionId\":\"abc\""))))
        .isEqualTo("bad_type:sessionId");
  }

  @Test
  void aNumberBeyondItsTypeIsOutOfRange() {
    assertThat(
            reason(
                validateOne(
                    PLAY.replace("\"itemInSession\":1", "\"itemInSession\":99999999999999"))))
        .isEqualTo("out_of_range:itemInSession");
  }

  @Test
  void aTimestampBefore1970OrAfter2100IsOutOfRange() {
    assertThat(reason(validateOne(PLAY.replace("1541106106796", "-1000"))))
        .isEqualTo("out_of_range:ts");
    assertThat(reason(validateOne(PLAY.replace("1541106106796", "32503680000000"))))
        .isEqualTo("out_of_range:ts");
  }

  @Test
  void everyEventNeedsTsPageSessionIdAndItemInSession() {
    assertThat(reason(validateOne(PLAY.replace("\"ts\":1541106106796,", ""))))
        .isEqualTo("missing_field:ts");
    assertThat(reason(validateOne(PLAY.replace("\"page\":\"NextSong\",", ""))))
        .isEqualTo("missing_field:page");
    assertThat(reason(validateOne(PLAY.replace("\"sessionId\":139,", ""))))
        .isEqualTo("missing_field:sessionId");
    assertThat(reason(validateOne(PLAY.replace("\"itemInSession\":1,", ""))))
        .isEqualTo("missing_field:itemInSession");
  }

  @Test
  void aPlayNeedsAUserIdASongAndAnArtist() {
    assertThat(reason(validateOne(PLAY.replace("\"userId\":\"8\"", "\"userId\":\"\""))))
        .isEqualTo("missing_field:userId");
    assertThat(reason(validateOne(PLAY.replace("\"song\":\"You Gotta Be\"", "\"song\":null"))))
        .isEqualTo("missing_field:song");
    assertThat(reason(validateOne(PLAY.replace("\"artist\":\"Des'ree\"", "\"artist\":null"))))
        .isEqualTo("missing_field:artist");
  }

  @Test
  void aUserIdThatIsNotANumberIsABadType() {
    assertThat(reason(validateOne(PLAY.replace("\"userId\":\"8\"", "\"userId\":\"eight\""))))
        .isEqualTo("bad_type:userId");
  }

  @Test
  void aNulCharacterInTextIsAControlCharacter() {
    assertThat(reason(validateOne(PLAY.replace("Des'ree", "Des\\u0000ree"))))
        .isEqualTo("control_character:artist");
  }

  @Test
  void aReadErrorIsTheReason() {
    assertThat(reason(validate(PLAY.replace("Des'ree", "Des\uFFFDree"), "invalid_utf8").get(0)))
        .isEqualTo("invalid_utf8");
  }

  @Test
  void theSecondCopyOfAnEventIsADuplicate() {
    var rows =
        TestSpark.rows(
            RawRecords.SCHEMA,
            new Object[] {"a.json", 1L, PLAY, null},
            new Object[] {"a.json", 2L, PLAY, null},
            new Object[] {"b.json", 7L, PLAY.replace("Mozilla", "Mozilla/5.0"), null});
    var reasons =
        EventRecords.validate(rows).collectAsList().stream().map(EventRecordsTest::reason).toList();
    assertThat(reasons).containsExactlyInAnyOrder(null, "duplicate", "duplicate");
  }
}

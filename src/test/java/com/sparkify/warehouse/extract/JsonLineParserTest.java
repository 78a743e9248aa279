package com.sparkify.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.schema.InputSchemas;
import org.junit.jupiter.api.Test;

class JsonLineParserTest {

  private final JsonLineParser parser = new JsonLineParser(InputSchemas.SONG_FIELDS);

  private static final String SONG =
      "{\"num_songs\": 1, \"artist_id\": \"ARD7TVE1187B99BFB1\", \"artist_latitude\": null,"
          + " \"artist_longitude\": null, \"artist_location\": \"California - LA\","
          + " \"artist_name\": \"Casual\", \"song_id\": \"SOMZWCG12A8C13C480\","
          + " \"title\": \"I Didn't Mean To\", \"duration\": 218.93179, \"year\": 0}";

  private JsonLineParser.Parsed parse(String line) {
    return parser.parse(line);
  }

  private Object value(String line, String field) {
    int index = InputSchemas.SONG_FIELDS.stream().map(f -> f.name()).toList().indexOf(field);
    return parse(line).values()[index];
  }

  @Test
  void aGoodRecordIsTypedWithoutReason() {
    var parsed = parse(SONG);
    assertThat(parsed.reason()).isNull();
    assertThat(value(SONG, "num_songs")).isEqualTo(1);
    assertThat(value(SONG, "duration")).isEqualTo(218.93179);
    assertThat(value(SONG, "year")).isEqualTo(0);
    assertThat(value(SONG, "artist_latitude")).isNull();
    assertThat(value(SONG, "title")).isEqualTo("I Didn't Mean To");
  }

  @Test
  void spacesAroundTheObjectAndAroundNumbersInTextAreAllowed() {
    String line = "  " + SONG.replace("\"year\": 0", "\"year\": \" 2004 \"") + "  ";
    assertThat(parse(line).reason()).isNull();
    assertThat(value(line, "year")).isEqualTo(2004);
  }

  @Test
  void aLineThatIsNotExactlyOneObjectIsMalformed() {
    assertThat(parse("\t" + SONG).reason()).isEqualTo("malformed_json");
    assertThat(parse(SONG + SONG).reason()).isEqualTo("malformed_json");
    assertThat(parse("{\"song_id\": \"S\"} x }").reason()).isEqualTo("malformed_json");
    assertThat(parse("{} {}").reason()).isEqualTo("malformed_json");
    assertThat(parse("null").reason()).isEqualTo("malformed_json");
    assertThat(parse("{\"title\": NaN}").reason()).isEqualTo("malformed_json");
    assertThat(parse("{\"title\": \"a\tb\"}").reason()).isEqualTo("malformed_json");
  }

  @Test
  void unknownKeysAreSkippedAndTheLastOfRepeatedKeysWins() {
    String line = SONG.replace("\"num_songs\": 1,", "\"extra\": {\"a\": [1, 2]}, \"year\": 1999,");
    assertThat(parse(line).reason()).isNull();
    assertThat(value(line, "year")).isEqualTo(0);
  }

  @Test
  void aNestedValueInATextFieldIsKeptAsItsJson() {
    String line = SONG.replace("\"Casual\"", "{\"name\": \"Casual\"}");
    assertThat(value(line, "artist_name")).isEqualTo("{\"name\":\"Casual\"}");
    assertThat(parse(SONG.replace("\"year\": 0", "\"year\": [0]")).reason())
        .isEqualTo("bad_type:year");
  }

  @Test
  void missingFieldsAreReportedBeforeBadTypes() {
    String line =
        SONG.replace("\"year\": 0", "\"year\": true").replace("\"SOMZWCG12A8C13C480\"", "\" \"");
    assertThat(parse(line).reason()).isEqualTo("missing_field:song_id");
    assertThat(parse(SONG.replace("\"year\": 0", "\"year\": true")).reason())
        .isEqualTo("bad_type:year");
  }

  @Test
  void numbersBeyondTheirTypeAreOutOfRange() {
    assertThat(parse(SONG.replace("\"year\": 0", "\"year\": 2147483648")).reason())
        .isEqualTo("out_of_range:year");
    assertThat(parse(SONG.replace("\"year\": 0", "\"year\": -2147483648")).reason()).isNull();
    assertThat(parse(SONG.replace("218.93179", "1e999")).reason())
        .isEqualTo("out_of_range:duration");
    assertThat(parse(SONG.replace("\"year\": 0", "\"year\": 12345678901234567890123")).reason())
        .isEqualTo("out_of_range:year");
  }

  @Test
  void numbersMustBePlainDecimals() {
    assertThat(parse(SONG.replace("218.93179", "\"218.\"")).reason())
        .isEqualTo("bad_type:duration");
    assertThat(parse(SONG.replace("218.93179", "\"0x1F\"")).reason())
        .isEqualTo("bad_type:duration");
    assertThat(parse(SONG.replace("218.93179", "\"-2.5E+3\"")).reason()).isNull();
    assertThat(value(SONG.replace("218.93179", "\"-2.5E+3\""), "duration")).isEqualTo(-2500.0);
    assertThat(parse(SONG.replace("\"year\": 0", "\"year\": 1.0")).reason())
        .isEqualTo("bad_type:year");
  }

  @Test
  void aNulInTextIsAControlCharacter() {
    assertThat(parse(SONG.replace("Casual", "Cas\\u0000ual")).reason())
        .isEqualTo("control_character:artist_name");
  }
}

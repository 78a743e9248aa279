package com.sparkify.warehouse.transform;

import static com.sparkify.warehouse.transform.TransformFixtures.song;
import static com.sparkify.warehouse.transform.TransformFixtures.songs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SongsAndArtistsTest {

  @Test
  void disagreeingRecordsOfASongIdAreSettledByTitleThenYearThenDuration() {
    var catalogue =
        songs(
            song("AR1", "", "A", "SO1", "Zebra", 10.0, 2000),
            song("AR1", "", "A", "SO1", "Apple", 12.0, 2001),
            song("AR1", "", "A", "SO1", "Apple", 11.0, 2001),
            song("AR1", "", "A", "SO1", "Apple", 99.0, 1999));
    List<Row> rows = Songs.build(Songs.chooseRecords(catalogue)).collectAsList();
    assertThat(rows).hasSize(1);
    assertThat((String) rows.get(0).getAs("title")).isEqualTo("Apple");
    assertThat((Integer) rows.get(0).getAs("year")).isEqualTo(1999);
    assertThat((Double) rows.get(0).getAs("duration")).isEqualTo(99.0);
  }

  @Test
  void yearZeroStaysZero() {
    List<Row> rows =
        Songs.build(Songs.chooseRecords(songs(song("AR1", "", "A", "SO1", "T", 1.0, 0))))
            .collectAsList();
    assertThat((Integer) rows.get(0).getAs("year")).isZero();
  }

  @Test
  void anArtistTakesItsValuesFromTheSongWithTheSmallestSongId() {
    var catalogue =
        songs(
            song("AR1", "London", "The Beatles", "SO5", "T", 1.0, 0),
            song("AR1", "Liverpool", "Beatles, The", "SO2", "T", 1.0, 0),
            song("AR1", "Hamburg", "Die Beatles", "SO7", "T", 1.0, 0));
    List<Row> rows = Artists.build(catalogue).collectAsList();
    assertThat(rows).hasSize(1);
    assertThat((String) rows.get(0).getAs("name")).isEqualTo("Beatles, The");
    assertThat((String) rows.get(0).getAs("location")).isEqualTo("Liverpool");
  }

  @Test
  void anEmptyLocationStaysEmpty() {
    List<Row> rows = Artists.build(songs(song("AR1", "", "A", "SO1", "T", 1.0, 0))).collectAsList();
    assertThat((String) rows.get(0).getAs("location")).isEqualTo("");
  }
}

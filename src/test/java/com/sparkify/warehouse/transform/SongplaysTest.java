package com.sparkify.warehouse.transform;

import static com.sparkify.warehouse.transform.TransformFixtures.event;
import static com.sparkify.warehouse.transform.TransformFixtures.events;
import static com.sparkify.warehouse.transform.TransformFixtures.play;
import static com.sparkify.warehouse.transform.TransformFixtures.song;
import static com.sparkify.warehouse.transform.TransformFixtures.songs;
import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.schema.StarSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SongplaysTest {

  private static List<Row> build(Dataset<Row> events, Dataset<Row> catalogue) {
    return Songplays.build(events, Songplays.matchKeys(Songs.chooseRecords(catalogue)))
        .orderBy("songplay_id")
        .collectAsList();
  }

  @Test
  void aPlayTakesSongAndArtistFromTheExactlyMatchingSong() {
    var catalogue = songs(song("AR1", "", "Muse", "SO1", "Uprising", 304.2, 2009));
    var rows = build(events(play(8, 1, 0, 1000L, "Muse", "Uprising", 304.2)), catalogue);
    assertThat(rows).hasSize(1);
    assertThat((String) rows.get(0).getAs("song_id")).isEqualTo("SO1");
    assertThat((String) rows.get(0).getAs("artist_id")).isEqualTo("AR1");
  }

  @Test
  void aPlayWithoutAnExactMatchKeepsNullSongAndArtist() {
    var catalogue = songs(song("AR1", "", "Muse", "SO1", "Uprising", 304.2, 2009));
    var rows =
        build(
            events(
                play(8, 1, 0, 1000L, "Muse", "Uprising", 304.20001),
                play(8, 1, 1, 2000L, "muse", "Uprising", 304.2),
                play(8, 1, 2, 3000L, "Muse", "uprising", 304.2)),
            catalogue);
    assertThat(rows).hasSize(3).allSatisfy(r -> assertThat((String) r.getAs("song_id")).isNull());
    assertThat(rows).allSatisfy(r -> assertThat((String) r.getAs("artist_id")).isNull());
  }

  @Test
  void theSmallestSongIdWinsAndAPlayNeverFansOut() {
    var catalogue =
        songs(
            song("AR2", "", "Muse", "SO9", "Uprising", 304.2, 2009),
            song("AR1", "", "Muse", "SO3", "Uprising", 304.2, 2009),
            song("AR3", "", "Muse", "SO5", "Uprising", 304.2, 2009));
    var rows = build(events(play(8, 1, 0, 1000L, "Muse", "Uprising", 304.2)), catalogue);
    assertThat(rows).hasSize(1);
    assertThat((String) rows.get(0).getAs("song_id")).isEqualTo("SO3");
    assertThat((String) rows.get(0).getAs("artist_id")).isEqualTo("AR1");
  }

  @Test
  void onlyNextSongEventsArePlays() {
    var catalogue = songs(song("AR1", "", "Muse", "SO1", "Uprising", 304.2, 2009));
    var rows =
        build(
            events(
                play(8, 1, 0, 1000L, "Muse", "Uprising", 304.2),
                event("Home", 8, "A", "free", 1, 1, 2000L, null, null, null)),
            catalogue);
    assertThat(rows).hasSize(1);
  }

  @Test
  void theIdIsTheEventIdentityAndStartTimeKeepsMillisecondsInUtc() {
    var catalogue = songs(song("AR1", "", "Muse", "SO1", "Uprising", 304.2, 2009));
    var rows = build(events(play(8, 139, 4, 1541106106796L, "A", "B", 1.0)), catalogue);
    Row row = rows.get(0);
    assertThat((String) row.getAs("songplay_id")).isEqualTo("139-4-1541106106796");
    assertThat(((Timestamp) row.getAs("start_time")).toInstant())
        .isEqualTo(Instant.parse("2018-11-01T21:01:46.796Z"));
    assertThat((Integer) row.getAs("session_id")).isEqualTo(139);
    assertThat((Integer) row.getAs("user_id")).isEqualTo(8);
  }

  @Test
  void levelLocationAndUserAgentAreTheEventsOwn() {
    var catalogue = songs(song("AR1", "", "Muse", "SO1", "Uprising", 304.2, 2009));
    Object[] paid = event("NextSong", 8, "A", "paid", 1, 0, 1000L, "A", "B", 1.0);
    Row row = build(events(paid), catalogue).get(0);
    assertThat((String) row.getAs("level")).isEqualTo("paid");
    assertThat((String) row.getAs("location")).isEqualTo("Town, ST");
    assertThat((String) row.getAs("user_agent")).isEqualTo("Agent");
  }

  @Test
  void theOutputHasTheTableModelsSchema() {
    var catalogue = songs(song("AR1", "", "Muse", "SO1", "Uprising", 304.2, 2009));
    var table =
        Songplays.build(
            events(play(8, 1, 0, 1000L, "A", "B", 1.0)),
            Songplays.matchKeys(Songs.chooseRecords(catalogue)));
    assertThat(table.schema().fieldNames())
        .containsExactlyElementsOf(StarSchema.SONGPLAYS.columnNames());
  }
}

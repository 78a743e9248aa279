package com.sparkify.warehouse.generate;

/** Writes a catalogue record with the song files' field order. */
final class SongJson {

  private SongJson() {}

  /** Writes the fields of {@code song} into an object the caller has begun. */
  static void writeFields(JsonObjectWriter writer, CatalogueSong song) {
    writer
        .integer("num_songs", 1)
        .string("artist_id", song.artistId())
        .decimal("artist_latitude", song.latitude())
        .decimal("artist_longitude", song.longitude())
        .string("artist_location", song.artistLocation())
        .string("artist_name", song.artistName())
        .string("song_id", song.songId())
        .string("title", song.title())
        .decimal("duration", song.duration())
        .integer("year", song.year());
  }

  static String line(JsonObjectWriter writer, CatalogueSong song, boolean asciiOnly) {
    if (asciiOnly) {
      writer.beginAsciiOnly();
    } else {
      writer.begin();
    }
    writeFields(writer, song);
    return writer.end();
  }
}

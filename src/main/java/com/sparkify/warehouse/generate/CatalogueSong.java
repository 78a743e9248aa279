package com.sparkify.warehouse.generate;

/**
 * One record of the song catalogue, in song-file field order. Coordinates and duration are held in
 * hundred-thousandths so the log can repeat a duration exactly; null coordinates are unknown.
 */
record CatalogueSong(
    String artistId,
    Long latitude,
    Long longitude,
    String artistLocation,
    String artistName,
    String songId,
    String title,
    long duration,
    int year) {

  CatalogueSong withSongId(String newSongId) {
    return new CatalogueSong(
        artistId,
        latitude,
        longitude,
        artistLocation,
        artistName,
        newSongId,
        title,
        duration,
        year);
  }

  CatalogueSong withTitle(String newTitle) {
    return new CatalogueSong(
        artistId,
        latitude,
        longitude,
        artistLocation,
        artistName,
        songId,
        newTitle,
        duration,
        year);
  }

  CatalogueSong withYear(int newYear) {
    return new CatalogueSong(
        artistId,
        latitude,
        longitude,
        artistLocation,
        artistName,
        songId,
        title,
        duration,
        newYear);
  }

  boolean hasNonAsciiText() {
    return isNonAscii(artistName) || isNonAscii(title);
  }

  static boolean isNonAscii(String text) {
    for (int index = 0; index < text.length(); index++) {
      if (text.charAt(index) > 0x7f) {
        return true;
      }
    }
    return false;
  }
}

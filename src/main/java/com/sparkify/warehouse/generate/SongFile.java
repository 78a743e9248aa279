package com.sparkify.warehouse.generate;

import java.util.List;

/**
 * One file of {@code song_data}: usually one record, a few hold two, one is empty, and a bad one
 * holds a broken version of its record instead.
 *
 * @param trackId file name without {@code .json}; characters 2 to 4 name its folders
 * @param records records written one per line; empty for the deliberately empty file
 * @param asciiOnly whether non-ASCII characters are written as backslash-u escapes, as Python's
 *     {@code json.dumps} does by default
 * @param badKind how the record is broken, or null when it is written as is
 * @param badVariant which variant of {@code badKind} to write
 */
record SongFile(
    String trackId,
    List<CatalogueSong> records,
    boolean asciiOnly,
    BadRecordKind badKind,
    int badVariant) {

  String relativePath() {
    return trackId.charAt(2)
        + "/"
        + trackId.charAt(3)
        + "/"
        + trackId.charAt(4)
        + "/"
        + trackId
        + ".json";
  }
}

package com.sparkify.warehouse.generate;

import java.util.List;
import java.util.Map;

/**
 * The generated song catalogue: the files to write, and the records the log may play.
 *
 * @param files every song file, in writing order
 * @param playable well-formed records a play can repeat exactly
 * @param misencodable playable records with non-ASCII artist name or title
 * @param twins playable records sharing title, artist name and duration with another song_id
 * @param extraRecords records beyond the first in multi-record files
 * @param conflictingRecords extra records repeating a song_id with another title or year
 * @param twinPairs pairs of song_ids sharing title, artist name and duration
 * @param variantArtists artist ids written with more than one name or location
 * @param badRecords broken records per kind
 * @param emptyFiles files written with no bytes
 */
record Catalogue(
    List<SongFile> files,
    List<CatalogueSong> playable,
    List<CatalogueSong> misencodable,
    List<CatalogueSong> twins,
    int extraRecords,
    int conflictingRecords,
    int twinPairs,
    int variantArtists,
    Map<BadRecordKind, Integer> badRecords,
    int emptyFiles) {}

package com.sparkify.warehouse.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the generator wrote, for the command's summary and for tests.
 *
 * @param songFiles song files holding records (bad ones included, the empty one not)
 * @param songRecords well-formed song records written, extra records included
 * @param extraSongRecords records beyond the first in multi-record files
 * @param conflictingSongRecords extra records repeating a song_id with another title or year
 * @param twinSongPairs pairs of song_ids with identical title, artist name and duration
 * @param variantArtists artist ids written with several names and locations
 * @param badSongRecords song files holding a broken record, per kind
 * @param emptySongFiles song files with no bytes
 * @param logFiles daily log files with lines
 * @param eventLines lines across the log files: events, repeated lines and bad lines
 * @param events distinct well-formed events
 * @param plays NextSong events among {@code events}
 * @param exactMatchPlays plays whose song, artist and length equal a catalogue record
 * @param nearMissPlays plays off by case, 0.00001 s or 1 s from a catalogue record
 * @param misencodedPlays plays of a non-ASCII catalogue song with its name mis-encoded
 * @param duplicateLines lines repeating the line before them verbatim
 * @param badEventLines broken log lines, per kind
 * @param emptyLogFiles log files with no bytes
 * @param users listeners with a user id
 * @param sessions sessions, those of logged-out visitors and guests included
 * @param sameTimestampPairs times a user's session starts at the ts its previous one ended
 * @param levelChanges Submit Upgrade and Submit Downgrade events
 * @param cancellations accounts cancelled
 */
public record GenerationReport(
    int songFiles,
    int songRecords,
    int extraSongRecords,
    int conflictingSongRecords,
    int twinSongPairs,
    int variantArtists,
    Map<BadRecordKind, Integer> badSongRecords,
    int emptySongFiles,
    int logFiles,
    int eventLines,
    int events,
    int plays,
    int exactMatchPlays,
    int nearMissPlays,
    int misencodedPlays,
    int duplicateLines,
    Map<BadRecordKind, Integer> badEventLines,
    int emptyLogFiles,
    int users,
    int sessions,
    int sameTimestampPairs,
    int levelChanges,
    int cancellations) {

  public GenerationReport {
    badSongRecords = Collections.unmodifiableMap(copy(badSongRecords));
    badEventLines = Collections.unmodifiableMap(copy(badEventLines));
  }

  /** Broken song records across kinds. */
  public int badSongRecordCount() {
    return badSongRecords.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Broken log lines across kinds. */
  public int badEventLineCount() {
    return badEventLines.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static Map<BadRecordKind, Integer> copy(Map<BadRecordKind, Integer> counts) {
    Map<BadRecordKind, Integer> copy = new EnumMap<>(BadRecordKind.class);
    copy.putAll(counts);
    return copy;
  }
}

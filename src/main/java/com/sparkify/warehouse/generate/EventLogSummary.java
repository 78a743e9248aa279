package com.sparkify.warehouse.generate;

import java.util.Map;

/** What {@link EventLog} wrote; see {@link GenerationReport} for the meaning of each count. */
record EventLogSummary(
    int logFiles,
    int lines,
    int events,
    int plays,
    int exactMatchPlays,
    int nearMissPlays,
    int misencodedPlays,
    int duplicateLines,
    Map<BadRecordKind, Integer> badLines,
    int emptyFiles,
    int users,
    int sessions,
    int sameTimestampPairs,
    int levelChanges,
    int cancellations) {}

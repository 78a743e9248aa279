package com.sparkify.warehouse.load;

import java.util.Map;

/**
 * What a sink did.
 *
 * @param tables per table name, in merge order
 * @param timingsMillis per stage of the load (stage_files, copy, merge)
 */
public record LoadResult(Map<String, TableLoad> tables, Map<String, Long> timingsMillis) {}

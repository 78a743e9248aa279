package com.sparkify.warehouse.config;

/**
 * Options of the load itself.
 *
 * @param stagingTables {@code load.staging-tables}: also load staging_events and staging_songs,
 *     the valid input records one to one, as the original scripts did (default false)
 */
public record LoadConfig(boolean stagingTables) {}

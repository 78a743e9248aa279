package com.sparkify.warehouse.generate;

/**
 * What a NextSong event says was played. {@code length} is in hundred-thousandths of a second, like
 * catalogue durations, so an exact match prints the same digits.
 */
record PlayedSong(String artist, String title, long length) {}

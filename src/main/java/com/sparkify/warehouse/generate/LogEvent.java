package com.sparkify.warehouse.generate;

/** One event of the log before it is written as a line. */
final class LogEvent {

  final Session session;
  final int itemInSession;
  final Page page;
  final Auth auth;
  final String level;

  /** Null unless {@code page} is NextSong. */
  final PlayedSong song;

  /** Offset from the session start until placed, then epoch milliseconds. */
  long ts;

  LogEvent(
      Session session, int itemInSession, Page page, Auth auth, String level, PlayedSong song) {
    this.session = session;
    this.itemInSession = itemInSession;
    this.page = page;
    this.auth = auth;
    this.level = level;
    this.song = song;
  }
}

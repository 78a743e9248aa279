package com.sparkify.warehouse.generate;

/** Writes an event with eventsim's field order. */
final class EventJson {

  private EventJson() {}

  /** Writes the fields of {@code event} into an object the caller has begun. */
  static void writeFields(JsonObjectWriter writer, LogEvent event) {
    User user = event.auth.identifiesUser() ? event.session.user : null;
    PlayedSong song = event.song;
    writer
        .string("artist", song == null ? null : song.artist())
        .string("auth", event.auth.text)
        .string("firstName", user == null ? null : user.firstName)
        .string("gender", user == null ? null : user.gender)
        .integer("itemInSession", event.itemInSession)
        .string("lastName", user == null ? null : user.lastName)
        .decimal("length", song == null ? null : song.length())
        .string("level", event.level)
        .string("location", user == null ? null : user.location)
        .string("method", event.page.method)
        .string("page", event.page.text)
        .raw("registration", user == null ? "null" : user.registration)
        .integer("sessionId", event.session.id)
        .string("song", song == null ? null : song.title())
        .integer("status", event.page.status)
        .integer("ts", event.ts)
        .string("userAgent", user == null ? null : user.userAgent)
        .string("userId", user == null ? "" : user.id);
  }

  static String line(JsonObjectWriter writer, LogEvent event) {
    writer.begin();
    writeFields(writer, event);
    return writer.end();
  }
}

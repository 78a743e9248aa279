package com.sparkify.warehouse.generate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the deliberately broken records, as bytes because some of them are not UTF-8. Each kind
 * has a few variants; {@code variant} picks one, cycling.
 */
final class BadRecords {

  // Stands in for the invalid bytes while the record is text; never produced otherwise.
  private static final char INVALID_BYTES_MARK = '\uE000';
  private static final List<byte[]> INVALID_BYTES =
      List.of(new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xFF});
  private static final long TOO_LARGE = 99_999_999_999_999L;
  private static final long DAY_MILLIS = 86_400_000L;
  // 3000-01-01T00:00:00Z
  private static final long YEAR_3000_MILLIS = 32_503_680_000_000L;

  private static final List<String> EVENT_WRONG_TYPE_FIELDS =
      List.of("ts", "sessionId", "itemInSession");
  private static final List<String> EVENT_WRONG_TYPE_VALUES =
      List.of("\"yesterday\"", "\"abc\"", "\"first\"");
  private static final List<String> EVENT_REQUIRED_FIELDS =
      List.of("ts", "page", "sessionId", "itemInSession", "userId", "song", "artist");
  private static final List<String> SONG_WRONG_TYPE_FIELDS =
      List.of("duration", "year", "artist_latitude");
  private static final List<String> SONG_WRONG_TYPE_VALUES =
      List.of("\"3:45\"", "\"unknown\"", "\"north\"");
  private static final List<String> SONG_REQUIRED_FIELDS = List.of("song_id", "title", "artist_id");
  private static final List<String> NOT_JSON =
      List.of("<html>oops</html>", "HTTP/1.1 502 Bad Gateway", "ts,page,userId,sessionId");

  private BadRecords() {}

  /** A broken log line built from {@code event}, a NextSong nobody else refers to. */
  static byte[] eventLine(
      JsonObjectWriter writer, LogEvent event, BadRecordKind kind, int variant) {
    writer.begin();
    switch (kind) {
      case TRUNCATED_LINE -> {
        return utf8(truncated(EventJson.line(writer, event)));
      }
      case WRONG_TYPE ->
          writer.replace(
              cycle(EVENT_WRONG_TYPE_FIELDS, variant), cycle(EVENT_WRONG_TYPE_VALUES, variant));
      case MISSING_REQUIRED_FIELD -> writer.omit(cycle(EVENT_REQUIRED_FIELDS, variant));
      case INVALID_UTF8 ->
          writer.replace(
              (variant / 2) % 2 == 0 ? "song" : "artist",
              "\"Broken" + INVALID_BYTES_MARK + "Bytes\"");
      case NOT_JSON -> {
        return utf8(cycle(NOT_JSON, variant));
      }
      case NUL_CHARACTER ->
          writer.replace(variant % 2 == 0 ? "song" : "artist", "\"Nul\\u0000Character\"");
      case TIMESTAMP_OUT_OF_RANGE -> {
        long timeOfDay = Math.floorMod(event.ts, DAY_MILLIS);
        long ts = variant % 2 == 0 ? timeOfDay - DAY_MILLIS : YEAR_3000_MILLIS + timeOfDay;
        writer.replace("ts", Long.toString(ts));
      }
      case NUMBER_OUT_OF_RANGE ->
          writer.replace(
              variant % 2 == 0 ? "itemInSession" : "sessionId", Long.toString(TOO_LARGE));
      default -> throw new IllegalStateException("No event variant for " + kind);
    }
    EventJson.writeFields(writer, event);
    return withInvalidBytes(writer.end(), variant);
  }

  /** A broken song file made from {@code song}, which then appears nowhere else. */
  static byte[] songRecord(
      JsonObjectWriter writer, CatalogueSong song, BadRecordKind kind, int variant) {
    writer.begin();
    switch (kind) {
      case TRUNCATED_LINE -> {
        return utf8(truncated(SongJson.line(writer, song, false)));
      }
      case WRONG_TYPE ->
          writer.replace(
              cycle(SONG_WRONG_TYPE_FIELDS, variant), cycle(SONG_WRONG_TYPE_VALUES, variant));
      case MISSING_REQUIRED_FIELD -> writer.omit(cycle(SONG_REQUIRED_FIELDS, variant));
      case INVALID_UTF8 -> writer.replace("title", "\"Broken" + INVALID_BYTES_MARK + "Bytes\"");
      case NOT_JSON -> {
        return utf8(cycle(NOT_JSON, variant));
      }
      case NUL_CHARACTER -> writer.replace("title", "\"Nul\\u0000Character\"");
      case NUMBER_OUT_OF_RANGE ->
          writer.replace(variant % 2 == 0 ? "year" : "num_songs", Long.toString(TOO_LARGE));
      default -> throw new IllegalStateException("No song variant for " + kind);
    }
    SongJson.writeFields(writer, song);
    return withInvalidBytes(writer.end(), variant);
  }

  private static String truncated(String line) {
    int cut = line.length() / 2;
    // Never split a surrogate pair: the cut record must still be text, only not JSON.
    if (Character.isLowSurrogate(line.charAt(cut))) {
      cut--;
    }
    return line.substring(0, cut);
  }

  private static byte[] withInvalidBytes(String line, int variant) {
    int mark = line.indexOf(INVALID_BYTES_MARK);
    if (mark < 0) {
      return utf8(line);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(line.length() + 8);
    bytes.writeBytes(utf8(line.substring(0, mark)));
    bytes.writeBytes(cycle(INVALID_BYTES, variant));
    bytes.writeBytes(utf8(line.substring(mark + 1)));
    return bytes.toByteArray();
  }

  private static <T> T cycle(List<T> items, int variant) {
    return items.get(variant % items.size());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

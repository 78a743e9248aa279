package com.sparkify.warehouse.schema;

import static com.sparkify.warehouse.schema.InputField.optional;
import static com.sparkify.warehouse.schema.InputField.required;

import com.sparkify.warehouse.schema.InputField.InputType;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The fields of the two inputs (DOMAIN §1). Records are parsed with every field as text and then
 * converted explicitly, so a wrong type is quarantined with the field's name instead of silently
 * becoming null.
 */
public final class InputSchemas {

  private InputSchemas() {}

  /** The page of a play event. */
  public static final String PLAY_PAGE = "NextSong";

  /** Fields of an app event. A play also needs userId, song and artist (checked separately). */
  public static final List<InputField> EVENT_FIELDS =
      List.of(
          optional("artist", InputType.TEXT),
          optional("auth", InputType.TEXT),
          optional("firstName", InputType.TEXT),
          optional("gender", InputType.TEXT),
          required("itemInSession", InputType.INTEGER),
          optional("lastName", InputType.TEXT),
          optional("length", InputType.DOUBLE),
          optional("level", InputType.TEXT),
          optional("location", InputType.TEXT),
          optional("method", InputType.TEXT),
          required("page", InputType.TEXT),
          optional("registration", InputType.DOUBLE),
          required("sessionId", InputType.INTEGER),
          optional("song", InputType.TEXT),
          optional("status", InputType.INTEGER),
          required("ts", InputType.LONG),
          optional("userAgent", InputType.TEXT),
          // A string in the source ("39", "" when logged out); converted to an integer id.
          optional("userId", InputType.INTEGER));

  /** Fields a play event (page = NextSong) must also have. */
  public static final List<String> PLAY_REQUIRED_FIELDS = List.of("userId", "song", "artist");

  /** Fields of a catalogue song record. */
  public static final List<InputField> SONG_FIELDS =
      List.of(
          optional("num_songs", InputType.INTEGER),
          required("artist_id", InputType.TEXT),
          optional("artist_latitude", InputType.DOUBLE),
          optional("artist_longitude", InputType.DOUBLE),
          optional("artist_location", InputType.TEXT),
          optional("artist_name", InputType.TEXT),
          required("song_id", InputType.TEXT),
          required("title", InputType.TEXT),
          optional("duration", InputType.DOUBLE),
          optional("year", InputType.INTEGER));

  /** The typed record after validation. */
  public static StructType typedSchema(List<InputField> fields) {
    return DataTypes.createStructType(
        fields.stream()
            .map(f -> DataTypes.createStructField(f.name(), f.type().sparkType(), true))
            .toArray(StructField[]::new));
  }
}

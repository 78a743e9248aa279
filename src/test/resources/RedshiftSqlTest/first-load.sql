BEGIN;
SELECT NOT EXISTS (SELECT 1 FROM "public"."users");
INSERT INTO "public"."users" ("user_id", "first_name", "last_name", "gender", "level", "last_event_at")
SELECT "user_id", "first_name", "last_name", "gender", "level", "last_event_at"
FROM "public"."users_stage";
DROP TABLE IF EXISTS "public"."users_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."songs");
INSERT INTO "public"."songs" ("song_id", "title", "artist_id", "year", "duration")
SELECT "song_id", "title", "artist_id", "year", "duration"
FROM "public"."songs_stage";
DROP TABLE IF EXISTS "public"."songs_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."artists");
INSERT INTO "public"."artists" ("artist_id", "name", "location", "latitude", "longitude")
SELECT "artist_id", "name", "location", "latitude", "longitude"
FROM "public"."artists_stage";
DROP TABLE IF EXISTS "public"."artists_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."time");
INSERT INTO "public"."time" ("start_time", "hour", "day", "week", "month", "year", "weekday")
SELECT "start_time", "hour", "day", "week", "month", "year", "weekday"
FROM "public"."time_stage";
DROP TABLE IF EXISTS "public"."time_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."songplays");
INSERT INTO "public"."songplays" ("songplay_id", "start_time", "user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent")
SELECT "songplay_id", "start_time", "user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent"
FROM "public"."songplays_stage";
DROP TABLE IF EXISTS "public"."songplays_stage";
COMMIT;

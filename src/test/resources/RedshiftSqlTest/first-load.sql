BEGIN;
SELECT NOT EXISTS (SELECT 1 FROM "public"."users");
INSERT INTO "public"."users" ("user_id", "first_name", "last_name", "gender", "level", "last_event_at")
SELECT s."user_id", s."first_name", s."last_name", s."gender", s."level", s."last_event_at"
FROM "public"."users_stage" AS s;
DROP TABLE IF EXISTS "public"."users_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."songs");
INSERT INTO "public"."songs" ("song_id", "title", "artist_id", "year", "duration")
SELECT s."song_id", s."title", s."artist_id", s."year", s."duration"
FROM "public"."songs_stage" AS s;
DROP TABLE IF EXISTS "public"."songs_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."artists");
INSERT INTO "public"."artists" ("artist_id", "name", "location", "latitude", "longitude")
SELECT s."artist_id", s."name", s."location", s."latitude", s."longitude"
FROM "public"."artists_stage" AS s;
DROP TABLE IF EXISTS "public"."artists_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."time");
INSERT INTO "public"."time" ("start_time", "hour", "day", "week", "month", "year", "weekday")
SELECT s."start_time", s."hour", s."day", s."week", s."month", s."year", s."weekday"
FROM "public"."time_stage" AS s;
DROP TABLE IF EXISTS "public"."time_stage";
SELECT NOT EXISTS (SELECT 1 FROM "public"."songplays");
INSERT INTO "public"."songplays" ("songplay_id", "start_time", "user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent")
SELECT s."songplay_id", s."start_time", s."user_id", s."level", s."song_id", s."artist_id", s."session_id", s."location", s."user_agent"
FROM "public"."songplays_stage" AS s;
DROP TABLE IF EXISTS "public"."songplays_stage";
COMMIT;

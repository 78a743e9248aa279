BEGIN;
UPDATE "public"."users" AS t
SET "first_name" = s."first_name", "last_name" = s."last_name", "gender" = s."gender", "level" = s."level", "last_event_at" = s."last_event_at"
FROM "public"."users_stage" AS s
WHERE t."user_id" = s."user_id"
  AND ((t."first_name" <> s."first_name" OR (t."first_name" IS NULL AND s."first_name" IS NOT NULL) OR (t."first_name" IS NOT NULL AND s."first_name" IS NULL))
    OR (t."last_name" <> s."last_name" OR (t."last_name" IS NULL AND s."last_name" IS NOT NULL) OR (t."last_name" IS NOT NULL AND s."last_name" IS NULL))
    OR (t."gender" <> s."gender" OR (t."gender" IS NULL AND s."gender" IS NOT NULL) OR (t."gender" IS NOT NULL AND s."gender" IS NULL))
    OR (t."level" <> s."level" OR (t."level" IS NULL AND s."level" IS NOT NULL) OR (t."level" IS NOT NULL AND s."level" IS NULL))
    OR (t."last_event_at" <> s."last_event_at" OR (t."last_event_at" IS NULL AND s."last_event_at" IS NOT NULL) OR (t."last_event_at" IS NOT NULL AND s."last_event_at" IS NULL)))
  AND s."last_event_at" > t."last_event_at";
INSERT INTO "public"."users" ("user_id", "first_name", "last_name", "gender", "level", "last_event_at")
SELECT s."user_id", s."first_name", s."last_name", s."gender", s."level", s."last_event_at"
FROM "public"."users_stage" AS s
WHERE NOT EXISTS (SELECT 1 FROM "public"."users" AS t WHERE t."user_id" = s."user_id");
DROP TABLE IF EXISTS "public"."users_stage";
UPDATE "public"."songs" AS t
SET "title" = s."title", "artist_id" = s."artist_id", "year" = s."year", "duration" = s."duration"
FROM "public"."songs_stage" AS s
WHERE t."song_id" = s."song_id"
  AND ((t."title" <> s."title" OR (t."title" IS NULL AND s."title" IS NOT NULL) OR (t."title" IS NOT NULL AND s."title" IS NULL))
    OR (t."artist_id" <> s."artist_id" OR (t."artist_id" IS NULL AND s."artist_id" IS NOT NULL) OR (t."artist_id" IS NOT NULL AND s."artist_id" IS NULL))
    OR (t."year" <> s."year" OR (t."year" IS NULL AND s."year" IS NOT NULL) OR (t."year" IS NOT NULL AND s."year" IS NULL))
    OR (t."duration" <> s."duration" OR (t."duration" IS NULL AND s."duration" IS NOT NULL) OR (t."duration" IS NOT NULL AND s."duration" IS NULL)));
INSERT INTO "public"."songs" ("song_id", "title", "artist_id", "year", "duration")
SELECT s."song_id", s."title", s."artist_id", s."year", s."duration"
FROM "public"."songs_stage" AS s
WHERE NOT EXISTS (SELECT 1 FROM "public"."songs" AS t WHERE t."song_id" = s."song_id");
DROP TABLE IF EXISTS "public"."songs_stage";
UPDATE "public"."artists" AS t
SET "name" = s."name", "location" = s."location", "latitude" = s."latitude", "longitude" = s."longitude"
FROM "public"."artists_stage" AS s
WHERE t."artist_id" = s."artist_id"
  AND ((t."name" <> s."name" OR (t."name" IS NULL AND s."name" IS NOT NULL) OR (t."name" IS NOT NULL AND s."name" IS NULL))
    OR (t."location" <> s."location" OR (t."location" IS NULL AND s."location" IS NOT NULL) OR (t."location" IS NOT NULL AND s."location" IS NULL))
    OR (t."latitude" <> s."latitude" OR (t."latitude" IS NULL AND s."latitude" IS NOT NULL) OR (t."latitude" IS NOT NULL AND s."latitude" IS NULL))
    OR (t."longitude" <> s."longitude" OR (t."longitude" IS NULL AND s."longitude" IS NOT NULL) OR (t."longitude" IS NOT NULL AND s."longitude" IS NULL)));
INSERT INTO "public"."artists" ("artist_id", "name", "location", "latitude", "longitude")
SELECT s."artist_id", s."name", s."location", s."latitude", s."longitude"
FROM "public"."artists_stage" AS s
WHERE NOT EXISTS (SELECT 1 FROM "public"."artists" AS t WHERE t."artist_id" = s."artist_id");
DROP TABLE IF EXISTS "public"."artists_stage";
INSERT INTO "public"."time" ("start_time", "hour", "day", "week", "month", "year", "weekday")
SELECT s."start_time", s."hour", s."day", s."week", s."month", s."year", s."weekday"
FROM "public"."time_stage" AS s
WHERE NOT EXISTS (SELECT 1 FROM "public"."time" AS t WHERE t."start_time" = s."start_time");
DROP TABLE IF EXISTS "public"."time_stage";
UPDATE "public"."songplays" AS t
SET "start_time" = s."start_time", "user_id" = s."user_id", "level" = s."level", "song_id" = s."song_id", "artist_id" = s."artist_id", "session_id" = s."session_id", "location" = s."location", "user_agent" = s."user_agent"
FROM "public"."songplays_stage" AS s
WHERE t."songplay_id" = s."songplay_id"
  AND ((t."start_time" <> s."start_time" OR (t."start_time" IS NULL AND s."start_time" IS NOT NULL) OR (t."start_time" IS NOT NULL AND s."start_time" IS NULL))
    OR (t."user_id" <> s."user_id" OR (t."user_id" IS NULL AND s."user_id" IS NOT NULL) OR (t."user_id" IS NOT NULL AND s."user_id" IS NULL))
    OR (t."level" <> s."level" OR (t."level" IS NULL AND s."level" IS NOT NULL) OR (t."level" IS NOT NULL AND s."level" IS NULL))
    OR (t."song_id" <> s."song_id" OR (t."song_id" IS NULL AND s."song_id" IS NOT NULL) OR (t."song_id" IS NOT NULL AND s."song_id" IS NULL))
    OR (t."artist_id" <> s."artist_id" OR (t."artist_id" IS NULL AND s."artist_id" IS NOT NULL) OR (t."artist_id" IS NOT NULL AND s."artist_id" IS NULL))
    OR (t."session_id" <> s."session_id" OR (t."session_id" IS NULL AND s."session_id" IS NOT NULL) OR (t."session_id" IS NOT NULL AND s."session_id" IS NULL))
    OR (t."location" <> s."location" OR (t."location" IS NULL AND s."location" IS NOT NULL) OR (t."location" IS NOT NULL AND s."location" IS NULL))
    OR (t."user_agent" <> s."user_agent" OR (t."user_agent" IS NULL AND s."user_agent" IS NOT NULL) OR (t."user_agent" IS NOT NULL AND s."user_agent" IS NULL)));
INSERT INTO "public"."songplays" ("songplay_id", "start_time", "user_id", "level", "song_id", "artist_id", "session_id", "location", "user_agent")
SELECT s."songplay_id", s."start_time", s."user_id", s."level", s."song_id", s."artist_id", s."session_id", s."location", s."user_agent"
FROM "public"."songplays_stage" AS s
WHERE NOT EXISTS (SELECT 1 FROM "public"."songplays" AS t WHERE t."songplay_id" = s."songplay_id");
DROP TABLE IF EXISTS "public"."songplays_stage";
COMMIT;

CREATE SCHEMA IF NOT EXISTS "public";

CREATE TABLE IF NOT EXISTS "public"."users" (
  "user_id" INTEGER NOT NULL,
  "first_name" VARCHAR(256),
  "last_name" VARCHAR(256),
  "gender" VARCHAR(1),
  "level" VARCHAR(10),
  "last_event_at" TIMESTAMP NOT NULL,
  PRIMARY KEY ("user_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("user_id");

CREATE TABLE IF NOT EXISTS "public"."songs" (
  "song_id" VARCHAR(18) NOT NULL,
  "title" VARCHAR(512) NOT NULL,
  "artist_id" VARCHAR(18) NOT NULL,
  "year" INTEGER,
  "duration" DOUBLE PRECISION,
  PRIMARY KEY ("song_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("song_id");

CREATE TABLE IF NOT EXISTS "public"."artists" (
  "artist_id" VARCHAR(18) NOT NULL,
  "name" VARCHAR(512),
  "location" VARCHAR(512),
  "latitude" DOUBLE PRECISION,
  "longitude" DOUBLE PRECISION,
  PRIMARY KEY ("artist_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("artist_id");

CREATE TABLE IF NOT EXISTS "public"."time" (
  "start_time" TIMESTAMP NOT NULL,
  "hour" INTEGER NOT NULL,
  "day" INTEGER NOT NULL,
  "week" INTEGER NOT NULL,
  "month" INTEGER NOT NULL,
  "year" INTEGER NOT NULL,
  "weekday" INTEGER NOT NULL,
  PRIMARY KEY ("start_time")
)
DISTSTYLE KEY
DISTKEY ("start_time")
COMPOUND SORTKEY ("start_time");

CREATE TABLE IF NOT EXISTS "public"."songplays" (
  "songplay_id" VARCHAR(64) NOT NULL,
  "start_time" TIMESTAMP NOT NULL,
  "user_id" INTEGER NOT NULL,
  "level" VARCHAR(10),
  "song_id" VARCHAR(18),
  "artist_id" VARCHAR(18),
  "session_id" INTEGER NOT NULL,
  "location" VARCHAR(256),
  "user_agent" VARCHAR(512),
  PRIMARY KEY ("songplay_id")
)
DISTSTYLE KEY
DISTKEY ("start_time")
COMPOUND SORTKEY ("start_time");

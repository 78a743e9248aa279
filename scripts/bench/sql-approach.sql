-- Benchmark contender: the original approach. Raw JSON lines are already COPYed into
-- raw_songs(line) and raw_events(line) (scripts/bench/sql-approach.sh); this script parses them
-- with jsonb into typed staging tables and builds the five tables with INSERT ... SELECT,
-- following DOMAIN §3. The generated benchmark data holds no bad records, so there is no
-- quarantine here; duplicated event lines are removed by (sessionId, itemInSession, ts).
-- Run with psql -v ON_ERROR_STOP=1 and search_path set to the contender's schema.

\timing on

-- Staging: one typed row per record --------------------------------------------------------------

CREATE TABLE staging_songs AS
SELECT
  (j ->> 'num_songs')::integer AS num_songs,
  j ->> 'artist_id' AS artist_id,
  (j ->> 'artist_latitude')::double precision AS artist_latitude,
  (j ->> 'artist_longitude')::double precision AS artist_longitude,
  j ->> 'artist_location' AS artist_location,
  j ->> 'artist_name' AS artist_name,
  j ->> 'song_id' AS song_id,
  j ->> 'title' AS title,
  (j ->> 'duration')::double precision AS duration,
  (j ->> 'year')::integer AS year
FROM (SELECT line::jsonb AS j FROM raw_songs) AS parsed;

CREATE TABLE staging_events AS
SELECT DISTINCT ON (session_id, item_in_session, ts) *
FROM (
  SELECT
    j ->> 'artist' AS artist,
    j ->> 'auth' AS auth,
    j ->> 'firstName' AS first_name,
    j ->> 'gender' AS gender,
    (j ->> 'itemInSession')::integer AS item_in_session,
    j ->> 'lastName' AS last_name,
    (j ->> 'length')::double precision AS length,
    j ->> 'level' AS level,
    j ->> 'location' AS location,
    j ->> 'method' AS method,
    j ->> 'page' AS page,
    (j ->> 'registration')::double precision AS registration,
    (j ->> 'sessionId')::integer AS session_id,
    j ->> 'song' AS song,
    (j ->> 'status')::integer AS status,
    (j ->> 'ts')::bigint AS ts,
    j ->> 'userAgent' AS user_agent,
    nullif(j ->> 'userId', '') AS user_id
  FROM (SELECT line::jsonb AS j FROM raw_events) AS parsed
) AS typed
ORDER BY session_id, item_in_session, ts;

-- The star schema -------------------------------------------------------------------------------

CREATE TABLE songs (
  song_id text PRIMARY KEY,
  title text NOT NULL,
  artist_id text NOT NULL,
  year integer,
  duration double precision
);

CREATE TABLE artists (
  artist_id text PRIMARY KEY,
  name text,
  location text,
  latitude double precision,
  longitude double precision
);

CREATE TABLE users (
  user_id integer PRIMARY KEY,
  first_name text,
  last_name text,
  gender text,
  level text,
  last_event_at timestamp NOT NULL
);

CREATE TABLE time (
  start_time timestamp PRIMARY KEY,
  hour integer NOT NULL,
  day integer NOT NULL,
  week integer NOT NULL,
  month integer NOT NULL,
  year integer NOT NULL,
  weekday integer NOT NULL
);

CREATE TABLE songplays (
  songplay_id text PRIMARY KEY,
  start_time timestamp NOT NULL,
  user_id integer NOT NULL,
  level text,
  song_id text,
  artist_id text,
  session_id integer NOT NULL,
  location text,
  user_agent text
);

-- songs: of several records of one song_id, the first by title, year, duration (code point order).
CREATE TABLE chosen_songs AS
SELECT DISTINCT ON (song_id) *
FROM staging_songs
ORDER BY song_id, title COLLATE "C" NULLS FIRST, year NULLS FIRST, duration NULLS FIRST,
  artist_id COLLATE "C" NULLS FIRST;

INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, year, duration FROM chosen_songs;

-- artists: from the artist's song with the smallest song_id.
INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT DISTINCT ON (artist_id)
  artist_id, artist_name, artist_location, artist_latitude, artist_longitude
FROM chosen_songs
ORDER BY artist_id, song_id COLLATE "C";

-- users: every non-empty userId, values from the latest event by ts, sessionId, itemInSession.
INSERT INTO users (user_id, first_name, last_name, gender, level, last_event_at)
SELECT DISTINCT ON (user_id::integer)
  user_id::integer, first_name, last_name, gender, level,
  timestamp 'epoch' + ts * interval '1 millisecond'
FROM staging_events
WHERE user_id IS NOT NULL
ORDER BY user_id::integer, ts DESC, session_id DESC, item_in_session DESC;

-- songplays: every play once; the exact catalogue match with the smallest song_id, or null.
INSERT INTO songplays
  (songplay_id, start_time, user_id, level, song_id, artist_id, session_id, location, user_agent)
SELECT
  e.session_id || '-' || e.item_in_session || '-' || e.ts,
  timestamp 'epoch' + e.ts * interval '1 millisecond',
  e.user_id::integer, e.level, m.song_id, m.artist_id, e.session_id, e.location, e.user_agent
FROM staging_events AS e
LEFT JOIN (
  SELECT DISTINCT ON (title, artist_name, duration) title, artist_name, duration, song_id, artist_id
  FROM chosen_songs
  ORDER BY title, artist_name, duration, song_id COLLATE "C"
) AS m
  ON m.title = e.song AND m.artist_name = e.artist AND m.duration = e.length
WHERE e.page = 'NextSong';

-- time: one row per distinct play start_time; ISO week, weekday 0 = Sunday.
INSERT INTO time (start_time, hour, day, week, month, year, weekday)
SELECT
  start_time,
  EXTRACT(hour FROM start_time)::integer,
  EXTRACT(day FROM start_time)::integer,
  EXTRACT(week FROM start_time)::integer,
  EXTRACT(month FROM start_time)::integer,
  EXTRACT(year FROM start_time)::integer,
  EXTRACT(dow FROM start_time)::integer
FROM (SELECT DISTINCT start_time FROM songplays) AS plays;

DROP TABLE chosen_songs, staging_songs, staging_events, raw_songs, raw_events;

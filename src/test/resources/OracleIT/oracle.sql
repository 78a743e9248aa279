-- An independent oracle for the five tables, written the way the original Redshift scripts were:
-- the raw JSON lands in staging tables, and INSERT ... SELECT statements build the star schema.
-- It shares no code with the Spark job; it follows DOMAIN.md §1-§3 and the job's acceptance rules
-- for bad input (which records are quarantined).
--
-- Usage: run this script, fill oracle.raw_songs and oracle.raw_events (one row per non-blank line
-- of every input file, the line's bytes as read; a file without any record gets a single row with
-- line_number 0 and line NULL), then CALL oracle.build().

DROP SCHEMA IF EXISTS oracle CASCADE;
CREATE SCHEMA oracle;

-- Raw input ------------------------------------------------------------------------------------

CREATE TABLE oracle.raw_songs (
  source_file text NOT NULL,
  line_number bigint NOT NULL,
  line bytea
);

CREATE TABLE oracle.raw_events (
  source_file text NOT NULL,
  line_number bigint NOT NULL,
  line bytea
);

-- Helpers ---------------------------------------------------------------------------------------

-- The line as text, or NULL when it is not valid UTF-8 (a NUL byte is not valid here either).
CREATE FUNCTION oracle.try_text(bytes bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN convert_from(bytes, 'UTF8');
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END
$$;

-- U+FFFF stands for an escaped NUL (\u0000), which jsonb refuses: a record is refused for a NUL
-- only when a field the record uses holds one, so the rest of the record must still parse.
CREATE FUNCTION oracle.nul_mark() RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT chr(65535) $$;

-- The text parsed as JSON, or NULL when it is not JSON.
CREATE FUNCTION oracle.try_jsonb(content text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  BEGIN
    RETURN content::jsonb;
  EXCEPTION WHEN OTHERS THEN
    IF position('\u0000' IN content) = 0 THEN
      RETURN NULL;
    END IF;
  END;
  RETURN replace(content, '\u0000', '\uffff')::jsonb;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END
$$;

-- A field is absent when it is missing, JSON null, or blank text ("" is how the log writes a
-- missing userId). Blank means spaces only, as the job trims.
CREATE FUNCTION oracle.present(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT value IS NOT NULL AND btrim(value, ' ') <> '' $$;

CREATE FUNCTION oracle.is_whole_number(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT btrim(value, ' ') ~ '^-?[0-9]+$' $$;

-- An absent value, or a whole number (digits, maybe as a JSON string) that fits a 32-bit integer.
CREATE FUNCTION oracle.fits_integer(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN NOT oracle.present(value) THEN true
    WHEN NOT oracle.is_whole_number(value) THEN false
    WHEN length(btrim(value, ' ')) > 18 THEN false
    ELSE btrim(value, ' ')::bigint BETWEEN -2147483648 AND 2147483647
  END
$$;

-- An absent value, or a whole number that fits a 64-bit integer.
CREATE FUNCTION oracle.fits_bigint(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN NOT oracle.present(value) THEN true
    ELSE oracle.is_whole_number(value) AND length(btrim(value, ' ')) <= 18
  END
$$;

-- The value as a double; NULL when it is absent, not a plain decimal number, or beyond a double.
CREATE FUNCTION oracle.to_double(value text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  number numeric;
BEGIN
  IF NOT oracle.present(value)
      OR btrim(value, ' ') !~ '^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$' THEN
    RETURN NULL;
  END IF;
  number := btrim(value, ' ')::numeric;
  BEGIN
    RETURN number::double precision;
  EXCEPTION WHEN numeric_value_out_of_range THEN
    -- Too small for a double rounds to zero; too large has no double.
    RETURN CASE WHEN abs(number) < 1 THEN 0 END;
  END;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END
$$;

CREATE FUNCTION oracle.fits_double(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT NOT oracle.present(value) OR oracle.to_double(value) IS NOT NULL
$$;

CREATE FUNCTION oracle.integer_value(value text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN oracle.present(value) THEN btrim(value, ' ')::integer END
$$;

CREATE FUNCTION oracle.bigint_value(value text) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN oracle.present(value) THEN btrim(value, ' ')::bigint END
$$;

CREATE FUNCTION oracle.has_nul(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(position(oracle.nul_mark() IN value) > 0, false) $$;

-- Epoch milliseconds as a UTC timestamp, exactly (no float on the way).
CREATE FUNCTION oracle.epoch_millis(ts bigint) RETURNS timestamp
LANGUAGE sql IMMUTABLE AS $$
  SELECT timestamp '1970-01-01 00:00:00'
    + (ts / 1000) * interval '1 second'
    + (ts % 1000) * interval '1 millisecond'
$$;

-- Parsed records -------------------------------------------------------------------------------

-- Every event record with each field as the text JSON gives it, and whether the job accepts it.
CREATE TABLE oracle.event_records (
  source_file text COLLATE "C",
  line_number bigint,
  raw text COLLATE "C",
  accepted boolean NOT NULL,
  artist text, auth text, first_name text, gender text, item_in_session text, last_name text,
  length text, level text, location text, method text, page text, registration text,
  session_id text, song text, status text, ts text, user_agent text, user_id text
);

CREATE TABLE oracle.song_records (
  source_file text,
  line_number bigint,
  raw text,
  accepted boolean NOT NULL,
  num_songs text, artist_id text, artist_latitude text, artist_longitude text,
  artist_location text, artist_name text, song_id text, title text, duration text, year text
);

-- Staging tables: one row per accepted record, typed ---------------------------------------------

CREATE TABLE oracle.staging_events (
  artist text COLLATE "C",
  auth text COLLATE "C",
  first_name text COLLATE "C",
  gender text COLLATE "C",
  item_in_session integer NOT NULL,
  last_name text COLLATE "C",
  length double precision,
  level text COLLATE "C",
  location text COLLATE "C",
  method text COLLATE "C",
  page text COLLATE "C" NOT NULL,
  registration double precision,
  session_id integer NOT NULL,
  song text COLLATE "C",
  status integer,
  ts bigint NOT NULL,
  user_agent text COLLATE "C",
  user_id integer
);

CREATE TABLE oracle.staging_songs (
  num_songs integer,
  artist_id text COLLATE "C" NOT NULL,
  artist_latitude double precision,
  artist_longitude double precision,
  artist_location text COLLATE "C",
  artist_name text COLLATE "C",
  song_id text COLLATE "C" NOT NULL,
  title text COLLATE "C" NOT NULL,
  duration double precision,
  year integer
);

-- The catalogue record chosen per song_id: the songs table plus the artist name plays match on.
CREATE TABLE oracle.chosen_songs (LIKE oracle.staging_songs);
CREATE INDEX ON oracle.chosen_songs (title, artist_name, duration);

-- The star schema ------------------------------------------------------------------------------

CREATE TABLE oracle.songplays (
  songplay_id bigserial PRIMARY KEY,
  start_time timestamp NOT NULL,
  user_id integer NOT NULL,
  level text,
  song_id text,
  artist_id text,
  session_id integer NOT NULL,
  location text,
  user_agent text
);

CREATE TABLE oracle.users (
  user_id integer PRIMARY KEY,
  first_name text,
  last_name text,
  gender text,
  level text,
  last_event_at timestamp NOT NULL
);

CREATE TABLE oracle.songs (
  song_id text PRIMARY KEY,
  title text NOT NULL,
  artist_id text NOT NULL,
  year integer,
  duration double precision
);

CREATE TABLE oracle.artists (
  artist_id text PRIMARY KEY,
  name text,
  location text,
  latitude double precision,
  longitude double precision
);

CREATE TABLE oracle.time (
  start_time timestamp PRIMARY KEY,
  hour integer NOT NULL,
  day integer NOT NULL,
  week integer NOT NULL,
  month integer NOT NULL,
  year integer NOT NULL,
  weekday integer NOT NULL
);

-- How the event records were accounted for (DOMAIN §4 invariant 4).
CREATE VIEW oracle.event_accounting AS
SELECT
  (SELECT count(*) FROM oracle.raw_events) AS records,
  (SELECT count(*) FROM oracle.staging_events WHERE page = 'NextSong') AS plays,
  (SELECT count(*) FROM oracle.staging_events WHERE page <> 'NextSong') AS not_a_play,
  (SELECT count(*) FROM oracle.raw_events) - (SELECT count(*) FROM oracle.staging_events)
    AS rejected;

CREATE VIEW oracle.song_accounting AS
SELECT
  (SELECT count(*) FROM oracle.raw_songs) AS records,
  (SELECT count(*) FROM oracle.staging_songs) AS accepted,
  (SELECT count(*) FROM oracle.raw_songs) - (SELECT count(*) FROM oracle.staging_songs)
    AS rejected;

-- The load ---------------------------------------------------------------------------------------

CREATE PROCEDURE oracle.build()
LANGUAGE sql AS $$

-- Events: parse, then apply the acceptance rules.
INSERT INTO oracle.event_records
SELECT
  source_file, line_number, raw,
  doc IS NOT NULL
    AND jsonb_typeof(doc) = 'object'
    AND btrim(raw, ' ') LIKE '{%}'
    AND oracle.present(doc ->> 'ts')
    AND oracle.present(doc ->> 'page')
    AND oracle.present(doc ->> 'sessionId')
    AND oracle.present(doc ->> 'itemInSession')
    AND oracle.fits_integer(doc ->> 'itemInSession')
    AND oracle.fits_integer(doc ->> 'sessionId')
    AND oracle.fits_integer(doc ->> 'status')
    AND oracle.fits_integer(doc ->> 'userId')
    AND oracle.fits_bigint(doc ->> 'ts')
    AND oracle.fits_double(doc ->> 'length')
    AND oracle.fits_double(doc ->> 'registration')
    AND NOT oracle.has_nul(doc ->> 'artist')
    AND NOT oracle.has_nul(doc ->> 'auth')
    AND NOT oracle.has_nul(doc ->> 'firstName')
    AND NOT oracle.has_nul(doc ->> 'gender')
    AND NOT oracle.has_nul(doc ->> 'lastName')
    AND NOT oracle.has_nul(doc ->> 'level')
    AND NOT oracle.has_nul(doc ->> 'location')
    AND NOT oracle.has_nul(doc ->> 'method')
    AND NOT oracle.has_nul(doc ->> 'page')
    AND NOT oracle.has_nul(doc ->> 'song')
    AND NOT oracle.has_nul(doc ->> 'userAgent')
    -- [1970-01-01, 2100-01-01): anything else is a clock or encoding bug.
    AND CASE WHEN oracle.is_whole_number(doc ->> 'ts') AND oracle.fits_bigint(doc ->> 'ts')
          THEN oracle.bigint_value(doc ->> 'ts') >= 0
            AND oracle.bigint_value(doc ->> 'ts') < 4102444800000
          ELSE false END
    -- A play also needs who played what.
    AND (doc ->> 'page' <> 'NextSong'
      OR (oracle.present(doc ->> 'userId')
        AND oracle.present(doc ->> 'song')
        AND oracle.present(doc ->> 'artist'))),
  doc ->> 'artist', doc ->> 'auth', doc ->> 'firstName', doc ->> 'gender',
  doc ->> 'itemInSession', doc ->> 'lastName', doc ->> 'length', doc ->> 'level',
  doc ->> 'location', doc ->> 'method', doc ->> 'page', doc ->> 'registration',
  doc ->> 'sessionId', doc ->> 'song', doc ->> 'status', doc ->> 'ts', doc ->> 'userAgent',
  doc ->> 'userId'
FROM (
  SELECT source_file, line_number, raw, oracle.try_jsonb(raw) AS doc
  FROM (
    SELECT source_file, line_number, oracle.try_text(line) AS raw FROM oracle.raw_events
  ) AS decoded
) AS parsed;

-- One record per event (sessionId, itemInSession, ts): duplicated lines change nothing.
INSERT INTO oracle.staging_events
SELECT DISTINCT ON (session_id, item_in_session, ts)
  artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method,
  page, registration, session_id, song, status, ts, user_agent, user_id
FROM (
  SELECT
    artist, auth, first_name, gender,
    oracle.integer_value(item_in_session) AS item_in_session,
    last_name,
    oracle.to_double(length) AS length,
    level, location, method, page,
    oracle.to_double(registration) AS registration,
    oracle.integer_value(session_id) AS session_id,
    song,
    oracle.integer_value(status) AS status,
    oracle.bigint_value(ts) AS ts,
    user_agent,
    oracle.integer_value(user_id) AS user_id,
    raw, source_file, line_number
  FROM oracle.event_records
  WHERE accepted
) AS typed
ORDER BY session_id, item_in_session, ts, raw, source_file, line_number;

-- Songs: parse and accept. Several records of one song_id are all staged.
INSERT INTO oracle.song_records
SELECT
  source_file, line_number, raw,
  doc IS NOT NULL
    AND jsonb_typeof(doc) = 'object'
    AND btrim(raw, ' ') LIKE '{%}'
    AND oracle.present(doc ->> 'song_id')
    AND oracle.present(doc ->> 'title')
    AND oracle.present(doc ->> 'artist_id')
    AND oracle.fits_integer(doc ->> 'num_songs')
    AND oracle.fits_integer(doc ->> 'year')
    AND oracle.fits_double(doc ->> 'artist_latitude')
    AND oracle.fits_double(doc ->> 'artist_longitude')
    AND oracle.fits_double(doc ->> 'duration')
    AND NOT oracle.has_nul(doc ->> 'artist_id')
    AND NOT oracle.has_nul(doc ->> 'artist_location')
    AND NOT oracle.has_nul(doc ->> 'artist_name')
    AND NOT oracle.has_nul(doc ->> 'song_id')
    AND NOT oracle.has_nul(doc ->> 'title'),
  doc ->> 'num_songs', doc ->> 'artist_id', doc ->> 'artist_latitude',
  doc ->> 'artist_longitude', doc ->> 'artist_location', doc ->> 'artist_name',
  doc ->> 'song_id', doc ->> 'title', doc ->> 'duration', doc ->> 'year'
FROM (
  SELECT source_file, line_number, raw, oracle.try_jsonb(raw) AS doc
  FROM (
    SELECT source_file, line_number, oracle.try_text(line) AS raw FROM oracle.raw_songs
  ) AS decoded
) AS parsed;

INSERT INTO oracle.staging_songs
SELECT
  oracle.integer_value(num_songs),
  artist_id,
  oracle.to_double(artist_latitude),
  oracle.to_double(artist_longitude),
  artist_location,
  artist_name,
  song_id,
  title,
  oracle.to_double(duration),
  oracle.integer_value(year)
FROM oracle.song_records
WHERE accepted;

-- songs: one row per song_id; of disagreeing records the first by title, year, duration (then
-- artist_id and the artist fields, so the choice never depends on input order). Year 0 stays 0.
INSERT INTO oracle.chosen_songs
SELECT DISTINCT ON (song_id) *
FROM oracle.staging_songs
ORDER BY song_id,
  title NULLS FIRST, year NULLS FIRST, duration NULLS FIRST, artist_id NULLS FIRST,
  artist_name NULLS FIRST, artist_location NULLS FIRST,
  artist_latitude NULLS FIRST, artist_longitude NULLS FIRST;

INSERT INTO oracle.songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, year, duration
FROM oracle.chosen_songs;

-- artists: one row per artist_id from the artist's record with the smallest song_id, over every
-- accepted song record. An empty location stays empty.
INSERT INTO oracle.artists (artist_id, name, location, latitude, longitude)
SELECT DISTINCT ON (artist_id)
  artist_id, artist_name, artist_location, artist_latitude, artist_longitude
FROM oracle.staging_songs
ORDER BY artist_id,
  song_id NULLS FIRST, title NULLS FIRST, year NULLS FIRST, duration NULLS FIRST,
  artist_name NULLS FIRST, artist_location NULLS FIRST,
  artist_latitude NULLS FIRST, artist_longitude NULLS FIRST;

-- users: every non-empty userId, with the values of the user's latest event.
INSERT INTO oracle.users (user_id, first_name, last_name, gender, level, last_event_at)
SELECT DISTINCT ON (user_id)
  user_id, first_name, last_name, gender, level, oracle.epoch_millis(ts)
FROM oracle.staging_events
WHERE user_id IS NOT NULL
ORDER BY user_id, ts DESC, session_id DESC, item_in_session DESC;

-- songplays: every play once; the catalogue song with the same title, artist name and duration,
-- the smallest song_id of several.
INSERT INTO oracle.songplays
  (start_time, user_id, level, song_id, artist_id, session_id, location, user_agent)
SELECT
  oracle.epoch_millis(e.ts), e.user_id, e.level, matched.song_id, matched.artist_id,
  e.session_id, e.location, e.user_agent
FROM oracle.staging_events AS e
LEFT JOIN LATERAL (
  SELECT s.song_id, s.artist_id
  FROM oracle.chosen_songs AS s
  WHERE s.title = e.song AND s.artist_name = e.artist AND s.duration = e.length
  ORDER BY s.song_id
  LIMIT 1
) AS matched ON true
WHERE e.page = 'NextSong'
ORDER BY e.ts, e.session_id, e.item_in_session;

-- time: one row per distinct play timestamp; ISO week, weekday 0 = Sunday.
INSERT INTO oracle.time (start_time, hour, day, week, month, year, weekday)
SELECT DISTINCT
  start_time,
  EXTRACT(hour FROM start_time),
  EXTRACT(day FROM start_time),
  EXTRACT(week FROM start_time),
  EXTRACT(month FROM start_time),
  EXTRACT(year FROM start_time),
  EXTRACT(dow FROM start_time)
FROM oracle.songplays;
$$;

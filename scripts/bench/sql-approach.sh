#!/usr/bin/env bash
# Benchmark contender: the original approach in SQL. COPYs the raw JSON lines of both inputs into
# staging tables of a PostgreSQL server, then runs scripts/bench/sql-approach.sql (jsonb parsing,
# INSERT ... SELECT into the five tables).
#   scripts/bench/sql-approach.sh SONG_DATA LOG_DATA HOST PORT DATABASE SCHEMA
# Needs psql (Debian: postgresql-client). Connects as user postgres without a password.
set -euo pipefail

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" || $# -ne 6 ]]; then
  echo "usage: $0 SONG_DATA LOG_DATA HOST PORT DATABASE SCHEMA" >&2
  [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && exit 0 || exit 2
fi
song_data="$1" log_data="$2" host="$3" port="$4" database="$5" schema="$6"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

export PGOPTIONS="-c search_path=$schema"
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres -d "$database" "$@"; }

psql_ -c "CREATE SCHEMA IF NOT EXISTS $schema" \
  -c "CREATE UNLOGGED TABLE $schema.raw_songs (line text NOT NULL)" \
  -c "CREATE UNLOGGED TABLE $schema.raw_events (line text NOT NULL)"

# One JSON record per line. Song files end without a newline, so they cannot simply be
# concatenated: awk prints every non-blank line with its newline. The CSV format with quote and
# delimiter characters that never occur in the data copies each line verbatim (no backslash
# processing, unlike the text format).
copy_options="WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')"
find "$song_data" -type f -name '*.json' -print0 | xargs -0 awk 'NF' \
  | psql_ -c "COPY raw_songs (line) FROM STDIN $copy_options"
find "$log_data" -type f -name '*.json' -print0 | xargs -0 awk 'NF' \
  | psql_ -c "COPY raw_events (line) FROM STDIN $copy_options"

psql_ -f "$here/sql-approach.sql"

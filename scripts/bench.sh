#!/usr/bin/env bash
# Benchmarks the job against two other ways of building the same star schema (issue 7):
#   job   - scripts/sparkify run into PostgreSQL, as a user runs it
#   sql   - the original approach: raw JSON COPYed into PostgreSQL, INSERT ... SELECT
#           (scripts/bench/sql-approach.sh + .sql)
#   naive - the job as usually first written: schema inference, dropDuplicates, joins, Spark's
#           JDBC writer (src/test/java/com/sparkify/warehouse/bench/NaiveSparkJob.java)
# Every run is a whole process (cold JVM) into a fresh database of ONE PostgreSQL 16 server (the
# project's embedded io.zonky binaries, started by BenchPostgres), timed with /usr/bin/time -v.
# Results accumulate in OUT/results.tsv; docs/BENCHMARKS.md gets the table between its
# "bench:begin" and "bench:end" markers. Timings are never asserted anywhere.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/bench.sh [--scales S1,S2,S3] [--runs N] [--warmups N] [--out DIR]
                        [--contenders job,sql,naive] [--port PORT] [--timeout SECONDS]
                        [--no-docs] [--report-only]

  --scales      which scales to run (default S1,S2,S3)
                  S1:  15,000 songs,     8,000 events, 30 days
                  S2: 150,000 songs, 1,000,000 events, 30 days
                  S3: 300,000 songs, 5,000,000 events, 30 days
  --runs        timed runs per scale and contender (default 3); the median is reported
  --warmups     untimed warm-up runs before them (default 1)
  --out         data, logs and results (default /work/sparkify-bench); generated input in
                OUT/SCALE is reused when present
  --contenders  subset of job,sql,naive (default all three)
  --port        port of the benchmark PostgreSQL (default 55432)
  --timeout     stop a run after this many seconds and record it as a timeout (default: none)
  --no-docs     do not rewrite docs/BENCHMARKS.md
  --report-only run nothing: print the table of OUT/results.tsv and rewrite the docs from it

Needs: the built project (mvn -DskipTests package), psql, /usr/bin/time (Debian: time), jq,
python3. The JVM contenders run with -Xmx4g (SPARKIFY_JAVA_OPTS for the job).
USAGE
}

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scales="S1,S2,S3"
runs=3
warmups=1
out="/work/sparkify-bench"
contenders="job,sql,naive"
port=55432
write_docs=true
timeout_seconds=0
report_only=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    --scales) scales="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --warmups) warmups="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --contenders) contenders="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --timeout) timeout_seconds="$2"; shift 2 ;;
    --no-docs) write_docs=false; shift ;;
    --report-only) report_only=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for tool in psql jq python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing" >&2; exit 2; }
done
classpath_file="$project/target/runtime-classpath.txt"
if [[ ! -f "$classpath_file" || ! -d "$project/target/classes" ]]; then
  echo "bench.sh: the project is not built; run 'mvn -DskipTests package' in $project" >&2
  exit 2
fi

heap="-Xmx4g"
mkdir -p "$out/logs" "$out/work"
out="$(cd "$out" && pwd)"
results="$out/results.tsv"
[[ -f "$results" ]] || printf 'scale\tcontender\trun\tstatus\twall_s\trss_mb\tcpu_s\tserver_cpu_s\tload1\tcounts\tstages\n' >"$results"

scale_songs() { case "$1" in S1) echo 15000 ;; S2) echo 150000 ;; S3) echo 300000 ;; *) return 1 ;; esac; }
scale_events() { case "$1" in S1) echo 8000 ;; S2) echo 1000000 ;; S3) echo 5000000 ;; *) return 1 ;; esac; }

# --- the benchmark classes, compiled on their own so a concurrent mvn build cannot pull them away
classes="$out/classes"
runtime_classpath="$project/target/classes:$(cat "$classpath_file")"
sources=("$project"/src/test/java/com/sparkify/warehouse/bench/*.java)
if [[ ! -f "$classes/com/sparkify/warehouse/bench/NaiveSparkJob.class" ]] \
    || [[ -n "$(find "${sources[@]}" -newer "$classes/com/sparkify/warehouse/bench/NaiveSparkJob.class")" ]]; then
  mkdir -p "$classes"
  javac -nowarn -d "$classes" -cp "$runtime_classpath" "${sources[@]}"
fi

# The JVM flags Spark needs on Java 17, exactly as scripts/sparkify passes them.
mapfile -t jvm_opens < <(sed -n '/^opens=(/,/^)/p' "$project/scripts/sparkify" | grep -E '^\s+-' | tr -d ' ')

# --- input data
generate() {
  local scale="$1" dir="$out/$1"
  if [[ -d "$dir/song_data" && -d "$dir/log_data" ]]; then
    echo "[$scale] reusing generated data in $dir"
    return
  fi
  rm -rf "$dir"
  echo "[$scale] generating $(scale_songs "$scale") songs, $(scale_events "$scale") events into $dir"
  "$project/scripts/sparkify" generate --out "$dir" --songs "$(scale_songs "$scale")" \
    --events "$(scale_events "$scale")" --days 30 --seed 42 >"$out/logs/generate-$scale.log"
}

# --- the one PostgreSQL server
postgres_pid=""
stop_postgres() {
  if [[ -n "$postgres_pid" ]] && kill -0 "$postgres_pid" 2>/dev/null; then
    kill "$postgres_pid"
    wait "$postgres_pid" 2>/dev/null || true
  fi
}
trap stop_postgres EXIT

start_postgres() {
  local log="$out/logs/postgres.log"
  : >"$log" # before the server starts, so an old "ready" line cannot be mistaken for a new one
  java -Xmx256m -cp "$classes:$runtime_classpath" com.sparkify.warehouse.bench.BenchPostgres \
    "$out/postgres" "$port" >"$log" 2>&1 &
  postgres_pid=$!
  for _ in $(seq 1 120); do
    if grep -q '^ready' "$log"; then
      echo "PostgreSQL 16 (embedded io.zonky binaries) on 127.0.0.1:$port, pid $postgres_pid"
      return
    fi
    kill -0 "$postgres_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "bench.sh: PostgreSQL did not start; see $log" >&2
  exit 1
}

# CPU ticks of the PostgreSQL server: the postmaster's own plus those of its exited backends.
server_cpu_ticks() {
  local pid
  pid="$(head -1 "$out/postgres/postmaster.pid" 2>/dev/null || echo)"
  if [[ -n "$pid" && -r "/proc/$pid/stat" ]]; then
    sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13 + $14 + $15}'
  else
    echo 0
  fi
}

sql() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }

# Row counts of the five tables, as "songplays=N users=N songs=N artists=N time=N".
table_counts() {
  local database="$1" schema="$2" result="" table count
  for table in songplays users songs artists time; do
    count="$(sql -d "$database" -c "SELECT count(*) FROM $schema.\"$table\"" 2>/dev/null || echo missing)"
    result+="$table=$count "
  done
  echo "${result% }"
}

# --- one run of one contender: a fresh database, the whole process timed
run_once() {
  local scale="$1" contender="$2" label="$3"
  local database="b_${scale,,}_${contender}_${label}" schema="sparkify"
  local data="$out/$scale" log="$out/logs/$scale-$contender-$label.log"
  local report="$out/logs/$scale-$contender-$label.report.json"
  local timing="$out/logs/$scale-$contender-$label.time"
  sql -d postgres -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
  local url="jdbc:postgresql://127.0.0.1:$port/$database"
  local command=()
  case "$contender" in
    job)
      rm -rf "$out/work/$database"
      command=(env "SPARKIFY_JAVA_OPTS=$heap" "$project/scripts/sparkify" run
        --set "input.song-data=$data/song_data" --set "input.log-data=$data/log_data"
        --set warehouse.kind=postgres --set "warehouse.url=$url" --set warehouse.user=postgres
        --set "warehouse.schema=$schema" --set quarantine.max-ratio=1
        --set "warehouse.tempdir=$out/work/$database/tmp"
        --set "quarantine.path=$out/work/$database/quarantine"
        --report "$report") ;;
    sql)
      command=("$project/scripts/bench/sql-approach.sh" "$data/song_data" "$data/log_data"
        127.0.0.1 "$port" "$database" "$schema") ;;
    naive)
      command=(java "${jvm_opens[@]}" -Xss4m -XX:+UseParallelGC "$heap" -Dfile.encoding=UTF-8
        -cp "$classes:$runtime_classpath" com.sparkify.warehouse.bench.NaiveSparkJob
        "$data/song_data" "$data/log_data" "$url" "$schema") ;;
  esac
  if [[ "$timeout_seconds" != 0 ]]; then
    command=(timeout --signal=TERM --kill-after=30 "$timeout_seconds" "${command[@]}")
  fi
  local start end status=ok exit_code=0 load server_before server_after
  load="$(cut -d' ' -f1 /proc/loadavg)"
  server_before="$(server_cpu_ticks)"
  start="$(date +%s.%N)"
  (cd "$project" && /usr/bin/time -v -o "$timing" "${command[@]}") >"$log" 2>&1 || exit_code=$?
  if [[ "$exit_code" == 124 ]]; then
    status=timeout
  elif [[ "$exit_code" != 0 ]]; then
    status=failed
  fi
  end="$(date +%s.%N)"
  server_after="$(server_cpu_ticks)"
  local wall rss counts stages="-"
  wall="$(python3 -c "print(f'{$end - $start:.2f}')")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$timing" 2>/dev/null || echo 0)"
  local cpu server_cpu
  cpu="$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {printf "%.1f", s}' "$timing" 2>/dev/null || echo 0)"
  server_cpu="$(python3 -c "print(f'{($server_after - $server_before) / $(getconf CLK_TCK):.1f}')")"
  counts="$(table_counts "$database" "$schema")"
  if [[ "$contender" == job && -f "$report" ]]; then
    stages="$(jq -c '.timings_ms // {}' "$report")"
  fi
  sql -d postgres -c "DROP DATABASE IF EXISTS $database"
  rm -rf "$out/work/$database"
  printf '[%s] %-5s %-8s %-6s %8ss  %6s MB  cpu %6ss  server cpu %6ss  load %s  %s\n' "$scale" "$contender" \
    "$label" "$status" "$wall" "$rss" "$cpu" "$server_cpu" "$load" "$counts"
  if [[ "$label" != warmup* ]]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$contender" "$label" "$status" \
      "$wall" "$rss" "$cpu" "$server_cpu" "$load" "$counts" "$stages" >>"$results"
  fi
}

# --- the table: console and docs/BENCHMARKS.md
render() {
  python3 - "$results" "$project/docs/BENCHMARKS.md" "$write_docs" <<'PY'
import json, statistics, subprocess, sys, datetime

results, docs, write_docs = sys.argv[1], sys.argv[2], sys.argv[3] == "true"
events = {"S1": 8000, "S2": 1000000, "S3": 5000000}
songs = {"S1": 15000, "S2": 150000, "S3": 300000}
rows = {}
with open(results) as f:
    next(f)
    for line in f:
        (scale, contender, run, status, wall, rss, cpu, server_cpu, load, counts,
         stages) = line.rstrip("\n").split("\t")
        rows.setdefault((scale, contender), []).append(
            dict(status=status, wall=float(wall), rss=int(rss or 0), counts=counts,
                 cpu=float(cpu), server_cpu=float(server_cpu), load=float(load),
                 stages=None if stages == "-" else json.loads(stages)))

def sh(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"

order = ["job", "sql", "naive"]
stage_names = ["list_inputs", "read_songs", "read_logs", "quarantine", "transform",
               "stage_files", "copy", "merge"]
lines = []
commit = sh("git rev-parse --short HEAD")
cores = sh("nproc")
memory = sh("free -g | awk '/Mem:/ {print $2}'")
java = sh("java -version 2>&1 | head -1")
now = datetime.datetime.now(datetime.timezone.utc)
# Only changes to what runs count: this file and the results are written by the benchmark itself.
dirty = sh("git status --porcelain -- src scripts pom.xml conf")
in_progress = " (plus uncommitted changes to the code)" if dirty not in ("", "?") else ""
lines.append(f"Written {now:%Y-%m-%d %H:%M} UTC at commit `{commit}`{in_progress} on {cores} "
             f"cores, {memory} GB RAM (`free -g` total), {java}. A row keeps the figures of the "
             f"runs that produced it, which may be older than this commit.")
lines.append("")
lines.append("| scale | contender | runs | median s | min s | max s | peak RSS MB | events/s | "
             "CPU s (process) | CPU s (PostgreSQL) | load at start | "
             "rows (songplays/users/songs/artists/time) |")
lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
stage_lines = []
checks = []
for scale in ["S1", "S2", "S3"]:
    counts_seen = {}
    for contender in order:
        runs = rows.get((scale, contender))
        if not runs:
            continue
        ok = [r for r in runs if r["status"] == "ok"]
        failed = len(runs) - len(ok)
        if not ok:
            what = "/".join(sorted({r["status"] for r in runs}))
            lines.append(f"| {scale} | {contender} | {len(runs)} | {what} after "
                         f"{max(r['wall'] for r in runs):.0f} s | | | "
                         f"{max(r['rss'] for r in runs)} | | "
                         f"{statistics.median(r['cpu'] for r in runs):.1f} | | | |")
            continue
        walls = [r["wall"] for r in ok]
        loads = "/".join(f"{r['load']:.1f}" for r in ok)
        median = statistics.median(walls)
        rss = max(r["rss"] for r in ok)
        counts = ok[-1]["counts"]
        counts_seen[contender] = counts
        short = "/".join(c.split("=")[1] for c in counts.split())
        note = f" ({failed} failed)" if failed else ""
        lines.append(f"| {scale} | {contender} | {len(ok)}{note} | {median:.1f} | {min(walls):.1f} | "
                     f"{max(walls):.1f} | {rss} | {events[scale] / median:,.0f} | "
                     f"{statistics.median(r['cpu'] for r in ok):.1f} | "
                     f"{statistics.median(r['server_cpu'] for r in ok):.1f} | "
                     f"{loads} | {short} |")
        if contender == "job":
            per_stage = {s: statistics.median([(r["stages"] or {}).get(s, 0) for r in ok])
                         for s in stage_names}
            stage_lines.append(f"| {scale} | " + " | ".join(f"{per_stage[s] / 1000:.1f}"
                               for s in stage_names) + f" | {median:.1f} |")
    if counts_seen:
        same = len(set(counts_seen.values())) == 1
        checks.append(f"- {scale}: " + ("all contenders agree: " + next(iter(counts_seen.values()))
                      if same else "MISMATCH: " + "; ".join(f"{c}: {v}" for c, v in counts_seen.items()))
                      + f" ({', '.join(counts_seen)})")
lines.append("")
lines.append("The job's median time per stage (seconds, from the run report's `timings_ms`; the rest of "
             "the wall time is JVM and Spark start-up and shutdown):")
lines.append("")
lines.append("| scale | " + " | ".join(stage_names) + " | wall |")
lines.append("|---|" + "---|" * (len(stage_names) + 1))
lines.extend(stage_lines)
lines.append("")
lines.append("Row counts:")
lines.append("")
lines.extend(checks)
table = "\n".join(lines)
print(table)

if write_docs:
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    try:
        text = open(docs).read()
    except FileNotFoundError:
        text = "# Benchmarks\n\n" + begin + "\n" + end + "\n"
    if begin not in text or end not in text:
        text = text.rstrip("\n") + "\n\n" + begin + "\n" + end + "\n"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(docs, "w") as f:
        f.write(head + begin + "\n" + table + "\n" + end + tail)
    print(f"\nwrote {docs}")
PY
}

# --- main
if [[ "$report_only" == true ]]; then
  render
  exit 0
fi
IFS=',' read -r -a scale_list <<<"$scales"
IFS=',' read -r -a contender_list <<<"$contenders"
for scale in "${scale_list[@]}"; do
  scale_songs "$scale" >/dev/null || { echo "bench.sh: unknown scale $scale (S1, S2, S3)" >&2; exit 2; }
  generate "$scale"
done
start_postgres
for scale in "${scale_list[@]}"; do
  for contender in "${contender_list[@]}"; do
    # A rerun of a scale and contender replaces its earlier results.
    python3 - "$results" "$scale" "$contender" <<'PY'
import sys
path, scale, contender = sys.argv[1:]
lines = open(path).read().splitlines(True)
kept = [l for i, l in enumerate(lines) if i == 0 or l.split("\t")[:2] != [scale, contender]]
open(path, "w").writelines(kept)
PY
    for i in $(seq 1 "$warmups"); do run_once "$scale" "$contender" "warmup$i"; done
    for i in $(seq 1 "$runs"); do run_once "$scale" "$contender" "run$i"; done
  done
done
stop_postgres
render

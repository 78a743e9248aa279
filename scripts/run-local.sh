#!/usr/bin/env bash
# Quick start: build if needed, load data-sample/ into the embedded PostgreSQL, print the summary.
# Extra arguments go to `sparkify run`, e.g. --report report.json or --set KEY=VALUE.
set -euo pipefail

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$project"

needs_build() {
  [[ ! -f target/runtime-classpath.txt ]] && return 0
  [[ -n "$(find src/main pom.xml -newer target/runtime-classpath.txt -print -quit)" ]]
}

if needs_build; then
  echo "[run-local] building (mvn -DskipTests package)..." >&2
  mvn -q -B -DskipTests package >&2
fi

exec scripts/sparkify run --config conf/local.conf "$@"

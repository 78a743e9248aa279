# shellcheck shell=bash
# Shared by the scripts in scripts/emr/: flag checks, the job's spark-submit line, JSON and shell
# quoting. Sourced, not run. Needs bash 4+ only (no jq, no python, no aws for --dry-run).

EMR_MAIN_CLASS="com.sparkify.warehouse.cli.SparkifyCli"
# Where EMR 7 keeps the Amazon Redshift integration for Apache Spark. EMR 6.10+ puts these on the
# classpath by itself; --redshift-jars passes them explicitly for images where it does not.
EMR_REDSHIFT_JARS="/usr/share/aws/redshift/jdbc/RedshiftJDBC.jar,/usr/share/aws/redshift/spark-redshift/lib/spark-redshift.jar,/usr/share/aws/redshift/spark-redshift/lib/spark-avro.jar"
# --artifacts layout (as scripts/aws/up.sh's artifact bucket): jars/THE-JAR, conf/emr.conf, logs/.
EMR_PLACEHOLDER_ARTIFACTS="s3://YOUR-ARTIFACT-BUCKET"

emr_project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
script_name="$(basename "$0")"

# One line on stderr, exit 2: a usage error.
usage_error() {
  echo "$script_name: $*" >&2
  exit 2
}

# The project version, from the first <version> of pom.xml (the project's own; there is no parent).
project_version() {
  local line
  line="$(grep -m1 -o '<version>[^<]*</version>' "$emr_project/pom.xml")"
  line="${line#<version>}"
  echo "${line%</version>}"
}

# Takes the value of a flag, or fails when it is missing: need_value --flag "$#" "${2-}".
need_value() {
  if [[ "$2" -lt 2 || -z "$3" || "$3" == --* ]]; then
    usage_error "$1 needs a value (see --help)"
  fi
}

# YYYY-MM-DD and a real calendar day.
validate_date() {
  local flag="$1" value="$2"
  if [[ ! "$value" =~ ^([0-9]{4})-([0-9]{2})-([0-9]{2})$ ]]; then
    usage_error "$flag expects a date YYYY-MM-DD, got '$value'"
  fi
  local year=$((10#${BASH_REMATCH[1]})) month=$((10#${BASH_REMATCH[2]})) day=$((10#${BASH_REMATCH[3]}))
  local days_in_month=(0 31 28 31 30 31 30 31 31 30 31 30 31)
  if ((year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))); then
    days_in_month[2]=29
  fi
  if ((month < 1 || month > 12 || day < 1 || day > days_in_month[month])); then
    usage_error "$flag expects a date YYYY-MM-DD, got '$value' (no such day)"
  fi
}

validate_s3_uri() {
  local flag="$1" value="$2"
  if [[ ! "$value" =~ ^s3a?://[A-Za-z0-9][A-Za-z0-9._-]*(/.*)?$ ]]; then
    usage_error "$flag expects an s3:// URI, got '$value'"
  fi
}

# Job options shared by submit.sh, add-step.sh and create-cluster.sh. Each call consumes the flag
# at "$1" and sets `shift_by`; returns 1 when the flag is not one of them.
job_from=""
job_to=""
job_incremental=""
job_jar=""
job_config=""
job_artifacts="${SPARKIFY_EMR_ARTIFACTS:-}"
job_redshift_jars=""
job_extra=()
# shellcheck disable=SC2034 # shift_by is read by the calling script.
parse_job_flag() {
  shift_by=2
  case "$1" in
    --from) need_value "$1" "$#" "${2-}"; job_from="$2" ;;
    --to) need_value "$1" "$#" "${2-}"; job_to="$2" ;;
    --incremental) job_incremental=yes; shift_by=1 ;;
    --jar) need_value "$1" "$#" "${2-}"; job_jar="$2" ;;
    --config) need_value "$1" "$#" "${2-}"; job_config="$2" ;;
    --artifacts) need_value "$1" "$#" "${2-}"; job_artifacts="$2" ;;
    --redshift-jars) job_redshift_jars=yes; shift_by=1 ;;
    *) return 1 ;;
  esac
}

# Checks the job flags and fills in the jar and config locations.
finish_job_flags() {
  local dry_run="$1"
  if [[ -n "$job_incremental" && (-n "$job_from" || -n "$job_to") ]]; then
    usage_error "--incremental cannot be combined with --from/--to"
  fi
  if [[ -n "$job_from" && -z "$job_to" ]]; then usage_error "--from needs --to"; fi
  if [[ -n "$job_to" && -z "$job_from" ]]; then usage_error "--to needs --from"; fi
  if [[ -n "$job_from" ]]; then
    validate_date --from "$job_from"
    validate_date --to "$job_to"
    if [[ "$job_from" > "$job_to" ]]; then
      usage_error "--from $job_from is after --to $job_to"
    fi
  fi
  local artifacts="${job_artifacts:-$EMR_PLACEHOLDER_ARTIFACTS}"
  artifacts="${artifacts%/}"
  validate_s3_uri --artifacts "$artifacts"
  job_jar="${job_jar:-$artifacts/jars/sparkify-warehouse-$(project_version)-emr.jar}"
  job_config="${job_config:-$artifacts/conf/emr.conf}"
  validate_s3_uri --jar "$job_jar"
  validate_s3_uri --config "$job_config"
  if [[ "$job_jar $job_config" == *YOUR-ARTIFACT-BUCKET* ]]; then
    if [[ -z "$dry_run" ]]; then
      usage_error "where are the jar and emr.conf? pass --artifacts s3://BUCKET[/PREFIX] (or set SPARKIFY_EMR_ARTIFACTS), or --jar and --config"
    fi
    echo "$script_name: no --artifacts or SPARKIFY_EMR_ARTIFACTS; showing placeholder locations" >&2
  fi
}

# The job's own arguments: run --config ... [--from D --to D | --incremental] [extra...].
job_arguments() {
  job_args=(run --config "$job_config")
  if [[ -n "$job_incremental" ]]; then
    job_args+=(--incremental)
  elif [[ -n "$job_from" ]]; then
    job_args+=(--from "$job_from" --to "$job_to")
  fi
  job_args+=("${job_extra[@]}")
}

# A short step name that says what the step loads.
job_step_name() {
  if [[ -n "$job_incremental" ]]; then
    echo "sparkify run --incremental"
  elif [[ -n "$job_from" ]]; then
    echo "sparkify run --from $job_from --to $job_to"
  else
    echo "sparkify run"
  fi
}

# spark-submit and its arguments, as the primary node or command-runner.jar runs them.
spark_submit_arguments() {
  job_arguments
  submit_args=(spark-submit --deploy-mode cluster --class "$EMR_MAIN_CLASS")
  # A failed run leaves the warehouse unchanged; the next (scheduled) run picks the days up,
  # so YARN should not start a second attempt of the driver.
  submit_args+=(--conf spark.yarn.maxAppAttempts=1)
  if [[ -n "$job_redshift_jars" ]]; then
    submit_args+=(--jars "$EMR_REDSHIFT_JARS")
  fi
  submit_args+=("$job_jar" "${job_args[@]}")
}

# A JSON string literal.
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/\\n}"
  s="${s//$'\r'/\\r}"
  s="${s//$'\t'/\\t}"
  printf '"%s"' "$s"
}

# A JSON array of strings.
json_array() {
  local out="[" separator="" item
  for item in "$@"; do
    out+="$separator$(json_string "$item")"
    separator=","
  done
  printf '%s]' "$out"
}

# One EMR step (the API's StepConfig shape) that runs spark-submit through command-runner.jar.
step_config_json() {
  local name="$1" action="$2"
  spark_submit_arguments
  printf '{"Name":%s,"ActionOnFailure":%s,"HadoopJarStep":{"Jar":"command-runner.jar","Args":%s}}' \
    "$(json_string "$name")" "$(json_string "$action")" "$(json_array "${submit_args[@]}")"
}

# The same step in the AWS CLI's --steps shape (aws emr add-steps / create-cluster).
cli_step_json() {
  local name="$1" action="$2"
  spark_submit_arguments
  printf '{"Type":"CUSTOM_JAR","Name":%s,"ActionOnFailure":%s,"Jar":"command-runner.jar","Args":%s}' \
    "$(json_string "$name")" "$(json_string "$action")" "$(json_array "${submit_args[@]}")"
}

# A word as the shell reads it back: bare when safe, else in single quotes.
shell_quote() {
  local word="$1"
  if [[ -n "$word" && "$word" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
    printf '%s' "$word"
  else
    printf "'%s'" "${word//\'/\'\\\'\'}"
  fi
}

shell_line() {
  local out="" separator="" word
  for word in "$@"; do
    out+="$separator$(shell_quote "$word")"
    separator=" "
  done
  printf '%s\n' "$out"
}

# --dry-run: print the command, then each JSON value it carries under a "# FLAG" line.
# Otherwise: run it. Usage: dry_run_or_run "$dry_run" json_flag... -- command...
dry_run_or_run() {
  local dry_run="$1"
  shift
  local json_flags=()
  while [[ "$1" != "--" ]]; do
    json_flags+=("$1")
    shift
  done
  shift
  local command=("$@")
  if [[ -n "$dry_run" ]]; then
    shell_line "${command[@]}"
    local flag i
    for flag in "${json_flags[@]}"; do
      for ((i = 0; i < ${#command[@]} - 1; i++)); do
        if [[ "${command[i]}" == "$flag" ]]; then
          printf '# %s\n%s\n' "$flag" "${command[i + 1]}"
        fi
      done
    done
    return 0
  fi
  if ! command -v "${command[0]}" >/dev/null 2>&1; then
    echo "$script_name: ${command[0]} is not on PATH" >&2
    exit 1
  fi
  exec "${command[@]}"
}

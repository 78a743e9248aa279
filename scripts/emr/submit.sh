#!/usr/bin/env bash
# Runs sparkify on the EMR primary node with spark-submit (jar and config on S3).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
Usage: $script_name [--from YYYY-MM-DD --to YYYY-MM-DD | --incremental]
                 [--artifacts S3URI | --jar S3URI --config S3URI] [--redshift-jars]
                 [--dry-run] [-- JOB-ARGS...]

On the EMR primary node (ssh hadoop@...), runs
  spark-submit --deploy-mode cluster --class $EMR_MAIN_CLASS JAR run --config CONFIG [...]

  --from D --to D    load only these days of log_data (YYYY-MM-DD, inclusive).
  --incremental      load every day the warehouse's run ledger has not loaded yet.
                     Neither: a full run of everything in the input.
  --artifacts S3URI  where the jar and emr.conf were uploaded (default: \$SPARKIFY_EMR_ARTIFACTS);
                     the jar is S3URI/jars/sparkify-warehouse-$(project_version)-emr.jar,
                     the config S3URI/conf/emr.conf.
  --jar S3URI        the EMR jar, if not under --artifacts.
  --config S3URI     the job's HOCON config, if not under --artifacts.
  --redshift-jars    pass EMR's Redshift connector and JDBC jars with --jars (EMR 6.10+ has them
                     on the classpath already; use this when the connector's classes are missing):
                     ${EMR_REDSHIFT_JARS//,/,$'\n'                     }
  --dry-run          print the spark-submit line and its arguments as JSON; run nothing.
  -- JOB-ARGS...     more arguments for 'sparkify run', e.g. -- --set spark.executor.instances=4

Example:
  $script_name --from 2018-11-01 --to 2018-11-10 --artifacts s3://my-artifact-bucket
USAGE
}

dry_run=""
while [[ $# -gt 0 ]]; do
  if parse_job_flag "$@"; then
    shift "$shift_by"
    continue
  fi
  case "$1" in
    --dry-run) dry_run=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; job_extra=("$@"); break ;;
    *) usage_error "unknown argument '$1' (see --help)" ;;
  esac
done
finish_job_flags "$dry_run"
spark_submit_arguments

if [[ -n "$dry_run" ]]; then
  shell_line "${submit_args[@]}"
  printf '# arguments\n%s\n' "$(json_array "${submit_args[@]}")"
  exit 0
fi
dry_run_or_run "" -- "${submit_args[@]}"

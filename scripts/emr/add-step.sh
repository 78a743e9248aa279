#!/usr/bin/env bash
# Adds a sparkify run as a step to a running EMR cluster (aws emr add-steps).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
Usage: $script_name --cluster-id ID [--from YYYY-MM-DD --to YYYY-MM-DD | --incremental]
                   [--artifacts S3URI | --jar S3URI --config S3URI] [--region R]
                   [--action-on-failure A] [--redshift-jars] [--dry-run] [-- JOB-ARGS...]

Adds one step to a running EMR cluster that runs, through command-runner.jar,
  spark-submit --deploy-mode cluster --class $EMR_MAIN_CLASS JAR run --config CONFIG [...]

  --cluster-id ID        the cluster (j-...). Required.
  --from D --to D        load only these days of log_data (YYYY-MM-DD, inclusive).
  --incremental          load every day the warehouse's run ledger has not loaded yet.
                         Neither: a full run of everything in the input.
  --artifacts S3URI      where the jar and emr.conf were uploaded (default: \$SPARKIFY_EMR_ARTIFACTS);
                         the jar is S3URI/jars/sparkify-warehouse-$(project_version)-emr.jar,
                         the config S3URI/conf/emr.conf.
  --jar S3URI            the EMR jar, if not under --artifacts.
  --config S3URI         the job's HOCON config, if not under --artifacts.
  --region R             AWS region (default: the AWS CLI's).
  --action-on-failure A  CONTINUE (default), CANCEL_AND_WAIT or TERMINATE_CLUSTER.
  --redshift-jars        pass EMR's Redshift connector and JDBC jars with --jars.
  --dry-run              print the aws command and its step JSON; do not call AWS.
  -- JOB-ARGS...         more arguments for 'sparkify run', e.g. -- --set spark.executor.instances=4

Example:
  $script_name --cluster-id j-2AXXXXXXGAPLF --incremental --artifacts s3://my-artifact-bucket
USAGE
}

cluster_id=""
region=""
action="CONTINUE"
dry_run=""
while [[ $# -gt 0 ]]; do
  if parse_job_flag "$@"; then
    shift "$shift_by"
    continue
  fi
  case "$1" in
    --cluster-id) need_value "$1" "$#" "${2-}"; cluster_id="$2"; shift 2 ;;
    --region) need_value "$1" "$#" "${2-}"; region="$2"; shift 2 ;;
    --action-on-failure) need_value "$1" "$#" "${2-}"; action="$2"; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; job_extra=("$@"); break ;;
    *) usage_error "unknown argument '$1' (see --help)" ;;
  esac
done

[[ -n "$cluster_id" ]] || usage_error "missing --cluster-id ID (the running cluster, j-...)"
[[ "$cluster_id" =~ ^j-[A-Za-z0-9]+$ ]] || usage_error "--cluster-id expects j-..., got '$cluster_id'"
case "$action" in
  CONTINUE | CANCEL_AND_WAIT | TERMINATE_CLUSTER) ;;
  *) usage_error "--action-on-failure expects CONTINUE, CANCEL_AND_WAIT or TERMINATE_CLUSTER, got '$action'" ;;
esac
finish_job_flags "$dry_run"

steps="[$(cli_step_json "$(job_step_name)" "$action")]"
command=(aws emr add-steps --cluster-id "$cluster_id")
[[ -z "$region" ]] || command+=(--region "$region")
command+=(--steps "$steps")

dry_run_or_run "$dry_run" --steps -- "${command[@]}"

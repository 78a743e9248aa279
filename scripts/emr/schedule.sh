#!/usr/bin/env bash
# Creates an EventBridge Scheduler schedule that adds a daily 'sparkify run --incremental' step
# to a running EMR cluster (universal target emr:addJobFlowSteps).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
Usage: $script_name --cluster-id ID --role-arn ARN [--cron 'MIN HOUR DOM MON DOW YEAR']
                   [--timezone TZ] [--name NAME] [--artifacts S3URI | --jar S3URI --config S3URI]
                   [--region R] [--redshift-jars] [--dry-run] [-- JOB-ARGS...]

Every day, EventBridge Scheduler calls EMR AddJobFlowSteps on the cluster with one step that runs
  spark-submit --deploy-mode cluster --class $EMR_MAIN_CLASS JAR run --config CONFIG --incremental
so each run loads whatever days the warehouse's run ledger has not loaded yet.

  --cluster-id ID     the long-running cluster (j-...). Required.
  --role-arn ARN      the role the scheduler assumes; it needs elasticmapreduce:AddJobFlowSteps on
                      the cluster and trusts scheduler.amazonaws.com. Required.
  --cron EXPR         the six fields of an EventBridge cron() (default: '0 6 * * ? *', 06:00 daily).
  --timezone TZ       time zone of --cron (default: UTC).
  --name NAME         schedule name (default: sparkify-warehouse-daily).
  --artifacts S3URI   where the jar and emr.conf were uploaded (default: \$SPARKIFY_EMR_ARTIFACTS).
                      layout: jars/sparkify-warehouse-$(project_version)-emr.jar, conf/emr.conf, logs/.
  --jar S3URI, --config S3URI  the jar and config, if not under --artifacts.
  --region R          AWS region of the cluster and the schedule (default: the AWS CLI's).
  --redshift-jars     pass EMR's Redshift connector and JDBC jars with --jars.
  --dry-run           print the aws command and its target JSON; do not call AWS.
  -- JOB-ARGS...      more arguments for 'sparkify run'.

Example:
  $script_name --cluster-id j-2AXXXXXXGAPLF --role-arn arn:aws:iam::123456789012:role/sparkify-scheduler \\
      --artifacts s3://my-artifact-bucket --region us-west-2
USAGE
}

cluster_id=""
role_arn=""
cron="0 6 * * ? *"
timezone="UTC"
name="sparkify-warehouse-daily"
region=""
dry_run=""
while [[ $# -gt 0 ]]; do
  if parse_job_flag "$@"; then
    case "$1" in
      --from | --to)
        usage_error "a schedule always runs --incremental; $1 is for add-step.sh" ;;
    esac
    shift "$shift_by"
    continue
  fi
  case "$1" in
    --cluster-id) need_value "$1" "$#" "${2-}"; cluster_id="$2"; shift 2 ;;
    --role-arn) need_value "$1" "$#" "${2-}"; role_arn="$2"; shift 2 ;;
    --cron) need_value "$1" "$#" "${2-}"; cron="$2"; shift 2 ;;
    --timezone) need_value "$1" "$#" "${2-}"; timezone="$2"; shift 2 ;;
    --name) need_value "$1" "$#" "${2-}"; name="$2"; shift 2 ;;
    --region) need_value "$1" "$#" "${2-}"; region="$2"; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; job_extra=("$@"); break ;;
    *) usage_error "unknown argument '$1' (see --help)" ;;
  esac
done

[[ -n "$cluster_id" ]] || usage_error "missing --cluster-id ID (the running cluster, j-...)"
[[ "$cluster_id" =~ ^j-[A-Za-z0-9]+$ ]] || usage_error "--cluster-id expects j-..., got '$cluster_id'"
[[ -n "$role_arn" ]] || usage_error "missing --role-arn ARN (the role EventBridge Scheduler assumes)"
[[ "$role_arn" =~ ^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$ ]] ||
  usage_error "--role-arn expects arn:aws:iam::ACCOUNT:role/NAME, got '$role_arn'"
read -r -a cron_fields <<<"$cron"
[[ ${#cron_fields[@]} -eq 6 ]] ||
  usage_error "--cron expects six fields 'MIN HOUR DAY-OF-MONTH MONTH DAY-OF-WEEK YEAR', got '$cron'"
job_incremental=yes
finish_job_flags "$dry_run"

# The universal target's Input is the AddJobFlowSteps request, as a JSON string inside the target.
input="{\"JobFlowId\":$(json_string "$cluster_id"),\"Steps\":[$(step_config_json "$(job_step_name)" CONTINUE)]}"
target="{\"Arn\":\"arn:aws:scheduler:::aws-sdk:emr:addJobFlowSteps\",\"RoleArn\":$(json_string "$role_arn"),\"Input\":$(json_string "$input")}"
command=(aws scheduler create-schedule
  --name "$name"
  --schedule-expression "cron($cron)"
  --schedule-expression-timezone "$timezone"
  --flexible-time-window '{"Mode":"OFF"}')
[[ -z "$region" ]] || command+=(--region "$region")
command+=(--target "$target")

dry_run_or_run "$dry_run" --flexible-time-window --target -- "${command[@]}"

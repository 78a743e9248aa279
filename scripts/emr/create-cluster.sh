#!/usr/bin/env bash
# Starts a transient EMR 7 cluster that runs sparkify as its one step and then terminates.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
Usage: $script_name [--from YYYY-MM-DD --to YYYY-MM-DD | --incremental]
                         [--artifacts S3URI | --jar S3URI --config S3URI] [--log-uri S3URI]
                         [--name NAME] [--release-label emr-7.x.y] [--instance-type T]
                         [--instance-count N] [--service-role ROLE] [--instance-profile PROFILE]
                         [--subnet-id ID] [--key-name KEY] [--security-group SG]
                         [--configurations JSON|file://F] [--region R] [--redshift-jars]
                         [--dry-run] [-- JOB-ARGS...]

Creates a cluster with Spark, runs
  spark-submit --deploy-mode cluster --class $EMR_MAIN_CLASS JAR run --config CONFIG [...]
as its step and terminates when the step ends (--auto-terminate), whether it succeeded or not.

  --from D --to D           load only these days of log_data (YYYY-MM-DD, inclusive).
  --incremental             load every day the warehouse's run ledger has not loaded yet.
                            Neither: a full run of everything in the input (a backfill).
  --artifacts S3URI         where the jar and emr.conf were uploaded (default: \$SPARKIFY_EMR_ARTIFACTS).
                            layout: jars/sparkify-warehouse-$(project_version)-emr.jar, conf/emr.conf, logs/.
  --jar S3URI, --config S3URI  the jar and config, if not under --artifacts.
  --log-uri S3URI           cluster and step logs (default: ARTIFACTS/logs/ when --artifacts is set).
  --name NAME               cluster name (default: sparkify-warehouse).
  --release-label L         EMR release, 7.x (default: emr-7.12.0: Spark 3.5, Java 17).
  --instance-type T         EC2 type of every node (default: m5.xlarge).
  --instance-count N        nodes including the primary (default: 3).
  --service-role ROLE       EMR service role (default: EMR_DefaultRole).
  --instance-profile P      EC2 instance profile (default: EMR_EC2_DefaultRole); it needs read access
                            to the input and artifacts, and the Redshift settings of emr.conf.
  --subnet-id ID            subnet to start in (default: the account's default VPC).
  --key-name KEY            EC2 key pair, to ssh to the primary node.
  --security-group SG       an extra security group for every node, e.g. the stack's
                            EmrClientSecurityGroupId that lets them reach Redshift.
  --configurations C        EMR configuration classifications, JSON or file://FILE, e.g. emrfs-site
                            fs.s3.maxConnections for many small S3 files (see docs/EMR.md).
  --region R                AWS region (default: the AWS CLI's; the public sample is in us-west-2).
  --redshift-jars           pass EMR's Redshift connector and JDBC jars with --jars.
  --dry-run                 print the aws command and its step JSON; do not call AWS.
  -- JOB-ARGS...            more arguments for 'sparkify run'.

Example:
  $script_name --artifacts s3://my-artifact-bucket --region us-west-2 --instance-count 4
USAGE
}

name="sparkify-warehouse"
release_label="emr-7.12.0"
instance_type="m5.xlarge"
instance_count="3"
service_role="EMR_DefaultRole"
instance_profile="EMR_EC2_DefaultRole"
subnet_id=""
key_name=""
security_group=""
configurations=""
log_uri=""
region=""
dry_run=""
while [[ $# -gt 0 ]]; do
  if parse_job_flag "$@"; then
    shift "$shift_by"
    continue
  fi
  case "$1" in
    --name) need_value "$1" "$#" "${2-}"; name="$2"; shift 2 ;;
    --release-label) need_value "$1" "$#" "${2-}"; release_label="$2"; shift 2 ;;
    --instance-type) need_value "$1" "$#" "${2-}"; instance_type="$2"; shift 2 ;;
    --instance-count) need_value "$1" "$#" "${2-}"; instance_count="$2"; shift 2 ;;
    --service-role) need_value "$1" "$#" "${2-}"; service_role="$2"; shift 2 ;;
    --instance-profile) need_value "$1" "$#" "${2-}"; instance_profile="$2"; shift 2 ;;
    --subnet-id) need_value "$1" "$#" "${2-}"; subnet_id="$2"; shift 2 ;;
    --key-name) need_value "$1" "$#" "${2-}"; key_name="$2"; shift 2 ;;
    --security-group) need_value "$1" "$#" "${2-}"; security_group="$2"; shift 2 ;;
    --configurations) need_value "$1" "$#" "${2-}"; configurations="$2"; shift 2 ;;
    --log-uri) need_value "$1" "$#" "${2-}"; log_uri="$2"; shift 2 ;;
    --region) need_value "$1" "$#" "${2-}"; region="$2"; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; job_extra=("$@"); break ;;
    *) usage_error "unknown argument '$1' (see --help)" ;;
  esac
done

[[ "$release_label" =~ ^emr-7\.[0-9]+\.[0-9]+$ ]] ||
  usage_error "--release-label expects emr-7.x.y (Spark 3.5 on Java 17), got '$release_label'"
[[ "$instance_count" =~ ^[1-9][0-9]*$ ]] ||
  usage_error "--instance-count expects a positive number, got '$instance_count'"
finish_job_flags "$dry_run"
if [[ -z "$log_uri" && -n "$job_artifacts" ]]; then
  log_uri="${job_artifacts%/}/logs/"
fi
[[ -z "$log_uri" ]] || validate_s3_uri --log-uri "$log_uri"

ec2_attributes="InstanceProfile=$instance_profile"
[[ -z "$subnet_id" ]] || ec2_attributes+=",SubnetId=$subnet_id"
[[ -z "$key_name" ]] || ec2_attributes+=",KeyName=$key_name"
if [[ -n "$security_group" ]]; then
  ec2_attributes+=",AdditionalMasterSecurityGroups=$security_group,AdditionalSlaveSecurityGroups=$security_group"
fi

# The cluster ends with its step either way; TERMINATE_CLUSTER only makes a failure say so.
steps="[$(cli_step_json "$(job_step_name)" TERMINATE_CLUSTER)]"
command=(aws emr create-cluster
  --name "$name"
  --release-label "$release_label"
  --applications Name=Spark
  --instance-type "$instance_type"
  --instance-count "$instance_count"
  --service-role "$service_role"
  --ec2-attributes "$ec2_attributes")
[[ -z "$log_uri" ]] || command+=(--log-uri "$log_uri")
[[ -z "$configurations" ]] || command+=(--configurations "$configurations")
[[ -z "$region" ]] || command+=(--region "$region")
command+=(--steps "$steps" --auto-terminate)

dry_run_or_run "$dry_run" --steps --configurations -- "${command[@]}"

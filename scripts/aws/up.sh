#!/usr/bin/env bash
# Creates or updates the sparkify CloudFormation stack and prints the conf/redshift.conf settings.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/aws/up.sh --region REGION --vpc-id VPC --subnet-ids SUBNET[,SUBNET...]
                         --allowed-cidr CIDR [options]

Creates or updates the stack of scripts/aws/sparkify-stack.yaml (Redshift cluster, temp bucket,
COPY role, EMR roles, master password in Secrets Manager), waits until it is done, then prints
the settings for conf/redshift.conf. The stack costs money while it exists: remove it with
scripts/aws/down.sh.

Required:
  --region REGION            AWS region, e.g. us-west-2 (default: $AWS_REGION)
  --vpc-id VPC               VPC of the cluster
  --subnet-ids IDS           comma-separated subnets of that VPC for the cluster subnet group
  --allowed-cidr CIDR        IPv4 network allowed on port 5439, /8 to /32 (never 0.0.0.0/0)

Options (a stack parameter that is not given keeps its current value, or its default):
  --stack-name NAME          stack name (default: sparkify)
  --node-type TYPE           ra3.large (default), ra3.xlplus, ra3.4xlarge or ra3.16xlarge
  --number-of-nodes N        compute nodes, 1 to 32 (default: 1)
  --input-bucket BUCKET      bucket the job reads (default: udacity-dend)
  --temp-expiry-days N       days before staged COPY files expire (default: 3)
  --database-name NAME       database name (default: dev)
  --master-username NAME     master user (default: sparkify_admin)
  --publicly-accessible      give the cluster a public address (still limited to --allowed-cidr)
  --write-config FILE        write the settings to FILE instead of printing them
  --dry-run                  print the aws commands, one per line, and call nothing
  -h, --help                 show this help
EOF
}

# shellcheck source=scripts/aws/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

vpc_id=""
subnet_ids=""
allowed_cidr=""
write_config=""
declare -a overrides=()

while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --dry-run) dry_run=true; shift ;;
    --stack-name) stack_name="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --region) region="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --vpc-id) vpc_id="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --subnet-ids) subnet_ids="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --allowed-cidr) allowed_cidr="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --node-type) overrides+=("NodeType=$(flag_value "$1" $# "${2-}")"); shift 2 ;;
    --number-of-nodes) overrides+=("NumberOfNodes=$(flag_value "$1" $# "${2-}")"); shift 2 ;;
    --input-bucket) overrides+=("InputBucket=$(flag_value "$1" $# "${2-}")"); shift 2 ;;
    --temp-expiry-days) overrides+=("TempExpirationDays=$(flag_value "$1" $# "${2-}")"); shift 2 ;;
    --database-name) overrides+=("DatabaseName=$(flag_value "$1" $# "${2-}")"); shift 2 ;;
    --master-username) overrides+=("MasterUsername=$(flag_value "$1" $# "${2-}")"); shift 2 ;;
    --publicly-accessible) overrides+=("PubliclyAccessible=true"); shift ;;
    --write-config) write_config="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    *) usage_error "unknown argument '$1'" ;;
  esac
done

[[ -n "$vpc_id" ]] || usage_error "--vpc-id is required"
[[ -n "$subnet_ids" ]] || usage_error "--subnet-ids is required"
[[ -n "$allowed_cidr" ]] || usage_error "--allowed-cidr is required (the network that may reach port 5439)"
# The same rule as the template's AllowedPattern, checked before anything is called.
octet='(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])'
if ! [[ "$allowed_cidr" =~ ^($octet\.){3}$octet/([89]|[12][0-9]|3[0-2])$ ]]; then
  usage_error "--allowed-cidr '$allowed_cidr' must be an IPv4 CIDR from /8 to /32; 0.0.0.0/0 is never allowed"
fi
[[ "$vpc_id" =~ ^vpc-[0-9a-f]+$ ]] || usage_error "--vpc-id '$vpc_id' is not a VPC id such as vpc-0abc123"
[[ "$subnet_ids" =~ ^subnet-[0-9a-f]+(,subnet-[0-9a-f]+)*$ ]] || usage_error "--subnet-ids '$subnet_ids' must be subnet ids separated by commas"
check_common

if [[ -n "$write_config" && "$dry_run" != true ]]; then
  config_dir="$(dirname "$write_config")"
  [[ -d "$config_dir" ]] || usage_error "--write-config: folder '$config_dir' does not exist"
fi

say "Deploying stack '$stack_name' in $region; creating a cluster takes about 10 minutes."
aws_call cloudformation deploy \
  --region "$region" \
  --stack-name "$stack_name" \
  --template-file "$template" \
  --capabilities CAPABILITY_NAMED_IAM \
  --no-fail-on-empty-changeset \
  --tags project=sparkify-warehouse \
  --parameter-overrides "VpcId=$vpc_id" "SubnetIds=$subnet_ids" "AllowedCidr=$allowed_cidr" \
  ${overrides[@]+"${overrides[@]}"}
# `deploy` itself waits until the stack is CREATE_COMPLETE or UPDATE_COMPLETE (and fails, after
# CloudFormation rolled back, otherwise), so the outputs below are those of the finished stack.

stack_outputs
settings="$(
  cat <<EOF
# Written by scripts/aws/up.sh from stack '$stack_name' ($region). No password here: the job
# reads it from the Secrets Manager secret named in warehouse.password-secret.
warehouse.kind = "redshift"
warehouse.url = "jdbc:redshift://${outputs[ClusterEndpoint]}/${outputs[DatabaseName]}"
warehouse.user = "${outputs[MasterUsername]}"
warehouse.iam-role = "${outputs[CopyRoleArn]}"
warehouse.tempdir = "s3a://${outputs[TempBucketName]}/tmp"
warehouse.tempdir-region = "${outputs[TempBucketRegion]}"
warehouse.password-secret = "${outputs[MasterSecretArn]}"
EOF
)"

if [[ "$dry_run" == true ]]; then
  say "Dry run: nothing was called. <Name> stands for the stack output read at run time."
  if [[ -n "$write_config" ]]; then
    say "Would write these settings to $write_config:"
  else
    say "Would print these settings:"
  fi
  say "$settings"
  exit 0
fi

if [[ -n "$write_config" ]]; then
  printf '%s\n' "$settings" >"$write_config"
  say "Wrote the Redshift settings to $write_config."
else
  printf '%s\n' "$settings"
fi
say "Upload the job's jar to s3://${outputs[ArtifactBucketName]}/jars/ for EMR steps; EMR roles:" \
  "--service-role ${outputs[EmrServiceRoleName]}, InstanceProfile=${outputs[EmrInstanceProfileName]}," \
  "security group ${outputs[EmrClientSecurityGroupId]}."
say "Next: scripts/sparkify create-tables --config conf/redshift.conf, then run. Remove it all with scripts/aws/down.sh --region $region."

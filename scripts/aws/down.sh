#!/usr/bin/env bash
# Deletes the sparkify stack and everything in it, optionally after a final cluster snapshot.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/aws/down.sh --region REGION [--stack-name NAME] [--final-snapshot ID] [--yes]
                           [--dry-run]

Deletes the stack made by scripts/aws/up.sh and everything in it:
  - the Redshift cluster and all the data in it (its automated snapshots go with it),
  - the temp bucket and the staged COPY files in it,
  - the artifact bucket with the job's jar, config and EMR logs,
  - the master-password secret in Secrets Manager,
  - the COPY role, the EMR service role, the EMR instance role and instance profile,
  - the security groups, the cluster subnet group and the parameter group.
It keeps the input bucket, the VPC and subnets (they are not the stack's) and the snapshot
made by --final-snapshot, which is billed as storage until you delete it. CloudFormation
cannot delete a bucket that holds objects, so both buckets are emptied first. Terminate any
EMR cluster that uses the stack's roles or security group before running this.

  --region REGION       AWS region, e.g. us-west-2 (default: $AWS_REGION)
  --stack-name NAME     stack name (default: sparkify)
  --final-snapshot ID   snapshot the cluster as ID and wait for it before deleting anything
  --yes                 do not ask for confirmation (needed when not run from a terminal)
  --dry-run             print the aws commands, one per line, and call nothing
  -h, --help            show this help
EOF
}

# shellcheck source=scripts/aws/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

final_snapshot=""
assume_yes=false

while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --dry-run) dry_run=true; shift ;;
    --yes) assume_yes=true; shift ;;
    --stack-name) stack_name="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --region) region="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --final-snapshot) final_snapshot="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    *) usage_error "unknown argument '$1'" ;;
  esac
done
if [[ -n "$final_snapshot" ]]; then
  # Redshift's rule: a letter first, then letters, digits and single hyphens, none at the end.
  if ! [[ "$final_snapshot" =~ ^[a-zA-Z](-?[a-zA-Z0-9])*$ ]] || ((${#final_snapshot} > 255)); then
    usage_error "--final-snapshot '$final_snapshot' must start with a letter and hold only letters, digits and single hyphens"
  fi
fi
check_common

say "This deletes stack '$stack_name' in $region and everything in it:"
say "  - the Redshift cluster and all its data (automated snapshots included)"
if [[ -n "$final_snapshot" ]]; then
  say "    (kept: final snapshot '$final_snapshot', billed as storage until you delete it)"
else
  say "    (no final snapshot: pass --final-snapshot ID to keep one)"
fi
say "  - the temp bucket and the artifact bucket, emptied first (jar, config, EMR logs included)"
say "  - the master-password secret, the COPY role, the EMR roles and instance profile"
say "  - the security groups, the cluster subnet group and the parameter group"
say "It keeps the input bucket, the VPC and the subnets."

if [[ "$dry_run" != true && "$assume_yes" != true ]]; then
  if [[ ! -t 0 ]]; then
    usage_error "not run from a terminal: pass --yes to delete without confirmation"
  fi
  read -r -p "Type the stack name to delete it: " answer
  [[ "$answer" == "$stack_name" ]] || fail "not confirmed; nothing was deleted"
fi

stack_outputs

if [[ -n "$final_snapshot" ]]; then
  [[ -n "${outputs[ClusterIdentifier]:-}" ]] || fail "stack '$stack_name' has no cluster to snapshot; run again without --final-snapshot"
  say "Taking snapshot '$final_snapshot' (several minutes)."
  aws_call redshift create-cluster-snapshot --region "$region" \
    --cluster-identifier "${outputs[ClusterIdentifier]}" --snapshot-identifier "$final_snapshot" \
    --tags Key=project,Value=sparkify-warehouse
  aws_call redshift wait snapshot-available --region "$region" \
    --cluster-identifier "${outputs[ClusterIdentifier]}" --snapshot-identifier "$final_snapshot"
fi

for bucket in "${outputs[TempBucketName]:-}" "${outputs[ArtifactBucketName]:-}"; do
  if [[ -n "$bucket" ]]; then
    say "Emptying s3://$bucket."
    aws_call s3 rm "s3://$bucket" --recursive --only-show-errors --region "$region"
  fi
done

say "Deleting the stack (about 10 minutes)."
aws_call cloudformation delete-stack --region "$region" --stack-name "$stack_name"
aws_call cloudformation wait stack-delete-complete --region "$region" --stack-name "$stack_name"
if [[ "$dry_run" == true ]]; then
  say "Dry run: nothing was called. <Name> stands for the stack output read at run time."
else
  say "Deleted stack '$stack_name'."
fi

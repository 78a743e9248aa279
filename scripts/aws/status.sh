#!/usr/bin/env bash
# Shows the sparkify stack: its status, its outputs, the cluster's state and the latest events.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/aws/status.sh --region REGION [--stack-name NAME] [--dry-run]

Prints the stack's status and outputs, the Redshift cluster's state, node type and node count,
and the stack's 10 latest events (where a failed deploy says why). Changes nothing.

  --region REGION     AWS region, e.g. us-west-2 (default: $AWS_REGION)
  --stack-name NAME   stack name (default: sparkify)
  --dry-run           print the aws commands, one per line, and call nothing
  -h, --help          show this help
EOF
}

# shellcheck source=scripts/aws/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --dry-run) dry_run=true; shift ;;
    --stack-name) stack_name="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    --region) region="$(flag_value "$1" $# "${2-}")"; shift 2 ;;
    *) usage_error "unknown argument '$1'" ;;
  esac
done
check_common

if ! aws_call cloudformation describe-stacks --region "$region" --stack-name "$stack_name" \
  --query 'Stacks[0].[StackName,StackStatus,StackStatusReason,LastUpdatedTime||CreationTime]' \
  --output table; then
  fail "no stack '$stack_name' in $region (create it with scripts/aws/up.sh)"
fi
stack_outputs
if [[ "$dry_run" != true ]]; then
  for key in $(printf '%s\n' "${!outputs[@]}" | sort); do
    printf '%-26s %s\n' "$key" "${outputs[$key]}"
  done
fi
if [[ "$dry_run" == true || -n "${outputs[ClusterIdentifier]:-}" ]]; then
  aws_call redshift describe-clusters --region "$region" \
    --cluster-identifier "${outputs[ClusterIdentifier]}" \
    --query 'Clusters[0].[ClusterStatus,NodeType,NumberOfNodes,PubliclyAccessible,Encrypted]' \
    --output table
else
  say "The stack has no ClusterIdentifier output yet (still creating, or failed: see the events)."
fi
aws_call cloudformation describe-stack-events --region "$region" --stack-name "$stack_name" \
  --max-items 10 \
  --query 'StackEvents[].[Timestamp,LogicalResourceId,ResourceStatus,ResourceStatusReason]' \
  --output table

# shellcheck shell=bash disable=SC2034 # its variables are read by the scripts that source it
# Shared by up.sh, status.sh and down.sh; sourced, not run.
# Every AWS call goes through `aws_call` (or `stack_outputs`), so --dry-run prints each one
# shell-quoted on stdout, one per line, and never runs aws. Messages for people go to stderr.

aws_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
template="$aws_dir/sparkify-stack.yaml"
script_name="$(basename "$0")"

stack_name="sparkify"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
dry_run=false

# Prints a one-line usage error and exits 2.
usage_error() {
  echo "$script_name: $* (see $script_name --help)" >&2
  exit 2
}

# Prints a one-line error and exits 1.
fail() {
  echo "$script_name: $*" >&2
  exit 1
}

say() {
  echo "$*" >&2
}

# Quotes one word for a POSIX shell: bare when that is unambiguous, else in single quotes.
shell_quote() {
  local word="$1"
  if [[ "$word" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
    printf '%s' "$word"
  else
    printf "'%s'" "${word//\'/\'\\\'\'}"
  fi
}

print_command() {
  local line="" word
  for word in "$@"; do
    line+="${line:+ }$(shell_quote "$word")"
  done
  printf '%s\n' "$line"
}

# Runs `aws ARGS...`, or prints it under --dry-run.
aws_call() {
  if [[ "$dry_run" == true ]]; then
    print_command aws "$@"
  else
    aws "$@"
  fi
}

# Reads the value of a --flag that needs one, or exits 2.
flag_value() {
  local flag="$1" count="$2" value="${3-}"
  if ((count < 2)) || [[ "$value" == --* ]]; then
    usage_error "$flag needs a value"
  fi
  printf '%s' "$value"
}

# Checks what every script needs before it calls AWS.
check_common() {
  [[ -n "$region" ]] || usage_error "--region is required (or set AWS_REGION)"
  [[ "$region" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || usage_error "--region '$region' is not a region such as us-west-2"
  [[ "$stack_name" =~ ^[A-Za-z][A-Za-z0-9-]{0,127}$ ]] || usage_error "--stack-name '$stack_name' may hold only letters, digits and '-', starting with a letter"
  if [[ "$dry_run" != true ]] && ! command -v aws >/dev/null 2>&1; then
    fail "the AWS CLI is not installed (https://docs.aws.amazon.com/cli/, version 2), or use --dry-run"
  fi
}

# Fills the associative array `outputs` with the stack's outputs (OutputKey -> OutputValue).
# Under --dry-run it prints the call and fills in <OutputKey> placeholders instead.
declare -A outputs=()
stack_outputs() {
  local key value
  local -a call=(cloudformation describe-stacks --region "$region" --stack-name "$stack_name"
    --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text)
  if [[ "$dry_run" == true ]]; then
    print_command aws "${call[@]}"
    for key in ClusterEndpoint ClusterIdentifier DatabaseName MasterUsername MasterSecretArn \
      CopyRoleArn TempBucketName TempBucketRegion ArtifactBucketName EmrServiceRoleName \
      EmrInstanceProfileName EmrClientSecurityGroupId; do
      outputs[$key]="<$key>"
    done
    return
  fi
  local text
  if ! text="$(aws "${call[@]}")"; then
    fail "cannot read stack '$stack_name' in $region (does it exist? see the aws error above)"
  fi
  while IFS=$'\t' read -r key value; do
    [[ -n "$key" ]] && outputs[$key]="$value"
  done <<<"$text"
}

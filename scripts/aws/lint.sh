#!/usr/bin/env bash
# Lints scripts/aws/: the CloudFormation template with cfn-lint (AWS's own linter, offline: it
# ships the resource schemas), the shell scripts with bash -n and shellcheck. Calls no AWS API.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/aws/lint.sh

Runs cfn-lint on scripts/aws/sparkify-stack.yaml (informational findings included), then
bash -n and shellcheck on scripts/aws/*.sh. Exits 1 if any of them finds a problem.

cfn-lint is the Python tool (pip package cfn-lint). When it is not on the PATH, this script
installs it under target/aws-lint/ with pip; that needs PyPI. shellcheck comes from your
package manager (apt-get install shellcheck); without it only bash -n runs.
EOF
}

case "${1-}" in
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) echo "lint.sh: unknown argument '$1' (see lint.sh --help)" >&2; exit 2 ;;
esac

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$project"
template=scripts/aws/sparkify-stack.yaml
scripts=(scripts/aws/common.sh scripts/aws/up.sh scripts/aws/status.sh scripts/aws/down.sh scripts/aws/lint.sh)
status=0

cfn_lint=(cfn-lint)
if ! command -v cfn-lint >/dev/null 2>&1; then
  prefix="$project/target/aws-lint/python"
  if [[ ! -x "$prefix/bin/cfn-lint" ]]; then
    echo "cfn-lint is not installed; installing it under target/aws-lint/ with pip." >&2
    if ! python3 -m pip install --quiet --target "$prefix" cfn-lint; then
      echo "lint.sh: cannot install cfn-lint (is PyPI reachable?); install it with 'pip install cfn-lint'" >&2
      exit 1
    fi
  fi
  cfn_lint=(env "PYTHONPATH=$prefix" python3 "$prefix/bin/cfn-lint")
fi

echo "== $("${cfn_lint[@]}" --version) $template" >&2
if "${cfn_lint[@]}" --include-checks I --regions us-west-2 us-east-1 -- "$template"; then
  echo "   no findings" >&2
else
  status=1
fi

echo "== bash -n ${scripts[*]}" >&2
for script in "${scripts[@]}"; do
  bash -n "$script" || status=1
done

if command -v shellcheck >/dev/null 2>&1; then
  echo "== $(shellcheck --version | sed -n 's/^version: /shellcheck /p') ${scripts[*]}" >&2
  if shellcheck -x "${scripts[@]}"; then
    echo "   no findings" >&2
  else
    status=1
  fi
else
  echo "== shellcheck is not installed (apt-get install shellcheck): skipped" >&2
fi

exit "$status"

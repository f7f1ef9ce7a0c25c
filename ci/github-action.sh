#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml at the repository root), kept in a script so
# that they can be read, and tested, outside GitHub.
#
#   github-action.sh install   builds ospo from the action's own source into $RUNNER_TEMP
#   github-action.sh check     runs the check: annotations in the log, a SARIF file, the
#                              Markdown summary on the run's page; sets the step outputs
#   github-action.sh dco       checks the sign-offs of a pull request's commits
#
# Inputs come as OSPO_* variables (action.yml maps its inputs to them); GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY, GITHUB_PATH and RUNNER_TEMP are set by the runner.
set -euo pipefail

ospo="${OSPO_BIN:-ospo}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"

output() { [ -n "${GITHUB_OUTPUT:-}" ] && printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT" || true; }

case "${1:-}" in
install)
  source="${GITHUB_ACTION_PATH:?where the action is checked out}"
  root="$temp/ospo"
  if [ ! -x "$root/bin/ospo" ]; then
    cargo install --quiet --locked --path "$source" --root "$root"
  fi
  [ -n "${GITHUB_PATH:-}" ] && echo "$root/bin" >>"$GITHUB_PATH"
  "$root/bin/ospo" --version
  ;;
check)
  args=(check "${OSPO_PATH:-.}" --format github)
  sarif="${OSPO_SARIF_FILE:-}"
  if [ -n "$sarif" ]; then
    args+=(--format sarif --output "$sarif")
  fi
  json="$temp/ospo-report.json"
  args+=(--format json --output "$json")
  [ -n "${OSPO_CHECKLIST:-}" ] && args+=(--checklist "$OSPO_CHECKLIST")
  [ -n "${OSPO_FAIL_ON:-}" ] && args+=(--fail-on "$OSPO_FAIL_ON")
  [ -n "${OSPO_FAIL_UNDER:-}" ] && args+=(--fail-under "$OSPO_FAIL_UNDER")
  [ -n "${OSPO_LANG:-}" ] && args+=(--lang "$OSPO_LANG")
  # Extra arguments, split on spaces, for what has no input of its own (`--rev v1.2`).
  # shellcheck disable=SC2206
  [ -n "${OSPO_ARGS:-}" ] && args+=(${OSPO_ARGS})
  code=0
  "$ospo" "${args[@]}" || code=$?
  output exit-code "$code"
  if [ -n "$sarif" ] && [ -f "$sarif" ]; then
    output sarif-file "$sarif"
  fi
  if [ "$code" -le 1 ] && [ -f "$json" ]; then
    # The report is pretty-printed: its own scores and verdict are the first at two spaces.
    output score "$(sed -n 's/^  "score": \(.*\),$/\1/p' "$json" | head -n 1)"
    output verified-score "$(sed -n 's/^  "verified_score": \(.*\),$/\1/p' "$json" | head -n 1)"
    output declared-score "$(sed -n 's/^  "declared_score": \(.*\),$/\1/p' "$json" | head -n 1)"
    output verdict "$(sed -n 's/^  "verdict": "\(.*\)",$/\1/p' "$json" | head -n 1)"
  fi
  # The exit code is the action's last step, after the SARIF upload.
  exit 0
  ;;
dco)
  range="${OSPO_DCO_RANGE:-}"
  if [ -z "$range" ]; then
    echo "ospo: no pull request here; the sign-offs are not checked"
    exit 0
  fi
  "$ospo" dco "$range" --path "${OSPO_PATH:-.}" --format github
  ;;
*)
  echo "usage: $0 install|check|dco" >&2
  exit 2
  ;;
esac

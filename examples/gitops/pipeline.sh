#!/usr/bin/env bash
# The steps of the GitOps workflow (pulumi.yml beside this file), runnable on a laptop too:
#
#   pipeline.sh preview   what merging would do: `pulumi preview --refresh --diff` (pull requests)
#   pipeline.sh up        make the cloud match the default branch: `pulumi up --refresh --yes --diff`
#   pipeline.sh drift     does the cloud still match the stack? `pulumi preview --refresh
#                         --expect-no-changes --diff`, which changes nothing (scheduled)
#
# `--refresh` everywhere: a preview or an `up` that trusted the stored state would not see a NIC
# detached by hand in the console, so the preview would hide it and `up` would not heal it.
#
# Each command streams Pulumi's output and writes a Markdown report (a summary, the planned changes
# by resource, and the diff) to $PIPELINE_REPORT: the workflow posts it as the pull request's comment
# and appends it to the job summary. On drift the script exits 7 (Pulumi's own exit code for "changes
# were proposed where none were expected") after naming the drifted resources on stderr.
#
# Environment:
#   STACK             the stack to run on (required), e.g. `production` or `acme/production`
#   PROGRAM_DIR       the folder holding Pulumi.yaml and Pulumi.<stack>.yaml (default: .)
#   PIPELINE_REPORT   where the Markdown report goes (default: ./pulumi-<command>.md)
#   PULUMI            the pulumi binary (default: pulumi on PATH)
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT   set by GitHub Actions: the report is appended to the job
#                     summary, and `report=<path>` and `changes=<count>` are written as step outputs
# Credentials (ZENLAYERCLOUD_ACCESS_KEY_ID and ZENLAYERCLOUD_ACCESS_KEY_PASSWORD, the backend's
# PULUMI_ACCESS_TOKEN or PULUMI_CONFIG_PASSPHRASE) come from the environment or the stack's secret
# config. This script never prints the environment and never runs with `set -x`.
#
# Exit status: 0 done (drift: no drift); 7 drift found; 64 wrong usage; anything else is Pulumi's own
# exit status for a command that failed (nothing was checked or applied).
set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true

readonly EXIT_DRIFT=7  # pulumi's ExitNoChanges: "no changes were expected but changes were proposed"
readonly EXIT_USAGE=64 # sysexits.h EX_USAGE
readonly MAX_DIFF_CHARS=60000 # a GitHub comment holds 65,536 characters; the rest is the summary

say() { printf 'pipeline: %s\n' "$*" >&2; }

usage() {
  say "usage: STACK=<stack> [PROGRAM_DIR=<folder>] [PIPELINE_REPORT=<file>] $0 preview|up|drift"
  say "$1"
  exit "$EXIT_USAGE"
}

# The pulumi arguments of each command; every one refreshes first (see the top of this file).
pulumi_args() {
  case "$1" in
  preview) printf '%s\n' preview --refresh --diff ;;
  up) printf '%s\n' up --refresh --yes --diff ;;
  drift) printf '%s\n' preview --refresh --expect-no-changes --diff ;;
  esac
}

# The steps Pulumi planned, from the output of a `--diff` run on stdin: one "<op>\t<name>\t<type>"
# line per resource that would change. Each resource's header line reads `<marker> <type>: (<op>)`
# and the next `[urn=...]` line names it. A `refresh` entry only reports what the refresh read,
# `same` and `read` change nothing; a resource shown twice (refreshed, then planned, or planned, then
# applied) counts once; the stack itself (pulumi:pulumi:Stack) is not one of the program's resources.
planned_changes() {
  awk '
    / \([a-z-]+\)$/ && /: \(/ {
      op = $0; sub(/.*: \(/, "", op); sub(/\)$/, "", op)
      type = $0; sub(/: \([a-z-]+\)$/, "", type); sub(/.* /, "", type); sub(/^[^A-Za-z]*/, "", type)
      pending = 1
      next
    }
    pending && /^ *\[urn=/ {
      urn = $0; sub(/^ *\[urn=/, "", urn); sub(/\]$/, "", urn)
      name = urn; sub(/.*::/, "", name)
      pending = 0
      if (op == "same" || op == "refresh" || op == "read" || type == "pulumi:pulumi:Stack") next
      if (!seen[urn]++) print op "\t" name "\t" type
    }
  '
}

# Pulumi's last summary (the lines after the last "Resources:"; `up` prints the preview's first),
# joined with commas: "+ 1 to create, 2 unchanged".
resource_summary() {
  awk '
    /^Resources:/ { on = 1; out = ""; next }
    on && /^    [^ ]/ { sub(/^ +/, ""); out = out (out == "" ? "" : ", ") $0; next }
    { on = 0 }
    END { print out }
  '
}

# The diff for a Markdown ```diff block: each +/- marker moved to the start of its line, so that
# GitHub colours it, and cut at MAX_DIFF_CHARS with a note.
diff_block() {
  local text
  text="$(sed -E 's/^( +)([-+~]|[-+]{2}|\+-|-\+)( )/\2\1\3/' "$1")"
  if [ "${#text}" -gt "$MAX_DIFF_CHARS" ]; then
    text="${text:0:$MAX_DIFF_CHARS}"$'\n'"... (cut at $MAX_DIFF_CHARS characters: the whole diff is in the job's log)"
  fi
  printf '```diff\n%s\n```\n' "$text"
}

# What the run found, in one line for the report and the console.
verdict() {
  local command="$1" status="$2" count="$3"
  case "$command:$status" in
  drift:0) echo "No drift: the cloud matches the stack." ;;
  drift:"$EXIT_DRIFT") echo "Drift: the cloud no longer matches the stack; \`pulumi up\` would change $count resource(s)." ;;
  preview:0) echo "Merging this would change $count resource(s)." ;;
  up:0) echo "Applied: $count resource(s) changed." ;;
  *) echo "\`pulumi $command\` failed (exit status $status): nothing was checked or applied; see the log." ;;
  esac
}

# The Markdown report: a title, the verdict, the changes by resource, Pulumi's summary, the diff.
write_report() {
  local command="$1" status="$2" changes="$3" log="$4" count summary
  count="$(grep -c . <<<"$changes" || true)"
  summary="$(resource_summary <"$log")"
  {
    printf '### Pulumi %s of stack `%s`\n\n' "$([ "$command" = drift ] && echo 'drift check' || echo "$command")" "$STACK"
    printf '%s\n\n' "$(verdict "$command" "$status" "$count")"
    if [ "$count" -gt 0 ]; then
      while IFS=$'\t' read -r op name type; do
        printf -- '- **%s** `%s` (%s)\n' "$op" "$name" "$type"
      done <<<"$changes"
      printf '\n'
    fi
    [ -z "$summary" ] || printf 'Resources: %s\n\n' "$summary"
    printf '<details%s><summary>Diff</summary>\n\n' "$([ "$count" -gt 0 ] && echo ' open')"
    diff_block "$log"
    printf '\n</details>\n'
  } >"$REPORT"
}

# Names each drifted resource on stderr: what `pulumi up` would do to it, by name and type.
explain_drift() {
  local changes="$1" op name type
  say "DRIFT in stack $STACK: the cloud no longer matches the stack. \`pulumi up\` would:"
  while IFS=$'\t' read -r op name type; do
    say "$(printf '  %-8s %s (%s)' "$op" "$name" "$type")"
  done <<<"$changes"
  say "the diff is in $REPORT; run \`$0 up\` (or merge a change) to make them match again."
}

publish() {
  local changes="$1"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$REPORT" >>"$GITHUB_STEP_SUMMARY"; fi
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf 'report=%s\nchanges=%s\n' "$REPORT" "$(grep -c . <<<"$changes" || true)" >>"$GITHUB_OUTPUT"
  fi
}

LOG="" # Pulumi's output of this run, removed at exit
trap '[ -z "$LOG" ] || rm -f "$LOG"' EXIT

main() {
  local command="${1:-}" status=0 changes=""
  [ "$#" -eq 1 ] || usage "expected one command, got $#."
  case "$command" in preview | up | drift) ;; *) usage "unknown command '$command'." ;; esac
  [ -n "${STACK:-}" ] || usage "STACK is not set: name the stack to run on."
  local pulumi="${PULUMI:-pulumi}" dir="${PROGRAM_DIR:-.}"
  command -v "$pulumi" >/dev/null 2>&1 || usage "no '$pulumi' found: install the Pulumi CLI or set PULUMI."
  [ -f "$dir/Pulumi.yaml" ] || usage "no Pulumi.yaml in PROGRAM_DIR '$dir'."
  REPORT="${PIPELINE_REPORT:-pulumi-$command.md}"
  LOG="$(mktemp)"
  mapfile -t args < <(pulumi_args "$command")
  say "pulumi ${args[*]} --stack $STACK (in $dir)"
  "$pulumi" "${args[@]}" --stack "$STACK" --cwd "$dir" --non-interactive --color never 2>&1 | tee "$LOG" || status=$?
  # A CLI older than the exit-code taxonomy (3.2xx) says it in words, with a generic status.
  if [ "$command" = drift ] && [ "$status" -ne 0 ] && grep -q 'no changes were expected' "$LOG"; then
    status="$EXIT_DRIFT"
  fi
  # A failed run's partial plan would mislead: only a finished plan (or drift) lists changes.
  if [ "$status" -eq 0 ] || [ "$status" -eq "$EXIT_DRIFT" ]; then changes="$(planned_changes <"$LOG")"; fi
  write_report "$command" "$status" "$changes" "$LOG"
  publish "$changes"
  say "$(verdict "$command" "$status" "$(grep -c . <<<"$changes" || true)") Report: $REPORT"
  if [ "$command" = drift ] && [ "$status" -eq "$EXIT_DRIFT" ]; then explain_drift "$changes"; fi
  return "$status"
}

main "$@"

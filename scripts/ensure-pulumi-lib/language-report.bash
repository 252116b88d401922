# shellcheck shell=bash
# Which languages the CLI in a root can run on-disk programs in, on this machine: sourced by
# scripts/ensure-pulumi, and uses its constants and helpers (log, version_at_least, host_binary).
# A language needs its host, where the CLI finds it, and what the host starts: `node`, `go` for the
# program's build, or a Python that can make the virtual environment the program's packages go in.

readonly REPORTED_LANGUAGES="nodejs yaml go python"

# The folder of the real (symlink-resolved) pulumi binary of the root $1, where the CLI looks for
# its language hosts when PATH has none.
cli_folder() { dirname "$(readlink -f "$1/bin/pulumi")"; }

# The host $2 the CLI in the root $1 would run: one on PATH wins, else the one in cli_folder.
# Prints nothing when there is none.
host_for() {
  local root="$1" host="$2" beside
  command -v "$host" 2>/dev/null && return 0
  beside="$(cli_folder "$root")/$host"
  [ -x "$beside" ] && printf '%s\n' "$beside"
  return 0
}

# What a Node.js program runs on, or why it cannot run (returns 1).
nodejs_toolchain() {
  local version
  version="$(node --version 2>/dev/null)" || {
    echo "no node on PATH"
    return 1
  }
  echo "node $version on PATH"
}

# The Go that builds a Go program (the host runs `go` from PATH), or why there is none (returns 1).
go_toolchain() {
  local version
  version="$(go env GOVERSION 2>/dev/null)" || {
    echo "no go on PATH to build the program"
    return 1
  }
  if ! version_at_least "${version#go}" "$MIN_GO_VERSION"; then
    echo "go on PATH is $version; github.com/pulumi/pulumi/sdk/v3 v$PULUMI_VERSION needs Go >= $MIN_GO_VERSION"
    return 1
  fi
  echo "$version on PATH"
}

# Says nothing when the Python host $1 has its executor beside its real binary, where it looks;
# else says so and returns 1. A host this script builds always gets one (the source folder's, or
# this repository's); a host from PATH, or linked by an older version of this script, may have none.
python_executor() {
  local executor
  executor="$(dirname "$(readlink -f "$1")")/$PYTHON_EXECUTOR"
  [ -f "$executor" ] && return 0
  echo "no $PYTHON_EXECUTOR beside the host in ${executor%/*} (the script it runs programs with):" \
    "set $(source_variable python) to the host's source folder so that this script builds the host" \
    "with scripts/pulumi-build/$PYTHON_EXECUTOR beside it"
  return 1
}

# The Python the host starts (PULUMI_PYTHON_CMD, else python3, else python, as the host looks),
# checked as `python -m venv` uses it: new enough for the SDK, a virtual environment can be made,
# and ensurepip is there to put pip in it (Debian ships it apart, in python3-venv). Without pip
# the venv is made in a second; the host's `pulumi install` then installs pip and the packages.
python_toolchain() {
  local command scratch result status=0
  for command in ${PULUMI_PYTHON_CMD:-python3 python}; do
    command -v "$command" >/dev/null 2>&1 && break
    command=""
  done
  if [ -z "$command" ]; then
    echo "no ${PULUMI_PYTHON_CMD:-python3 or python} on PATH"
    return 1
  fi
  scratch="$(mktemp -d)"
  result="$("$command" - "$scratch/venv" "$MIN_PYTHON_VERSION" "$PULUMI_VERSION" 2>&1 <<'PYTHON'
import sys
minimum = tuple(int(part) for part in sys.argv[2].split("."))
if sys.version_info[:2] < minimum:
    sys.exit("Python %d.%d is older than %s, which pulumi %s (the SDK) needs" % (sys.version_info[:2] + (sys.argv[2], sys.argv[3])))
try:
    import ensurepip  # noqa: F401
    import venv
except ImportError as error:
    sys.exit("python -m venv cannot make a virtual environment with pip: %s" % error)
venv.EnvBuilder(with_pip=False).create(sys.argv[1])
print("Python %d.%d.%d" % sys.version_info[:3])
PYTHON
  )" || status=$?
  rm -rf "$scratch"
  if [ "$status" -ne 0 ]; then
    echo "$command: $(printf '%s' "$result" | tail -n 1)"
    return 1
  fi
  echo "$command ($result), python -m venv works"
}

# One language's line for the report: "<language>|yes|<host>|<detail>" or "<language>|no|<host>|<reason>".
language_status() {
  local root="$1" language="$2" host detail status=0
  host="$(host_for "$root" "$(host_binary "$language")")"
  if [ -z "$host" ]; then
    printf '%s|no||no %s on PATH or beside pulumi in %s (%s)\n' "$language" "$(host_binary "$language")" \
      "$(cli_folder "$root")" "$(host_hint "$language")"
    return 0
  fi
  case "$language" in
  nodejs) detail="$(nodejs_toolchain)" || status=$? ;;
  go) detail="$(go_toolchain)" || status=$? ;;
  python) detail="$(python_executor "$host" && python_toolchain)" || status=$? ;;
  *) detail="the host needs nothing else" ;;
  esac
  printf '%s|%s|%s|%s\n' "$language" "$([ "$status" -eq 0 ] && echo yes || echo no)" "$host" "$detail"
}

# How a missing host of the language $1 would be had.
host_hint() {
  case "$1" in
  yaml) echo "it is installed from the Go module proxy when Go >= $MIN_GO_VERSION is there" ;;
  *) echo "set $(source_variable "$1") to its source folder to build it" ;;
  esac
}

# $1 as a JSON string (the values here are paths and messages: no control characters but newlines).
json_string() {
  local text="$1"
  text="${text//\\/\\\\}"
  text="${text//\"/\\\"}"
  text="${text//$'\n'/ }"
  printf '"%s"' "$text"
}

# The statuses ($2: language_status lines) as <root $1>/languages.json, written whole by a rename.
write_language_report() {
  local root="$1" statuses="$2" language available host detail separator=""
  {
    printf '{\n  "pulumiVersion": %s,\n  "languages": {\n' "$(json_string "$PULUMI_VERSION")"
    while IFS='|' read -r language available host detail; do
      printf '%s    %s: { "available": %s, "host": %s, "detail": %s }' "$separator" "$(json_string "$language")" \
        "$([ "$available" = yes ] && echo true || echo false)" \
        "$([ -n "$host" ] && json_string "$host" || echo null)" "$(json_string "$detail")"
      separator=$',\n'
    done <<<"$statuses"
    printf '\n  }\n}\n'
  } >"$root/.$LANGUAGE_REPORT_NAME.$$"
  mv -f "$root/.$LANGUAGE_REPORT_NAME.$$" "$root/$LANGUAGE_REPORT_NAME"
}

# Says on stderr which languages the CLI in the root $1 runs on-disk programs in, and writes it to
# <root>/languages.json for the tests, which skip (with the reason) what cannot run.
report_languages() {
  local root="$1" statuses="" language available host detail
  for language in $REPORTED_LANGUAGES; do
    statuses+="$(language_status "$root" "$language")"$'\n'
  done
  statuses="${statuses%$'\n'}"
  log "on-disk programs this machine can run with $root/bin/pulumi:"
  while IFS='|' read -r language available host detail; do
    log "$(printf '  %-7s %-3s %s' "$language" "$available" "$detail${host:+ (host: $host)}")"
  done <<<"$statuses"
  write_language_report "$root" "$statuses"
  log "(also in $root/$LANGUAGE_REPORT_NAME)"
}

# shellcheck shell=bash
# Language hosts for the CLI that scripts/ensure-pulumi builds: sourced by it, and uses its
# constants and helpers (log, die, find_go, run_go, run_go_build, lock_cache_entry, new_build_dir,
# publish_build, sha256_of). The CLI looks for a host on PATH first, then beside its own
# (symlink-resolved) binary, so each host is linked into <root>/bin.

# The plugin the CLI starts to run an on-disk program of the language $1.
host_binary() { printf 'pulumi-language-%s' "$1"; }

# The variable naming the source folder of the host of the language $1.
source_variable() { printf 'PULUMI_LANGUAGE_%s_SOURCE' "$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')"; }

# Stops unless $2 (named by the variable $1) holds language host source for the pinned CLI
# version: the variable asks for a host, so going on without one would hide the mistake.
check_language_host_source() {
  local variable="$1" source="$2" required
  if [ ! -f "$source/go.mod" ] || ! compgen -G "$source/*.go" >/dev/null; then
    die "$variable=$source is not a folder with go.mod and Go files."
  fi
  required="$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { print $2; exit }' "$source/go.mod")"
  [ "$required" = "v$PULUMI_VERSION" ] ||
    die "$source/go.mod requires github.com/pulumi/pulumi/pkg/v3 '${required:-?}', not v$PULUMI_VERSION like the CLI."
}

# The files the host $2 built from the source folder $1 needs beside its binary, one path a line,
# sorted by name: every top-level file of the folder whose name starts with "pulumi-", as upstream
# installs them with the host; and for Python, when the folder has no executor (upstream ships it
# with the CLI, not with the host's source), this repository's own, $BUILD_MODULE/$PYTHON_EXECUTOR.
host_companions() {
  local source="$1" host="$2"
  {
    find "$source" -maxdepth 1 -type f -name 'pulumi-*'
    if [ "$host" = "$(host_binary python)" ] && [ ! -f "$source/$PYTHON_EXECUTOR" ]; then
      printf '%s\n' "$BUILD_MODULE/$PYTHON_EXECUTOR"
    fi
  } | awk -F/ '{ print $NF "\t" $0 }' | LC_ALL=C sort | cut -f2-
}

# The cache entry for the host $2 built from the source folder $1: keyed by its go.mod, go.sum, Go
# files (in subfolders too) and companions (names and contents, in a fixed order), the build
# recipe and the platform. For a folder of top-level Go files only (the Node.js host) the key is
# the one earlier versions of this script computed, so their builds stay valid; a change to this
# repository's Python executor makes a new entry.
language_host_entry() {
  local source="$1" host="$2" key companion
  key="$(
    (
      cd "$source"
      for file in go.mod go.sum $(find . -name '*.go' -type f | sed 's|^\./||' | LC_ALL=C sort); do
        printf '%s\n' "$file"
        cat -- "$file"
      done
      while IFS= read -r companion; do
        printf '%s\n' "${companion##*/}"
        cat -- "$companion"
      done < <(host_companions "$source" "$host")
      printf '%s|%s|%s' "$BUILD_TAGS" "$LDFLAGS" "$(uname -sm)"
    ) | sha256_of
  )"
  printf '%s/%s-v%s-%s\n' "$CACHE_BASE" "$host" "$PULUMI_VERSION" "$key"
}

# True when $1/bin holds the host $2 that runs and reports the pinned CLI version.
host_is_usable() {
  [ -x "$1/bin/$2" ] && [ "$("$1/bin/$2" -version 2>/dev/null | tr -d '[:space:]')" = "v$PULUMI_VERSION" ]
}

# Builds the host $3 from the source folder $2 (it may be read-only) into the cache entry $1.
build_language_host() {
  local entry="$1" source="$2" host="$3" go_bin companion
  go_bin="$(find_go "$host")"
  new_build_dir
  log "building $host v$PULUMI_VERSION from $source (about 3 min with a cold Go build cache, seconds with the CLI's)"
  run_go_build "$BUILD_TMP" "$go_bin" "$source" "$BUILD_TMP/bin/$host" .
  host_is_usable "$BUILD_TMP" "$host" || die "the built $host does not report v$PULUMI_VERSION"
  while IFS= read -r companion; do
    install -m 755 "$companion" "$BUILD_TMP/bin/${companion##*/}"
  done < <(host_companions "$source" "$host")
  publish_build "$entry"
}

# Points <root $2>/bin/<host $3> at the host in the entry $1 with a relative symlink swapped in by
# rename: runs using the root see the old host or the new one, never none.
link_language_host() {
  local entry="$1" root="$2" host="$3" link target
  link="$root/bin/$host"
  target="../../${entry##*/}/bin/$host"
  [ "$(readlink "$link" 2>/dev/null)" = "$target" ] && return 0
  ln -sfn "$target" "$link.$$"
  mv -Tf "$link.$$" "$link"
}

# Gives the CLI in the root $2 the host of the language $1 (nodejs, go or python) when one can be
# had: one on PATH, a build from PULUMI_LANGUAGE_<LANG>_SOURCE, or one linked by an earlier run.
ensure_source_built_host() {
  local language="$1" root="$2" host variable source entry ambient
  host="$(host_binary "$language")"
  variable="$(source_variable "$language")"
  source="${!variable:-}"
  ambient="$(command -v "$host" 2>/dev/null || true)"
  if [ -n "$ambient" ]; then
    log "using $ambient from PATH as the $language language host"
    return 0
  fi
  if [ -z "$source" ]; then
    if host_is_usable "$root" "$host"; then
      log "using $root/bin/$host (built by an earlier run)"
    else
      log "note: no $host, so on-disk $language programs cannot run; set $variable to build one (see scripts/pulumi-build/README.md)"
    fi
    return 0
  fi
  check_language_host_source "$variable" "$source"
  entry="$(language_host_entry "$source" "$host")"
  if ! host_is_usable "$entry" "$host"; then
    lock_cache_entry "$entry" 8
    host_is_usable "$entry" "$host" || build_language_host "$entry" "$source" "$host"
  fi
  link_language_host "$entry" "$root" "$host"
  log "using $root/bin/$host (built from $source)"
}

# --- pulumi-language-yaml, from the Go module proxy ---------------------------------------------

# The cache entry for the YAML host: keyed by its version, the build recipe and the platform (the
# module proxy and go.sum's checksum database pin the source).
yaml_host_entry() {
  local key
  key="$(printf '%s@v%s|%s|%s|%s' "$YAML_HOST_MODULE" "$YAML_HOST_VERSION" "$BUILD_TAGS" "$YAML_LDFLAGS" "$(uname -sm)" | sha256_of)"
  printf '%s/pulumi-language-yaml-v%s-%s\n' "$CACHE_BASE" "$YAML_HOST_VERSION" "$key"
}

# True when $1/bin holds a YAML host. It has no -version flag; an entry is only ever published whole,
# after build_yaml_host has checked the module version recorded in the binary.
yaml_host_is_usable() { [ -x "$1/bin/pulumi-language-yaml" ]; }

# `go install` of the YAML host at its pinned version into the cache entry $1, with the Go binary $2.
build_yaml_host() {
  local entry="$1" go_bin="$2" recorded
  new_build_dir
  log "installing pulumi-language-yaml v$YAML_HOST_VERSION from the Go module proxy (about 40 s on a quiet machine, minutes on busy cores)"
  GOBIN="$BUILD_TMP/bin" run_go "$BUILD_TMP" "$go_bin" "$BUILD_TMP" "-buildvcs=false" \
    install -v -trimpath -tags "$BUILD_TAGS" -ldflags "$YAML_LDFLAGS" \
    "$YAML_HOST_MODULE/cmd/pulumi-language-yaml@v$YAML_HOST_VERSION"
  recorded="$("$go_bin" version -m "$BUILD_TMP/bin/pulumi-language-yaml" | awk '$1 == "mod" { print $2 "@" $3 }')"
  [ "$recorded" = "$YAML_HOST_MODULE@v$YAML_HOST_VERSION" ] ||
    die "the installed pulumi-language-yaml records module '$recorded', not $YAML_HOST_MODULE@v$YAML_HOST_VERSION"
  publish_build "$entry"
}

# Gives the CLI in the root $1 the YAML host: one on PATH, the cached install, or a new install
# when Go is there (a failed install fails the script: Go being there asks for the host).
ensure_yaml_host() {
  local root="$1" entry ambient go_bin
  ambient="$(command -v pulumi-language-yaml 2>/dev/null || true)"
  if [ -n "$ambient" ]; then
    log "using $ambient from PATH as the yaml language host"
    return 0
  fi
  entry="$(yaml_host_entry)"
  if ! yaml_host_is_usable "$entry"; then
    if ! go_bin="$(usable_go)"; then
      log "note: no pulumi-language-yaml, so on-disk yaml programs cannot run ($go_bin to install it)"
      return 0
    fi
    lock_cache_entry "$entry" 8
    yaml_host_is_usable "$entry" || build_yaml_host "$entry" "$go_bin"
  fi
  link_language_host "$entry" "$root" pulumi-language-yaml
  log "using $root/bin/pulumi-language-yaml (v$YAML_HOST_VERSION from the Go module proxy)"
}

# --- A warm Go build cache for Go programs --------------------------------------------------------

# The Go host compiles a program and its dependencies (the Pulumi Go SDK, gRPC, the generated sdk/go)
# before a Go program's first `up`: minutes on two cores with a cold Go build cache. Building
# examples/go once here, with the host's flags (pulumi-language-go's compileProgram) and the
# caller's environment, fills the cache those builds read, so the time counts towards getting the
# CLI, not towards the tests. A stamp per go.sum and Go setup skips it afterwards (should Go trim its
# cache later, the next program build is only slow again). A failure here stops nothing: the Go
# tests report it.
warm_go_program_cache() {
  local root="$1" example="$REPO_ROOT/examples/go" go_bin stamp started
  [ -f "$example/go.mod" ] || return 0
  [ -x "$root/bin/pulumi-language-go" ] || command -v pulumi-language-go >/dev/null 2>&1 || return 0
  go_bin="$(usable_go)" || return 0
  stamp="$CACHE_BASE/go-programs-$(
    { cat "$example/go.sum" "$REPO_ROOT/sdk/go/go.sum"; GOWORK=off "$go_bin" env GOVERSION GOOS GOARCH CGO_ENABLED GOFLAGS GOCACHE; } | sha256_of
  ).built"
  [ -f "$stamp" ] && return 0
  started="$(date +%s)"
  log "compiling examples/go as the Go host does, once, so Go programs start from a warm build cache (minutes the first time)"
  if (cd "$example" && GOWORK=off GOTOOLCHAIN=local "$go_bin" build -buildvcs=false -trimpath -ldflags "-w -s" -o /dev/null . 9>&- 8>&-) >&2; then
    : >"$stamp"
    log "Go build cache warmed in $(($(date +%s) - started))s"
  else
    log "note: examples/go did not build; the Go end-to-end tests will show why"
  fi
}

# Every language host this script knows how to provide, for the CLI in the root $1, and a warm
# Go build cache for the Go programs they run.
ensure_language_hosts() {
  local root="$1" language
  for language in $SOURCE_BUILT_LANGUAGES; do
    ensure_source_built_host "$language" "$root"
  done
  ensure_yaml_host "$root"
  warm_go_program_cache "$root"
}

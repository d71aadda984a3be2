#!/usr/bin/env bash
# Runs clang-tidy-14 with the checks in .clang-tidy over the project's own
# sources in build/compile_commands.json (not generated code, not the
# fuzz targets). Needs a configured build (scripts/build.sh) so the moc
# output and the generated gRPC headers exist.
# Usage: scripts/tidy.sh [-j N] [path regex]    e.g. scripts/tidy.sh core/store/
# Exits non-zero when clang-tidy reports a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
jobs=$(nproc)
if [ "${1:-}" = "-j" ]; then jobs=$2; shift 2; fi
filter=${1:-}
command -v run-clang-tidy-14 >/dev/null || {
  echo "run-clang-tidy-14 not found: apt-get install clang-tidy-14" >&2
  exit 2
}
[ -f "$BUILD_DIR/compile_commands.json" ] || {
  echo "$BUILD_DIR/compile_commands.json missing: run scripts/build.sh first" >&2
  exit 2
}
root=$PWD
# The files: the project's folders, optionally narrowed by the regex.
regex="^$root/(core|ui|app|tests)/${filter:+.*$filter}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# run-clang-tidy-14 always asks for colours: strip them, or no line would
# start with the path and every run would pass.
run-clang-tidy-14 -quiet -p "$BUILD_DIR" -j "$jobs" "$regex" 2>/dev/null \
  | sed 's/\x1b\[[0-9;]*m//g' | tee "$log" | grep -E "warning:|error:" || true
if grep -qE "^$root/.*(warning|error):" "$log"; then
  # A finding in a header repeats for every file that includes it: count once.
  echo "clang-tidy: $(grep -E "^$root/.*(warning|error):" "$log" | sort -u | wc -l) findings" >&2
  exit 1
fi
echo "clang-tidy: clean" >&2

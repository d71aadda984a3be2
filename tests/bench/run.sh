#!/usr/bin/env bash
# Builds what the benchmarks need and runs them. Prints one JSON object per line:
#   {"name": "...", "value": N, "unit": "...", "goal": "...", ...}
# Usage: tests/bench/run.sh [--quick]
#   --quick  reduced sizes (about two minutes), for everyday use
set -euo pipefail
cd "$(dirname "$0")/../.."
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

BUILD_DIR=${BUILD_DIR:-build}
./scripts/build.sh >&2
bin="$BUILD_DIR/tests/bench"

if [ "$quick" -eq 1 ]; then
  archive_args=(--messages 100000 --rooms 500 --big-room 20000 --repeats 5)
else
  archive_args=(--messages 1000000 --rooms 500 --big-room 200000 --repeats 20)
fi

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -srm)" >&2
"$bin/bench_archive" "${archive_args[@]}"
# The same archive on a throw-away PostgreSQL server (issue 18: 1,000,000
# messages in the full run).
"$bin/bench_archive" "${archive_args[@]}" --postgres
for extra in "$bin"/bench_*; do
  case "$(basename "$extra")" in bench_archive|*_autogen) continue ;; esac
  [ -f "$extra" ] && [ -x "$extra" ] || continue
  if [ "$quick" -eq 1 ]; then "$extra" --quick; else "$extra"; fi
done

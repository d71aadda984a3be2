#!/usr/bin/env bash
# Builds a fuzz target (build.sh) and runs it for a bounded time, starting
# from its committed corpus (every committed input is replayed first, so a
# past crash that comes back fails at once). New inputs go to a scratch
# directory, never into the committed corpus.
#   tests/fuzz/run.sh <target> <seconds> [build-dir] [extra libFuzzer flags...]
# Exit status: 0 when the run ended clean, non-zero on a crash, a leak, a
# sanitizer report or a timeout of one input; the reproducer is kept in
# <build-dir>/artifacts/<target>/.
set -euo pipefail
target=$1
seconds=$2
out=${3:-$(cd "$(dirname "$0")/../.." && pwd)/build/fuzz}
shift $(( $# < 3 ? $# : 3 ))
here=$(cd "$(dirname "$0")" && pwd)

"$here/build.sh" "$target" "$out"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
artifacts="$out/artifacts/$target"
mkdir -p "$artifacts"
corpus="$here/corpus/$target"
mkdir -p "$corpus"
dict=()
[ -f "$here/$target.dict" ] && dict=(-dict="$here/$target.dict")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Qt's own messages (qWarning from QJsonDocument and friends) are noise here.
export QT_LOGGING_RULES=${QT_LOGGING_RULES:-*=false}
"$out/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$@" \
  "$scratch" "$corpus"

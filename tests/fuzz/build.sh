#!/usr/bin/env bash
# Builds one libFuzzer target with clang-14 under ASan + UBSan, compiling only
# the sources it names, against Qt Core (not the whole application):
#   tests/fuzz/build.sh <target> <out-dir>      -> <out-dir>/<target>
# A target is tests/fuzz/<target>.cpp; its header lines say what it needs:
#   // fuzz-sources: core/engine/EventParser.cpp core/model/Types.cpp
#   // fuzz-libs: -lsqlite3            (optional)
# Rebuilds only when the target, one of its sources or the flags changed.
# GD_WERROR=ON (scripts/test.sh sets it) adds -Wall -Wextra -Wshadow -Werror,
# as in the CMake build; Qt's headers are system headers, so only ours count.
set -euo pipefail
target=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
src="$here/$target.cpp"
[ -f "$src" ] || { echo "no fuzz target $src" >&2; exit 2; }
CXX=${FUZZ_CXX:-clang++-14}
command -v "$CXX" >/dev/null || { echo "$CXX is not installed (scripts/install-deps.sh)" >&2; exit 2; }

sources=$(sed -n 's|^// fuzz-sources:||p' "$src")
libs=$(sed -n 's|^// fuzz-libs:||p' "$src")
files=("$src")
for s in $sources; do files+=("$root/$s"); done

warnings=()
[ "${GD_WERROR:-OFF}" = "ON" ] && warnings=(-Wall -Wextra -Wshadow -Werror)
qt_cflags=$(pkg-config --cflags Qt6Core | sed 's/-I/-isystem /g')
flags="${warnings[*]} $qt_cflags"

mkdir -p "$out"
bin="$out/$target"
if [ -x "$bin" ]; then
  stale=0
  [ "$(cat "$bin.flags" 2>/dev/null)" = "$flags" ] || stale=1
  for f in "${files[@]}"; do [ "$f" -nt "$bin" ] && stale=1; done
  # Headers of core/ too: a changed struct must not leave an old binary.
  if [ "$stale" -eq 0 ] && [ -n "$(find "$root/core" -name '*.h' -newer "$bin" -print -quit)" ]; then
    stale=1
  fi
  [ "$stale" -eq 0 ] && exit 0
fi

launcher=()
command -v ccache >/dev/null && launcher=(ccache)
# shellcheck disable=SC2046,SC2086
"${launcher[@]}" "$CXX" -std=c++20 -g -O1 -fPIC \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  -fno-omit-frame-pointer "${warnings[@]}" \
  -I"$root/core" $qt_cflags \
  "${files[@]}" -o "$bin.tmp" $(pkg-config --libs Qt6Core) $libs
mv "$bin.tmp" "$bin"
printf '%s' "$flags" > "$bin.flags"

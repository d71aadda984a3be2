#!/usr/bin/env bash
# Configures and builds GroupDesk into ./build (Ninja; RelWithDebInfo unless
# GD_BUILD_TYPE says otherwise when the directory is first configured).
# GD_WERROR=ON in the environment builds with -Wall -Wextra -Wshadow -Werror
# (scripts/test.sh, and so CI, sets it); GD_WERROR=OFF turns it off again.
# Unset, an existing build directory keeps what it was configured with.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
options=()
[ -n "${GD_WERROR:-}" ] && options+=(-DGD_WERROR="$GD_WERROR")
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${GD_BUILD_TYPE:-RelWithDebInfo}" "${launcher[@]}" \
    "${options[@]}"
elif [ ${#options[@]} -gt 0 ]; then
  # Only the option: the cache keeps the generator, build type and launcher.
  cmake -S . -B "$BUILD_DIR" "${options[@]}" >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"

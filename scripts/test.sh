#!/usr/bin/env bash
# Quick start 2: install, build, and run the whole test suite.
# The keychain tests need a secret service: the suite runs inside a private
# D-Bus session with an unlocked gnome-keyring (never the insecure fallback).
# The build treats warnings as errors (GD_WERROR=ON unless the caller says
# otherwise), the fuzz targets' clang build included: CI runs this script.
# A build directory this script configures is a Release build (no debug
# info: a quarter less compile time on a clean clone); an existing one keeps
# its build type. The tests run two at a time (most wait on timers, sockets
# and child processes rather than the CPU); GD_TEST_JOBS changes that.
set -euo pipefail
cd "$(dirname "$0")/.."
export GD_WERROR=${GD_WERROR:-ON}
export GD_BUILD_TYPE=${GD_BUILD_TYPE:-Release}
export GD_TEST_JOBS=${GD_TEST_JOBS:-2}
./scripts/install-deps.sh
./scripts/build.sh
BUILD_DIR=${BUILD_DIR:-build}
export XDG_DATA_HOME
XDG_DATA_HOME=$(mktemp -d)
export GD_BUILD_DIR="$PWD/$BUILD_DIR"
exec dbus-run-session -- sh -c '
  printf testpw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  cd "$GD_BUILD_DIR" && ctest --output-on-failure --timeout 600 -j "$GD_TEST_JOBS" "$@"
' sh "$@"

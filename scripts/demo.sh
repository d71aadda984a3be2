#!/usr/bin/env bash
# Quick start 1: install, build, and start GroupDesk on the built-in demo gateway.
# Extra arguments go to groupdesk (e.g. --data-dir DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
BUILD_DIR=${BUILD_DIR:-build}
data_dir=${GROUPDESK_DEMO_DIR:-$HOME/.local/share/GroupDesk-demo}
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting GroupDesk under Xvfb (xvfb-run)."
  exec xvfb-run -a "$BUILD_DIR/app/groupdesk/groupdesk" --demo --data-dir "$data_dir" "$@"
fi
exec "$BUILD_DIR/app/groupdesk/groupdesk" --demo --data-dir "$data_dir" "$@"

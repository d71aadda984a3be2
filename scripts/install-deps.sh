#!/usr/bin/env bash
# Installs what GroupDesk needs to build, run and test on Debian 12.
# Safe to run again: it skips apt-get when everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qtkeychain-qt6-dev libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libqrencode-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
  xvfb xauth dbus gnome-keyring libsecret-1-0 fonts-wqy-microhei
  sqlite3 imagemagick python3 openssl
  ccache
  # the app's allocator (app/groupdesk/CMakeLists.txt)
  libgoogle-perftools-dev
  # monitoring: multi-pattern matching, linear-time regex, e-mail (SMTP) and its test sink
  libvectorscan-dev libre2-dev libcurl4-openssl-dev python3-aiosmtpd
  # Chinese text: Unihan pinyin readings, the jieba word-frequency dictionary
  unicode-data python3-jieba
  # fuzzing (libFuzzer with ASan/UBSan)
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  # scripts/tidy.sh
  clang-tidy-14
  # emoji in the feed; team mode tests on a real PostgreSQL; GUI checks under Xvfb
  fonts-noto-color-emoji postgresql-15 xdotool
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node.js with npm may come from elsewhere (e.g. nodesource, whose nodejs
# bundles npm and conflicts with Debian's npm package): only ask apt for it when
# there is no npm at all.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node packages for the interop test (the real Wechaty puppet service).
if [ -f tests/interop/package-lock.json ] && command -v npm >/dev/null; then
  (cd tests/interop && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
fi

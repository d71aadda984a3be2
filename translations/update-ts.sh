#!/usr/bin/env bash
# Refreshes the .ts files from the sources (all of core/, ui/ and app/), keeping
# existing translations. Then translate the new entries (Qt Linguist) and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$LUPDATE" -locations relative -no-obsolete core ui app -ts translations/groupdesk_zh_CN.ts
# English needs only its plural forms ("1 member", "2 members").
"$LUPDATE" -locations relative -no-obsolete -pluralonly core ui app -ts translations/groupdesk_en.ts

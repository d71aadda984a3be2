#!/usr/bin/env bash
# Issue 9 item 1 / fault run (a): `groupdesk --headless` on an archive it
# cannot write stops with a non-zero exit code and a message naming the file
# and the cause, and the file's bytes are unchanged (sha256):
#   - a real archive truncated to 300000 bytes (`truncate -s 300000`);
#   - a real archive in a read-only folder (as root: run as user nobody, for
#     whom the folder's permissions hold).
#   store_open_failures.sh <groupdesk>
# Prints one JSON line per case, then PASS or FAIL.
set -euo pipefail
groupdesk=$(readlink -f "$1")

work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config"

# A real archive of about 1 MB: groupdesk creates it, sqlite3 fills it.
make_archive() {
  local dir=$1
  mkdir -p "$dir"
  "$groupdesk" --headless --data-dir "$dir" > "$dir/../make.out" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do
    [ -s "$dir/groupdesk.sqlite" ] && grep -q "opened" "$dir/../make.out" && break
    sleep 0.1
  done
  kill -TERM "$pid"; wait "$pid" || true
  sqlite3 "$dir/groupdesk.sqlite" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 6000)
    INSERT INTO messages (account_id, msg_id, conversation_id, room_id, ts_ms, text)
    SELECT 'acc', 'm' || x, 'r' || (x % 20) || '@chatroom', 'r' || (x % 20) || '@chatroom', x, hex(randomblob(80)) FROM c;
    PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  rm -f "$dir/groupdesk.log"
}

fail=0
run_case() { # name dir want-word [runner...]
  local name=$1 dir=$2 word=$3; shift 3
  local db="$dir/groupdesk.sqlite"
  local before after rc=0
  before=$(sha256sum "$db" | cut -d' ' -f1)
  "$@" timeout 20 "$groupdesk" --headless --data-dir "$dir" > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  after=$(sha256sum "$db" | cut -d' ' -f1)
  local message
  message=$(grep -m1 '^groupdesk: ' "$work/$name.err" || true)
  printf '{"case": "%s", "exit_code": %d, "size": %d, "unchanged": %s, "message": %s}\n' \
    "$name" "$rc" "$(stat -c %s "$db")" "$([ "$before" = "$after" ] && echo true || echo false)" \
    "$(printf '%s' "$message" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')"
  if [ "$rc" -eq 0 ] || [ "$rc" -eq 124 ]; then echo "FAIL: $name: exit code $rc"; fail=1; fi
  if [ "$before" != "$after" ]; then echo "FAIL: $name: the file changed"; fail=1; fi
  if ! printf '%s' "$message" | grep -qF "$db"; then echo "FAIL: $name: the message does not name $db"; fail=1; fi
  if ! printf '%s' "$message" | grep -qi "$word"; then echo "FAIL: $name: the message does not say '$word'"; fail=1; fi
  if [ "$fail" -ne 0 ]; then tail -20 "$work/$name.err"; fi
}

make_archive "$work/truncated"
truncate -s 300000 "$work/truncated/groupdesk.sqlite"
run_case truncated "$work/truncated" damaged

make_archive "$work/readonly"
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody "$work/readonly"
  chmod 444 "$work/readonly/groupdesk.sqlite"
  chmod 555 "$work/readonly"
  # A copy nobody can reach (the build tree may sit under /root).
  cp "$groupdesk" "$work/groupdesk-copy"
  chmod 755 "$work/groupdesk-copy"
  groupdesk_real=$groupdesk
  groupdesk="$work/groupdesk-copy"
  run_case readonly "$work/readonly" read-only setpriv --reuid=nobody --regid=nogroup --clear-groups
  groupdesk=$groupdesk_real
else
  chmod 444 "$work/readonly/groupdesk.sqlite"
  chmod 555 "$work/readonly"
  run_case readonly "$work/readonly" read-only
fi

[ "$fail" -eq 0 ] && echo PASS || exit 1

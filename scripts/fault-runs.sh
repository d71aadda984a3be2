#!/usr/bin/env bash
# Issue 9, "what it must show" 2 (a)-(c): storage fault runs against the real
# simulator process, each ending in figures (JSON lines) and PASS/FAIL.
#   (a) a truncated database and a read-only data folder: exit code, message,
#       file unchanged (tests/integration/store_open_failures.sh);
#   (b) a 3 MB tmpfs as the data folder (database and log file on it) filled
#       during 300 msg/s for 30 s, then space returns: every payload the
#       simulator served (--served-log) is stored, and the state was shown
#       (log lines; a screenshot of the window while the disk was full);
#   (c) kill -9 ten times during traffic, restarting each time: every served
#       payload is stored afterwards.
# Needs root for (b) (mount -t tmpfs). Usage:
#   scripts/fault-runs.sh [build-dir] [a|b|c ...]
set -uo pipefail
cd "$(dirname "$0")/.."
build=$(readlink -f "${1:-build}")
shift || true
runs=${*:-a b c}
gd="$build/app/groupdesk/groupdesk"
sim="$build/app/sim/groupdesk-sim"
out=${FAULT_RUNS_OUT:-$(mktemp -d)}
mkdir -p "$out"
echo "fault runs: output in $out"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$out/config"
overall=0

start_sim() { # dir rate duration
  local dir=$1
  printf 'tok-%s\n' "$RANDOM$RANDOM" > "$dir/token"
  "$sim" --port 0 --token "$(cat "$dir/token")" --rate "$2" --duration "$3" \
    --served-log "$dir/served.log" --stats-file "$dir/stats.json" > "$dir/sim.out" 2> "$dir/sim.err" &
  sim_pid=$!
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$dir/sim.out" 2> /dev/null | head -n1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "simulator did not start"; cat "$dir/sim.err"; return 1; }
}

# Served ids not in the database (prints the count; the list goes to a file).
missing_served() { # dir db
  local dir=$1 db=$2
  cut -d' ' -f2 "$dir/served.log" | sort -u > "$dir/served.ids"
  sqlite3 -batch -noheader "$db" "SELECT msg_id FROM messages;" | sort -u > "$dir/stored.ids"
  comm -23 "$dir/served.ids" "$dir/stored.ids" > "$dir/missing.ids"
  wc -l < "$dir/missing.ids"
}

run_a() {
  if tests/integration/store_open_failures.sh "$gd" | tee "$out/a.txt"; then :; else overall=1; fi
}

run_b() {
  local dir="$out/b"
  mkdir -p "$dir/data"
  mount -t tmpfs -o size=3m tmpfs "$dir/data" || { echo "(b) needs root: mount failed"; overall=1; return; }
  start_sim "$dir" 300 30 || { overall=1; umount "$dir/data"; return; }
  local t0=$SECONDS
  # The GUI, so the banner can be seen (a screenshot while the disk is full).
  "$gd" --data-dir "$dir/data" --connect "127.0.0.1:$port" --token-file "$dir/token" --no-tls \
    --screenshot "$dir/full-disk.png" --screenshot-after-ms 25000 --keep-running \
    > "$dir/gd.out" 2> "$dir/gd.err" &
  local gd_pid=$!
  # Let it fill up by itself; top it up at 10 s in case it has not.
  sleep 10
  dd if=/dev/zero of="$dir/data/filler" bs=64k 2> /dev/null
  local full_at=$((SECONDS - t0))
  local df_full
  df_full=$(df --output=avail -k "$dir/data" | tail -1 | tr -d ' ')
  sleep 25 # traffic ends at about 30 s; the disk stays full until 35 s
  local rss_full
  rss_full=$(ps -o rss= -p "$gd_pid" | tr -d ' ')
  rm -f "$dir/data/filler"
  mount -o remount,size=256m "$dir/data"
  local freed_at=$((SECONDS - t0))
  # Recovery: the journal and the kept batches drain; wait until every served id is stored.
  local missing=-1
  for _ in $(seq 90); do
    sleep 1
    missing=$(missing_served "$dir" "$dir/data/groupdesk.sqlite" 2> /dev/null || echo -1)
    [ "$missing" = 0 ] && break
  done
  kill -TERM "$gd_pid"; wait "$gd_pid"; local gd_rc=$?
  kill -TERM "$sim_pid"; wait "$sim_pid"
  missing=$(missing_served "$dir" "$dir/data/groupdesk.sqlite")
  local served stored failing recovered journal_left
  served=$(wc -l < "$dir/served.ids")
  stored=$(sqlite3 "$dir/data/groupdesk.sqlite" "SELECT count(*) FROM messages WHERE kind <> 100;")
  journal_left=$(sqlite3 "$dir/data/groupdesk.sqlite" "SELECT count(*) FROM message_journal;")
  failing=$(grep -c "cannot write the archive" "$dir/gd.err")
  recovered=$(grep -c "the archive writes again" "$dir/gd.err")
  local shown
  shown=$(grep -m1 -o "The archive cannot write[^\"]*" "$dir/gd.err" | head -1)
  printf '{"run": "b", "served": %d, "stored": %d, "missing": %d, "journal_left": %d, "disk_full_at_s": %d, "space_back_at_s": %d, "avail_kb_when_full": %s, "rss_kb_while_full": %s, "failure_log_lines": %d, "recovery_log_lines": %d, "exit_code": %d}\n' \
    "$served" "$stored" "$missing" "$journal_left" "$full_at" "$freed_at" "$df_full" "${rss_full:-0}" "$failing" "$recovered" "$gd_rc" | tee "$dir/figures.json"
  umount "$dir/data" 2> /dev/null || true
  [ "$missing" -eq 0 ] && [ "$served" -gt 0 ] && [ "$failing" -gt 0 ] && [ "$recovered" -gt 0 ] \
    && [ -s "$dir/full-disk.png" ] && echo "(b) PASS" || { echo "(b) FAIL"; overall=1; }
}

run_c() {
  local dir="$out/c"
  mkdir -p "$dir/data"
  start_sim "$dir" 300 60 || { overall=1; return; }
  local kills=0 gd_pid t0=$SECONDS
  for i in $(seq 10); do
    "$gd" --headless --data-dir "$dir/data" --connect "127.0.0.1:$port" \
      --token-file "$dir/token" --no-tls >> "$dir/gd.out" 2>> "$dir/gd.err" &
    gd_pid=$!
    sleep "$(python3 -c "import random; print(round(random.uniform(3.0, 5.5), 2))")"
    kill -9 "$gd_pid"; wait "$gd_pid" 2> /dev/null
    kills=$((kills + 1))
  done
  # The last run stays until traffic has ended and every served id is stored.
  "$gd" --headless --data-dir "$dir/data" --connect "127.0.0.1:$port" \
    --token-file "$dir/token" --no-tls >> "$dir/gd.out" 2>> "$dir/gd.err" &
  gd_pid=$!
  # Traffic runs 60 s from the first subscribe; then the rest drains.
  while [ $((SECONDS - t0)) -lt 66 ]; do sleep 1; done
  local missing=-1
  for _ in $(seq 60); do
    sleep 1
    missing=$(missing_served "$dir" "$dir/data/groupdesk.sqlite" 2> /dev/null || echo -1)
    [ "$missing" = 0 ] && break
  done
  kill -TERM "$gd_pid"; wait "$gd_pid"
  kill -TERM "$sim_pid"; wait "$sim_pid"
  missing=$(missing_served "$dir" "$dir/data/groupdesk.sqlite")
  local served stored dup from_journal integrity
  served=$(wc -l < "$dir/served.ids")
  stored=$(sqlite3 "$dir/data/groupdesk.sqlite" "SELECT count(*) FROM messages WHERE kind <> 100;")
  dup=$(sqlite3 "$dir/data/groupdesk.sqlite" "SELECT count(*) - count(DISTINCT account_id || msg_id) FROM messages;")
  from_journal=$(grep -o "[0-9]* message ids from the journal are fetched again" "$dir/gd.err" | awk '{s+=$1} END {print s+0}')
  integrity=$(sqlite3 "$dir/data/groupdesk.sqlite" "PRAGMA integrity_check;" | head -1)
  printf '{"run": "c", "kills": %d, "served": %d, "stored": %d, "missing": %d, "duplicates": %d, "ids_refetched_from_journal": %d, "integrity": "%s"}\n' \
    "$kills" "$served" "$stored" "$missing" "$dup" "$from_journal" "$integrity" | tee "$dir/figures.json"
  [ "$missing" -eq 0 ] && [ "$served" -gt 0 ] && [ "$dup" -eq 0 ] && [ "$integrity" = ok ] \
    && echo "(c) PASS" || { echo "(c) FAIL"; overall=1; }
}

for r in $runs; do "run_$r"; done
exit $overall

#!/usr/bin/env bash
# Issue 2, "what it must show" 3: groupdesk-sim at 200 msg/s for 15 s and
# `groupdesk --headless` against it over loopback; after 20 s stop the client
# (SIGTERM), then the simulator. The database must hold every room and contact
# of the simulator and exactly `messages_emitted` incoming messages, none twice.
#   headless_vs_sim.sh <groupdesk> <groupdesk-sim> [seconds] [rate] [duration]
set -euo pipefail
groupdesk=$1
sim=$2
run_s=${3:-20}
rate=${4:-200}
duration=${5:-15}

work=$(mktemp -d)
trap 'kill $sim_pid $gd_pid 2>/dev/null || true; rm -rf "$work"' EXIT
token="tok-$RANDOM$RANDOM"
printf '%s\n' "$token" > "$work/token"
chmod 600 "$work/token"

"$sim" --port 0 --token "$token" --rate "$rate" --duration "$duration" \
  --stats-file "$work/stats.json" > "$work/sim.out" 2> "$work/sim.err" &
sim_pid=$!
for _ in $(seq 100); do
  port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/sim.out" | head -n1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { echo "simulator did not start"; cat "$work/sim.err"; exit 1; }

"$groupdesk" --headless --data-dir "$work/data" --connect "127.0.0.1:$port" \
  --token-file "$work/token" --no-tls > "$work/gd.out" 2> "$work/gd.err" &
gd_pid=$!
sleep "$run_s"

kill -TERM "$gd_pid"
gd_rc=0; wait "$gd_pid" || gd_rc=$?
kill -TERM "$sim_pid"
sim_rc=0; wait "$sim_pid" || sim_rc=$?
[ "$gd_rc" -eq 0 ] || { echo "groupdesk exited with $gd_rc"; tail -30 "$work/gd.err"; exit 1; }
[ "$sim_rc" -eq 0 ] || { echo "groupdesk-sim exited with $sim_rc"; tail -30 "$work/sim.err"; exit 1; }
[ -f "$work/stats.json" ] || { echo "no stats file"; exit 1; }

db="$work/data/groupdesk.sqlite"
q() { sqlite3 -batch -noheader "$db" "$1"; }
stat() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$work/stats.json" "$1"; }

emitted=$(stat messages_emitted)
sim_rooms=$(stat rooms)
sim_contacts=$(stat contacts)
incoming=$(q "SELECT count(*) FROM messages WHERE from_self = 0 AND kind <> 100;")
distinct=$(q "SELECT count(DISTINCT msg_id) FROM messages WHERE from_self = 0 AND kind <> 100;")
rooms=$(q "SELECT count(*) FROM rooms;")
contacts=$(q "SELECT count(*) FROM contacts;")
secrets=$(cat "$work/gd.err" "$work/gd.out" "$work/data/"* 2>/dev/null | grep -c -a -F -- "$token" || true)

echo "{\"messages_emitted\": $emitted, \"stored_incoming\": $incoming, \"distinct\": $distinct, \"sim_rooms\": $sim_rooms, \"rooms\": $rooms, \"sim_contacts\": $sim_contacts, \"contacts\": $contacts}"
fail=0
[ "$emitted" -gt 0 ] || { echo "FAIL: the simulator emitted nothing"; fail=1; }
[ "$incoming" -eq "$emitted" ] || { echo "FAIL: stored $incoming incoming messages, simulator emitted $emitted"; fail=1; }
[ "$distinct" -eq "$incoming" ] || { echo "FAIL: $((incoming - distinct)) messages stored twice"; fail=1; }
[ "$rooms" -eq "$sim_rooms" ] || { echo "FAIL: $rooms rooms stored, simulator has $sim_rooms"; fail=1; }
[ "$contacts" -ge "$sim_contacts" ] || { echo "FAIL: $contacts contacts stored, simulator has $sim_contacts"; fail=1; }
[ "$secrets" -eq 0 ] || { echo "FAIL: the token appears in logs or data files"; fail=1; }
if [ "$fail" -ne 0 ]; then tail -40 "$work/gd.err"; exit 1; fi
echo "PASS"

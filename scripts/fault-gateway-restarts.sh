#!/usr/bin/env bash
# Fault run (issue 9, "what it must show" 2d): the gateway process is killed
# with SIGKILL and started again on the same port, CYCLES times, GAP seconds
# apart, while `groupdesk --headless` with default settings stays connected.
# After every restart, messages must flow again (the first message of the new
# gateway process committed to the database) within LIMIT_MS.
#   scripts/fault-gateway-restarts.sh [build-dir] [cycles] [gap-s] [limit-ms]
# Prints one line per restart and a JSON summary; exits non-zero if a restart
# was not followed within the limit. Takes about CYCLES * GAP seconds.
set -euo pipefail
build=${1:-build}
cycles=${2:-10}
gap=${3:-4}
limit_ms=${4:-5000}
groupdesk="$build/app/groupdesk/groupdesk"
sim="$build/app/sim/groupdesk-sim"
for b in "$groupdesk" "$sim"; do [ -x "$b" ] || { echo "not built: $b" >&2; exit 2; }; done
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed" >&2; exit 2; }

work=$(mktemp -d)
sim_pid=
gd_pid=
cleanup() {
  [ -n "$gd_pid" ] && kill -TERM "$gd_pid" 2>/dev/null && wait "$gd_pid" 2>/dev/null || true
  [ -n "$sim_pid" ] && kill -KILL "$sim_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
token="tok-$RANDOM$RANDOM"
printf '%s\n' "$token" > "$work/token"
chmod 600 "$work/token"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
now_ms() { date +%s%3N; }

# Starts the simulator; waits until it listens (a port just freed by a killed
# process may need a few tries).
start_sim() {
  local run=$1
  for _ in $(seq 50); do
    : > "$work/sim-$run.out"
    "$sim" --port "$port" --token "$token" --auto-login --rate 40 --room-events off \
      > "$work/sim-$run.out" 2> "$work/sim-$run.err" &
    sim_pid=$!
    for _ in $(seq 100); do
      grep -q "listening on" "$work/sim-$run.out" && return 0
      kill -0 "$sim_pid" 2>/dev/null || break
      sleep 0.02
    done
    kill -KILL "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
    sleep 0.1
  done
  echo "the simulator did not start" >&2
  cat "$work/sim-$run.err" >&2
  return 1
}

db="$work/data/groupdesk.sqlite"
# The time the first incoming message of a simulator started at $1 (ms) is
# committed: simulator message ids start at its start time in ms * 1000.
wait_first_message() {
  local since=$1 deadline=$(( $1 + 30000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if [ -f "$db" ]; then
      n=$(sqlite3 -batch -noheader "$db" \
        "SELECT count(*) FROM messages WHERE from_self = 0 AND CAST(msg_id AS INTEGER) >= $since * 1000;" \
        2>/dev/null || echo 0)
      if [ "${n:-0}" -gt 0 ]; then now_ms; return 0; fi
    fi
    sleep 0.05
  done
  return 1
}

start_at=$(now_ms)
start_sim 0
"$groupdesk" --headless --data-dir "$work/data" --connect "127.0.0.1:$port" \
  --token-file "$work/token" --no-tls > "$work/gd.out" 2> "$work/gd.err" &
gd_pid=$!
first=$(wait_first_message "$start_at") || { echo "no message at all"; tail -20 "$work/gd.err"; exit 1; }
echo "first start: first message after $(( first - start_at )) ms (includes login and sync)"
sleep "$gap"

figures=()
fail=0
for cycle in $(seq 1 "$cycles"); do
  kill -KILL "$sim_pid"
  wait "$sim_pid" 2>/dev/null || true
  restart_at=$(now_ms)
  start_sim "$cycle"
  if stored=$(wait_first_message "$restart_at"); then
    ms=$(( stored - restart_at ))
  else
    ms=-1
  fi
  figures+=("$ms")
  verdict=ok
  if [ "$ms" -lt 0 ] || [ "$ms" -gt "$limit_ms" ]; then verdict=TOO-SLOW; fail=1; fi
  echo "restart $cycle: messages flow again after $ms ms ($verdict)"
  # The next kill comes GAP seconds after this restart.
  left=$(( restart_at + gap * 1000 - $(now_ms) ))
  [ "$left" -gt 0 ] && sleep "$(printf '%d.%03d' $(( left / 1000 )) $(( left % 1000 )))"
done

kill -TERM "$gd_pid"
gd_rc=0; wait "$gd_pid" || gd_rc=$?
gd_pid=
joined=$(IFS=,; echo "${figures[*]}")
max=$(printf '%s\n' "${figures[@]}" | sort -n | tail -1)
echo "{\"cycles\": $cycles, \"gap_s\": $gap, \"restart_to_first_message_ms\": [$joined], \"max_ms\": $max, \"limit_ms\": $limit_ms, \"groupdesk_exit\": $gd_rc}"
if grep -a -q -F -- "$token" "$work/gd.err" "$work/gd.out" "$work/data/groupdesk.log"; then
  echo "FAIL: the token appears in the output or the log"; fail=1
fi
[ "$gd_rc" -eq 0 ] || { echo "FAIL: groupdesk exited with $gd_rc"; fail=1; }
[ "$fail" -eq 0 ] && echo PASS || { tail -30 "$work/gd.err"; exit 1; }

#!/usr/bin/env bash
# One command: MCP load through HAProxy on two gateway replicas (the start script's --ha: PostgreSQL, two gateways,
# HAProxy), first a calm minute as the baseline, then BENCH_MINUTES (10) with one replica killed with SIGKILL every
# minute and started again 20 s later. Prints calls, failed calls, the success ratio and latencies of both phases.
# Reference SDK clients (tools/node/mcp-client.mjs soak) call echo on server-everything; they retry nothing
# themselves. Not part of the tests.
#   bench/availability/run.sh   (BENCH_MINUTES=10 BENCH_CLIENTS=4 BENCH_SESSIONS=5 BENCH_CALM_SECONDS=60)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib.sh"
ensure_node_tools
apt_install postgresql haproxy curl
minutes="${BENCH_MINUTES:-10}" clients="${BENCH_CLIENTS:-4}" sessions="${BENCH_SESSIONS:-5}" calm="${BENCH_CALM_SECONDS:-60}"

# tokens go to files only this user reads, and reach curl through header files (never a command line)
umask 077
work="$(mktemp -d)"; chmod 755 "$work"; mkdir -p "$work/home" "$work/ws"; chmod 755 "$work/ws"
export PARADISE_HOME="$work/home" PARADISE_WORKSPACE_ROOTS="$work/ws" PARADISE_GATEWAY_PORT=19100 \
  PARADISE_INSTANCE_MANAGER_PORT=19110 PARADISE_QUALITY_PORT=19120 PARADISE_REPORTS_PORT=19130 \
  PARADISE_DASHBOARD_PORT=19140 PARADISE_POSTGRES_PORT=19150
# the clients call as fast as they can; a gateway's per-client rate limit (200/s, per replica) is not what is measured
export PARADISE_GATEWAY_RATE_LIMIT=0
start="$root/scripts/start-devops-paradise.sh"
cleanup() {
  set +e
  exec 3>&- 2>/dev/null
  [ -n "${soak_pid:-}" ] && kill "$soak_pid" 2>/dev/null
  # instances outlive a stopped manager: delete them first, with the platform's own credential
  if [ -f "$PARADISE_HOME/service-token" ]; then
    printf 'Authorization: Bearer %s\n' "$(cat "$PARADISE_HOME/service-token")" > "$work/service-header"
    curl -s -H @"$work/service-header" "http://127.0.0.1:$PARADISE_INSTANCE_MANAGER_PORT/api/instances" \
      | grep -o '"id":"[^"]*"' | cut -d'"' -f4 | while read -r id; do
        curl -s -H @"$work/service-header" -X DELETE "http://127.0.0.1:$PARADISE_INSTANCE_MANAGER_PORT/api/instances/$id" >/dev/null
      done
  fi
  "$start" --stop >/dev/null 2>&1
  [ "$(id -u)" = 0 ] && rm -rf "/var/lib/postgresql/devops-paradise-$(printf '%s' "$PARADISE_HOME" | sha256sum | cut -c1-12)"
  rm -rf "$work"
}
trap cleanup EXIT

"$start" --ha --platform-only
printf 'Authorization: Bearer %s\n' "$(cat "$PARADISE_HOME/admin-token")" > "$work/admin-header"
printf '[' > "$work/targets.json"
for c in $(seq 1 "$clients"); do
  mkdir -p "$work/ws/bench-$c"
  token="$(curl -sf -H @"$work/admin-header" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench-$c\",\"workspace\":\"$work/ws/bench-$c\",\"backendProfile\":\"everything-process\"}" \
    "http://127.0.0.1:$PARADISE_GATEWAY_PORT/api/clients" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
  # each replica knows a client registered on the other after its next registry refresh (2 s)
  printf 'Authorization: Bearer %s\n' "$token" > "$work/client-header"
  for replica in 1 2; do
    for _ in $(seq 1 50); do
      curl -sf -o /dev/null -H @"$work/client-header" "http://127.0.0.1:$((PARADISE_GATEWAY_PORT + replica))/api/clients/bench-$c" && break
      sleep 0.2
    done
  done
  [ "$c" -gt 1 ] && printf ',' >> "$work/targets.json"
  printf '{"url":"http://127.0.0.1:%s/mcp","token":"%s","sessions":%s}' "$PARADISE_GATEWAY_PORT" "$token" "$sessions" >> "$work/targets.json"
done
printf ']' >> "$work/targets.json"

redispatched() {
  python3 - "$PARADISE_HOME/run/haproxy.sock" <<'PY'
import csv, io, socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"show stat\n")
data = b"".join(iter(lambda: s.recv(65536), b"")).decode()
rows = csv.DictReader(io.StringIO(data.lstrip("# ")))
print(sum(int(r["wredis"] or 0) for r in rows if r["svname"].startswith("gw")))
PY
}

# PHASE SECONDS KILL: runs the clients for SECONDS; with KILL, kills a replica in the middle of every minute
phase() {
  local name="$1" seconds="$2" kill="$3" fifo="$work/$1.fifo" out="$work/$1.out" kills=0 before
  before="$(redispatched)"
  rm -f "$fifo"; mkfifo "$fifo"
  node "$root/tools/node/mcp-client.mjs" soak "$work/targets.json" <"$fifo" >"$out" 2>"$work/$name.err" &
  soak_pid=$!
  exec 3>"$fifo"
  local began; began=$(date +%s)
  while [ $(( $(date +%s) - began )) -lt "$seconds" ]; do
    if [ -n "$kill" ] && [ $(( ($(date +%s) - began + 30) % 60 )) -lt 1 ] && [ $(( $(date +%s) - began + 25 )) -lt "$seconds" ]; then
      local replica=$(( kills % 2 + 1 )) pid
      pid="$(cat "$PARADISE_HOME/run/bridge-gateway-$replica.pid")"
      kill -9 "$pid"; kills=$((kills + 1))
      log "$(date +%T) killed bridge-gateway-$replica (pid $pid); $(grep -c progress "$out") s of load so far"
      sleep 20
      "$start" --ha --platform-only >/dev/null 2>&1 || die "the killed replica did not start again; see $PARADISE_HOME/logs"
      log "$(date +%T) bridge-gateway-$replica is back"
    fi
    sleep 1
  done
  echo stop >&3; exec 3>&-
  for _ in $(seq 1 120); do grep -q '"summary"' "$out" && break; sleep 1; done
  wait "$soak_pid" 2>/dev/null || true; soak_pid=""
  tail -n 1 "$out" | python3 -c '
import json, sys
name, kills, replayed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
s = json.load(sys.stdin)["summary"]
total = s["calls"] + s["errors"]
ratio = s["calls"] / total if total else 0
print(f"{name:>6}: {s['"'"'sessions'"'"']} sessions, {total} calls, {s['"'"'errors'"'"']} failed, success {ratio:.6f}, "
      f"p50 {s['"'"'p50Ms'"'"']:.1f} ms, p99 {s['"'"'p99Ms'"'"']:.1f} ms, max {s['"'"'maxMs'"'"']:.0f} ms; "
      f"{kills} replicas killed, {replayed} requests replayed on the other replica")
for error, count in s["errorCounts"].items():
    print(f"        {count} x {error}")
print(json.dumps({"p99": s["p99Ms"], "ratio": ratio}), file=open(sys.argv[4], "w"))
' "$name" "$kills" "$(( $(redispatched) - before ))" "$work/$name.json"
}

log "calm phase: ${calm} s of load, no replica killed (the baseline)"
phase calm "$calm" ""
log "chaos phase: $minutes minutes of load, a replica killed every minute"
phase chaos $(( minutes * 60 )) 1
python3 - "$work/calm.json" "$work/chaos.json" <<'PY'
import json, sys
calm, chaos = (json.load(open(p)) for p in sys.argv[1:3])
print(f" ratio: p99 under failover / calm p99 = {chaos['p99'] / calm['p99']:.2f}; success ratio {chaos['ratio']:.6f} (calm {calm['ratio']:.6f})")
PY

#!/usr/bin/env bash
# One command: the gateway's added latency per tools/call (p50, p99) and its throughput with 32 concurrent
# sessions, each against calling the backend directly, nginx as a plain reverse proxy, two bare Java relays (the
# floors of a relay on Reactor Netty, NettyRelay.java, and on Netty alone, NettyRawRelay.java) and supergateway, for
# server-everything and a minimal fast echo backend. Not part of the tests.
#   bench/gateway/run.sh       (BENCH_SESSIONS=32 BENCH_CALLS=200 BENCH_SEQ_CALLS=500)
#   BENCH_SUITES=fast-echo     only the fast echo backend (everything,fast-echo,idle-sessions by default)
#   BENCH_IDLE_SESSIONS=10000  idle sessions opened for the gateway's memory per session
#   BENCH_WARMUP_CALLS=1000    calls per session (of 32) that warm the gateway's JIT up before anything is measured
#   BENCH_THREADS=1            prints which of the proxy's threads spent the CPU of the 32-session run
#   BENCH_JFR=/tmp/gw.jfr      records the gateway with Java Flight Recorder's profiling settings while it runs
#   BENCH_GATEWAY_OPTS="-XX:+UseSerialGC"   JVM options of the gateway
#   BENCH_PIN=1                each proxy on CPU 1, the load generator and the backend on CPU 0: the proxy's cost on a
#                              machine where it does not share cores with them (with BENCH_SUITES=fast-echo; the Docker
#                              backend's processes are not the manager's children and stay unpinned)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib.sh"
"$root/scripts/install-test-deps.sh"
command -v nginx >/dev/null || apt_install nginx
for module in instance-manager bridge-gateway; do
  [ -f "$root/$module/target/$module.jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl $module -am)
done

work="$(mktemp -d)"; mkdir -p "$work/home" "$work/ws"; chmod 755 "$work" "$work/ws"
# the gateway's own libraries, for the Reactor Netty relay that is the floor of a Java relay (NettyRelay.java)
(cd "$root" && ./mvnw -q -B -ntp -pl bridge-gateway dependency:build-classpath -Dmdep.outputFile="$work/gateway.cp")
im_port=18110; gw_port=18100; admin="pda_bench_$(head -c 24 /dev/urandom | base64 | tr -d "/+=")"
pids=()
cleanup() {
  set +e  # every step runs, whatever the one before it did
  [ -n "${BENCH_JFR:-}" ] && [ -n "${gw_pid:-}" ] && jcmd "$gw_pid" JFR.dump filename="$BENCH_JFR" >/dev/null 2>&1 || true
  # the manager answers the platform's own credential only
  credential=(-H "Authorization: Bearer $(cat "$work/home/service-token" 2>/dev/null)")
  curl -s "${credential[@]}" "http://127.0.0.1:$im_port/api/instances" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 | \
    while read -r id; do curl -s "${credential[@]}" -X DELETE "http://127.0.0.1:$im_port/api/instances/$id" >/dev/null; done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 20); do
    alive=0; for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# with BENCH_PIN=1 the manager's children (the process backends) inherit its CPU 0, and the gateway gets CPU 1
on_cpu0=(); on_cpu1=()
[ "${BENCH_PIN:-}" = 1 ] && on_cpu0=(taskset -c 0) && on_cpu1=(taskset -c 1)
PARADISE_HOME="$work/home" "${on_cpu0[@]}" java -jar "$root/instance-manager/target/instance-manager.jar" --server.port=$im_port \
  --paradise.instances.allowed-workspace-roots="$work" --paradise.node-modules="$root/tools/node/node_modules" \
  --paradise.instances.profiles.fast-echo.engine=process \
  --paradise.instances.profiles.fast-echo.command=node,"$root/tools/node/fast-echo-server.mjs",http \
  --paradise.instances.profiles.fast-echo.env.PORT='{port}' >"$work/manager.log" 2>&1 &
pids+=($!)
jfr=()
[ -n "${BENCH_JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile,dumponexit=true")
# shellcheck disable=SC2086
PARADISE_HOME="$work/home" "${on_cpu1[@]}" java ${BENCH_GATEWAY_OPTS:-} "${jfr[@]}" -jar "$root/bridge-gateway/target/bridge-gateway.jar" --server.port=$gw_port \
  --paradise.gateway.instance-manager-url=http://127.0.0.1:$im_port --paradise.gateway.admin-token="$admin" \
  --paradise.gateway.rate-limit=0 --paradise.gateway.max-sessions-per-client=$(( ${BENCH_IDLE_SESSIONS:-10000} + 100 )) \
  >"$work/gateway.log" 2>&1 &
gw_pid=$!
pids+=($gw_pid)
for port in $im_port $gw_port; do
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
done

BENCH_ROOT="$root" BENCH_WORK="$work" BENCH_GATEWAY_PID="$gw_pid" BENCH_GATEWAY_CLASSPATH="$(cat "$work/gateway.cp")" BENCH_GATEWAY="http://127.0.0.1:$gw_port" BENCH_ADMIN="$admin" \
  python3 "$root/bench/gateway/gateway_bench.py"

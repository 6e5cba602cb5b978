#!/usr/bin/env bash
# One command: cold provision time per engine (p50/p95 over 20 runs) against starting the same server by
# hand, and how many instances this machine holds with the memory each takes. Not part of the tests.
#   bench/instance-manager/run.sh            BENCH_RUNS=20 BENCH_CAPACITY=50 by default
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib.sh"
"$root/scripts/install-test-deps.sh"
[ -f "$root/instance-manager/target/instance-manager.jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl instance-manager -am)

work="$(mktemp -d)"; mkdir -p "$work/home" "$work/ws"; chmod 755 "$work" "$work/ws"
port=18110
PARADISE_HOME="$work/home" PARADISE_WORKSPACE_ROOTS="$work" PARADISE_INSTANCE_MANAGER_PORT=$port \
  PARADISE_NODE_MODULES="$root/tools/node/node_modules" \
  java -jar "$root/instance-manager/target/instance-manager.jar" --paradise.instances.health.interval=100ms \
  --paradise.instances.max-instances=100 >"$work/manager.log" 2>&1 &
manager=$!
trap 'kill $manager 2>/dev/null; wait $manager 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done

BENCH_MANAGER_URL="http://127.0.0.1:$port" BENCH_WORKSPACE="$work/ws" PARADISE_NODE_MODULES="$root/tools/node/node_modules" \
  python3 "$root/bench/instance-manager/provision_bench.py"

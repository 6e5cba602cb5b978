#!/usr/bin/env bash
# One command: the orchestrator's wall time for a multi-tool run (pytest+coverage, jest+coverage, ESLint, Pylint,
# Bandit, ShellCheck on one workspace) with 1 and with 2 tools at a time, against running the same tools by hand one
# after another. Not part of the tests.   bench/quality/run.sh   (BENCH_RUNS=3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib.sh"
"$root/scripts/install-test-deps.sh"
for module in instance-manager quality-orchestrator; do
  [ -f "$root/$module/target/$module.jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl $module -am)
done
work="$(mktemp -d)"; ws="$work/ws"; mkdir -p "$work/home" "$ws"; chmod 755 "$work"
fixtures="$root/quality-orchestrator/src/test/resources/fixtures"
cp "$fixtures"/python-project/* "$fixtures"/js-project/* "$fixtures"/shell-project/* "$ws/"; chmod 755 "$ws"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
PARADISE_HOME="$work/home" java -jar "$root/instance-manager/target/instance-manager.jar" --server.port=18110 \
  --paradise.instances.allowed-workspace-roots="$work" --paradise.node-modules="$root/tools/node/node_modules" >"$work/m.log" 2>&1 &
pids+=($!)
for parallel in 1 2; do
  mkdir -p "$work/home/q$parallel"
  PARADISE_HOME="$work/home/q$parallel" PARADISE_NODE_MODULES="$root/tools/node/node_modules" java -jar "$root/quality-orchestrator/target/quality-orchestrator.jar" \
    --server.port=$((18120 + parallel)) --paradise.quality.instance-manager-url=http://127.0.0.1:18110 \
    --paradise.quality.parallel-tools=$parallel >"$work/q$parallel.log" 2>&1 &
  pids+=($!)
done
for port in 18110 18121 18122; do
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
done
curl -sf -X POST "http://127.0.0.1:18110/api/instances?waitSeconds=60" -H 'Content-Type: application/json' \
  -d "{\"clientId\":\"bench\",\"workspace\":\"$ws\",\"profile\":\"everything-process\"}" >/dev/null
BENCH_WS="$ws" BENCH_NODE_MODULES="$root/tools/node/node_modules" python3 "$root/bench/quality/quality_bench.py"

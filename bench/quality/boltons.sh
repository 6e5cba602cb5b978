#!/usr/bin/env bash
# One command: a `standard` run of boltons (a real repository from ../shared/corpora) end to end — from the request to
# the orchestrator until the report-service has stored it with its five reports — against the tools the run used
# (pytest with the project's tox command and coverage, Bandit; boltons configures no linter) by hand, one after another.
# Not part of the tests.   bench/quality/boltons.sh   (BENCH_RUNS=3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib.sh"
"$root/scripts/install-test-deps.sh"
for module in instance-manager quality-orchestrator report-service; do
  [ -f "$root/$module/target/$module.jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl $module -am)
done
work="$(mktemp -d)"; ws="$work/boltons"; mkdir -p "$work/home"; chmod 755 "$work"
git clone -q "$root/../shared/corpora/boltons.bundle" "$ws"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export PARADISE_HOME="$work/home"
java -jar "$root/instance-manager/target/instance-manager.jar" --server.port=18110 \
  --paradise.instances.allowed-workspace-roots="$work" --paradise.node-modules="$root/tools/node/node_modules" >"$work/m.log" 2>&1 &
pids+=($!)
java -jar "$root/quality-orchestrator/target/quality-orchestrator.jar" --server.port=18120 \
  --paradise.quality.instance-manager-url=http://127.0.0.1:18110 >"$work/q.log" 2>&1 &
pids+=($!)
java -jar "$root/report-service/target/report-service.jar" --server.port=18130 --paradise.reports.orchestrator-url=http://127.0.0.1:18120 \
  --paradise.reports.instance-manager-url=http://127.0.0.1:18110 >"$work/r.log" 2>&1 &
pids+=($!)
for port in 18110 18120 18130; do
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
done
curl -sf -X POST "http://127.0.0.1:18110/api/instances?waitSeconds=60" -H 'Content-Type: application/json' \
  -d "{\"clientId\":\"bench\",\"workspace\":\"$ws\",\"profile\":\"everything-process\"}" >/dev/null
BENCH_WS="$ws" python3 "$root/bench/quality/boltons_bench.py"

#!/usr/bin/env bash
# One command: a long fuzzing run of the gateway (not part of the tests). The same fuzz tests the build runs briefly
# (2,000 bodies for the parser, 500 requests over HTTP), here with many more tries: JsonRpcFuzzTests on the JSON-RPC
# parsing, and GatewayFuzzIntegrationTests on a real gateway's MCP endpoints (guard, header checks, routing).
#   bench/fuzz/gateway.sh       (FUZZ_TRIES=200000 for the parser, FUZZ_HTTP_TRIES=20000 over HTTP, FUZZ_SEED to replay)
# A failure names its seed and keeps its input under bridge-gateway/target/fuzz-failures/; copy that file under
# bridge-gateway/src/test/resources/fuzz-regressions/jsonrpc/ (a body) so that JsonRpcRegressionTests replays it in
# every build, then fix the gateway.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/scripts/lib.sh"
ensure_node_tools
cd "$root"
seed=()
[ -n "${FUZZ_SEED:-}" ] && seed=(-Dparadise.fuzz.seed="$FUZZ_SEED")

./mvnw -B -ntp -pl bridge-gateway -am test -Dtest=JsonRpcFuzzTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dparadise.fuzz.tries="${FUZZ_TRIES:-200000}" "${seed[@]}"
./mvnw -B -ntp -pl bridge-gateway -am verify -Dtest=NoUnitTests -Dit.test=GatewayFuzzIntegrationTests \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dparadise.fuzz.tries="${FUZZ_HTTP_TRIES:-20000}" "${seed[@]}"

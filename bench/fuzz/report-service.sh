#!/usr/bin/env bash
# One command: a long fuzz of the report-service's run ingestion (POST /api/runs with random and mutated-valid
# documents; every answer a 2xx or a 4xx problem, every stored run's views and reports readable). Not part of the
# tests; the build runs the same fuzz short (100 documents, a fixed seed).
#   bench/fuzz/report-service.sh            (FUZZ_TRIES=5000 FUZZ_SEED=<random>; MAVEN_ARGS=-o to stay offline)
# 5,000 documents take about 4 minutes on 2 cores.
# A document that failed is left in report-service/target/fuzz-failures/seed-<n>.json: fix the cause, then keep it
# in report-service/src/test/resources/fuzz-regressions/ with a name that says what it was; every build replays it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tries="${FUZZ_TRIES:-5000}"
seed="${FUZZ_SEED:-$(( (RANDOM << 30) ^ (RANDOM << 15) ^ RANDOM ))}"
echo "fuzzing the report-service's ingestion: $tries documents from seed $seed (FUZZ_SEED=$seed repeats this run)"
cd "$root"
rm -rf report-service/target/fuzz-failures
log="$(mktemp)"
status=0
nice -n 10 ./mvnw -B -ntp -pl report-service -am verify -Dtest=None -Dit.test=RunIngestionFuzzIntegrationTests \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfuzz.tries="$tries" -Dfuzz.seed="$seed" >"$log" 2>&1 || status=$?
grep -E '^fuzz:|seed [0-9]+:' "$log" | cut -c1-300 || true
if [ -d report-service/target/fuzz-failures ]; then
  echo "failing documents:"; ls -1 report-service/target/fuzz-failures
elif [ "$status" -ne 0 ]; then
  echo "the build failed before the fuzz finished; see $log"; exit "$status"
else
  echo "no failing document"
fi
rm -f "$log"
exit "$status"

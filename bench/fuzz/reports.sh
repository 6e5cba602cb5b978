#!/usr/bin/env bash
# The long fuzz run of the quality-orchestrator's report parsers (JUnit XML, Cobertura, JaCoCo, SARIF, pylint,
# bandit, shellcheck, npm audit, Lighthouse, flake8): random bytes, byte mutations and odd values of the recorded
# reports. CI runs the same properties briefly (jqwik.tries.default in junit-platform.properties). Not part of the tests.
#   bench/fuzz/reports.sh            (FUZZ_TRIES=50000 per property)
# A crash fails the run and leaves its input in quality-orchestrator/target/fuzz-crashes/<parser>/: copy it to
# quality-orchestrator/src/test/resources/fuzz-regressions/<parser>/, where FuzzRegressionsTests replays it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tries="${FUZZ_TRIES:-50000}"
cd "$root"
start=$(date +%s)
./mvnw -B -o -q -pl quality-orchestrator test -Dtest='ReportParsersFuzzTests,FuzzRegressionsTests' \
  -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default="$tries" -Djqwik.reporting.onlyfailures=false \
  | grep -E 'tries =|seed =|Tests run|FAIL' || true
status=${PIPESTATUS[0]}
echo "fuzzed the report parsers: $tries tries per property, 4 properties, $(( $(date +%s) - start ))s"
if [ -d quality-orchestrator/target/fuzz-crashes ]; then
  echo "crash inputs:"; find quality-orchestrator/target/fuzz-crashes -type f
fi
exit "$status"

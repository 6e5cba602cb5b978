#!/usr/bin/env bash
# The long fuzz run of the quality-orchestrator's report parsers (JUnit XML, Cobertura, JaCoCo, SARIF, pylint,
# bandit, shellcheck, npm audit, Lighthouse, flake8): random bytes, byte mutations and odd values of the recorded
# reports. The build runs the same properties briefly (200 tries). Not part of the tests.
#   bench/fuzz/reports.sh [TRIES]    (default 50000 per property; FUZZ_TRIES works too)
# A crash fails the run and leaves its input in quality-orchestrator/target/fuzz-crashes/<parser>/: copy it to
# quality-orchestrator/src/test/resources/fuzz-regressions/<parser>/, where FuzzRegressionsTests replays it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tries="${1:-${FUZZ_TRIES:-50000}}"
cd "$root"
start=$(date +%s)
./mvnw -B -o -q -pl quality-orchestrator test -Dtest='ReportParsersFuzzTests,FuzzRegressionsTests' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.tries="$tries" \
  | grep -E 'fuzz.seed|Tests run|FAIL' || true
status=${PIPESTATUS[0]}
echo "fuzzed the report parsers: $tries tries per property, 4 properties, $(( $(date +%s) - start ))s"
if [ -d quality-orchestrator/target/fuzz-crashes ]; then
  echo "crash inputs:"; find quality-orchestrator/target/fuzz-crashes -type f
fi
exit "$status"

#!/usr/bin/env bash
# One command: Java test impact analysis measured on real code — this repository's own quality-orchestrator module
# (a clone of the committed tree; the corpora hold no Java project), its unit tests run by Maven with the JUnit
# probe. A full run measures the map; then each mutant (a one-operator change in a method some test runs) gets a
# changed-only run, and a full run when the selection did not catch it. Prints mutants caught by the selection and by
# the full suite, and the changed-only runs' wall time against the full run's.
# Not part of the tests: it runs JavaImpactBenchmark, a failsafe class CI never picks.
#   bench/impact/java.sh                     IMPACT_JAVA_MUTANTS=12 (about 15 minutes on 2 cores)
#   IMPACT_JAVA_MUTANTS=4 bench/impact/java.sh
# Needs the Maven repository filled and the modules installed (./mvnw -o install -DskipTests), since it builds
# offline, under nice: the machine may be shared.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export IMPACT_JAVA_MUTANTS="${IMPACT_JAVA_MUTANTS:-12}"
log="$(mktemp /tmp/impact-java-bench.XXXXXX.log)"
echo "# Java test impact benchmark, $(date -u +%FT%TZ), $(nproc) cores, $IMPACT_JAVA_MUTANTS mutants;" \
  "load before: $(uptime | sed 's/.*load/load/')"
cd "$root"
status=0
nice -n 10 ./mvnw -B -o -q -pl quality-orchestrator verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=JavaImpactBenchmark 2>&1 | tee "$log" | grep --line-buffered '^\[impact' || status=${PIPESTATUS[0]}
echo "# load after: $(uptime | sed 's/.*load/load/'); Maven's whole output: $log"
if [ "$status" != 0 ]; then
  echo "JavaImpactBenchmark failed (exit $status): a mutant the selection missed, or an error; see $log" >&2
  grep -E '^\[ERROR\]|Expecting|to be|but' "$log" | head -40 >&2
fi
exit "$status"

#!/usr/bin/env bash
# One command: test impact analysis measured on real repositories (boltons, toolz, from shared/corpora), each figure
# against the full suite run in the same benchmark: the replay of recent history (the selection's share of test time
# saved, missed outcome changes), mutants of the package's functions (caught by the selection vs by the full suite,
# time to the first failure report), and the plan's parallel speedup (the full suite on 2 pytest-xdist workers vs 1).
# Not part of the tests: it runs ImpactBenchmark, a failsafe class CI never picks (not named *Tests/*IntegrationTests).
#   bench/impact/run.sh                                   IMPACT_COMMITS=20 IMPACT_MUTANTS=50 IMPACT_PARALLEL_ROUNDS=3
#   IMPACT_COMMITS=5 IMPACT_MUTANTS=10 bench/impact/run.sh   (a quick trial, about 4 minutes)
# Needs Debian's python3 with pytest, pytest-cov and pytest-xdist (scripts/install-test-deps.sh) and the Maven
# repository already filled (it builds offline, under nice: the machine may be shared).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export IMPACT_COMMITS="${IMPACT_COMMITS:-20}" IMPACT_MUTANTS="${IMPACT_MUTANTS:-50}" IMPACT_PARALLEL_ROUNDS="${IMPACT_PARALLEL_ROUNDS:-3}"
log="$(mktemp /tmp/impact-bench.XXXXXX.log)"
echo "# test impact benchmark, $(date -u +%FT%TZ), $(nproc) cores, $IMPACT_COMMITS code commits, $IMPACT_MUTANTS mutants," \
  "$IMPACT_PARALLEL_ROUNDS parallel rounds; load before: $(uptime | sed 's/.*load/load/')"
cd "$root"
status=0
# only the benchmark's own lines are shown; the whole Maven output stays in the log
nice -n 10 ./mvnw -B -o -q -pl quality-orchestrator verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ImpactBenchmark 2>&1 | tee "$log" | grep --line-buffered '^\[impact' || status=${PIPESTATUS[0]}
echo "# load after: $(uptime | sed 's/.*load/load/'); Maven's whole output: $log"
if [ "$status" != 0 ]; then
  echo "ImpactBenchmark failed (exit $status): a missed outcome change or mutant, or an error; see $log" >&2
  grep -E '^\[ERROR\]|Expecting|to be|but' "$log" | head -40 >&2
fi
exit "$status"

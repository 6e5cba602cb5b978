#!/usr/bin/env bash
# One command: insights measured on the real histories in ../shared/corpora (boltons, toolz).
#   - the change-risk model's ROC AUC on a time-ordered split (trained on the oldest 70% of commits, tested on the
#     newest 30%), beside the simplest baseline (lines changed alone) and source lines changed alone;
#   - boltons's top 5 hotspots with their churn (commits in 90 days), complexity (flake8's mccabe) and coverage (its
#     own tests under pytest-cov).
# Not part of the tests: it runs InsightsBenchmark, a failsafe class CI never picks. About a minute on 2 cores.
# Needs the modules installed (./mvnw -o install -DskipTests) and Debian's python3-pytest, python3-pytest-cov, flake8.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
log="$(mktemp /tmp/insights-bench.XXXXXX.log)"
echo "# insights benchmark, $(date -u +%FT%TZ), $(nproc) cores; load before: $(uptime | sed 's/.*load/load/')"
cd "$root"
status=0
nice -n 10 ./mvnw -B -o -q -pl quality-orchestrator verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=InsightsBenchmark 2>&1 | tee "$log" | grep --line-buffered '^\[insights' || status=${PIPESTATUS[0]}
echo "# load after: $(uptime | sed 's/.*load/load/'); Maven's whole output: $log"
if [ "$status" != 0 ]; then
  echo "InsightsBenchmark failed (exit $status); see $log" >&2
  grep -E '^\[ERROR\]|Expecting|to be|but' "$log" | head -40 >&2
fi
exit "$status"

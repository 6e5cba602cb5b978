#!/usr/bin/env bash
# Every long fuzz run, one after another (the build runs a short one of each): the gateway's JSON-RPC parsing and
# guard, the orchestrator's report parsers, the report-service's run ingestion, the instance-manager's workspace guard.
#   bench/fuzz/run.sh [TRIES]      TRIES per property, passed to each module's script (each has its own default)
# A failing input is printed with its seed (-Dfuzz.seed= replays it); keep it under the module's src/test/resources/fuzz-regressions/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
status=0
for script in gateway reports report-service instance-manager; do
  [ -x "$here/$script.sh" ] || { echo "missing $here/$script.sh" >&2; status=1; continue; }
  echo "== $script"
  start=$(date +%s)
  if "$here/$script.sh" "$@"; then
    echo "== $script passed in $(( $(date +%s) - start )) s"
  else
    echo "== $script FAILED" >&2; status=1
  fi
done
exit $status

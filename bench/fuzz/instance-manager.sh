#!/usr/bin/env bash
# The long fuzz run of the instance-manager's guards (the build runs 500 tries of each property).
#   bench/fuzz/instance-manager.sh [TRIES]     default 20000
# A failing input is printed with its seed (-Dfuzz.seed= replays it); keep it under instance-manager/src/test/resources/fuzz-regressions/.
set -euo pipefail
cd "$(dirname "$0")/../.."
tries="${1:-20000}"
nice -n 10 ./mvnw -B -o -q -pl instance-manager -am test -Dtest='WorkspacePolicyFuzzTests' \
  -Dfuzz.tries="$tries" -Dsurefire.failIfNoSpecifiedTests=false
echo "WorkspacePolicyFuzzTests: $tries tries per property passed"

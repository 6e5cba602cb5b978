#!/usr/bin/env bash
# Runs every test of the project: installs what the tests need, then the Maven build with unit and
# integration tests. Extra arguments go to Maven (for example -pl instance-manager).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
exec ./mvnw -B -ntp verify "$@"

#!/usr/bin/env bash
# Times scripts/start-devops-paradise.sh from nothing to the first quality report, on a fresh clone of this
# repository, a fresh data directory and a copy of the Python fixture (comprehensive profile, process backend):
#   cold    empty Maven repository, Maven wrapper and npm cache (everything downloaded from the registries)
#   cached  the machine's Maven repository and npm cache (the build and npm ci still run: the clone is fresh)
#   rerun   the same script again on the running platform (nothing to build, client reused, second report)
#   bench/setup/run.sh        (not part of the tests; needs the default ports 8100-8140 free)
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
root="$(repo_root)"
work="$(mktemp -d)"

# deletes the run's instances (the script's --stop leaves instances running on purpose), then stops the services
stop_platform() { # DIR
  local id
  for id in $(curl -s http://127.0.0.1:8110/api/instances | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
    curl -s -X DELETE "http://127.0.0.1:8110/api/instances/$id" >/dev/null
  done
  PARADISE_HOME="$1/paradise" "$1/repo/scripts/start-devops-paradise.sh" --stop >/dev/null 2>&1 || true
}
cleanup() {
  local dir
  for dir in "$work"/*/; do [ -d "$dir/repo" ] && stop_platform "$dir"; done
  rm -rf "$work"
}
trap cleanup EXIT

run_once() { # NAME EXTRA_ENV...
  local name="$1"; shift
  local dir="$work/$name"
  mkdir -p "$dir/ws" "$dir/home"
  git clone -q "$root" "$dir/repo"
  cp -r "$root/quality-orchestrator/src/test/resources/fixtures/python-project" "$dir/ws/calc"
  local start end
  start=$(date +%s.%N)
  (cd "$dir/ws/calc" && env "$@" PARADISE_HOME="$dir/paradise" PARADISE_WORKSPACE_ROOTS="$dir/ws" \
     "$dir/repo/scripts/start-devops-paradise.sh" alice >"$dir/setup.log" 2>&1) || { tail -20 "$dir/setup.log"; die "$name setup failed"; }
  end=$(date +%s.%N)
  grep -q "first report: grade" "$dir/setup.log" || die "$name: no first report"
  local first; first=$(echo "$end - $start" | bc)
  start=$(date +%s.%N)
  (cd "$dir/ws/calc" && env "$@" PARADISE_HOME="$dir/paradise" PARADISE_WORKSPACE_ROOTS="$dir/ws" \
     "$dir/repo/scripts/start-devops-paradise.sh" alice >"$dir/rerun.log" 2>&1) || die "$name rerun failed"
  end=$(date +%s.%N)
  printf '  %-7s first report %6.1f s   rerun with a second report %5.1f s\n' "$name" "$first" "$(echo "$end - $start" | bc)"
  stop_platform "$dir"
}

command -v bc >/dev/null || apt_install bc
echo "start-devops-paradise.sh to the first report (comprehensive profile, Python fixture, process backend):"
run_once cold HOME="$work/cold/home" MAVEN_OPTS="-Dmaven.repo.local=$work/cold/m2" npm_config_cache="$work/cold/npm"
run_once cached
echo "aim: under 180 s with dependencies cached; the seed's targets: setup under 5 min, first report under 10 min"

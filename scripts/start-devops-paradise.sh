#!/usr/bin/env bash
# Starts the DevOps Paradise platform locally on its embedded defaults: instance-manager, quality orchestrator,
# report-service, dashboard, gateway.
#   scripts/start-devops-paradise.sh            start (builds the jars when needed), wait until healthy
#   scripts/start-devops-paradise.sh --status   show what runs
#   scripts/start-devops-paradise.sh --stop     stop the services (instances keep running and are adopted at next start)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
home="${PARADISE_HOME:-$HOME/.devops-paradise}"
run="$home/run"
services=("instance-manager:${PARADISE_INSTANCE_MANAGER_PORT:-8110}" "quality-orchestrator:${PARADISE_QUALITY_PORT:-8120}"
          "report-service:${PARADISE_REPORTS_PORT:-8130}" "dashboard-ui:${PARADISE_DASHBOARD_PORT:-8140}"
          "bridge-gateway:${PARADISE_GATEWAY_PORT:-8100}")

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; }

running_pid() {
  local pid; pid="$(cat "$run/$1.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

status() {
  for entry in "${services[@]}"; do
    local name="${entry%%:*}" port="${entry##*:}" pid
    if pid="$(running_pid "$name")"; then
      log "$name runs (pid $pid) on http://127.0.0.1:$port — $(curl -s "http://127.0.0.1:$port/actuator/health" || echo 'not answering')"
    else
      log "$name is not running"
    fi
  done
}

stop() {
  for (( i=${#services[@]}-1; i>=0; i-- )); do
    local name="${services[$i]%%:*}" pid
    if pid="$(running_pid "$name")"; then
      kill "$pid"; for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      rm -f "$run/$name.pid"; log "$name stopped"
    else
      log "$name was not running"
    fi
  done
}

build_if_needed() {
  local stale=""
  for entry in "${services[@]}"; do
    local name="${entry%%:*}" jar="$root/${entry%%:*}/target/${entry%%:*}.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$root/$name/src" "$root/contracts/src" "$root/event-streams/src" -newer "$jar" -type f | head -1)" ]; then stale=1; fi
  done
  if [ -n "$stale" ]; then
    log "building the services (first time takes a few minutes)"
    (cd "$root" && ./mvnw -q -B -ntp -DskipTests package)
  fi
}

start_service() {
  local name="$1" port="$2" pid
  if pid="$(running_pid "$name")"; then log "$name already runs (pid $pid)"; return 0; fi
  nohup java -jar "$root/$name/target/$name.jar" >"$home/logs/$name.out" 2>&1 &
  echo $! > "$run/$name.pid"
  printf '[paradise] waiting for %s on port %s ' "$name" "$port" >&2
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; then printf ' up\n' >&2; return 0; fi
    running_pid "$name" >/dev/null || { printf '\n' >&2; die "$name exited; see $home/logs/$name.out"; }
    printf '.' >&2; sleep 1
  done
  die "$name did not become healthy in 120 s; see $home/logs/$name.out"
}

start() {
  command -v java >/dev/null || die "Java 17+ is required: install it (Debian: apt-get install openjdk-17-jdk-headless) and rerun"
  build_if_needed
  mkdir -p "$run" "$home/logs"
  export PARADISE_HOME="$home" PARADISE_NODE_MODULES="${PARADISE_NODE_MODULES:-$root/tools/node/node_modules}"
  for entry in "${services[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
  log "dashboard: http://127.0.0.1:${services[3]##*:}/   reports: $home/reports"
  log "MCP endpoint: http://127.0.0.1:${services[4]##*:}/mcp   (register clients: POST /api/clients with the admin token in $home/admin-token)"
  log "instance-manager: http://127.0.0.1:${services[0]##*:}   API docs: /swagger-ui.html on each service"
  log "data directory: $home"
}

case "${1:-}" in
  --help|-h) usage ;;
  --status) status ;;
  --stop) stop ;;
  "") start ;;
  *) usage; die "unknown option '$1'" ;;
esac

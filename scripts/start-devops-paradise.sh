#!/usr/bin/env bash
# Starts the DevOps Paradise platform locally on its embedded defaults (for now: the instance-manager).
#   scripts/start-devops-paradise.sh            start (builds the jar when needed), wait until healthy
#   scripts/start-devops-paradise.sh --status   show what runs
#   scripts/start-devops-paradise.sh --stop     stop it (instances keep running and are adopted at next start)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
home="${PARADISE_HOME:-$HOME/.devops-paradise}"
run="$home/run"
port="${PARADISE_INSTANCE_MANAGER_PORT:-8110}"
jar="$root/instance-manager/target/instance-manager.jar"

usage() { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; }

running_pid() {
  local pid; pid="$(cat "$run/instance-manager.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

status() {
  if pid="$(running_pid)"; then
    log "instance-manager runs (pid $pid) on http://127.0.0.1:$port — $(curl -s "http://127.0.0.1:$port/actuator/health" || echo 'not answering')"
  else
    log "instance-manager is not running"
  fi
}

stop() {
  if pid="$(running_pid)"; then
    kill "$pid"; for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$run/instance-manager.pid"; log "instance-manager stopped"
  else
    log "instance-manager was not running"
  fi
}

start() {
  command -v java >/dev/null || die "Java 17+ is required: install it (Debian: apt-get install openjdk-17-jdk-headless) and rerun"
  if pid="$(running_pid)"; then status; return 0; fi
  if [ ! -f "$jar" ] || [ -n "$(find "$root/instance-manager/src" "$root/contracts/src" -newer "$jar" -type f | head -1)" ]; then
    log "building the services (first time takes a few minutes)"
    (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl instance-manager -am)
  fi
  mkdir -p "$run" "$home/logs"
  export PARADISE_HOME="$home" PARADISE_NODE_MODULES="${PARADISE_NODE_MODULES:-$root/tools/node/node_modules}"
  nohup java -jar "$jar" >"$home/logs/instance-manager.out" 2>&1 &
  echo $! > "$run/instance-manager.pid"
  printf '[paradise] waiting for instance-manager on port %s ' "$port" >&2
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; then
      printf ' up\n' >&2
      log "instance-manager: http://127.0.0.1:$port (API docs: /swagger-ui.html, events: /api/events)"
      log "data directory: $home"
      return 0
    fi
    running_pid >/dev/null || { printf '\n' >&2; die "instance-manager exited; see $home/logs/instance-manager.out"; }
    printf '.' >&2; sleep 1
  done
  die "instance-manager did not become healthy in 120 s; see $home/logs/instance-manager.out"
}

case "${1:-}" in
  --help|-h) usage ;;
  --status) status ;;
  --stop) stop ;;
  "") start ;;
  *) usage; die "unknown option '$1'" ;;
esac

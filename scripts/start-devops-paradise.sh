#!/usr/bin/env bash
# Sets a developer up in one command: starts the DevOps Paradise platform, registers the client at the gateway,
# starts its instance, configures Claude Code, runs the first quality report and prints where everything is.
# Safe to rerun at any point.
#
#   scripts/start-devops-paradise.sh [options] [CLIENT_NAME] [WORKSPACE] [QUALITY_PROFILE]
#
#   CLIENT_NAME      letters, digits, '.', '_', '-' (default: the client registered for WORKSPACE, else $(whoami)-$(date +%s))
#   WORKSPACE        the project directory (default: the current directory)
#   QUALITY_PROFILE  quick, standard, comprehensive or a custom one (default: comprehensive)
#
#   --backend PROFILE  the instance's backend (default: serena when its image is there, else code; docs/backends.md)
#   --pull             pull Serena's image first (docker pull, with progress)
#   --memory SIZE      memory limit of the client's instance container, like 2GB (the backend profile's by default)
#   --cpus N           CPU limit of the client's instance container, in cores, like 1.5
#   --no-run           skip the first quality run
#   --platform-only    start the services only (no client)
#   --compose          run the services with Docker Compose (docker/devops-paradise-compose.yml)
#   --ha               high availability (docs/high-availability.md): PostgreSQL, two gateway replicas on the
#                      gateway port +1 and +2, and HAProxy on the gateway port in front of them
#   --status           show what runs
#   --stop             stop the services (instances keep running and are adopted at the next start)
#   --help             this help
#
#   Environment: PARADISE_HOME (data, default ~/.devops-paradise), PARADISE_WORKSPACE_ROOTS (allowed workspace
#   parents, default $HOME), PARADISE_*_PORT (service ports; PARADISE_POSTGRES_PORT for --ha, default 8150),
#   PARADISE_ADMIN_TOKEN.
set -euo pipefail
# the data directory, its databases, logs, reports and tokens are the developer's alone (docs/security.md)
umask 077
source "$(dirname "$0")/lib.sh"
root="$(repo_root)"
home="${PARADISE_HOME:-$HOME/.devops-paradise}"
run="$home/run"
compose_file="$root/docker/devops-paradise-compose.yml"
services=("instance-manager:${PARADISE_INSTANCE_MANAGER_PORT:-8110}" "quality-orchestrator:${PARADISE_QUALITY_PORT:-8120}"
          "report-service:${PARADISE_REPORTS_PORT:-8130}" "dashboard-ui:${PARADISE_DASHBOARD_PORT:-8140}"
          "bridge-gateway:${PARADISE_GATEWAY_PORT:-8100}")
port_variable() {
  case "$1" in
    instance-manager) echo PARADISE_INSTANCE_MANAGER_PORT ;; quality-orchestrator) echo PARADISE_QUALITY_PORT ;;
    report-service) echo PARADISE_REPORTS_PORT ;; dashboard-ui) echo PARADISE_DASHBOARD_PORT ;; bridge-gateway) echo PARADISE_GATEWAY_PORT ;;
  esac
}
port_of() { for entry in "${services[@]}"; do if [ "${entry%%:*}" = "$1" ]; then echo "${entry##*:}"; fi; done; }
# --ha: the gateway's port is HAProxy's; the replicas listen on the next two
replicas=("bridge-gateway-1:$(( $(port_of bridge-gateway) + 1 ))" "bridge-gateway-2:$(( $(port_of bridge-gateway) + 2 ))")
postgres_port="${PARADISE_POSTGRES_PORT:-8150}"

# the header comment, up to the first line of code
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }

running_pid() {
  local pid; pid="$(cat "$run/$1.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

compose() {
  if docker compose version >/dev/null 2>&1; then docker compose -f "$compose_file" "$@"
  elif command -v docker-compose >/dev/null; then docker-compose -f "$compose_file" "$@"
  else die "--compose needs Docker Compose: install the docker compose plugin or Debian's docker-compose"; fi
}

status() {
  local entries=("${services[@]}")
  [ -f "$run/ha" ] && entries+=("${replicas[@]}")
  for entry in "${entries[@]}"; do
    local name="${entry%%:*}" port="${entry##*:}" pid
    [ -f "$run/ha" ] && [ "$name" = bridge-gateway ] && continue  # HAProxy's port: see below
    if pid="$(running_pid "$name")"; then
      log "$name runs (pid $pid) on http://127.0.0.1:$port — $(curl -s --max-time 3 "http://127.0.0.1:$port/actuator/health" || echo 'not answering')"
    elif curl -sf --max-time 3 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
      log "$name answers on http://127.0.0.1:$port (not started by this script: compose or by hand)"
    else
      log "$name is not running"
    fi
  done
  if [ -f "$run/ha" ]; then
    local pid
    if pid="$(running_pid haproxy)"; then log "haproxy runs (pid $pid) in front of the gateway replicas"; else log "haproxy is not running"; fi
    if postgres_ctl status >/dev/null 2>&1; then log "postgresql runs on 127.0.0.1:$postgres_port"; else log "postgresql is not running"; fi
  fi
}

stop() {
  if [ -f "$run/compose" ]; then compose down; rm -f "$run/compose"; log "compose services stopped"; return 0; fi
  local entries=("${services[@]}")
  [ -f "$run/ha" ] && entries=("${services[@]}" "${replicas[@]}" haproxy:0)
  for (( i=${#entries[@]}-1; i>=0; i-- )); do
    local name="${entries[$i]%%:*}" pid
    if pid="$(running_pid "$name")"; then
      kill "$pid"; for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      rm -f "$run/$name.pid"; log "$name stopped"
    elif [ "$name" != bridge-gateway ] || [ ! -f "$run/ha" ]; then
      log "$name was not running"
    fi
  done
  if [ -f "$run/ha" ]; then
    postgres_ctl stop -m fast >/dev/null 2>&1 && log "postgresql stopped"
    rm -f "$run/ha"
  fi
}

require_java() {
  command -v java >/dev/null || die "Java 17 or newer is required and 'java' is not on the PATH: install it (Debian: apt-get install openjdk-17-jdk-headless; macOS: brew install openjdk@17) and rerun"
  local version; version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  if [ -z "$version" ] || [ "$version" -lt 17 ]; then die "Java 17 or newer is required, found: $(java -version 2>&1 | head -1); install a newer JDK and rerun"; fi
}

# rebuilds when a jar is missing or a source changed since the last build (this script's, or the oldest jar)
build_if_needed() {
  local stamp="$root/target/.paradise-build" stale="" module reference=""
  for module in "${services[@]%%:*}" paradise-cli; do
    local jar="$root/$module/target/$module.jar"
    if [ ! -f "$jar" ]; then stale=1; elif [ -z "$reference" ] || [ "$jar" -ot "$reference" ]; then reference="$jar"; fi
  done
  [ -f "$stamp" ] && [ -n "$reference" ] && [ "$reference" -ot "$stamp" ] && reference="$stamp"
  if [ -z "$stale" ] && [ -n "$(find "$root" -path '*/src/main/*' -newer "$reference" -type f -not -path '*/node_modules/*' 2>/dev/null | head -1)" ]; then
    stale=1
  fi
  if [ -n "$stale" ]; then
    log "building the services (the first time takes a few minutes)"
    (cd "$root" && ./mvnw -q -B -ntp -DskipTests package) || die "the build failed; run (cd $root && ./mvnw -DskipTests package) to see why"
    mkdir -p "$root/target" && touch "$stamp"
  fi
}

port_taken_by_other() { # PORT: something answers there that is not ours
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_service() {
  local name="$1" port="$2" module="${1%-[0-9]}" pid
  if pid="$(running_pid "$name")"; then log "$name already runs (pid $pid)"; return 0; fi
  if curl -sf --max-time 3 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
    log "$name already answers on port $port"; return 0
  fi
  if port_taken_by_other "$port"; then
    die "port $port for $name is taken by another program; free it, or give $name another port with $(port_variable "$name") (see docs/troubleshooting.md)"
  fi
  nohup java -jar "$root/$module/target/$module.jar" --server.port="$port" >"$home/logs/$name.out" 2>&1 &
  echo $! > "$run/$name.pid"
  printf '[paradise] waiting for %s on port %s ' "$name" "$port" >&2
  for _ in $(seq 1 120); do
    if curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then printf ' up\n' >&2; return 0; fi
    if ! running_pid "$name" >/dev/null; then
      printf '\n' >&2; rm -f "$run/$name.pid"
      # the root cause first: a long stack trace can push it out of the log's last lines
      die "$name exited while starting: $(grep -E '^Caused by: ' "$home/logs/$name.out" | tail -n 1 | cut -c 12-)
the end of its log ($home/logs/$name.out):
$(tail -n 15 "$home/logs/$name.out" | sed 's/^/    /')"
    fi
    printf '.' >&2; sleep 1
  done
  die "$name did not become healthy in 120 s; see $home/logs/$name.out"
}

# the services find each other on the ports chosen here
export_service_urls() {
  PARADISE_INSTANCE_MANAGER_PORT="$(port_of instance-manager)"; PARADISE_QUALITY_PORT="$(port_of quality-orchestrator)"
  PARADISE_REPORTS_PORT="$(port_of report-service)"; PARADISE_DASHBOARD_PORT="$(port_of dashboard-ui)"; PARADISE_GATEWAY_PORT="$(port_of bridge-gateway)"
  export PARADISE_INSTANCE_MANAGER_PORT PARADISE_QUALITY_PORT PARADISE_REPORTS_PORT PARADISE_DASHBOARD_PORT PARADISE_GATEWAY_PORT
  export PARADISE_INSTANCE_MANAGER_URL="http://127.0.0.1:$PARADISE_INSTANCE_MANAGER_PORT" PARADISE_QUALITY_URL="http://127.0.0.1:$PARADISE_QUALITY_PORT"
  export PARADISE_REPORTS_URL="http://127.0.0.1:$PARADISE_REPORTS_PORT" PARADISE_GATEWAY_URL="http://127.0.0.1:$PARADISE_GATEWAY_PORT"
}

# serena's profile runs only an image pinned by its digest (docs/security.md): pin the one pulled here
pin_serena_image() {
  [ -z "${PARADISE_SERENA_IMAGE:-}" ] && command -v docker >/dev/null || return 0
  docker image inspect ghcr.io/oraios/serena:latest >/dev/null 2>&1 || return 0
  local digest
  digest="$(docker image inspect -f '{{if .RepoDigests}}{{index .RepoDigests 0}}{{end}}' ghcr.io/oraios/serena:latest 2>/dev/null || true)"
  if [ -n "$digest" ]; then
    export PARADISE_SERENA_IMAGE="$digest"; log "serena runs the image pulled here, pinned: $digest"
  else
    export PARADISE_SERENA_REQUIRE_DIGEST=false
    log "note: Serena's image was built or loaded here and has no registry digest; it runs unpinned (PARADISE_SERENA_REQUIRE_DIGEST=false)"
  fi
}

start_local() {
  build_if_needed
  pin_serena_image
  mkdir -p "$run" "$home/logs"
  export PARADISE_HOME="$home" PARADISE_NODE_MODULES="${PARADISE_NODE_MODULES:-$root/tools/node/node_modules}"
  export PARADISE_CODE_BACKEND="${PARADISE_CODE_BACKEND:-$root/docker/code-backend}"
  export PARADISE_WORKSPACE_ROOTS="${PARADISE_WORKSPACE_ROOTS:-$HOME}${workspace:+,$(dirname "$workspace")}"
  export_service_urls
  if [ -n "$ha" ]; then start_ha; return; fi
  for entry in "${services[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
}

# --ha (docs/high-availability.md) ---------------------------------------------------------------------------------
# Debian's PostgreSQL, a cluster of the platform's own: in the data directory, or (run as root, since PostgreSQL never
# runs as root) in a directory of the postgres user's named after it. Password login only, on loopback.
postgres_dir() {
  if [ "$(id -u)" = 0 ]; then echo "/var/lib/postgresql/devops-paradise-$(printf '%s' "$home" | sha256sum | cut -c1-12)"
  else echo "$home/postgres"; fi
}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
postgres_bin() { local dir; for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && echo "$dir"; done | sort -V | tail -n 1; }
postgres_ctl() { as_postgres "$(postgres_bin)/pg_ctl" -D "$(postgres_dir)/data" "$@"; }

start_postgres() {
  apt_install postgresql
  local dir bin; dir="$(postgres_dir)"; bin="$(postgres_bin)"
  [ -n "$bin" ] || die "PostgreSQL's programs are not under /usr/lib/postgresql/*/bin; install Debian's postgresql"
  if [ "$(id -u)" = 0 ]; then
    # the postgres user owns /var/lib/postgresql: root creates nothing there itself, and follows no link planted in it
    if [ -e "$dir" ] || [ -L "$dir" ]; then
      [ ! -L "$dir" ] && [ -d "$dir" ] && [ "$(stat -c %U "$dir")" = postgres ] \
        || die "$dir is not a directory of the postgres user's (a link, or someone else's): remove it and rerun"
    else
      runuser -u postgres -- install -d -m 700 "$dir" || die "cannot create $dir as the postgres user"
    fi
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "creating a PostgreSQL cluster in $dir (user paradise; its password in $home/postgres-password)"
    [ -s "$home/postgres-password" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$home/postgres-password")
    [ "$(id -u)" = 0 ] || (umask 077; mkdir -p "$dir")
    # initdb reads the password from a file the cluster's owner writes itself (root writes nothing in its directory)
    as_postgres sh -c 'umask 077; cat > "$1"' sh "$dir/.initdb-password" <"$home/postgres-password"
    as_postgres "$bin/initdb" -D "$dir/data" -U paradise -A scram-sha-256 --pwfile="$dir/.initdb-password" -E UTF8 \
      >/dev/null || { as_postgres rm -f "$dir/.initdb-password"; die "initdb failed in $dir"; }
    as_postgres rm -f "$dir/.initdb-password"
  fi
  if ! postgres_ctl status >/dev/null 2>&1; then
    port_taken_by_other "$postgres_port" && die "port $postgres_port for PostgreSQL is taken; choose another with PARADISE_POSTGRES_PORT"
    postgres_ctl -w -l "$dir/postgresql.log" \
      -o "-p $postgres_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null \
      || die "PostgreSQL did not start; see $dir/postgresql.log"
    log "postgresql runs on 127.0.0.1:$postgres_port"
  fi
  export PARADISE_GATEWAY_DATABASE_URL="jdbc:postgresql://127.0.0.1:$postgres_port/postgres"
  export PARADISE_GATEWAY_DATABASE_USER=paradise
  PARADISE_GATEWAY_DATABASE_PASSWORD="$(cat "$home/postgres-password")"; export PARADISE_GATEWAY_DATABASE_PASSWORD
}

start_balancer() {
  apt_install haproxy
  local pid port; port="$(port_of bridge-gateway)"
  if pid="$(running_pid haproxy)"; then log "haproxy already runs (pid $pid)"; return 0; fi
  port_taken_by_other "$port" && die "port $port for HAProxy is taken by another program; free it or set PARADISE_GATEWAY_PORT"
  PARADISE_LB_BIND="127.0.0.1:$port" PARADISE_LB_SOCKET="$run/haproxy.sock" \
    PARADISE_GATEWAY_1="127.0.0.1:${replicas[0]##*:}" PARADISE_GATEWAY_2="127.0.0.1:${replicas[1]##*:}" \
    nohup haproxy -db -f "$root/docker/ha/haproxy.cfg" >"$home/logs/haproxy.out" 2>&1 &
  echo $! > "$run/haproxy.pid"
  for _ in $(seq 1 30); do
    curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && { log "haproxy balances the gateway replicas on port $port"; return 0; }
    running_pid haproxy >/dev/null || die "haproxy exited while starting; see $home/logs/haproxy.out"
    sleep 1
  done
  die "haproxy did not answer on port $port in 30 s; see $home/logs/haproxy.out"
}

start_ha() {
  touch "$run/ha"
  start_postgres
  for entry in "${services[@]}"; do
    [ "${entry%%:*}" = bridge-gateway ] || start_service "${entry%%:*}" "${entry##*:}"
  done
  # one after the other: the first creates the shared admin token and database tables
  for entry in "${replicas[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
  start_balancer
}

start_compose() {
  command -v docker >/dev/null || die "--compose needs Docker: install it (Debian: apt-get install docker.io) or start without --compose"
  mkdir -p "$run" "$home"
  export PARADISE_HOME="$home" PARADISE_WORKSPACE_ROOTS="${PARADISE_WORKSPACE_ROOTS:-$HOME}"
  PARADISE_UID="$(id -u)"; PARADISE_GID="$(id -g)"; DOCKER_GID="$(stat -c %g /var/run/docker.sock 2>/dev/null || echo 999)"
  export PARADISE_UID PARADISE_GID DOCKER_GID
  log "starting the services with Docker Compose ($compose_file)"
  compose up -d --wait || die "docker compose could not start the services; see: docker compose -f $compose_file logs"
  touch "$run/compose"
}

# Serena where its image is; else the code backend (language-server tools: pyright, typescript-language-server), in a
# container when Docker answers, else as a local process. The reference server `everything` is for tests only.
default_backend() {
  if command -v docker >/dev/null && docker image inspect ghcr.io/oraios/serena:latest >/dev/null 2>&1; then
    log "backend: serena (its image ghcr.io/oraios/serena:latest is here)"; echo serena; return
  fi
  log "note: Serena's image (ghcr.io/oraios/serena:latest) is not here (--pull fetches it), so the client gets the 'code'"
  log "      backend: language-server tools for Python (pyright) and TypeScript/JavaScript (typescript-language-server)."
  local why="no Docker engine answers"
  if docker info >/dev/null 2>&1; then
    if [ "$(stat -c %u "$workspace")" = 0 ]; then
      why="its workspace is root's"
      log "      The workspace is owned by root, and its container would run as its owner: root, which is refused"
      log "      (docs/security.md). Give the workspace to a developer (chown) to run it in a container."
    elif "$root/docker/code-backend/build.sh"; then
      log "backend: code, in a container built here from docker/code-backend"; echo code; return
    else
      why="the code backend's image could not be built"
    fi
  fi
  log "backend: code-process, since $why: a process instance runs as you and can read all your"
  log "      files; it isolates nothing (docs/security.md)."
  ensure_code_backend
  echo code-process
}

pull_serena() {
  command -v docker >/dev/null || die "--pull needs Docker: install it (Debian: apt-get install docker.io) or start without --pull"
  log "pulling Serena's image ghcr.io/oraios/serena:latest"
  if docker pull ghcr.io/oraios/serena:latest >&2; then
    log "pulled Serena's image"
  else
    log "note: Serena's image could not be pulled (is a container registry reachable from here?)"
  fi
}

backend="" memory="" cpus="" first_run=1 platform_only="" use_compose="" pull="" ha="" positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --status) status; exit 0 ;;
    --stop) stop; exit 0 ;;
    --backend) [ $# -ge 2 ] || die "--backend needs a profile name"; backend="$2"; shift ;;
    --memory) [ $# -ge 2 ] || die "--memory needs a size like 2GB"; memory="$2"; shift ;;
    --cpus) [ $# -ge 2 ] || die "--cpus needs a number of cores like 1.5"; cpus="$2"; shift ;;
    --no-run) first_run="" ;;
    --pull) pull=1 ;;
    --platform-only) platform_only=1 ;;
    --compose) use_compose=1 ;;
    --ha) ha=1 ;;
    --*) usage >&2; die "unknown option '$1'" ;;
    *) positional+=("$1") ;;
  esac
  shift
done
[ ${#positional[@]} -le 3 ] || { usage >&2; die "too many arguments: ${positional[*]}"; }
client="${positional[0]:-}"
workspace_arg="${positional[1]:-$(pwd)}"
profile="${positional[2]:-comprehensive}"

if [ -n "$client" ] && ! [[ "$client" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$ ]]; then
  die "client name '$client' is not allowed: use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit"
fi
[ -d "$workspace_arg" ] || die "workspace '$workspace_arg' does not exist or is not a directory; give the project directory to work on"
workspace="$(cd "$workspace_arg" && pwd -P)"
[[ "$profile" =~ ^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$ ]] || die "quality profile '$profile' is not a profile name (quick, standard, comprehensive or a custom one)"

require_java
command -v curl >/dev/null || die "curl is required: install it (Debian: apt-get install curl) and rerun"
command -v docker >/dev/null || log "note: Docker is not installed; instances run as local processes (fine for trying the platform)"
started_at=$(date +%s)
[ -z "$pull" ] || pull_serena
[ -z "$ha" ] || [ -z "$use_compose" ] || die "--ha and --compose do not go together: --ha runs the services as local processes"
if [ -n "$use_compose" ]; then start_compose; else start_local; fi
log "platform up in $(( $(date +%s) - started_at )) s; data directory: $home"
if [ -n "$platform_only" ]; then
  log "dashboard: http://127.0.0.1:$(port_of dashboard-ui)/   MCP endpoint: http://127.0.0.1:$(port_of bridge-gateway)/mcp"
  exit 0
fi

[ -n "$backend" ] || backend="$(default_backend)"
setup=(java -jar "$root/paradise-cli/target/paradise-cli.jar" setup --workspace "$workspace" --profile "$profile" --backend "$backend"
       --home "$home" --gateway-url "http://127.0.0.1:$(port_of bridge-gateway)"
       --instance-manager-url "http://127.0.0.1:$(port_of instance-manager)" --orchestrator-url "http://127.0.0.1:$(port_of quality-orchestrator)"
       --report-service-url "http://127.0.0.1:$(port_of report-service)" --dashboard-url "http://127.0.0.1:$(port_of dashboard-ui)")
[ -n "$client" ] && setup+=(--name "$client")
[ -n "$memory" ] && setup+=(--memory "$memory")
[ -n "$cpus" ] && setup+=(--cpus "$cpus")
[ -n "$first_run" ] || setup+=(--no-run)
"${setup[@]}" || exit $?
log "done in $(( $(date +%s) - started_at )) s"

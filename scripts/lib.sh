#!/usr/bin/env bash
# Shared helpers for the project's scripts. Sourced, never run.

log()  { printf '[paradise] %s\n' "$*" >&2; }
die()  { printf '[paradise] error: %s\n' "$*" >&2; exit 1; }

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $* (re-run as root or install it by hand)"; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ ! -f /tmp/.paradise-apt-updated ]; then
    as_root apt-get update -qq && touch /tmp/.paradise-apt-updated
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Starts dockerd in the background when no engine answers; waits until it does.
ensure_docker() {
  if docker info >/dev/null 2>&1; then return 0; fi
  command -v dockerd >/dev/null || apt_install docker.io
  if ! docker info >/dev/null 2>&1; then
    log "starting dockerd (log: /tmp/paradise-dockerd.log)"
    as_root sh -c 'nohup dockerd >/tmp/paradise-dockerd.log 2>&1 &'
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
    die "dockerd did not answer within 60 s; see /tmp/paradise-dockerd.log"
  fi
}

ensure_node_tools() {
  npm_ci_when_changed "$(repo_root)/tools/node" "npm test tools"
}

# The `code` backend's npm packages, Node 22 among them (lsmcp needs node:sqlite).
ensure_code_backend() {
  npm_ci_when_changed "$(repo_root)/docker/code-backend" "code backend's npm packages"
}

# Installs DIR's locked npm packages when they are missing or its lock file changed since.
npm_ci_when_changed() {
  local dir="$1" what="$2"
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing the $what into $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

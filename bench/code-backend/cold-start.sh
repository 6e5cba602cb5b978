#!/usr/bin/env bash
# One command: cold start of the `code` backend, from starting the bridge on a fresh boltons clone to the first
# answered lsp_find_references, asked through HTTP by the reference TypeScript SDK client (tools/node/mcp-client.mjs)
# once GET /ready says 200, as a client of the instance would. Each run and the p50; also the time to /ready. Not
# part of the tests.
#   bench/code-backend/cold-start.sh [RUNS=5] [ts|java]
# "Cold" is a new process tree and a workspace pyright has never seen; the machine's file cache is left as it is
# (node_modules stay cached after the first run: dropping caches would slow the engineers sharing the machine).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap "exit 143" INT TERM
runs=${1:-${RUNS:-5}}
kind=${2:-ts}
[ "$kind" = java ] && build_java_bridge
now_ms() { echo $(($(date +%s%N) / 1000000)); }
ask='{"op":"call","tool":"lsp_find_references","args":{"relativePath":"boltons/iterutils.py","symbolName":"is_iterable","line":61}}'

echo "# code backend cold start ($kind bridge), $(date -u +%FT%TZ), $(nproc) cores; load before: $(uptime | sed 's/.*load/load/')"
printf '%-4s %10s %24s %20s %18s\n' run "ready ms" "first references ms" "client connected" "references call"
ready_all=() first_all=()
for run in $(seq 1 "$runs"); do
  ws="$(fresh_boltons)"
  port="$(free_port)"
  t0=$(now_ms)
  start_instance "$kind" "$port" "$ws"
  wait_ready "$port" 600
  t_ready=$(now_ms)
  # each line of the client stamped as it arrives: connected (initialize answered), then the references answer
  stamped="$(mcp "$port" "$ask" | while IFS= read -r line; do echo "$(now_ms) $line"; done)"
  t_connected=$(grep -m1 '"connected":true' <<<"$stamped" | cut -d' ' -f1)
  t_first=$(grep -m1 '"result"' <<<"$stamped" | cut -d' ' -f1)
  answer="$(grep -m1 '"result"' <<<"$stamped" | cut -d' ' -f2-)"
  if [ -z "$t_first" ] || ! grep -q 'references to \\"is_iterable\\"' <<<"$answer" || grep -q '"isError":true' <<<"$answer"; then
    echo "run $run: lsp_find_references did not answer: $(cut -c1-400 <<<"$answer")" >&2
    exit 1
  fi
  stop_all
  rm -rf "$(dirname "$ws")"
  ready_all+=($((t_ready - t0))); first_all+=($((t_first - t0)))
  printf '%-4s %10d %24d %20s %18s\n' "$run" $((t_ready - t0)) $((t_first - t0)) "+$((t_connected - t_ready)) ms" \
    "+$((t_first - t_connected)) ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "p50 of $runs: ready $(median "${ready_all[@]}") ms, first answered lsp_find_references $(median "${first_all[@]}") ms"
echo "# load after: $(uptime | sed 's/.*load/load/')"

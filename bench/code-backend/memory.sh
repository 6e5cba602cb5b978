#!/usr/bin/env bash
# One command: memory per instance of the `code` backend with its two candidate bridges (docker/code-backend/bridge.mjs
# on the MCP TypeScript SDK, bench/code-backend/java-bridge on the MCP Java SDK) and of server-everything, on a fresh
# boltons clone each; then how many `code` instances this machine holds, checked by running N of each candidate at
# once. Not part of the tests.
#   bench/code-backend/memory.sh [N=5]      (RESERVE_MIB=4096: memory kept for the platform; JAVA_BIN, JAVA_FLAGS)
#
# Figures are from /proc/PID/smaps_rollup, summed over the instance's whole process tree (bridge, lsmcp, pyright):
#   RSS  resident pages, shared ones (node/libjvm text, a CDS archive) counted in full in every process: an upper
#        bound, and the same whatever else runs; good to compare one process with another.
#   PSS  each shared page divided by the number of processes mapping it: the sum over processes is the memory
#        really used, so capacity is sized with it (from N instances at once, where N instances split the text).
#   USS  private pages only: what one more instance costs at least.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT
trap "exit 143" INT TERM
n=${1:-${N:-5}}
reserve_mib=${RESERVE_MIB:-4096}
mib() { awk -v k="$1" 'BEGIN{printf "%.1f", k/1024}'; }

build_java_bridge
mem_total_kib=$(awk '/^MemTotal:/{print $2}' /proc/meminfo)
echo "# code backend memory, $(date -u +%FT%TZ), $(nproc) cores, MemTotal $(mib "$mem_total_kib") MiB"
echo "# load before: $(uptime | sed 's/.*load/load/')"
echo "# node $("$node" --version); java $java_version: ${java_flags[*]} -XX:SharedArchiveFile=$(basename "$cds") (MALLOC_ARENA_MAX=2)"
echo

declare -A rss pss uss ready_s
# measure KIND: one instance on its own clone; ready, real calls, then the median of 3 samples a second apart
measure() {
  local kind=$1 ws="" port pid t0
  [ "$kind" != everything ] && ws="$(fresh_boltons)"
  port="$(free_port)"
  t0=$(date +%s.%N)
  start_instance "$kind" "$port" "$ws"; pid=$last_pid
  wait_ready "$port" 300
  ready_s[$kind]=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  if [ "$kind" = everything ]; then everything_calls "$port" >"$work/calls-$kind.out"
  else code_calls "$port" >"$work/calls-$kind.out"; fi ||
    { echo "$kind: the calls did not all answer:" >&2; cut -c1-300 "$work/calls-$kind.out" >&2; exit 1; }
  sleep 2
  local samples=()
  for _ in 1 2 3; do
    local children; children="$(tree "$pid" | tail -n +2 | tr '\n' ' ')"
    samples+=("$(mem "$pid") $(if [ -n "$children" ]; then mem $children; else echo 0 0 0; fi)")
    sleep 1
  done
  # median by the total RSS
  local median; median="$(printf '%s\n' "${samples[@]}" | awk '{print $1+$4, $0}' | sort -n | sed -n 2p | cut -d' ' -f2-)"
  read -r rss[$kind.bridge] pss[$kind.bridge] uss[$kind.bridge] rss[$kind.ls] pss[$kind.ls] uss[$kind.ls] <<<"$median"
  rss[$kind]=$((rss[$kind.bridge] + rss[$kind.ls])); pss[$kind]=$((pss[$kind.bridge] + pss[$kind.ls]))
  uss[$kind]=$((uss[$kind.bridge] + uss[$kind.ls]))
  stop_all
}

for kind in ts java everything; do measure "$kind"; done

label() { case $1 in ts) echo "code, TS SDK bridge";; java) echo "code, Java SDK bridge";; everything) echo "everything";; esac; }
echo "## One instance (MiB; bridge = the bridge's own process, LS = lsmcp + pyright under it)"
printf '%-22s | %11s %11s %11s | %8s %8s | %9s %9s %9s | %7s\n' candidate "bridge RSS" "bridge PSS" "bridge USS" \
  "LS RSS" "LS PSS" "total RSS" "total PSS" "total USS" "ready s"
for kind in ts java everything; do
  printf '%-22s | %11s %11s %11s | %8s %8s | %9s %9s %9s | %7s\n' "$(label $kind)" \
    "$(mib "${rss[$kind.bridge]}")" "$(mib "${pss[$kind.bridge]}")" "$(mib "${uss[$kind.bridge]}")" \
    "$(mib "${rss[$kind.ls]}")" "$(mib "${pss[$kind.ls]}")" \
    "$(mib "${rss[$kind]}")" "$(mib "${pss[$kind]}")" "$(mib "${uss[$kind]}")" "${ready_s[$kind]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo
echo "Java/TS, bridge process: RSS $(ratio "${rss[java.bridge]}" "${rss[ts.bridge]}"), PSS $(ratio "${pss[java.bridge]}" "${pss[ts.bridge]}"), USS $(ratio "${uss[java.bridge]}" "${uss[ts.bridge]}");" \
  "whole instance: RSS $(ratio "${rss[java]}" "${rss[ts]}"), PSS $(ratio "${pss[java]}" "${pss[ts]}")"
echo

# N instances of each candidate at once: the real per-instance figure (shared pages split N ways) and the check
declare -A sum_pss sum_rss sum_uss bridges_pss bridges_uss
echo "## $n instances at once, each on its own boltons clone (ready, the same calls, then measured together)"
for kind in ts java; do
  pids=() ports=() wss=()
  for i in $(seq 1 "$n"); do wss+=("$(fresh_boltons)"); done
  for i in $(seq 0 $((n - 1))); do
    ports+=("$(free_port)"); start_instance "$kind" "${ports[$i]}" "${wss[$i]}"; pids+=("$last_pid")
  done
  for port in "${ports[@]}"; do wait_ready "$port" 600; done
  for port in "${ports[@]}"; do
    code_calls "$port" >"$work/calls-$kind-$port.out" || { echo "$kind on $port: calls failed" >&2; exit 1; }
  done
  sleep 3
  all=""; for pid in "${pids[@]}"; do all+="$(tree "$pid" | tr '\n' ' ')"; done
  read -r sum_rss[$kind] sum_pss[$kind] sum_uss[$kind] <<<"$(mem $all)"
  read -r _ bridges_pss[$kind] bridges_uss[$kind] <<<"$(mem "${pids[@]}")"
  echo "$(label $kind): $(echo $all | wc -w) processes; sum PSS $(mib "${sum_pss[$kind]}") MiB = $(mib $((sum_pss[$kind] / n))) MiB per instance" \
    "(one alone predicted $(mib $((n * pss[$kind]))) MiB for $n: measured/predicted $(ratio "${sum_pss[$kind]}" $((n * pss[$kind]))));" \
    "sum RSS $(mib "${sum_rss[$kind]}") MiB; of the PSS, bridge processes $(mib $((bridges_pss[$kind] / n))) MiB and" \
    "lsmcp + pyright $(mib $(((sum_pss[$kind] - bridges_pss[$kind]) / n))) MiB per instance;" \
    "USS per instance $(mib $((sum_uss[$kind] / n))) MiB, of it bridge $(mib $((bridges_uss[$kind] / n))) MiB"
  stop_all
done
echo

lean=ts; [ "${sum_pss[java]}" -lt "${sum_pss[ts]}" ] && lean=java
per=$((sum_pss[$lean] / n))
usable=$((mem_total_kib - reserve_mib * 1024))
echo "## Capacity: the leaner candidate is the $(label $lean) ($(mib $per) MiB PSS per instance with $n running;" \
  "Java/TS per instance $(ratio "${sum_pss[java]}" "${sum_pss[ts]}"), bridge processes alone" \
  "$(ratio "${bridges_pss[java]}" "${bridges_pss[ts]}"); by USS $(ratio "${sum_uss[java]}" "${sum_uss[ts]}") and" \
  "$(ratio "${bridges_uss[java]}" "${bridges_uss[ts]}"))"
echo "MemTotal $(mib "$mem_total_kib") MiB - reserve $reserve_mib MiB for the platform = $(mib $usable) MiB:" \
  "$((usable / per)) code instances by PSS ($((usable / (sum_rss[$lean] / n))) by RSS, the pessimistic bound);" \
  "$((usable / ((pss[everything] > 0 ? pss[everything] : 1)))) everything instances"
echo "check: one instance alone ($(mib "${pss[$lean]}") MiB PSS) predicted $((usable / pss[$lean])) and $(mib $((n * pss[$lean]))) MiB" \
  "for $n; $n measured together used $(mib "${sum_pss[$lean]}") MiB (PSS), so $((usable / per)) instances" \
  "($(mib $((usable / per * per))) MiB of $(mib $usable) MiB)"
echo "# load after: $(uptime | sed 's/.*load/load/')"

#!/usr/bin/env bash
# Starts Prometheus and Alertmanager (Debian's packages) on loopback for a running platform, with the configuration
# in docker/monitoring: Prometheus scrapes the five services with the monitoring credential (metrics and the alert
# receiver only) and evaluates the alerting rules; Alertmanager delivers alerts to the dashboard, which shows them and
# forwards them to the webhook set in paradise.dashboard.alerts.webhook-url. Both ask for a login (user paradise, the
# password in <PARADISE_HOME>/monitoring/password): their pages name clients, and Alertmanager takes alerts.
# See docs/monitoring.md.
#
# Usage: scripts/start-monitoring.sh [--stop]
#   Environment: PARADISE_HOME (default ~/.devops-paradise), PARADISE_PROMETHEUS_PORT (9090),
#   PARADISE_ALERTMANAGER_PORT (9093)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

home="${PARADISE_HOME:-$HOME/.devops-paradise}"
dir="$home/monitoring"
prometheus_port="${PARADISE_PROMETHEUS_PORT:-9090}"
alertmanager_port="${PARADISE_ALERTMANAGER_PORT:-9093}"

stop() {
  for tool in prometheus alertmanager; do
    if [ -f "$dir/$tool.pid" ]; then
      pid="$(cat "$dir/$tool.pid")"
      # only the process this script started: a pid can be reused by another program
      if grep -qa -- "--config.file=$tool.yml" "/proc/$pid/cmdline" 2>/dev/null; then kill "$pid"; fi
      rm -f "$dir/$tool.pid"
    fi
  done
}

if [ "${1:-}" = "--stop" ]; then stop; log "monitoring stopped"; exit 0; fi
[ $# -eq 0 ] || die "unknown option '$1'; the only option is --stop"
[ -f "$home/monitoring-token" ] || die "no monitoring credential in $home: start the platform first (scripts/start-devops-paradise.sh)"

apt_install prometheus prometheus-alertmanager apache2-utils curl
stop
umask 077
mkdir -p "$dir"
chmod 700 "$dir"
cp -r "$(repo_root)/docker/monitoring/." "$dir/"
ln -sfn "$home/monitoring-token" "$dir/monitoring-token"
# the targets at the ports the platform was started on
printf -- "- targets: ['127.0.0.1:%s']\n  labels: {service: %s}\n" \
  "${PARADISE_GATEWAY_PORT:-8100}" bridge-gateway "${PARADISE_INSTANCE_MANAGER_PORT:-8110}" instance-manager \
  "${PARADISE_QUALITY_PORT:-8120}" quality-orchestrator "${PARADISE_REPORTS_PORT:-8130}" report-service \
  "${PARADISE_DASHBOARD_PORT:-8140}" dashboard-ui > "$dir/targets/paradise.yml"
sed -i "s|http://127.0.0.1:8140/api/alerts|http://127.0.0.1:${PARADISE_DASHBOARD_PORT:-8140}/api/alerts|" "$dir/alertmanager.yml"
printf -- "- targets: ['127.0.0.1:%s']\n" "$alertmanager_port" > "$dir/alertmanagers/alertmanager.yml"
# a login for both web pages and APIs; Prometheus uses it to reach Alertmanager
[ -s "$dir/password" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
cp "$dir/password" "$dir/alertmanager-password"
printf 'basic_auth_users:\n  paradise: %s\n' "$(htpasswd -nbBC 10 paradise "$(cat "$dir/password")" | cut -d: -f2)" > "$dir/web.yml"

cd "$dir"
nohup prometheus --config.file=prometheus.yml --storage.tsdb.path="$dir/prometheus-data" --web.config.file=web.yml \
  --web.listen-address="127.0.0.1:$prometheus_port" > "$dir/prometheus.log" 2>&1 &
echo $! > "$dir/prometheus.pid"
nohup prometheus-alertmanager --config.file=alertmanager.yml --storage.path="$dir/alertmanager-data" \
  --web.config.file=web.yml --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address= \
  > "$dir/alertmanager.log" 2>&1 &
echo $! > "$dir/alertmanager.pid"

login="paradise:$(cat "$dir/password")"
for _ in $(seq 1 30); do
  for tool in prometheus alertmanager; do
    # another server on the port (Debian's own prometheus.service, say) makes ours exit: say so, not "ready"
    kill -0 "$(cat "$dir/$tool.pid")" 2>/dev/null || die "$tool exited; see $dir/$tool.log (is its port taken?)"
  done
  if curl -fsS -u "$login" "http://127.0.0.1:$prometheus_port/-/ready" >/dev/null 2>&1 \
      && curl -fsS -u "$login" "http://127.0.0.1:$alertmanager_port/-/ready" >/dev/null 2>&1; then
    log "Prometheus:   http://127.0.0.1:$prometheus_port (alerts: /alerts, targets: /targets; log $dir/prometheus.log)"
    log "Alertmanager: http://127.0.0.1:$alertmanager_port (log $dir/alertmanager.log)"
    log "both ask for a login: user paradise, the password in $dir/password"
    log "alerts reach the dashboard's Alerts page; stop both with: scripts/start-monitoring.sh --stop"
    exit 0
  fi
  sleep 1
done
die "Prometheus or Alertmanager did not get ready within 30 s; see $dir/prometheus.log and $dir/alertmanager.log"

#!/usr/bin/env bash
# Starts Prometheus and Alertmanager (Debian's packages) on loopback for a running platform, with the configuration
# in docker/monitoring: Prometheus scrapes the five services with the service credential and evaluates the alerting
# rules; Alertmanager delivers alerts to the dashboard, which shows them and forwards them to the webhook set in
# paradise.dashboard.alerts.webhook-url. See docs/monitoring.md.
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
      kill "$(cat "$dir/$tool.pid")" 2>/dev/null || true
      rm -f "$dir/$tool.pid"
    fi
  done
}

if [ "${1:-}" = "--stop" ]; then stop; log "monitoring stopped"; exit 0; fi
[ $# -eq 0 ] || die "unknown option '$1'; the only option is --stop"
[ -f "$home/service-token" ] || die "no service credential in $home: start the platform first (scripts/start-devops-paradise.sh)"

apt_install prometheus prometheus-alertmanager
stop
mkdir -p "$dir"
chmod 700 "$dir"
cp -r "$(repo_root)/docker/monitoring/." "$dir/"
ln -sfn "$home/service-token" "$dir/service-token"
printf -- "- targets: ['127.0.0.1:%s']\n" "$alertmanager_port" > "$dir/alertmanagers/alertmanager.yml"

cd "$dir"
nohup prometheus --config.file=prometheus.yml --storage.tsdb.path="$dir/prometheus-data" \
  --web.listen-address="127.0.0.1:$prometheus_port" > "$dir/prometheus.log" 2>&1 &
echo $! > "$dir/prometheus.pid"
nohup prometheus-alertmanager --config.file=alertmanager.yml --storage.path="$dir/alertmanager-data" \
  --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address= > "$dir/alertmanager.log" 2>&1 &
echo $! > "$dir/alertmanager.pid"

for _ in $(seq 1 30); do
  if curl -fsS "http://127.0.0.1:$prometheus_port/-/ready" >/dev/null 2>&1 \
      && curl -fsS "http://127.0.0.1:$alertmanager_port/-/ready" >/dev/null 2>&1; then
    log "Prometheus:   http://127.0.0.1:$prometheus_port (alerts: /alerts, targets: /targets; log $dir/prometheus.log)"
    log "Alertmanager: http://127.0.0.1:$alertmanager_port (log $dir/alertmanager.log)"
    log "alerts reach the dashboard's Alerts page; stop both with: scripts/start-monitoring.sh --stop"
    exit 0
  fi
  sleep 1
done
die "Prometheus or Alertmanager did not get ready within 30 s; see $dir/prometheus.log and $dir/alertmanager.log"

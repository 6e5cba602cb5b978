#!/usr/bin/env bash
# Installs and starts what the tests need when it is missing: a running Docker engine, the npm test tools
# (real MCP servers and clients, jest, ESLint, Newman, Playwright, Lighthouse), the code backend, and the locally built images. Safe to run again: it only fills gaps.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command -v java >/dev/null || die "Java 17+ is required (Debian: apt-get install openjdk-17-jdk-headless)"
ensure_docker
# the quality tools the orchestrator's tests run for real (Debian's Python tools are for /usr/bin/python3);
# Maven for workspaces' own builds; Chromium for Playwright, Lighthouse and the dashboard's browser tests;
# docker-compose to check the compose file; Prometheus and Alertmanager for the monitoring rules and the alerting test;
# PostgreSQL for gateways that share their clients; HAProxy in front of gateway replicas
apt_install python3-pytest python3-pytest-cov python3-coverage python3-pytest-xdist pylint flake8 bandit shellcheck maven chromium chromium-driver docker-compose prometheus prometheus-alertmanager postgresql haproxy
ensure_node_tools
"$(repo_root)/docker/test-images/server-everything/build.sh"
# the code backend: its npm packages (Node 22, lsmcp, pyright, typescript-language-server) and its image
ensure_code_backend
"$(repo_root)/docker/code-backend/build.sh"

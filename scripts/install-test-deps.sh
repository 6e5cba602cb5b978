#!/usr/bin/env bash
# Installs and starts what the tests need when it is missing: a running Docker engine, the npm test tools
# (real MCP servers and clients), and the locally built test image. Safe to run again: it only fills gaps.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command -v java >/dev/null || die "Java 17+ is required (Debian: apt-get install openjdk-17-jdk-headless)"
ensure_docker
ensure_node_tools
"$(repo_root)/docker/test-images/server-everything/build.sh"

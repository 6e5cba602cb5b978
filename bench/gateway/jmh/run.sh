#!/usr/bin/env bash
# One command: the gateway's per-request path under JMH (peek, token check, routing, per-client timer, forward), each beside
# its baseline (a whole read of the body; a plain Reactor Netty client). Not part of the tests.
#   bench/gateway/jmh/run.sh [JMH options, e.g. -f 1 -wi 2 -i 3 '.*forward.*']
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mvnw -q -B -ntp -DskipTests install -pl bridge-gateway -am
./mvnw -q -B -ntp -pl bridge-gateway dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/gateway.cp"
for artifact in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37; do
  ./mvnw -q -B -ntp dependency:get -Dartifact="$artifact" >/dev/null
done
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
processor="$jmh:$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar"
classpath="$root/bridge-gateway/target/classes:$(cat "$work/gateway.cp"):$jmh"
mkdir -p "$work/classes"
javac -processorpath "$processor" -cp "$classpath" -d "$work/classes" $(find "$root/bench/gateway/jmh/src" -name '*.java')
java -cp "$work/classes:$classpath" org.openjdk.jmh.Main "$@"

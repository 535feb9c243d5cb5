#!/usr/bin/env bash
# The quick start: builds the application (tests skipped) and runs it in this terminal's own JVM, on the
# embedded H2 database (files under ./data) with the demo accounts. No Maven JVM stays beside the app, and
# Ctrl-C reaches the app directly, which shuts down cleanly.
#
#   scripts/run.sh [Spring Boot arguments]     e.g. scripts/run.sh --server.port=8099
#   HUIQI_SKIP_BUILD=1 scripts/run.sh          run the jar built last time
#   JAVA_OPTS="-Xmx1g" scripts/run.sh           options for the app's JVM
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '[run] %s\n' "$*"; }

command -v java >/dev/null || { echo "[run] ERROR: java not found: install a JDK 17" >&2; exit 1; }
if [ -z "${HUIQI_SKIP_BUILD:-}" ]; then
  command -v mvn >/dev/null || { echo "[run] ERROR: mvn not found: install Apache Maven 3.8+" >&2; exit 1; }
  log "building (mvn package, tests skipped; about a minute the first time, longer while Maven downloads)"
  mvn -B -q -Dstyle.color=never -DskipTests package
fi
jar=$(ls -t target/huiqi-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)
[ -n "$jar" ] || { echo "[run] ERROR: no target/huiqi-*.jar: run without HUIQI_SKIP_BUILD" >&2; exit 1; }
log "starting $jar: http://localhost:8080/ (or the --server.port given) once it says 'Started HuiqiApplication'; Ctrl-C stops it"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"

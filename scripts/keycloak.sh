#!/usr/bin/env bash
# Keycloak for local runs and tests: realm `huiqi` on 127.0.0.1:8180, imported from the DEMO realm
# docker/keycloak/huiqi-realm-demo.json (the deployment realm huiqi-realm.json plus demo users, the published
# local secrets and the test clients; the app starts against it only with huiqi.keycloak.demo-mode=true).
# HUIQI_KEYCLOAK_REALM_FILE=docker/keycloak/huiqi-realm.json imports the deployment realm instead.
#
#   scripts/keycloak.sh start     fetch Keycloak through Maven if needed, start it with the realm freshly
#                                 imported, wait until the realm answers (no-op when ours already runs)
#   scripts/keycloak.sh stop      stop the Keycloak this script started (by its PID)
#   scripts/keycloak.sh status    exit 0 when the realm answers at 127.0.0.1:8180
#   scripts/keycloak.sh restart   stop, then start (a fresh realm: every change made since is gone)
#
# Keycloak (org.keycloak:keycloak-quarkus-dist, about 160 MB) comes from Maven Central into the local
# Maven repository and is unpacked once under .keycloak/ (git-ignored); later starts reuse it. Every
# start wipes Keycloak's dev database, so the realm is imported anew and tests start from a known state.
# Master realm administrator of this local Keycloak: admin / admin (dev mode, loopback only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${HUIQI_KEYCLOAK_VERSION:-26.5.6}"
HOST=127.0.0.1
PORT="${HUIQI_KEYCLOAK_PORT:-8180}"
BASE="$ROOT/.keycloak"
HOME_DIR="$BASE/keycloak-$VERSION"
PID_FILE="$BASE/keycloak.pid"
LOG_FILE="$BASE/keycloak.log"
REALM_FILE="${HUIQI_KEYCLOAK_REALM_FILE:-$ROOT/docker/keycloak/huiqi-realm-demo.json}"
REALM_URL="http://$HOST:$PORT/realms/huiqi/.well-known/openid-configuration"
WAIT_SECONDS="${HUIQI_KEYCLOAK_WAIT_SECONDS:-180}"

log() { printf '[keycloak] %s\n' "$*"; }
die() { printf '[keycloak] ERROR: %s\n' "$*" >&2; exit 1; }

# 0 when the realm's discovery document answers
answers() {
  if command -v curl >/dev/null 2>&1; then
    curl -fs -o /dev/null --max-time 3 "$REALM_URL"
  else
    python3 - "$REALM_URL" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=3).read()
PY
  fi
}

our_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
  return 1
}

# prints a line every 15 seconds until killed, so a long quiet step shows it is alive
ticker() {
  local what=$1 seconds=0
  while sleep 15; do
    seconds=$((seconds + 15))
    log "$what: ${seconds}s"
  done
}

fetch() {
  if [ -x "$HOME_DIR/bin/kc.sh" ]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found: Keycloak is fetched through Maven"
  log "fetching org.keycloak:keycloak-quarkus-dist:$VERSION:zip through Maven (about 160 MB, once)"
  mkdir -p "$BASE"
  local opts=(-B -q -Dstyle.color=never)
  if [ -n "${CI:-}" ]; then opts+=(--no-transfer-progress); fi
  # outside the project, so that a half-written pom or source elsewhere cannot break this step; in a scratch
  # directory, because the plugin run without a project writes its markers under a literal "${project.basedir}"
  local scratch rc
  scratch=$(mktemp -d)
  ticker "fetching Keycloak" &
  local ticker_pid=$!
  (cd "$scratch" && mvn "${opts[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$BASE" \
    -Dmdep.overWriteReleases=true) && rc=0 || rc=$?
  kill "$ticker_pid" 2>/dev/null || true
  wait "$ticker_pid" 2>/dev/null || true
  rm -rf "$scratch"
  [ "$rc" -eq 0 ] || die "could not fetch Keycloak $VERSION through Maven"
  [ -f "$HOME_DIR/bin/kc.sh" ] || die "unpacked Keycloak but $HOME_DIR/bin/kc.sh is missing"
  chmod +x "$HOME_DIR"/bin/*.sh
}

start() {
  if pid=$(our_pid); then
    if answers; then
      log "already running (pid $pid) at http://$HOST:$PORT"
      return 0
    fi
    log "pid $pid does not answer: stopping it first"
    stop
  fi
  if answers; then
    die "a Keycloak not started by this script already answers at $HOST:$PORT; stop it or set HUIQI_KEYCLOAK_PORT"
  fi
  command -v java >/dev/null || die "java not found: Keycloak needs Java 17+"
  fetch
  # a fresh realm on every start: drop the dev database, import the realm file
  rm -rf "$HOME_DIR/data/h2" "$HOME_DIR/data/import" "$HOME_DIR/data/tmp"
  mkdir -p "$HOME_DIR/data/import"
  cp "$REALM_FILE" "$HOME_DIR/data/import/huiqi-realm.json"
  log "starting Keycloak $VERSION on http://$HOST:$PORT (log: ${LOG_FILE#"$ROOT"/})"
  (
    cd "$HOME_DIR"
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx768m}"
    # setsid + nohup: survives the calling shell; </dev/null: never reads the caller's stdin
    exec setsid nohup bin/kc.sh start-dev --http-host="$HOST" --http-port="$PORT" --import-realm \
      --hostname-strict=false >"$LOG_FILE" 2>&1 </dev/null
  ) &
  echo $! >"$PID_FILE"
  local waited=0 pid
  pid=$(cat "$PID_FILE")
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "Keycloak exited during start-up (log above)"
    fi
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      tail -n 40 "$LOG_FILE" >&2 || true
      die "Keycloak did not answer within ${WAIT_SECONDS}s"
    fi
    sleep 1
    waited=$((waited + 1))
    if [ $((waited % 15)) -eq 0 ]; then log "still starting (${waited}s of at most ${WAIT_SECONDS}s)"; fi
  done
  log "Keycloak is up (pid $pid, after ${waited}s): realm huiqi at http://$HOST:$PORT/realms/huiqi"
}

stop() {
  local pid
  if ! pid=$(our_pid); then
    rm -f "$PID_FILE"
    log "not running (no process of ours)"
    return 0
  fi
  log "stopping pid $pid"
  # kc.sh forwards TERM to its Java process and waits for it
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 30 ]; then
      log "pid $pid still running after 30s: killing it and its Java child"
      pkill -KILL -P "$pid" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  log "stopped"
}

status() {
  if answers; then
    if pid=$(our_pid); then
      log "running (pid $pid) at http://$HOST:$PORT/realms/huiqi"
    else
      log "a Keycloak answers at http://$HOST:$PORT/realms/huiqi (not started by this script)"
    fi
    return 0
  fi
  log "not answering at http://$HOST:$PORT"
  return 1
}

case "${1:-status}" in
  start) start ;;
  fetch) fetch ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  -h|--help|help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
  *) die "unknown command '$1' (use: start | stop | status | restart | fetch)" ;;
esac

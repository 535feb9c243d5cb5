#!/usr/bin/env bash
# Start-up on an empty database, Huiqi against the bare engine (issue 13 item 5; docs/performance.md, "Start-up").
#   bench/startup.sh [--runs 5] [--app "huiqi baseline"] [--parallel] [--java-opts "..."] [--keep-logs]
# --app: the apps to interleave; huiqi-<label> runs Huiqi from bench/target/huiqi-<label>.classpath (an earlier
# build kept for a before/after comparison).
# Each run: a freshly created database, the app launched as bench/driver launches it (java -Xmx1g -cp … Main,
# Huiqi on profile mysql with the demo data), GET /engine-rest/engine polled every 100 ms as admin; at the first
# 200 it prints the wall time since launch and the JVM's CPU seconds so far (user + sys of every thread, from
# /proc/<pid>/stat), then stops the app. CPU seconds hardly move with other work on the machine; wall time does.
# Apps interleave (Huiqi, baseline, Huiqi, …); with --parallel the apps of one round start at the same time (on a
# machine too loaded for sequential runs: the CPU seconds stay comparable, the wall times do not). Medians at the end.
# STARTUP_TAG=n runs another instance of this script beside the first (own databases, users and ports).
# Needs the builds of bench/run.sh --build-only.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="$PWD/bench/target"
RUNS=5
APPS="huiqi baseline"
JAVA_OPTS=""
KEEP_LOGS=false
PARALLEL=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --app) APPS=$2; shift 2 ;;
    --java-opts) JAVA_OPTS=$2; shift 2 ;;
    --keep-logs) KEEP_LOGS=true; shift ;;
    --parallel) PARALLEL=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
ROOT_USER=${BENCH_DB_ROOT_USER:-root}
mysql_root() { mysql -h "$DB_HOST" -P "$DB_PORT" -u "$ROOT_USER" ${BENCH_DB_ROOT_PASSWORD:+-p"$BENCH_DB_ROOT_PASSWORD"} -N -e "$1"; }
CLK_TCK=$(getconf CLK_TCK)
TAG=${STARTUP_TAG:-}
BASE_PORT=$((18090 + 10 * ${TAG:-0}))
mkdir -p "$TARGET/startup-logs"

db() { local name="startup_${1//-/_}${TAG:+_$TAG}"; echo "${name:0:32}"; }
for app in $APPS; do
  [[ -f "$TARGET/$app.classpath" ]] || { echo "no $TARGET/$app.classpath: run bench/run.sh --build-only" >&2; exit 1; }
  # the app's own user, allowed on its own database only (as the driver's Db.ensureAppUser)
  for host in "'%'" "'localhost'"; do
    mysql_root "DROP USER IF EXISTS '$(db "$app")'@$host; CREATE USER '$(db "$app")'@$host IDENTIFIED BY 'bench';
                GRANT ALL ON \`$(db "$app")\`.* TO '$(db "$app")'@$host"
  done
done

url() { echo "jdbc:mysql://$DB_HOST:$DB_PORT/$(db "$1")?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&connectionCollation=utf8mb4_unicode_ci&nullDatabaseMeansCurrent=true"; }

run_once() { # app run port → "wall cpu"
  local app=$1 run=$2 PORT=$3 log="$TARGET/startup-logs/$1-$2${TAG:+-$TAG}.log" main args=()
  mysql_root "DROP DATABASE IF EXISTS $(db "$app"); CREATE DATABASE $(db "$app") CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  if [[ $app == huiqi* ]]; then
    main=cn.huiqi.HuiqiApplication
    args=(--spring.profiles.active=mysql "--spring.datasource.url=$(url "$app")" "--spring.datasource.username=$(db "$app")"
          --spring.datasource.password=bench --spring.flyway.locations=classpath:db/migration,classpath:db/demo
          --huiqi.demo-accounts=true --huiqi.security-log.directory="$TARGET/startup-logs" --server.port=$PORT)
  else
    main=cn.huiqi.bench.baseline.BaselineApplication
    export BENCH_DB_URL="$(url baseline)" BENCH_DB_USER=$(db baseline) BENCH_DB_PASSWORD=bench BENCH_PORT=$PORT
  fi
  local start end pid cpu
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java -Xmx1g $JAVA_OPTS -cp "$(cat "$TARGET/$app.classpath")" "$main" "${args[@]}" >"$log" 2>&1 &
  pid=$!
  while true; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$app exited while starting, see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -u admin:demo "http://127.0.0.1:$PORT/engine-rest/engine") == 200 ]]; then
      end=$(date +%s%N)
      # fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): utime, stime in clock ticks
      cpu=$(awk -v tck="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$pid/stat")
      break
    fi
    sleep 0.1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  $KEEP_LOGS || rm -f "$log"
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }') $cpu"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A WALL CPU
echo "# start-up on an empty database, $RUNS runs, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((run = 1; run <= RUNS; run++)); do
  port=$BASE_PORT
  for app in $APPS; do
    if $PARALLEL; then
      run_once "$app" "$run" "$port" > "$TARGET/startup-logs/$app-$run${TAG:+-$TAG}.result" &
    else
      run_once "$app" "$run" "$port" > "$TARGET/startup-logs/$app-$run${TAG:+-$TAG}.result"
    fi
    port=$((port + 1))
  done
  wait
  for app in $APPS; do
    read -r wall cpu < "$TARGET/startup-logs/$app-$run${TAG:+-$TAG}.result"
    rm -f "$TARGET/startup-logs/$app-$run${TAG:+-$TAG}.result"
    echo "run $run $app: wall ${wall} s, cpu ${cpu} s"
    WALL[$app]+="$wall "; CPU[$app]+="$cpu "
  done
done
echo
echo "| app | wall s, median (runs) | JVM CPU s, median (runs) |"
echo "|---|---|---|"
for app in $APPS; do
  echo "| $app | $(tr ' ' '\n' <<<"${WALL[$app]}" | grep . | median) (${WALL[$app]% }) | $(tr ' ' '\n' <<<"${CPU[$app]}" | grep . | median) (${CPU[$app]% }) |"
done
for app in $APPS; do mysql_root "DROP DATABASE IF EXISTS $(db "$app")"; done

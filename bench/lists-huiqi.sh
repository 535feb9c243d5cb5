#!/usr/bin/env bash
# Huiqi alone on a bulk-seeded huiqi_bench_app (bench/bulk-seed-tasks.sh): page + count of GROUP's queue (default
# donghu) as each of USERS (default donghu-verifier and admin), as the driver calls them (HTTP Basic on every call),
# over one kept-alive connection per batch; WARMUP pairs (default 200) first, then 5 batches of 30: p50/p95 per batch.
cd "$(dirname "$0")/.."
CP=$(cat "${CLASSPATH_FILE:-bench/target/huiqi.classpath}") # CLASSPATH_FILE: an earlier build (README, --also-huiqi)
java -Xmx1g ${JFR:-} -cp "$CP" cn.huiqi.HuiqiApplication --spring.profiles.active=mysql \
  "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/huiqi_bench_app?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true" \
  --spring.datasource.username=bench_huiqi --spring.datasource.password=bench \
  --spring.flyway.locations=classpath:db/migration,classpath:db/demo --spring.flyway.out-of-order=true --huiqi.demo-accounts=true \
  --huiqi.security-log.directory=/tmp/lists-logs --server.port=18091 ${APP_ARGS:-} > /tmp/lists-app.log 2>&1 &
APP=$!
until curl -s -o /dev/null -u admin:demo http://127.0.0.1:18091/engine-rest/engine; do
  kill -0 $APP 2>/dev/null || { echo "the app did not start: /tmp/lists-app.log" >&2; exit 1; }; sleep 1
done
B=http://127.0.0.1:18091/engine-rest
G=${GROUP:-donghu}
batch() { # user n -> pair times in ms, one per line
  local args=() i
  for i in $(seq $2); do args+=(-o /dev/null "$B/task?candidateGroup=$G&firstResult=0&maxResults=15" -o /dev/null "$B/task/count?candidateGroup=$G"); done
  curl -s -u "$1:demo" -w '%{time_total}\n' "${args[@]}" | paste - - | awk '{printf "%.2f\n", ($1+$2)*1000}'
}
for u in ${USERS:-donghu-verifier admin}; do echo "$u count: $(curl -s -u $u:demo "$B/task/count?candidateGroup=$G")"; batch $u ${WARMUP:-200} > /dev/null; done
for b in 1 2 3 4 5; do
  for u in ${USERS:-donghu-verifier admin}; do
    batch $u 30 | sort -n | awk -v u=$u -v b=$b '{a[NR]=$1} END {printf "batch %d %-16s p50 %.1f ms  p95 %.1f ms\n", b, u, a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)]}'
  done
done
[ -n "${KEEP:-}" ] || { kill $APP; wait $APP 2>/dev/null || true; }

#!/usr/bin/env bash
# Huiqi alone on a bulk-seeded huiqi_bench_app (bench/bulk-seed-tasks.sh): page + count as donghu-verifier and as admin,
# as the bench driver calls them (HTTP Basic, no cookies); 5 batches of 30 pairs after 10 warm-ups; p50/p95 per batch.
cd "$(dirname "$0")/.."
CP=$(cat bench/target/huiqi.classpath)
java -Xmx1g -cp "$CP" cn.huiqi.HuiqiApplication --spring.profiles.active=mysql \
  "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/huiqi_bench_app?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true" \
  --spring.datasource.username=bench_huiqi --spring.datasource.password=bench \
  --spring.flyway.locations=classpath:db/migration,classpath:db/demo --huiqi.demo-accounts=true \
  --huiqi.security-log.directory=/tmp/lists-logs --server.port=18091 > /tmp/lists100k-app.log 2>&1 &
APP=$!
until curl -s -o /dev/null -u admin:demo http://127.0.0.1:18091/engine-rest/engine; do sleep 1; done
pair() { # user
  local t0 t1
  t0=$(date +%s%N)
  curl -s -o /dev/null -u "$1:demo" "http://127.0.0.1:18091/engine-rest/task?candidateGroup=donghu&firstResult=0&maxResults=15"
  curl -s -o /dev/null -u "$1:demo" "http://127.0.0.1:18091/engine-rest/task/count?candidateGroup=donghu"
  t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 ))
}
curl -s -u donghu-verifier:demo "http://127.0.0.1:18091/engine-rest/task/count?candidateGroup=donghu"; echo
curl -s -u admin:demo "http://127.0.0.1:18091/engine-rest/task/count?candidateGroup=donghu"; echo
for u in donghu-verifier admin; do for i in $(seq 10); do pair $u > /dev/null; done; done
for batch in 1 2 3 4 5; do
  for u in donghu-verifier admin; do
    for i in $(seq 30); do pair $u; done | sort -n | awk -v u=$u -v b=$batch '{a[NR]=$1} END {printf "batch %d %-16s p50 %.1f ms  p95 %.1f ms\n", b, u, a[int(NR*0.5+0.5)]/1000, a[int(NR*0.95+0.5)]/1000}'
  done
done
kill $APP; wait $APP 2>/dev/null

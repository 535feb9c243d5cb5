#!/usr/bin/env bash
# The app's own case list (issue 13 item 4) on a bulk-seeded huiqi_bench_app (bench/bulk-seed-cases.sh): the first
# page (and a few filtered, sorted and deep pages) of GET /api/cases as each role, HTTP Basic on every call (so each
# includes a password check), over one kept-alive connection per batch; WARMUP calls of each (default 30) first, then 5 batches
# of 30: p50/p95 per batch, the median of the batches' p95, and the answer's size and total. Then the app's heap after
# a full GC and its RSS, to compare between database sizes (memory flat as cases grow).
#
#   bench/lists-cases.sh                 # starts Huiqi on huiqi_bench_app (port 18091), stops it after
#   KEEP=1 bench/lists-cases.sh          # leaves it running (a second call reuses it)
cd "$(dirname "$0")/.."
PORT=${PORT:-18091}
B=http://127.0.0.1:$PORT/api/cases
if ! curl -s -o /dev/null -u admin:demo "$B"; then
  CP=$(cat bench/target/huiqi.classpath)
  java -Xmx1g ${JFR:-} -cp "$CP" cn.huiqi.HuiqiApplication --spring.profiles.active=mysql \
    "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/${DB:-huiqi_bench_app}?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true" \
    --spring.datasource.username=bench_huiqi --spring.datasource.password=bench \
    --spring.flyway.locations=classpath:db/migration,classpath:db/demo --spring.flyway.out-of-order=true --huiqi.demo-accounts=true \
    --huiqi.security-log.directory=/tmp/lists-logs --server.port=$PORT > /tmp/lists-cases-app.log 2>&1 &
  APP=$!
  until curl -s -o /dev/null -u admin:demo "$B"; do
    kill -0 $APP 2>/dev/null || { echo "the app did not start: /tmp/lists-cases-app.log" >&2; exit 1; }; sleep 1
  done
fi
APP=$(pgrep -f "server.port=$PORT" | head -n 1)
echo "cases: $(mysql -uroot -N -B ${DB:-huiqi_bench_app} -e 'SELECT COUNT(*) FROM case_record')"

# "user query" pairs; the query may be empty (the default first page, newest first)
CALLS=(
  "admin " "admin measure=M1&status=CITY_REVIEW" "admin locality=xihu" "admin enterprise=%E4%BC%81%E4%B8%9A0042"
  "admin caseNumber=M2-2023-0050" "admin round=1" "admin flagged=true" "admin sort=amount" "admin sort=amount&order=asc"
  "admin sort=caseNumber&page=200" "admin page=2000" "admin measure=M1&sort=amount"
  "policy-staff " "audit-staff " "leader "
  "gxj-reviewer " "gxj-reviewer measure=M2&status=PAID" "gxj-reviewer status=CITY_REVIEW" "gxj-reviewer sort=amount" "gxj-reviewer locality=donghu&status=CITY_REVIEW"
  "swj-reviewer " "swj-reviewer status=CITY_REVIEW"
  "czj-finance " "czj-finance status=DISBURSEMENT"
  "donghu-verifier " "donghu-verifier status=LOCALITY_VERIFICATION" "donghu-verifier sort=amount"
  "ent-hongdu " "jrb-reviewer " "demobank1-staff " "tjj-stats "
  # the other paged lists, at whatever size the database holds (the query given as a path)
  "admin /api/enterprises" "admin /api/enterprises?name=%E4%BC%81%E4%B8%9A004" "donghu-verifier /api/enterprises"
  "gxj-reviewer /api/settlements" "gxj-reviewer /api/supervision" "donghu-verifier /api/projects" "donghu-verifier /api/inbox"
)
address() { # a query of /api/cases, or a path of another list
  case "$1" in /*) echo "http://127.0.0.1:$PORT$1" ;; *) echo "$B${1:+?$1}" ;; esac
}
batch() { # user url n -> one "code time_ms" line per call
  local args=() i
  for i in $(seq "$3"); do args+=(-o /dev/null "$2"); done
  curl -s -u "$1:demo" -w '%{http_code} %{time_total}\n' "${args[@]}" | awk '{printf "%s %.2f\n", $1, $2*1000}'
}
for call in "${CALLS[@]}"; do # every call warmed up before any is measured: the JIT compiles what they share
  user=${call%% *}; query=${call#* }; batch "$user" "$(address "$query")" "${WARMUP:-30}" > /dev/null
done
printf '%-16s %-52s %5s %8s %7s %7s %7s\n' user query code total "p50" "p95" "p95max"
for call in "${CALLS[@]}"; do
  user=${call%% *}; query=${call#* }; url=$(address "$query")
  body=$(curl -s -u "$user:demo" "$url")
  total=$(printf '%s' "$body" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$user:demo" "$url")
  batches=$(for b in 1 2 3 4 5; do batch "$user" "$url" 30 | awk '{print $2}' | sort -n \
      | awk '{a[NR]=$1} END {printf "%s %s\n", a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)]}'; done)
  p50=$(awk '{print $1}' <<< "$batches" | sort -n | sed -n 3p)
  p95=$(awk '{print $2}' <<< "$batches" | sort -n)
  printf '%-16s %-52s %5s %8s %7.1f %7.1f %7.1f\n' "$user" "${query:-(first page)}" "$code" "${total:--}" "$p50" \
    "$(sed -n 3p <<< "$p95")" "$(sed -n 5p <<< "$p95")"
done
jcmd "$APP" GC.run > /dev/null
echo "heap after full GC: $(jcmd "$APP" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -n 1 | awk '{printf "%.0f MB", $1/1024}'), RSS $(ps -o rss= -p "$APP" | awk '{printf "%.0f MB", $1/1024}')"
[ -n "${KEEP:-}" ] || { kill "$APP"; while kill -0 "$APP" 2>/dev/null; do sleep 1; done; }

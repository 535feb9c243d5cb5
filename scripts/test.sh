#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine (Java 17 + Maven): the README's test command.
#
#   scripts/test.sh [extra Maven arguments]     e.g. scripts/test.sh -Dtest=OrderRewardProcessTest
#
# Each step below is a small function; later steps (Keycloak, Chromium for the browser tests)
# are added to the list in main(). Works from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

step() { printf '\n==> [test] %s\n' "$*"; }
die() { printf '[test] ERROR: %s\n' "$*" >&2; exit 1; }

check_tools() {
  step "checking Java 17+ and Maven"
  command -v java >/dev/null || die "java not found: install a JDK 17"
  command -v mvn >/dev/null || die "mvn not found: install Apache Maven 3.8+"
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
  [ "${major:-0}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed (found: ${major:-unknown})"
  echo "java $major, $(mvn -B -v 2>/dev/null | head -n 1)"
}

# the process integration tests run on MariaDB at 127.0.0.1:3306 (root, empty password);
# they drop and recreate their own database huiqi_test
ensure_mariadb() {
  step "MariaDB"
  bash scripts/mariadb.sh ensure
}

# the SSO tests (@Tag("keycloak")) run against a real Keycloak at 127.0.0.1:8180 with realm huiqi
# imported fresh (scripts/keycloak.sh fetches it through Maven the first time). A Keycloak this
# script started is stopped by its PID when the script ends, however it ends; one that already
# ran (a developer's scripts/keycloak.sh start) is used and left running.
KEYCLOAK_STARTED_HERE=0
ensure_keycloak() {
  step "Keycloak"
  if bash scripts/keycloak.sh status >/dev/null 2>&1; then
    echo "Keycloak already answers at 127.0.0.1:8180: using it (and leaving it running)"
    return 0
  fi
  KEYCLOAK_STARTED_HERE=1
  bash scripts/keycloak.sh start
}

stop_keycloak() {
  if [ "$KEYCLOAK_STARTED_HERE" -eq 1 ]; then
    step "stopping the Keycloak started for the tests"
    bash scripts/keycloak.sh stop || true
  fi
}

# the rules page's editor is bundled from npm and the models are linted by the Maven build (frontend/,
# exec-maven-plugin): node 20+ and npm must be on the PATH (Debian: apt-get install nodejs npm)
ensure_node() {
  step "node and npm (frontend build)"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
    else
      die "node and npm not found: install Node.js 20+ with npm"
    fi
  fi
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" -ge 20 ] 2>/dev/null || die "Node.js 20 or newer is needed for the model linters and the editor bundle (found: $(node -v))"
  echo "node $(node -v), npm $(npm -v)"
}

# the S3 evidence store's test (cn.huiqi.evidence.S3EvidenceStoreTest) runs the npm package s3rver, a fake S3 server,
# on a free port of 127.0.0.1: installed (pinned) into a cache directory outside the checkout, not into frontend/
S3RVER_VERSION=3.7.1
ensure_s3rver() {
  step "s3rver $S3RVER_VERSION (S3 evidence store test)"
  local dir="${HUIQI_S3RVER_DIR:-$HOME/.cache/huiqi/s3rver}"
  local installed
  installed=$(node -p "require('$dir/node_modules/s3rver/package.json').version" 2>/dev/null || true)
  if [ "$installed" != "$S3RVER_VERSION" ]; then
    mkdir -p "$dir"
    npm install --no-audit --no-fund --loglevel=error --prefix "$dir" "s3rver@$S3RVER_VERSION" >/dev/null \
      || die "npm install s3rver@$S3RVER_VERSION into $dir failed"
  fi
  echo "s3rver $(node -p "require('$dir/node_modules/s3rver/package.json').version") in $dir"
}

# the browser tests (HeadlessChromium) drive Debian's headless chromium through chromium-driver (both at
# /usr/bin) and read the pages in Chinese with a CJK font as a phone has one (fonts-wqy-microhei): without
# it Chinese text is drawn as empty boxes and widths at 390 px are not a phone's; installed here when missing
# (needs root)
ensure_chromium() {
  step "Chromium and a Chinese font (browser tests)"
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "installing ${missing[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    else
      echo "WARNING: ${missing[*]} missing and cannot be installed here: the browser tests will be skipped or read the pages without a Chinese font" >&2
    fi
  fi
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "$(/usr/bin/chromium --version 2>/dev/null || echo chromium), $(/usr/bin/chromedriver --version 2>/dev/null | head -n 1)"
  fi
}

# the two-node test (cn.huiqi.cluster.TwoNodesOnMariaDbTest, @Tag("cluster")) runs Debian's nginx itself as the
# load balancer in front of two app JVMs (its own configuration under target/cluster-logs/nginx; the system's
# nginx service is not used); installed here when missing (needs root), else the test is skipped
ensure_nginx() {
  step "nginx (two-node test)"
  if [ -x /usr/sbin/nginx ]; then
    /usr/sbin/nginx -v 2>&1
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light
    # the package starts the system service; the test needs only the binary
    if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then systemctl stop nginx || true; fi
  else
    echo "WARNING: nginx missing and cannot be installed here: the two-node test will be skipped" >&2
  fi
}

# the MariaDB databases the tests created (the build directory's test-databases.txt, written by
# testsupport.MariaDbTestDatabase) are dropped when the script ends, however it ends, all but huiqi_test
# (the one the README names; with HUIQI_TEST_DB_SUFFIX appended when that is set)
TEST_DATABASES=""
drop_test_databases() {
  [ -n "$TEST_DATABASES" ] && [ -f "$TEST_DATABASES" ] || return 0
  local keep="huiqi_test${HUIQI_TEST_DB_SUFFIX:-}" server="${HUIQI_TEST_DB_HOST:-127.0.0.1:3306}" name
  sort -u "$TEST_DATABASES" | while read -r name; do
    case "$name" in
      "$keep" | "") ;;
      *[!a-z0-9_]*) echo "[test] not a test database name: $name" >&2 ;;
      *) mariadb --protocol=tcp -h"${server%:*}" -P"${server##*:}" -u"${HUIQI_TEST_DB_USER:-root}" ${HUIQI_TEST_DB_PASSWORD:+-p"$HUIQI_TEST_DB_PASSWORD"} \
           -e "DROP DATABASE IF EXISTS $name" || echo "[test] could not drop database $name" >&2 ;;
    esac
  done
  rm -f "$TEST_DATABASES"
}

maven_verify() {
  step "mvn -B verify $*"
  local build_dir=target arg
  for arg in "$@"; do
    case "$arg" in -Dhuiqi.build.dir=*) build_dir="${arg#-Dhuiqi.build.dir=}" ;; esac
  done
  TEST_DATABASES="$build_dir/test-databases.txt"
  rm -f "$TEST_DATABASES"
  local opts=(-B) marker rc=0
  # CI logs: no download progress lines
  if [ -n "${CI:-}" ]; then opts+=(--no-transfer-progress -Dstyle.color=never); fi
  marker=$(mktemp)
  mvn "${opts[@]}" verify "$@" || rc=$?
  # the attack suite's closing count, added up over the test JVMs by cn.huiqi.attack.AttackLedger
  if [ -f "$build_dir/attack-summary.txt" ] && [ "$build_dir/attack-summary.txt" -nt "$marker" ]; then
    printf '\n'; cat "$build_dir/attack-summary.txt"
  fi
  rm -f "$marker"
  return "$rc"
}

on_exit() {
  drop_test_databases
  stop_keycloak
}

main() {
  trap on_exit EXIT
  check_tools
  ensure_mariadb
  ensure_node
  ensure_s3rver
  ensure_chromium
  ensure_nginx
  ensure_keycloak
  maven_verify "$@"
}

# scripts/test.sh --drop-test-databases FILE: only the clean-up above, for the databases FILE lists
# (cn.huiqi.testsupport.TestDatabaseCleanUpTest runs it)
if [ "${1:-}" = "--drop-test-databases" ]; then
  TEST_DATABASES="${2:?usage: scripts/test.sh --drop-test-databases FILE}"
  drop_test_databases
  exit 0
fi

main "$@"

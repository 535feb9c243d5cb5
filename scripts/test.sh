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

# later: ensure_keycloak (realm import for the SSO tests), ensure_chromium (browser tests)

maven_verify() {
  step "mvn -B verify $*"
  local opts=(-B)
  # CI logs: no download progress lines
  if [ -n "${CI:-}" ]; then opts+=(--no-transfer-progress -Dstyle.color=never); fi
  mvn "${opts[@]}" verify "$@"
}

main() {
  check_tools
  ensure_mariadb
  maven_verify "$@"
}

main "$@"

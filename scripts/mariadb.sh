#!/usr/bin/env bash
# MariaDB for local runs and tests (127.0.0.1:3306, user root, empty password).
#
#   scripts/mariadb.sh [ensure]        make sure MariaDB answers; start it (or install and start it)
#   scripts/mariadb.sh create-db NAME  ensure, then CREATE DATABASE IF NOT EXISTS NAME (utf8mb4)
#
# Idempotent: running it again changes nothing. It never stops the server.
# Installing and starting need root (the project's machines run as root; there is no systemd,
# so the server is started with start-stop-daemon as the machine's notes document).
set -euo pipefail

HOST=127.0.0.1
PORT=3306
MARIADBD=/usr/sbin/mariadbd
WAIT_SECONDS=60

log() { printf '[mariadb] %s\n' "$*"; }
die() { printf '[mariadb] ERROR: %s\n' "$*" >&2; exit 1; }

# 0 when a server answers on HOST:PORT. A refusal ("Access denied", "Host ... is not allowed")
# is an answer too: the server is up, only the login is wrong.
answers() {
  local out
  if out=$(mariadb-admin --protocol=tcp -h"$HOST" -P"$PORT" -uroot --connect-timeout=2 ping 2>&1); then
    return 0
  fi
  case "$out" in
    *"Can't connect"* | *"Lost connection"*) return 1 ;;
    *) return 0 ;;
  esac
}

# 0 when root logs in over TCP with an empty password (how the tests connect)
root_tcp_login() {
  mariadb --protocol=tcp -h"$HOST" -P"$PORT" -uroot -e 'SELECT 1' >/dev/null 2>&1
}

# the SQL client as root: over TCP with an empty password, else over the local socket
# (a freshly installed Debian server lets root in through the socket only)
sql() {
  if root_tcp_login; then
    mariadb --protocol=tcp -h"$HOST" -P"$PORT" -uroot "$@"
  elif mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb -uroot "$@"
  else
    die "cannot log in as root at $HOST:$PORT (empty password) nor over the local socket"
  fi
}

install_server() {
  [ "$(id -u)" -eq 0 ] || die "MariaDB is not installed and installing it needs root"
  log "mariadbd not found: installing mariadb-server with apt-get"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y mariadb-server
  [ -x "$MARIADBD" ] || die "apt-get installed mariadb-server but $MARIADBD is missing"
  FRESH_SERVER=1
}

start_server() {
  [ "$(id -u)" -eq 0 ] || die "MariaDB is not running at $HOST:$PORT and starting it needs root"
  # runtime directory for the socket and pid file (lost when /run is a tmpfs)
  if [ ! -d /run/mysqld ]; then
    install -d -o mysql -g mysql -m 0755 /run/mysqld
  fi
  if [ ! -d /var/log/mysql ]; then
    install -d -o mysql -m 0750 /var/log/mysql
  fi
  # a data directory that was never initialised (normally apt's postinst does this)
  if [ ! -d /var/lib/mysql/mysql ]; then
    log "initialising the data directory /var/lib/mysql"
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/var/log/mysql/install-db.log 2>&1 \
      || { tail -n 20 /var/log/mysql/install-db.log >&2; die "mariadb-install-db failed"; }
    FRESH_SERVER=1
  fi
  log "starting $MARIADBD"
  # --user=mysql: Debian's stock config does not set the user; it is harmless where it does
  start-stop-daemon --start --oknodo --background --output /var/log/mysql/mariadbd-start.log \
    --exec "$MARIADBD" -- --user=mysql
  local waited=0
  until answers; do
    local gone=0
    if [ "$waited" -ge 2 ] && ! start-stop-daemon --status --exec "$MARIADBD"; then
      gone=1
    fi
    if [ "$gone" -eq 1 ] || [ "$waited" -ge "$WAIT_SECONDS" ]; then
      log "last lines of the server logs:"
      tail -n 20 /var/log/mysql/error.log /var/log/mysql/mariadbd-start.log >&2 2>/dev/null || true
      [ "$gone" -eq 1 ] && die "mariadbd exited during start-up (see the logs above)"
      die "MariaDB did not answer at $HOST:$PORT within ${WAIT_SECONDS}s"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "MariaDB is up at $HOST:$PORT (after ${waited}s)"
}

# a server we have just installed or initialised: let root log in over TCP with an empty
# password, as on the project's machines (the tests connect that way). root@localhost keeps its
# socket login; root@127.0.0.1 is for servers that run with skip-name-resolve.
open_root_login() {
  if ! root_tcp_login; then
    log "fresh server: letting root log in at $HOST with an empty password (as the tests expect)"
    mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
      CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
  fi
}

ensure() {
  FRESH_SERVER=0
  if answers; then
    log "MariaDB answers at $HOST:$PORT"
  else
    [ -x "$MARIADBD" ] || install_server
    start_server
  fi
  if [ "$FRESH_SERVER" -eq 1 ]; then
    open_root_login
  fi
  if ! root_tcp_login; then
    log "WARNING: root cannot log in at $HOST:$PORT with an empty password; the tests expect it"
  fi
  more_connections
}

# The test suite keeps its cached application contexts (each a small connection pool) open against this server:
# at least 500 connections (MariaDB's default is 151), for this server's lifetime
more_connections() {
  if sql -e "SET GLOBAL max_connections = GREATEST(@@max_connections, 500)" 2>/dev/null; then
    log "max_connections $(sql -N -e "SELECT @@max_connections" 2>/dev/null)"
  else
    log "WARNING: could not raise max_connections (the suite may run out of connections at 151)"
  fi
}

create_db() {
  local name="${1:-}"
  [ -n "$name" ] || die "usage: $0 create-db NAME"
  [[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || die "database name must match [A-Za-z0-9_]+: '$name'"
  ensure
  sql -e "CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  local charset
  charset=$(sql -N -B -e "SELECT CONCAT(DEFAULT_CHARACTER_SET_NAME, ' / ', DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$name'")
  log "database $name is present ($charset)"
  case "$charset" in
    utf8mb4*) ;;
    *) log "WARNING: $name existed before with another character set; Chinese names need utf8mb4" ;;
  esac
}

case "${1:-ensure}" in
  ensure) ensure ;;
  create-db) shift; create_db "$@" ;;
  -h|--help|help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
  *) die "unknown command '$1' (use: ensure | create-db NAME)" ;;
esac

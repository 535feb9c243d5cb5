#!/usr/bin/env bash
# The benchmark: Huiqi against a bare Camunda 7.24 app of measure 1's shape (bench/README.md,
# docs/performance.md). Builds both from this checkout (mvn, online), then runs the driver:
#   bench/run.sh [--runs 5] [--tasks 100000] [--cases 100] [--calls 50] [--quick] [--reseed]
#                [--seed-only] [--lists-only] [--no-build] [--build-only] [--out FILE]
# --build-only: build and stop (for bench/startup.sh)
# --quick: N=20 cases, K=1,000 open tasks, one run (a smoke run of a few minutes).
# Needs MariaDB at 127.0.0.1:3306 with root (BENCH_DB_HOST, BENCH_DB_ROOT_USER, BENCH_DB_ROOT_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
TARGET="$ROOT/bench/target"
mkdir -p "$TARGET"

BUILD=true
BUILD_ONLY=false
ARGS=()
for arg in "$@"; do
  if [[ "$arg" == "--no-build" ]]; then BUILD=false
  elif [[ "$arg" == "--build-only" ]]; then BUILD_ONLY=true
  else ARGS+=("$arg"); fi
done

# compiled classes + runtime dependencies, run the same way for both apps (java -Xmx1g -cp … Main); online, so a
# fresh machine fetches what it lacks (the baseline keeps Camunda 7.24.0's own FEEL 1.19.3, which Huiqi does not use)
build() { # name pom classes-dir [extra maven args]
  local name=$1 pom=$2 classes=$3; shift 3
  mvn -B -q -f "$pom" "$@" compile dependency:build-classpath -DincludeScope=runtime \
      -Dmdep.outputFile="$TARGET/$name-deps.txt"
  echo "$classes:$(cat "$TARGET/$name-deps.txt")" > "$TARGET/$name.classpath"
}

if $BUILD; then
  echo "[bench] building Huiqi (into bench/target/huiqi), the baseline and the driver"
  # the frontend bundles are not needed for the APIs measured: -Dexec.skip=true
  build huiqi "$ROOT/pom.xml" "$TARGET/huiqi/classes" -Dexec.skip=true -Dhuiqi.build.dir="$TARGET/huiqi"
  build baseline "$ROOT/bench/baseline/pom.xml" "$ROOT/bench/baseline/target/classes"
  build driver "$ROOT/bench/driver/pom.xml" "$ROOT/bench/driver/target/classes"
fi
$BUILD_ONLY && exit 0

exec java -cp "$(cat "$TARGET/driver.classpath")" cn.huiqi.bench.driver.Bench --root "$TARGET" "${ARGS[@]}"

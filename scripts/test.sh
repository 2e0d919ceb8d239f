#!/usr/bin/env bash
# Installs the packages, builds thaidoc and runs the test suite (GoogleTest via CTest).
#
#   scripts/test.sh                 # everything
#   scripts/test.sh -R Utf8         # extra arguments go to ctest
#
# Environment:
#   BUILD_DIR      build directory (default build)
#   TEST_TIMEOUT   per-test timeout in seconds (default 300)
#   TOTAL_TIMEOUT  limit for the whole ctest run in seconds (default 1800)
#   TEST_JOBS      parallel tests (default 2)
#   SKIP_SETUP=1   skip scripts/setup.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR=${BUILD_DIR:-build}
TEST_TIMEOUT=${TEST_TIMEOUT:-300}
TOTAL_TIMEOUT=${TOTAL_TIMEOUT:-1800}
TEST_JOBS=${TEST_JOBS:-2}

if [[ ${SKIP_SETUP:-0} != 1 ]]; then
  scripts/setup.sh
fi

echo "==> ctest (-j$TEST_JOBS, ${TEST_TIMEOUT}s per test, ${TOTAL_TIMEOUT}s in total)" >&2
status=0
timeout --kill-after=30 "$TOTAL_TIMEOUT" \
  ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error \
  -j"$TEST_JOBS" --timeout "$TEST_TIMEOUT" "$@" || status=$?
if ((status == 124 || status == 137)); then
  echo "test.sh: the test run exceeded ${TOTAL_TIMEOUT}s and was stopped" >&2
fi
exit "$status"

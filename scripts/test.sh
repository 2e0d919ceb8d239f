#!/usr/bin/env bash
# Installs the packages, builds thaidoc and runs the test suite (GoogleTest via CTest) twice:
# the normal Release build, then the same suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer (-DTHAIDOC_SANITIZE=ON) in a second build directory, where
# any memory error, leak or undefined behaviour fails the test that hits it.
#
#   scripts/test.sh                 # everything
#   scripts/test.sh -R Utf8         # extra arguments go to ctest (both stages)
#   SANITIZE=0 scripts/test.sh      # the normal stage only
#
# Environment:
#   BUILD_DIR       build directory (default build)
#   ASAN_BUILD_DIR  build directory of the sanitizer stage (default build-asan)
#   SANITIZE        0 skips the sanitizer stage (default 1)
#   TEST_TIMEOUT    per-test timeout in seconds (default 300)
#   TOTAL_TIMEOUT   limit for each stage's ctest run in seconds (default 1800)
#   TEST_JOBS       parallel tests (default 2)
#   JOBS            parallel build jobs (default: nproc)
#   SKIP_SETUP=1    skip scripts/setup.sh (the sanitizer build is still brought up to date)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR=${BUILD_DIR:-build}
ASAN_BUILD_DIR=${ASAN_BUILD_DIR:-build-asan}
SANITIZE=${SANITIZE:-1}
TEST_TIMEOUT=${TEST_TIMEOUT:-300}
TOTAL_TIMEOUT=${TOTAL_TIMEOUT:-1800}
TEST_JOBS=${TEST_JOBS:-2}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

log() { printf '==> %s\n' "$*" >&2; }

if [[ ${SKIP_SETUP:-0} != 1 ]]; then
  scripts/setup.sh
fi

# run_ctest DIR [ctest args...]
run_ctest() {
  local dir=$1 status=0
  shift
  log "ctest in $dir/ (-j$TEST_JOBS, ${TEST_TIMEOUT}s per test, ${TOTAL_TIMEOUT}s in total)"
  timeout --kill-after=30 "$TOTAL_TIMEOUT" \
    ctest --test-dir "$dir" --output-on-failure --no-tests=error \
    -j"$TEST_JOBS" --timeout "$TEST_TIMEOUT" "$@" || status=$?
  if ((status == 124 || status == 137)); then
    echo "test.sh: the test run in $dir exceeded ${TOTAL_TIMEOUT}s and was stopped" >&2
  fi
  return "$status"
}

# The sanitizer build: -O0 with line tables only, the quickest to build (the tests are fast
# anyway) with file:line in the reports.
build_sanitized() {
  local log_file
  log_file=$(mktemp "${TMPDIR:-/tmp}/thaidoc-asan.XXXXXX")
  log "building with AddressSanitizer + UndefinedBehaviorSanitizer in $ASAN_BUILD_DIR/ (-j$JOBS)"
  if ! { cmake -S . -B "$ASAN_BUILD_DIR" -DTHAIDOC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
           -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" -DCMAKE_C_FLAGS_DEBUG="-O0 -g1" &&
         cmake --build "$ASAN_BUILD_DIR" -j"$JOBS"; } >"$log_file" 2>&1; then
    { grep -E '(error|Error)[: ]' "$log_file" | head -n 20 || true; } >&2
    printf -- '---- last 40 lines of the sanitizer build log ----\n' >&2
    tail -n 40 "$log_file" >&2
    rm -f "$log_file"
    return 1
  fi
  rm -f "$log_file"
}

status=0
run_ctest "$BUILD_DIR" "$@" || status=$?

if [[ $SANITIZE != 0 ]]; then
  if build_sanitized; then
    # halt_on_error / abort: the first report fails the test; leaks are reported at exit.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0} \
      run_ctest "$ASAN_BUILD_DIR" "$@" || status=$?
  else
    echo "test.sh: the sanitizer build failed" >&2
    status=1
  fi
fi
exit "$status"

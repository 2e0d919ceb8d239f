#!/usr/bin/env bash
# Rewrites tests/golden/*/*.trace from the current build (after an intended layout
# change); review the result with `git diff tests/golden`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR=${BUILD_DIR:-build}
cmake --build "$BUILD_DIR" -j"$(nproc)" --target thaidoc golden_test >/dev/null
UPDATE_GOLDEN=1 "$BUILD_DIR/tests/golden_test" --gtest_brief=1
git status --short tests/golden

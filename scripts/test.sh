#!/usr/bin/env bash
# Runs every test: the core suite natively (plain and under ASan+UBSan) and as wasm under node,
# the CLI tests, and the end-to-end tests of the web app in Debian's Chromium.
# Sets the machine up first (scripts/setup.sh is idempotent).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/setup.sh"
start=$(date +%s)

echo "== native build and tests"
# Tests are asked for explicitly: a build folder configured without them keeps that setting.
configure_native -DREFTIER_BUILD_TESTS=ON
cmake --build "$NATIVE_BUILD" -j "$JOBS"
(cd "$NATIVE_BUILD" && ctest --output-on-failure)

echo "== JSON Schema (docs/reftier.schema.json) against the reader's test files"
(cd "$ROOT/tests/schema" && node --test --test-reporter=spec)

echo "== native core tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S "$ROOT" -B "$ROOT/build/asan" -DCMAKE_BUILD_TYPE=Debug -DREFTIER_SANITIZE=ON >/dev/null
cmake --build "$ROOT/build/asan" --target reftier_core_tests -j "$JOBS"
"$ROOT/build/asan/tests/reftier_core_tests" --gtest_brief=1

echo "== wasm build: core tests under node, and the app"
configure_wasm -DREFTIER_BUILD_TESTS=ON
cmake --build "$WASM_BUILD" -j "$JOBS"
(cd "$WASM_BUILD" && ctest --output-on-failure)

echo "== end-to-end tests in Chromium"
(cd "$ROOT/tests/e2e" && REFTIER_WEB="$WEB_OUT" node --test --test-concurrency=1 --test-reporter=spec)
echo "all tests passed in $(( $(date +%s) - start )) s"

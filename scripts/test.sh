#!/usr/bin/env bash
# Runs every test: the core suite natively (plain and under ASan+UBSan) and as wasm under node,
# the CLI tests, and the end-to-end tests of the web app in Debian's Chromium.
# Sets the machine up first (scripts/setup.sh is idempotent). Ends with a table of each stage's
# wall-clock seconds and the load average, so a CI log shows where the time went.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

stage_names=()
stage_seconds=()
stage_started=0
stage_name=""
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
# Starts timing a stage (and ends the one before).
stage() {
  end_stage
  stage_name="$1"
  stage_started=$(now_ms)
  echo "== $stage_name ($(date -u +%H:%M:%S) UTC)"
}
end_stage() {
  [ -n "$stage_name" ] || return 0
  stage_names+=("$stage_name")
  stage_seconds+=($(( ($(now_ms) - stage_started + 500) / 1000 )))
  stage_name=""
}
print_stages() {
  end_stage
  local total=0 i
  printf '\n%-58s %8s\n' "stage" "seconds"
  for i in "${!stage_names[@]}"; do
    printf '%-58s %8d\n' "${stage_names[$i]}" "${stage_seconds[$i]}"
    total=$((total + stage_seconds[i]))
  done
  printf '%-58s %8d\n' "total" "$total"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
}
trap print_stages EXIT

stage "setup (scripts/setup.sh)"
bash "$ROOT/scripts/setup.sh"

stage "native build (Release, tests, CLI, fuzz replay tools)"
# Tests are asked for explicitly: a build folder configured without them keeps that setting.
configure_native -DREFTIER_BUILD_TESTS=ON -DREFTIER_TEST_SHARDS="$JOBS"
cmake --build "$NATIVE_BUILD" -j "$JOBS"

stage "native tests (core, CLI, fuzz replays)"
(cd "$NATIVE_BUILD" && ctest --output-on-failure -j "$JOBS")

stage "JSON Schema against the reader's test files"
(cd "$ROOT/tests/schema" && node --test --test-reporter=spec)

stage "ASan+UBSan build of the core tests (Debug)"
cmake -S "$ROOT" -B "$ROOT/build/asan" -DCMAKE_BUILD_TYPE=Debug -DREFTIER_SANITIZE=ON \
  -DREFTIER_TEST_SHARDS="$JOBS" >/dev/null
cmake --build "$ROOT/build/asan" --target reftier_core_tests -j "$JOBS"

stage "ASan+UBSan core tests"
# Only the core suite is built here; its shards run side by side.
(cd "$ROOT/build/asan" && ctest --output-on-failure -j "$JOBS" -R '^core_native_')

stage "wasm build (core tests, the app)"
configure_wasm -DREFTIER_BUILD_TESTS=ON -DREFTIER_TEST_SHARDS="$JOBS"
cmake --build "$WASM_BUILD" -j "$JOBS"

stage "wasm core tests under node"
(cd "$WASM_BUILD" && ctest --output-on-failure -j "$JOBS")

stage "end-to-end tests in Chromium"
# Two files at a time on two cores: a test spends much of its time waiting on frames, the
# autosave or a timeout, which leaves a core free for the other file's browser.
(cd "$ROOT/tests/e2e" &&
   REFTIER_WEB="$WEB_OUT" node --test --test-concurrency="${E2E_JOBS:-1}" --test-reporter=spec)
end_stage
echo "all tests passed"

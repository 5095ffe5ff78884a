#!/usr/bin/env bash
# Performance figures (docs/performance.md): builds the app and the benchmark modules in
# build/bench-wasm, then runs the six benchmarks and prints each figure next to its target and
# its peer (write-good, the browser's JSON.parse / JSON.stringify). Figures, not tests: a slow
# or busy machine gives worse numbers, never a failure.
#
#   scripts/bench.sh            the benchmarks (a few minutes, plus the first build)
#   scripts/bench.sh --only P   one part: title, core (read/write under node), start, browser
#   scripts/bench.sh --profile  where the time goes: a native build of the same core in
#                               build/bench-native, run under valgrind's callgrind on 10,000
#                               titles and a 10,000-reference document; prints the costliest
#                               functions (inclusive instruction counts)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/setup.sh"

# Prints the $2 costliest functions of callgrind's report on $1 (inclusive instruction counts).
# Through a file and grep -m, not head: head would cut the pipe, which pipefail counts as failing.
top_functions() {
  callgrind_annotate --inclusive=yes "$1" > "$1.txt"
  grep -m "$2" -E '^ *[0-9,]+ \(' "$1.txt" | cut -c1-160
}

profile() {
  command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind" >&2; exit 1; }
  local build="$ROOT/build/bench-native"
  cmake -S "$ROOT/bench" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j "$JOBS"
  PROFILE_DIR=$(mktemp -d)
  trap 'rm -rf "$PROFILE_DIR"' EXIT
  node "$ROOT/bench/inputs.mjs" "$PROFILE_DIR" 10000
  echo "== title checks: 10,000 titles"
  valgrind --tool=callgrind --callgrind-out-file="$PROFILE_DIR/title.out" \
    "$build/title_bench" "$ROOT/assets/title_rules.json" "$PROFILE_DIR/titles.tsv" >/dev/null 2>&1
  top_functions "$PROFILE_DIR/title.out" 30
  echo "== document read, write and the work after an import: 10,000 references"
  valgrind --tool=callgrind --callgrind-out-file="$PROFILE_DIR/doc.out" \
    "$build/doc_bench" "$PROFILE_DIR/document.json" "$ROOT/assets/title_rules.json" \
    "$ROOT/assets/tier_rules.json" >/dev/null 2>&1
  top_functions "$PROFILE_DIR/doc.out" 45
}

if [ "${1:-}" = "--profile" ]; then
  profile
  exit 0
fi

BENCH_BUILD="${BENCH_BUILD:-$ROOT/build/bench-wasm}" # a separate directory per working copy
emcmake cmake -S "$ROOT" -B "$BENCH_BUILD" -DCMAKE_BUILD_TYPE=Release -DREFTIER_BUILD_TESTS=OFF \
  -DREFTIER_BUILD_BENCH=ON >/dev/null
cmake --build "$BENCH_BUILD" --target reftier_app title_bench doc_bench sax_bench -j "$JOBS"
node "$ROOT/bench/run.mjs" --web "$BENCH_BUILD/web" --modules "$BENCH_BUILD/bench" "$@"

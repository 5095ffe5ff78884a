#!/usr/bin/env bash
# Fuzzes the core with libFuzzer (clang-14, ASan + UBSan) for a bounded time per target.
#
#   scripts/fuzz.sh                 every target, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh document title
#
# Targets (tests/fuzz/<target>_fuzz.cpp): document (read_document, round trip, every check),
# title (check_title), csv (read_references_csv, once the core builds it).
# Builds in build/fuzz with -DREFTIER_BUILD_FUZZERS=ON. Inputs that find new coverage go to
# build/fuzz/corpus/<target>/ (kept between runs; tests/fuzz/corpus/<target>/ holds the seeds
# and is never written). Crash, leak, timeout and out-of-memory inputs of the run go to
# build/fuzz/artifacts/<target>/, emptied at the start of each run: to keep one, copy it into
# tests/fuzz/regressions/<target>/, where ctest replays it (fuzz_replay_<target>).
# Prints the executions per target and any crash files; exits 1 when one was found.
# Needs clang-14 and libFuzzer's runtime (Debian package libclang-rt-14-dev).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_BUILD="$ROOT/build/fuzz"

for tool in clang-14 clang++-14; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool not found (apt-get install clang-14)" >&2; exit 2; }
done
runtime_dir="$(clang++-14 --print-runtime-dir)"
if ! compgen -G "$runtime_dir/libclang_rt.fuzzer-*.a" >/dev/null; then
  echo "fuzz.sh: libFuzzer's runtime is missing from $runtime_dir" >&2
  echo "         (apt-get install libclang-rt-14-dev)" >&2
  exit 2
fi

echo "== configuring and building the fuzzers in $FUZZ_BUILD"
CC=clang-14 CXX=clang++-14 cmake -S "$ROOT" -B "$FUZZ_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DREFTIER_BUILD_FUZZERS=ON -DREFTIER_BUILD_TESTS=OFF >/dev/null
# The targets CMake knows (csv only once the core has it), unless named on the command line.
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cmake --build "$FUZZ_BUILD" --target help |
                           sed -n 's/^\.\.\. \(.*\)_fuzzer$/\1/p' | sort)
fi
[ ${#targets[@]} -gt 0 ] || { echo "fuzz.sh: no fuzz targets configured" >&2; exit 2; }
cmake --build "$FUZZ_BUILD" -j "$JOBS" --target "${targets[@]/%/_fuzzer}"

summary=()
crash_files=()
for target in "${targets[@]}"; do
  fuzzer="$FUZZ_BUILD/tests/fuzz/${target}_fuzzer"
  corpus="$FUZZ_BUILD/corpus/$target"
  artifacts="$FUZZ_BUILD/artifacts/$target"
  log="$FUZZ_BUILD/logs/$target.log"
  mkdir -p "$corpus" "$(dirname "$log")"
  rm -rf "$artifacts" && mkdir -p "$artifacts"
  options=(-max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=5 -print_final_stats=1
           -artifact_prefix="$artifacts/")
  dict="$ROOT/tests/fuzz/$target.dict"
  [ -f "$dict" ] && options+=(-dict="$dict")

  echo "== fuzzing $target for $FUZZ_SECONDS s (log: $log)"
  status=0
  "$fuzzer" "${options[@]}" "$corpus" "$ROOT/tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=()
  for file in "$artifacts"/*; do [ -e "$file" ] && found+=("$file"); done
  summary+=("$(printf '%-10s %12s executions %8s/s  corpus %5d  exit %d  crash files %d' "$target" \
    "${executions:-?}" "${per_second:-?}" "$(find "$corpus" -type f | wc -l)" "$status" "${#found[@]}")")
  if [ ${#found[@]} -gt 0 ] || [ "$status" -ne 0 ]; then
    # libFuzzer's report: the sanitizer or property message and the stack.
    grep -m1 -A40 -E '^==[0-9]+==ERROR|property violated|runtime error|^==[0-9]+== ERROR' "$log" || tail -40 "$log"
    crash_files+=("${found[@]+"${found[@]}"}")
    [ ${#found[@]} -gt 0 ] || crash_files+=("($target exited $status without a crash file; see $log)")
  fi
done

echo "== fuzzing summary ($FUZZ_SECONDS s per target)"
printf '%s\n' "${summary[@]}"
if [ ${#crash_files[@]} -gt 0 ]; then
  echo "crash files (reproduce with build/fuzz/tests/fuzz/<target>_fuzzer FILE):"
  printf '  %s\n' "${crash_files[@]}"
  exit 1
fi
echo "no crashes"

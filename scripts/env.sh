# Sourced by the scripts: paths and the environment Debian's emscripten 3.1.6 needs.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# emcc's JS optimiser needs Debian's node-acorn, which this Node does not look for by itself.
export NODE_PATH=/usr/share/nodejs
JOBS="${JOBS:-$(nproc)}"
NATIVE_BUILD="$ROOT/build/native"
ASAN_BUILD="$ROOT/build/asan"
# The sanitized core suite runs in more shards than cores: its slowest tests then share a core
# with the short ones instead of leaving one shard running alone at the end.
ASAN_SHARDS="${ASAN_SHARDS:-$((JOBS * 2))}"
WASM_BUILD="$ROOT/build/wasm"
WEB_OUT="$WASM_BUILD/web"

configure_native() {
  cmake -S "$ROOT" -B "$NATIVE_BUILD" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
}

# Debug (assertions on) with AddressSanitizer and UndefinedBehaviorSanitizer (CMakeLists.txt).
configure_asan() {
  cmake -S "$ROOT" -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=Debug -DREFTIER_SANITIZE=ON "$@" >/dev/null
}

configure_wasm() {
  emcmake cmake -S "$ROOT" -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
}

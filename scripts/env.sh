# Sourced by the scripts: paths and the environment Debian's emscripten 3.1.6 needs.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# emcc's JS optimiser needs Debian's node-acorn, which this Node does not look for by itself.
export NODE_PATH=/usr/share/nodejs
JOBS="${JOBS:-$(nproc)}"
NATIVE_BUILD="$ROOT/build/native"
WASM_BUILD="$ROOT/build/wasm"
WEB_OUT="$WASM_BUILD/web"

configure_native() {
  cmake -S "$ROOT" -B "$NATIVE_BUILD" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
}

configure_wasm() {
  emcmake cmake -S "$ROOT" -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
}

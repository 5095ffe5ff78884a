#!/usr/bin/env bash
# Sets up the machine, builds the web app and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/scripts/setup.sh"
configure_wasm
cmake --build "$WASM_BUILD" --target reftier_app -j "$JOBS"
PORT="${PORT:-8080}"
echo "RefTier is at http://127.0.0.1:$PORT/  (Ctrl+C stops it)"
exec node "$ROOT/scripts/serve.mjs" "$WEB_OUT" "$PORT"

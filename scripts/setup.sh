#!/usr/bin/env bash
# Installs everything RefTier needs on a fresh Debian bookworm machine. Idempotent: each step
# checks first and skips what is already present. Nothing is cached outside the repository
# except what apt and npm install system-wide.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/build/deps"
IMGUI_VERSION="1.90.1"
UTF8PROC_VERSION="2.8.0"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

log() { printf '[setup] %s\n' "$*"; }

# libclang-rt-14-dev: libFuzzer and the sanitizer runtimes for clang (scripts/fuzz.sh).
# patch: applies scripts/patches/ to the imgui sources.
# python3-fonttools: the build subsets the embedded font (scripts/subset_font.py) and slices the
# fallback fonts (scripts/slice_fonts.py): fonts-noto-cjk for CJK.
apt_packages=(cmake g++ clang-14 lld-14 libclang-rt-14-dev emscripten nlohmann-json3-dev googletest
              chromium fonts-dejavu-core fonts-noto-cjk python3-fonttools xz-utils nodejs npm python3
              dpkg-dev patch)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm may come from another source on some machines; only ask apt when the tools are absent.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null || filtered+=("$p") ;;
    npm) command -v npm >/dev/null || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
missing=("${filtered[@]+"${filtered[@]}"}")

# Debian 13's imgui 1.90.1 source package: bookworm's 1.86 lacks imgui_stdlib and the
# emscripten canvas resize callback (see shared/TOOLCHAIN.md).
SRC_LIST=/etc/apt/sources.list.d/reftier-trixie-src.sources
need_update=0
if [ ! -f "$SRC_LIST" ]; then
  log "adding deb-src entry for trixie (imgui source package)"
  $SUDO tee "$SRC_LIST" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ ${#missing[@]} -gt 0 ] || [ "$need_update" = 1 ]; then
  log "apt-get update"
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

IMGUI_DIR="$DEPS/imgui-$IMGUI_VERSION"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  log "fetching imgui $IMGUI_VERSION source package"
  mkdir -p "$DEPS/imgui-src"
  (cd "$DEPS/imgui-src" && apt-get source --download-only "imgui=$IMGUI_VERSION+ds-1" >/dev/null 2>&1 ||
     apt-get source --download-only imgui/trixie)
  tarball=$(ls "$DEPS"/imgui-src/imgui_"$IMGUI_VERSION"*.orig.tar.* | head -n 1)
  mkdir -p "$IMGUI_DIR"
  tar -xf "$tarball" -C "$IMGUI_DIR" --strip-components=1
  test -f "$IMGUI_DIR/imgui.cpp" || { echo "imgui sources missing after extract" >&2; exit 1; }
  grep -q "IMGUI_VERSION *\"$IMGUI_VERSION\"" "$IMGUI_DIR/imgui.h" ||
    { echo "expected imgui $IMGUI_VERSION in $IMGUI_DIR" >&2; exit 1; }
fi
# Our change to the OpenGL3 backend (the patch says why), applied once: also to sources that an
# earlier setup extracted without it.
if ! grep -q IMGUI_IMPL_OPENGL_NO_STATE_BACKUP "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp"; then
  log "patching imgui: scripts/patches/imgui-opengl3-no-state-backup.patch"
  patch -s -p1 -d "$IMGUI_DIR" < "$ROOT/scripts/patches/imgui-opengl3-no-state-backup.patch"
fi

# utf8proc (Unicode case folding and decomposition for the table's filter and sort): one copy of
# Debian's source package, built into the native and the wasm core alike, so both fold the same
# Unicode version. Bookworm's 2.8.0-1, the version of its libutf8proc-dev: trixie's index names
# a 2.9.0-1 that its pool no longer holds. Bookworm's source index is read into a private apt
# state under build/deps, so the machine's apt sources stay as they are.
UTF8PROC_DIR="$DEPS/utf8proc-$UTF8PROC_VERSION"
if [ ! -f "$UTF8PROC_DIR/utf8proc.c" ]; then
  log "fetching utf8proc $UTF8PROC_VERSION source package"
  APT_STATE="$DEPS/apt-bookworm-src"
  mkdir -p "$APT_STATE/lists/partial" "$APT_STATE/sources" "$DEPS/utf8proc-src"
  cat > "$APT_STATE/sources/bookworm-src.sources" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_src=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$APT_STATE/sources"
           -o "Dir::State::Lists=$APT_STATE/lists")
  apt-get "${apt_src[@]}" update -qq
  (cd "$DEPS/utf8proc-src" && apt-get "${apt_src[@]}" source --download-only "utf8proc=$UTF8PROC_VERSION-1" >/dev/null)
  mkdir -p "$UTF8PROC_DIR"
  tar -xf "$DEPS/utf8proc-src/utf8proc_$UTF8PROC_VERSION.orig.tar.gz" -C "$UTF8PROC_DIR" --strip-components=1
  grep -q "UTF8PROC_VERSION_MINOR 8" "$UTF8PROC_DIR/utf8proc.h" ||
    { echo "expected utf8proc $UTF8PROC_VERSION in $UTF8PROC_DIR" >&2; exit 1; }
fi

# emcc must not see /usr/include (glibc headers break wasm builds): expose only nlohmann/.
mkdir -p "$DEPS/include"
[ -e "$DEPS/include/nlohmann" ] || ln -s /usr/include/nlohmann "$DEPS/include/nlohmann"

if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
  log "installing npm packages for the browser tests"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$ROOT/tests/schema/node_modules/ajv" ]; then
  log "installing npm packages for the schema test (ajv)"
  (cd "$ROOT/tests/schema" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$ROOT/scripts/service_worker/node_modules/workbox-build" ]; then
  log "installing npm packages for the service worker's build (workbox-build)"
  (cd "$ROOT/scripts/service_worker" && npm ci --no-audit --no-fund --loglevel=error)
fi
# Checked by its newest package, so a machine set up before lighthouse was added gets it too.
if [ -f "$ROOT/bench/package.json" ] && [ ! -d "$ROOT/bench/node_modules/lighthouse" ]; then
  log "installing npm packages for the benchmarks (write-good, playwright-core, lighthouse)"
  (cd "$ROOT/bench" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "ready"

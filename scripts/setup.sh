#!/usr/bin/env bash
# Installs the Debian packages thaidoc needs (only those missing) and builds build/thaidoc (Release).
# Also installs the PDF readers of the seven-reader extraction test (tests/seven_readers_test.cpp):
# MuPDF, pdfminer.six, pypdf, PDFBox (Java) from Debian, and pdf.js and PDFium from npm, pinned by
# tests/readers/package-lock.json and installed with `npm ci` into tests/readers/node_modules;
# and the web page's browser test (tests/web): Debian's chromium, and puppeteer-core (with the
# libraries scripts/vendor_web.sh copies into src/web/vendor) pinned by tests/web/package-lock.json.
# Idempotent: safe to run again; a second run installs nothing and only rebuilds what changed.
#
# Environment:
#   BUILD_DIR     build directory (default: build)
#   BUILD_TYPE    CMake build type (default: Release)
#   JOBS          parallel build jobs (default: nproc)
#   SKIP_INSTALL  set to 1 to skip the package check/installation (Debian and npm)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-Release}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

PACKAGES=(
  build-essential cmake pkg-config
  libhpdf-dev libharfbuzz-dev libfreetype-dev libyaml-cpp-dev
  libthai-dev libthai-data libcli11-dev libgtest-dev libpng-dev libjpeg-dev
  libhyphen-dev hyphen-en-us
  poppler-utils qpdf time
  help2man bash-completion file
  mupdf-tools python3-pdfminer python3-pypdf libpdfbox2-java default-jre-headless nodejs npm
  libfontconfig-dev fonts-tlwg-laksaman-otf python3-jsonschema python3-yaml
  libcpp-httplib-dev
  chromium
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    # A Node.js that brings its own npm (e.g. NodeSource's nodejs package) conflicts with
    # Debian's npm package: any working node + npm will do.
    if [[ $p == nodejs || $p == npm ]] && command -v node >/dev/null && command -v npm >/dev/null; then
      continue
    fi
    # dpkg -s also lists removed-but-not-purged packages; require "install ok installed".
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then
    log "packages: all ${#PACKAGES[@]} present"
    return
  fi
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]} by hand"
    # Without a terminal (CI) sudo must not wait for a password.
    if [[ -t 0 ]]; then sudo=(sudo); else sudo=(sudo -n); fi
  fi
  log "installing: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    || die "apt-get update failed"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || die "apt-get install failed for: ${missing[*]}"
}

# npm packages exactly as locked in DIR/package-lock.json; again only when the lock changed.
npm_ci() {
  local dir=$1 what=$2 stamp=$1/node_modules/.thaidoc-lock
  if [[ -f $stamp ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
    log "npm $dir: present"
    return
  fi
  command -v npm >/dev/null || die "npm missing: install nodejs and npm"
  log "npm ci in $dir/ ($what)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $dir"
  cp "$dir/package-lock.json" "$stamp"
}

# pdf.js and PDFium for the extraction test; puppeteer-core for the web page's browser test.
install_node_packages() {
  npm_ci tests/readers "pdfjs-dist, @hyzyla/pdfium"
  npm_ci tests/web "puppeteer-core, yaml, pdfjs-dist"
}

build() {
  log "configuring ($BUILD_TYPE) in $BUILD_DIR/"
  local log_file
  log_file=$(mktemp "${TMPDIR:-/tmp}/thaidoc-setup.XXXXXX")
  # Keep output quiet on success; show everything on failure.
  if ! cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >"$log_file" 2>&1; then
    cat "$log_file" >&2
    rm -f "$log_file"
    die "cmake configure failed"
  fi
  log "building with -j$JOBS"
  if ! cmake --build "$BUILD_DIR" -j"$JOBS" >"$log_file" 2>&1; then
    # The first errors (the cause) and the end of the log (what stopped).
    { grep -E '(error|Error)[: ]' "$log_file" | head -n 20 || true; } >&2
    printf -- '---- last 40 lines of the build log ----\n' >&2
    tail -n 40 "$log_file" >&2
    rm -f "$log_file"
    die "build failed"
  fi
  # Surface compiler warnings even when the build succeeds.
  local warnings
  warnings=$(grep ': warning: ' "$log_file" | sort -u || true)
  if [[ -n $warnings ]]; then
    log "compiler warnings ($(wc -l <<<"$warnings") distinct, first 10):"
    head -n 10 <<<"$warnings" | cut -c1-220 >&2
  fi
  rm -f "$log_file"
  [[ -x "$BUILD_DIR/thaidoc" ]] || die "build finished but $BUILD_DIR/thaidoc is missing"
  log "built $BUILD_DIR/thaidoc"
}

if [[ ${SKIP_INSTALL:-0} != 1 ]]; then
  install_packages
  install_node_packages
fi
build

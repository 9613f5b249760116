#!/usr/bin/env bash
# Installs the Debian 12 packages gongkai needs to build, test and render.
# Idempotent: packages already present are skipped by apt-get.
#   scripts/bootstrap.sh        what `make demo` and `make test` need
#   scripts/bootstrap.sh fuzz   also clang and libFuzzer's runtime (.ci/run fuzzes briefly)
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build ccache pkg-config clang-format bc
  libfmt-dev libcli11-dev libyaml-cpp-dev libfyaml-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk python3-jsonschema
  libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev libxlsxwriter-dev poppler-utils
  libzip-dev libpugixml-dev zlib1g-dev
  libdeflate-dev  # reader/pdf_guard.cc: the inflation guard's fast path
  libpoppler-cpp-dev libpoppler-private-dev poppler-data  # private: poppler's text output (reader/pdf_words.cc)
  libcpp-httplib-dev libsqlite3-dev libargon2-dev libssl-dev
  qpdf
  libreoffice-calc-nogui fonts-crosextra-carlito  # tests/libreoffice_test.sh (Carlito: Calibri's metrics)
  nodejs chromium
  libpqxx-dev postgresql
)
# npm: Debian's package, unless the installed nodejs brings its own (NodeSource's nodejs
# includes npm and conflicts with Debian's npm package).
command -v npm >/dev/null 2>&1 || PKGS+=(npm)
# `bootstrap.sh fuzz` adds what scripts/fuzz.sh needs (clang and its fuzzer runtime).
if [ "${1:-}" = fuzz ]; then PKGS+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

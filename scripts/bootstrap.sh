#!/usr/bin/env bash
# Installs the Debian 12 packages gongkai needs to build, test and render.
# Idempotent: packages already present are skipped by apt-get.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build ccache pkg-config clang-format bc
  libfmt-dev libcli11-dev libyaml-cpp-dev libfyaml-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk python3-jsonschema
  libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev libxlsxwriter-dev poppler-utils
  libzip-dev libpugixml-dev zlib1g-dev
  libpoppler-cpp-dev poppler-data
  libcpp-httplib-dev libsqlite3-dev libargon2-dev libssl-dev
  libpqxx-dev postgresql
)
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

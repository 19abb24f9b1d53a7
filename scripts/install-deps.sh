#!/usr/bin/env bash
# Installs the Debian packages Parley builds and runs with, if any is missing. Needs root (or
# sudo) the first time; does nothing when everything is there.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config python3
  librocksdb-dev libboost-graph-dev nlohmann-json3-dev catch2
  liblink-grammar-dev link-grammar-dictionaries-en
  wordnet-base wordnet-dev iso-codes libreadline-dev
  python3-networkx graphviz raptor2-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

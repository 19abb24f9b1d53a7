#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds Parley, and runs its main job on the
# sample articles in data/samples: extract and store their facts, then print who demands what
# of whom.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_TESTS=OFF -DPARLEY_BENCH=OFF >/dev/null
cmake --build build --target parley

db=$(mktemp -d)/samples.db
./build/parley ingest --db "$db" data/samples
./build/parley stats --db "$db"
echo
echo "Who demands what of whom:"
./build/parley demands --db "$db"
echo "The sample database is at $db"

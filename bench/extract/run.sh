#!/usr/bin/env bash
# Extraction benchmark: Link Grammar alone against Extractor::Extract with 1 and 2 jobs on the
# first articles of the real news corpus (../shared/corpus/news.jsonl.gz). See README.md.
#
# Usage: bench/extract/run.sh [PATH/TO/parley_bench_extract] [CORPUS.jsonl[.gz]] [options]
#   e.g. bench/extract/run.sh build-bx/bench/parley_bench_extract --articles 200
#        bench/extract/run.sh ../shared/corpus/politics.jsonl --articles 40 --parse-sentences 100000
# It builds nothing: build first (cmake --build build --target parley_bench_extract).
# Environment (all optional):
#   PARLEY_SHARED      the shared folder                 (default: <repo>/../shared)
#   RUNS               how many times to run it           (default: 1)
#   RESULTS            file the JSON lines are added to   (default: /tmp/parley-bench/extract.jsonl)
# Exit status: 0, also when ../shared is absent (nothing to measure); 1 if the benchmark fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
runs="${RUNS:-1}"
results="${RESULTS:-/tmp/parley-bench/extract.jsonl}"

bin="$repo/build/bench/parley_bench_extract"
if [[ $# -gt 0 && "$1" != -* && -x "$1" && ! -d "$1" ]]; then
  bin="$1"
  shift
fi

corpus="$shared/corpus/news.jsonl.gz"
if [[ $# -gt 0 && "$1" != -* ]]; then
  corpus="$1"
  shift
fi
if [[ ! -f "$corpus" ]]; then
  echo "run.sh: $corpus not found (no ../shared beside the repo?); nothing to measure." >&2
  exit 0
fi
if [[ ! -x "$bin" ]]; then
  echo "run.sh: $bin not found; build it first: cmake --build $repo/build --target parley_bench_extract" >&2
  exit 1
fi

mkdir -p "$(dirname "$results")"
for ((run = 1; run <= runs; run++)); do
  echo "== run $run/$runs, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  # The report goes to stderr, the JSON summary line to stdout.
  "$bin" "$corpus" --jsonl "$@" >>"$results"
done
echo "run.sh: JSON lines in $results" >&2

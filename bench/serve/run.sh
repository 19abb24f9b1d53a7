#!/usr/bin/env bash
# Serve benchmark: parley serve under 1, 8 and 32 concurrent clients on loopback, on the
# synthetic news graph of bench/query, with one more client ingesting corpus articles, and
# the cost of a small query over HTTP against in process (parley_bench_serve; README.md).
#
# Usage: bench/serve/run.sh
# It builds nothing: build first (cmake --build build --target parley parley_bench_query
# parley_bench_serve).
# Environment (all optional):
#   PARLEY_SHARED      the shared folder                     (default: <repo>/../shared)
#   PARLEY_BENCH_DATA  gen.py output, made if missing        (default: /tmp/parley-bench/s1)
#   PARLEY_BENCH_WORK  stores                                (default: /tmp/parley-bench/work)
#   DURATION           seconds per number of clients         (default: 30)
#   CLIENTS            numbers of clients                    (default: 1,8,32)
#   ARTICLES           corpus articles offered for ingest    (default: 400)
#   OVERHEAD_RUNS      runs of the small query, each side    (default: 2000)
# The query benchmark's store ($PARLEY_BENCH_WORK/query-s1.db, loaded by parley_bench_query if
# missing) is copied afresh to serve-s1.db for each run, so that the articles ingested here
# never reach it. Exit status: 0, also when ../shared is absent; 1 if the benchmark cannot run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
data="${PARLEY_BENCH_DATA:-/tmp/parley-bench/s1}"
work="${PARLEY_BENCH_WORK:-/tmp/parley-bench/work}"
bin="$repo/build/bench/parley_bench_serve"
query_bin="$repo/build/bench/parley_bench_query"
parley="$repo/build/parley"

if [[ ! -f "$shared/bench/graph/gen.py" || ! -f "$shared/corpus/news.jsonl.gz" ]]; then
  echo "run.sh: no $shared/bench/graph/gen.py or $shared/corpus/news.jsonl.gz; nothing to measure." >&2
  exit 0
fi
for b in "$bin" "$query_bin" "$parley"; do
  if [[ ! -x "$b" ]]; then
    echo "run.sh: $b not found; build it first" >&2
    exit 1
  fi
done
if [[ ! -f "$data/meta.json" ]]; then
  echo "run.sh: generating the scale-1 graph into $data (~20 s)" >&2
  mkdir -p "$data"
  python3 "$shared/bench/graph/gen.py" --scale 1 --out "$data" --no-nt >/dev/null
fi
mkdir -p "$work"
# The query benchmark loads (or checks) its store with one cheap query.
"$query_bin" "$data" --db "$work/query-s1.db" --only Q1 --runs 1 >/dev/null
rm -rf "$work/serve-s1.db"
cp -a "$work/query-s1.db" "$work/serve-s1.db"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$tmp/token"
(zcat "$shared/corpus/news.jsonl.gz" || true) | head -n "${ARTICLES:-400}" >"$tmp/articles.jsonl"

echo "run.sh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$bin" --parley "$parley" --db "$work/serve-s1.db" --meta "$data/meta.json" \
  --token-file "$tmp/token" --articles "$tmp/articles.jsonl" \
  --duration "${DURATION:-30}" --clients "${CLIENTS:-1,8,32}" \
  --overhead-runs "${OVERHEAD_RUNS:-2000}" | tee -a "$work/serve-results.jsonl"

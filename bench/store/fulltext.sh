#!/usr/bin/env bash
# Full-text index benchmark: article ingest through GraphStore::WriteArticle with and without
# the index in the same run (ratio), the index's bytes on disk, and search latency
# (parley_bench_fulltext; see README.md).
#
# Usage: bench/store/fulltext.sh [PATH/TO/parley_bench_fulltext] [extra options]
# It builds nothing: build first (cmake -DPARLEY_BENCH=ON, target parley_bench_fulltext, and
# parley). The articles are ../shared/corpus/politics.jsonl, extracted once with
# `parley extract --format jsonl` into $PARLEY_BENCH_WORK/politics.facts.jsonl (kept for later runs).
# Environment (optional): PARLEY_SHARED (default <repo>/../shared), PARLEY_BENCH_WORK
# (default /tmp/parley-bench/fulltext), ARTICLES (a .jsonl of articles instead of the corpus),
# ROUNDS (default 5).
# Exit status: 0, also when the corpus is absent (nothing to measure); 1 if the benchmark fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
work="${PARLEY_BENCH_WORK:-/tmp/parley-bench/fulltext}"
articles="${ARTICLES:-$shared/corpus/politics.jsonl}"
bin="$repo/build/bench/parley_bench_fulltext"
if [[ $# -gt 0 && "$1" != --* ]]; then
  bin="$1"
  shift
fi
if [[ ! -f "$articles" ]]; then
  echo "fulltext.sh: $articles not found; nothing to measure." >&2
  exit 0
fi
if [[ ! -x "$bin" || ! -x "$repo/build/parley" ]]; then
  echo "fulltext.sh: build parley and $bin first" >&2
  exit 1
fi
mkdir -p "$work"
facts="$work/$(basename "$articles" .jsonl).facts.jsonl"
if [[ ! -s "$facts" || "$facts" -ot "$articles" ]]; then
  echo "fulltext.sh: extracting $articles into $facts (once)" >&2
  "$repo/build/parley" extract --format jsonl "$articles" >"$facts.tmp"
  mv "$facts.tmp" "$facts"
fi
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$bin" "$facts" --work "$work/stores" --rounds "${ROUNDS:-5}" "$@"

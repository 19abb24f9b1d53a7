#!/usr/bin/env bash
# Order independence of linking at ingest on a real corpus: ingests the articles of
# ../shared/corpus/clusters.jsonl (or FILE) three ways — in corpus order, in reverse order, and
# in corpus order twice into one store — and compares the three stores' `parley export
# --format json` (every node and relationship with its properties: actors, events, their
# REPORTED_IN and source lists) and `parley stats`. Prints the counts and "identical" or the
# first difference; exit 1 when they differ.
# Usage: bench/linking/order.sh [PATH/TO/parley] [ARTICLES.jsonl]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
parley="${1:-$repo/build/parley}"
work="$(mktemp -d "${TMPDIR:-/tmp}/parley-order.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [[ -n "${2:-}" ]]; then
  cp "$2" "$work/forward.jsonl"
else
  clusters="$shared/corpus/clusters.jsonl"
  [[ -f "$clusters" ]] || { echo "order.sh: $clusters not found; nothing to measure" >&2; exit 0; }
  python3 "$here/clusters.py" prepare "$clusters" "$work/forward.jsonl"
fi
tac "$work/forward.jsonl" >"$work/backward.jsonl"
"$parley" ingest --db "$work/forward" "$work/forward.jsonl" >&2
"$parley" ingest --db "$work/backward" "$work/backward.jsonl" >&2
"$parley" ingest --db "$work/twice" "$work/forward.jsonl" >&2
"$parley" ingest --db "$work/twice" "$work/forward.jsonl" >&2
status=0
for db in forward backward twice; do
  "$parley" export --db "$work/$db" --format json -o "$work/$db.json"
  "$parley" stats --db "$work/$db" --format csv >"$work/$db.stats"
done
echo "articles: $(wc -l <"$work/forward.jsonl")"
grep -E '^(total|label|type),(articles|nodes|relationships|Actor|Article|Demand|REPORTED_IN),' "$work/forward.stats"
for db in backward twice; do
  if cmp -s "$work/forward.json" "$work/$db.json" && cmp -s "$work/forward.stats" "$work/$db.stats"; then
    echo "forward vs $db: identical ($(wc -c <"$work/forward.json") bytes of export)"
  else
    echo "forward vs $db: DIFFERENT"; cmp "$work/forward.json" "$work/$db.json" || true; status=1
  fi
done
exit $status

#!/usr/bin/env bash
# Linking at ingest on ../shared/corpus/clusters.jsonl (several outlets reporting one event,
# 20 clusters): ingests every article into a fresh store, reads back each stored event with the
# articles that report it, and prints per cluster how many articles are linked to its main
# event and how many events were merged across clusters (clusters.py).
# Usage: bench/linking/clusters.sh [PATH/TO/parley]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
parley="${1:-$repo/build/parley}"
clusters="$shared/corpus/clusters.jsonl"
[[ -f "$clusters" ]] || { echo "clusters.sh: $clusters not found; nothing to measure" >&2; exit 0; }
work="$(mktemp -d "${TMPDIR:-/tmp}/parley-clusters.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$here/clusters.py" prepare "$clusters" "$work/articles.jsonl"
"$parley" ingest --db "$work/db" "$work/articles.jsonl" >&2
{
  "$parley" query --db "$work/db" --format jsonl \
    'MATCH (e)-[:REPORTED_IN]->(x:Article) RETURN id(e) AS node, labels(e)[0] AS kind, e.text AS text, collect(x.id) AS articles'
  "$parley" query --db "$work/db" --format jsonl \
    'MATCH (:Actor)-[r]->() WHERE r.articles IS NOT NULL RETURN id(r) AS relationship, type(r) AS kind, r.text AS text, r.articles AS articles'
} >"$work/events.jsonl"
python3 "$here/clusters.py" score "$clusters" "$work/events.jsonl"

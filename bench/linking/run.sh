#!/usr/bin/env bash
# Linking benchmark: `parley link` on the ECB+ documents of ../shared/bench/linking with the
# gold clusters hidden (topic, subtopic, cluster and mention ids removed, document ids replaced
# by opaque ones, lines shuffled), then the bench's scorer on events and on entities (gold
# mentions, exact spans, validated sentences, singletons included; figures in percent).
#
# Usage: bench/linking/run.sh [PATH/TO/parley] [SPLIT]     SPLIT: dev (default) or train
# It builds nothing: build first (cmake --build build --target parley).
# Environment: PARLEY_SHARED, the shared folder (default: <repo>/../shared);
#              PARLEY_LINK_WORK, where inputs and predictions go (default: /tmp/parley-link).
# Exit status: 0, also when ../shared is absent (nothing to measure).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
bin="${1:-$repo/build/parley}"
split="${2:-dev}"
work="${PARLEY_LINK_WORK:-/tmp/parley-link}"
bench="$shared/bench/linking"

if [[ ! -f "$bench/$split.jsonl" ]]; then
  echo "run.sh: $bench/$split.jsonl not found; nothing to measure" >&2
  exit 0
fi
[[ -x "$bin" ]] || { echo "run.sh: no parley binary at $bin (build first)" >&2; exit 1; }
mkdir -p "$work"

python3 "$here/anonymize.py" strip "$bench/$split.jsonl" "$work/$split.in.jsonl" "$work/$split.map.json"
start=$(date +%s.%N)
"$bin" link --format jsonl "$work/$split.in.jsonl" > "$work/$split.out.jsonl"
end=$(date +%s.%N)
python3 "$here/anonymize.py" restore "$work/$split.out.jsonl" "$work/$split.map.json" "$work/$split.pred.jsonl"
printf 'parley link on %s: %.2f s\n' "$split" "$(echo "$end - $start" | bc)"
for type in event entity; do
  echo "== $type =="
  python3 "$bench/score.py" "$bench/${split}_clusters.jsonl" "$work/$split.pred.jsonl" \
    --docs "$bench/$split.jsonl" --type "$type" --quiet
done

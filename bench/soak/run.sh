#!/usr/bin/env bash
# Soak run of the store: for DURATION seconds, ingest, query, export and `kill -9` at random on
# real articles, then check the store against a clean build of the same articles. See README.md.
#
# Usage: bench/soak/run.sh [DURATION_SECONDS]       (default 1800, or $DURATION)
# It builds nothing: build first (cmake --build build --target parley).
# Environment (all optional):
#   PARLEY_BIN     the parley binary                 (default: <repo>/build/parley)
#   PARLEY_SHARED  the shared folder                 (default: <repo>/../shared)
#   SOAK_WORK      scratch folder, emptied first     (default: /tmp/parley-soak)
#   SOAK_SEED      seed of the random choices        (default: the time)
#   SOAK_CHUNK     articles per ingest               (default: 20)
#   SOAK_ARTICLES  how many articles, from the start (default: 100)
#   SOAK_FACTS     facts of those articles (`parley extract --jobs 1`): skips the extraction,
#                  which takes a second or more per article, and the ingests of text (whose
#                  facts must be those of the same binary)
# Articles: every ../shared/corpus/*.jsonl with one article a line, else data/samples.
# Exit status: 0 if every answer was one the store held and the store ends identical to the
# clean build; 1 otherwise (the log says what differed); 2 on bad usage or missing binary.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
duration="${1:-${DURATION:-1800}}"
bin="${PARLEY_BIN:-$repo/build/parley}"
shared="${PARLEY_SHARED:-$repo/../shared}"
work="${SOAK_WORK:-/tmp/parley-soak}"
seed="${SOAK_SEED:-$(date +%s)}"
chunk="${SOAK_CHUNK:-20}"
limit="${SOAK_ARTICLES:-100}"
[[ "$duration" =~ ^[0-9]+$ ]] || { echo "run.sh: DURATION must be seconds, not '$duration'" >&2; exit 2; }
[[ -x "$bin" ]] || { echo "run.sh: no parley binary at $bin (build it first)" >&2; exit 2; }
RANDOM=$seed

rm -rf "$work"
mkdir -p "$work/chunks" "$work/raw" "$work/out"
db="$work/db"
log="$work/soak.log"
say() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$log"; }
problems=0
problem() { problems=$((problems + 1)); say "PROBLEM: $*"; }

# ---- the articles, and their facts extracted once
inputs=()
for f in "$shared"/corpus/*.jsonl; do
  [[ -f "$f" ]] || continue
  # One article a line has "text" at the top level; a file of clusters nests its articles.
  head -n 1 "$f" | grep -q '"articles":' && continue
  head -n 1 "$f" | grep -q '"text":' && inputs+=("$f")
done
if [[ ${#inputs[@]} -gt 0 ]]; then
  cat "${inputs[@]}" | head -n "$limit" > "$work/articles.jsonl"
  inputs=("$work/articles.jsonl")
else
  inputs=("$repo"/data/samples/*.txt)
fi
say "soak: seed $seed, $duration s, articles from ${inputs[*]}"
start_extract=$SECONDS
# One job: the parse-time bound counts process CPU time, so the facts of a sentence near it
# could depend on the number of threads; ingests of text below use one job too.
if [[ -n "${SOAK_FACTS:-}" ]]; then
  cp "$SOAK_FACTS" "$work/facts.jsonl"
elif ! nice "$bin" extract --jobs 1 "${inputs[@]}" > "$work/facts.jsonl" 2> "$work/extract.err"; then
  echo "run.sh: extract failed: $(tail -n 1 "$work/extract.err")" >&2
  exit 1
fi
articles=$(wc -l < "$work/facts.jsonl")
say "$articles articles' facts ready in $((SECONDS - start_extract)) s"
split -l "$chunk" -d -a 4 "$work/facts.jsonl" "$work/chunks/c"
chunks=("$work"/chunks/c*)
# The same articles as text, chunk by chunk, for ingests that extract (JSONL inputs only:
# `extract` keeps their order, one line each).
raw_ok=0
if [[ "${inputs[0]}" == *.jsonl && -z "${SOAK_FACTS:-}" ]]; then
  cat "${inputs[@]}" | split -l "$chunk" -d -a 4 --additional-suffix=.jsonl - "$work/raw/r"
  raw_ok=1
fi

# ---- the loop
count_articles() {  # errfile: prints the article count the store answers, nothing on an error
  "$bin" query --db "$db" --format jsonl 'MATCH (a:Article) RETURN count(a) AS n' 2> "$1" |
    sed -n 's/.*"n": *\([0-9]*\).*/\1/p'
}
# Accepts the exit status of a process of the soak; anything but success, our kill or a clean
# one-line refusal (store in use) is a problem.
check_exit() {  # name status errfile
  local name="$1" st="$2" err="$3"
  case "$st" in
    0|137) ;;
    1)
      if grep -q "in use by another process\|kept changing" "$err"; then
        busy=$((busy + 1))
      else
        problem "$name exit 1: $(tail -n 1 "$err")"
      fi ;;
    *) problem "$name exit $st: $(tail -n 2 "$err" | tr '\n' ' ')" ;;
  esac
}

# The store exists before the first reader comes: a missing store is an error readers report.
if ! "$bin" ingest --db "$db" --facts "${chunks[0]}" > /dev/null 2> "$work/out/first.err"; then
  echo "run.sh: first ingest failed: $(tail -n 1 "$work/out/first.err")" >&2
  exit 1
fi
end=$((SECONDS + duration))
cycles=0 kills=0 ingests_done=0 reads=0 busy=0 floor=0
while (( SECONDS < end )); do
  cycles=$((cycles + 1))
  # A quiet moment: the count now is the floor every later read must reach.
  now=$(count_articles "$work/out/quiet.err")
  if [[ -z "$now" ]]; then
    problem "cycle $cycles: count failed: $(tail -n 1 "$work/out/quiet.err")"
    now=0
  fi
  (( now < floor )) && problem "cycle $cycles: $now articles, fewer than the $floor seen before"
  floor=$now

  # The writer: a chunk of facts, or (one time in eight) a chunk of text to extract.
  c=${chunks[$((RANDOM % ${#chunks[@]}))]}
  if (( raw_ok && RANDOM % 8 == 0 )); then
    r="$work/raw/r${c##*/c}.jsonl"
    nice "$bin" ingest --db "$db" --jobs 1 "$r" > /dev/null 2> "$work/out/w.err" &
  else
    nice "$bin" ingest --db "$db" --facts "$c" > /dev/null 2> "$work/out/w.err" &
  fi
  wpid=$!
  # Sometimes a second writer at the same moment: the lock must keep it out or let it wait.
  w2pid=
  if (( RANDOM % 5 == 0 )); then
    c2=${chunks[$((RANDOM % ${#chunks[@]}))]}
    nice "$bin" ingest --db "$db" --facts "$c2" > /dev/null 2> "$work/out/w2.err" &
    w2pid=$!
  fi
  # Readers: counts, an export, stats.
  rpids=()
  rkinds=()
  nreaders=$((1 + RANDOM % 3))
  for ((k = 0; k < nreaders; ++k)); do
    kind=$((RANDOM % 3))
    case $kind in
      0) "$bin" query --db "$db" --format jsonl 'MATCH (a:Article) RETURN count(a) AS n' \
           > "$work/out/count$k.jsonl" 2> "$work/out/r$k.err" & ;;
      1) "$bin" export --db "$db" --format json > "$work/out/export$k.json" 2> "$work/out/r$k.err" & ;;
      2) "$bin" stats --db "$db" --format json > /dev/null 2> "$work/out/r$k.err" & ;;
    esac
    rpids+=($!)
    rkinds+=($kind)
  done
  sleep "$((RANDOM % 3)).$((RANDOM % 10))"
  if (( RANDOM % 10 < 6 )) && kill -0 "$wpid" 2> /dev/null; then
    kill -9 "$wpid" 2> /dev/null && kills=$((kills + 1))
  fi
  if (( RANDOM % 10 == 0 && ${#rpids[@]} > 0 )); then
    kill -9 "${rpids[0]}" 2> /dev/null
  fi
  wait "$wpid" 2> /dev/null; st=$?
  check_exit "ingest" "$st" "$work/out/w.err"
  (( st == 0 )) && ingests_done=$((ingests_done + 1))
  if [[ -n "$w2pid" ]]; then
    wait "$w2pid" 2> /dev/null; check_exit "second ingest" "$?" "$work/out/w2.err"
  fi
  for ((k = 0; k < ${#rpids[@]}; ++k)); do
    wait "${rpids[$k]}" 2> /dev/null; st=$?
    check_exit "reader $k (kind ${rkinds[$k]})" "$st" "$work/out/r$k.err"
    reads=$((reads + 1))
    if (( st == 0 && rkinds[k] == 0 )); then
      n=$(sed -n 's/.*"n": *\([0-9]*\).*/\1/p' "$work/out/count$k.jsonl")
      if [[ -z "$n" ]] || (( n < floor )); then
        problem "cycle $cycles: a read beside the writer answered '${n}' articles, below the $floor held before it"
      fi
    fi
  done
  if (( cycles % 25 == 0 )); then
    say "cycle $cycles: $floor articles, $kills kills, $ingests_done ingests finished, $reads reads, $busy refusals, $problems problems"
  fi
done

# ---- the check against clean builds
say "loop done: $cycles cycles, $kills kills of a running ingest, $ingests_done ingests finished, $reads reads, $busy refusals (store in use)"
compare() {  # label storeA storeB
  local a b
  "$bin" export --db "$2" --format json > "$work/$1.soak.json" || problem "$1: export of the soaked store failed"
  "$bin" export --db "$3" --format json > "$work/$1.clean.json" || problem "$1: export of the clean store failed"
  "$bin" stats --db "$2" --format json > "$work/$1.soak.stats" || problem "$1: stats of the soaked store failed"
  "$bin" stats --db "$3" --format json > "$work/$1.clean.stats" || problem "$1: stats of the clean store failed"
  if cmp -s "$work/$1.soak.json" "$work/$1.clean.json" && cmp -s "$work/$1.soak.stats" "$work/$1.clean.stats"; then
    say "$1: identical (export json $(wc -c < "$work/$1.soak.json") bytes, stats $(tr -d '\n' < "$work/$1.soak.stats" | cut -c1-160))"
  else
    problem "$1: the soaked store differs from the clean build (see $work/$1.*)"
  fi
}
# 1. As it stands: a clean store of exactly the articles the soaked one holds.
"$bin" query --db "$db" --format jsonl 'MATCH (a:Article) RETURN a.id AS id' 2> "$work/held.err" |
  sed -n 's/^{"id": *"\(.*\)"}$/\1/p' > "$work/held.ids" || problem "listing the held articles failed"
# A facts line's id is its top-level "doc" (text is escaped, so the pattern cannot occur there).
awk 'NR == FNR { held["\"doc\":\"" $0 "\""] = 1; next }
     { if (match($0, /"doc":"[^"]*"/)) { if (substr($0, RSTART, RLENGTH) in held) print } }' \
  "$work/held.ids" "$work/facts.jsonl" > "$work/held.jsonl"
say "the soaked store holds $(wc -l < "$work/held.ids") articles ($(wc -l < "$work/held.jsonl") matched in the facts)"
"$bin" ingest --db "$work/clean-held" --facts "$work/held.jsonl" > /dev/null 2> "$work/clean-held.err" ||
  problem "clean build of the held articles failed: $(tail -n 1 "$work/clean-held.err")"
compare held "$db" "$work/clean-held"
# 2. Completed: every article ingested once more, against a clean store of them all.
"$bin" ingest --db "$db" --facts "$work/facts.jsonl" > /dev/null 2> "$work/final.err" ||
  problem "final ingest failed: $(tail -n 1 "$work/final.err")"
"$bin" ingest --db "$work/clean-all" --facts "$work/facts.jsonl" > /dev/null 2> "$work/clean-all.err" ||
  problem "clean build of all articles failed: $(tail -n 1 "$work/clean-all.err")"
compare all "$db" "$work/clean-all"

if (( problems == 0 )); then
  say "RESULT: pass ($cycles cycles, $kills kills, $reads reads; identical to the clean builds)"
  exit 0
fi
say "RESULT: FAIL ($problems problems; see $log)"
exit 1

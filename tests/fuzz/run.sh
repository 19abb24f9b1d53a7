#!/usr/bin/env bash
# Builds a libFuzzer target with clang (ASan + UBSan + coverage) and fuzzes it for SECONDS
# (default 300). TARGET picks the target:
#   query         (default) query text through the lexer, parser, semantic checks and planner,
#                 from tests/fuzz/corpus with tests/fuzz/cypher.dict;
#   params_regex  a regular expression and a --params JSON text (one line, then the JSON)
#                 through value conversion, output and =~, from tests/fuzz/corpus_params.
# A crash, hang (> 10 s on one input) or sanitizer report stops it with a non-zero exit and
# leaves the input as build-fuzz/crash-* / timeout-*; turn each such input into a test in
# tests/test_query_*.cc.
#   [TARGET=params_regex] tests/fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SECONDS_TO_RUN="${1:-300}"
shift || true
TARGET="${TARGET:-query}"
case "$TARGET" in
  query) SEEDS="$ROOT/tests/fuzz/corpus"; DICT="$ROOT/tests/fuzz/cypher.dict"; LEN=() ;;
  # Long inputs from the start: nesting past the 100-level bound needs a few hundred bytes.
  params_regex) SEEDS="$ROOT/tests/fuzz/corpus_params"; DICT="$ROOT/tests/fuzz/params_regex.dict"
                LEN=(-len_control=0) ;;
  *) echo "run.sh: unknown TARGET '$TARGET' (query or params_regex)" >&2; exit 2 ;;
esac
BUILD="$ROOT/build-fuzz"
CXX=clang++ CC=clang cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARLEY_FUZZ=ON -DPARLEY_TESTS=OFF -DPARLEY_BENCH=OFF >/dev/null
ninja -C "$BUILD" "parley_fuzz_$TARGET"
WORK="$BUILD/fuzz-corpus-$TARGET"
mkdir -p "$WORK"
cd "$BUILD"
"./tests/fuzz/parley_fuzz_$TARGET" "$WORK" "$SEEDS" \
  -dict="$DICT" -max_total_time="$SECONDS_TO_RUN" -timeout=10 \
  -rss_limit_mb=2048 -max_len=4096 "${LEN[@]}" -print_final_stats=1 "$@"

#!/usr/bin/env bash
# Builds a libFuzzer target of the text pipeline with clang (ASan + UBSan + coverage) and fuzzes
# it for SECONDS (default 600):
#   extract  the reader and the whole Extractor on any bytes (seeds: tests/fuzz/corpus_extract)
#   facts    the facts JSONL reader and graph changes (seeds: tests/fuzz/corpus_facts)
# A crash, hang (> 120 s on one input: Link Grammar under the sanitizers is slow) or sanitizer report stops it with a non-zero exit and
# leaves the input as build-fuzz/crash-* / timeout-*; turn each into a test.
#   tests/fuzz/run_text.sh extract|facts [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET="${1:?extract or facts}"
shift
SECONDS_TO_RUN="${1:-600}"
shift || true
BUILD="$ROOT/build-fuzz"
CXX=clang++ CC=clang cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARLEY_FUZZ=ON -DPARLEY_TESTS=OFF -DPARLEY_BENCH=OFF >/dev/null
ninja -C "$BUILD" "parley_fuzz_$TARGET"
WORK="$BUILD/fuzz-corpus-$TARGET"
mkdir -p "$WORK"
cd "$BUILD"
DICT=()
[ -f "$ROOT/tests/fuzz/$TARGET.dict" ] && DICT=(-dict="$ROOT/tests/fuzz/$TARGET.dict")
"./tests/fuzz/parley_fuzz_$TARGET" "$WORK" "$ROOT/tests/fuzz/corpus_$TARGET" "${DICT[@]}" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=120 -rss_limit_mb=2048 -max_len=2048 \
  -print_final_stats=1 "$@"

#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan + coverage) and fuzzes the query front
# end for SECONDS (default 300), starting from tests/fuzz/corpus. A crash, hang (> 10 s on one
# input) or sanitizer report stops it with a non-zero exit and leaves the input as
# build-fuzz/crash-* / timeout-*; turn each such input into a test in tests/test_query_*.cc.
#   tests/fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SECONDS_TO_RUN="${1:-300}"
shift || true
BUILD="$ROOT/build-fuzz"
CXX=clang++ CC=clang cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPARLEY_FUZZ=ON -DPARLEY_TESTS=OFF -DPARLEY_BENCH=OFF >/dev/null
ninja -C "$BUILD" parley_fuzz_query
WORK="$BUILD/fuzz-corpus"
mkdir -p "$WORK"
cd "$BUILD"
./tests/fuzz/parley_fuzz_query "$WORK" "$ROOT/tests/fuzz/corpus" \
  -dict="$ROOT/tests/fuzz/cypher.dict" -max_total_time="$SECONDS_TO_RUN" -timeout=10 \
  -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 "$@"

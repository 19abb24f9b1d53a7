#!/usr/bin/env bash
# Quick start, step 2: builds Parley and runs the whole test suite twice: a normal optimised
# build, and a build with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

# How long each phase took, on stderr, so that a CI log shows where its time went (a phase
# that fails is reported too, as stopped).
current="install"
phase_start=$SECONDS
phase() {
  echo "-- $current: $((SECONDS - phase_start)) s" >&2
  current=$1
  phase_start=$SECONDS
}
trap 'rc=$?; [ "$rc" -ne 0 ] && echo "-- $current: stopped after $((SECONDS - phase_start)) s" >&2
echo "-- total: $SECONDS s" >&2' EXIT

bash scripts/install-deps.sh
phase "format and layers"
jobs=$(nproc)

# Every C++ file as .clang-format lays it out: a file clang-format would change fails CI here.
bash scripts/check_format.sh
# Every folder includes only the layers below it, and no includes go round in a cycle.
python3 scripts/check_layers.py
phase "normal build"

# Both builds leave out what the tests do not need, to keep CI short on two cores: the
# benchmark programs (scripts/setup.sh builds them) and full debug information (the sanitizer
# build keeps line tables, for its reports).
echo "== normal build =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DPARLEY_TESTS=ON -DPARLEY_BENCH=OFF >/dev/null
cmake --build build -j "$jobs"
phase "normal tests"
ctest --test-dir build --output-on-failure -j "$jobs"
phase "sanitizer build"

# The Python module and its tests (python_module, python_notebook, python_install) run in the
# normal build only: the sanitizer build leaves the module out (PARLEY_PYTHON is off with
# PARLEY_SANITIZE), as an extension built with ASan loads only into a python started with
# libasan preloaded.
echo "== sanitizer build (ASan + UBSan) =="
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DPARLEY_SANITIZE=ON -DPARLEY_TESTS=ON \
  -DPARLEY_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
phase "sanitizer tests"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
phase "done"

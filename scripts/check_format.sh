#!/usr/bin/env bash
# Fails (exit 1) if clang-format, with the project's .clang-format, would change any C++ file,
# and names each such file. With FILE arguments it checks those; otherwise every .h and .cc
# file git tracks (or, outside a git checkout, every one under the source folders).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
  echo "check_format.sh: clang-format is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ $# -gt 0 ]; then
  files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.h' '*.cc')
else
  mapfile -t files < <(find . -path ./build -prune -o -path '*/node_modules' -prune -o \
    \( -name '*.h' -o -name '*.cc' \) -print)
fi
bad=()
for f in "${files[@]}"; do
  clang-format --style="file:$PWD/.clang-format" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check_format.sh: clang-format would change ${#bad[@]} file(s); run clang-format -i on them:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check_format.sh: ${#files[@]} files formatted as .clang-format says"

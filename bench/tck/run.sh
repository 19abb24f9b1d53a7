#!/usr/bin/env bash
# The whole openCypher TCK against parley: converts a checkout's feature files into run_tck.py's
# scenarios (features_to_json.py), runs them (../shared/bench/tck/run_tck.py, a fresh store per
# scenario), and prints the core-subset, temporal-subset and whole figures (tck_figures.py).
#
# Usage: bench/tck/run.sh TCK_DIR [PATH/TO/parley]
#   TCK_DIR: the `tck` folder of an openCypher checkout (with `features/` and `graphs/`).
# Environment (optional): PARLEY_SHARED (default <repo>/../shared), JOBS (default: nproc),
# WORK (default /tmp/parley-bench/tck: scenarios.json and report.json are left there).
# Exit status: 0 when the run completes (whatever the figures), 1 when it cannot run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
if [[ $# -lt 1 ]]; then
  echo "usage: bench/tck/run.sh TCK_DIR [PATH/TO/parley]" >&2
  exit 1
fi
tck="$1"
parley="${2:-$repo/build/parley}"
runner="$shared/bench/tck/run_tck.py"
[[ -d "$tck/features" ]] || { echo "run.sh: $tck/features: no such folder" >&2; exit 1; }
[[ -f "$runner" ]] || { echo "run.sh: $runner not found" >&2; exit 1; }
[[ -x "$parley" ]] || { echo "run.sh: $parley: build parley first" >&2; exit 1; }
work="${WORK:-/tmp/parley-bench/tck}"
mkdir -p "$work"
PARLEY_SHARED="$shared" python3 "$here/features_to_json.py" "$tck" "$work/scenarios.json"
python3 "$runner" "$work/scenarios.json" "$parley" -j "${JOBS:-$(nproc)}" \
  --report "$work/report.json" | tail -2
python3 "$here/tck_figures.py" "$work/scenarios.json" "$work/report.json"

#!/usr/bin/env bash
# Store benchmark: bulk load of the synthetic news graph (../shared/bench/graph) into Parley's
# store, reads and scans, RocksDB's WriteBatch ceiling, and, when Node and npm work, Kuzu's
# COPY of the same CSV files in the same run, with the ratio of the two load times.
#
# Usage: bench/store/run.sh [PATH/TO/parley_bench_store] [extra parley_bench_store options]
# It builds nothing: build first (cmake --build build --target parley_bench_store).
# Environment (all optional):
#   PARLEY_SHARED      the shared folder           (default: <repo>/../shared)
#   PARLEY_BENCH_DATA  gen.py output, made if missing (default: /tmp/parley-bench/s<SCALE>)
#   PARLEY_BENCH_WORK  scratch for the stores      (default: /tmp/parley-bench/work)
#   PARLEY_BENCH_KUZU  where kuzu is npm-installed (default: /tmp/parley-bench/kuzu)
#   SCALE              gen.py --scale              (default: 1)
#   RUNS               how many times to run both  (default: 1)
#   SKIP_KUZU=1        do not run Kuzu
# Exit status: 0, also when ../shared is absent (nothing to measure); 1 if the benchmark
# fails (its counts check included).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
scale="${SCALE:-1}"
data="${PARLEY_BENCH_DATA:-/tmp/parley-bench/s$scale}"
work="${PARLEY_BENCH_WORK:-/tmp/parley-bench/work}"
kuzu_dir="${PARLEY_BENCH_KUZU:-/tmp/parley-bench/kuzu}"
runs="${RUNS:-1}"

bin="$repo/build/bench/parley_bench_store"
if [[ $# -gt 0 && "$1" != --* ]]; then
  bin="$1"
  shift
fi

graph="$shared/bench/graph"
if [[ ! -f "$graph/gen.py" ]]; then
  echo "run.sh: $graph/gen.py not found (no ../shared beside the repo?); nothing to measure." >&2
  exit 0
fi
if [[ ! -x "$bin" ]]; then
  echo "run.sh: $bin not found; build it first: cmake --build $repo/build --target parley_bench_store" >&2
  exit 1
fi

if [[ ! -f "$data/meta.json" || ! -d "$data/csv" ]]; then
  echo "run.sh: generating scale $scale data into $data (~20 s at scale 1)" >&2
  mkdir -p "$data"
  python3 "$graph/gen.py" --scale "$scale" --out "$data" --no-nt >/dev/null
fi

# Kuzu, if Node and npm can install it. The npm package ships the native addon; if npm did not
# run its install script (npm's install-scripts policy), run it by hand.
kuzu_ok=0
if [[ "${SKIP_KUZU:-0}" != 1 ]] && command -v node >/dev/null && command -v npm >/dev/null; then
  if ! NODE_PATH="$kuzu_dir/node_modules" node -e "require('kuzu')" >/dev/null 2>&1; then
    echo "run.sh: installing kuzu@0.11.3 into $kuzu_dir" >&2
    mkdir -p "$kuzu_dir"
    (cd "$kuzu_dir" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
       npm install --no-audit --no-fund kuzu@0.11.3 >/dev/null 2>&1) || true
    if ! NODE_PATH="$kuzu_dir/node_modules" node -e "require('kuzu')" >/dev/null 2>&1 &&
       [[ -f "$kuzu_dir/node_modules/kuzu/install.js" ]]; then
      (cd "$kuzu_dir/node_modules/kuzu" && node install.js >/dev/null 2>&1) || true
    fi
  fi
  if NODE_PATH="$kuzu_dir/node_modules" node -e "require('kuzu')" >/dev/null 2>&1; then
    kuzu_ok=1
  else
    echo "run.sh: kuzu could not be installed; running Parley's side only" >&2
  fi
fi

mkdir -p "$work"
results="$work/results.jsonl"
: >"$results"
time_bin=""
[[ -x /usr/bin/time ]] && time_bin=/usr/bin/time

for ((run = 1; run <= runs; run++)); do
  echo "== run $run/$runs, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  parley_json="$("$bin" "$data" --work "$work/parley" --jsonl "$@")"
  echo "$parley_json" >>"$results"

  kuzu_json="null"
  kuzu_rss_kib="null"
  if [[ $kuzu_ok == 1 ]]; then
    kdb="$work/kuzu.kz"
    rm -rf "$kdb" "$kdb.wal" "$kdb.shadow"
    # --load-only: schema, COPY of the 8 CSV files, CHECKPOINT (kuzu_bench.js's load phase).
    # A failing Kuzu is reported, not fatal: Parley's figures stand on their own.
    timer=()
    [[ -n "$time_bin" ]] && timer=("$time_bin" -f 'maxrss_kib %M' -o "$work/kuzu.time")
    if kuzu_json="$(NODE_PATH="$kuzu_dir/node_modules" "${timer[@]}" \
                      node "$graph/kuzu_bench.js" "$data" "$kdb" 1 --load-only)" && [[ -n "$kuzu_json" ]]; then
      [[ -n "$time_bin" ]] && kuzu_rss_kib="$(awk '/maxrss_kib/ {print $2}' "$work/kuzu.time")"
    else
      echo "run.sh: kuzu's load failed; no ratio this run" >&2
      kuzu_json="null"
    fi
    rm -rf "$kdb" "$kdb.wal" "$kdb.shadow"
    echo "{\"kuzu\": $kuzu_json, \"kuzu_peak_rss_kib\": $kuzu_rss_kib}" >>"$results"
  fi

  PARLEY_JSON="$parley_json" KUZU_JSON="$kuzu_json" KUZU_RSS="$kuzu_rss_kib" python3 - <<'EOF'
import json, os
p = json.loads(os.environ["PARLEY_JSON"])
k = json.loads(os.environ["KUZU_JSON"])
rss = os.environ["KUZU_RSS"]
mib = 1024 * 1024
print(f"parley: load {p['load_s']:.2f} s ({p['rels_per_s']:,.0f} rels/s, CPU {p['load_cpu_s']:.2f} s), "
      f"peak RSS {p['peak_rss_bytes'] / mib:.0f} MiB, disk {p['disk_bytes'] / 1e6:.0f} MB")
print(f"parley: GetNode median {p['read_median_us']:.1f} us (p99 {p['read_p99_us']:.1f}, "
      f"{p['reads_per_s']:,.0f}/s); Neighbours median {p['scan_median_us']:.1f} us "
      f"({p['scan_rels_per_s']:,.0f} rels/s)")
if p.get("ceiling_puts_per_s"):
    print(f"rocksdb WriteBatch ceiling: {p['ceiling_puts_per_s']:,.0f} puts/s; the load's "
          f"{p['entries']:,} entries would take {p['ceiling_equiv_s']:.1f} s "
          f"(bulk load / WriteBatch = {p['load_s'] / p['ceiling_equiv_s']:.2f})")
if k:
    kt = k["load"]["total_s"]
    extra = f", peak RSS {int(rss) / 1024:.0f} MiB" if rss not in ("", "null") else ""
    print(f"kuzu: COPY {kt:.2f} s, disk {k['disk_bytes'] / 1e6:.0f} MB{extra}")
    print(f"ratio parley load / kuzu COPY = {p['load_s'] / kt:.2f}")
EOF
done
echo "run.sh: JSON lines in $results" >&2

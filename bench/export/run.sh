#!/usr/bin/env bash
# Export benchmark: `parley export` of the synthetic 1M-demand news graph (scale 1 of
# ../shared/bench/graph) to GraphML and to Neo4j's admin-import CSV, wall time, CPU time and
# peak RSS of the whole process (GNU time), beside the same run's baseline: Kuzu writing the
# same graph as CSV with COPY ... TO (kuzu_export.js). Prints a table with the ratios.
#
# Usage: bench/export/run.sh [PATH/TO/parley]
# It builds nothing: build first (cmake --build build --target parley).
# Environment (all optional):
#   PARLEY_SHARED      the shared folder              (default: <repo>/../shared)
#   PARLEY_BENCH_DATA  gen.py output, made if missing (default: /tmp/parley-bench/s1)
#   PARLEY_BENCH_WORK  stores, kept between runs      (default: /tmp/parley-bench/work)
#   PARLEY_BENCH_KUZU  where kuzu is npm-installed    (default: /tmp/parley-bench/kuzu)
#   RUNS               timed runs of each export      (default: 3), interleaved
#   SKIP_KUZU=1        no baseline
# The stores are bench/query's (query-s1.db and query-s1.kz in PARLEY_BENCH_WORK): when one is
# missing, bench/query/run.sh makes it (RUNS=1 ONLY=Q1), which needs parley_bench_query built.
# Exit status: 0, also when ../shared is absent (nothing to measure); 1 if a side fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
data="${PARLEY_BENCH_DATA:-/tmp/parley-bench/s1}"
work="${PARLEY_BENCH_WORK:-/tmp/parley-bench/work}"
kuzu_dir="${PARLEY_BENCH_KUZU:-/tmp/parley-bench/kuzu}"
runs="${RUNS:-3}"
parley="${1:-$repo/build/parley}"

if [[ ! -f "$shared/bench/graph/gen.py" ]]; then
  echo "run.sh: $shared/bench/graph/gen.py not found (no ../shared beside the repo?); nothing to measure." >&2
  exit 0
fi
[[ -x "$parley" ]] || { echo "run.sh: $parley not found; build it first" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "run.sh: GNU time (/usr/bin/time) is needed" >&2; exit 1; }

pdb="$work/query-s1.db"
kdb="$work/query-s1.kz"
if [[ ! -d "$pdb" || ( "${SKIP_KUZU:-0}" != 1 && ! -f "$kdb.loaded" ) ]]; then
  echo "run.sh: making the stores with bench/query/run.sh" >&2
  RUNS=1 ONLY=Q1 PARLEY_BENCH_DATA="$data" PARLEY_BENCH_WORK="$work" PARLEY_BENCH_KUZU="$kuzu_dir" \
    SKIP_KUZU="${SKIP_KUZU:-0}" bash "$repo/bench/query/run.sh" >/dev/null
fi
kuzu_ok=0
if [[ "${SKIP_KUZU:-0}" != 1 && -f "$kdb.loaded" ]] &&
   NODE_PATH="$kuzu_dir/node_modules" node -e "require('kuzu')" >/dev/null 2>&1; then
  kuzu_ok=1
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/parley-bench-export.XXXXXX")"
trap 'rm -rf "$out"' EXIT
results="$out/results.tsv"
: >"$results"

# One timed run: NAME then the command; appends "NAME wall_s cpu_s peak_kib bytes" to results.
measure() {
  local name=$1; shift
  local target="$out/$name.out"
  rm -rf "$target"
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" "$target" >/dev/null
  read -r wall user sys kib <"$out/time.txt"
  local bytes
  bytes=$(du -sb "$target" | cut -f1)
  echo -e "$name\t$wall\t$(awk -v u="$user" -v s="$sys" "BEGIN { print u + s }")\t$kib\t$bytes" >>"$results"
  rm -rf "$target"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((i = 1; i <= runs; i++)); do
  measure graphml "$parley" export --db "$pdb" --format graphml -o
  measure neo4j-csv "$parley" export --db "$pdb" --format neo4j-csv -o
  if [[ $kuzu_ok == 1 ]]; then
    measure kuzu-csv env NODE_PATH="$kuzu_dir/node_modules" node "$here/kuzu_export.js" "$kdb"
  fi
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, kib, size = line.split("\t")
    rows.setdefault(name, []).append((float(wall), float(cpu), int(kib), int(size)))
def med(name, i):
    return statistics.median(r[i] for r in rows[name])
kuzu = med("kuzu-csv", 0) if "kuzu-csv" in rows else None
print(f"{'export':<10} {'runs':>4} {'median s':>9} {'min s':>7} {'cpu s':>7} {'peak RSS MiB':>13} {'output MB':>10} {'/ kuzu-csv':>10}")
for name in ("graphml", "neo4j-csv", "kuzu-csv"):
    if name not in rows:
        continue
    r = rows[name]
    ratio = f"{med(name, 0) / kuzu:.2f}" if kuzu else "-"
    print(f"{name:<10} {len(r):>4} {med(name, 0):>9.2f} {min(x[0] for x in r):>7.2f} {med(name, 1):>7.2f} "
          f"{max(x[2] for x in r) / 1024:>13.1f} {med(name, 3) / 1e6:>10.1f} {ratio:>10}")
PY

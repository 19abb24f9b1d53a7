#!/usr/bin/env bash
# Query benchmark: warm latency of Parley's query engine (parley_bench_query) on the synthetic
# news graph (../shared/bench/graph), and, when Node and npm work, Kuzu's on the same data in the
# same run (kuzu_bench.js), with the ratio parley / kuzu per query.
#
# Usage: bench/query/run.sh [PATH/TO/parley_bench_query] [extra parley_bench_query options]
# It builds nothing: build first (cmake --build build --target parley_bench_query).
# Environment (all optional):
#   PARLEY_SHARED      the shared folder              (default: <repo>/../shared)
#   PARLEY_BENCH_DATA  gen.py output, made if missing (default: /tmp/parley-bench/s<SCALE>)
#   PARLEY_BENCH_WORK  stores, kept between runs      (default: /tmp/parley-bench/work)
#   PARLEY_BENCH_KUZU  where kuzu is npm-installed    (default: /tmp/parley-bench/kuzu)
#   SCALE              gen.py --scale                 (default: 1)
#   RUNS               timed runs per query, both     (default: 20)
#   TIMEOUT_S          bound on one execution, both   (default: 120)
#   ONLY               e.g. Q1,Q3: only these queries
#   SKIP_KUZU=1        do not run Kuzu
# Both stores are loaded once and reused: Parley's in $PARLEY_BENCH_WORK/query-s<SCALE>.db
# (reloaded when its counts differ from meta.json), Kuzu's in $PARLEY_BENCH_WORK/query-s<SCALE>.kz
# (loaded when its marker file is missing). Remove them to start over.
# Exit status: 0, also when ../shared is absent (nothing to measure); 1 if a side cannot run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${PARLEY_SHARED:-$repo/../shared}"
scale="${SCALE:-1}"
data="${PARLEY_BENCH_DATA:-/tmp/parley-bench/s$scale}"
work="${PARLEY_BENCH_WORK:-/tmp/parley-bench/work}"
kuzu_dir="${PARLEY_BENCH_KUZU:-/tmp/parley-bench/kuzu}"
runs="${RUNS:-20}"
timeout_s="${TIMEOUT_S:-120}"
only="${ONLY:-}"

bin="$repo/build/bench/parley_bench_query"
if [[ $# -gt 0 && "$1" != --* ]]; then
  bin="$1"
  shift
fi

graph="$shared/bench/graph"
if [[ ! -f "$graph/gen.py" || ! -f "$graph/kuzu_bench.js" ]]; then
  echo "run.sh: $graph/gen.py not found (no ../shared beside the repo?); nothing to measure." >&2
  exit 0
fi
if [[ ! -x "$bin" ]]; then
  echo "run.sh: $bin not found; build it first: cmake --build $repo/build --target parley_bench_query" >&2
  exit 1
fi

if [[ ! -f "$data/meta.json" || ! -d "$data/csv" ]]; then
  echo "run.sh: generating scale $scale data into $data (~20 s at scale 1)" >&2
  mkdir -p "$data"
  python3 "$graph/gen.py" --scale "$scale" --out "$data" --no-nt >/dev/null
fi

# Kuzu, if Node and npm can install it (as bench/store/run.sh does).
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
results="$work/query-results.jsonl"
pdb="$work/query-s$scale.db"
kdb="$work/query-s$scale.kz"

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
popts=(--db "$pdb" --runs "$runs" --timeout-s "$timeout_s")
[[ -n "$only" ]] && popts+=(--only "$only")
parley_json="$("$bin" "$data" "${popts[@]}" "$@")"
echo "$parley_json" >>"$results"

kuzu_json="null"
if [[ $kuzu_ok == 1 ]]; then
  # Load once (kuzu_bench.js --load-only: schema, COPY, CHECKPOINT) and keep the database; the
  # marker says the load finished. The query phase runs with --no-load on it.
  if [[ ! -f "$kdb.loaded" ]]; then
    echo "run.sh: loading Kuzu's database $kdb" >&2
    rm -rf "$kdb" "$kdb.wal" "$kdb.shadow"
    NODE_PATH="$kuzu_dir/node_modules" node "$graph/kuzu_bench.js" "$data" "$kdb" 1 --load-only >&2 &&
      touch "$kdb.loaded"
  fi
  echo "== load average before kuzu: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  # kuzu_bench.js runs Kuzu's names (MAKES, TARGETS, CONCERNS) and Q4 as SHORTEST.
  konly=""
  [[ -n "$only" ]] && konly="$only"
  if [[ -f "$kdb.loaded" ]] &&
     kuzu_json="$(ONLY="$konly" QUERY_TIMEOUT_MS=$((timeout_s * 1000)) NODE_PATH="$kuzu_dir/node_modules" \
                    node "$graph/kuzu_bench.js" "$data" "$kdb" "$runs" --no-load | tr -d '\n')" &&
     [[ -n "$kuzu_json" ]]; then
    echo "{\"kuzu\": $kuzu_json, \"loadavg_end\": \"$(cut -d' ' -f1 /proc/loadavg)\"}" >>"$results"
  else
    echo "run.sh: kuzu's queries failed; Parley's side only" >&2
    kuzu_json="null"
  fi
  # QD, the date-range query, is Parley's own: kuzu_date.js times it on the same database.
  if [[ "$kuzu_json" != "null" && ( -z "$only" || ",$only," == *",QD,"* ) ]] &&
     qd_json="$(QUERY_TIMEOUT_MS=$((timeout_s * 1000)) NODE_PATH="$kuzu_dir/node_modules" \
                  node "$here/kuzu_date.js" "$kdb" "$runs" | tr -d '\n')" && [[ -n "$qd_json" ]]; then
    kuzu_json="$(KUZU_JSON="$kuzu_json" QD_JSON="$qd_json" python3 -c '
import json, os
k = json.loads(os.environ["KUZU_JSON"])
k.setdefault("queries", {}).update(json.loads(os.environ["QD_JSON"])["queries"])
print(json.dumps(k))')"
  fi
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

PARLEY_JSON="$parley_json" KUZU_JSON="$kuzu_json" python3 - <<'EOF'
import json, os
p = json.loads(os.environ["PARLEY_JSON"])
k = json.loads(os.environ["KUZU_JSON"])
kq = (k or {}).get("queries", {})
print(f"load average {p['loadavg_start']:.2f} -> {p['loadavg_end']:.2f} (parley)"
      + (f"; {p['runs']} timed runs per query after 2 warm-up runs" if p else ""))
def cell(r, key="median_ms"):
    if r is None:
        return "-"
    if "timeout_s" in r:
        return f"timeout (>{r['timeout_s']:.0f} s)"
    if "error" in r:
        return "error"
    return f"{r[key]:,.1f}"
def answer(r):
    if not r or "rows" not in r:
        return ""
    f = r.get("first_row")
    if isinstance(f, dict):
        f = list(f.values())
    if isinstance(f, list) and len(f) == 1:
        f = f[0]
    f = json.dumps(f, ensure_ascii=False)
    return f"{r['rows']} rows, first {f if len(f) <= 40 else f[:37] + '...'}"
rows = [("query", "parley median ms", "parley min ms", "kuzu median ms", "kuzu min ms", "parley / kuzu", "parley answer", "kuzu answer")]
names = list(p["queries"].keys())
for n in names:
    pr = p["queries"].get(n)
    kr = kq.get(n)
    ratio = "-"
    if pr and kr and "median_ms" in pr and "median_ms" in kr:
        ratio = f"{pr['median_ms'] / kr['median_ms']:.3g}"
    label = n + (" (shortestPath; Kuzu SHORTEST)" if n == "Q4" else "")
    if pr and pr.get("check", "ok") != "ok":
        label += " [" + pr["check"] + "]"
    if pr and "error" in pr:
        label += " [parley: " + pr["error"][:80] + "]"
    if kr and "error" in kr:
        label += " [kuzu: " + kr["error"][:80] + "]"
    rows.append((label, cell(pr), cell(pr, "min_ms"), cell(kr), cell(kr, "min_ms"), ratio, answer(pr), answer(kr)))
w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
for i, r in enumerate(rows):
    print(" | ".join(c.ljust(w[j]) if j in (0, 6, 7) else c.rjust(w[j]) for j, c in enumerate(r)))
    if i == 0:
        print("-+-".join("-" * x for x in w))
EOF
echo "run.sh: JSON lines appended to $results" >&2

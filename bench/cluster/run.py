#!/usr/bin/python3
# Cluster benchmark: the first N articles of ../shared/corpus/news.jsonl.gz (default 2,000)
# through scripts/cluster_extract.py on a local Dask cluster of 1 worker, then of 2 workers
# (one thread each); articles/s of each and their ratio, peak memory per worker, the merge's
# time by `parley ingest --facts` and by its bulk path (`--bulk`, checked to give the same
# export), and the projected time for the whole corpus and for a million articles on 10
# machines of this size. See README.md beside this file.
#
# Usage: bench/cluster/run.py [--articles N] [--shard-size N (250)] [--parley PATH] [--work DIR]
# Exit status 0, also without ../shared (nothing to measure); 1 when a step fails, the two
# runs' facts differ or the two merges' exports do.
import argparse
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.realpath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS_ARTICLES = 20975


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def run(cmd, usage_out=None):
    """Runs `cmd`; returns its wall and CPU seconds (and puts its rusage in usage_out[0]).
    Exits when it fails."""
    start = time.monotonic()
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=null, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            sys.stderr.write(err.read().decode("utf-8", "replace"))
            sys.exit("run.py: %s failed" % " ".join(cmd[:3]))
    if usage_out is not None:
        usage_out.append(usage)
    return wall, usage.ru_utime + usage.ru_stime


def extract(args, workers, articles_file):
    out = os.path.join(args.work, "w%d" % workers)
    shutil.rmtree(out, ignore_errors=True)
    before = load()
    seconds, _ = run([os.path.join(REPO, "scripts", "cluster_extract.py"), "--local-workers",
                      str(workers), "--threads", "1", "--shard-size", str(args.shard_size),
                      "--parley", args.parley, "--out", out, articles_file])
    with open(os.path.join(out, "run.json")) as f:
        stats = json.load(f)
    per_worker = {}
    for s in stats["shard_stats"]:
        w = per_worker.setdefault(s["worker"], {"shards": 0, "articles": 0, "parley_kib": 0,
                                                "worker_kib": 0, "busy_s": 0.0,
                                                "cpu_s": 0.0})
        w["shards"] += 1
        w["articles"] += s["articles"]
        w["parley_kib"] = max(w["parley_kib"], s["parley_maxrss_kib"])
        w["worker_kib"] = max(w["worker_kib"], s["worker_rss_kib"])
        w["busy_s"] += s["seconds"]
        w["cpu_s"] += s["parley_cpu_seconds"]
    return {"workers": workers, "out": out, "articles": stats["articles"],
            "extract_s": stats["seconds"], "wall_s": round(seconds, 2),
            "articles_per_s": stats["articles_per_s"], "load_before": before,
            "load_after": load(), "per_worker": per_worker}


def merge(args, out, bulk):
    """Merges the shards in `out` into a new store, by `ingest --facts` or its bulk path."""
    db = os.path.join(args.work, "merged-bulk.db" if bulk else "merged.db")
    shutil.rmtree(db, ignore_errors=True)
    shards = sorted(glob.glob(os.path.join(out, "shard-*.jsonl")))
    cmd = [args.parley, "ingest", "--db", db] + (["--bulk"] if bulk else []) + ["--facts"]
    before = load()
    usage = []
    seconds, cpu = run(cmd + shards, usage)
    return {"seconds": round(seconds, 2), "cpu_s": round(cpu, 2), "load_before": before,
            "load_after": load(), "db": db, "peak_rss_kib": usage[0].ru_maxrss}


def export(args, db):
    """The store's `parley export --format json`."""
    return subprocess.run([args.parley, "export", "--db", db, "--format", "json"], check=True,
                          stdout=subprocess.PIPE).stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shard-size", type=int, default=250)
    ap.add_argument("--parley", default=os.path.join(REPO, "build", "parley"))
    ap.add_argument("--work", default="/tmp/parley-bench/cluster")
    args = ap.parse_args()
    args.parley = os.path.abspath(args.parley)  # the workers run elsewhere
    shared = os.environ.get("PARLEY_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
    corpus = os.path.join(shared, "corpus", "news.jsonl.gz")
    if not os.path.exists(corpus):
        print("run.py: %s not found; nothing to measure" % corpus, file=sys.stderr)
        return 0
    os.makedirs(args.work, exist_ok=True)
    articles_file = os.path.join(args.work, "articles.jsonl")
    with gzip.open(corpus, "rb") as f, open(articles_file, "wb") as out:
        for _ in range(args.articles):
            out.write(next(f))

    print("articles: %d (first of %s), shards of %d" % (args.articles, corpus, args.shard_size),
          flush=True)
    runs = []
    for workers in (1, 2):
        r = extract(args, workers, articles_file)
        runs.append(r)
        cpu = sum(w["cpu_s"] for w in r["per_worker"].values())
        r["articles_per_cpu_s"] = round(r["articles"] / cpu, 3) if cpu else 0
        print("%d worker%s: %.2f articles/s (%.1f s extracting, %.1f s with cluster start), "
              "%.2f articles per parley CPU second; load average %s -> %s"
              % (workers, "s" * (workers > 1), r["articles_per_s"], r["extract_s"], r["wall_s"],
                 r["articles_per_cpu_s"], r["load_before"], r["load_after"]), flush=True)
        for w, st in sorted(r["per_worker"].items()):
            print("  %s: %d shards, %d articles, busy %.1f s, parley CPU %.1f s, peak RSS "
                  "parley %d MiB, Dask worker %d MiB"
                  % (w, st["shards"], st["articles"], st["busy_s"], st["cpu_s"],
                     st["parley_kib"] // 1024, st["worker_kib"] // 1024), flush=True)
    one, two = runs
    facts = []
    for r in runs:
        text = b""
        for path in sorted(glob.glob(os.path.join(r["out"], "shard-*.jsonl"))):
            with open(path, "rb") as f:
                text += f.read()
        facts.append(text)
    same = facts[0] == facts[1]
    r1, r2 = one["articles_per_s"], two["articles_per_s"]
    ratio = r2 / r1 if r1 else 0
    print("ratio 2 workers / 1 worker: %.2f; facts of the two runs byte-identical: %s"
          % (ratio, same), flush=True)
    shards = len(glob.glob(os.path.join(two["out"], "shard-*.jsonl")))
    merges = {}
    for bulk in (False, True):
        m = merge(args, two["out"], bulk)
        m["articles_per_s"] = round(args.articles / m["seconds"], 1)
        merges[bulk] = m
        print("merge by ingest %s--facts of the %d shards: %.2f s wall, %.2f s CPU (%.0f "
              "articles/s, %.0f per CPU second), peak RSS %d MiB; load average %s -> %s"
              % ("--bulk " if bulk else "", shards, m["seconds"], m["cpu_s"],
                 m["articles_per_s"], args.articles / m["cpu_s"] if m["cpu_s"] else 0,
                 m["peak_rss_kib"] // 1024, m["load_before"], m["load_after"]), flush=True)
    same_store = export(args, merges[False]["db"]) == export(args, merges[True]["db"])
    print("bulk / article-by-article merge: %.2f times as fast; exports byte-identical: %s"
          % (merges[False]["seconds"] / merges[True]["seconds"], same_store), flush=True)
    m = merges[True] if same_store else merges[False]
    merge_rate = args.articles / m["seconds"]

    # Projections. The whole corpus here: 2 workers, then the merge. A million articles on ten
    # machines of this size: 20 worker threads, each at the 1-worker rate times the 2-worker
    # efficiency (ratio / 2), and the merge on one machine at the rate measured (the bulk path's
    # when it gave the same store: a first load of all shards once they are written).
    corpus_s = CORPUS_ARTICLES / r2 + CORPUS_ARTICLES / merge_rate
    threads = 20
    million_s = 1e6 / (threads * r1 * ratio / 2)
    million_cpu_s = 1e6 / (threads * two["articles_per_cpu_s"])
    million_merge_s = 1e6 / merge_rate
    print("whole corpus here, 2 workers: %d / %.2f + %d / %.0f (merge) = %.0f s (%.1f h)"
          % (CORPUS_ARTICLES, r2, CORPUS_ARTICLES, merge_rate, corpus_s, corpus_s / 3600))
    print("a million articles on 10 machines (%d worker threads): 1e6 / (%d x %.2f x %.2f / 2) "
          "= %.0f s (%.1f h) extracting; on idle cores, 1e6 / (%d x %.2f per CPU s) = %.0f s "
          "(%.1f h); merge on one machine 1e6 / %.0f = %.0f s (%.1f h) by %s"
          % (threads, threads, r1, ratio, million_s, million_s / 3600, threads,
             two["articles_per_cpu_s"], million_cpu_s, million_cpu_s / 3600, merge_rate,
             million_merge_s, million_merge_s / 3600,
             "the bulk path after the extraction" if same_store
             else "ingest --facts, overlapped with the extraction by --db"))
    result = {"articles": args.articles, "shard_size": args.shard_size, "one_worker": one,
              "two_workers": two, "ratio": round(ratio, 3), "same_facts": same,
              "merge_ingest_facts": merges[False], "merge_bulk": merges[True],
              "same_store": same_store,
              "projection": {"corpus_articles": CORPUS_ARTICLES, "corpus_s": round(corpus_s),
                             "million_on_10_machines_s": round(million_s),
                             "million_on_10_idle_machines_s": round(million_cpu_s),
                             "million_merge_s": round(million_merge_s)}}
    with open(os.path.join(args.work, "results.jsonl"), "a") as f:
        f.write(json.dumps(result) + "\n")
    if not same:
        print("run.py: the two runs' facts differ", file=sys.stderr)
        return 1
    if not same_store:
        print("run.py: the bulk merge's store differs from ingest --facts'", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

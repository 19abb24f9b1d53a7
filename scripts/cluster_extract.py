#!/usr/bin/python3
# cluster_extract.py: `parley extract` of a corpus on a Dask distributed cluster, one facts
# file per shard, which `parley ingest --facts` merges into the store one machine would have
# built from the articles.
#
# The corpus is read here, on the machine that runs this script: JSONL lines, gzip'd JSONL,
# article files and folders, in the order `parley ingest` reads them. Consecutive articles form
# shards; each shard travels to a worker with the task, the worker writes it to a scratch
# folder and runs the `parley` binary present there (`--parley`, `--data`) on it, and the facts
# come back here to OUT/shard-NNNNN.jsonl. Article ids do not depend on the shard: a JSONL line
# without an id gets FILE:LINE here, as `parley ingest FILE` would give it, and an article file
# is laid out under the same relative path it has here. A worker that dies loses its shard to
# the scheduler, which runs it again on another worker; a shard with bad input (binary, invalid
# UTF-8) is named with its warnings and the others complete.
#
# Runs with Debian's python3-distributed (not a pyenv or virtualenv Python without it), hence
# the shebang.
import argparse
import gzip
import json
import logging
import os
import re
import shutil
import sys
import time

ARTICLE_EXTENSIONS = {".txt", ".md", ".jsonl", ".text", ".markdown"}
PART_NAME = ".shard-part-{:03d}.jsonl"
PART_RE = re.compile(r"\.shard-part-(\d{3})\.jsonl:(\d+)")
SHARD_RE = re.compile(r"^shard-\d{5}\.jsonl$")


def say(msg):
    print("cluster_extract: " + msg, file=sys.stderr, flush=True)


def fail(msg):
    say(msg)
    sys.exit(1)


# --- Reading the corpus as `parley ingest` does (core/document_reader.cc) ---


def article_path(path):
    """The article id of a file: relative to the working folder when inside it, else absolute,
    with symbolic links resolved (ArticlePath in core/document_reader.cc)."""
    full = os.path.realpath(path)
    cwd = os.path.realpath(os.getcwd())
    rel = os.path.relpath(full, cwd)
    if rel.split(os.sep)[0] != "..":
        return rel
    return full


def find_articles(folder, found):
    """Article files under `folder`; symbolic links to folders are not followed, a folder's
    README* files are not articles."""
    try:
        entries = list(os.scandir(folder))
    except OSError as e:
        say("warning: %s: cannot read folder (%s); skipped" % (article_path(folder), e.strerror))
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            find_articles(entry.path, found)
            continue
        stem, ext = os.path.splitext(entry.name)
        if entry.is_file() and ext.lower() in ARTICLE_EXTENSIONS and not stem.startswith("README"):
            found.append(article_path(entry.path))


def list_files(paths):
    files = []
    for p in paths:
        if not os.path.exists(p):
            fail("no such file or folder: " + p)
        if os.path.isdir(p):
            found = []
            find_articles(p, found)
            if not found:
                fail(p + ": nothing to read (no .txt, .md or .jsonl files)")
            # Byte order of the UTF-8 names, as std::sort of the C++ reader.
            found.sort(key=lambda s: s.encode("utf-8", "surrogateescape"))
            files.extend(found)
        elif os.path.isfile(p):
            files.append(article_path(p))
        else:
            fail(p + ": not a file or folder (give files or folders; for a pipe, a file)")
    return files


def usable_id(value):
    """The id the C++ reader takes from a JSONL "id": a string, or an integer's decimal text."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return ""


def with_id(line, fallback):
    """`line` (bytes), given the id `fallback` when it has no usable one of its own. A line that
    is not a JSON object is passed on as it is, for the worker's parley to report."""
    try:
        obj = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return line
    if not isinstance(obj, dict) or usable_id(obj.get("id")):
        return line
    obj["id"] = fallback
    try:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, separators=(",", ":")).encode("ascii")


def jsonl_articles(name, stream):
    """(line bytes, line number) of each article line of a JSONL stream; blank lines are no
    articles, a byte order mark before the first is dropped."""
    n = 0
    for raw in stream:
        n += 1
        line = raw[:-1] if raw.endswith(b"\n") else raw
        if line.endswith(b"\r"):
            line = line[:-1]
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip(b" \t\n\r\f\v"):
            continue
        yield with_id(line, "%s:%d" % (name, n)), n


def articles(files):
    """Every article of the corpus in reading order: ("line", bytes, file, line number) for a
    JSONL line, ("file", relative path, bytes) for a whole article file."""
    for f in files:
        if f.endswith(".gz"):
            # Read as `parley ingest` reads the decompressed file beside it (FILE without .gz).
            with gzip.open(f, "rb") as stream:
                for line, n in jsonl_articles(f[:-3], stream):
                    yield ("line", line, f, n)
        elif len(f) > 6 and f.endswith(".jsonl"):
            with open(f, "rb") as stream:
                for line, n in jsonl_articles(f, stream):
                    yield ("line", line, f, n)
        else:
            if os.path.isabs(f):
                fail(f + ": outside the working folder, so its article id is its absolute path, "
                     "which a worker cannot give it; run from a folder that holds it")
            with open(f, "rb") as stream:
                yield ("file", f, stream.read())


def shards(items, size):
    """Consecutive articles in shards of `size`: (parts, origins, count). A part is a JSONL
    file's lines or one article file; origins[i] maps part i's line numbers to (file, line)."""
    parts, origins, count = [], [], 0
    for item in items:
        if item[0] == "line":
            if not parts or parts[-1][0] != "jsonl":
                parts.append(("jsonl", []))
                origins.append([])
            parts[-1][1].append(item[1])
            origins[-1].append((item[2], item[3]))
        else:
            parts.append(("file", item[1], item[2]))
            origins.append(None)
        count += 1
        if count == size:
            yield parts, origins, count
            parts, origins, count = [], [], 0
    if count:
        yield parts, origins, count


# --- On the worker ---


def run_shard(name, parts, parley, data, options, files, jobs, shipped=None):
    """Runs `parley extract` on one shard in a scratch folder; returns its facts, warnings, exit
    status, time and the peak memory of the parley process. With `shipped` (the archive and its
    digest), the binary and data come from there instead of `parley` and `data`."""
    if shipped is not None:
        parley, data = install_shipped(*shipped)
    import resource
    import socket
    import subprocess
    import tempfile

    try:
        from distributed import get_worker

        where = get_worker().address
    except (ImportError, ValueError):
        where = socket.gethostname()
    scratch = tempfile.mkdtemp(prefix="parley-" + name + "-")
    try:
        for fname, content in files.items():
            with open(os.path.join(scratch, fname), "wb") as out:
                out.write(content)
        paths = []
        for i, part in enumerate(parts):
            if part[0] == "jsonl":
                path = PART_NAME.format(i)
                with open(os.path.join(scratch, path), "wb") as out:
                    out.write(b"\n".join(part[1]) + b"\n")
            else:
                path = part[1]
                os.makedirs(os.path.join(scratch, os.path.dirname(path)), exist_ok=True)
                with open(os.path.join(scratch, path), "wb") as out:
                    out.write(part[2])
            paths.append(path)
        env = dict(os.environ)
        # A Dask nanny gives its worker MALLOC_TRIM_THRESHOLD_=65536 (to return a Python
        # worker's memory sooner); inherited, it made parley's malloc give memory back and take
        # it again all the time: 40 % more CPU (1.4 s of system time in 125 articles).
        env.pop("MALLOC_TRIM_THRESHOLD_", None)
        if data:
            env["PARLEY_DATA"] = data
        cmd = [parley, "extract", "--format", "jsonl", "--record-key", "--jobs", str(jobs)]
        cmd += options + paths
        start = time.monotonic()
        with open(os.path.join(scratch, ".facts"), "wb") as out, \
                open(os.path.join(scratch, ".stderr"), "wb") as err:
            try:
                proc = subprocess.Popen(cmd, cwd=scratch, env=env, stdout=out, stderr=err,
                                        stdin=subprocess.DEVNULL)
            except OSError as e:
                return {"name": name, "rc": 127, "facts": b"", "where": where,
                        "stderr": "cannot run %s on %s: %s" % (parley, where, e.strerror),
                        "seconds": 0.0, "maxrss_kib": 0}
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        with open(os.path.join(scratch, ".facts"), "rb") as f:
            facts = f.read()
        with open(os.path.join(scratch, ".stderr"), "rb") as f:
            stderr = f.read().decode("utf-8", "replace")
        worker_rss = 0
        try:
            import psutil

            worker_rss = psutil.Process().memory_info().rss // 1024
        except ImportError:
            worker_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return {"name": name, "rc": proc.returncode, "facts": facts, "stderr": stderr,
                "where": where, "seconds": seconds, "maxrss_kib": usage.ru_maxrss,
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "worker_rss_kib": worker_rss}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def install_shipped(blob, digest):
    """The parley binary and data folder of the archive `blob` (see ship()), unpacked once per
    worker machine into a folder named by its digest; returns their paths."""
    import io
    import tarfile
    import tempfile

    home = os.path.join(tempfile.gettempdir(), "parley-shipped-" + digest[:16])
    if not os.path.isdir(home):
        partial = tempfile.mkdtemp(prefix="parley-shipped-", dir=tempfile.gettempdir())
        with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
            tar.extractall(partial)
        try:
            os.rename(partial, home)
        except OSError:  # another task of this machine unpacked it first
            shutil.rmtree(partial, ignore_errors=True)
    return os.path.join(home, "parley"), os.path.join(home, "data")


def check_worker(parley, data):
    """What a worker lacks to run shards: "" when it has the binary and the data folder."""
    import socket

    host = socket.gethostname()
    if not (os.path.isfile(parley) and os.access(parley, os.X_OK)):
        return "%s: no parley binary at %s" % (host, parley)
    if data and not os.path.isdir(data):
        return "%s: no data folder at %s" % (host, data)
    return ""


def times_lost(key, dask_scheduler=None):
    """How many workers died while running task `key` (the scheduler then ran it again)."""
    ts = dask_scheduler.tasks.get(key)
    return ts.suspicious if ts is not None else 0


# --- Here ---


def ship(parley, data):
    """The parley binary and its data folder as one gzip'd tar archive, with its SHA-256: what
    extraction reads (the HTML view, the samples and the data-building tools stay here)."""
    import hashlib
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        tar.add(parley, arcname="parley")

        def keep(info):
            parts = info.name.split("/")
            return None if len(parts) > 1 and parts[1] in ("view", "samples", "tools") else info

        tar.add(data, arcname="data", filter=keep)
    blob = buf.getvalue()
    return blob, hashlib.sha256(blob).hexdigest()


def main():
    repo = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    ap = argparse.ArgumentParser(
        description="parley extract of a corpus on a Dask cluster; one facts file per shard")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="HOST:PORT",
                       help="the Dask scheduler to run on (default: a local cluster)")
    where.add_argument("--local-workers", type=int, metavar="N",
                       help="start a local cluster of N workers (default: one per core)")
    ap.add_argument("--threads", type=int, default=1, metavar="N",
                    help="threads of each local worker (default 1)")
    ap.add_argument("--out", required=True, metavar="DIR", help="folder for shard-NNNNN.jsonl")
    ap.add_argument("--shard-size", type=int, default=250, metavar="N",
                    help="articles per shard (default 250; each shard costs a parley start, "
                    "about a second of CPU loading its dictionaries, some 40 articles' worth)")
    ap.add_argument("--parley", default=os.path.join(repo, "build", "parley"), metavar="PATH",
                    help="the parley binary, at the same path on every worker "
                    "(default: this tree's build/parley)")
    ap.add_argument("--data", default=os.path.join(repo, "data"), metavar="DIR",
                    help="parley's data folder on every worker (default: this tree's data/)")
    ap.add_argument("--ship", action="store_true",
                    help="send the binary (--parley) and data folder (--data) from here to the "
                    "workers, which then need only parley's runtime libraries")
    ap.add_argument("--db", metavar="DIR",
                    help="also store the shards into this store with parley ingest --facts (the "
                    "--parley binary, here), in shard order, while the others are extracted")
    ap.add_argument("--resume", action="store_true",
                    help="keep the shards OUT holds from an earlier run of the same corpus, "
                    "shard size and options (OUT/shards.tsv records what each was made from) "
                    "and extract the others")
    ap.add_argument("--jobs", type=int, default=1, metavar="N",
                    help="extraction threads of each shard's parley (default 1: one per worker "
                    "thread)")
    ap.add_argument("--actors", metavar="FILE", help="as parley extract --actors (sent along)")
    ap.add_argument("--all-sentences", action="store_true", help="as parley extract")
    ap.add_argument("--retries", type=int, default=2, metavar="N",
                    help="times a shard whose task failed is run again (default 2); a shard "
                    "whose worker died is always run again, up to the scheduler's "
                    "allowed-failures")
    ap.add_argument("corpus", nargs="+", metavar="CORPUS",
                    help="JSONL, gzip'd JSONL, article files, folders")
    args = ap.parse_args()
    # A relative path (build/parley) is this machine's: the workers' own working folders are
    # elsewhere. A bare name (parley) stays one, for each worker's PATH.
    if os.sep in args.parley:
        args.parley = os.path.abspath(args.parley)
    args.data = os.path.abspath(args.data)
    if args.shard_size < 1 or args.threads < 1 or args.jobs < 1:
        fail("--shard-size, --threads and --jobs take a number of at least 1")
    if args.local_workers is not None and args.local_workers < 1:
        fail("--local-workers takes a number of at least 1")

    if args.db and check_worker(args.parley, ""):
        fail("--db: " + check_worker(args.parley, "").split(": ", 1)[1] + " here")
    files = list_files(args.corpus)
    os.makedirs(args.out, exist_ok=True)
    stale = [f for f in os.listdir(args.out) if SHARD_RE.match(f)]
    if stale and not args.resume:
        fail("%s already holds shard files (%s, ...); give an empty or new folder, or --resume"
             % (args.out, sorted(stale)[0]))
    options, sent = [], {}
    if args.actors:
        try:
            with open(args.actors, "rb") as f:
                sent[".shard-actors.json"] = f.read()
        except OSError as e:
            fail("cannot read %s: %s" % (args.actors, e.strerror))
        options += ["--actors", ".shard-actors.json"]
    if args.all_sentences:
        options.append("--all-sentences")

    logging.getLogger("distributed").setLevel(logging.ERROR)
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if args.scheduler:
            address = args.scheduler if "://" in args.scheduler else "tcp://" + args.scheduler
            client = Client(address, timeout=30)
        else:
            n = args.local_workers or os.cpu_count() or 1
            cluster = LocalCluster(n_workers=n, threads_per_worker=args.threads, processes=True,
                                   host="127.0.0.1", dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except OSError as e:
        fail("cannot reach the scheduler %s: %s" % (args.scheduler, e))
    with client:
        client.wait_for_workers(1, timeout=120)
        shipped = None
        if args.ship:
            if check_worker(args.parley, args.data):
                fail(check_worker(args.parley, args.data).split(": ", 1)[1] + " here, to ship")
            blob, digest = ship(args.parley, args.data)
            say("shipping parley and its data (%.1f MB) to the workers" % (len(blob) / 1e6))
            shipped = (client.scatter(blob, broadcast=True, hash=False), digest)
        else:
            problems = [p for p in client.run(check_worker, args.parley, args.data).values()
                        if p]
            if problems:
                fail(problems[0] + " (give --parley and --data as they are on the workers, or "
                     "--ship)")
        threads = sum(client.nthreads().values())
        code = run(client, as_completed, args, files, options, sent, threads, shipped)
    if cluster is not None:
        cluster.close()
    sys.exit(code)


class Merger:
    """Stores the shards into a store (--db) in shard order while the others are extracted:
    each time the next shards in order are written, one `parley ingest --facts` of them. A
    failed shard stops the merge there (the store would not be one machine's without it)."""

    def __init__(self, parley, db, out):
        import threading

        self.parley, self.db, self.out = parley, db, out
        self.cond = threading.Condition()
        self.written, self.failed = set(), set()
        self.total = None  # shard count, once every shard is submitted
        self.merged = 0  # shards 0..merged-1 are in the store
        self.error = ""
        self.seconds = 0.0
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def shard_written(self, i):
        with self.cond:
            self.written.add(i)
            self.cond.notify()

    def shard_failed(self, i):
        with self.cond:
            self.failed.add(i)
            self.cond.notify()

    def finish(self, total):
        with self.cond:
            self.total = total
            self.cond.notify()
        self.thread.join()

    def loop(self):
        import subprocess

        while True:
            with self.cond:
                while not (self.merged in self.written or self.merged in self.failed or
                           self.merged == self.total):
                    self.cond.wait()
                if self.merged == self.total:
                    return
                if self.merged in self.failed:
                    self.error = "shard-%05d failed" % self.merged
                    return
                ready = []
                while self.merged + len(ready) in self.written:
                    ready.append(self.merged + len(ready))
            paths = [os.path.join(self.out, "shard-%05d.jsonl" % i) for i in ready]
            start = time.monotonic()
            r = subprocess.run([self.parley, "ingest", "--db", self.db, "--facts"] + paths,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.seconds += time.monotonic() - start
            if r.returncode != 0:
                lines = r.stderr.decode("utf-8", "replace").strip().splitlines()
                self.error = lines[-1] if lines else "parley ingest exit %d" % r.returncode
                return
            with self.cond:
                self.merged += len(ready)


def shard_digest(parts, options, sent):
    """What a shard's facts are made from (its articles, the options, the files sent along), as
    a SHA-256: --resume keeps a shard file only when this is unchanged."""
    import hashlib

    h = hashlib.sha256()
    for part in parts:
        if part[0] == "jsonl":
            h.update(b"jsonl\0%d\0" % len(part[1]) + b"\n".join(part[1]) + b"\0")
        else:
            name = part[1].encode("utf-8", "surrogateescape")
            h.update(b"file\0" + name + b"\0%d\0" % len(part[2]) + part[2])
    h.update(json.dumps(options).encode())
    for name in sorted(sent):
        h.update(b"\0" + name.encode() + b"\0" + sent[name])
    return h.hexdigest()


def read_manifest(out):
    """Name -> digest of the shards OUT/shards.tsv records as written."""
    made = {}
    try:
        with open(os.path.join(out, "shards.tsv")) as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) == 3:
                    made[fields[0]] = fields[2]
    except FileNotFoundError:
        pass
    return made


def run(client, as_completed, args, files, options, sent, threads, shipped):
    start = time.monotonic()
    token = "%x" % int(time.time() * 1000)
    pending = {}  # future -> (index, origins, count, digest)
    window = 2 * threads + 2  # shards in flight: every thread busy, the next ones queued
    source = shards(articles(files), args.shard_size)
    done = as_completed()
    index = 0
    total_articles = 0
    bad, failed, reruns, stats = [], [], [], []
    merger = Merger(args.parley, args.db, args.out) if args.db else None
    made = read_manifest(args.out) if args.resume else {}
    manifest = open(os.path.join(args.out, "shards.tsv"), "a")
    resumed = 0

    def submit():
        nonlocal index, total_articles, resumed
        for parts, origins, count in source:
            name = "shard-%05d" % index
            digest = shard_digest(parts, options, sent)
            if name in made and os.path.exists(os.path.join(args.out, name + ".jsonl")):
                if made[name] != digest:
                    fail("%s of %s was made from other input (another corpus, shard size or "
                         "options); give a new folder" % (name, args.out))
                if merger:
                    merger.shard_written(index)
                total_articles += count
                resumed += 1
                index += 1
                continue
            fut = client.submit(run_shard, name, parts, args.parley, args.data, options, sent,
                                args.jobs, shipped, key="%s-%s" % (name, token),
                                retries=args.retries, pure=False)
            pending[fut] = (index, origins, count, digest)
            done.add(fut)
            index += 1
            return True
        return False

    for _ in range(window):
        if not submit():
            break
    for fut in done:
        i, origins, count, digest = pending.pop(fut)
        name = "shard-%05d" % i
        lost = client.run_on_scheduler(times_lost, fut.key)
        if lost:
            reruns.append(name)
            say("%s ran again: %d worker%s running it died" % (name, lost, "s" * (lost > 1)))
        if fut.status == "error":
            failed.append(name)
            say("%s failed: %s" % (name, fut.exception()))
            if merger:
                merger.shard_failed(i)
        else:
            r = fut.result()
            warnings = [rewrite(line, origins) for line in r["stderr"].splitlines() if line]
            if r["rc"] != 0:
                failed.append(name)
                say("%s failed on %s (parley exit %d): %s"
                    % (name, r["where"], r["rc"], warnings[-1] if warnings else "no message"))
                if merger:
                    merger.shard_failed(i)
            else:
                path = os.path.join(args.out, name + ".jsonl")
                with open(path + ".part", "wb") as out:
                    out.write(r["facts"])
                os.replace(path + ".part", path)
                manifest.write("%s\t%d\t%s\n" % (name, count, digest))
                manifest.flush()
                if merger:
                    merger.shard_written(i)
                total_articles += count
                if warnings:
                    bad.append(name)
                    for w in warnings:
                        say("%s: %s" % (name, w))
                stats.append({"shard": name, "articles": count, "worker": r["where"],
                              "seconds": round(r["seconds"], 3),
                              "parley_cpu_seconds": round(r["cpu_seconds"], 3),
                              "parley_maxrss_kib":
                              r["maxrss_kib"], "worker_rss_kib": r.get("worker_rss_kib", 0),
                              "ran_again": lost})
        fut.release()
        submit()
    manifest.close()
    elapsed = time.monotonic() - start
    shard_count = index
    merge = {}
    if merger:
        merger.finish(shard_count)
        merge = {"db": args.db, "merged_shards": merger.merged, "error": merger.error,
                 "ingest_seconds": round(merger.seconds, 3),
                 "after_extraction_seconds": round(time.monotonic() - start - elapsed, 3)}
    # The rate counts the articles extracted in this run, not those of kept shards.
    extracted = sum(st["articles"] for st in stats)
    summary = {"articles": total_articles, "shards": shard_count, "threads": threads,
               "seconds": round(elapsed, 3), "kept_shards": resumed,
               "articles_per_s": round(extracted / elapsed, 3) if elapsed > 0 else 0,
               "bad": bad, "failed": failed, "ran_again": reruns, "merge": merge,
               "shard_stats": stats}
    with open(os.path.join(args.out, "run.json"), "w") as out:
        json.dump(summary, out, indent=1)
    say("%d articles in %d shards on %d worker threads, %.1f s (%.2f articles/s extracted); "
        "facts in %s/shard-*.jsonl" % (total_articles, shard_count, threads, elapsed,
                                       summary["articles_per_s"], args.out))
    if resumed:
        say("%d shard%s written by an earlier run kept, not extracted again"
            % (resumed, "s" * (resumed > 1)))
    if bad:
        say("%d shard%s with bad input, its articles skipped as parley ingest skips them: %s"
            % (len(bad), "s" * (len(bad) > 1), ", ".join(bad)))
    if merger:
        if merger.error:
            say("merged shards 0 to %d into %s, then stopped: %s; the later shards are not "
                "stored" % (merger.merged - 1, args.db, merger.error))
        else:
            say("merged %d shards into %s in order as they came (%.1f s of ingest, %.1f s after "
                "the extraction ended)" % (merger.merged, args.db, merger.seconds,
                                           merge["after_extraction_seconds"]))
    if failed or (merger and merger.error):
        if not failed:
            return 1
        say("%d shard%s failed, no facts written for %s: %s"
            % (len(failed), "s" * (len(failed) > 1), "them" if len(failed) > 1 else "it",
               ", ".join(failed)))
        return 1
    return 0


def rewrite(line, origins):
    """A warning of the worker's parley with its scratch part file named by the corpus file and
    line it came from."""
    def repl(m):
        part, n = int(m.group(1)), int(m.group(2))
        if part < len(origins) and origins[part] and 0 < n <= len(origins[part]):
            f, line_no = origins[part][n - 1]
            return "%s:%d" % (f, line_no)
        return m.group(0)

    if line.startswith("parley: warning: "):
        line = line[len("parley: warning: "):]
    return PART_RE.sub(repl, line)


if __name__ == "__main__":
    main()

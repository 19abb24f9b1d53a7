#!/usr/bin/python3
# End to end: scripts/cluster_extract.py on a real Dask cluster (a scheduler and two workers
# started here as processes on loopback) extracts corpus articles; `parley ingest --facts` of
# its shards, and its bulk path (`--bulk`), make the store a one-machine `parley ingest` of the
# same articles makes, compared by `parley export --format json`, byte for byte. Also with one worker killed mid-run
# (its shards run again on the other; that run stores the shards as they come, --db), and with
# bad input (a binary article file, lines of invalid UTF-8 and NUL bytes), whose shard is named
# while the rest completes; that run ships the binary and data folder to the workers (--ship),
# and is then resumed with a shard file removed (--resume).
#
# Usage: cluster_extract_test.py PARLEY_BIN SOURCE_DIR [ARTICLES]. The articles are the first
# ARTICLES (default 200) of ../shared/corpus/news.jsonl.gz beside the source tree, read at run
# time; without that file the test is skipped (exit 77).
import glob
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


class Failed(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failed(msg)


class Cluster:
    """A Dask scheduler and workers (no nanny: killing a worker kills it) on 127.0.0.1."""

    def __init__(self, tmp, workers):
        self.workers = []
        self.file = os.path.join(tmp, "scheduler.json")
        self.log = open(os.path.join(tmp, "dask.log"), "wb")
        self.scheduler = subprocess.Popen(
            ["/usr/bin/python3", "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
             "--port", "0", "--no-dashboard", "--scheduler-file", self.file],
            stdout=self.log, stderr=self.log)
        try:
            self.start(tmp, workers)
        except BaseException:
            self.close()
            raise

    def start(self, tmp, workers):
        deadline = time.monotonic() + 60
        while not os.path.exists(self.file) and time.monotonic() < deadline:
            time.sleep(0.2)
        check(os.path.exists(self.file), "the Dask scheduler did not start")
        time.sleep(0.3)  # the file is written whole once it exists; let the writer finish
        with open(self.file) as f:
            self.address = json.load(f)["address"]
        self.workers = [
            subprocess.Popen(
                ["/usr/bin/python3", "-m", "distributed.cli.dask_worker", "--host", "127.0.0.1",
                 "--nthreads", "1", "--no-nanny", "--no-dashboard", "--scheduler-file",
                 self.file, "--name", "w%d" % i],
                stdout=self.log, stderr=self.log, env=dict(os.environ, TMPDIR=tmp))
            for i in range(workers)]
        # Every worker connected before the first run, so that its shards can go to each.
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)

    def close(self):
        for p in self.workers + [self.scheduler]:
            if p.poll() is None:
                p.terminate()
        for p in self.workers + [self.scheduler]:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        self.log.close()


def export(parley, db):
    rc, out, err = run([parley, "export", "--db", db, "--format", "json"])
    check(rc == 0, "export of %s: %s" % (db, err))
    return out


def ingest_shards(parley, db, out_dir, bulk=False):
    shards = sorted(glob.glob(os.path.join(out_dir, "shard-*.jsonl")))
    check(shards, "no shard files in " + out_dir)
    flags = ["--bulk"] if bulk else []
    rc, _, err = run([parley, "ingest", "--db", db] + flags + ["--facts"] + shards)
    check(rc == 0, "ingest %s--facts of the shards: %s" % ("--bulk " if bulk else "", err))


def main():
    if len(sys.argv) < 3:
        print("usage: cluster_extract_test.py PARLEY_BIN SOURCE_DIR [ARTICLES]")
        return 2
    parley = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    corpus = os.path.join(os.path.dirname(source), "shared", "corpus", "news.jsonl.gz")
    if not os.path.exists(corpus):
        print("SKIPPED: no corpus at " + corpus)
        return SKIP
    script = os.path.join(source, "scripts", "cluster_extract.py")
    tmp = tempfile.mkdtemp(prefix="parley-cluster-test-")
    cluster = None
    passed = 0
    try:
        os.chdir(tmp)
        with gzip.open(corpus, "rb") as f:
            lines = [next(f) for _ in range(count)]
        with open("articles.jsonl", "wb") as out:
            out.writelines(lines)
        rc, _, err = run([parley, "ingest", "--db", "one.db", "--jobs", "2", "articles.jsonl"])
        check(rc == 0, "one-machine ingest: " + err)
        one = export(parley, "one.db")
        check(one.count('"Article"') >= count, "the one-machine store lacks articles")

        cluster = Cluster(tmp, 2)
        extract = [script, "--scheduler", cluster.address, "--parley", parley,
                   "--data", os.path.join(source, "data")]

        # 1. Two workers, all shards through them, merged by ingest --facts.
        rc, _, err = run(extract + ["--shard-size", str(max(1, count // 4)), "--out", "out1",
                                    "articles.jsonl"])
        check(rc == 0, "cluster_extract: " + err)
        workers = {s["worker"] for s in json.load(open("out1/run.json"))["shard_stats"]}
        check(len(workers) == 2, "the shards did not run on both workers: %s" % workers)
        ingest_shards(parley, "two.db", "out1")
        check(export(parley, "two.db") == one, "the merged store differs from one machine's")
        # The same shards by the bulk path (sorted table files into an empty store).
        ingest_shards(parley, "two-bulk.db", "out1", bulk=True)
        check(export(parley, "two-bulk.db") == one,
              "the bulk-merged store differs from one machine's")
        passed += 1

        # 2. One worker killed mid-run: the shards it held run again on the other. The shards
        # are stored as they come (--db), in order.
        proc = subprocess.Popen(extract + ["--shard-size", str(max(1, count // 10)), "--out",
                                           "out2", "--db", "three.db", "articles.jsonl"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 600
        while (len(glob.glob("out2/shard-*.jsonl")) < 2 and proc.poll() is None and
               time.monotonic() < deadline):
            time.sleep(0.05)
        check(proc.poll() is None, "the run ended before a worker could be killed")
        cluster.workers[0].send_signal(signal.SIGKILL)
        cluster.workers[0].wait()
        _, err = proc.communicate(timeout=900)
        err = err.decode("utf-8", "replace")
        check(proc.returncode == 0, "cluster_extract with a killed worker: " + err)
        check("ran again" in err, "no shard was run again after the kill: " + err)
        check("merged 10 shards into three.db" in err, "not every shard was merged: " + err)
        check(export(parley, "three.db") == one,
              "the merged store after a killed worker differs from one machine's")
        passed += 1

        # 3. Bad input: a folder with a binary file and a file of invalid UTF-8 between two
        # good articles, and a JSONL file with such lines; the shard is named, the rest stored.
        os.makedirs("folder")
        for name in ["iran-us-talks.txt", "sahel-troops.txt"]:
            shutil.copy(os.path.join(source, "data", "samples", name), "folder")
        with open("folder/m-binary.txt", "wb") as out:
            out.write(b"\x7fELF\x02\x01\x01\x00\x00\x00binary")
        with open("folder/n-latin1.md", "wb") as out:
            out.write(b"Caf\xe9 talks resumed in Geneva on Monday.\n")
        with open("mixed.jsonl", "wb") as out:
            out.writelines(lines[:3])
            out.write(b'{"id": "bad-utf8", "text": "Tehran \xff rejected the demand."}\n')
            out.write(b'{"id": "bad-nul", "text": "a\x00b"}\n')
            out.write(b'{"title": "no id", "text": "Paris urged Moscow to withdraw."}\n')
            out.writelines(lines[3:5])
        rc, _, err = run([parley, "ingest", "--db", "four.db", "folder", "mixed.jsonl"])
        check(rc == 0, "one-machine ingest of the bad corpus: " + err)
        # This time the binary and data go to the workers with the tasks (--ship).
        rc, _, err = run(extract + ["--ship", "--shard-size", "3", "--out", "out3", "folder",
                                    "mixed.jsonl"])
        check(rc == 0, "cluster_extract of the bad corpus: " + err)
        # Shards of 3: the folder's files in name order, then the JSONL lines.
        check("shard-00000: folder/m-binary.txt: binary data" in err and
              "shard-00000: folder/n-latin1.md: invalid UTF-8" in err,
              "bad files not named: " + err)
        check("shard-00002: mixed.jsonl:4: invalid UTF-8" in err and
              "shard-00002: mixed.jsonl:5: binary data" in err, "bad lines not named: " + err)
        check("with bad input" in err and "shard-00000, shard-00002" in err,
              "bad shards not listed: " + err)
        check(len(glob.glob("out3/shard-*.jsonl")) == 4, "not every shard was written")
        ingest_shards(parley, "five.db", "out3")
        check(export(parley, "five.db") == export(parley, "four.db"),
              "the merged store of the bad corpus differs from one machine's")
        passed += 1

        # 4. --resume keeps the shards written from the same input and runs the missing one;
        # shards of other input (another shard size) are refused.
        os.remove("out3/shard-00001.jsonl")
        rc, _, err = run(extract + ["--resume", "--shard-size", "3", "--out", "out3", "folder",
                                    "mixed.jsonl"])
        check(rc == 0 and "3 shards written by an earlier run kept" in err,
              "--resume did not keep the written shards: " + err)
        check(json.load(open("out3/run.json"))["shard_stats"][0]["shard"] == "shard-00001",
              "--resume did not extract the missing shard alone")
        ingest_shards(parley, "six.db", "out3")
        check(export(parley, "six.db") == export(parley, "four.db"),
              "the store of the resumed run differs from one machine's")
        rc, _, err = run(extract + ["--resume", "--shard-size", "2", "--out", "out3", "folder"])
        check(rc == 1 and "shard-00000 of out3 was made from other input" in err,
              "--resume took shards of other input: " + err)
        passed += 1
    except Failed as e:
        print("FAILED: %s" % e, flush=True)
        if cluster is not None:
            cluster.close()
            cluster = None
        if os.path.exists(os.path.join(tmp, "dask.log")):
            with open(os.path.join(tmp, "dask.log"), "rb") as f:
                tail = f.read().decode("utf-8", "replace").splitlines()[-30:]
            print("the Dask processes' log, last lines:\n" + "\n".join(tail))
        return 1
    finally:
        if cluster is not None:
            cluster.close()
        os.chdir("/")
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d articles through a Dask scheduler and 2 workers: %d passed, 0 failed"
          % (count, passed))
    return 0


if __name__ == "__main__":
    sys.exit(main())

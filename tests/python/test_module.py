"""Tests of the Python module `parley` (python/): every call on a real store built from articles
written for these tests, the exceptions bad input raises, a DataFrame's columns, and that long
calls let other Python threads run. Run by ctest (python_module) with the build tree's package on
PYTHONPATH and the interpreter the module was built for."""

import os
import pathlib
import tempfile
import threading
import time
import unittest

import parley

# Two short articles of the project's .txt form: title, byline and date, blank line, text.
HARBOUR = """Port strike spreads along the coast
By Test Desk | 2026-02-10

Norway demanded that Denmark reopen the harbour at Skagen to Norwegian fishing boats.
Denmark rejected the demand and said the harbour would stay closed until the spring.
"""
FOREST = """Logging ban divides neighbours
By Test Desk | 2026-03-05

Finland urged Sweden to suspend logging in the border forest.
"""


class ModuleTest(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.scratch.name)
        self.db = parley.open(self.dir / "store")

    def tearDown(self):
        self.db.close()
        self.scratch.cleanup()

    def test_ingest_texts_files_and_folders(self):
        first = self.db.ingest([HARBOUR])
        self.assertEqual([r["outcome"] for r in first], ["added"])
        # The same article again changes nothing; from a file in a folder it is a new article.
        self.assertEqual([r["outcome"] for r in self.db.ingest(HARBOUR)], ["unchanged"])
        folder = self.dir / "articles"
        folder.mkdir()
        (folder / "forest.txt").write_text(FOREST, encoding="utf-8")
        from_folder = self.db.ingest([folder])
        self.assertEqual([r["outcome"] for r in from_folder], ["added"])
        self.assertTrue(from_folder[0]["id"].endswith("forest.txt"), from_folder)
        titles = self.db.query("MATCH (x:Article) RETURN x.title AS title ORDER BY title")
        self.assertEqual(titles, [{"title": "Logging ban divides neighbours"},
                                  {"title": "Port strike spreads along the coast"}])
        # Paths (a str without a line break, a Path) and texts mixed keep their order.
        mixed = self.db.ingest([str(folder / "forest.txt"), HARBOUR.replace("Skagen", "Hirtshals")])
        self.assertEqual([r["outcome"] for r in mixed], ["unchanged", "added"])
        self.assertTrue(mixed[0]["reused"])
        with self.assertRaises(TypeError):
            self.db.ingest([42])

    def test_query_rows_params_and_graph_values(self):
        self.db.ingest([HARBOUR])
        rows = self.db.query("MATCH (a:Actor {name: $name}) RETURN a.id AS id, 1 + $n AS two",
                             {"name": "Norway", "n": 1})
        self.assertEqual(rows, [{"id": "NOR", "two": 2}])
        self.assertEqual(self.db.query("RETURN 1.5 AS f, null AS n, [1, 'a'] AS l"),
                         [{"f": 1.5, "n": None, "l": [1, "a"]}])
        # Parameters of every JSON kind come back as they went in, text in any script too.
        value = {"a": [1, 2.5, "Sangaré", None, True], "b": {"c": -7}, "d": "東京"}
        self.assertEqual(self.db.query("RETURN $v AS v, $v.b.c * 2 AS twice", {"v": value}),
                         [{"v": value, "twice": -14}])
        self.assertEqual(self.db.query("RETURN 2^70 AS big, 9007199254740993 AS exact"),
                         [{"big": 2.0 ** 70, "exact": 9007199254740993}])
        path = self.db.query("MATCH p = (a:Actor {id: 'NOR'})-[r:DEMANDS]->(d:Demand) "
                             "RETURN p, a, r, d.text AS what")[0]
        self.assertEqual(path["a"]["$type"], "node")
        self.assertEqual(path["a"]["labels"], ["Actor"])
        self.assertEqual(path["a"]["properties"]["name"], "Norway")
        self.assertEqual(path["r"]["$type"], "relationship")
        self.assertEqual(path["r"]["type"], "DEMANDS")
        self.assertEqual(path["r"]["start"], path["a"]["id"])
        self.assertEqual(path["p"]["$type"], "path")
        self.assertEqual([n["labels"] for n in path["p"]["nodes"]], [["Actor"], ["Demand"]])
        self.assertIn("reopen the harbour", path["what"])

    def test_query_df_columns(self):
        self.db.ingest([HARBOUR, FOREST])
        df = self.db.query_df("MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) "
                              "RETURN a.name AS who, d.text AS what, b.name AS of_whom ORDER BY who")
        self.assertEqual(list(df.columns), ["who", "what", "of_whom"])
        self.assertEqual(list(df["who"]), ["Finland", "Norway"])
        self.assertEqual(list(df["of_whom"]), ["Sweden", "Denmark"])
        # No rows: the columns are still the query's.
        empty = self.db.query_df("MATCH (a:Actor {name: 'Nobody'}) RETURN a.name AS name, 1 AS one")
        self.assertEqual(list(empty.columns), ["name", "one"])
        self.assertEqual(len(empty), 0)

    def test_demands_by_and_of(self):
        self.db.ingest([HARBOUR, FOREST])
        every = self.db.demands()
        self.assertEqual(sorted(d["source"] for d in every), ["Finland", "Norway"])
        by_norway = self.db.demands(by="Norway")
        self.assertEqual([d["target"] for d in by_norway], ["Denmark"])
        self.assertIn("reopen the harbour", by_norway[0]["demand"])
        self.assertEqual(by_norway[0]["date"], "2026-02-10")
        self.assertEqual([d["source"] for d in self.db.demands(of="Sweden")], ["Finland"])
        self.assertEqual(self.db.demands(by="Norway", of="Sweden"), [])
        self.assertEqual([d["source"] for d in self.db.demands(since="2026-03")], ["Finland"])
        timeline = self.db.demands(timeline=True)
        self.assertIn(("Norway", "Denmark"), [(t["source"], t["target"]) for t in timeline])
        self.assertIn("first_seen", timeline[0])

    def test_extract_without_store(self):
        self.assertRegex(parley.__version__, r"^\d+\.\d+\.\d+$")
        facts = parley.extract(HARBOUR)
        self.assertEqual(facts["title"], "Port strike spreads along the coast")
        demands = [e for e in facts["events"] if e["type"] == "demand"]
        self.assertEqual([(d["source"]["entity"], d["target"]["entity"]) for d in demands],
                         [("NOR", "DNK")])

    def test_errors_are_parley_error_with_one_line(self):
        self.assertTrue(issubclass(parley.Error, Exception))
        with self.assertRaises(parley.Error) as bad_query:
            self.db.query("MATCH (a RETURN a")
        message = str(bad_query.exception)
        self.assertNotIn("\n", message)
        self.assertTrue(message, "an empty message")
        with self.assertRaises(parley.Error) as unknown:
            self.db.demands(by="Atlantis")
        self.assertIn("Atlantis", str(unknown.exception))
        with self.assertRaises(parley.Error) as missing:
            self.db.ingest([self.dir / "no-such-article.txt"])
        self.assertIn("no-such-article.txt", str(missing.exception))
        with self.assertRaises(parley.Error):
            parley.open(self.dir / "no-store", read_only=True)
        with self.assertRaises(parley.Error) as empty:
            parley.extract("  \n")
        self.assertIn("empty", str(empty.exception))
        # What failed left the store as it was.
        self.db.ingest([HARBOUR])
        with self.assertRaises(parley.Error):
            self.db.query("CREATE (n:Note {text: $t})", {"t": object.__name__, "bad": {1, 2}})
        self.assertEqual(self.db.query("MATCH (x:Article) RETURN count(x) AS n"), [{"n": 1}])

    def test_read_only_store_refuses_writes(self):
        self.db.ingest([HARBOUR])
        self.db.close()
        with parley.open(self.dir / "store", read_only=True) as ro:
            self.assertEqual(ro.query("MATCH (a:Actor {id: 'NOR'}) RETURN a.name AS n"),
                             [{"n": "Norway"}])
            with self.assertRaises(parley.Error):
                ro.query("CREATE (:Note)")
            with self.assertRaises(parley.Error):
                ro.ingest([FOREST])
        self.db = parley.open(self.dir / "store")
        self.assertEqual(self.db.query("MATCH (n:Note) RETURN count(n) AS n"), [{"n": 0}])

    def test_open_options(self):
        # Your own actors: a country the built-in dictionary does not know.
        actors = self.dir / "mine.actors"
        actors.write_text("ZARNOVIA_ [ZRN]\n", encoding="utf-8")
        text = "Quota row\nBy Desk | 2026-04-01\n\nZarnovia demanded that Norway lift the quota.\n"
        with parley.open(self.dir / "own", actors=actors, jobs=1) as own:
            own.ingest(text)
            self.assertEqual([(d["source"], d["target"]) for d in own.demands()],
                             [("Zarnovia", "Norway")])
        with self.assertRaises(parley.Error):
            parley.open(self.dir / "absent", create=False)
        self.assertFalse((self.dir / "absent").exists())
        with self.assertRaises(parley.Error) as jobs:
            parley.open(self.dir / "jobs", jobs=1000)
        self.assertIn("jobs", str(jobs.exception))

    def test_closed_store_raises(self):
        self.db.close()
        with self.assertRaises(parley.Error):
            self.db.query("RETURN 1 AS one")
        self.db.close()  # a second close is harmless

    def test_close_waits_for_a_running_query(self):
        # close() from one thread while another runs a query: the query ends with its whole
        # answer, then the store closes (or, had close() come first, the query fails cleanly).
        outcome = []
        started = threading.Event()

        def run():
            started.set()
            try:
                outcome.extend(self.db.query("UNWIND range(1, 3000000) AS x RETURN count(x) AS n"))
            except parley.Error as e:
                outcome.append(str(e))

        worker = threading.Thread(target=run)
        worker.start()
        started.wait()
        time.sleep(0.1)
        self.db.close()
        worker.join()
        self.assertIn(outcome, ([{"n": 3000000}], ["the database is closed"]))
        with self.assertRaises(parley.Error):
            self.db.query("RETURN 1 AS one")

    def test_long_calls_release_the_gil(self):
        # While a query runs in another thread, this thread keeps running Python: the longest
        # pause between its steps stays far below the query's time. Were the GIL held for the
        # query, one pause would last about as long as the whole query.
        query = "UNWIND range(1, 4000000) AS x RETURN sum(x) AS s"
        done = threading.Event()
        answer = []

        def run():
            answer.extend(self.db.query(query))
            done.set()

        # Timed from before the thread starts: holding the GIL, the query would stop this
        # thread inside start() already.
        started = time.monotonic()
        longest, last = 0.0, started
        worker = threading.Thread(target=run)
        worker.start()
        while not done.is_set():
            now = time.monotonic()
            longest, last = max(longest, now - last), now
        worker.join()
        took = time.monotonic() - started
        self.assertEqual(answer, [{"s": 4000000 * 4000001 // 2}])
        self.assertGreater(took, 0.2, "the query is too quick to tell")
        self.assertLess(longest, took / 2, f"longest pause {longest:.3f} s of {took:.3f} s")


if __name__ == "__main__":
    unittest.main()

"""Parley from Python: a news knowledge graph (who demands what of whom) in a local store.

    import parley
    db = parley.open("news.db")
    db.ingest(["article.txt"])
    rows = db.query("MATCH (a:Actor)-[:DEMANDS]->(d:Demand) RETURN a.name AS who, d.text AS what")

The work is done by the C++ library (libparley, through the extension module parley._parley);
this file turns its JSON answers into Python values: a query's rows as dicts keyed by column,
nodes, relationships and paths as dicts with a "$type" key ("node", "relationship", "path").
Every error Parley reports (bad input, a missing file or actor, a mistake in a query) raises
parley.Error with its one-line message.
"""

import json
import os

from . import _parley
from ._parley import Error

__all__ = ["Database", "Error", "extract", "open"]
__version__ = _parley.version()


def _rows(answer):
    """The rows of a {"columns": [...], "rows": [[...]]} JSON answer as dicts keyed by column."""
    result = json.loads(answer)
    columns = result["columns"]
    return [dict(zip(columns, row)) for row in result["rows"]]


def _params(params):
    """`params` (a dict of $name values, or None) as the JSON object the library takes."""
    if params is None:
        return "{}"
    if not isinstance(params, dict):
        raise Error(f"params: a dict of parameter values, not {type(params).__name__}")
    try:
        return json.dumps(params, allow_nan=True)
    except (TypeError, ValueError) as e:
        raise Error(f"params: {e}") from e


def _inputs(paths_or_texts):
    """The ingest inputs as (is_path, text) pairs. A path-like object is a path; a string is the
    text of an article when it holds a line break (title on its first line, as in a .txt file)
    or starts with "{" (one JSONL article line), else a path."""
    if isinstance(paths_or_texts, (str, os.PathLike)):
        paths_or_texts = [paths_or_texts]
    inputs = []
    for item in paths_or_texts:
        if isinstance(item, os.PathLike):
            inputs.append((True, os.fspath(item)))
        elif isinstance(item, str):
            inputs.append((not ("\n" in item or item.startswith("{")), item))
        else:
            raise TypeError(f"ingest takes paths and article texts, not {type(item).__name__}")
    return inputs


class Database:
    """An open Parley store (parley.open). Usable as a context manager, which closes it."""

    def __init__(self, handle):
        self._db = handle

    def query(self, text, params=None):
        """Runs an openCypher query; its rows as a list of dicts keyed by column name. `params`
        (a dict) gives the values of $name parameters."""
        return _rows(self._db.query(text, _params(params)))

    def query_df(self, text, params=None):
        """Runs a query like query(); its rows as a pandas DataFrame with the query's columns
        (in order, even when there are no rows). Needs pandas."""
        try:
            import pandas
        except ImportError as e:
            raise ImportError("query_df needs pandas (Debian: python3-pandas)") from e
        # From the rows as lists: building dicts first would only double the time.
        result = json.loads(self._db.query(text, _params(params)))
        return pandas.DataFrame(result["rows"], columns=result["columns"])

    def ingest(self, paths_or_texts):
        """Extracts and stores articles, one atomic write each: files and folders as `parley
        ingest` takes them (.txt, .md, .jsonl) and article texts. Returns one dict per article,
        in input order: {"id", "outcome": "added" | "replaced" | "unchanged", "reused"}."""
        return self._db.ingest(_inputs(paths_or_texts))

    def demands(self, by=None, of=None, about=None, since=None, timeline=False):
        """Who demands what of whom, as `parley demands` lists them: one dict per demand
        (source, demand, target, about, sources, reports, date, quote). `by` and `of` name
        actors, `about` a policy (an id, a name or alias, or a piece of one), `since` a date
        (YYYY[-MM[-DD]]); an actor or policy the store lacks raises parley.Error. timeline=True:
        one dict per event between actors over time instead (source, relation, target, what,
        first_seen, last_seen, sources, reports, quote)."""
        answer = self._db.demands(by or "", of or "", about or "", since or "", timeline)
        return _rows(answer)

    def close(self):
        """Closes the store (later calls raise parley.Error); closing twice is harmless."""
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open(path, read_only=False, create=True, actors=None, jobs=0):  # noqa: A001 -- parley.open
    """Opens the store in folder `path`: made when missing if `create` (not with read_only).
    `actors`: your own actor dictionary (a file as `parley ingest --actors` takes), added to the
    built-in one for ingest; `jobs`: threads that extract during ingest (0: one per core)."""
    actors = os.fspath(actors) if actors is not None else ""
    return Database(_parley.open(os.fspath(path), read_only, create, actors, jobs))


def extract(text):
    """The facts Parley extracts from one article's text (title on its first line), without a
    store: a dict as one line of `parley extract` prints it (entities, events, triples, ...)."""
    return json.loads(_parley.extract(text))

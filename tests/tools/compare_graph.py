#!/usr/bin/python3
"""Reads a GraphML or GEXF export with networkx and checks it against the store.

usage: compare_graph.py graphml|gexf EXPORT NODES.jsonl RELS.jsonl

NODES.jsonl and RELS.jsonl are the store as `parley query --format jsonl` prints it:
{"id", "labels", "props"} per node and {"id", "type", "src", "dst", "props"} per relationship.
Every node and relationship must be in the export, none more, with every property equal to
the stored value as the format carries it. Prints what differs and exits 1 if anything does.
"""
import json
import sys

import networkx as nx
from networkx.readwrite.gexf import GEXF

RESERVED = {"labels", "type", "label"}


def xml_text(s):
    """What XML 1.0 can carry of a string: the characters it cannot hold are dropped."""
    def ok(c):
        cp = ord(c)
        return (cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD
                or 0x10000 <= cp <= 0x10FFFF)
    return "".join(c for c in s if ok(c))


def text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(text(x) for x in v) + "]"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def expected(v):
    if isinstance(v, str):
        return xml_text(v)
    if isinstance(v, list):
        return xml_text(text(v))
    return v


def same(want, got):
    if isinstance(want, float) or isinstance(got, float):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and float(want) == float(got)
    return want == got and type(want) is type(got)


def read(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path)
    # networkx reads GEXF 1.1draft and 1.2draft; 1.3 differs from 1.2draft in its namespace
    # and in what these exports do not use, so it is read with 1.2draft's rules.
    GEXF.versions["1.3"] = dict(GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3",
                                NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3",
                                SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
    return nx.read_gexf(path, version="1.3")


def main():
    fmt, path, nodes_file, rels_file = sys.argv[1:5]
    g = read(fmt, path)
    nodes = [json.loads(l) for l in open(nodes_file, encoding="utf-8") if l.strip()]
    rels = [json.loads(l) for l in open(rels_file, encoding="utf-8") if l.strip()]
    problems = []
    if g.number_of_nodes() != len(nodes):
        problems.append(f"{g.number_of_nodes()} nodes, store has {len(nodes)}")
    if g.number_of_edges() != len(rels):
        problems.append(f"{g.number_of_edges()} edges, store has {len(rels)}")
    for n in nodes:
        key = f"n{n['id']}"
        if key not in g:
            problems.append(f"node {key} missing")
            continue
        data = g.nodes[key]
        labels = ":" + ":".join(n["labels"]) if fmt == "graphml" else "[" + ", ".join(n["labels"]) + "]"
        if data.get("labels") != labels:
            problems.append(f"node {key} labels {data.get('labels')!r}, want {labels!r}")
        for k, v in n["props"].items():
            name = "property_" + k if k in RESERVED else k
            if not same(expected(v), data.get(name)):
                problems.append(f"node {key} {name} = {data.get(name)!r}, want {expected(v)!r}")
    edges = {}
    if g.is_multigraph():
        for u, v, k, d in g.edges(keys=True, data=True):
            edges[d.get("id", k)] = (u, v, d)
    else:
        for u, v, d in g.edges(data=True):
            edges[d.get("id")] = (u, v, d)
    for r in rels:
        key = f"e{r['id']}"
        if key not in edges:
            problems.append(f"edge {key} missing")
            continue
        u, v, data = edges[key]
        if (u, v) != (f"n{r['src']}", f"n{r['dst']}"):
            problems.append(f"edge {key} joins {u}->{v}")
        if data.get("type") != r["type"]:
            problems.append(f"edge {key} type {data.get('type')!r}, want {r['type']!r}")
        for k, val in r["props"].items():
            name = "property_" + k if k in RESERVED else k
            if not same(expected(val), data.get(name)):
                problems.append(f"edge {key} {name} = {data.get(name)!r}, want {expected(val)!r}")
    for p in problems[:20]:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

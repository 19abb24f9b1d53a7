#!/usr/bin/env python3
"""Converts the openCypher TCK's .feature files into the JSON scenarios run_tck.py runs.

usage: features_to_json.py TCK_DIR OUT.json
TCK_DIR is a checkout's `tck` folder (its `features` and `graphs`). Every scenario is kept
(no subset filter); a Background's steps go before each scenario's; a Scenario Outline gives
one record per Examples row, named "NAME (example K)"; "Given the NAME graph" inlines the named
graph's .cypher file; a second "executing query" makes the first a setup statement; "executing
control query" and its result become the record's `control`. Scenarios that need a procedure
declared by the test harness ("there exists a procedure") cannot be run by a CLI and are left
out (counted on stderr). Needs run_tck.py (../shared/bench/tck, or $PARLEY_SHARED/bench/tck)
for reading TCK values into JSON parameters.
"""
import json
import os
import re
import sys

_here = os.path.dirname(os.path.abspath(__file__))
_shared = os.environ.get("PARLEY_SHARED", os.path.join(_here, "..", "..", "..", "shared"))
sys.path.insert(0, os.path.join(_shared, "bench", "tck"))
from run_tck import parse_tck, to_plain  # noqa: E402


def load_graph(graphs_dir, name):
    for root, _, files in os.walk(graphs_dir):
        for f in files:
            if f == name + ".cypher":
                return open(os.path.join(root, f), encoding="utf-8").read()
    raise KeyError(name)


def parse_table(lines, i):
    rows = []
    while i < len(lines) and lines[i].strip().startswith("|"):
        s = lines[i].strip()
        # split on | not inside quotes: TCK cells rarely contain |, handle backslash-escaped \|
        cells = re.split(r"(?<!\\)\|", s)[1:-1]
        rows.append([c.strip().replace("\\|", "|") for c in cells])
        i += 1
    return rows, i


def parse_docstring(lines, i):
    # lines[i] is the opening """
    indent = len(lines[i]) - len(lines[i].lstrip())
    i += 1
    out = []
    while lines[i].strip() != '"""':
        ln = lines[i]
        out.append(ln[indent:] if ln[:indent].strip() == "" else ln.lstrip())
        i += 1
    return "\n".join(out), i + 1


def parse_feature(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    feature = None
    scenarios = []  # (name, outline?, steps, examples)
    cur = None
    background = None
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith("#") or not s or s.startswith("@"):
            i += 1
            continue
        if s.startswith("Feature:"):
            feature = s[len("Feature:"):].strip()
            i += 1
            continue
        if s.startswith("Background:"):
            cur = {"name": "", "outline": False, "steps": [], "examples": [], "background": True}
            background = cur
            i += 1
            continue
        m = re.match(r"(Scenario Outline|Scenario):\s*(.*)", s)
        if m:
            cur = {"name": m.group(2), "outline": m.group(1) == "Scenario Outline",
                   "steps": list(background["steps"]) if background else [], "examples": []}
            scenarios.append(cur)
            i += 1
            continue
        if s.startswith("Examples:"):
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("|"):
                i += 1
            rows, i = parse_table(lines, i)
            cur["examples"].append(rows)
            continue
        m = re.match(r"(Given|When|Then|And|But)\s+(.*)", s)
        if m and cur is not None:
            text = m.group(2)
            i += 1
            arg = None
            if i < len(lines) and lines[i].strip() == '"""':
                arg, i = parse_docstring(lines, i)
            elif i < len(lines) and lines[i].strip().startswith("|"):
                arg, i = parse_table(lines, i)
            cur["steps"].append((text, arg))
            continue
        i += 1
    return feature, scenarios


def subst(x, binding):
    if x is None:
        return None
    if isinstance(x, str):
        for k, v in binding.items():
            x = x.replace("<" + k + ">", v)
        return x
    return [[subst(c, binding) for c in r] for r in x]


def build(feature, folder, name, steps, graphs_dir):
    sc = {"feature": feature, "scenario": name, "setup": [], "query": None, "params": {},
          "expect": None, "side_effects": {}, "folder": folder, "tags": []}
    target = "main"
    for text, arg in steps:
        if text.startswith("an empty graph") or text.startswith("any graph"):
            continue
        m = re.match(r"the (\S+) graph", text)
        if m:
            sc["setup"].append(load_graph(graphs_dir, m.group(1)))
            continue
        if text.startswith("having executed"):
            sc["setup"].append(arg)
            continue
        if text.startswith("parameters are"):
            for r in arg:
                sc["params"][r[0]] = to_plain(parse_tck(r[1]))
            continue
        if text.startswith("executing query"):
            if sc["query"] is None:
                sc["query"] = arg
            else:  # a second query: run the first as setup
                sc["setup"].append(sc["query"])
                sc["query"] = arg
            target = "main"
            continue
        if text.startswith("executing control query"):
            sc["control"] = {"query": arg, "expect": None}
            target = "control"
            continue
        if text.startswith("the result should be empty"):
            exp = {"columns": None, "rows": [], "ordered": False}
        elif text.startswith("the result should be"):
            exp = {"columns": arg[0], "rows": arg[1:], "ordered": "in order" in text}
            if "ignoring element order for lists" in text:
                exp["lists_unordered"] = True
        elif re.match(r"an? \w+ should be raised", text):
            exp = {"error": text}
            sc["tags"].append("error")
        elif text.startswith("no side effects"):
            continue
        elif text.startswith("the side effects should be"):
            sc["side_effects"] = {r[0]: int(r[1]) for r in arg}
            continue
        else:
            raise ValueError(f"unknown step {text!r}")
        if target == "main":
            sc["expect"] = exp
        else:
            sc["control"]["expect"] = exp
    if sc["query"] is None or sc["expect"] is None:
        raise ValueError("incomplete scenario")
    if "control" in sc and sc["control"]["expect"] is None:
        del sc["control"]
    return sc


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: features_to_json.py TCK_DIR OUT.json")
    feat_dir = os.path.join(sys.argv[1], "features")
    graphs_dir = os.path.join(sys.argv[1], "graphs")
    out = sys.argv[2]
    if not os.path.isdir(feat_dir):
        sys.exit(f"features_to_json.py: {feat_dir}: no such folder")
    out_list, bad = [], 0
    for root, _, files in sorted(os.walk(feat_dir)):
        for f in sorted(files):
            if not f.endswith(".feature"):
                continue
            path = os.path.join(root, f)
            folder = os.path.relpath(root, feat_dir)
            feature, scs = parse_feature(path)
            for s in scs:
                try:
                    if s["outline"]:
                        k = 0
                        for table in s["examples"]:
                            head = table[0]
                            for row in table[1:]:
                                k += 1
                                b = dict(zip(head, row))
                                steps = [(subst(t, b), subst(a, b)) for t, a in s["steps"]]
                                out_list.append(build(feature, folder, f"{subst(s['name'], b)} (example {k})", steps, graphs_dir))
                    else:
                        out_list.append(build(feature, folder, s["name"], s["steps"], graphs_dir))
                except Exception as e:  # a step this converter does not know: say which
                    bad += 1
                    print(f"skipped {path}: {s['name']}: {e}", file=sys.stderr)
    json.dump(out_list, open(out, "w"), indent=1)
    print(f"{len(out_list)} scenarios written to {out}, {bad} left out", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Splits a run_tck.py report into the figures the openCypher TCK is quoted by.

usage: tck_figures.py SCENARIOS.json REPORT.json [--failures]

Prints passed/total for: the core subset (scenarios whose statements use only MATCH, OPTIONAL
MATCH, WHERE, RETURN, ORDER BY, SKIP, LIMIT and CREATE: none of WITH, UNWIND, MERGE, SET, DELETE,
REMOVE, CALL, UNION, FOREACH, LOAD CSV, list or pattern comprehensions, any/all/none/single,
reduce, EXISTS/COUNT/COLLECT subqueries) outside expressions/temporal; the same subset inside
expressions/temporal; and every scenario. The subset is recognised from the statement texts
(string literals blanked first), so it is close to, not exactly, a hand-kept list.
--failures lists the failed scenarios with run_tck.py's reason.
"""
import json
import re
import sys

OUTSIDE = re.compile(
    r"(?<!STARTS )(?<!ENDS )\b(WITH|UNWIND|MERGE|SET|DELETE|REMOVE|CALL|UNION|FOREACH|LOAD\s+CSV|"
    r"reduce|any|all|none|single|EXISTS|COUNT\s*\{|COLLECT\s*\{)\b", re.I)
COMPREHENSION = re.compile(r"\[\s*\w+\s+IN\b|\[\s*\(|\[\s*\w+\s*=\s*\(", re.I)
STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def in_subset(sc):
    texts = sc["setup"] + [sc["query"]] + ([sc["control"]["query"]] if sc.get("control") else [])
    text = STRING.sub("''", " ".join(texts))
    return not OUTSIDE.search(text) and not COMPREHENSION.search(text)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: tck_figures.py SCENARIOS.json REPORT.json [--failures]")
    scenarios = json.load(open(sys.argv[1], encoding="utf-8"))
    report = json.load(open(sys.argv[2], encoding="utf-8"))
    if len(scenarios) != len(report):
        sys.exit("tck_figures.py: the report is not of these scenarios (counts differ)")
    figures = {"core subset": [0, 0], "temporal subset": [0, 0], "whole": [0, 0]}
    for sc, r in zip(scenarios, report):
        kinds = ["whole"]
        if in_subset(sc):
            kinds.append("temporal subset" if "temporal" in sc["folder"] else "core subset")
        for k in kinds:
            figures[k][0] += bool(r["passed"])
            figures[k][1] += 1
        if "--failures" in sys.argv and not r["passed"]:
            print(f"FAIL {sc['folder']}: {sc['feature']}: {sc['scenario']}: {r['reason'][:160]}")
    for k, (p, t) in figures.items():
        print(f"{k:<16} {p:>5} of {t:<5} {p / max(1, t):6.1%}")


if __name__ == "__main__":
    main()

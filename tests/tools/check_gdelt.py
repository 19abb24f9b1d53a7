#!/usr/bin/env python3
"""Checks `parley export --format gdelt` against the stored events.

Usage: check_gdelt.py EXPORT.tsv NODES.jsonl STANCES.jsonl TIMELINE.jsonl

EXPORT.tsv is read with Python's csv module (tab-delimited, GDELT's files have no header).
NODES.jsonl and STANCES.jsonl are the stored events as `parley query` returns them (id,
props, src, dst, articles, place; nodes also labels, stances also dstlabels), TIMELINE.jsonl is `parley demands
--timeline`. Every line must have 61 fields, every stored event one line, and every column
must hold what the stored event says. Prints one line per problem and exits 1 if any, else
prints the number of events checked.
"""
import csv
import json
import os
import sys
from collections import Counter

GEO_TYPES = {"city": ("4", "3"), "region": ("5", "2"), "country": ("1", "1")}


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def date_columns(date):
    """Day, MonthYear, Year of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if not date:
        return "", "", ""
    parts = date.split("-")
    y = parts[0]
    m = parts[1] if len(parts) > 1 else ""
    d = parts[2][:2] if len(parts) > 2 else ""
    return (y + m + d if d else "", y + m if m else "", y)


def main():
    export, nodes, stances, timeline = sys.argv[1:5]
    with open(export, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    problems = []
    for i, r in enumerate(rows):
        if len(r) != 61:
            problems.append(f"line {i + 1}: {len(r)} fields, not 61")
    if problems:
        print("\n".join(problems))
        return 1

    # The relationship `parley demands --timeline` names an event node by: DEMANDS for a
    # demand, the stance of its type between two actors for an event of one actor.
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                           "event_types.json"), encoding="utf-8") as f:
        types = json.load(f)["types"]
    stored = {}
    for e in load_jsonl(nodes):
        shape = types.get(e["props"].get("type", ""), {})
        e["relation"] = "DEMANDS" if "Demand" in (e.get("labels") or []) else \
            shape.get("relationship", "PERFORMS")
        stored[str(e["id"])] = e
    for e in load_jsonl(stances):
        e["relation"] = e["type"]
        e["articles"] = e["props"].get("articles", [])
        stored[str(e["id"])] = e
    seen = [r[0] for r in rows]
    if sorted(seen) != sorted(stored):
        problems.append(f"ids: {len(seen)} lines for {len(stored)} stored events, "
                        f"missing {sorted(set(stored) - set(seen))[:5]}, "
                        f"extra {sorted(set(seen) - set(stored))[:5]}")

    def field(text):
        """A value as the export writes it: control characters as spaces, '"' as "'"."""
        return "".join(" " if ord(c) < 0x20 or c in "\x7f\x85\u2028\u2029" else
                       "'" if c == '"' else c for c in text)

    def check(row, col, want, what):
        want = field(want)
        if row[col] != want:
            problems.append(f"event {row[0]}: column {col} ({what}) is {row[col]!r}, "
                            f"stored {want!r}")

    counts = Counter()
    for r in rows:
        e = stored.get(r[0])
        if e is None:
            continue
        p = e["props"]
        day, month, year = date_columns(p.get("event_date") or p.get("date") or "")
        check(r, 1, day, "Day")
        check(r, 2, month, "MonthYear")
        check(r, 3, year, "Year")
        if day:
            frac = float(r[4])
            if not (int(year) <= frac < int(year) + 1.0001):
                problems.append(f"event {r[0]}: FractionDate {r[4]} outside {year}")
        for base, actor, labels in ((5, e.get("src"), ["Actor"]),
                                    (15, e.get("dst"), e.get("dstlabels", ["Actor"]))):
            if actor is None:
                for k in range(10):
                    check(r, base + k, "", "actor field of no actor")
                continue
            check(r, base + 1, actor.get("name") or actor.get("id"), "actor name")
            if "Actor" not in (labels or []):
                check(r, base, "", "code of a policy")
                continue
            if actor.get("code"):
                check(r, base, actor["code"], "actor code")
            if actor.get("kind") == "country":
                check(r, base + 2, actor["id"], "actor country")
                if not r[base].startswith(actor["id"]):
                    problems.append(f"event {r[0]}: code {r[base]} not of country {actor['id']}")
            if actor.get("sector"):
                check(r, base + 7, actor["sector"], "actor type 1")
            for k in (4, 5, 6, 8, 9):
                check(r, base + k, "", "ethnic, religion, type 2/3")
        if r[25] not in ("0", "1"):
            problems.append(f"event {r[0]}: IsRootEvent {r[25]!r}")
        cameo = p.get("cameo", "")
        check(r, 26, cameo, "EventCode")
        check(r, 27, cameo[:3], "EventBaseCode")
        check(r, 28, cameo[:2], "EventRootCode")
        check(r, 29, "" if p.get("quad_class") is None else str(p["quad_class"]), "QuadClass")
        g = p.get("goldstein")
        if g is None:
            check(r, 30, "", "GoldsteinScale")
        elif r[30] == "" or abs(float(r[30]) - float(g)) > 1e-9:
            problems.append(f"event {r[0]}: GoldsteinScale {r[30]!r}, stored {g}")
        check(r, 31, str(len(e["articles"])), "NumMentions")
        check(r, 33, str(len(e["articles"])), "NumArticles")
        check(r, 34, "", "AvgTone")
        for k in range(35, 51):
            check(r, k, "", "actor geography")
        place = e.get("place")
        if place is None:
            for k in range(51, 59):
                check(r, k, "", "ActionGeo of an unplaced event")
        else:
            types = GEO_TYPES.get(place.get("kind", ""), ("", ""))
            check(r, 51, types[1] if place.get("country") == "US" else types[0], "ActionGeo_Type")
            check(r, 52, place.get("name", ""), "ActionGeo_FullName")
            check(r, 53, place.get("country", ""), "ActionGeo_CountryCode")
            check(r, 54, place.get("region", ""), "ActionGeo_ADM1Code")
            check(r, 55, "", "ActionGeo_ADM2Code")
            located = isinstance(place.get("lat"), (int, float)) and \
                isinstance(place.get("lon"), (int, float))
            check(r, 56, f"{place['lat']:.4f}" if located else "", "ActionGeo_Lat")
            check(r, 57, f"{place['lon']:.4f}" if located else "", "ActionGeo_Long")
            check(r, 58, str(place.get("feature_id", place.get("id", ""))), "ActionGeo_FeatureID")
        added = date_columns(p.get("date") or "")[0]
        check(r, 59, added + "000000" if added else "", "DATEADDED")
        if r[60] not in e["articles"]:
            problems.append(f"event {r[0]}: SOURCEURL {r[60]!r} is none of its articles")
        counts[(e["relation"], p.get("text", ""), r[32], r[33])] += 1

    # NumSources and NumArticles as `parley demands --timeline` counts them, event for event.
    told = Counter()
    for t in load_jsonl(timeline):
        told[(t["relation"], t["what"] or "", str(t["sources"]), str(t["reports"]))] += 1
    if counts != told:
        diff = (counts - told) + (told - counts)
        problems.append(f"NumSources/NumArticles differ from parley demands: {dict(diff)}")

    if problems:
        print("\n".join(problems))
        return 1
    print(f"{len(rows)} events, 61 fields each, every column as stored")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks data/predicates.json and data/policies.json against data/event_types.json.

Usage: python3 data/tools/check_lexicons.py [--data DIR]

Checks that the three files are valid JSON; that every type of the coding table of
event_types.json is one of its types and every root 01-20 has a type; that predicates.json has
only the sections core/lexicon.cc reads, each of the right shape, with every code a CAMEO code
that the coding table types; and that policy ids are unique, every area and kind is declared
and no name, alias or acronym belongs to two policies. Exit status 1 on any error.
Python 3 standard library only.
"""
import argparse
import json
import os
import re
import sys

# CAMEO codes (codebook v1.1b3, plus the later 155, 176, 1834, 1951, 1952).
_CODES = """
01 010 011 012 013 014 015 016 017 018 019
02 020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244
   025 0251 0252 0253 0254 0255 0256 026 027 028
03 030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344
   035 0351 0352 0353 0354 0355 0356 036 037 038 039
04 040 041 042 043 044 045 046
05 050 051 052 053 054 055 056 057
06 060 061 062 063 064
07 070 071 072 073 074 075
08 080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862
   0863 087 0871 0872 0873 0874
09 090 091 092 093 094
10 100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 1043 1044
   105 1051 1052 1053 1054 1055 1056 106 107 108
11 110 111 112 1121 1122 1123 1124 1125 113 114 115 116
12 120 121 1211 1212 122 1221 1222 1223 1224 123 1231 1232 1233 1234 124 1241 1242 1243
   1244 1245 1246 125 126 127 128 129
13 130 131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135 136 137 138 1381 1382 1383
   1384 1385 139
14 140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 1434 144 1441
   1442 1443 1444 145 1451 1452 1453 1454
15 150 151 152 153 154 155
16 160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663
17 170 171 1711 1712 172 1721 1722 1723 1724 173 174 175 176
18 180 181 182 1821 1822 1823 183 1831 1832 1833 1834 184 185 186
19 190 191 192 193 194 195 1951 1952 196
20 200 201 202 203 204 2041 2042
"""
CAMEO = set(_CODES.split())

POLICY_FIELDS = {"id", "name", "aliases", "acronyms", "context_aliases", "area", "kind",
                 "generic", "note"}

SECTIONS = {
    "about": str,
    "clause_frames": dict, "event_nouns": dict, "future_codes": dict, "future_modals": list, "verb_codes": dict, "object_frames": list,
    "self_infinitive": list, "light_verbs": list, "target_slots": list, "content_slots": list,
    "demand_modals": list, "hedge_cues": list, "condition_cues": list,
}


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, where, what):
        self.errors.append(f"{where}: {what}")


def type_of(coding, code):
    for n in range(len(code), 1, -1):
        if code[:n] in coding:
            return coding[code[:n]]
    return None


def check_types(c, t):
    types = t.get("types", {})
    coding = t.get("coding", {})
    for code, typ in coding.items():
        if typ not in types:
            c.err(f"event_types.json: coding.{code}", f"{typ!r} is not a type")
    for root in range(1, 21):
        if f"{root:02d}" not in coding:
            c.err("event_types.json: coding", f"root {root:02d} has no type")
    return coding


def check_predicates(c, p, coding):
    for key, value in p.items():
        if key not in SECTIONS:
            c.err(f"predicates.json: {key}", "unknown section (core/lexicon.cc does not read it)")
        elif not isinstance(value, SECTIONS[key]):
            c.err(f"predicates.json: {key}", f"expected a {SECTIONS[key].__name__}")
        elif isinstance(value, list) and not all(isinstance(x, str) and x for x in value):
            c.err(f"predicates.json: {key}", "holds a non-string or an empty string")
    for section in ("clause_frames", "event_nouns", "future_codes", "verb_codes"):
        for word, code in p.get(section, {}).items():
            if word == "about":
                continue
            if isinstance(code, dict) and section in ("clause_frames", "event_nouns"):
                extra = set(code) - {"code", "target", "content", "complement"}
                if extra:
                    c.err(f"predicates.json: {section}.{word}", f"unknown fields {sorted(extra)}")
                for f in ("target", "content"):
                    if not all(isinstance(x, str) and x for x in code.get(f, [])):
                        c.err(f"predicates.json: {section}.{word}", f"{f} is not a list of words")
                code = code.get("code")
            if code not in CAMEO:
                c.err(f"predicates.json: {section}.{word}", f"{code!r} is not a CAMEO code")
            elif type_of(coding, code) is None:
                c.err(f"predicates.json: {section}.{word}", f"no type for {code}")


def check_policies(c, p):
    areas = p.get("areas", {})
    kinds = p.get("kinds", {})
    ids = set()
    owner = {}
    for i, e in enumerate(p.get("policies", [])):
        w = f"policies[{i}]({e.get('id')})"
        extra = set(e) - POLICY_FIELDS
        if extra:
            c.err(w, f"unknown fields {sorted(extra)}")
        for f in ("id", "name", "aliases", "area", "kind"):
            if f not in e:
                c.err(w, f"missing {f}")
        pid = e.get("id", "")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid or ""):
            c.err(w, "id must be lower case, hyphenated")
        if pid in ids:
            c.err(w, "duplicate id")
        ids.add(pid)
        if e.get("area") not in areas:
            c.err(w, f"area {e.get('area')!r} not declared")
        if e.get("kind") not in kinds:
            c.err(w, f"kind {e.get('kind')!r} not declared")
        forms = [(e.get("name", "").lower(), "name")] + \
                [(a.lower(), "alias") for a in e.get("aliases", [])] + \
                [(a, "acronym") for a in e.get("acronyms", [])] + \
                [(a.lower(), "context") for a in e.get("context_aliases", [])]
        if not e.get("aliases") and not e.get("acronyms"):
            c.err(w, "no aliases")
        for a, how in forms:
            if not a or a != a.strip():
                c.err(w, f"bad {how} {a!r}")
                continue
            if how != "context" and a in owner and owner[a] != pid:
                c.err(w, f"{how} {a!r} also belongs to {owner[a]}")
            if how != "context":
                owner.setdefault(a, pid)
    return len(ids)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    args = ap.parse_args()
    docs = {}
    c = Checker()
    for name in ("event_types.json", "predicates.json", "policies.json"):
        try:
            with open(os.path.join(args.data, name), encoding="utf-8") as f:
                docs[name] = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: {e}")
            return 1
    coding = check_types(c, docs["event_types.json"])
    check_predicates(c, docs["predicates.json"], coding)
    n_pol = check_policies(c, docs["policies.json"])
    for e in c.errors:
        print(e)
    print(f"policies.json: {n_pol} policies; {len(c.errors)} error(s)")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())

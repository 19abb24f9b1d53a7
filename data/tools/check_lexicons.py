#!/usr/bin/env python3
"""Checks data/predicates.json and data/policies.json against data/event_types.json.

Usage: python3 data/tools/check_lexicons.py [--data DIR] [--counts]

Checks that both files are valid JSON; that every "type" is a type of event_types.json and
every CAMEO code is a known CAMEO code whose root (first two digits) is the root
event_types.json gives for that type (entries, frame/negation/joint overrides, reversals,
modal details, frame_codes, content_keywords); that slots, frames and fields are known; that no
(head, prep, object) pair of two phrases gives different codes; and that policy ids are
unique, every area and kind is declared and no alias belongs to two policies.
Prints a summary (with --counts, entries per CAMEO root). Exit status 1 on any error.
Python 3 standard library only.
"""
import argparse
import collections
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

PREPS = {"on", "upon", "with", "against", "to", "for", "of", "from", "between", "at", "in", "into",
         "about", "over", "behind", "by", "as", "near", "along", "off", "outside", "toward",
         "towards", "under", "through", "across"}
SLOTS = PREPS | {"dobj", "iobj", "owner", "nsubj"}
FRAMES = {"that", "obj_to", "for_to", "to", "ing"}
ENTRY_FIELDS = {"type", "cameo", "target", "source", "content", "complement", "frames",
                "symmetric", "reporting", "intent", "content_only", "negated", "joint", "note",
                "forms"}
PHRASE_FIELDS = ENTRY_FIELDS | {"head", "pos", "prep", "object", "xcomp"}
POLICY_FIELDS = {"id", "name", "aliases", "acronyms", "context_aliases", "area", "kind",
                 "generic", "note"}


class Checker:
    def __init__(self, types):
        self.types = types
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def code(self, where, typ, code):
        if typ not in self.types:
            self.err(where, f"unknown type {typ!r}")
            return
        if not isinstance(code, str) or not re.fullmatch(r"\d{2,4}", code):
            self.err(where, f"bad CAMEO code {code!r}")
            return
        if code not in CAMEO:
            self.err(where, f"{code} is not a CAMEO code")
        root = self.types[typ]["cameo"]
        if code[:2] != root:
            self.err(where, f"code {code} has root {code[:2]} but type {typ} is root {root}")

    def override(self, where, o, allow_null=False):
        if o is None:
            if not allow_null:
                self.err(where, "null not allowed here")
            return
        if not isinstance(o, dict):
            self.err(where, "expected an object")
            return
        if o == {}:
            return
        if set(o) - {"type", "cameo"} or "type" not in o or "cameo" not in o:
            self.err(where, f"override needs exactly type and cameo: {o}")
            return
        self.code(where, o["type"], o["cameo"])

    def entry(self, where, e, fields):
        if not isinstance(e, dict):
            self.err(where, "expected an object")
            return
        extra = set(e) - fields
        if extra:
            self.err(where, f"unknown fields {sorted(extra)}")
        for f in ("type", "cameo", "target"):
            if f not in e:
                self.err(where, f"missing {f}")
        if "type" in e and "cameo" in e:
            self.code(where, e["type"], e["cameo"])
        for f in ("target", "source", "content"):
            if f in e:
                v = e[f]
                if not isinstance(v, list) or any(s not in SLOTS for s in v):
                    self.err(where, f"{f}: unknown slot in {v}")
                elif len(set(v)) != len(v):
                    self.err(where, f"{f}: repeated slot in {v}")
        for f in ("complement", "symmetric", "reporting", "intent", "content_only", "xcomp"):
            if f in e and not isinstance(e[f], bool):
                self.err(where, f"{f} must be true/false")
        if "frames" in e:
            fr = e["frames"]
            if not isinstance(fr, dict):
                self.err(where, "frames must be an object")
            else:
                for k, v in fr.items():
                    if k not in FRAMES:
                        self.err(where, f"unknown frame {k!r}")
                    self.override(f"{where}.frames.{k}", v, allow_null=True)
        if "negated" in e:
            self.override(f"{where}.negated", e["negated"], allow_null=True)
        if "joint" in e:
            self.override(f"{where}.joint", e["joint"])
        if "forms" in e and (not isinstance(e["forms"], list) or not e["forms"]):
            self.err(where, "forms must be a non-empty list")


def check_predicates(c, p):
    for sec in ("about", "verbs", "nouns", "phrases", "demand_modals", "negation_cues",
                "hedge_cues", "condition_cues"):
        if sec not in p:
            c.err("predicates", f"missing section {sec!r}")
    seen_verbs = {}
    for sec in ("verbs", "content_verbs", "frame_verbs", "nouns"):
        for k, e in p.get(sec, {}).items():
            if k != k.strip() or k != k.lower():
                c.err(f"{sec}[{k!r}]", "keys are lower case without outer spaces")
            if sec != "nouns":
                if k in seen_verbs:
                    c.err(f"{sec}[{k!r}]", f"also in {seen_verbs[k]}")
                seen_verbs[k] = sec
            c.entry(f"{sec}[{k!r}]", e, ENTRY_FIELDS)
        for k, e in p.get(sec, {}).items():
            if sec == "frame_verbs" and not e.get("frames"):
                c.err(f"{sec}[{k!r}]", "a frame verb needs frames")
    pairs = {}
    for k, e in p.get("phrases", {}).items():
        w = f"phrases[{k!r}]"
        c.entry(w, e, PHRASE_FIELDS)
        heads = e.get("head")
        objs = e.get("object")
        if not isinstance(heads, list) or not heads or not all(isinstance(h, str) and h for h in heads):
            c.err(w, "head must be a non-empty list of strings")
            continue
        if not isinstance(objs, list) or not objs:
            c.err(w, "object must be a non-empty list")
            continue
        if e.get("pos") not in ("verb", "noun"):
            c.err(w, "pos must be verb or noun")
        if "prep" in e and e["prep"] not in PREPS:
            c.err(w, f"unknown prep {e['prep']!r}")
        for h in heads:
            for o in objs:
                key = (e.get("pos"), h, e.get("prep"), o.lower())
                got = (e.get("type"), e.get("cameo"))
                if key in pairs and pairs[key][1] != got:
                    c.err(w, f"{h} {e.get('prep') or ''} {o}: also in {pairs[key][0]!r} with "
                             f"{pairs[key][1]}")
                pairs.setdefault(key, (k, got))
    # frame codes and content classes
    fc = p.get("frame_codes", {}).get("codes", {})
    classes = set()
    for root, m in fc.items():
        for cls, code in m.items():
            classes.add(cls)
            if code not in CAMEO or code[:2] != root:
                c.err(f"frame_codes[{root}][{cls}]", f"bad code {code}")
    for prefix, cls in p.get("content_classes", {}).get("prefixes", {}).items():
        if prefix not in CAMEO:
            c.err(f"content_classes[{prefix}]", "not a CAMEO code")
        if cls not in classes and cls.split(".")[0] not in classes:
            c.err(f"content_classes[{prefix}]", f"class {cls!r} unused by frame_codes")
    for prefix, o in p.get("reversals", {}).get("codes", {}).items():
        if prefix not in CAMEO:
            c.err(f"reversals[{prefix}]", "not a CAMEO code")
        c.override(f"reversals[{prefix}]", o)
    md = p.get("modal_details", {})
    for m in p.get("demand_modals", []):
        if not isinstance(m, str):
            c.err("demand_modals", f"{m!r} is not a string")
        elif md and m not in md:
            c.err("demand_modals", f"{m!r} missing from modal_details")
    for m, d in md.items():
        c.code(f"modal_details[{m!r}]", d.get("type"), d.get("cameo"))
        if d.get("negated") not in ("prohibition", "cancel"):
            c.err(f"modal_details[{m!r}]", "negated must be prohibition or cancel")
    for sec in ("negation_cues", "hedge_cues", "condition_cues", "negative_condition_cues",
                "intent_cues", "scheduled_cues", "negation_exceptions", "blockers"):
        v = p.get(sec, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            c.err(sec, "must be a list of non-empty strings")
        elif len(set(v)) != len(v):
            c.err(sec, f"repeated items {[x for x, n in collections.Counter(v).items() if n > 1]}")
    for parent, m in p.get("content_keywords", {}).items():
        if parent == "about":
            continue
        if parent not in CAMEO:
            c.err(f"content_keywords[{parent}]", "not a CAMEO code")
        for code in m:
            if code not in CAMEO or not code.startswith(parent):
                c.err(f"content_keywords[{parent}][{code}]", "not a subcode of the parent")


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
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.dirname(here), help="data folder (default: ../)")
    ap.add_argument("--counts", action="store_true", help="print entries per CAMEO root")
    args = ap.parse_args()

    docs = {}
    for name in ("event_types.json", "predicates.json", "policies.json"):
        path = os.path.join(args.data, name)
        try:
            with open(path, encoding="utf-8") as f:
                docs[name] = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{path}: {e}", file=sys.stderr)
            return 1
    c = Checker(docs["event_types.json"]["types"])
    check_predicates(c, docs["predicates.json"])
    n_pol = check_policies(c, docs["policies.json"])
    pred = docs["predicates.json"]
    for e in c.errors:
        print(e, file=sys.stderr)
    secs = ("verbs", "content_verbs", "frame_verbs", "nouns", "phrases")
    n = {s: len(pred.get(s, {})) for s in secs}
    pairs = sum(len(e.get("head", [])) * len(e.get("object", [])) for e in pred.get("phrases", {}).values())
    print(f"predicates.json: {n['verbs']} verbs (+{n['content_verbs']} content-only, "
          f"{n['frame_verbs']} frame-only), {n['nouns']} nouns, {n['phrases']} phrase groups "
          f"({pairs} head-object pairs); "
          f"policies.json: {n_pol} policies; {len(c.errors)} error(s)")
    if args.counts:
        roots = collections.defaultdict(lambda: [0, 0, 0])
        col = {"verbs": 0, "content_verbs": 0, "frame_verbs": 0, "nouns": 1, "phrases": 2}
        for s in secs:
            for e in pred.get(s, {}).values():
                roots[str(e.get("cameo", ""))[:2]][col[s]] += 1
        print("root  verbs nouns phrases  (verbs counts all three verb sections)")
        for r in sorted(roots):
            v, no, ph = roots[r]
            print(f"{r:>4}  {v:5d} {no:5d} {ph:7d}")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())

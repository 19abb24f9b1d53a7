#!/usr/bin/env python3
"""Prepares the linking bench's documents for `parley link` and maps its output back.

  anonymize.py strip DOCS.jsonl OUT.jsonl MAP.json
      keeps only doc_id, text, sentences and mentions (type, tag, offsets, text, head, sent_id,
      validated); drops topic, subtopic, split, url, cluster and mention ids; replaces every
      document id by an opaque one (a keyed hash) and shuffles the lines (fixed seed).
  anonymize.py restore PRED.jsonl MAP.json OUT.jsonl
      puts the original document ids back into predicted clusters.
"""
import hashlib
import json
import random
import sys

KEEP_MENTION = ("type", "tag", "start", "end", "text", "head_start", "head_end", "head",
                "sent_id", "validated", "discontinuous", "words")


def strip(docs_path, out_path, map_path):
    docs = [json.loads(line) for line in open(docs_path, encoding="utf-8") if line.strip()]
    mapping = {}
    out = []
    for d in docs:
        opaque = "d" + hashlib.sha256(("parley-link:" + d["doc_id"]).encode()).hexdigest()[:12]
        assert opaque not in mapping
        mapping[opaque] = d["doc_id"]
        out.append({
            "doc_id": opaque,
            "text": d["text"],
            "sentences": d.get("sentences", []),
            "mentions": [{k: m[k] for k in KEEP_MENTION if k in m} for m in d["mentions"]],
        })
    random.Random(7).shuffle(out)
    with open(out_path, "w", encoding="utf-8") as f:
        for d in out:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(map_path, "w", encoding="utf-8") as f:
        json.dump(mapping, f)


def restore(pred_path, map_path, out_path):
    mapping = json.load(open(map_path, encoding="utf-8"))
    with open(pred_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            c = json.loads(line)
            for m in c["mentions"]:
                m["doc_id"] = mapping[m["doc_id"]]
            out.write(json.dumps(c, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "strip":
        strip(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "restore":
        restore(*sys.argv[2:])
    else:
        sys.exit(__doc__)

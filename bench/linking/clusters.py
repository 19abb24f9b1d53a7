#!/usr/bin/env python3
"""Linking at ingest on real reports of one event by several outlets.

usage: clusters.py prepare CLUSTERS.jsonl ARTICLES.jsonl   # articles to ingest, one a line
       clusters.py score CLUSTERS.jsonl EVENTS.jsonl        # after ingest and the query below

`prepare` writes every article of ../shared/corpus/clusters.jsonl as a line `parley ingest`
reads ({"id","date","source","title","text"}). `score` reads the stored events as
`parley query --format jsonl` prints them (run.sh gives the query): one line per event with
the articles that report it. For each cluster it reports how many of its articles are linked
to its main event (the event reported by most of its articles): an article counts as linked
when it reports that event and at least one other article of the cluster reports it too, so an
article alone with its cluster's most-reported event links nothing. Over all clusters it
reports how many events were merged across clusters (reported by articles of two or more),
and their share of all events.
"""
import json
import sys
from collections import Counter, defaultdict


def prepare(clusters, out):
    with open(out, "w", encoding="utf-8") as f:
        for line in open(clusters, encoding="utf-8"):
            c = json.loads(line)
            for a in c["articles"]:
                f.write(json.dumps({k: a.get(k, "") for k in ("id", "date", "source", "title", "text")},
                                   ensure_ascii=False) + "\n")


def score(clusters, events_file):
    cluster_of, size, name = {}, {}, {}
    for line in open(clusters, encoding="utf-8"):
        c = json.loads(line)
        size[c["cluster_id"]] = len(c["articles"])
        name[c["cluster_id"]] = c["event"]
        for a in c["articles"]:
            cluster_of[a["id"]] = c["cluster_id"]
    events = [json.loads(l) for l in open(events_file, encoding="utf-8") if l.strip()]
    per_cluster = defaultdict(list)  # cluster -> [(articles of it reporting the event, event)]
    crossing = 0
    multi = 0
    for e in events:
        arts = set(e["articles"] or [])
        by_cluster = Counter(cluster_of[a] for a in arts if a in cluster_of)
        if len(arts) > 1:
            multi += 1
        if len(by_cluster) > 1:
            crossing += 1
        for c, n in by_cluster.items():
            per_cluster[c].append((n, e))
    print(f"{'cluster':<22} {'articles':>8} {'linked to main event':>21}  main event")
    linked_total = 0
    for c in sorted(size):
        best = max(per_cluster[c], key=lambda x: (x[0], str(x[1].get("text")))) if per_cluster[c] else (0, {})
        linked = best[0] if best[0] >= 2 else 0  # one article alone is not a link
        linked_total += linked
        what = f"{best[1].get('kind', '')} {best[1].get('text') or ''}".strip()[:60]
        print(f"{c:<22} {size[c]:>8} {linked:>21}  {what}")
    print(f"\n{len(size)} clusters, {sum(size.values())} articles; {linked_total} linked to their "
          f"cluster's main event ({linked_total / max(1, sum(size.values())):.1%}); events reported "
          f"by 2+ articles: {multi}; events merged across clusters: {crossing} of {len(events)} "
          f"({crossing / max(1, len(events)):.1%})")


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    else:
        score(sys.argv[2], sys.argv[3])

#!/usr/bin/env python3
"""Checks the layering of Parley's source folders from their #include lines.

Each folder is a layer with a rank; a file may include files of its own folder and of folders of
a lower rank only:

  util (0)              general helpers every layer may use: status, hashes, strings, data path
  core (1), storage (1) extraction, and the RocksDB store: neither includes the other
  graph (2)             the graph model and what works on it: facts to graph, event keys,
                        near-duplicates, curation, actor lookup, analytics, exports
  query (3)             openCypher on the store
  include (3)           the public header of the C++ API (include/parley/parley.h): it includes
                        no other folder, so that it builds with the standard library alone
  api (4)               the C++ API's implementation (libparley.so)
  cli (5), python (5)   the parley command; the Python module (over the C++ API)
  tests (6), bench (6)  tests and benchmarks

A file of include/ is named without the folder ("parley/parley.h"), as programs using the
installed header name it.

It also fails if the include graph has a cycle, between folders or between files. It prints
the folder graph (who includes whom, with the number of include lines) and exits 0 when the
tree keeps to the layers, 1 when it does not (each offending line named), 2 on a usage error.

usage: check_layers.py [ROOT]   (ROOT: the source tree, default: the folder above scripts/)
"""

import os
import re
import sys

# The layers and their ranks (see above); a folder not listed is not read.
RANKS = {"util": 0, "core": 1, "storage": 1, "graph": 2, "query": 3, "include": 3, "api": 4,
         "cli": 5, "python": 5, "tests": 6, "bench": 6}
SOURCE_SUFFIXES = (".h", ".hpp", ".cc", ".cpp", ".c")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def source_files(root):
    """The C and C++ files of the layer folders under `root`, as sorted '/'-separated paths
    relative to it."""
    found = []
    for top in sorted(RANKS):
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "node_modules")
            for name in filenames:
                if name.endswith(SOURCE_SUFFIXES):
                    rel = os.path.relpath(os.path.join(dirpath, name), root)
                    found.append(rel.replace(os.sep, "/"))
    return sorted(found)


def resolve(root, including, target):
    """The tree file `target` names from `including` ("dir/x.h" from the root, else beside the
    including file, else in include/), or None for a file outside the tree (a system or
    generated header)."""
    beside = os.path.normpath(os.path.join(os.path.dirname(including), target)).replace(os.sep, "/")
    for candidate in (target, beside, "include/" + target):
        if os.path.isfile(os.path.join(root, candidate)):
            return candidate
    return None


def read_includes(root, files):
    """Maps each file to its list of (line number, included tree file)."""
    includes = {}
    for f in files:
        found = []
        with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
            for number, line in enumerate(fh, 1):
                m = INCLUDE.match(line)
                if m:
                    target = resolve(root, f, m.group(1))
                    if target is not None:
                        found.append((number, target))
        includes[f] = found
    return includes


def folder(path):
    """The top folder (the layer) of a tree path."""
    return path.split("/", 1)[0]


def find_cycle(graph):
    """A cycle of `graph` (node -> set of nodes) as a list of nodes [a, b, ..., a], or None."""
    state = {}  # node -> 1 on the current walk, 2 done
    for start in sorted(graph):
        if start in state:
            continue
        stack = [(start, iter(sorted(graph.get(start, ()))))]
        walk = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                walk.pop()
            elif state.get(child) == 1:
                return walk[walk.index(child):] + [child]
            elif child not in state:
                state[child] = 1
                walk.append(child)
                stack.append((child, iter(sorted(graph.get(child, ())))))
    return None


def main(argv):
    """Checks the tree named on the command line; returns the exit status."""
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print("usage: check_layers.py [ROOT]", file=sys.stderr)
        return 2
    root = argv[1] if len(argv) == 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    if not os.path.isdir(root):
        print(f"check_layers.py: {root}: no such folder", file=sys.stderr)
        return 2
    files = source_files(root)
    includes = read_includes(root, files)

    errors = []
    folders = {}  # folder -> {included folder: include lines}
    file_graph = {}
    for f in files:
        for number, target in includes[f]:
            src, dst = folder(f), folder(target)
            if target != f:
                file_graph.setdefault(f, set()).add(target)
            if src == dst:
                continue
            folders.setdefault(src, {}).setdefault(dst, 0)
            folders[src][dst] += 1
            if dst not in RANKS:
                errors.append(f"{f}:{number}: {dst}/ is not a layer (give it a rank in RANKS)")
            elif RANKS[dst] >= RANKS[src]:
                errors.append(f"{f}:{number}: {src}/ may not include {target} "
                              f"({dst}/ is not below {src}/)")

    print("folder graph (folder -> folders it includes, with the number of include lines):")
    for src in sorted(RANKS, key=lambda k: (RANKS[k], k)):
        targets = folders.get(src, {})
        listed = ", ".join(f"{d} ({n})" for d, n in
                           sorted(targets.items(), key=lambda kv: (RANKS.get(kv[0], 99), kv[0])))
        print(f"  {src} -> {listed if listed else '(nothing)'}")

    folder_cycle = find_cycle({s: set(t) for s, t in folders.items()})
    if folder_cycle:
        errors.append("folder cycle: " + " -> ".join(folder_cycle))
    file_cycle = find_cycle(file_graph)
    if file_cycle:
        errors.append("file cycle: " + " -> ".join(file_cycle))

    total = sum(len(v) for v in includes.values())
    if errors:
        for e in errors:
            print(e)
        print(f"{len(errors)} layering error(s) in {len(files)} files")
        return 1
    print(f"{len(files)} files, {total} includes within the tree: layers kept, no cycle "
          f"between folders or files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

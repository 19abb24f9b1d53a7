// The search behind shortestPath(...) and allShortestPaths(...) in MATCH: the shortest
// paths between two bound nodes along relationships of the step's types and direction.
//
// Without conditions on the path it is a bidirectional breadth-first search: one level at a
// time from whichever end has the smaller frontier, until the two searches meet; every
// relationship is read at most once per side, and a path of length L costs about the nodes
// within L/2 of either end, not within L of one. allShortestPaths keeps every way a node was
// first reached at its level, so that each path of the least length comes out once (parallel
// relationships make different paths). A path from a node to itself is the empty path when
// the minimum length is 0, and none otherwise.
//
// With conditions on the path or its relationships (Step::path_filters), the shortest paths
// are the shortest among those that pass: paths are then walked depth first one length at a
// time, from the least up, until a length has one that passes (exponential at worst; the
// query's limits bound it).
#pragma once

#include <vector>

#include "query/plan.h"

namespace parley::query {

// One path found: nodes[0] rels[0] nodes[1] ... (nodes.size() == rels.size() + 1).
struct FoundPath {
  ValueList nodes;
  ValueList rels;
};

// Finds the shortest paths of `step` (a kShortestPath) from row[step.from_slot] to
// row[step.to_slot] into *paths (one at most unless step.all_shortest), checking the query's
// limits as it goes. Path filters are evaluated on `row` with the step's slots set; the slots
// are left as the last evaluation set them. `*held` receives the bytes held against the memory
// limit for the paths found (the caller releases them).
Status FindShortestPaths(const Step& step, Row& row, ExecContext& ctx,
                         std::vector<FoundPath>* paths, size_t* held);

// Stores `path` into the step's relationship and path slots of `row`.
void BindShortestPath(const Step& step, const FoundPath& path, Row& row);

}  // namespace parley::query

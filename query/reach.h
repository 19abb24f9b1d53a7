// The distinct nodes a variable-length walk ends at, found breadth first.
//
// A walk of min..max relationships that uses none twice (Cypher's relationship uniqueness)
// fans out into as many walks as there are such sequences; when only the nodes it ends at
// matter (count(DISTINCT n), DISTINCT n, with nothing reading the relationships), those nodes
// are found level by level instead, each node's list read once. For min <= 1 a node other than
// the start ends such a walk exactly when it lies within max steps (a shortest walk to it never
// repeats a relationship); the start itself does when min is 0, or a loop returns to it, or (max
// 2) two different relationships lead to one neighbour and back. The second level reads the
// first level's lists on parallel threads, each over part of it, under the query's limits.
#pragma once

#include <string>
#include <vector>

#include "query/exec_context.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley::query {

struct ReachSpec {
  Direction direction = Direction::kBoth;
  std::vector<std::string> types;  // any of; empty: every type
  int64_t min_hops = 1, max_hops = 1;
  std::vector<RelId> excluded;  // relationships the walk may not use (bound elsewhere)
};

// True if DistinctReach answers walks of min..max relationships (min <= 1, 1 <= max <= 2).
bool ReachSupported(int64_t min_hops, int64_t max_hops);

// The ids of the nodes some walk from `from` ends at, ascending and without repeats.
Status DistinctReach(ExecContext& ctx, NodeId from, const ReachSpec& spec,
                     std::vector<NodeId>* ends, size_t* held);

}  // namespace parley::query

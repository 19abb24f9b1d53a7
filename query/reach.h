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
#include <string_view>
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

// True if `rel` is one of the relationships the walk may not use.
bool Excluded(const ReachSpec& spec, RelId rel);

// Calls visit(entry) for each relationship of `node` the walk may use (the spec's direction and
// types, not excluded); stops early (with OK) when `stopped` says so, checked every 256 entries.
// DistinctReach and CountWalks (walk_count.h) read their levels through it.
template <typename Visit, typename Stopped>
Status ForEachAdjacent(AdjacencyReader* reader, NodeId node, const ReachSpec& spec,
                       const Visit& visit, const Stopped& stopped) {
  size_t types = spec.types.empty() ? 1 : spec.types.size();
  for (size_t t = 0; t < types; ++t) {
    reader->Seek(node, spec.direction, spec.types.empty() ? std::string_view() : spec.types[t]);
    for (size_t k = 0; reader->Valid(); reader->Next(), ++k) {
      if ((k & 255) == 255 && stopped()) return Status::OK();
      const Adjacent& e = reader->entry();
      if (!Excluded(spec, e.rel)) visit(e);
    }
    PARLEY_RETURN_IF_ERROR(reader->status());
  }
  return Status::OK();
}

// True if DistinctReach answers walks of min..max relationships (min <= 1, 1 <= max <= 2).
bool ReachSupported(int64_t min_hops, int64_t max_hops);

// The ids of the nodes some walk from `from` ends at, ascending and without repeats.
Status DistinctReach(ExecContext& ctx, NodeId from, const ReachSpec& spec,
                     std::vector<NodeId>* ends, size_t* held);

}  // namespace parley::query

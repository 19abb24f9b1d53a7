#include "query/reach.h"

#include <algorithm>

#include "query/parallel.h"

namespace parley::query {
namespace {

// The first-level nodes, each with the relationship it was reached by (and whether there were
// several).
struct Neighbour {
  NodeId node;
  RelId rel;
  bool several;
};

}  // namespace

bool Excluded(const ReachSpec& spec, RelId rel) {
  return !spec.excluded.empty() &&
         std::find(spec.excluded.begin(), spec.excluded.end(), rel) != spec.excluded.end();
}

bool ReachSupported(int64_t min_hops, int64_t max_hops) {
  return min_hops >= 0 && min_hops <= 1 && max_hops >= 1 && max_hops <= 2;
}

Status DistinctReach(ExecContext& ctx, NodeId from, const ReachSpec& spec,
                     std::vector<NodeId>* ends, size_t* held) {
  ends->clear();
  if (!ctx.store()) return Status::OK();
  bool start_reached = spec.min_hops == 0;
  // Level one.
  std::vector<Neighbour> first;
  {
    auto reader = ctx.store()->NewAdjacencyReader(ctx.snapshot());
    QueryGuard& guard = ctx.guard();
    Status limit;
    PARLEY_RETURN_IF_ERROR(ForEachAdjacent(
        reader.get(), from, spec,
        [&](const Adjacent& e) {
          if (e.other == from) start_reached = true;  // a loop
          first.push_back({e.other, e.rel, false});
        },
        [&] {
          limit = guard.Check();
          return !limit.ok();
        }));
    PARLEY_RETURN_IF_ERROR(limit);
  }
  std::sort(first.begin(), first.end(),
            [](const Neighbour& a, const Neighbour& b) { return a.node < b.node; });
  // One entry per node; `several` if more than one relationship leads there.
  size_t w = 0;
  for (size_t r = 0; r < first.size(); ++r) {
    if (w > 0 && first[w - 1].node == first[r].node) {
      first[w - 1].several = true;
    } else {
      first[w++] = first[r];
    }
  }
  first.resize(w);
  *held += first.size() * sizeof(Neighbour);
  PARLEY_RETURN_IF_ERROR(ctx.guard().Hold(first.size() * sizeof(Neighbour)));
  for (const Neighbour& n : first) ends->push_back(n.node);

  if (spec.max_hops >= 2 && !first.empty()) {
    // Level two: each first-level node's list, on parallel threads over parts of the level.
    int parts = std::min<int>(ParallelThreads(), static_cast<int>(first.size() / 256) + 1);
    std::vector<std::vector<NodeId>> found(parts);
    std::vector<char> returns(parts, 0);
    size_t chunk = (first.size() + parts - 1) / parts;
    auto work = [&](int p, WorkerControl& control) -> Status {
      auto reader = ctx.store()->NewAdjacencyReader(ctx.snapshot());
      size_t lo = std::min(first.size(), chunk * p), hi = std::min(first.size(), lo + chunk);
      auto stopped = [&] { return control.stopped(); };
      std::vector<NodeId>& out = found[p];
      for (size_t i = lo; i < hi && !control.stopped(); ++i) {
        const Neighbour& m = first[i];
        if (m.node == from) continue;  // a loop: its neighbours are first-level ones
        size_t before = out.size();
        PARLEY_RETURN_IF_ERROR(ForEachAdjacent(
            reader.get(), m.node, spec,
            [&](const Adjacent& e) {
              if (e.other != from) {
                out.push_back(e.other);
              } else if (m.several || e.rel != m.rel) {
                returns[p] = 1;  // back to the start by a second relationship
              }
            },
            stopped));
        control.AddBytes((out.size() - before) * sizeof(NodeId));
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      return Status::OK();
    };
    PARLEY_RETURN_IF_ERROR(RunParallel(ctx, parts, work, held));
    for (int p = 0; p < parts; ++p) {
      if (returns[p]) start_reached = true;
      size_t mid = ends->size();
      ends->insert(ends->end(), found[p].begin(), found[p].end());
      std::vector<NodeId>().swap(found[p]);
      std::inplace_merge(ends->begin(), ends->begin() + mid, ends->end());
      ends->erase(std::unique(ends->begin(), ends->end()), ends->end());
    }
  }
  // The start, listed when a walk ends there.
  auto at = std::lower_bound(ends->begin(), ends->end(), from);
  bool listed = at != ends->end() && *at == from;
  if (start_reached && !listed) ends->insert(at, from);
  if (!start_reached && listed) ends->erase(at);
  return Status::OK();
}

}  // namespace parley::query

#include "query/walk_count.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley::query {
namespace {

// The nodes of one level with the number of walks that reach them, sorted by node.
using Level = std::vector<std::pair<NodeId, uint64_t>>;

// A relationship read, in the walk's direction: u -> w.
struct Arc {
  NodeId u, w;
  RelId rel;
};

Direction Reverse(Direction d) {
  return d == Direction::kOutgoing ? Direction::kIncoming : Direction::kOutgoing;
}

// Sorts `raw` by node and adds up the walks of each node; false if a sum overflows.
bool Merge(Level* raw) {
  std::sort(raw->begin(), raw->end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  size_t w = 0;
  for (size_t r = 0; r < raw->size(); ++r) {
    if (w > 0 && (*raw)[w - 1].first == (*raw)[r].first) {
      if (__builtin_add_overflow((*raw)[w - 1].second, (*raw)[r].second, &(*raw)[w - 1].second))
        return false;
    } else {
      (*raw)[w++] = (*raw)[r];
    }
  }
  raw->resize(w);
  return true;
}

// Breadth-first distances over `arcs` from `start` (along them, or against them with
// `backwards`), up to `limit` steps; nodes farther away are absent.
std::unordered_map<NodeId, int64_t> Distances(const std::vector<Arc>& arcs, NodeId start,
                                              bool backwards, int64_t limit) {
  std::unordered_multimap<NodeId, NodeId> next;
  for (const Arc& a : arcs) {
    if (backwards) {
      next.emplace(a.w, a.u);
    } else {
      next.emplace(a.u, a.w);
    }
  }
  std::unordered_map<NodeId, int64_t> dist{{start, 0}};
  std::vector<NodeId> frontier{start}, following;
  for (int64_t d = 1; d <= limit && !frontier.empty(); ++d) {
    following.clear();
    for (NodeId n : frontier) {
      auto [lo, hi] = next.equal_range(n);
      for (auto it = lo; it != hi; ++it) {
        if (dist.emplace(it->second, d).second) following.push_back(it->second);
      }
    }
    frontier.swap(following);
  }
  return dist;
}

}  // namespace

bool WalkCountSupported(Direction direction, int64_t min_hops, int64_t max_hops) {
  return direction != Direction::kBoth && min_hops >= 0 && max_hops >= 1 &&
         max_hops <= kMaxCountedHops && min_hops <= max_hops;
}

Status CountWalks(ExecContext& ctx, NodeId from, NodeId to, const ReachSpec& spec, int64_t* count,
                  bool* exact) {
  *count = 0;
  *exact = true;
  const int64_t max = spec.max_hops;
  // One end's levels: levels[i] holds the nodes i steps away (walking towards the other end
  // for the forward side, back from it for the backward one).
  struct Side {
    ReachSpec spec;
    std::vector<Level> levels;
  };
  Side sides[2];
  sides[0].spec = spec;
  sides[1].spec = spec;
  sides[1].spec.direction = Reverse(spec.direction);
  sides[0].levels.push_back({{from, 1}});
  sides[1].levels.push_back({{to, 1}});
  std::vector<Arc> arcs;
  HeldMemory held(ctx.guard());
  auto reader = ctx.NewAdjacencyReader();
  Status limit;
  auto stopped = [&] {
    limit = ctx.guard().Check();
    return !limit.ok();
  };
  // The levels: half the length from each end; the odd one from the end whose last level has
  // fewer nodes.
  while (static_cast<int64_t>(sides[0].levels.size() + sides[1].levels.size()) - 2 < max) {
    int s = sides[0].levels.size() < sides[1].levels.size()                 ? 0
            : sides[1].levels.size() < sides[0].levels.size()               ? 1
            : sides[1].levels.back().size() < sides[0].levels.back().size() ? 1
                                                                            : 0;
    Side& side = sides[s];
    Level next;
    for (const auto& entry : side.levels.back()) {
      // Named copies: clang before 16 lets no lambda capture a structured binding.
      const NodeId node = entry.first;
      const auto walks = entry.second;
      size_t before = next.size();
      PARLEY_RETURN_IF_ERROR(ForEachAdjacent(
          reader.get(), node, side.spec,
          [&](const Adjacent& e) {
            next.emplace_back(e.other, walks);
            arcs.push_back(s == 0 ? Arc{node, e.other, e.rel} : Arc{e.other, node, e.rel});
          },
          stopped));
      PARLEY_RETURN_IF_ERROR(limit);
      PARLEY_RETURN_IF_ERROR(held.Add((next.size() - before) * (sizeof(Arc) + 16)));
    }
    if (!Merge(&next)) {
      *exact = false;  // more walks than a count holds
      return Status::OK();
    }
    side.levels.push_back(std::move(next));
  }
  const int64_t lf = static_cast<int64_t>(sides[0].levels.size()) - 1;

  // Walks of each length: the forward walks of min(k, lf) steps met by the backward ones.
  unsigned __int128 total = 0;
  for (int64_t k = spec.min_hops; k <= max; ++k) {
    if (k == 0) {
      total += from == to;
      continue;
    }
    int64_t i = std::min(k, lf), j = k - i;
    const Level& f = sides[0].levels[i];
    const Level& g = sides[1].levels[j];
    for (size_t x = 0, y = 0; x < f.size() && y < g.size();) {
      if (f[x].first < g[y].first) {
        ++x;
      } else if (g[y].first < f[x].first) {
        ++y;
      } else {
        total += static_cast<unsigned __int128>(f[x++].second) * g[y++].second;
      }
    }
    if (total > static_cast<unsigned __int128>(INT64_MAX)) {
      *exact = false;
      return Status::OK();
    }
  }
  *count = static_cast<int64_t>(total);
  if (total == 0) return Status::OK();

  // Could a walk counted use a relationship twice? See the header: a ~> u -> w ~> u -> w ~> b.
  std::sort(arcs.begin(), arcs.end(), [](const Arc& x, const Arc& y) { return x.rel < y.rel; });
  arcs.erase(std::unique(arcs.begin(), arcs.end(),
                         [](const Arc& x, const Arc& y) { return x.rel == y.rel; }),
             arcs.end());
  auto da = Distances(arcs, from, false, max);
  auto db = Distances(arcs, to, true, max);
  std::unordered_multimap<NodeId, NodeId> out;
  for (const Arc& a : arcs) out.emplace(a.u, a.w);
  // The check's own work is bounded too: past it, the count is not trusted.
  size_t work = 0;
  const size_t work_cap = 16 * arcs.size() + 100'000;
  std::unordered_map<NodeId, int64_t> seen;
  std::vector<NodeId> frontier, following;
  for (const Arc& a : arcs) {
    auto du = da.find(a.u), dw = db.find(a.w);
    if (du == da.end() || dw == db.end()) continue;
    int64_t budget = max - 2 - du->second - dw->second;  // steps left for w ~> u
    if (budget < 0) continue;
    if (a.u == a.w) {
      *exact = false;  // a loop on a walk short enough to take it twice
      return Status::OK();
    }
    // Is u within `budget` steps of w?
    seen.clear();
    seen[a.w] = 0;
    frontier.assign(1, a.w);
    for (int64_t d = 1; d <= budget && !frontier.empty(); ++d) {
      following.clear();
      for (NodeId n : frontier) {
        auto [lo, hi] = out.equal_range(n);
        for (auto it = lo; it != hi; ++it) {
          if (++work > work_cap || it->second == a.u) {
            *exact = false;
            return Status::OK();
          }
          if (seen.emplace(it->second, d).second) following.push_back(it->second);
        }
      }
      frontier.swap(following);
    }
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
  }
  return Status::OK();
}

}  // namespace parley::query

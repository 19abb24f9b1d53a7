#include "query/shortest_path.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "query/limits.h"
#include "query/query_values.h"
#include "query/value_ops.h"

namespace parley::query {
namespace {

// Bytes one visited node of a search is counted as (map entry, its links, frontier place).
constexpr size_t kVisitBytes = 96;
constexpr size_t kLinkBytes = 48;

// How a node was reached: by relationship `rel` (of types_[type], from `from`'s side when
// `from_is_start`) from node `from`, one level nearer the root. Kept compact: a search may
// reach a million nodes, and only the links on the paths found become values.
struct Link {
  RelId rel = 0;
  NodeId from = 0;
  uint32_t type = 0;
  bool from_is_start = true;
};

struct Visit {
  int64_t depth = 0;
  bool has_link = false;
  Link first;
  std::vector<Link> more;  // further ways in at the same level (allShortestPaths only)
};

// One end's breadth-first search. Its levels up to `depth` are complete; the next one is read
// a few relationships at a time (so that the two ends can take turns) into `next`, its nodes
// already in `seen` at depth + 1.
struct Side {
  Direction direction = Direction::kOutgoing;
  std::unordered_map<NodeId, Visit> seen;
  std::vector<NodeId> frontier;
  int64_t depth = 0;
  std::vector<NodeId> next;
  size_t node_index = 0;  // the frontier node being read
  size_t type_index = 0;  // its type being read
  bool positioned = false;
  bool started = false;  // the next level has begun
  bool stopped = false;  // its next level would pass the maximum length
  std::unique_ptr<AdjacencyReader> reader;
};

// The relationship ids bound in `slots` of `row` (a relationship each, or a list of them):
// relationships matched elsewhere in the same MATCH, which a path may not use again.
std::unordered_set<RelId> UsedElsewhere(const Row& row, const std::vector<int>& slots) {
  std::unordered_set<RelId> used;
  for (int s : slots) {
    const Value& v = row[s];
    if (v.is_int()) {
      used.insert(static_cast<RelId>(v.as_int()));
    } else if (v.is_relationship()) {
      used.insert(v.as_relationship().id);
    } else if (v.is_list()) {
      for (const Value& r : v.as_list()) {
        if (r.is_relationship()) used.insert(r.as_relationship().id);
      }
    }
  }
  return used;
}

Direction Reverse(Direction d) {
  return d == Direction::kOutgoing   ? Direction::kIncoming
         : d == Direction::kIncoming ? Direction::kOutgoing
                                     : Direction::kBoth;
}

class Search {
 public:
  Search(const Step& step, Row& row, ExecContext& ctx, std::vector<FoundPath>* paths)
      : step_(step), row_(row), ctx_(ctx), paths_(paths) {}
  ~Search() { ctx_.guard().Release(search_bytes_); }

  size_t held() const { return path_bytes_; }

  Status Run() {
    const Value& from = row_[step_.from_slot];
    const Value& to = row_[step_.to_slot];
    if (!from.is_node() || !to.is_node()) return Status::OK();
    used_ = UsedElsewhere(row_, step_.distinct_from);
    source_ = from;
    target_ = to;
    if (from.as_node().id == to.as_node().id) {
      if (step_.min_hops == 0) {
        bool pass = true;
        FoundPath p;
        p.nodes.push_back(from);
        PARLEY_RETURN_IF_ERROR(Passes(p, &pass));
        if (pass) PARLEY_RETURN_IF_ERROR(Keep(std::move(p)));
      }
      return Status::OK();
    }
    if (!ctx_.store()) return Status::OK();
    if (!step_.path_filters.empty()) {
      reader_ = ctx_.NewAdjacencyReader();
      return Deepening();
    }
    return Bidirectional();
  }

 private:
  bool Bounded(int64_t length) const { return step_.max_hops < 0 || length <= step_.max_hops; }

  // Calls `visit` with each relationship of `node` in `direction` that the step may walk
  // (type, properties, not matched elsewhere) and the node at its other end.
  Status ForEachStep(NodeId node, Direction direction,
                     const std::function<Status(Value rel, NodeId other)>& visit) {
    size_t types = step_.types.empty() ? 1 : step_.types.size();
    for (size_t t = 0; t < types; ++t) {
      reader_->Seek(node, direction, step_.types.empty() ? std::string_view() : step_.types[t]);
      for (; reader_->Valid(); reader_->Next()) {
        PARLEY_RETURN_IF_ERROR(ctx_.guard().Check());
        const Adjacent& e = reader_->entry();
        if (used_.count(e.rel)) continue;
        Value rel = e.outgoing ? ExecContext::RelRef(e.rel, e.type, node, e.other)
                               : ExecContext::RelRef(e.rel, e.type, e.other, node);
        bool ok = true;
        PARLEY_RETURN_IF_ERROR(CheckProperties(&rel, &ok));
        if (!ok) continue;
        // `visit` must not move the reader (the depth-first walk gathers steps first).
        PARLEY_RETURN_IF_ERROR(visit(std::move(rel), e.other));
      }
      PARLEY_RETURN_IF_ERROR(reader_->status());
    }
    return Status::OK();
  }

  // The step's property constraints on relationship `rel` (read in full if there are any).
  Status CheckProperties(Value* rel, bool* ok) {
    *ok = true;
    if (step_.rel_props.empty()) return Status::OK();
    std::shared_ptr<const Relationship> r;
    PARLEY_RETURN_IF_ERROR(ctx_.GetRelationship(rel->as_relationship().id, &r));
    for (const PropertyConstraint& c : step_.rel_props) {
      Value want;
      PARLEY_RETURN_IF_ERROR(Evaluate(*c.value, row_, ctx_, &want));
      auto it = r->properties.find(c.key);
      if (it == r->properties.end() || Equals(it->second, want) != Tri::kTrue) {
        *ok = false;
        return Status::OK();
      }
    }
    *rel = Value(std::move(r));
    return Status::OK();
  }

  // ---- without path filters: bidirectional breadth-first search ----

  Status Bidirectional() {
    Side forward, backward;
    forward.direction = step_.direction;
    backward.direction = Reverse(step_.direction);
    NodeId s = source_.as_node().id, t = target_.as_node().id;
    forward.seen[s] = Visit();
    forward.frontier.push_back(s);
    backward.seen[t] = Visit();
    backward.frontier.push_back(t);
    forward.reader = ctx_.NewAdjacencyReader();
    backward.reader = ctx_.NewAdjacencyReader();
    PARLEY_RETURN_IF_ERROR(HoldSearch(2 * kVisitBytes));
    // The ends take turns reading a few relationships of their next level each, so that the
    // cheaper level (a node with few relationships against a hub) completes first and the
    // search costs about twice the cheaper side, not the dearer one.
    constexpr size_t kTurn = 256;
    while (!forward.stopped || !backward.stopped) {
      for (int turn = 0; turn < 2; ++turn) {
        Side& side = turn == 0 ? forward : backward;
        Side& other = turn == 0 ? backward : forward;
        if (side.stopped) continue;
        if (!side.started) {
          if (!Bounded(side.depth + other.depth + 1)) {
            side.stopped = true;
            continue;
          }
          side.started = true;
        }
        bool done = false;
        std::optional<NodeId> met;
        PARLEY_RETURN_IF_ERROR(Read(&side, other, kTurn, &done, &met));
        if (met) return Join(forward, backward, *met);
        if (!done) continue;
        Commit(&side);
        if (side.frontier.empty()) return Status::OK();  // its end's reach is exhausted
        if (!Bounded(side.depth + other.depth)) {
          side.stopped = true;
          continue;
        }
        // A node this level reached that the other end's complete levels hold lies on a
        // shortest path; all such nodes are on the other end's last level (a nearer one would
        // have met the searches before).
        std::vector<NodeId> meets;
        for (NodeId n : side.frontier) {
          auto it = other.seen.find(n);
          if (it != other.seen.end() && it->second.depth == other.depth) meets.push_back(n);
        }
        if (meets.empty()) continue;
        for (NodeId m : meets) {
          PARLEY_RETURN_IF_ERROR(Join(forward, backward, m));
          if (!step_.all_shortest && !paths_->empty()) break;
        }
        return Status::OK();
      }
    }
    return Status::OK();
  }

  // Reads up to `budget` relationships of `side`'s next level: every node first reached from
  // its frontier, with each way it was reached at that level (only the first unless all
  // shortest paths are wanted). *done once the level is complete. One shortest path needs no
  // more than the first node reached that `other`'s complete levels hold: it is set in *met
  // (every path through a node met at this level has the same, least, length).
  Status Read(Side* side, const Side& other, size_t budget, bool* done,
              std::optional<NodeId>* met) {
    const int64_t depth = side->depth + 1;
    const size_t types = step_.types.empty() ? 1 : step_.types.size();
    AdjacencyReader* reader = side->reader.get();
    while (budget > 0) {
      if (side->node_index >= side->frontier.size()) {
        *done = true;
        return Status::OK();
      }
      NodeId node = side->frontier[side->node_index];
      if (!side->positioned) {
        if (side->type_index >= types) {
          ++side->node_index;
          side->type_index = 0;
          continue;
        }
        reader->Seek(node, side->direction,
                     step_.types.empty() ? std::string_view() : step_.types[side->type_index]);
        side->positioned = true;
      } else {
        reader->Next();
      }
      if (!reader->Valid()) {
        PARLEY_RETURN_IF_ERROR(reader->status());
        side->positioned = false;
        ++side->type_index;
        continue;
      }
      --budget;
      PARLEY_RETURN_IF_ERROR(ctx_.guard().Check());
      const Adjacent& e = reader->entry();
      if (used_.count(e.rel)) continue;
      if (!step_.rel_props.empty()) {
        Value rel = MakeRel(e, node);
        bool ok = true;
        PARLEY_RETURN_IF_ERROR(CheckProperties(&rel, &ok));
        if (!ok) continue;
      }
      auto it = side->seen.find(e.other);
      if (it == side->seen.end()) {
        PARLEY_RETURN_IF_ERROR(HoldSearch(kVisitBytes));
        Visit& v = side->seen[e.other];
        v.depth = depth;
        v.has_link = true;
        v.first = LinkOf(e, node);
        side->next.push_back(e.other);
        if (!step_.all_shortest) {
          auto o = other.seen.find(e.other);
          if (o != other.seen.end() && o->second.depth == other.depth &&
              Bounded(depth + other.depth)) {
            *met = e.other;
            return Status::OK();
          }
        }
      } else if (step_.all_shortest && it->second.depth == depth) {
        PARLEY_RETURN_IF_ERROR(HoldSearch(kLinkBytes));
        it->second.more.push_back(LinkOf(e, node));
      }
    }
    return Status::OK();
  }

  // Makes `side`'s level read so far its frontier.
  static void Commit(Side* side) {
    side->frontier.swap(side->next);
    side->next.clear();
    ++side->depth;
    side->node_index = 0;
    side->type_index = 0;
    side->positioned = false;
    side->started = false;
  }

  Link LinkOf(const Adjacent& e, NodeId from) {
    Link l;
    l.rel = e.rel;
    l.from = from;
    l.from_is_start = e.outgoing;
    auto it = std::find(type_names_.begin(), type_names_.end(), e.type);
    l.type = static_cast<uint32_t>(it - type_names_.begin());
    if (it == type_names_.end()) type_names_.push_back(e.type);
    return l;
  }

  static Value MakeRel(const Adjacent& e, NodeId node) {
    return e.outgoing ? ExecContext::RelRef(e.rel, e.type, node, e.other)
                      : ExecContext::RelRef(e.rel, e.type, e.other, node);
  }

  // The relationship of `link`, which reached node `to`.
  Value RelOf(const Link& link, NodeId to) const {
    const std::string& type = type_names_[link.type];
    return link.from_is_start ? ExecContext::RelRef(link.rel, type, link.from, to)
                              : ExecContext::RelRef(link.rel, type, to, link.from);
  }

  // The ways back from `node` to the root of `side`: each a list of (link, node it reached),
  // nearest the node first.
  using Chain = std::vector<std::pair<const Link*, NodeId>>;
  Status Chains(const Side& side, NodeId node, Chain* chain,
                const std::function<Status(const Chain&)>& visit) {
    const Visit& v = side.seen.at(node);
    if (!v.has_link) return visit(*chain);
    auto follow = [&](const Link& link) -> Status {
      PARLEY_RETURN_IF_ERROR(ctx_.guard().Check());
      chain->emplace_back(&link, node);
      Status s = Chains(side, link.from, chain, visit);
      chain->pop_back();
      return s;
    };
    PARLEY_RETURN_IF_ERROR(follow(v.first));
    for (const Link& link : v.more) {
      if (!step_.all_shortest && !paths_->empty()) break;
      PARLEY_RETURN_IF_ERROR(follow(link));
    }
    return Status::OK();
  }

  // Every shortest path through meeting node `m`: a way from the source to m, then one from
  // m to the target.
  Status Join(const Side& forward, const Side& backward, NodeId m) {
    Chain head, tail;
    return Chains(forward, m, &head, [&](const Chain& to_source) {
      return Chains(backward, m, &tail, [&](const Chain& to_target) {
        if (!step_.all_shortest && !paths_->empty()) return Status::OK();
        FoundPath p;
        p.nodes.push_back(source_);
        for (size_t i = to_source.size(); i-- > 0;) {
          const auto& [link, reached] = to_source[i];
          p.rels.push_back(RelOf(*link, reached));
          p.nodes.push_back(ExecContext::NodeRef(reached));
        }
        for (const auto& [link, reached] : to_target) {
          // Walked from the target's side: `link.from` is the next node towards the target.
          p.rels.push_back(RelOf(*link, reached));
          p.nodes.push_back(ExecContext::NodeRef(link->from));
        }
        p.nodes.front() = source_;  // the ends as the row holds them (perhaps read already)
        p.nodes.back() = target_;
        return Keep(std::move(p));
      });
    });
  }

  // ---- with path filters: depth-first, one length at a time ----

  Status Deepening() {
    for (int64_t length = std::max<int64_t>(step_.min_hops, 1); Bounded(length); ++length) {
      bool reached = false;  // some walk got this long: a longer one may still exist
      FoundPath p;
      p.nodes.push_back(source_);
      std::unordered_set<NodeId> on_path{source_.as_node().id};
      PARLEY_RETURN_IF_ERROR(Walk(length, &p, &on_path, &reached));
      if (!paths_->empty() || !reached) return Status::OK();
    }
    return Status::OK();
  }

  // Extends `p` by every relationship that keeps it a path (no node twice) until it has
  // `length` relationships; keeps those that end at the target and pass the filters.
  Status Walk(int64_t length, FoundPath* p, std::unordered_set<NodeId>* on_path, bool* reached) {
    if (static_cast<int64_t>(p->rels.size()) == length) {
      *reached = true;
      if (p->nodes.back().as_node().id != target_.as_node().id) return Status::OK();
      FoundPath found = *p;
      found.nodes.back() = target_;
      bool pass = false;
      PARLEY_RETURN_IF_ERROR(Passes(found, &pass));
      if (pass) PARLEY_RETURN_IF_ERROR(Keep(std::move(found)));
      return Status::OK();
    }
    // The steps from the last node, read before walking on (the reader is reused below).
    std::vector<std::pair<Value, NodeId>> steps;
    NodeId last = p->nodes.back().as_node().id;
    PARLEY_RETURN_IF_ERROR(ForEachStep(last, step_.direction, [&](Value rel, NodeId other) {
      if (!on_path->count(other)) steps.emplace_back(std::move(rel), other);
      return Status::OK();
    }));
    for (auto& [rel, other] : steps) {
      if (!step_.all_shortest && !paths_->empty()) return Status::OK();
      p->rels.push_back(rel);
      p->nodes.push_back(ExecContext::NodeRef(other));
      on_path->insert(other);
      Status s = Walk(length, p, on_path, reached);
      on_path->erase(other);
      p->rels.pop_back();
      p->nodes.pop_back();
      PARLEY_RETURN_IF_ERROR(s);
    }
    return Status::OK();
  }

  // True in *pass if `p` passes every path filter.
  Status Passes(const FoundPath& p, bool* pass) {
    *pass = true;
    if (step_.path_filters.empty()) return Status::OK();
    BindShortestPath(step_, p, row_);
    for (const CExprPtr& f : step_.path_filters) {
      PARLEY_RETURN_IF_ERROR(EvaluatePredicate(*f, row_, ctx_, pass));
      if (!*pass) return Status::OK();
    }
    return Status::OK();
  }

  Status Keep(FoundPath p) {
    size_t bytes = sizeof(FoundPath);
    for (const Value& v : p.nodes) bytes += ApproxBytes(v);
    for (const Value& v : p.rels) bytes += ApproxBytes(v);
    path_bytes_ += bytes;
    PARLEY_RETURN_IF_ERROR(ctx_.guard().Hold(bytes));
    paths_->push_back(std::move(p));
    return Status::OK();
  }

  Status HoldSearch(size_t bytes) {
    search_bytes_ += bytes;
    return ctx_.guard().Hold(bytes);
  }

  const Step& step_;
  Row& row_;
  ExecContext& ctx_;
  std::vector<FoundPath>* paths_;
  std::unique_ptr<AdjacencyReader> reader_;  // the depth-first walk's
  std::vector<std::string> type_names_;      // the types links refer to
  std::unordered_set<RelId> used_;
  Value source_, target_;
  size_t search_bytes_ = 0;
  size_t path_bytes_ = 0;
};

}  // namespace

Status FindShortestPaths(const Step& step, Row& row, ExecContext& ctx,
                         std::vector<FoundPath>* paths, size_t* held) {
  Search search(step, row, ctx, paths);
  Status s = search.Run();
  *held = search.held();
  return s;
}

void BindShortestPath(const Step& step, const FoundPath& path, Row& row) {
  if (step.rel_slot >= 0) {
    row[step.rel_slot] =
        step.rel_list ? Value(path.rels) : (path.rels.empty() ? Value() : path.rels[0]);
  }
  if (step.path_slot >= 0) {
    auto p = std::make_shared<Path>();
    p->nodes = path.nodes;
    p->relationships = path.rels;
    row[step.path_slot] = Value(std::shared_ptr<const Path>(std::move(p)));
  }
}

}  // namespace parley::query

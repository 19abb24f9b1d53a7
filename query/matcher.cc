// Pattern matching by backtracking over the steps of a PatternPlan.
//
// Each step is a generator: entered with the row as the earlier steps left it, it binds its
// slots to one candidate after another. Matching moves forward when a step yields and back
// when one runs dry, so matches stream out one at a time and LIMIT 1 reads almost nothing.
// Nodes are bound as ids; labels are checked through the label index and properties read
// only when the pattern constrains them.
#include <algorithm>
#include <unordered_map>

#include "query/index_range.h"
#include "query/plan.h"
#include "query/query_values.h"
#include "query/reach.h"
#include "query/shortest_path.h"
#include "query/value_ops.h"
#include "query/walk_count.h"

namespace parley::query {
namespace {

NodeId IdOf(const Value& node) {
  return node.as_node().id;
}

// True if relationship `rel` is bound in one of `slots` (a relationship or a list of them).
bool AlreadyUsed(const Row& row, const std::vector<int>& slots, RelId rel) {
  for (int s : slots) {
    const Value& v = row[s];
    if (v.is_int()) {  // an anonymous relationship bound by its id alone
      if (static_cast<RelId>(v.as_int()) == rel) return true;
    } else if (v.is_relationship()) {
      if (v.as_relationship().id == rel) return true;
    } else if (v.is_list()) {
      for (const Value& r : v.as_list()) {
        if (r.is_relationship() && r.as_relationship().id == rel) return true;
      }
    }
  }
  return false;
}

// The relationships bound in `slots` (a walk may not use them again).
std::vector<RelId> UsedRels(const Row& row, const std::vector<int>& slots) {
  std::vector<RelId> used;
  for (int s : slots) {
    const Value& v = row[s];
    if (v.is_int()) used.push_back(static_cast<RelId>(v.as_int()));
    if (v.is_relationship()) used.push_back(v.as_relationship().id);
    if (v.is_list()) {
      for (const Value& r : v.as_list()) {
        if (r.is_relationship()) used.push_back(r.as_relationship().id);
      }
    }
  }
  return used;
}

}  // namespace

struct Matcher::State {
  bool done = false;  // single-shot steps: yielded already
  // scans and seeks
  std::unique_ptr<IdCursor> ids;
  std::vector<NodeId> seek_ids;
  size_t seek_pos = 0;
  bool seek_fallback = false;  // the seek value could not use the index: label scan instead
  // kIndexRange: the nodes found satisfy the range exactly, except those in `listed`
  bool range_exact = false;
  std::vector<NodeId> listed;
  // expansions
  NodeId from = 0;
  size_t type_index = 0;
  bool active = false;
  std::unique_ptr<AdjacencyReader> reader;
  // variable-length expansion: frames[k] walks the relationships of nodes[k] with
  // depth_readers[k], kept from one walk to the next
  struct Frame {
    NodeId node = 0;
    size_t type_index = 0;
    bool active = false;
  };
  std::vector<Frame> frames;
  std::vector<std::unique_ptr<AdjacencyReader>> depth_readers;
  // A walk to a bound node: each node's distance to it (walking backwards from it), for the
  // nodes within `radius` steps; a walk never enters a node that cannot reach the goal in the
  // steps it has left. radius < 0: no pruning.
  std::unordered_map<NodeId, int64_t> dist;
  int64_t radius = -1;
  std::unique_ptr<AdjacencyReader> bfs_reader;
  ValueList rels;
  ValueList nodes;
  bool pending_zero = false;
  // shortest paths: those found for the current row, the next to yield, the bytes they hold
  std::vector<FoundPath> shortest;
  size_t shortest_pos = 0;
  size_t shortest_bytes = 0;
  // distinct_ends: the end nodes, the next one to yield, the bytes held for them
  std::vector<NodeId> reach;
  size_t reach_pos = 0;
  size_t reach_held = 0;
  // kVarExpand with count_slot: the walks counted by layers, or -1 when they are to be walked
  int64_t walk_count = -1;
};

namespace {

// Checks labels and property constraints of `node` (a node value, possibly id-only); may
// replace it by the complete node when it had to be read.
Status CheckNode(const Step& step, Row& row, ExecContext& ctx, Value* node, size_t skip_labels,
                 bool* ok) {
  *ok = false;
  NodeId id = IdOf(*node);
  for (size_t i = skip_labels; i < step.labels.size(); ++i) {
    bool has;
    if (node->as_node().complete && !ctx.Stale(*node)) {
      const auto& ls = node->as_node().labels;
      has = std::find(ls.begin(), ls.end(), step.labels[i]) != ls.end();
    } else {
      PARLEY_RETURN_IF_ERROR(ctx.HasLabel(id, step.labels[i], &has));
    }
    if (!has) return Status::OK();
  }
  if (!step.node_props.empty()) {
    std::shared_ptr<const Node> n;
    PARLEY_RETURN_IF_ERROR(ctx.GetNode(id, &n));
    for (const PropertyConstraint& c : step.node_props) {
      Value want;
      PARLEY_RETURN_IF_ERROR(Evaluate(*c.value, row, ctx, &want));
      auto it = n->properties.find(c.key);
      if (it == n->properties.end() || Equals(it->second, want) != Tri::kTrue) return Status::OK();
    }
    *node = Value(std::move(n));
  }
  *ok = true;
  return Status::OK();
}

// Checks the property constraints of relationship `rel`, reading it if there are any.
Status CheckRel(const Step& step, Row& row, ExecContext& ctx, Value* rel, bool* ok) {
  *ok = true;
  if (step.rel_props.empty()) return Status::OK();
  std::shared_ptr<const Relationship> r;
  PARLEY_RETURN_IF_ERROR(ctx.GetRelationship(rel->as_relationship().id, &r));
  for (const PropertyConstraint& c : step.rel_props) {
    Value want;
    PARLEY_RETURN_IF_ERROR(Evaluate(*c.value, row, ctx, &want));
    auto it = r->properties.find(c.key);
    if (it == r->properties.end() || Equals(it->second, want) != Tri::kTrue) {
      *ok = false;
      return Status::OK();
    }
  }
  *rel = Value(std::move(r));
  return Status::OK();
}

// The next adjacency entry of `node` over the step's types (all types when there are none).
// `reader` walks one type at a time; `*active` tells whether it is positioned on one.
bool NextAdjacent(const Step& step, NodeId node, size_t* type_index, AdjacencyReader* reader,
                  bool* active, const Adjacent** out, Status* status) {
  if (!reader) return false;
  while (true) {
    if (!*active) {
      if (step.types.empty() ? *type_index > 0 : *type_index >= step.types.size()) return false;
      std::string_view type = step.types.empty() ? std::string_view() : step.types[*type_index];
      reader->Seek(node, step.direction, type);
      *active = true;
    } else {
      reader->Next();
    }
    if (!reader->Valid()) {
      *status = reader->status();
      *active = false;
      ++*type_index;
      if (!status->ok()) return false;
      continue;
    }
    *out = &reader->entry();
    return true;
  }
}

// A reader for `ctx`'s store, made on first use; null without a store.
AdjacencyReader* ReaderFor(ExecContext& ctx, std::unique_ptr<AdjacencyReader>* slot) {
  if (!*slot && ctx.store()) *slot = ctx.NewAdjacencyReader();
  return slot->get();
}

Value RelFrom(const Adjacent& e, NodeId from) {
  return e.outgoing ? ExecContext::RelRef(e.rel, e.type, from, e.other)
                    : ExecContext::RelRef(e.rel, e.type, e.other, from);
}

}  // namespace

Matcher::Matcher(const PatternPlan& plan, ExecContext& ctx) : plan_(plan), ctx_(ctx) {
  states_.resize(plan_.steps.size());
  for (auto& s : states_) s = std::make_unique<State>();
}

Matcher::~Matcher() {
  for (auto& s : states_) ctx_.guard().Release(s->shortest_bytes + s->reach_held);
}

void Matcher::Reset(Row* row) {
  row_ = row;
  started_ = false;
  depth_ = 0;
  status_ = Status::OK();
}

bool Matcher::Tick() {
  status_ = ctx_.guard().Check();
  return status_.ok();
}

bool Matcher::Next() {
  size_t n = plan_.steps.size();
  size_t i;
  if (!started_) {
    started_ = true;
    if (n == 0) {
      depth_ = 1;  // yielded the one empty match
      return true;
    }
    if (!Enter(0)) return false;
    i = 0;
  } else {
    if (n == 0 || depth_ == SIZE_MAX) return false;
    i = n - 1;
  }
  while (true) {
    if (Advance(i)) {
      if (i + 1 == n) return true;
      ++i;
      if (!Enter(i)) return false;
    } else {
      if (!status_.ok() || i == 0) {
        depth_ = SIZE_MAX;
        return false;
      }
      --i;
    }
  }
}

bool Matcher::Enter(size_t i) {
  const Step& step = plan_.steps[i];
  State& st = *states_[i];
  Row& row = *row_;
  st.done = false;
  switch (step.kind) {
    case Step::Kind::kScanAll:
      st.ids = ctx_.store() ? ctx_.ScanNodes() : nullptr;
      break;
    case Step::Kind::kScanLabel:
      st.ids = ctx_.store() ? ctx_.ScanLabel(step.labels[0]) : nullptr;
      break;
    case Step::Kind::kIndexSeek: {
      st.seek_ids.clear();
      st.seek_pos = 0;
      st.ids.reset();
      st.seek_fallback = false;
      Value v;
      status_ = Evaluate(*step.index_value, row, ctx_, &v);
      if (!status_.ok()) return false;
      if (v.is_null() || !ctx_.store()) {
        st.done = true;  // equality with null never holds
      } else if (ExactInIndex(v)) {
        status_ = ctx_.FindNodes(step.labels[0], step.index_key, v, &st.seek_ids);
        if (!status_.ok()) return false;
      } else {
        // The index holds values by exact type; 1 = 1.0 must still match, so scan instead.
        st.seek_fallback = true;
        st.ids = ctx_.ScanLabel(step.labels[0]);
      }
      break;
    }
    case Step::Kind::kIndexRange: {
      st.seek_ids.clear();
      st.seek_pos = 0;
      st.ids.reset();
      st.seek_fallback = false;
      st.range_exact = false;
      if (!ctx_.store()) {
        st.done = true;
        break;
      }
      if (ctx_.has_writes()) {
        // The index does not hold the query's own changes yet: read the label (with them);
        // the WHERE condition picks the range.
        st.ids = ctx_.ScanLabel(step.labels[0]);
        break;
      }
      IndexBounds b;
      for (auto [expr, into] : {std::pair{step.index_lower.get(), &b.lower},
                                std::pair{step.index_upper.get(), &b.upper},
                                std::pair{step.index_value.get(), &b.prefix}}) {
        if (!expr) continue;
        *into = std::make_unique<Value>();
        status_ = Evaluate(*expr, row, ctx_, into->get());
        if (!status_.ok()) return false;
      }
      b.lower_inclusive = step.lower_inclusive;
      b.upper_inclusive = step.upper_inclusive;
      RangeFound found;
      status_ =
          FindInRange(*ctx_.store(), step.labels[0], step.index_key, b, ctx_.snapshot(), &found);
      if (!status_.ok()) return false;
      st.seek_ids = std::move(found.ids);
      st.range_exact = found.exact;
      st.listed = std::move(found.listed);
      break;
    }
    case Step::Kind::kExpand:
    case Step::Kind::kVarExpand: {
      const Value& from = row[step.from_slot];
      st.active = false;
      st.type_index = 0;
      st.frames.clear();
      st.rels.clear();
      st.nodes.clear();
      if (!from.is_node()) {
        st.done = true;  // an unmatched OPTIONAL node: nothing to walk from
        break;
      }
      st.from = IdOf(from);
      if (step.kind == Step::Kind::kVarExpand && step.distinct_ends) {
        ReachSpec spec;
        spec.direction = step.direction;
        spec.types = step.types;
        spec.min_hops = step.min_hops;
        spec.max_hops = step.max_hops;
        spec.excluded = UsedRels(row, step.distinct_from);
        ctx_.guard().Release(st.reach_held);
        st.reach_held = 0;
        st.reach_pos = 0;
        status_ = DistinctReach(ctx_, st.from, spec, &st.reach, &st.reach_held);
        if (!status_.ok()) return false;
        break;
      }
      if (step.kind == Step::Kind::kVarExpand && step.count_slot >= 0) {
        // Counted by layers when that is exact; otherwise walked below and counted in Advance.
        st.walk_count = -1;
        const Value& to = row[step.to_slot];
        if (!to.is_node()) {
          st.done = true;
          break;
        }
        Value end = to;
        bool ok;
        status_ = CheckNode(step, row, ctx_, &end, 0, &ok);
        if (!status_.ok()) return false;
        if (!ok) {
          st.done = true;
          break;
        }
        ReachSpec spec;
        spec.direction = step.direction;
        spec.types = step.types;
        spec.min_hops = step.min_hops;
        spec.max_hops = step.max_hops;
        spec.excluded = UsedRels(row, step.distinct_from);
        bool exact;
        int64_t n;
        status_ = CountWalks(ctx_, st.from, IdOf(to), spec, &n, &exact);
        if (!status_.ok()) return false;
        if (exact) {
          st.walk_count = n;
          break;
        }
      }
      if (step.kind == Step::Kind::kVarExpand) {
        st.radius = -1;
        if (step.to_bound && step.max_hops > 0 && row[step.to_slot].is_node()) {
          if (!Distances(step, st, IdOf(row[step.to_slot]))) return false;
        }
        st.nodes.push_back(from);
        st.pending_zero = step.min_hops == 0;
        if (step.max_hops != 0) st.frames.push_back({st.from, 0, false});
      }
      break;
    }
    case Step::Kind::kShortestPath:
      st.shortest.clear();
      st.shortest_pos = 0;
      ctx_.guard().Release(st.shortest_bytes);
      st.shortest_bytes = 0;
      status_ = FindShortestPaths(step, row, ctx_, &st.shortest, &st.shortest_bytes);
      if (!status_.ok()) return false;
      break;
    default:
      break;
  }
  return true;
}

bool Matcher::Distances(const Step& step, State& st, NodeId goal) {
  // Breadth-first backwards from the goal, level by level, over half the walk's length (the
  // forward walk prunes its second half, where paths fan out most; a deeper map around a busy
  // goal would cost more than it saves), or until the map would pass kMaxNodes (then the levels
  // completed so far bound the pruning).
  constexpr size_t kMaxNodes = 200'000;
  const int64_t levels = (step.max_hops + 1) / 2;
  st.dist.clear();
  st.dist[goal] = 0;
  AdjacencyReader* reader = ReaderFor(ctx_, &st.bfs_reader);
  if (!reader) return true;
  Direction back = step.direction == Direction::kOutgoing   ? Direction::kIncoming
                   : step.direction == Direction::kIncoming ? Direction::kOutgoing
                                                            : Direction::kBoth;
  std::vector<NodeId> frontier{goal}, next;
  int64_t level = 0;
  bool complete = true;
  while (level < levels && !frontier.empty() && complete) {
    next.clear();
    for (NodeId node : frontier) {
      size_t types = step.types.empty() ? 1 : step.types.size();
      for (size_t t = 0; t < types && complete; ++t) {
        reader->Seek(node, back, step.types.empty() ? std::string_view() : step.types[t]);
        for (; reader->Valid(); reader->Next()) {
          if (!Tick()) return false;
          NodeId other = reader->entry().other;
          if (st.dist.count(other)) continue;
          if (st.dist.size() >= kMaxNodes) {
            complete = false;
            break;
          }
          st.dist[other] = level + 1;
          next.push_back(other);
        }
        status_ = reader->status();
        if (!status_.ok()) return false;
      }
      if (!complete) break;
    }
    if (complete) ++level;
    frontier.swap(next);
  }
  // Every node within `level` steps is in the map (all of them if the walk ran out of nodes).
  st.radius = frontier.empty() && complete ? step.max_hops : level;
  return true;
}

bool Matcher::NextNode(const Step& step, State& st) {
  Row& row = *row_;
  size_t known_labels = step.kind == Step::Kind::kScanAll ? 0 : 1;
  while (true) {
    if (!Tick()) return false;
    NodeId id;
    if (st.ids) {
      if (!st.ids->Valid()) {
        status_ = st.ids->status();
        return false;
      }
      id = st.ids->id();
      st.ids->Next();
    } else if ((step.kind == Step::Kind::kIndexSeek || step.kind == Step::Kind::kIndexRange) &&
               st.seek_pos < st.seek_ids.size()) {
      id = st.seek_ids[st.seek_pos++];
    } else {
      return false;
    }
    Value node = ExecContext::NodeRef(id);
    bool ok;
    status_ = CheckNode(step, row, ctx_, &node, known_labels, &ok);
    if (!status_.ok()) return false;
    if (!ok) continue;
    row[step.node_slot] = std::move(node);
    if (!step.range_checks.empty() &&
        !(st.range_exact && !std::binary_search(st.listed.begin(), st.listed.end(), id))) {
      bool pass = true;
      for (const CExprPtr& check : step.range_checks) {
        status_ = EvaluatePredicate(*check, row, ctx_, &pass);
        if (!status_.ok()) return false;
        if (!pass) break;
      }
      if (!pass) continue;
    }
    return true;
  }
}

bool Matcher::NextWalk(const Step& step, State& st) {
  Row& row = *row_;
  // Emits each walk of min..max relationships, depth first; a walk never uses a relationship
  // twice, nor one bound elsewhere in the pattern.
  auto emit = [&]() -> bool {
    Value end = st.nodes.back();
    if (step.to_bound) {
      const Value& bound = row[step.to_slot];
      if (!bound.is_node() || IdOf(bound) != IdOf(end)) return false;
      end = bound;
    }
    bool ok;
    status_ = CheckNode(step, row, ctx_, &end, 0, &ok);
    if (!status_.ok() || !ok) return false;
    // The lists are kept in the order the pattern is written, whichever end the walk
    // started from.
    if (step.rel_slot >= 0) {
      row[step.rel_slot] =
          step.reversed ? Value(ValueList(st.rels.rbegin(), st.rels.rend())) : Value(st.rels);
    }
    if (step.path_nodes_slot >= 0) {
      row[step.path_nodes_slot] =
          step.reversed ? Value(ValueList(st.nodes.rbegin(), st.nodes.rend())) : Value(st.nodes);
    }
    if (!step.to_bound) row[step.to_slot] = std::move(end);
    return true;
  };
  if (st.pending_zero) {
    st.pending_zero = false;
    if (emit()) return true;
    if (!status_.ok()) return false;
  }
  while (!st.frames.empty()) {
    if (!Tick()) return false;
    while (st.rels.size() > st.frames.size() - 1) {
      st.rels.pop_back();
      st.nodes.pop_back();
    }
    State::Frame& f = st.frames.back();
    size_t depth = st.frames.size() - 1;
    if (st.depth_readers.size() <= depth) st.depth_readers.resize(depth + 1);
    const Adjacent* e;
    if (!NextAdjacent(step, f.node, &f.type_index, ReaderFor(ctx_, &st.depth_readers[depth]),
                      &f.active, &e, &status_)) {
      if (!status_.ok()) return false;
      st.frames.pop_back();
      continue;
    }
    RelId rel_id = e->rel;
    if (AlreadyUsed(row, step.distinct_from, rel_id) ||
        std::any_of(st.rels.begin(), st.rels.end(),
                    [&](const Value& r) { return r.as_relationship().id == rel_id; })) {
      continue;
    }
    Value rel = RelFrom(*e, f.node);
    bool ok;
    status_ = CheckRel(step, row, ctx_, &rel, &ok);
    if (!status_.ok()) return false;
    if (!ok) continue;
    NodeId next = e->other;
    int64_t left = step.max_hops - static_cast<int64_t>(st.rels.size()) - 1;
    if (st.radius >= 0 && left <= st.radius) {
      auto d = st.dist.find(next);
      if (d == st.dist.end() || d->second > left) continue;  // cannot reach the goal in time
    }
    st.rels.push_back(std::move(rel));
    st.nodes.push_back(ExecContext::NodeRef(next));
    int64_t hops = static_cast<int64_t>(st.rels.size());
    if (step.max_hops < 0 || hops < step.max_hops) st.frames.push_back({next, 0, false});
    if (hops >= step.min_hops) {
      if (emit()) return true;
      if (!status_.ok()) return false;
    }
  }
  return false;
}

bool Matcher::Advance(size_t i) {
  const Step& step = plan_.steps[i];
  State& st = *states_[i];
  Row& row = *row_;
  if (st.done) return false;
  switch (step.kind) {
    case Step::Kind::kScanAll:
    case Step::Kind::kScanLabel:
    case Step::Kind::kIndexSeek:
    case Step::Kind::kIndexRange: {
      if (step.count_slot < 0) return NextNode(step, st);
      // Counted: the nodes the index vouches for without reading them, the others one by one.
      int64_t n = 0;
      if (st.range_exact && !st.ids && step.labels.size() == 1 && step.node_props.empty()) {
        n = static_cast<int64_t>(st.seek_ids.size() - st.listed.size());
        st.seek_ids = st.listed;
      }
      while (NextNode(step, st)) ++n;
      if (!status_.ok()) return false;
      st.done = true;
      if (n == 0) return false;
      row[step.count_slot] = Value(n);
      return true;
    }
    case Step::Kind::kCheckNode: {
      st.done = true;
      Value node = row[step.node_slot];
      if (!node.is_node()) return false;
      bool ok;
      status_ = CheckNode(step, row, ctx_, &node, 0, &ok);
      return status_.ok() && ok;
    }
    case Step::Kind::kFilter: {
      st.done = true;
      bool pass;
      status_ = EvaluatePredicate(*step.predicate, row, ctx_, &pass);
      return status_.ok() && pass;
    }
    case Step::Kind::kExpand: {
      const Adjacent* e;
      while (NextAdjacent(step, st.from, &st.type_index, ReaderFor(ctx_, &st.reader), &st.active,
                          &e, &status_)) {
        if (!Tick()) return false;
        if (AlreadyUsed(row, step.distinct_from, e->rel)) continue;
        Value to;
        if (step.to_bound) {
          const Value& bound = row[step.to_slot];
          if (!bound.is_node() || IdOf(bound) != e->other) continue;
          to = bound;
        } else {
          to = ExecContext::NodeRef(e->other);
        }
        bool ok;
        status_ = CheckNode(step, row, ctx_, &to, 0, &ok);
        if (!status_.ok()) return false;
        if (!ok) continue;
        if (step.rel_id_only) {
          // Nobody reads this relationship but the uniqueness check: its id will do.
          row[step.rel_slot] = Value(static_cast<int64_t>(e->rel));
        } else {
          Value rel = RelFrom(*e, st.from);
          status_ = CheckRel(step, row, ctx_, &rel, &ok);
          if (!status_.ok()) return false;
          if (!ok) continue;
          if (step.rel_slot >= 0) row[step.rel_slot] = std::move(rel);
        }
        if (!step.to_bound) row[step.to_slot] = std::move(to);
        return true;
      }
      return false;
    }
    case Step::Kind::kVarExpand: {
      if (step.distinct_ends) {
        while (!st.done && st.reach_pos < st.reach.size()) {
          if (!Tick()) return false;
          Value end = ExecContext::NodeRef(st.reach[st.reach_pos++]);
          if (step.to_bound) {
            const Value& bound = row[step.to_slot];
            if (!bound.is_node() || IdOf(bound) != IdOf(end)) continue;
            end = bound;
          }
          bool ok;
          status_ = CheckNode(step, row, ctx_, &end, 0, &ok);
          if (!status_.ok()) return false;
          if (!ok) continue;
          // An empty list, made once per row rather than once per end.
          if (step.rel_slot >= 0 &&
              !(row[step.rel_slot].is_list() && row[step.rel_slot].as_list().empty())) {
            row[step.rel_slot] = Value(ValueList{});
          }
          if (!step.to_bound) row[step.to_slot] = std::move(end);
          return true;
        }
        return false;
      }
      if (step.count_slot >= 0) {
        int64_t n = st.walk_count;
        if (n < 0) {  // the layers could not be trusted: walk them
          n = 0;
          while (NextWalk(step, st)) ++n;
          if (!status_.ok()) return false;
        }
        st.done = true;
        if (n == 0) return false;
        row[step.count_slot] = Value(n);
        return true;
      }
      return NextWalk(step, st);
    }
    case Step::Kind::kShortestPath:
      if (st.shortest_pos >= st.shortest.size()) return false;
      BindShortestPath(step, st.shortest[st.shortest_pos++], row);
      return true;
    case Step::Kind::kBuildPath: {
      st.done = true;
      auto path = std::make_shared<Path>();
      const Value& first = row[step.path_node_slots[0]];
      if (!first.is_node()) return false;
      path->nodes.push_back(first);
      for (size_t r = 0; r < step.path_rel_slots.size(); ++r) {
        const Value& rel = row[step.path_rel_slots[r]];
        if (!step.path_rel_var[r]) {
          path->relationships.push_back(rel);
          path->nodes.push_back(row[step.path_node_slots[r + 1]]);
          continue;
        }
        // In written order already (see kVarExpand).
        const ValueList& rels = rel.as_list();
        const ValueList& nodes = row[step.path_rel_nodes[r]].as_list();
        for (size_t k = 0; k < rels.size(); ++k) {
          path->relationships.push_back(rels[k]);
          path->nodes.push_back(nodes[k + 1]);
        }
      }
      row[step.path_slot] = Value(std::shared_ptr<const Path>(std::move(path)));
      return true;
    }
  }
  return false;
}

}  // namespace parley::query

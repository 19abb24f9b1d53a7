#include "query/chain_count.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "query/limits.h"
#include "query/parallel.h"
#include "query/value_ops.h"

namespace parley::query {
namespace {

// One relationship of one chain position, as the outgoing scan gives it.
struct Link {
  NodeId start, end;
  RelId rel;
};

// A group before its keys are known: the ids of the grouped nodes (0 for the others).
struct IdKey {
  NodeId id[3] = {0, 0, 0};
  bool operator<(const IdKey& o) const {
    if (id[0] != o.id[0]) return id[0] < o.id[0];
    if (id[1] != o.id[1]) return id[1] < o.id[1];
    return id[2] < o.id[2];
  }
  bool operator==(const IdKey& o) const {
    return id[0] == o.id[0] && id[1] == o.id[1] && id[2] == o.id[2];
  }
};

struct ValuesHash {
  size_t operator()(const std::vector<Value>& k) const {
    size_t h = 0x9e3779b97f4a7c15ull;
    for (const Value& v : k) h = (h ^ GroupHash(v)) * 0x100000001b3ull;
    return h;
  }
};
struct ValuesEq {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!GroupEquals(a[i], b[i])) return false;
    }
    return true;
  }
};

bool Contains(const std::vector<uint32_t>& v, uint32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

class ChainCount : public Operator {
 public:
  ChainCount(ChainCountSpec spec, ExecContext& ctx) : spec_(std::move(spec)), ctx_(ctx) {
    choice_ = ChooseSources();
  }
  ~ChainCount() override { ctx_.guard().Release(held_); }

  bool Next(Row* row) override {
    if (!built_) {
      built_ = true;
      status_ = choice_.ok() ? Build() : choice_;
      if (!status_.ok()) return false;
    }
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }
  Status status() const override { return status_; }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    std::string chain;
    for (size_t i = 0; i < spec_.nodes.size(); ++i) {
      chain += "(" + spec_.nodes[i].name;
      for (const auto& l : spec_.nodes[i].labels) chain += ":" + l;
      chain += ")";
      if (i < spec_.rels.size()) {
        const ChainRel& r = spec_.rels[i];
        std::string types;
        for (const auto& t : r.types) types += (types.empty() ? ":" : "|") + t;
        chain += r.forward ? "-[" + types + "]->" : "<-[" + types + "]-";
      }
    }
    std::string by;
    for (const ChainNode& n : spec_.nodes) {
      if (n.keys.empty()) continue;
      by += (by.empty() ? "" : ", ") + (n.name.empty() ? std::string("_") : n.name);
    }
    std::string line = std::string(2 * depth, ' ') + "ChainCount " + chain +
                       ": adjacency lists read in key order on parallel threads";
    if (spec_.rels.size() == 2) {
      line += ", merge join on " + (spec_.nodes[1].name.empty() ? "_" : spec_.nodes[1].name);
    }
    for (size_t i = 0; i < sources_.size(); ++i) {
      const Source& src = sources_[i];
      line += i == 0 ? "; " : ", ";
      line += "link " + std::to_string(i + 1) + " from ";
      line += src.scan ? std::string("the scan")
                       : "the " + std::string(src.owner_is_start ? "outgoing" : "incoming") +
                             " lists of :" + src.label + " nodes";
    }
    line += "; count(*) by " + (by.empty() ? std::string("nothing") : by + " ids") +
            ", keys read once per node";
    if (spec_.top_k >= 0) line += ", top " + std::to_string(spec_.top_k) + " by count";
    lines->push_back(line);
  }

 private:
  Status Hold(size_t bytes) {
    held_ += bytes;
    return ctx_.guard().Hold(bytes);
  }

  // Checks node `id` against the labels of chain node `i`.
  Status LabelsOk(size_t i, NodeId id, bool* ok) {
    *ok = true;
    for (const std::string& l : spec_.nodes[i].labels) {
      PARLEY_RETURN_IF_ERROR(ctx_.HasLabel(id, l, ok));
      if (!*ok) return Status::OK();
    }
    return Status::OK();
  }

  // Where one position's links come from: the whole outgoing scan, or the lists of the nodes
  // labelled `label` at one end (their outgoing lists if that end is the start).
  struct Source {
    bool scan = true;
    std::string label;
    bool owner_is_start = true;
    int64_t cost = 0;
  };

  // The cheapest label source of position i by the store's counts (cost INT64_MAX if none): a
  // seek per labelled node, counted as 30 entries read in order, plus the entries it reads.
  Source LabelSource(size_t i, const GraphStats& stats) const {
    Source best;
    best.scan = false;
    best.cost = INT64_MAX;
    const ChainRel& r = spec_.rels[i];
    for (size_t side = 0; side < 2; ++side) {
      const ChainNode& node = spec_.nodes[i + side];
      bool is_start = (side == 0) == r.forward;
      for (const std::string& label : node.known) {
        auto lc = stats.labels.find(label);
        int64_t nodes = lc == stats.labels.end() ? 0 : lc->second;
        int64_t entries = 0;
        for (const std::string& t : r.types) {
          const auto& m = is_start ? stats.starts : stats.ends;
          auto it = m.find({t, label});
          entries += it == m.end() ? 0 : it->second;
        }
        int64_t cost = 30 * nodes + entries;
        if (cost < best.cost) {
          best.cost = cost;
          best.label = label;
          best.owner_is_start = is_start;
        }
      }
    }
    return best;
  }

  // Picks each position's source (sources_) and its type tokens (tokens_; empty when a type
  // was never stored, and then nothing matches).
  Status ChooseSources() {
    GraphStore* store = ctx_.store();
    size_t npos = spec_.rels.size();
    sources_.assign(npos, Source());
    tokens_.assign(npos, {});
    if (!store) return Status::OK();
    for (size_t i = 0; i < npos; ++i) {
      for (const std::string& t : spec_.rels[i].types) {
        uint32_t tok;
        if (store->FindToken(t, &tok)) tokens_[i].push_back(tok);
      }
    }
    GraphStats stats;
    PARLEY_RETURN_IF_ERROR(store->GetStats(&stats, ctx_.snapshot()));
    // The plan of least cost: each position from the shared scan or from its label source.
    std::vector<Source> label(npos);
    for (size_t i = 0; i < npos; ++i) label[i] = LabelSource(i, stats);
    int64_t best_cost = INT64_MAX;
    unsigned best_mask = 0;  // bit i: position i from its label source
    for (unsigned mask = 0; mask < (1u << npos); ++mask) {
      int64_t cost = 0;
      bool scans = false;
      for (size_t i = 0; i < npos && cost != INT64_MAX; ++i) {
        if (!(mask & (1u << i))) {
          scans = true;
        } else if (label[i].cost == INT64_MAX) {
          cost = INT64_MAX;
        } else {
          cost += label[i].cost;
        }
      }
      if (cost != INT64_MAX && scans) cost += stats.relationships;
      if (cost < best_cost) {
        best_cost = cost;
        best_mask = mask;
      }
    }
    for (size_t i = 0; i < npos; ++i) {
      if (best_mask & (1u << i)) sources_[i] = label[i];
    }
    return Status::OK();
  }

  // Reads every relationship of the chain's types into lists_[position]; sorted_by_start_
  // tells, per position, whether its list is in start-node order (else end-node order).
  Status Load() {
    size_t npos = spec_.rels.size();
    lists_.assign(npos, {});
    sorted_by_start_.assign(npos, true);
    for (size_t i = 0; i < npos; ++i) {
      if (tokens_[i].empty()) return Status::OK();  // a type never stored: nothing matches
    }
    bool scans = false;
    for (size_t i = 0; i < npos; ++i) {
      if (sources_[i].scan) {
        scans = true;
        continue;
      }
      PARLEY_RETURN_IF_ERROR(ReadLabelLists(i));
      sorted_by_start_[i] = sources_[i].owner_is_start;
    }
    if (scans) PARLEY_RETURN_IF_ERROR(Scan(tokens_));
    return Status::OK();
  }

  // Position i's links from the lists of its source label's nodes, over parallel parts of the
  // label's ids: in the owner's id order.
  Status ReadLabelLists(size_t i) {
    const Source& src = sources_[i];
    GraphStore* store = ctx_.store();
    std::vector<NodeId> ids;
    auto cursor = store->ScanLabel(src.label, ctx_.snapshot());
    for (; cursor->Valid(); cursor->Next()) ids.push_back(cursor->id());
    PARLEY_RETURN_IF_ERROR(cursor->status());
    PARLEY_RETURN_IF_ERROR(Hold(ids.size() * sizeof(NodeId)));
    int parts = std::min<int>(ParallelThreads(), static_cast<int>(ids.size() / 64) + 1);
    size_t chunk = (ids.size() + parts - 1) / parts;
    std::vector<std::vector<Link>> found(parts);
    Direction dir = src.owner_is_start ? Direction::kOutgoing : Direction::kIncoming;
    auto work = [&](int p, WorkerControl& control) -> Status {
      auto reader = store->NewAdjacencyReader(ctx_.snapshot());
      size_t lo = std::min(ids.size(), chunk * p), hi = std::min(ids.size(), lo + chunk);
      std::vector<Link>& out = found[p];
      for (size_t k = lo; k < hi; ++k) {
        if ((k & 63) == 0 && control.stopped()) return Status::OK();
        size_t before = out.size();
        for (const std::string& type : spec_.rels[i].types) {
          for (reader->Seek(ids[k], dir, type); reader->Valid(); reader->Next()) {
            const Adjacent& e = reader->entry();
            if (src.owner_is_start) {
              out.push_back({ids[k], e.other, e.rel});
            } else {
              out.push_back({e.other, ids[k], e.rel});
            }
          }
          PARLEY_RETURN_IF_ERROR(reader->status());
        }
        control.AddBytes((out.size() - before) * sizeof(Link));
      }
      return Status::OK();
    };
    PARLEY_RETURN_IF_ERROR(RunParallel(ctx_, parts, work, &held_));
    size_t total = 0;
    for (const auto& f : found) total += f.size();
    lists_[i].reserve(total);
    for (auto& f : found) {
      lists_[i].insert(lists_[i].end(), f.begin(), f.end());
      std::vector<Link>().swap(f);
    }
    return Status::OK();
  }

  // The positions whose source is the scan get their links from one ordered pass over the
  // outgoing column family, one thread per key range: in start-node order.
  Status Scan(const std::vector<std::vector<uint32_t>>& tokens) {
    GraphStore* store = ctx_.store();
    size_t npos = spec_.rels.size();
    std::vector<uint32_t> all;
    std::vector<size_t> scanned;
    for (size_t i = 0; i < npos; ++i) {
      if (!sources_[i].scan) continue;
      scanned.push_back(i);
      for (uint32_t tok : tokens[i]) {
        if (!Contains(all, tok)) all.push_back(tok);
      }
    }
    NodeId first, last;
    bool empty;
    PARLEY_RETURN_IF_ERROR(
        store->AdjacencyBounds(Direction::kOutgoing, &first, &last, &empty, ctx_.snapshot()));
    if (empty) return Status::OK();
    int parts = ParallelThreads();
    unsigned __int128 range = static_cast<unsigned __int128>(last) - first + 1;
    if (range < static_cast<unsigned __int128>(parts)) parts = 1;
    unsigned __int128 span = range / parts;

    std::vector<std::vector<std::vector<Link>>> found(parts, std::vector<std::vector<Link>>(npos));
    auto work = [&](int p, WorkerControl& control) -> Status {
      NodeId lo = static_cast<NodeId>(first + span * p);
      NodeId hi = p == parts - 1 ? last : static_cast<NodeId>(first + span * (p + 1) - 1);
      auto& lists = found[p];
      Status s = store->ScanAdjacency(
          Direction::kOutgoing, all, lo, hi,
          [&](const AdjacencyEntry* e, size_t n) -> Status {
            if (control.stopped()) return Status::InvalidInput("scan stopped");
            size_t added = 0;
            for (size_t k = 0; k < n; ++k) {
              for (size_t i : scanned) {
                if (!Contains(tokens[i], e[k].type)) continue;
                lists[i].push_back({e[k].node, e[k].other, e[k].rel});
                ++added;
              }
            }
            control.AddBytes(added * sizeof(Link));
            return Status::OK();
          },
          ctx_.snapshot());
      return control.stopped() ? Status::OK() : s;
    };
    PARLEY_RETURN_IF_ERROR(RunParallel(ctx_, parts, work, &held_));
    // Key ranges in order: the concatenation stays in start-node order.
    for (size_t i : scanned) {
      size_t total = 0;
      for (int p = 0; p < parts; ++p) total += found[p][i].size();
      lists_[i].reserve(total);
      for (int p = 0; p < parts; ++p) {
        lists_[i].insert(lists_[i].end(), found[p][i].begin(), found[p][i].end());
        std::vector<Link>().swap(found[p][i]);
      }
    }
    return Status::OK();
  }

  // The grouping key of one match, given its chain nodes' ids.
  IdKey KeyOf(const NodeId* ids) const {
    IdKey k;
    int j = 0;
    for (size_t i = 0; i < spec_.nodes.size(); ++i) {
      if (!spec_.nodes[i].keys.empty()) k.id[j++] = ids[i];
    }
    return k;
  }

  // Fills keys_ with one entry per match (its grouped ids), joining the lists.
  Status Join() {
    const size_t n = spec_.nodes.size();
    auto end_of = [](const Link& l, bool forward, bool far) {
      // The node at the near (left) or far (right) end of a link walked in chain order.
      return (forward != far) ? l.start : l.end;
    };
    QueryGuard& guard = ctx_.guard();
    if (spec_.rels.size() == 1) {
      bool fw = spec_.rels[0].forward;
      for (const Link& l : lists_[0]) {
        PARLEY_RETURN_IF_ERROR(guard.Check());
        NodeId ids[2] = {end_of(l, fw, false), end_of(l, fw, true)};
        bool ok = true;
        for (size_t i = 0; i < n && ok; ++i) PARLEY_RETURN_IF_ERROR(LabelsOk(i, ids[i], &ok));
        if (ok) keys_.push_back(KeyOf(ids));
      }
      return Grew();
    }
    bool fw0 = spec_.rels[0].forward, fw1 = spec_.rels[1].forward;
    auto& l0 = lists_[0];
    auto& l1 = lists_[1];
    // Both lists by the shared node: the far end of the first link, the near end of the second.
    // A list whose shared node is its start is in that order already.
    auto by0 = [&](const Link& a, const Link& b) {
      return end_of(a, fw0, true) < end_of(b, fw0, true);
    };
    auto by1 = [&](const Link& a, const Link& b) {
      return end_of(a, fw1, false) < end_of(b, fw1, false);
    };
    // The shared node is the start of list 0's links if they point backwards, of list 1's if
    // they point forwards; a list read in the other order is sorted (both at once).
    bool sort0 = sorted_by_start_[0] == fw0, sort1 = sorted_by_start_[1] != fw1;
    auto sort_work = [&](int p, WorkerControl&) -> Status {
      if (p == 0 && sort0) std::sort(l0.begin(), l0.end(), by0);
      if ((p == 1 || (p == 0 && !sort0)) && sort1) std::sort(l1.begin(), l1.end(), by1);
      return Status::OK();
    };
    size_t unused = 0;
    PARLEY_RETURN_IF_ERROR(RunParallel(ctx_, sort0 && sort1 ? 2 : 1, sort_work, &unused));
    bool same_types = false;
    for (const auto& t : spec_.rels[0].types) {
      same_types = same_types || std::find(spec_.rels[1].types.begin(), spec_.rels[1].types.end(),
                                           t) != spec_.rels[1].types.end();
    }
    size_t i = 0, j = 0;
    while (i < l0.size() && j < l1.size()) {
      NodeId a = end_of(l0[i], fw0, true), b = end_of(l1[j], fw1, false);
      if (a < b) {
        ++i;
        continue;
      }
      if (b < a) {
        ++j;
        continue;
      }
      size_t i2 = i, j2 = j;
      while (i2 < l0.size() && end_of(l0[i2], fw0, true) == a) ++i2;
      while (j2 < l1.size() && end_of(l1[j2], fw1, false) == a) ++j2;
      PARLEY_RETURN_IF_ERROR(guard.Check());
      bool ok;
      PARLEY_RETURN_IF_ERROR(LabelsOk(1, a, &ok));
      if (ok) {
        for (size_t x = i; x < i2; ++x) {
          PARLEY_RETURN_IF_ERROR(Grew());
          NodeId left = end_of(l0[x], fw0, false);
          PARLEY_RETURN_IF_ERROR(LabelsOk(0, left, &ok));
          if (!ok) continue;
          for (size_t y = j; y < j2; ++y) {
            if (same_types && l0[x].rel == l1[y].rel) continue;  // one relationship, matched once
            NodeId right = end_of(l1[y], fw1, true);
            PARLEY_RETURN_IF_ERROR(LabelsOk(2, right, &ok));
            if (!ok) continue;
            NodeId ids[3] = {left, a, right};
            keys_.push_back(KeyOf(ids));
          }
        }
      }
      i = i2;
      j = j2;
    }
    return Grew();
  }

  // Holds the memory keys_ took since the last call (a hub node's join can be large).
  Status Grew() {
    size_t now = keys_.capacity() * sizeof(IdKey);
    if (now <= keys_held_) return Status::OK();
    size_t more = now - keys_held_;
    keys_held_ = now;
    return Hold(more);
  }

  Status Build() {
    PARLEY_RETURN_IF_ERROR(Load());
    size_t links = 0;
    for (const auto& l : lists_) links += l.size();
    keys_.reserve(links / std::max<size_t>(1, lists_.size()));
    PARLEY_RETURN_IF_ERROR(Join());
    lists_.clear();
    PARLEY_RETURN_IF_ERROR(ParallelSort(ctx_, &keys_));
    struct IdGroup {
      IdKey key;
      int64_t count;
    };
    std::vector<IdGroup> groups;
    for (size_t i = 0; i < keys_.size();) {
      size_t j = i;
      while (j < keys_.size() && keys_[j] == keys_[i]) ++j;
      groups.push_back({keys_[i], static_cast<int64_t>(j - i)});
      i = j;
    }
    size_t total = keys_.size();
    std::vector<IdKey>().swap(keys_);

    // The grouped nodes, and their keys evaluated once per distinct node.
    std::vector<size_t> grouped;
    for (size_t i = 0; i < spec_.nodes.size(); ++i) {
      if (!spec_.nodes[i].keys.empty()) grouped.push_back(i);
    }
    if (grouped.empty()) {
      Row r(*spec_.width, Value());
      r[spec_.count_slot] = Value(static_cast<int64_t>(total));
      rows_.push_back(std::move(r));
      return Status::OK();
    }
    std::vector<std::vector<NodeId>> ids(grouped.size());
    std::vector<std::vector<std::vector<Value>>> values(grouped.size());
    bool injective = true;
    for (size_t g = 0; g < grouped.size(); ++g) {
      for (const IdGroup& x : groups) ids[g].push_back(x.key.id[g]);
      std::sort(ids[g].begin(), ids[g].end());
      ids[g].erase(std::unique(ids[g].begin(), ids[g].end()), ids[g].end());
      const ChainNode& node = spec_.nodes[grouped[g]];
      Row scratch(*spec_.width, Value());
      std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq> seen;
      values[g].resize(ids[g].size());
      for (size_t k = 0; k < ids[g].size(); ++k) {
        PARLEY_RETURN_IF_ERROR(ctx_.guard().Check());
        scratch[node.slot] = ExecContext::NodeRef(ids[g][k]);
        auto& vals = values[g][k];
        vals.resize(node.keys.size());
        for (size_t e = 0; e < node.keys.size(); ++e) {
          PARLEY_RETURN_IF_ERROR(Evaluate(*node.keys[e], scratch, ctx_, &vals[e]));
          PARLEY_RETURN_IF_ERROR(Hold(ApproxBytes(vals[e]) + sizeof(Value)));
        }
        if (injective && !seen.insert(vals).second) injective = false;
      }
    }
    auto values_of = [&](size_t g, NodeId id) -> const std::vector<Value>& {
      size_t k = std::lower_bound(ids[g].begin(), ids[g].end(), id) - ids[g].begin();
      return values[g][k];
    };
    struct Final {
      std::vector<Value> keys;  // the grouped nodes' keys, in chain order
      int64_t count;
    };
    std::vector<Final> finals;
    auto top = [&](auto& v, auto count_of) {
      if (spec_.top_k < 0 || static_cast<size_t>(spec_.top_k) >= v.size()) return;
      auto cmp = [&](const auto& a, const auto& b) {
        return spec_.top_descending ? count_of(a) > count_of(b) : count_of(a) < count_of(b);
      };
      std::nth_element(v.begin(), v.begin() + spec_.top_k, v.end(), cmp);
      v.resize(spec_.top_k);
    };
    auto concat = [&](const IdKey& key) {
      std::vector<Value> all;
      for (size_t g = 0; g < grouped.size(); ++g) {
        const auto& v = values_of(g, key.id[g]);
        all.insert(all.end(), v.begin(), v.end());
      }
      return all;
    };
    if (injective) {
      // One id group per key group: the top k are chosen before any key is copied.
      top(groups, [](const IdGroup& x) { return x.count; });
      for (const IdGroup& x : groups) finals.push_back({concat(x.key), x.count});
    } else {
      std::unordered_map<std::vector<Value>, size_t, ValuesHash, ValuesEq> index;
      for (const IdGroup& x : groups) {
        PARLEY_RETURN_IF_ERROR(ctx_.guard().Check());
        std::vector<Value> k = concat(x.key);
        auto it = index.find(k);
        if (it == index.end()) {
          size_t bytes = 64;
          for (const Value& v : k) bytes += 2 * ApproxBytes(v);
          PARLEY_RETURN_IF_ERROR(Hold(bytes));
          index.emplace(k, finals.size());
          finals.push_back({std::move(k), x.count});
        } else {
          finals[it->second].count += x.count;
        }
      }
      top(finals, [](const Final& f) { return f.count; });
    }
    for (Final& f : finals) {
      Row r(*spec_.width, Value());
      size_t e = 0;
      for (size_t g = 0; g < grouped.size(); ++g) {
        const ChainNode& node = spec_.nodes[grouped[g]];
        for (int slot : node.key_slots) r[slot] = std::move(f.keys[e++]);
      }
      r[spec_.count_slot] = Value(f.count);
      rows_.push_back(std::move(r));
    }
    return Status::OK();
  }

  ChainCountSpec spec_;
  ExecContext& ctx_;
  size_t held_ = 0;
  bool built_ = false;
  Status status_;
  std::vector<std::vector<Link>> lists_;
  std::vector<bool> sorted_by_start_;
  std::vector<Source> sources_;
  std::vector<std::vector<uint32_t>> tokens_;
  Status choice_;
  std::vector<IdKey> keys_;
  size_t keys_held_ = 0;
  std::vector<Row> rows_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeChainCount(ChainCountSpec spec, ExecContext& ctx) {
  return std::make_unique<ChainCount>(std::move(spec), ctx);
}

}  // namespace parley::query

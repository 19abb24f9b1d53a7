#include "query/operators.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "query/limits.h"
#include "query/query_error.h"
#include "query/query_values.h"
#include "query/value_ops.h"

namespace parley::query {
namespace {

std::string Indent(int depth) {
  return std::string(2 * depth, ' ');
}

class Start : public Operator {
 public:
  explicit Start(const int* width) : width_(width) {}
  bool Next(Row* row) override {
    if (done_) return false;
    done_ = true;
    row->assign(*width_, Value());
    return true;
  }
  Status status() const override { return Status::OK(); }
  void Reset() override { done_ = false; }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    lines->push_back(Indent(depth) + "Start");
  }

 private:
  const int* width_;
  bool done_ = false;
};

// Base of operators with one input: passes the input's status on.
class Unary : public Operator {
 public:
  explicit Unary(OperatorPtr input) : input_(std::move(input)) {}
  Status status() const override { return status_.ok() ? input_->status() : status_; }
  void Reset() override {
    status_ = Status::OK();
    input_->Reset();
  }

 protected:
  void ExplainInput(int depth, std::vector<std::string>* lines) const {
    input_->Explain(depth + 1, lines);
  }
  OperatorPtr input_;
  Status status_;
};

size_t RowBytes(const Row& row) {
  size_t n = sizeof(Row);
  for (const Value& v : row) n += ApproxBytes(v);
  return n;
}

class Match : public Unary {
 public:
  Match(OperatorPtr input, std::shared_ptr<PatternPlan> pattern, bool optional, ExecContext& ctx)
      : Unary(std::move(input)),
        pattern_(std::move(pattern)),
        optional_(optional),
        matcher_(*pattern_, ctx) {}
  bool Next(Row* row) override {
    while (true) {
      if (active_) {
        if (matcher_.Next()) {
          matched_ = true;
          *row = current_;
          return true;
        }
        if (!matcher_.status().ok()) return Fail(matcher_.status());
        active_ = false;
        if (optional_ && !matched_) {
          *row = input_row_;
          for (int s : pattern_->new_slots) (*row)[s] = Value();
          return true;
        }
      }
      if (!input_->Next(&input_row_)) return false;
      current_ = input_row_;
      matcher_.Reset(&current_);
      active_ = true;
      matched_ = false;
    }
  }
  void Reset() override {
    Unary::Reset();
    active_ = false;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + (optional_ ? "OptionalMatch" : "Match"));
    for (const Step& s : pattern_->steps) lines->push_back(Indent(depth + 1) + "| " + s.Describe());
  }

 private:
  bool Fail(Status s) {
    status_ = std::move(s);
    return false;
  }
  std::shared_ptr<PatternPlan> pattern_;
  bool optional_;
  Matcher matcher_;
  Row input_row_, current_;
  bool active_ = false, matched_ = false;
};

class Filter : public Unary {
 public:
  Filter(OperatorPtr input, CExprPtr predicate, ExecContext& ctx)
      : Unary(std::move(input)), predicate_(std::move(predicate)), ctx_(ctx) {}
  bool Next(Row* row) override {
    while (input_->Next(row)) {
      bool pass;
      status_ = EvaluatePredicate(*predicate_, *row, ctx_, &pass);
      if (!status_.ok()) return false;
      if (pass) return true;
    }
    return false;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Filter");
  }

 private:
  CExprPtr predicate_;
  ExecContext& ctx_;
};

class Project : public Unary {
 public:
  Project(OperatorPtr input, std::vector<CExprPtr> exprs, std::vector<int> slots, ExecContext& ctx)
      : Unary(std::move(input)), exprs_(std::move(exprs)), slots_(std::move(slots)), ctx_(ctx) {}
  bool Next(Row* row) override {
    if (!input_->Next(row)) return false;
    // Evaluate every item before storing any: an item may read a slot another one writes
    // (RETURN a.x AS a, a AS b).
    values_.resize(exprs_.size());
    for (size_t i = 0; i < exprs_.size(); ++i) {
      status_ = Evaluate(*exprs_[i], *row, ctx_, &values_[i]);
      if (!status_.ok()) return false;
    }
    for (size_t i = 0; i < exprs_.size(); ++i) (*row)[slots_[i]] = std::move(values_[i]);
    return true;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Project " + std::to_string(exprs_.size()) + " item(s)");
  }

 private:
  std::vector<CExprPtr> exprs_;
  std::vector<int> slots_;
  ExecContext& ctx_;
  std::vector<Value> values_;
};

struct KeyHash {
  size_t operator()(const std::vector<Value>& k) const {
    size_t h = 0x9e3779b97f4a7c15ull;
    for (const Value& v : k) h = (h ^ GroupHash(v)) * 0x100000001b3ull;
    return h;
  }
};
struct KeyEq {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!GroupEquals(a[i], b[i])) return false;
    }
    return true;
  }
};

class Aggregate : public Unary {
 public:
  Aggregate(OperatorPtr input, std::vector<CExprPtr> keys, std::vector<int> key_slots,
            std::vector<AggregateSpec> aggregates, const int* width, ExecContext& ctx)
      : Unary(std::move(input)),
        keys_(std::move(keys)),
        key_slots_(std::move(key_slots)),
        aggs_(std::move(aggregates)),
        width_(width),
        ctx_(ctx),
        held_(ctx.guard()) {}
  bool Next(Row* row) override {
    if (!built_) {
      built_ = true;
      if (!Build()) return false;
    }
    if (next_ >= groups_.size()) return false;
    Group& g = groups_[next_++];
    *row = std::move(g.first);
    for (size_t i = 0; i < key_slots_.size(); ++i) (*row)[key_slots_[i]] = g.keys[i];
    for (size_t i = 0; i < aggs_.size(); ++i) {
      status_ = g.aggregators[i]->Result(&(*row)[aggs_[i].slot]);
      if (!status_.ok()) return false;
    }
    g.aggregators.clear();
    return true;
  }
  void Reset() override {
    Unary::Reset();
    built_ = false;
    groups_.clear();
    next_ = 0;
    held_.DropAll();
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Aggregate by " + std::to_string(keys_.size()) + " key(s), " +
                     std::to_string(aggs_.size()) + " aggregate(s)");
  }

 private:
  struct Group {
    std::vector<Value> keys;
    Row first;
    std::vector<std::unique_ptr<Aggregator>> aggregators;
  };

  bool Build() {
    std::unordered_map<std::vector<Value>, size_t, KeyHash, KeyEq> index;
    Row row;
    std::vector<Value> key, args;
    while (input_->Next(&row)) {
      key.resize(keys_.size());
      for (size_t i = 0; i < keys_.size(); ++i) {
        status_ = Evaluate(*keys_[i], row, ctx_, &key[i]);
        if (!status_.ok()) return false;
      }
      // Look up before inserting: most rows join an existing group, and an insert attempt
      // would copy the key every time.
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, groups_.size()).first;
        NewGroup(key, row);
        // The key twice (in the index and the group), the group's first row, its aggregates.
        size_t bytes = 64 * (1 + aggs_.size()) + RowBytes(row);
        for (const Value& k : key) bytes += 2 * ApproxBytes(k);
        status_ = held_.Add(bytes);
        if (!status_.ok()) return false;
      }
      Group& g = groups_[it->second];
      for (size_t i = 0; i < aggs_.size(); ++i) {
        args.resize(aggs_[i].args.size());
        for (size_t a = 0; a < args.size(); ++a) {
          status_ = Evaluate(*aggs_[i].args[a], row, ctx_, &args[a]);
          if (!status_.ok()) return false;
        }
        size_t before = g.aggregators[i]->held_bytes();
        status_ = g.aggregators[i]->Add(args);
        if (!status_.ok()) {
          status_ = QueryError(ctx_.query_text(),
                               aggs_[i].args.empty() ? SourcePos() : aggs_[i].args[0]->pos,
                               status_.message());
          return false;
        }
        status_ = held_.Add(g.aggregators[i]->held_bytes() - before);
        if (!status_.ok()) return false;
      }
    }
    if (!input_->status().ok()) return false;
    // Aggregating nothing without grouping keys still answers: count(*) is 0.
    if (groups_.empty() && keys_.empty()) NewGroup({}, Row(*width_, Value()));
    return true;
  }

  void NewGroup(const std::vector<Value>& key, const Row& row) {
    Group g;
    g.keys = key;
    g.first = row;
    for (const AggregateSpec& a : aggs_) {
      g.aggregators.push_back(MakeAggregator(*a.function, a.distinct, a.star));
    }
    groups_.push_back(std::move(g));
  }

  std::vector<CExprPtr> keys_;
  std::vector<int> key_slots_;
  std::vector<AggregateSpec> aggs_;
  const int* width_;
  ExecContext& ctx_;
  HeldMemory held_;
  bool built_ = false;
  std::vector<Group> groups_;
  size_t next_ = 0;
};

class Distinct : public Unary {
 public:
  Distinct(OperatorPtr input, std::vector<int> slots, ExecContext& ctx)
      : Unary(std::move(input)), slots_(std::move(slots)), held_(ctx.guard()) {}
  bool Next(Row* row) override {
    while (input_->Next(row)) {
      std::vector<Value> key;
      key.reserve(slots_.size());
      size_t bytes = 64 + sizeof(key);
      for (int s : slots_) {
        key.push_back((*row)[s]);
        bytes += ApproxBytes(key.back());
      }
      if (seen_.insert(std::move(key)).second) {
        status_ = held_.Add(bytes);
        return status_.ok();
      }
    }
    return false;
  }
  void Reset() override {
    Unary::Reset();
    seen_.clear();
    held_.DropAll();
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Distinct");
  }

 private:
  std::vector<int> slots_;
  HeldMemory held_;
  std::unordered_set<std::vector<Value>, KeyHash, KeyEq> seen_;
};

class Sort : public Unary {
 public:
  Sort(OperatorPtr input, std::vector<SortKey> keys, int64_t limit, ExecContext& ctx)
      : Unary(std::move(input)),
        keys_(std::move(keys)),
        limit_(limit),
        ctx_(ctx),
        held_(ctx.guard()) {}
  bool Next(Row* row) override {
    if (!built_) {
      built_ = true;
      if (!Build()) return false;
    }
    if (next_ >= rows_.size()) return false;
    *row = std::move(rows_[next_++].row);
    return true;
  }
  void Reset() override {
    Unary::Reset();
    built_ = false;
    rows_.clear();
    next_ = 0;
    held_.DropAll();
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Sort by " + std::to_string(keys_.size()) + " key(s)" +
                     (limit_ >= 0 ? ", keeping " + std::to_string(limit_) : ""));
  }

 private:
  struct Item {
    std::vector<Value> keys;
    uint64_t seq;  // arrival order, for a stable sort under partial sorting
    Row row;
    size_t bytes;  // counted against the memory limit
  };
  bool Less(const Item& a, const Item& b) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      int c = OrderCompare(a.keys[i], b.keys[i]);
      if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
    }
    return a.seq < b.seq;
  }
  // Keeps the `limit_` smallest rows once the buffer holds twice that many.
  void Trim() {
    auto less = [this](const Item& a, const Item& b) { return Less(a, b); };
    std::nth_element(rows_.begin(), rows_.begin() + limit_, rows_.end(), less);
    for (size_t i = static_cast<size_t>(limit_); i < rows_.size(); ++i) held_.Drop(rows_[i].bytes);
    rows_.resize(limit_);
  }
  bool Build() {
    Row row;
    uint64_t seq = 0;
    while (input_->Next(&row)) {
      Item item;
      item.keys.resize(keys_.size());
      for (size_t i = 0; i < keys_.size(); ++i) {
        status_ = Evaluate(*keys_[i].expr, row, ctx_, &item.keys[i]);
        if (!status_.ok()) return false;
      }
      item.seq = seq++;
      item.bytes = sizeof(Item) + RowBytes(row);
      for (const Value& k : item.keys) item.bytes += ApproxBytes(k);
      status_ = held_.Add(item.bytes);
      if (!status_.ok()) return false;
      item.row = std::move(row);
      rows_.push_back(std::move(item));
      if (limit_ >= 0 && rows_.size() >= static_cast<size_t>(2 * limit_ + 1024)) Trim();
    }
    if (!input_->status().ok()) return false;
    if (limit_ >= 0 && rows_.size() > static_cast<size_t>(limit_)) Trim();
    std::sort(rows_.begin(), rows_.end(),
              [this](const Item& a, const Item& b) { return Less(a, b); });
    return true;
  }

  std::vector<SortKey> keys_;
  int64_t limit_;
  ExecContext& ctx_;
  HeldMemory held_;
  bool built_ = false;
  std::vector<Item> rows_;
  size_t next_ = 0;
};

class Skip : public Unary {
 public:
  Skip(OperatorPtr input, int64_t count) : Unary(std::move(input)), count_(count) {}
  bool Next(Row* row) override {
    while (skipped_ < count_) {
      if (!input_->Next(row)) return false;
      ++skipped_;
    }
    return input_->Next(row);
  }
  void Reset() override {
    Unary::Reset();
    skipped_ = 0;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Skip " + std::to_string(count_));
  }

 private:
  int64_t count_, skipped_ = 0;
};

class Limit : public Unary {
 public:
  Limit(OperatorPtr input, int64_t count) : Unary(std::move(input)), count_(count) {}
  bool Next(Row* row) override {
    if (given_ >= count_) return false;  // stops pulling: the input is never read further
    if (!input_->Next(row)) return false;
    ++given_;
    return true;
  }
  void Reset() override {
    Unary::Reset();
    given_ = 0;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Limit " + std::to_string(count_));
  }

 private:
  int64_t count_, given_ = 0;
};

class Unwind : public Unary {
 public:
  Unwind(OperatorPtr input, CExprPtr list, int slot, ExecContext& ctx)
      : Unary(std::move(input)), list_(std::move(list)), slot_(slot), ctx_(ctx) {}
  bool Next(Row* row) override {
    while (true) {
      status_ = ctx_.guard().Check();
      if (!status_.ok()) return false;
      Value item;
      if (cursor_.Next(&item)) {
        *row = current_;
        (*row)[slot_] = std::move(item);
        return true;
      }
      if (!input_->Next(&current_)) return false;
      bool is_list = false;
      Value other;
      status_ = cursor_.Start(*list_, current_, ctx_, &is_list, &other);
      if (!status_.ok()) return false;
      // A value that is not a list unwinds to itself; null to nothing.
      if (!is_list && !other.is_null()) {
        *row = current_;
        (*row)[slot_] = std::move(other);
        return true;
      }
    }
  }
  void Reset() override {
    Unary::Reset();
    cursor_ = ListCursor();
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Unwind");
  }

 private:
  CExprPtr list_;
  int slot_;
  ExecContext& ctx_;
  Row current_;
  ListCursor cursor_;
};

}  // namespace

// Property values a node or relationship can hold: scalars (temporal values among them), and
// lists of scalars.
Status CheckStorable(const std::string& key, const Value& v) {
  if (v.is_map() || v.is_node() || v.is_relationship() || v.is_path()) {
    return Status::InvalidInput("Type mismatch: property '" + key + "' cannot hold a " +
                                TypeName(v));
  }
  if (v.is_list()) {
    for (const Value& item : v.as_list()) {
      if (item.is_list() || item.is_map() || !item.IsStorable()) {
        return Status::InvalidInput("Type mismatch: property '" + key + "' cannot hold a list of " +
                                    TypeName(item));
      }
    }
  }
  return Status::OK();
}

namespace {

// Evaluates a property map; null-valued properties are left out, as Cypher does.
Status CreateProperties(const CExpr* expr, Row& row, ExecContext& ctx, PropertyMap* out) {
  if (!expr) return Status::OK();
  Value v;
  PARLEY_RETURN_IF_ERROR(Evaluate(*expr, row, ctx, &v));
  if (v.is_null()) return Status::OK();
  if (!v.is_map()) {
    return QueryError(
        ctx.query_text(), expr->pos,
        std::string("Type mismatch: expected a map of properties but was ") + TypeName(v));
  }
  for (const auto& [k, item] : v.as_map()) {
    if (item.is_null()) continue;
    Status s = CheckStorable(k, item);
    if (!s.ok()) return QueryError(ctx.query_text(), expr->pos, s.message());
    out->emplace(k, item);
  }
  return Status::OK();
}

}  // namespace

Status CreateParts(const std::vector<CreatePart>& parts, Row* row, ExecContext& ctx,
                   size_t* bytes) {
  for (const CreatePart& part : parts) {
    for (const CreateNode& n : part.nodes) {
      if (n.bound) {
        if (!(*row)[n.slot].is_node())
          return Status::InvalidInput("Cannot create a relationship with a null node");
        continue;
      }
      auto node = std::make_shared<Node>();
      PARLEY_RETURN_IF_ERROR(CreateProperties(n.properties.get(), *row, ctx, &node->properties));
      PARLEY_RETURN_IF_ERROR(ctx.NewId(&node->id));
      node->labels = n.labels;
      std::sort(node->labels.begin(), node->labels.end());
      node->labels.erase(std::unique(node->labels.begin(), node->labels.end()), node->labels.end());
      ctx.batch().PutNode(node->id, node->labels, node->properties);
      (*row)[n.slot] = Value(std::shared_ptr<const Node>(node));
      *bytes += sizeof(GraphBatch::Op) + 2 * ApproxBytes((*row)[n.slot]);
      ctx.RememberCreated(std::move(node));
    }
    for (const CreateRel& r : part.rels) {
      auto rel = std::make_shared<Relationship>();
      PARLEY_RETURN_IF_ERROR(CreateProperties(r.properties.get(), *row, ctx, &rel->properties));
      PARLEY_RETURN_IF_ERROR(ctx.NewId(&rel->id));
      rel->type = r.type;
      rel->start = (*row)[r.from].as_node().id;
      rel->end = (*row)[r.to].as_node().id;
      ctx.batch().PutRelationship(rel->id, rel->type, rel->start, rel->end, rel->properties);
      (*row)[r.slot] = Value(std::shared_ptr<const Relationship>(rel));
      *bytes += sizeof(GraphBatch::Op) + 2 * ApproxBytes((*row)[r.slot]);
      ctx.RememberCreated(std::move(rel));
    }
    if (part.path_slot >= 0) {
      auto path = std::make_shared<Path>();
      for (int s : part.path_node_slots) path->nodes.push_back((*row)[s]);
      for (int s : part.path_rel_slots) path->relationships.push_back((*row)[s]);
      (*row)[part.path_slot] = Value(std::shared_ptr<const Path>(std::move(path)));
    }
  }
  return Status::OK();
}

namespace {

class Create : public Unary {
 public:
  Create(OperatorPtr input, std::vector<CreatePart> parts, ExecContext& ctx)
      : Unary(std::move(input)), parts_(std::move(parts)), ctx_(ctx), held_(ctx.guard()) {}
  bool Next(Row* row) override {
    if (!input_->Next(row)) return false;
    // What this row makes waits in memory until the query ends: the batch's operation and
    // the created element the context remembers, each about the element's size.
    size_t bytes = 0;
    status_ = CreateParts(parts_, row, ctx_, &bytes);
    if (!status_.ok()) return false;
    status_ = held_.Add(bytes);
    return status_.ok();
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    ExplainInput(depth, lines);
    lines->push_back(Indent(depth) + "Create");
  }

 private:
  std::vector<CreatePart> parts_;
  ExecContext& ctx_;
  HeldMemory held_;
};

}  // namespace

OperatorPtr MakeStart(const int* width) {
  return std::make_unique<Start>(width);
}
OperatorPtr MakeMatch(OperatorPtr input, std::shared_ptr<PatternPlan> pattern, bool optional,
                      ExecContext& ctx) {
  return std::make_unique<Match>(std::move(input), std::move(pattern), optional, ctx);
}
OperatorPtr MakeFilter(OperatorPtr input, CExprPtr predicate, ExecContext& ctx) {
  return std::make_unique<Filter>(std::move(input), std::move(predicate), ctx);
}
OperatorPtr MakeProject(OperatorPtr input, std::vector<CExprPtr> exprs, std::vector<int> slots,
                        ExecContext& ctx) {
  return std::make_unique<Project>(std::move(input), std::move(exprs), std::move(slots), ctx);
}
OperatorPtr MakeAggregate(OperatorPtr input, std::vector<CExprPtr> keys, std::vector<int> key_slots,
                          std::vector<AggregateSpec> aggregates, const int* width,
                          ExecContext& ctx) {
  return std::make_unique<Aggregate>(std::move(input), std::move(keys), std::move(key_slots),
                                     std::move(aggregates), width, ctx);
}
OperatorPtr MakeDistinct(OperatorPtr input, std::vector<int> slots, ExecContext& ctx) {
  return std::make_unique<Distinct>(std::move(input), std::move(slots), ctx);
}
OperatorPtr MakeSort(OperatorPtr input, std::vector<SortKey> keys, int64_t limit,
                     ExecContext& ctx) {
  return std::make_unique<Sort>(std::move(input), std::move(keys), limit, ctx);
}
OperatorPtr MakeSkip(OperatorPtr input, int64_t count) {
  return std::make_unique<Skip>(std::move(input), count);
}
OperatorPtr MakeLimit(OperatorPtr input, int64_t count) {
  return std::make_unique<Limit>(std::move(input), count);
}
OperatorPtr MakeUnwind(OperatorPtr input, CExprPtr list, int slot, ExecContext& ctx) {
  return std::make_unique<Unwind>(std::move(input), std::move(list), slot, ctx);
}
OperatorPtr MakeCreate(OperatorPtr input, std::vector<CreatePart> parts, ExecContext& ctx) {
  return std::make_unique<Create>(std::move(input), std::move(parts), ctx);
}

}  // namespace parley::query

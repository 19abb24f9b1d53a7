#include "query/update_operators.h"

#include <algorithm>
#include <deque>

#include "query/limits.h"
#include "query/query_error.h"
#include "query/query_values.h"
#include "query/value_ops.h"

namespace parley::query {
namespace {

std::string Indent(int depth) {
  return std::string(2 * depth, ' ');
}

size_t RowSize(const Row& row) {
  size_t n = sizeof(Row);
  for (const Value& v : row) n += ApproxBytes(v);
  return n;
}

Status ErrorAt(ExecContext& ctx, SourcePos pos, const std::string& message) {
  return QueryError(ctx.query_text(), pos, message);
}

// Sets (or with a null value removes) property `key` of `props`, checking it can be stored.
Status PutProperty(ExecContext& ctx, SourcePos pos, const std::string& key, const Value& value,
                   PropertyMap* props) {
  if (value.is_null()) {
    props->erase(key);
    return Status::OK();
  }
  Status s = CheckStorable(key, value);
  if (!s.ok()) return ErrorAt(ctx, pos, s.message());
  (*props)[key] = value;
  return Status::OK();
}

// The properties `SET x = value` / `SET x += value` takes from `value`: a map, or the
// properties of a node or relationship.
Status PropertiesOf(ExecContext& ctx, SourcePos pos, const Value& value, ValueMap* out) {
  if (value.is_null()) {
    out->clear();
    return Status::OK();
  }
  if (value.is_map()) {
    *out = value.as_map();
    return Status::OK();
  }
  if (value.is_node() || value.is_relationship()) {
    Value full;
    PARLEY_RETURN_IF_ERROR(ctx.Complete(value, &full));
    *out = full.is_node() ? full.as_node().properties : full.as_relationship().properties;
    return Status::OK();
  }
  return ErrorAt(ctx, pos,
                 std::string("Type mismatch: expected a map, node or relationship but was ") +
                     TypeName(value));
}

// Applies one item to a property map: kProperty, kReplace or kMerge.
Status ChangeProperties(const SetAction& a, ExecContext& ctx, const Value& value,
                        PropertyMap* props) {
  switch (a.kind) {
    case SetItem::Kind::kProperty:
      return PutProperty(ctx, a.pos, a.key, a.remove ? Value() : value, props);
    case SetItem::Kind::kReplace: {
      ValueMap m;
      PARLEY_RETURN_IF_ERROR(PropertiesOf(ctx, a.pos, value, &m));
      PropertyMap next;
      for (const auto& [k, v] : m) PARLEY_RETURN_IF_ERROR(PutProperty(ctx, a.pos, k, v, &next));
      *props = std::move(next);
      return Status::OK();
    }
    case SetItem::Kind::kMerge: {
      ValueMap m;
      PARLEY_RETURN_IF_ERROR(PropertiesOf(ctx, a.pos, value, &m));
      for (const auto& [k, v] : m) PARLEY_RETURN_IF_ERROR(PutProperty(ctx, a.pos, k, v, props));
      return Status::OK();
    }
    case SetItem::Kind::kLabels:
      break;
  }
  return Status::OK();
}

}  // namespace

Status ApplySetAction(const SetAction& a, Row& row, ExecContext& ctx) {
  Value target;
  PARLEY_RETURN_IF_ERROR(Evaluate(*a.target, row, ctx, &target));
  if (target.is_null()) return Status::OK();  // an unmatched OPTIONAL element: nothing to do
  Value value;
  if (a.value) PARLEY_RETURN_IF_ERROR(Evaluate(*a.value, row, ctx, &value));
  if (target.is_node()) {
    auto node = std::make_shared<Node>();
    PARLEY_RETURN_IF_ERROR(ctx.NodeForChange(target.as_node().id, node.get()));
    if (a.kind == SetItem::Kind::kLabels) {
      for (const std::string& l : a.labels) {
        auto it = std::find(node->labels.begin(), node->labels.end(), l);
        if (a.remove && it != node->labels.end()) node->labels.erase(it);
        if (!a.remove && it == node->labels.end()) node->labels.push_back(l);
      }
      std::sort(node->labels.begin(), node->labels.end());
    } else {
      PARLEY_RETURN_IF_ERROR(ChangeProperties(a, ctx, value, &node->properties));
    }
    ctx.PutChanged(std::shared_ptr<const Node>(std::move(node)));
    return Status::OK();
  }
  if (target.is_relationship() && a.kind != SetItem::Kind::kLabels) {
    auto rel = std::make_shared<Relationship>();
    PARLEY_RETURN_IF_ERROR(ctx.RelationshipForChange(target.as_relationship().id, rel.get()));
    PARLEY_RETURN_IF_ERROR(ChangeProperties(a, ctx, value, &rel->properties));
    ctx.PutChanged(std::shared_ptr<const Relationship>(std::move(rel)));
    return Status::OK();
  }
  return ErrorAt(ctx, a.pos,
                 std::string("Type mismatch: expected ") +
                     (a.kind == SetItem::Kind::kLabels ? "a node" : "a node or relationship") +
                     " but was " + TypeName(target));
}

namespace {

// Base of the update operators: one input, a status.
class UpdateOperator : public Operator {
 public:
  UpdateOperator(OperatorPtr input, ExecContext& ctx) : input_(std::move(input)), ctx_(ctx) {}
  Status status() const override { return status_.ok() ? input_->status() : status_; }

 protected:
  bool Fail(Status s) {
    status_ = std::move(s);
    return false;
  }
  OperatorPtr input_;
  ExecContext& ctx_;
  Status status_;
};

class SetOp : public UpdateOperator {
 public:
  SetOp(OperatorPtr input, std::vector<SetAction> actions, bool remove, ExecContext& ctx)
      : UpdateOperator(std::move(input), ctx), actions_(std::move(actions)), remove_(remove) {}
  bool Next(Row* row) override {
    if (!input_->Next(row)) return false;
    for (const SetAction& a : actions_) {
      Status s = ApplySetAction(a, *row, ctx_);
      if (!s.ok()) return Fail(std::move(s));
    }
    return true;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    input_->Explain(depth + 1, lines);
    lines->push_back(Indent(depth) + (remove_ ? "Remove" : "Set"));
  }

 private:
  std::vector<SetAction> actions_;
  bool remove_;
};

class DeleteOp : public UpdateOperator {
 public:
  DeleteOp(OperatorPtr input, std::vector<CExprPtr> targets, bool detach, ExecContext& ctx)
      : UpdateOperator(std::move(input), ctx), targets_(std::move(targets)), detach_(detach) {}
  bool Next(Row* row) override {
    if (!input_->Next(row)) return false;
    for (const CExprPtr& t : targets_) {
      Value v;
      Status s = Evaluate(*t, *row, ctx_, &v);
      if (s.ok()) s = Delete(*t, v);
      if (!s.ok()) return Fail(std::move(s));
    }
    return true;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    input_->Explain(depth + 1, lines);
    lines->push_back(Indent(depth) + (detach_ ? "DetachDelete" : "Delete"));
  }

 private:
  Status Delete(const CExpr& e, const Value& v) {
    switch (v.type()) {
      case Value::Type::kNull:
        return Status::OK();
      case Value::Type::kNode:
        return ctx_.DeleteNode(v.as_node().id, detach_);
      case Value::Type::kRelationship:
        ctx_.DeleteRelationship(v.as_relationship().id);
        return Status::OK();
      case Value::Type::kPath:
        for (const Value& r : v.as_path().relationships) PARLEY_RETURN_IF_ERROR(Delete(e, r));
        for (const Value& n : v.as_path().nodes) PARLEY_RETURN_IF_ERROR(Delete(e, n));
        return Status::OK();
      case Value::Type::kList:
        for (const Value& item : v.as_list()) PARLEY_RETURN_IF_ERROR(Delete(e, item));
        return Status::OK();
      default:
        return ErrorAt(ctx_, e.pos,
                       std::string("Type mismatch: DELETE expects a node, relationship or path "
                                   "but was ") +
                           TypeName(v));
    }
  }
  std::vector<CExprPtr> targets_;
  bool detach_;
};

class MergeOp : public UpdateOperator {
 public:
  MergeOp(OperatorPtr input, MergeSpec spec, ExecContext& ctx)
      : UpdateOperator(std::move(input), ctx),
        spec_(std::move(spec)),
        matcher_(*spec_.match, ctx),
        held_(ctx.guard()) {}
  bool Next(Row* row) override {
    while (out_.empty()) {
      if (!input_->Next(&in_)) return false;
      Status s = MergeRow();
      if (!s.ok()) return Fail(std::move(s));
    }
    *row = std::move(out_.front());
    out_.pop_front();
    return true;
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    input_->Explain(depth + 1, lines);
    for (const Step& s : spec_.match->steps) lines->push_back(Indent(depth + 1) + s.Describe());
    lines->push_back(Indent(depth) + "Merge");
  }

 private:
  Status MergeRow() {
    for (const CExprPtr& c : spec_.checks) {
      Value m;
      PARLEY_RETURN_IF_ERROR(Evaluate(*c, in_, ctx_, &m));
      if (!m.is_map()) continue;
      for (const auto& [k, v] : m.as_map()) {
        if (v.is_null()) {
          return ErrorAt(ctx_, c->pos,
                         "Cannot merge the pattern using a null property value for '" + k + "'");
        }
      }
    }
    // Every match first, then the changes: ON MATCH SET must not steer the matching.
    Row work = in_;
    matcher_.Reset(&work);
    size_t bytes = 0;
    while (matcher_.Next()) {
      out_.push_back(work);
      bytes += RowSize(work);
      PARLEY_RETURN_IF_ERROR(held_.Add(RowSize(work)));
    }
    PARLEY_RETURN_IF_ERROR(matcher_.status());
    if (!out_.empty()) {
      held_.Drop(bytes);
      for (Row& r : out_) {
        for (const SetAction& a : spec_.on_match)
          PARLEY_RETURN_IF_ERROR(ApplySetAction(a, r, ctx_));
      }
      return Status::OK();
    }
    Row made = in_;
    size_t made_bytes = 0;
    PARLEY_RETURN_IF_ERROR(CreateParts(spec_.create, &made, ctx_, &made_bytes));
    PARLEY_RETURN_IF_ERROR(held_.Add(made_bytes));
    for (const SetAction& a : spec_.on_create)
      PARLEY_RETURN_IF_ERROR(ApplySetAction(a, made, ctx_));
    out_.push_back(std::move(made));
    return Status::OK();
  }

  MergeSpec spec_;
  Matcher matcher_;
  HeldMemory held_;
  Row in_;
  std::deque<Row> out_;
};

class Eager : public Operator {
 public:
  Eager(OperatorPtr input, bool hold, ExecContext& ctx)
      : input_(std::move(input)), hold_(hold), ctx_(ctx), held_(ctx.guard()) {}
  bool Next(Row* row) override {
    if (!hold_) {
      if (ended_ || !input_->Next(row)) {
        ended_ = true;
        return false;
      }
      return true;
    }
    if (!ended_ && !Fill().ok()) return false;
    if (pos_ >= rows_.size()) return false;
    *row = std::move(rows_[pos_]);
    rows_[pos_++].clear();
    return true;
  }
  Status status() const override { return status_.ok() ? input_->status() : status_; }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    input_->Explain(depth + 1, lines);
    if (hold_) lines->push_back(Indent(depth) + "Eager");
  }
  // Reads the rest of the input (keeping it only when holding).
  Status Fill() {
    if (ended_) return status_;
    ended_ = true;
    Row row;
    while (input_->Next(&row)) {
      status_ = ctx_.guard().Check();
      if (status_.ok() && hold_) {
        status_ = held_.Add(RowSize(row));
        rows_.push_back(row);
      }
      if (!status_.ok()) return status_;
    }
    status_ = input_->status();
    return status_;
  }

 private:
  OperatorPtr input_;
  bool hold_;
  ExecContext& ctx_;
  HeldMemory held_;
  bool ended_ = false;
  std::vector<Row> rows_;
  size_t pos_ = 0;
  Status status_;
};

}  // namespace

OperatorPtr MakeSet(OperatorPtr input, std::vector<SetAction> actions, bool remove,
                    ExecContext& ctx) {
  return std::make_unique<SetOp>(std::move(input), std::move(actions), remove, ctx);
}

OperatorPtr MakeDelete(OperatorPtr input, std::vector<CExprPtr> targets, bool detach,
                       ExecContext& ctx) {
  return std::make_unique<DeleteOp>(std::move(input), std::move(targets), detach, ctx);
}

OperatorPtr MakeMerge(OperatorPtr input, MergeSpec spec, ExecContext& ctx) {
  return std::make_unique<MergeOp>(std::move(input), std::move(spec), ctx);
}

OperatorPtr MakeEager(OperatorPtr input, bool hold, ExecContext& ctx,
                      std::function<Status()>* finish) {
  auto eager = std::make_unique<Eager>(std::move(input), hold, ctx);
  Eager* raw = eager.get();
  *finish = [raw]() { return raw->Fill(); };
  return eager;
}

}  // namespace parley::query

#include "query/composition.h"

#include "query/operators.h"
#include "query/query_error.h"
#include "query/value_ops.h"

namespace parley::query {

bool Argument::Next(Row* row) {
  if (done_) return false;
  done_ = true;
  *row = row_;
  return true;
}

void Argument::Explain(int depth, std::vector<std::string>* lines) const {
  lines->push_back(std::string(2 * depth, ' ') + "Argument");
}

Status EvalSubquery(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  SubqueryPlan& sub = *e.subquery;
  sub.root->Reset();
  sub.argument->Arm(row);
  Row r;
  int64_t rows = 0;
  while (sub.root->Next(&r)) {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
    ++rows;
    if (!e.count) break;  // EXISTS needs one row
  }
  PARLEY_RETURN_IF_ERROR(sub.root->status());
  *out = e.count ? Value(rows) : Value(rows > 0);
  return Status::OK();
}

Status EvalPatternComprehension(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  Row scratch = row;
  Matcher m(*e.pattern, ctx);
  m.Reset(&scratch);
  ValueList items;
  size_t bytes = 0;  // of the items kept so far
  while (m.Next()) {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
    items.emplace_back();
    PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], scratch, ctx, &items.back()));
    bytes += ApproxBytes(items.back());
    PARLEY_RETURN_IF_ERROR(ctx.guard().Fits(bytes));
  }
  PARLEY_RETURN_IF_ERROR(m.status());
  *out = Value(std::move(items));
  return Status::OK();
}

namespace {

class Union : public Operator {
 public:
  Union(std::vector<UnionPart> parts, size_t columns)
      : parts_(std::move(parts)), columns_(columns) {}
  bool Next(Row* row) override {
    while (next_ < parts_.size()) {
      QueryPlan& plan = *parts_[next_].plan;
      if (plan.root->Next(&in_)) {
        row->assign(columns_, Value());
        for (size_t i = 0; i < columns_; ++i) (*row)[i] = std::move(in_[plan.column_slots[i]]);
        return true;
      }
      status_ = plan.root->status();
      if (!status_.ok()) return false;
      ++next_;
    }
    return false;
  }
  Status status() const override { return status_; }
  void Reset() override {
    for (UnionPart& p : parts_) p.plan->root->Reset();
    next_ = 0;
    status_ = Status::OK();
  }
  void Explain(int depth, std::vector<std::string>* lines) const override {
    for (const UnionPart& p : parts_) p.plan->root->Explain(depth + 1, lines);
    lines->push_back(std::string(2 * depth, ' ') + "Union of " + std::to_string(parts_.size()) +
                     " queries");
  }

 private:
  std::vector<UnionPart> parts_;
  size_t columns_;
  size_t next_ = 0;
  Row in_;
  Status status_;
};

}  // namespace

OperatorPtr MakeUnion(std::vector<UnionPart> parts, size_t columns, bool distinct,
                      ExecContext& ctx) {
  OperatorPtr op = std::make_unique<Union>(std::move(parts), columns);
  if (!distinct) return op;
  std::vector<int> slots;
  for (size_t i = 0; i < columns; ++i) slots.push_back(static_cast<int>(i));
  return MakeDistinct(std::move(op), std::move(slots), ctx);
}

}  // namespace parley::query

// Query composition: the UNION of whole queries, and subqueries that run once for each row of
// the query around them (EXISTS { }, COUNT { } and pattern comprehensions).
//
// A subquery is planned into the same slot numbering as its enclosing query, on top of an
// Argument operator that hands it the enclosing row; for each row the subquery's operators
// are Reset and pulled again, so that its outer variables are the row's own values.
#pragma once

#include <memory>
#include <vector>

#include "query/plan.h"

namespace parley::query {

// The operator a subquery's plan starts from: one row, the enclosing row it was armed with.
class Argument : public Operator {
 public:
  // The row the next pull yields (copied).
  void Arm(const Row& row) {
    row_ = row;
    done_ = false;
  }
  bool Next(Row* row) override;
  Status status() const override { return Status::OK(); }
  void Reset() override { done_ = false; }
  void Explain(int depth, std::vector<std::string>* lines) const override;

 private:
  Row row_;
  bool done_ = true;
};

// A subquery's operators: `root` pulls from `argument`, which the plan owns through `root`.
struct SubqueryPlan {
  OperatorPtr root;
  Argument* argument = nullptr;
};

// EXISTS { } (true if the subquery yields a row; it stops at the first) or COUNT { } (the
// number of rows it yields), run with the enclosing `row`'s variables.
Status EvalSubquery(const CExpr& e, Row& row, ExecContext& ctx, Value* out);

// [pattern WHERE pred | expr]: the list of expr over the pattern's matches from `row`.
Status EvalPatternComprehension(const CExpr& e, Row& row, ExecContext& ctx, Value* out);

// One part of a UNION, planned on its own: its plan and where its columns are.
struct UnionPart {
  std::unique_ptr<QueryPlan> plan;
};
// The rows of each part in turn, each copied into slots 0..columns-1 of the output row (the
// parts share column names, not slots). With `distinct` (UNION), a row seen before is
// dropped; UNION ALL keeps every row.
OperatorPtr MakeUnion(std::vector<UnionPart> parts, size_t columns, bool distinct,
                      ExecContext& ctx);

}  // namespace parley::query

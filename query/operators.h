// The pull-based operators a query plan is built from. Each takes its input operator (if
// any) and pulls rows from it on demand; see plan.h for the row model.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/plan.h"

namespace parley::query {

// One row with every slot null: the input of a query's first clause. `*width` is read when
// the row is made (the planner learns the width only after planning every clause).
OperatorPtr MakeStart(const int* width);

// For each input row, each match of `pattern` (MATCH). With `optional`, an input row without a
// match comes out once with the pattern's new slots null (OPTIONAL MATCH).
OperatorPtr MakeMatch(OperatorPtr input, std::shared_ptr<PatternPlan> pattern, bool optional,
                      ExecContext& ctx);

// Input rows for which `predicate` is true.
OperatorPtr MakeFilter(OperatorPtr input, CExprPtr predicate, ExecContext& ctx);

// Evaluates `exprs` into `slots` on each input row (RETURN and WITH items).
OperatorPtr MakeProject(OperatorPtr input, std::vector<CExprPtr> exprs, std::vector<int> slots,
                        ExecContext& ctx);

// One aggregate of a grouping: f(args) into `slot`.
struct AggregateSpec {
  const FunctionInfo* function = nullptr;
  bool distinct = false;
  bool star = false;
  std::vector<CExprPtr> args;
  int slot = -1;
};
// Groups the input by the values of `keys` (into `key_slots`) and computes `aggregates` per
// group. Each output row is the group's first input row with the keys and aggregates set.
// Without keys, empty input still gives one row (count(*) = 0).
OperatorPtr MakeAggregate(OperatorPtr input, std::vector<CExprPtr> keys, std::vector<int> key_slots,
                          std::vector<AggregateSpec> aggregates, const int* width,
                          ExecContext& ctx);

// Input rows whose values in `slots` were not seen before.
OperatorPtr MakeDistinct(OperatorPtr input, std::vector<int> slots, ExecContext& ctx);

// One ORDER BY key.
struct SortKey {
  CExprPtr expr;
  bool descending = false;
};
// The input sorted by `keys` (stable). `limit` >= 0 bounds the rows kept (SKIP + LIMIT after
// it), so that ORDER BY ... LIMIT k holds k rows, not the whole input.
OperatorPtr MakeSort(OperatorPtr input, std::vector<SortKey> keys, int64_t limit, ExecContext& ctx);

// SKIP n and LIMIT n.
OperatorPtr MakeSkip(OperatorPtr input, int64_t count);
OperatorPtr MakeLimit(OperatorPtr input, int64_t count);

// UNWIND expr AS slot: one row per element of the list (none for an empty list or null).
OperatorPtr MakeUnwind(OperatorPtr input, CExprPtr list, int slot, ExecContext& ctx);

// CREATE: what to make for one pattern part.
struct CreateNode {
  int slot = -1;
  bool bound = false;  // an existing node: nothing to make
  std::vector<std::string> labels;
  CExprPtr properties;  // a map expression, or null
};
struct CreateRel {
  int slot = -1;
  std::string type;
  int from = -1, to = -1;  // node slots, in the relationship's direction
  CExprPtr properties;
};
struct CreatePart {
  std::vector<CreateNode> nodes;
  std::vector<CreateRel> rels;
  int path_slot = -1;
  std::vector<int> path_node_slots, path_rel_slots;
};
// For each input row, makes the nodes and relationships of `parts` (written when the query
// ends, with the others; see ExecContext).
OperatorPtr MakeCreate(OperatorPtr input, std::vector<CreatePart> parts, ExecContext& ctx);
// Makes the nodes and relationships of `parts` for one row, binding them in *row; adds about
// what they take in memory to *bytes. CREATE and MERGE both make elements this way.
Status CreateParts(const std::vector<CreatePart>& parts, Row* row, ExecContext& ctx, size_t* bytes);
// OK if property `key` may hold `v` (a scalar or a list of scalars), else a type error.
Status CheckStorable(const std::string& key, const Value& v);

}  // namespace parley::query

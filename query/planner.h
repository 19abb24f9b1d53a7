// The planner: turns a checked Query into a QueryPlan of operators over one ExecContext.
//
// Matching starts where the fewest nodes can match: a node bound by an earlier clause, else a
// property-index seek (an indexed property given in the pattern or as `n.key = value` in
// WHERE), else the smallest label, else every node; it then walks the pattern's relationships
// through the adjacency column families. WHERE conditions run as soon as their variables are
// bound. RETURN/WITH become projection, aggregation, DISTINCT, sort, SKIP and LIMIT.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"
#include "query/exec_context.h"
#include "query/plan.h"
#include "util/status.h"

namespace parley::query {

// Plans `query` (parsed from `text`) to run in `ctx`. `plan` owns the operators; the plan
// refers to `ctx`, which must outlive it.
Status PlanQuery(const Query& query, std::string_view text, ExecContext& ctx, QueryPlan* plan);

// The plan as indented lines, for EXPLAIN.
std::vector<std::string> ExplainPlan(const QueryPlan& plan);

}  // namespace parley::query

// Which MATCH ... RETURN/WITH pairs ChainCount (chain_count.h) can answer, judged on the
// parsed query alone; the planner adds the costs.
#pragma once

#include <vector>

#include "query/ast.h"

namespace parley::query {

// How a projection maps onto a chain: per item, the chain node its key reads, or -1 for the
// count(*) item.
struct ChainShape {
  std::vector<int> item_node;
  int count_item = -1;
};

// True if `match` is one path of one or two directed, typed, fixed-length relationships with
// anonymous relationship variables, no property maps, no WHERE and no repeated node variable,
// and `next` aggregates it with a single count(*) and grouping keys that each read exactly one
// of the path's node variables (deterministic expressions, no pattern predicates). Fills
// `shape`.
bool ChainCountShape(const Clause& match, const Projection& next, ChainShape* shape);

// True if the sort key `order` of `p` is the count(*) item `count_item` (repeated as written or
// by its column name).
bool SortsByCount(const Projection& p, const Expr& order, int count_item);

}  // namespace parley::query

// The function library of the query language: the scalar functions (toLower, size, coalesce,
// labels, nodes, ...) and the aggregates (count, collect, min, max, sum, avg, ...).
//
// Names are case-insensitive. LookupFunction tells the parser and planner whether a name
// exists, how many arguments it takes and whether it aggregates; CallFunction evaluates a
// scalar function on argument values that are already computed; MakeAggregator starts one
// group's aggregate. Functions that need the store (startNode, endNode) are not here: the
// executor answers them.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

struct FunctionInfo {
  const char* name;  // canonical spelling, e.g. "toLower"
  // count(*) is the one call outside these bounds: it has no arguments (Expr::star).
  int min_args;
  int max_args;  // -1: any number (coalesce)
  bool aggregate;
  bool needs_store;  // evaluated by the executor (startNode, endNode)
};

// The function called `name` (any case), or null if there is none.
const FunctionInfo* LookupFunction(std::string_view name);

// Evaluates scalar function `f` on `args` (their number already checked against the arity).
// Errors (wrong argument types, bad numbers) come back with a message that names the function.
Status CallFunction(const FunctionInfo& f, const std::vector<Value>& args, Value* out);

// About how many bytes f(args) will take, worked out without building it, for the functions
// whose result can outgrow their arguments (replace, split, range, the ones that decode a
// string into code points); 0 for the others. The query's memory limit is checked against it
// before the call. Counting may stop once the answer is known to pass `cap`: then it returns
// some number above `cap`.
size_t ResultBytes(const FunctionInfo& f, const std::vector<Value>& args, size_t cap = SIZE_MAX);

// One group's running aggregate.
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // Adds one row's argument values (empty for count(*)). Nulls are skipped as Cypher says
  // (count(x), collect(x), ...); with DISTINCT, repeated values count once.
  virtual Status Add(const std::vector<Value>& args) = 0;
  // The aggregate over everything added (count of nothing is 0, sum of nothing 0, collect of
  // nothing [], min/max/avg of nothing null).
  virtual Status Result(Value* out) = 0;
  // About how many bytes the aggregate holds (the values collect() keeps, the values DISTINCT
  // has seen); what a query's memory limit counts.
  virtual size_t held_bytes() const { return 0; }
};

// A fresh aggregator for aggregate function `f`; `star` is count(*). Null if `f` is not an
// aggregate. Aggregates of one value take it as args[0]; percentileCont/percentileDisc take the
// percentile as args[1] (a number in 0..1, else an error).
std::unique_ptr<Aggregator> MakeAggregator(const FunctionInfo& f, bool distinct, bool star);

}  // namespace parley::query

// The executable form of a query: compiled expressions, pattern-matching steps and the
// pull-based operators the planner (planner.h) wires together.
//
// A row is a vector of Values with one slot per variable (and per hidden value the plan needs);
// the planner numbers the slots, so that evaluation never looks a name up. Operators pull rows
// from their input one at a time (Volcano style): LIMIT stops the pipeline early, and only
// sorting, aggregation and DISTINCT hold rows, so memory follows the result, not the graph.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "query/ast.h"
#include "query/exec_context.h"
#include "query/functions.h"
#include "storage/graph_store.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

using Row = std::vector<Value>;

struct PatternPlan;
struct SubqueryPlan;

// An expression with its variables resolved to slots.
struct CExpr {
  enum class Kind {
    kConst,
    kParam,
    kSlot,
    kProperty,
    kList,
    kMap,
    kUnary,
    kBinary,
    kIsNull,
    kHasLabels,
    kFunction,
    kSubscript,
    kSlice,
    kCase,
    kPattern,
    kListComprehension,
    kQuantifier,            // kids: list, predicate (or null); slot: the element
    kReduce,                // kids: init, list, step; slot: the accumulator, slot2: the element
    kMapProjection,         // kids: base, then one per key (null for `.*`)
    kSubquery,              // EXISTS { } (count = false) or COUNT { } (count = true)
    kPatternComprehension,  // pattern (WHERE included); kids: the projection
    kPropertyExists,        // exists(kids[0].name): is the key present (null base: null)
  };
  Kind kind = Kind::kConst;
  SourcePos pos;
  Op op = Op::kNone;
  Value value;       // kConst
  int slot = -1;     // kSlot; kListComprehension: the iteration variable's slot
  std::string name;  // kParam, kProperty (key), kFunction (as written)
  const FunctionInfo* function = nullptr;    // kFunction
  std::vector<std::unique_ptr<CExpr>> kids;  // operands, as in Expr (null for absent ones)
  std::vector<std::string> keys;             // kMap
  std::vector<std::string> labels;           // kHasLabels
  bool negated = false, has_test = false, has_else = false;
  std::shared_ptr<PatternPlan> pattern;  // kPattern: true if the pattern matches
  int slot2 = -1;                        // kReduce
  Quantifier quantifier = Quantifier::kAny;
  bool count = false;                      // kSubquery
  std::shared_ptr<SubqueryPlan> subquery;  // kSubquery
};
using CExprPtr = std::unique_ptr<CExpr>;

// Evaluates `e` on `row`.
Status Evaluate(const CExpr& e, Row& row, ExecContext& ctx, Value* out);
// Evaluates a predicate: true only if `e` is true (null and false both reject the row).
Status EvaluatePredicate(const CExpr& e, Row& row, ExecContext& ctx, bool* pass);

// The elements of a list-valued expression, one at a time, for UNWIND and list comprehensions:
// range(a, b[, step]) is counted out without building the list (UNWIND range(1, 100000000)
// holds one integer at a time); any other list is evaluated whole and walked.
class ListCursor {
 public:
  // Evaluates `e` on `row`. For a list, *is_list is true and Next yields its elements; for any
  // other value (null included) *is_list is false and the value is in *other.
  Status Start(const CExpr& e, Row& row, ExecContext& ctx, bool* is_list, Value* other);
  // The next element into *item; false after the last.
  bool Next(Value* item);

 private:
  Value list_;
  size_t pos_ = 0;
  bool range_ = false;
  __int128 next_ = 0, step_ = 1, left_ = 0;
};

// A property a matched node or relationship must have: key = value.
struct PropertyConstraint {
  std::string key;
  CExprPtr value;
};

// One step of matching a pattern: it binds (or checks) one node, or one relationship and the
// node at its far end, or it filters. Steps run left to right with backtracking.
struct Step {
  enum class Kind {
    kScanAll,    // every node into node_slot
    kScanLabel,  // nodes with labels[0] into node_slot
    kIndexSeek,  // nodes with labels[0] whose index_key equals index_value
    // nodes with labels[0] whose index_key lies between index_lower and index_upper (either
    // may be absent), or starts with index_value (index_prefix): one range of index keys
    kIndexRange,
    kCheckNode,  // node_slot is already bound: check labels and properties
    kExpand,     // from from_slot along one relationship into rel_slot, to to_slot
    kVarExpand,  // from from_slot along min..max relationships (list in rel_slot)
    kFilter,     // predicate
    kBuildPath,  // path_slot from the part's node and relationship slots
    // The shortest paths from from_slot to to_slot (both bound) over min..max relationships
    // (see shortest_path.cc): one, or all of the least length with all_shortest.
    kShortestPath,
  };
  Kind kind = Kind::kFilter;
  int node_slot = -1;
  std::vector<std::string> labels;
  std::vector<PropertyConstraint> node_props;  // for the node bound or checked by this step
  std::string index_key;
  CExprPtr index_value;
  CExprPtr index_lower, index_upper;  // kIndexRange bounds (null: none on that side)
  bool lower_inclusive = false, upper_inclusive = false, index_prefix = false;
  // kIndexRange: the WHERE conditions the range was made from. They are checked here, and only
  // on the nodes the seek cannot vouch for: all of them unless the range is exact for the
  // bounds' values, else those found by an item of a list property (index_range.h).
  std::vector<CExprPtr> range_checks;

  int from_slot = -1, rel_slot = -1, to_slot = -1;
  bool to_bound = false;  // to_slot holds a node bound earlier: check it is the one reached
  std::vector<std::string> types;              // any of; empty: every type
  Direction direction = Direction::kOutgoing;  // as seen from from_slot
  std::vector<PropertyConstraint> rel_props;
  int64_t min_hops = 1, max_hops = 1;
  int path_nodes_slot = -1;  // kVarExpand: the nodes walked through (for paths), or -1
  // kVarExpand walked from the pattern's right end: its lists are reversed when bound, so
  // that they read in written order (`[r*]` lists the relationships left to right).
  bool reversed = false;
  // kExpand of an anonymous relationship without properties outside a named path: rel_slot
  // holds just its id (an Integer), for the uniqueness check.
  bool rel_id_only = false;
  // kVarExpand whose walks matter only by the node they end at (nothing reads the
  // relationships and the rows are deduplicated later): each end node comes once, found breadth
  // first (reach.h). rel_slot then holds an empty list.
  bool distinct_ends = false;
  // >= 0: the step's matches are only counted (count(*) with nothing reading them): one row
  // per input row, this slot holding the number of matches (no row when there is none);
  // count(*) adds the slot up. A kVarExpand between two bound nodes counts its walks by layers
  // from both ends (walk_count.h) or, when that could be inexact, by walking them; a
  // kIndexRange counts the nodes the index vouches for without reading them, and checks the
  // others.
  int count_slot = -1;
  // Relationship slots bound earlier in the same MATCH: a relationship is matched once per
  // pattern (Cypher's relationship uniqueness). Lists (variable-length) hold several.
  std::vector<int> distinct_from;

  CExprPtr predicate;  // kFilter

  // kBuildPath: the part's elements in written order (a var-length segment's lists are in
  // written order too, see `reversed`).
  int path_slot = -1;
  std::vector<int> path_node_slots;
  std::vector<int> path_rel_slots;
  std::vector<int> path_rel_nodes;  // per relationship: its path_nodes_slot or -1
  std::vector<bool> path_rel_var;   // per relationship: variable-length

  // kShortestPath: also from_slot, to_slot, types, direction, rel_props, min_hops, max_hops,
  // distinct_from, rel_slot (-1 if unnamed; a list unless rel_list is false) and path_slot
  // (-1 if unnamed). path_filters are WHERE conditions on the path or its relationships:
  // the shortest paths sought are then the shortest of those that pass them.
  bool all_shortest = false;
  bool rel_list = true;
  std::vector<CExprPtr> path_filters;

  std::string Describe() const;  // one line for EXPLAIN
};

// The steps of one MATCH (or one pattern predicate), with the slots it binds.
struct PatternPlan {
  std::vector<Step> steps;
  std::vector<int> new_slots;  // slots bound here (set to null when an OPTIONAL MATCH fails)
};

// Runs `plan` on `row` (whose earlier slots are bound) and calls `emit` for each match; emit
// returns false to stop. Used by the match operators and by pattern predicates.
class Matcher {
 public:
  Matcher(const PatternPlan& plan, ExecContext& ctx);
  ~Matcher();
  // Starts matching on `row` (kept by reference: steps bind into it).
  void Reset(Row* row);
  // Advances to the next match; false when there is none (check status()).
  bool Next();
  Status status() const { return status_; }

 private:
  struct State;
  bool Advance(size_t i);
  // Fills st.dist/st.radius for a variable-length walk towards `goal`; false on a store error.
  bool Distances(const Step& step, State& st, NodeId goal);
  bool Enter(size_t i);
  // The next node of a scan or seek `step`, bound into the row; false after the last.
  bool NextNode(const Step& step, State& st);
  // The next walk of kVarExpand `step` (depth first), bound into the row; false after the last.
  bool NextWalk(const Step& step, State& st);
  // Checks the query's limits (one step of a walk); false with status_ set once one is passed.
  bool Tick();
  const PatternPlan& plan_;
  ExecContext& ctx_;
  Row* row_ = nullptr;
  std::vector<std::unique_ptr<State>> states_;
  size_t depth_ = 0;
  bool started_ = false;
  Status status_;
};

// ---- operators ----

class Operator {
 public:
  virtual ~Operator() = default;
  // Produces the next row into `row`; false at the end or on error (see status()).
  virtual bool Next(Row* row) = 0;
  virtual Status status() const = 0;
  // Makes the operator start over, as new, the next time it is pulled (a subquery runs again
  // for each row of its enclosing query). Operators that keep state between rows reset it.
  virtual void Reset() {}
  // Lines of EXPLAIN output, this operator's last; indent by depth.
  virtual void Explain(int depth, std::vector<std::string>* lines) const = 0;
};
using OperatorPtr = std::unique_ptr<Operator>;

// An executable query: the operator tree and the columns it yields.
struct QueryPlan {
  OperatorPtr root;
  std::vector<std::string> columns;
  std::vector<int> column_slots;
  int width = 0;  // slots a row has
  bool writes = false;
  bool returns = false;  // ends with RETURN (otherwise it yields no rows, only effects)
  // Run after the last row, in order: they finish the update clauses whose input was not read
  // to its end (a LIMIT after them stopped early), so that every update happens.
  std::vector<std::function<Status()>> finish;
};

}  // namespace parley::query

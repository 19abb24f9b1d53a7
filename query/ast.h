// The abstract syntax tree of Parley's openCypher subset, as the parser builds it and the
// planner reads it.
//
// Every node keeps the position of the token that starts it (offset, line, column into the
// query text), so that errors found after parsing (unknown variables, type conflicts, run-time
// type errors) can still point at the text. Projection items keep their source text, which is
// the column name when no alias is given (`RETURN n.name` gives the column "n.name").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/value.h"

namespace parley::query {

// A place in the query text. line and column are 1-based; offset is a byte offset.
struct SourcePos {
  int offset = 0;
  int line = 1;
  int column = 1;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct PatternPart;
struct Query;

enum class ExprKind {
  kLiteral,    // value
  kParameter,  // name ($name)
  kVariable,   // name
  kProperty,   // operands[0].name
  kList,       // [operands...]
  kMap,        // {keys[i]: operands[i]}
  kUnary,      // op operands[0]: kNot, kNegate, kPlus
  kBinary,     // operands[0] op operands[1]
  kIsNull,     // operands[0] IS NULL (negated: IS NOT NULL)
  kHasLabels,  // operands[0]:labels[0]:labels[1]...
  kFunction,   // name(operands...), with distinct; count(*) has star = true and no operands
  kSubscript,  // operands[0][operands[1]]
  kSlice,      // operands[0][operands[1]..operands[2]]; either bound may be null
  kCase,       // CASE [operands[0]] WHEN.. THEN.. [ELSE ..] END, see Expr::has_test/has_else
  kPattern,    // a pattern used as a predicate: (a)-[:T]->()
  kListComprehension,     // [variable IN operands[0] WHERE operands[1] | operands[2]]
  kQuantifier,            // quantifier(variable IN operands[0] WHERE operands[1])
  kReduce,                // reduce(name = operands[0], element IN operands[1] | operands[2])
  kMapProjection,         // operands[0]{...}: keys[i] with operands[i + 1]; see Expr::keys
  kExists,                // EXISTS { subquery }: true if the subquery yields a row
  kCountSubquery,         // COUNT { subquery }: the number of rows it yields
  kPatternComprehension,  // [pattern WHERE operands[0] | operands[1]]
};

// The list predicates any(), all(), none() and single().
enum class Quantifier { kAny, kAll, kNone, kSingle };

enum class Op {
  kNone,
  // unary
  kNot,
  kNegate,
  kPlus,
  // boolean
  kAnd,
  kOr,
  kXor,
  // comparison
  kEq,
  kNe,
  kLt,
  kGt,
  kLe,
  kGe,
  // arithmetic
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,
  // string and list predicates
  kIn,
  kStartsWith,
  kEndsWith,
  kContains,
  kRegexMatch,
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  SourcePos pos;
  Op op = Op::kNone;
  Value value;                      // kLiteral
  std::string name;                 // kParameter, kVariable, kProperty (key), kFunction
                                    // (as written), kListComprehension (variable)
  std::vector<ExprPtr> operands;    // see ExprKind; absent optional operands are null pointers
  std::vector<std::string> keys;    // kMap
  std::vector<std::string> labels;  // kHasLabels
  bool distinct = false;            // kFunction: f(DISTINCT x)
  bool star = false;                // kFunction: count(*)
  bool negated = false;             // kIsNull: IS NOT NULL
  // kCase: operands are [test if has_test] then WHEN, THEN pairs, then [ELSE if has_else].
  bool has_test = false;
  bool has_else = false;
  std::shared_ptr<PatternPart> pattern;      // kPattern, kPatternComprehension
  Quantifier quantifier = Quantifier::kAny;  // kQuantifier
  std::string element;  // kReduce: the element variable (`name` is the accumulator)
  // kMapProjection: keys[i] is the entry's key and operands[i + 1] its value; an all-properties
  // entry (`.*`) has an empty key and a null operand.
  // kExists, kCountSubquery: the clauses of the subquery, which sees the enclosing row's
  // variables. A pattern with WHERE (EXISTS { (a)-->(b) WHERE ... }) is held as a MATCH.
  std::shared_ptr<Query> subquery;
  // The query text this expression was parsed from (set for every expression).
  std::string text;
};

enum class RelDirection {
  kRight,  // (a)-[]->(b)
  kLeft,   // (a)<-[]-(b)
  kBoth,   // (a)-[]-(b): either direction
};

struct NodePattern {
  SourcePos pos;
  std::string variable;             // empty if anonymous
  std::vector<std::string> labels;  // all must hold
  ExprPtr properties;               // a kMap or kParameter expression, or null
};

struct RelPattern {
  SourcePos pos;
  std::string variable;            // empty if anonymous
  std::vector<std::string> types;  // any may hold; empty: any type
  RelDirection direction = RelDirection::kBoth;
  ExprPtr properties;            // a kMap or kParameter expression, or null
  bool variable_length = false;  // [*], [*2], [*1..3], [*..3], [*2..]
  int64_t min_hops = 1;          // for variable_length
  int64_t max_hops = -1;         // for variable_length; -1 is unbounded
};

// Which paths a pattern part matches: every one, or only the shortest between its two ends.
enum class PathSelector {
  kAll,
  kShortest,     // shortestPath((a)-[*]-(b)): one shortest path per pair of ends
  kAllShortest,  // allShortestPaths(...): every path of the shortest length
};

// One path of a pattern: nodes[0] rels[0] nodes[1] ... rels[n-1] nodes[n].
struct PatternPart {
  SourcePos pos;
  std::string path_variable;  // p = (...)...; empty if unnamed
  PathSelector selector = PathSelector::kAll;
  SourcePos selector_pos;  // the shortestPath / allShortestPaths word
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;  // rels.size() == nodes.size() - 1
};

struct Pattern {
  std::vector<PatternPart> parts;  // comma-separated
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // AS alias; empty if none
  // The column name: the alias, or else the expression's text as written.
  std::string column;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

// RETURN and WITH.
struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN *, possibly followed by more items
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;   // null if absent
  ExprPtr limit;  // null if absent
  ExprPtr where;  // WITH ... WHERE; always null for RETURN
};

// One output a CALL yields: `column [AS variable]`.
struct YieldItem {
  SourcePos pos;
  std::string column;    // the procedure's output name
  std::string variable;  // the variable it is bound to (the column when no AS)
};

// CALL name(args) [YIELD ...]: a procedure call (see procedures.h).
struct ProcedureCall {
  SourcePos name_pos;
  std::string name;                 // dotted: db.labels
  bool implicit_arguments = false;  // `CALL db.labels` without brackets: arguments from parameters
  std::vector<ExprPtr> arguments;
  bool has_yield = false;
  bool yield_star = false;  // YIELD *
  SourcePos yield_pos;
  std::vector<YieldItem> yields;
  ExprPtr where;  // YIELD ... WHERE expr; null if absent
};
// One item of SET or REMOVE.
struct SetItem {
  enum class Kind {
    kProperty,  // SET target.key = value; REMOVE target.key (value null)
    kReplace,   // SET variable = value (a map, node or relationship)
    kMerge,     // SET variable += value
    kLabels,    // SET variable:L1:L2; REMOVE variable:L1:L2
  };
  Kind kind = Kind::kProperty;
  SourcePos pos;
  ExprPtr target;   // kProperty: the element whose property changes; otherwise a kVariable
  std::string key;  // kProperty
  ExprPtr value;    // null for REMOVE and kLabels
  std::vector<std::string> labels;  // kLabels
  std::string text;                 // the item as written
};

enum class ClauseKind {
  kMatch,
  kCreate,
  kReturn,
  kWith,
  kUnwind,
  kCall,
  kSet,
  kRemove,
  kDelete,
  kMerge
};

struct Clause {
  ClauseKind kind = ClauseKind::kMatch;
  SourcePos pos;
  bool optional = false;  // OPTIONAL MATCH
  Pattern pattern;        // kMatch, kCreate
  ExprPtr where;          // kMatch
  Projection projection;  // kReturn, kWith
  ExprPtr unwind_expr;    // kUnwind: UNWIND expr AS unwind_variable
  std::string unwind_variable;
  ProcedureCall call;              // kCall
  std::vector<SetItem> set_items;  // kSet, kRemove
  std::vector<ExprPtr> deletes;    // kDelete: what to delete
  bool detach = false;             // kDelete: DETACH DELETE
  // kMerge: the pattern is one part; ON CREATE SET and ON MATCH SET items, in written order.
  std::vector<SetItem> on_create, on_match;
};

// exists(n.key) and exists((a)-->(b)): a call named exists (in any case) is not a function
// of the registry but a test of its argument as written: is the key present, does the pattern
// match.
inline bool IsExistsCall(const Expr& e) {
  if (e.kind != ExprKind::kFunction || e.name.size() != 6) return false;
  for (size_t i = 0; i < 6; ++i) {
    char c = e.name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != "exists"[i]) return false;
  }
  return true;
}

struct Query {
  bool explain = false;  // EXPLAIN prefix: show the plan, run nothing
  std::vector<Clause> clauses;
  // The queries joined to this one by UNION or UNION ALL, in order (their own `unions` are
  // empty). Each keeps the position of its UNION keyword and whether it said ALL.
  std::vector<Query> unions;
  SourcePos union_pos;
  bool union_all = false;
};

}  // namespace parley::query

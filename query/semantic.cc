#include "query/semantic.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "query/functions.h"
#include "query/procedures.h"
#include "query/query_error.h"

namespace parley::query {
namespace {

// What a variable holds, as far as the query text tells. kAny is a value whose type is only
// known at run time (a property, a parameter, a function's result), which may be a node.
enum class VarKind { kNode, kRelationship, kPath, kValue, kAny };

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode:
      return "a node";
    case VarKind::kRelationship:
      return "a relationship";
    case VarKind::kPath:
      return "a path";
    case VarKind::kValue:
      return "a value";
    case VarKind::kAny:
      return "a value";
  }
  return "a value";
}

using Scope = std::map<std::string, VarKind>;

bool IsAggregateCall(const Expr& e) {
  if (e.kind != ExprKind::kFunction) return false;
  const FunctionInfo* f = LookupFunction(e.name);
  return f != nullptr && f->aggregate;
}

bool ContainsAggregate(const Expr& e) {
  if (IsAggregateCall(e)) return true;
  for (const ExprPtr& o : e.operands) {
    if (o && ContainsAggregate(*o)) return true;
  }
  return false;
}

// The kind of the value an expression produces, as far as it is known before running.
VarKind KindOf(const Expr& e, const Scope& scope) {
  switch (e.kind) {
    case ExprKind::kVariable: {
      auto it = scope.find(e.name);
      return it == scope.end() ? VarKind::kAny : it->second;
    }
    case ExprKind::kLiteral:
      // null stands for a missing element as well as a missing value: `WITH null AS a` may
      // be matched as a node later (and matches nothing).
      return e.value.is_null() ? VarKind::kAny : VarKind::kValue;
    case ExprKind::kList:
    case ExprKind::kMap:
    case ExprKind::kUnary:
    case ExprKind::kBinary:
    case ExprKind::kIsNull:
    case ExprKind::kHasLabels:
    case ExprKind::kPattern:
    case ExprKind::kListComprehension:
    case ExprKind::kQuantifier:
    case ExprKind::kMapProjection:
    case ExprKind::kExists:
    case ExprKind::kCountSubquery:
    case ExprKind::kPatternComprehension:
      return VarKind::kValue;
    default:
      return VarKind::kAny;
  }
}

// What an expression is when that is known before running and is not a boolean (nor null,
// which every operator takes): a literal of another type, a list or map written out, or a
// variable bound to a node, relationship or path. Empty when it may be a boolean.
std::string NonBooleanKind(const Expr& e, const Scope& scope) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      if (e.value.is_null() || e.value.is_bool()) return "";
      if (e.value.is_int()) return "an integer";
      if (e.value.is_float()) return "a float";
      if (e.value.is_string()) return "a string";
      if (e.value.is_list()) return "a list";
      if (e.value.is_map()) return "a map";
      return "";
    case ExprKind::kList:
    case ExprKind::kListComprehension:
    case ExprKind::kPatternComprehension:
      return "a list";
    case ExprKind::kMap:
    case ExprKind::kMapProjection:
      return "a map";
    case ExprKind::kCountSubquery:
      return "an integer";
    case ExprKind::kVariable: {
      VarKind k = KindOf(e, scope);
      if (k == VarKind::kNode || k == VarKind::kRelationship || k == VarKind::kPath) {
        return KindName(k);
      }
      return "";
    }
    default:
      return "";
  }
}

// Where an expression stands, which decides what it may contain.
struct Context {
  const char* clause = "";        // for messages: "WHERE", "SKIP", ...
  bool allow_aggregates = false;  // only in RETURN and WITH items (and their ORDER BY)
  bool in_aggregate = false;      // inside an aggregate's arguments
  bool in_comprehension = false;  // inside a list comprehension's WHERE or projection
  bool no_variables = false;      // SKIP and LIMIT
  // The expression stands where a boolean is asked for (WHERE, an operand of AND/OR/XOR/NOT,
  // a WHEN condition, exists()): the only place a pattern may be written as an expression.
  bool predicate = false;
  // ORDER BY and WHERE after an aggregating or DISTINCT projection: these expressions (the
  // projected ones, by text) are allowed as a whole even though their variables are gone.
  const std::vector<const Expr*>* projected = nullptr;
};

const char* OpWord(Op op) {
  switch (op) {
    case Op::kAnd:
      return "AND";
    case Op::kOr:
      return "OR";
    case Op::kXor:
      return "XOR";
    default:
      return "NOT";
  }
}

class Checker {
 public:
  explicit Checker(std::string_view text) : text_(text) {}

  Status Check(const Query& query);

 private:
  Status CheckSingle(const std::vector<Clause>& clauses);
  Status CheckUnion(const Query& query);
  Status CheckSubquery(const Expr& e, const Scope& scope);
  Status CheckScopedExpr(const Expr& e, const Scope& scope, const Context& ctx);
  Status CheckPatternComprehension(const Expr& e, const Scope& scope, const Context& ctx);
  Status Error(SourcePos pos, const std::string& message) const {
    return QueryError(text_, pos, message);
  }

  Status CheckComposition(const Query& query);
  Status CheckMatch(const Clause& clause);
  Status CheckCreate(const Clause& clause);
  Status CheckSetItems(const std::vector<SetItem>& items, const char* clause);
  Status CheckDelete(const Clause& clause);
  Status CheckMerge(const Clause& clause);
  Status CheckUnwind(const Clause& clause);
  Status CheckProjection(const Clause& clause);
  Status CheckCall(const Clause& clause, bool standalone);
  Status CheckSkipLimit(const Expr& e, const char* clause);
  Status CheckGrouping(const Projection& p);
  Status CheckPatternPart(const PatternPart& part, bool create, Scope* clause_vars);
  Status CheckShortestPath(const PatternPart& part, bool create);
  Status BindNode(const NodePattern& node, bool create, bool lone, Scope* clause_vars);
  Status BindRelationship(const RelPattern& rel, bool create, Scope* clause_vars);
  Status CheckExpr(const Expr& e, const Scope& scope, const Context& outer);
  Status CheckBoolean(const Expr& e, const Scope& scope, const char* where) const;
  Status CheckWhere(const Expr& e, const Scope& scope, Context ctx);
  Status CheckFunction(const Expr& e, const Scope& scope, const Context& ctx);
  Status CheckArgumentKind(std::string_view fn, const Expr& arg, const Scope& scope) const;
  Status CheckPatternExpr(const Expr& e, const Scope& scope, const Context& ctx);
  bool Defined(const std::string& name, const Scope& scope) const;

  std::string_view text_;
  Scope scope_;                      // variables bound by the clauses so far
  std::vector<std::string> locals_;  // list comprehension variables, innermost last
  // The columns of the last RETURN checked, in order (to compare the parts of a UNION).
  std::vector<std::string> return_columns_;
};

Status Checker::Check(const Query& query) {
  PARLEY_RETURN_IF_ERROR(CheckComposition(query));
  PARLEY_RETURN_IF_ERROR(CheckSingle(query.clauses));
  return CheckUnion(query);
}

// The parts of a UNION: each a query of its own, ending in RETURN, all with the same columns
// in the same order, joined all by UNION or all by UNION ALL.
Status Checker::CheckUnion(const Query& query) {
  if (query.unions.empty()) return Status::OK();
  auto returns = [](const std::vector<Clause>& clauses) {
    return !clauses.empty() && clauses.back().kind == ClauseKind::kReturn;
  };
  if (!returns(query.clauses)) {
    return Error(query.unions[0].union_pos, "Each part of a UNION must end with RETURN");
  }
  const std::vector<std::string> columns = return_columns_;
  for (const Query& part : query.unions) {
    if (part.union_all != query.unions[0].union_all) {
      return Error(part.union_pos, "Invalid combination of UNION and UNION ALL");
    }
    PARLEY_RETURN_IF_ERROR(CheckComposition(part));
    scope_.clear();
    PARLEY_RETURN_IF_ERROR(CheckSingle(part.clauses));
    if (!returns(part.clauses)) {
      return Error(part.union_pos, "Each part of a UNION must end with RETURN");
    }
    if (return_columns_ != columns) {
      return Error(part.union_pos,
                   "All subqueries in a UNION must have the same column names (in the same "
                   "order)");
    }
  }
  return Status::OK();
}

// The clauses of one query (a UNION's part, or a subquery's body), in order.
Status Checker::CheckSingle(const std::vector<Clause>& clauses) {
  for (const Clause& clause : clauses) {
    switch (clause.kind) {
      case ClauseKind::kMatch:
        PARLEY_RETURN_IF_ERROR(CheckMatch(clause));
        break;
      case ClauseKind::kCreate:
        PARLEY_RETURN_IF_ERROR(CheckCreate(clause));
        break;
      case ClauseKind::kUnwind:
        PARLEY_RETURN_IF_ERROR(CheckUnwind(clause));
        break;
      case ClauseKind::kWith:
      case ClauseKind::kReturn:
        PARLEY_RETURN_IF_ERROR(CheckProjection(clause));
        break;
      case ClauseKind::kCall:
        PARLEY_RETURN_IF_ERROR(CheckCall(clause, clauses.size() == 1));
        break;
      case ClauseKind::kSet:
        PARLEY_RETURN_IF_ERROR(CheckSetItems(clause.set_items, "SET"));
        break;
      case ClauseKind::kRemove:
        PARLEY_RETURN_IF_ERROR(CheckSetItems(clause.set_items, "REMOVE"));
        break;
      case ClauseKind::kDelete:
        PARLEY_RETURN_IF_ERROR(CheckDelete(clause));
        break;
      case ClauseKind::kMerge:
        PARLEY_RETURN_IF_ERROR(CheckMerge(clause));
        break;
    }
  }
  return Status::OK();
}

const char* UpdateName(const Clause& c) {
  switch (c.kind) {
    case ClauseKind::kSet:
      return "SET";
    case ClauseKind::kRemove:
      return "REMOVE";
    case ClauseKind::kDelete:
      return c.detach ? "DETACH DELETE" : "DELETE";
    case ClauseKind::kMerge:
      return "MERGE";
    default:
      return "CREATE";
  }
}

bool IsUpdate(ClauseKind k) {
  return k == ClauseKind::kCreate || k == ClauseKind::kSet || k == ClauseKind::kRemove ||
         k == ClauseKind::kDelete || k == ClauseKind::kMerge;
}

// RETURN comes last and only last; a query ends in RETURN or CREATE; reading after CREATE
// needs a WITH in between (openCypher's clause composition rules).
Status Checker::CheckComposition(const Query& query) {
  const std::vector<Clause>& clauses = query.clauses;
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    if (i > 0 && clauses[i - 1].kind == ClauseKind::kReturn) {
      return Error(c.pos, "RETURN can only be used at the end of the query");
    }
    if (i > 0 && IsUpdate(clauses[i - 1].kind) &&
        (c.kind == ClauseKind::kMatch || c.kind == ClauseKind::kUnwind)) {
      return Error(c.pos,
                   std::string("WITH is required between ") + UpdateName(clauses[i - 1]) + " and " +
                       (c.kind == ClauseKind::kMatch ? (c.optional ? "OPTIONAL MATCH" : "MATCH")
                                                     : "UNWIND"));
    }
  }
  if (!clauses.empty()) {
    const Clause& last = clauses.back();
    bool standalone_call = clauses.size() == 1 && last.kind == ClauseKind::kCall;
    if (last.kind != ClauseKind::kReturn && !IsUpdate(last.kind) && !standalone_call) {
      const char* name = last.kind == ClauseKind::kMatch
                             ? (last.optional ? "OPTIONAL MATCH" : "MATCH")
                         : last.kind == ClauseKind::kWith ? "WITH"
                         : last.kind == ClauseKind::kCall ? "CALL"
                                                          : "UNWIND";
      return Error(last.pos, std::string("Query cannot conclude with ") + name +
                                 " (must be RETURN or an update clause such as CREATE)");
    }
  }
  return Status::OK();
}

Status Checker::CheckMatch(const Clause& clause) {
  Scope clause_vars;  // bound by this clause
  for (const PatternPart& part : clause.pattern.parts) {
    PARLEY_RETURN_IF_ERROR(CheckPatternPart(part, /*create=*/false, &clause_vars));
  }
  for (const auto& [name, kind] : clause_vars) scope_.emplace(name, kind);
  Context ctx;
  ctx.clause = "a MATCH pattern";
  for (const PatternPart& part : clause.pattern.parts) {
    for (const NodePattern& n : part.nodes) {
      if (n.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*n.properties, scope_, ctx));
    }
    for (const RelPattern& r : part.rels) {
      if (r.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*r.properties, scope_, ctx));
    }
  }
  if (clause.where) {
    ctx.clause = "WHERE";
    PARLEY_RETURN_IF_ERROR(CheckWhere(*clause.where, scope_, ctx));
  }
  return Status::OK();
}

Status Checker::CheckCreate(const Clause& clause) {
  Scope clause_vars;
  for (const PatternPart& part : clause.pattern.parts) {
    PARLEY_RETURN_IF_ERROR(CheckPatternPart(part, /*create=*/true, &clause_vars));
  }
  for (const auto& [name, kind] : clause_vars) scope_.emplace(name, kind);
  Context ctx;
  ctx.clause = "a CREATE pattern";
  for (const PatternPart& part : clause.pattern.parts) {
    for (const NodePattern& n : part.nodes) {
      if (n.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*n.properties, scope_, ctx));
    }
    for (const RelPattern& r : part.rels) {
      if (r.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*r.properties, scope_, ctx));
    }
  }
  return Status::OK();
}

// SET and REMOVE items: their targets and values read variables bound earlier.
Status Checker::CheckSetItems(const std::vector<SetItem>& items, const char* clause) {
  Context ctx;
  ctx.clause = clause;
  for (const SetItem& item : items) {
    PARLEY_RETURN_IF_ERROR(CheckExpr(*item.target, scope_, ctx));
    if (item.kind != SetItem::Kind::kProperty) {
      VarKind k = KindOf(*item.target, scope_);
      if (k == VarKind::kPath || k == VarKind::kValue) {
        return Error(item.pos, std::string("Type mismatch: ") + clause +
                                   " expects a node or relationship, but '" + item.target->name +
                                   "' is " + KindName(k));
      }
      if (item.kind == SetItem::Kind::kLabels && k == VarKind::kRelationship) {
        return Error(item.pos, std::string("Type mismatch: ") + clause +
                                   " of labels expects a node, but '" + item.target->name +
                                   "' is a relationship");
      }
    }
    if (item.value) PARLEY_RETURN_IF_ERROR(CheckExpr(*item.value, scope_, ctx));
  }
  return Status::OK();
}

// DELETE takes nodes, relationships and paths (or lists and maps holding them): an expression
// that can only be some other value is refused before running.
Status Checker::CheckDelete(const Clause& clause) {
  Context ctx;
  ctx.clause = "DELETE";
  for (const ExprPtr& e : clause.deletes) {
    PARLEY_RETURN_IF_ERROR(CheckExpr(*e, scope_, ctx));
    bool scalar = e->kind == ExprKind::kLiteral && !e->value.is_null();
    if (scalar || e->kind == ExprKind::kBinary || e->kind == ExprKind::kUnary ||
        e->kind == ExprKind::kIsNull || e->kind == ExprKind::kPattern) {
      return Error(e->pos, "Type mismatch: DELETE expects a node, relationship or path, but '" +
                               e->text + "' is not one");
    }
  }
  return Status::OK();
}

// MERGE binds or creates one pattern part: the rules of CREATE for what may be bound, plus:
// a lone node may not be bound already, and a relationship needs a single type.
Status Checker::CheckMerge(const Clause& clause) {
  const PatternPart& part = clause.pattern.parts[0];
  for (const RelPattern& r : part.rels) {
    if (r.variable_length) {
      return Error(r.pos, "Variable length relationships cannot be used in MERGE");
    }
    if (r.types.size() != 1) {
      return Error(r.pos, "A single relationship type must be specified for MERGE");
    }
  }
  // MERGE matches by its property maps: a parameter in their place is refused, as openCypher
  // has it (the properties must be spelled out).
  for (const NodePattern& n : part.nodes) {
    if (n.properties && n.properties->kind == ExprKind::kParameter) {
      return Error(n.properties->pos,
                   "A parameter cannot be used as the properties of a MERGE "
                   "pattern: write them as a map, {key: $param.key}");
    }
  }
  for (const RelPattern& r : part.rels) {
    if (r.properties && r.properties->kind == ExprKind::kParameter) {
      return Error(r.properties->pos,
                   "A parameter cannot be used as the properties of a MERGE "
                   "pattern: write them as a map, {key: $param.key}");
    }
  }
  Scope clause_vars;
  // CREATE's rules, except that a MERGE relationship may be undirected.
  if (!part.path_variable.empty()) {
    if (scope_.count(part.path_variable)) {
      return Error(part.pos, "Variable '" + part.path_variable + "' already declared");
    }
    clause_vars[part.path_variable] = VarKind::kPath;
  }
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    PARLEY_RETURN_IF_ERROR(
        BindNode(part.nodes[i], /*create=*/true, part.rels.empty(), &clause_vars));
    if (i < part.rels.size()) {
      const RelPattern& r = part.rels[i];
      if (!r.variable.empty() && (scope_.count(r.variable) || clause_vars.count(r.variable))) {
        return Error(r.pos, "Variable '" + r.variable +
                                "' already declared: MERGE cannot bind "
                                "a relationship that is already bound");
      }
      if (!r.variable.empty()) clause_vars[r.variable] = VarKind::kRelationship;
    }
  }
  for (const auto& [name, kind] : clause_vars) scope_.emplace(name, kind);
  Context ctx;
  ctx.clause = "a MERGE pattern";
  for (const NodePattern& n : part.nodes) {
    if (n.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*n.properties, scope_, ctx));
  }
  for (const RelPattern& r : part.rels) {
    if (r.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*r.properties, scope_, ctx));
  }
  PARLEY_RETURN_IF_ERROR(CheckSetItems(clause.on_create, "ON CREATE SET"));
  return CheckSetItems(clause.on_match, "ON MATCH SET");
}

// Binds the variables of one pattern part, into `clause_vars` for those new in this clause.
Status Checker::CheckPatternPart(const PatternPart& part, bool create, Scope* clause_vars) {
  if (part.selector != PathSelector::kAll) PARLEY_RETURN_IF_ERROR(CheckShortestPath(part, create));
  if (!part.path_variable.empty()) {
    if (scope_.count(part.path_variable) || clause_vars->count(part.path_variable)) {
      return Error(part.pos, "Variable '" + part.path_variable + "' already declared");
    }
    (*clause_vars)[part.path_variable] = VarKind::kPath;
  }
  bool lone = part.rels.empty();
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    PARLEY_RETURN_IF_ERROR(BindNode(part.nodes[i], create, lone, clause_vars));
    if (i < part.rels.size()) {
      PARLEY_RETURN_IF_ERROR(BindRelationship(part.rels[i], create, clause_vars));
    }
  }
  return Status::OK();
}

// shortestPath / allShortestPaths: only in MATCH, around one relationship whose walk may
// start at length 0 or 1 (a shortest path is found by widening from there).
Status Checker::CheckShortestPath(const PatternPart& part, bool create) {
  const char* name =
      part.selector == PathSelector::kShortest ? "shortestPath(...)" : "allShortestPaths(...)";
  if (create) return Error(part.selector_pos, std::string(name) + " cannot be used to CREATE");
  if (part.rels.size() != 1) {
    return Error(part.selector_pos,
                 std::string(name) + " requires a pattern containing a single relationship");
  }
  const RelPattern& rel = part.rels[0];
  if (rel.variable_length && rel.min_hops != 0 && rel.min_hops != 1) {
    return Error(rel.pos,
                 std::string(name) + " does not support a minimal length different from 0 or 1");
  }
  if (rel.variable_length && rel.max_hops >= 0 && rel.max_hops < rel.min_hops) {
    return Error(rel.pos, std::string(name) + " needs a maximal length of at least the minimal");
  }
  return Status::OK();
}

Status Checker::BindNode(const NodePattern& node, bool create, bool lone, Scope* clause_vars) {
  if (node.variable.empty()) return Status::OK();
  const std::string& name = node.variable;
  auto outer = scope_.find(name);
  auto here = clause_vars->find(name);
  bool bound = outer != scope_.end() || here != clause_vars->end();
  if (!bound) {
    (*clause_vars)[name] = VarKind::kNode;
    return Status::OK();
  }
  VarKind kind = here != clause_vars->end() ? here->second : outer->second;
  if (kind != VarKind::kNode && kind != VarKind::kAny) {
    return Error(node.pos, "Variable '" + name + "' is already declared as " + KindName(kind) +
                               ", and cannot be used as a node");
  }
  if (create && (!node.labels.empty() || node.properties)) {
    return Error(node.pos, "Variable '" + name +
                               "' is already declared: CREATE cannot add labels or properties "
                               "to a node that is already bound");
  }
  if (create && lone) {
    return Error(node.pos, "Variable '" + name +
                               "' already declared: CREATE and MERGE cannot create it again");
  }
  return Status::OK();
}

Status Checker::BindRelationship(const RelPattern& rel, bool create, Scope* clause_vars) {
  if (create) {
    if (rel.variable_length) {
      return Error(rel.pos, "Variable length relationships cannot be used in CREATE");
    }
    if (rel.types.size() != 1) {
      return Error(rel.pos, "A single relationship type must be specified for CREATE");
    }
    if (rel.direction == RelDirection::kBoth) {
      return Error(rel.pos, "Only directed relationships are supported in CREATE");
    }
  }
  if (rel.variable.empty()) return Status::OK();
  const std::string& name = rel.variable;
  auto outer = scope_.find(name);
  auto here = clause_vars->find(name);
  if (outer == scope_.end() && here == clause_vars->end()) {
    // A variable-length relationship binds a list of relationships.
    (*clause_vars)[name] = rel.variable_length ? VarKind::kValue : VarKind::kRelationship;
    return Status::OK();
  }
  VarKind kind = here != clause_vars->end() ? here->second : outer->second;
  // A variable-length relationship may be given a list bound earlier (deprecated in
  // openCypher, still valid): it then matches the walk along exactly those relationships.
  bool list_for_walk = rel.variable_length && kind == VarKind::kValue;
  if (kind != VarKind::kRelationship && kind != VarKind::kAny && !list_for_walk) {
    return Error(rel.pos, "Variable '" + name + "' is already declared as " + KindName(kind) +
                              ", and cannot be used as a relationship");
  }
  if (create) {
    return Error(rel.pos, "Variable '" + name +
                              "' already declared: CREATE cannot create a relationship that is "
                              "already bound");
  }
  if (here != clause_vars->end()) {
    return Error(rel.pos, "Cannot use the same relationship variable '" + name +
                              "' for multiple relationships in one pattern");
  }
  return Status::OK();
}

Status Checker::CheckUnwind(const Clause& clause) {
  Context ctx;
  ctx.clause = "UNWIND";
  PARLEY_RETURN_IF_ERROR(CheckExpr(*clause.unwind_expr, scope_, ctx));
  if (scope_.count(clause.unwind_variable)) {
    return Error(clause.pos, "Variable '" + clause.unwind_variable + "' already declared");
  }
  scope_[clause.unwind_variable] = VarKind::kAny;
  return Status::OK();
}

// CALL proc(args) [YIELD ...]: the procedure exists, gets as many arguments as it declares
// (argument types are checked when the call runs), yields only outputs it has into variables
// not bound before. A call alone in its query (standalone) may leave out YIELD, or write
// YIELD *, to return every output, and may take its arguments from the parameters (CALL p
// without brackets); a call inside a query must name what it yields.
Status Checker::CheckCall(const Clause& clause, bool standalone) {
  const ProcedureCall& call = clause.call;
  const ProcedureInfo* proc = LookupProcedure(call.name);
  if (proc == nullptr) {
    return Error(call.name_pos, "There is no procedure with the name '" + call.name +
                                    "' (CALL a built-in procedure; see the README)");
  }
  if (call.implicit_arguments) {
    if (!standalone && !proc->params.empty()) {
      return Error(call.name_pos,
                   "Procedure call inside a query must give its arguments in "
                   "brackets: " +
                       Signature(*proc));
    }
  } else if (call.arguments.size() < RequiredArguments(*proc) ||
             call.arguments.size() > proc->params.size()) {
    size_t low = RequiredArguments(*proc), high = proc->params.size();
    std::string count =
        low == high ? std::to_string(high) : std::to_string(low) + " to " + std::to_string(high);
    return Error(call.name_pos, "Procedure " + call.name + " takes " + count + " argument" +
                                    (high == 1 ? "" : "s") + ", not " +
                                    std::to_string(call.arguments.size()) + ": " +
                                    Signature(*proc));
  }
  Context arg_ctx;
  arg_ctx.clause = "CALL arguments";
  for (size_t i = 0; i < call.arguments.size(); ++i) {
    const Expr& arg = *call.arguments[i];
    PARLEY_RETURN_IF_ERROR(CheckExpr(arg, scope_, arg_ctx));
    if (arg.kind == ExprKind::kLiteral) {
      Value coerced;
      Status s = CoerceArgument(*proc, i, arg.value, &coerced);
      if (!s.ok()) return Error(arg.pos, s.message());
    }
  }
  if (!standalone) {
    if (call.yield_star) {
      return Error(call.yield_pos,
                   "YIELD * is only allowed in a standalone procedure call; name "
                   "the outputs to yield");
    }
    if (!call.has_yield && !proc->outputs.empty()) {
      return Error(call.name_pos,
                   "Procedure call inside a query must YIELD its outputs: " + Signature(*proc));
    }
  }
  Scope yielded;
  for (const YieldItem& item : call.yields) {
    int index = OutputIndex(*proc, item.column);
    if (index < 0) {
      return Error(item.pos, "Procedure " + call.name + " has no output '" + item.column +
                                 "': " + Signature(*proc));
    }
    if (scope_.count(item.variable) || yielded.count(item.variable)) {
      return Error(item.pos, "Variable '" + item.variable + "' already declared");
    }
    ProcType type = proc->outputs[index].type;
    yielded[item.variable] = type == ProcType::kNode           ? VarKind::kNode
                             : type == ProcType::kRelationship ? VarKind::kRelationship
                             : type == ProcType::kPath         ? VarKind::kPath
                                                               : VarKind::kAny;
  }
  for (const auto& [name, kind] : yielded) scope_.emplace(name, kind);
  if (call.where) {
    Context where_ctx;
    where_ctx.clause = "WHERE";
    PARLEY_RETURN_IF_ERROR(CheckWhere(*call.where, scope_, where_ctx));
  }
  return Status::OK();
}

// The position of the '*' of `RETURN *`, which the AST does not keep.
SourcePos StarPos(std::string_view text, const Clause& clause) {
  size_t star = text.find('*', static_cast<size_t>(clause.pos.offset));
  if (star == std::string_view::npos) return clause.pos;
  return PositionOf(text, static_cast<int>(star));
}

Status Checker::CheckProjection(const Clause& clause) {
  const Projection& p = clause.projection;
  const bool is_with = clause.kind == ClauseKind::kWith;
  const char* name = is_with ? "WITH" : "RETURN";
  // WITH * over no variables passes the rows on as they are (after an anonymous CREATE, say);
  // RETURN * would have no column to show.
  if (p.star && !is_with && scope_.empty()) {
    return Error(StarPos(text_, clause), std::string(name) +
                                             " * is not allowed when there are no variables "
                                             "in scope");
  }
  Context item_ctx;
  item_ctx.clause = name;
  item_ctx.allow_aggregates = true;
  bool aggregating = false;
  std::set<std::string> columns;
  Scope projected_scope = p.star ? scope_ : Scope();
  std::vector<const Expr*> projected;
  std::vector<std::string> columns_in_order;
  if (p.star) {
    for (const auto& [var, kind] : scope_) columns_in_order.push_back(var);
  }
  for (const ProjectionItem& item : p.items) {
    PARLEY_RETURN_IF_ERROR(CheckExpr(*item.expr, scope_, item_ctx));
    // A property of a variable needs no alias: its column is named as written (`a.name`).
    bool named = item.expr->kind == ExprKind::kVariable ||
                 (item.expr->kind == ExprKind::kProperty &&
                  item.expr->operands[0]->kind == ExprKind::kVariable);
    if (is_with && item.alias.empty() && !named) {
      return Error(item.expr->pos, "Expression in WITH must be aliased (use AS)");
    }
    if (!is_with) columns_in_order.push_back(item.column);
    if (!columns.insert(item.column).second) {
      return Error(item.expr->pos, "Multiple result columns with the same name '" + item.column +
                                       "' are not supported");
    }
    aggregating = aggregating || ContainsAggregate(*item.expr);
    projected_scope[item.column] = KindOf(*item.expr, scope_);
    projected.push_back(item.expr.get());
  }
  if (aggregating) PARLEY_RETURN_IF_ERROR(CheckGrouping(p));
  // ORDER BY and WITH's WHERE see the projected names; without aggregation or DISTINCT, the
  // rows still carry everything, so the names from before stay visible too.
  Scope after = projected_scope;
  Context order_ctx;
  order_ctx.clause = "ORDER BY";
  if (aggregating || p.distinct) {
    order_ctx.projected = &projected;
    order_ctx.allow_aggregates = true;  // only as projected expressions; see CheckExpr
  } else {
    for (const auto& [var, kind] : scope_) after.emplace(var, kind);
  }
  for (const SortItem& s : p.order_by) PARLEY_RETURN_IF_ERROR(CheckExpr(*s.expr, after, order_ctx));
  if (p.skip) PARLEY_RETURN_IF_ERROR(CheckSkipLimit(*p.skip, "SKIP"));
  if (p.limit) PARLEY_RETURN_IF_ERROR(CheckSkipLimit(*p.limit, "LIMIT"));
  if (p.where) {
    Context where_ctx;
    where_ctx.clause = "WHERE";
    where_ctx.projected = order_ctx.projected;
    PARLEY_RETURN_IF_ERROR(CheckWhere(*p.where, after, where_ctx));
  }
  scope_ = std::move(projected_scope);
  if (!is_with) return_columns_ = std::move(columns_in_order);
  return Status::OK();
}

// Names in `e` read outside its aggregates: none may be other than a grouping key variable, a
// local of a comprehension inside, or part of a grouping key `v.key` written as projected.
// (A larger projected expression does not count: `a.x + b.x + count(*)` is ambiguous even
// after `RETURN a.x + b.x`, as openCypher has it.) The first other name goes to *culprit.
bool GroupedOnly(const Expr& e, const std::set<std::string>& key_vars,
                 const std::set<std::string>& key_texts, std::vector<std::string>* locals,
                 std::string* culprit) {
  if (key_texts.count(e.text) || IsAggregateCall(e)) return true;
  auto known = [&](const std::string& name) {
    return name.empty() || key_vars.count(name) ||
           std::find(locals->begin(), locals->end(), name) != locals->end();
  };
  switch (e.kind) {
    case ExprKind::kVariable:
      if (known(e.name)) return true;
      *culprit = e.name;
      return false;
    case ExprKind::kExists:
    case ExprKind::kCountSubquery:
    case ExprKind::kPatternComprehension:
      return true;  // names of their own, which this check does not sort out
    case ExprKind::kPattern:
      for (const NodePattern& n : e.pattern->nodes) {
        if (!known(n.variable)) return (*culprit = n.variable, false);
      }
      for (const RelPattern& r : e.pattern->rels) {
        if (!known(r.variable)) return (*culprit = r.variable, false);
      }
      return true;
    default:
      break;
  }
  size_t pushed = 0;
  bool ok = true;
  for (size_t i = 0; i < e.operands.size() && ok; ++i) {
    // The local variables of comprehensions, quantifiers and reduce, past their list.
    bool scoped_from_here =
        (i == 1 && (e.kind == ExprKind::kListComprehension || e.kind == ExprKind::kQuantifier)) ||
        (i == 2 && e.kind == ExprKind::kReduce);
    if (scoped_from_here) {
      locals->push_back(e.name);
      ++pushed;
      if (e.kind == ExprKind::kReduce) {
        locals->push_back(e.element);
        ++pushed;
      }
    }
    if (e.operands[i]) ok = GroupedOnly(*e.operands[i], key_vars, key_texts, locals, culprit);
  }
  locals->resize(locals->size() - pushed);
  return ok;
}

// In an aggregating RETURN or WITH, an item (or ORDER BY key) holding an aggregate may read,
// outside its aggregates, only what the grouping keys are: `RETURN n.x, n.x + count(*)` is one
// value per group, `RETURN n.x + count(*)` is not.
Status Checker::CheckGrouping(const Projection& p) {
  std::set<std::string> key_vars, key_texts, texts;
  for (const ProjectionItem& item : p.items) {
    texts.insert(item.expr->text);
    if (ContainsAggregate(*item.expr)) continue;
    const Expr& e = *item.expr;
    if (e.kind == ExprKind::kVariable) key_vars.insert(e.name);
    if (e.kind == ExprKind::kProperty && e.operands[0]->kind == ExprKind::kVariable) {
      key_texts.insert(e.text);
    }
  }
  if (p.star) {
    for (const auto& [var, kind] : scope_) key_vars.insert(var);
  }
  auto check = [&](const Expr& e, const std::set<std::string>& vars) -> Status {
    std::vector<std::string> locals = locals_;
    std::string culprit;
    if (GroupedOnly(e, vars, key_texts, &locals, &culprit)) return Status::OK();
    return Error(e.pos, "Ambiguous aggregation: '" + e.text + "' reads '" + culprit +
                            "' outside its aggregate, and it is not a grouping key (project it "
                            "as an item of its own)");
  };
  for (const ProjectionItem& item : p.items) {
    if (ContainsAggregate(*item.expr)) PARLEY_RETURN_IF_ERROR(check(*item.expr, key_vars));
  }
  // ORDER BY also sees the columns by name.
  std::set<std::string> order_vars = key_vars;
  for (const ProjectionItem& item : p.items) order_vars.insert(item.column);
  for (const SortItem& s : p.order_by) {
    if (ContainsAggregate(*s.expr) && !texts.count(s.expr->text)) {
      PARLEY_RETURN_IF_ERROR(check(*s.expr, order_vars));
    }
  }
  return Status::OK();
}

// SKIP and LIMIT take a non-negative integer, computed without reference to any row.
Status Checker::CheckSkipLimit(const Expr& e, const char* clause) {
  if (e.kind == ExprKind::kLiteral) {
    if (!e.value.is_int() || e.value.as_int() < 0) {
      return Error(e.pos, "Invalid input '" + e.text + "' for " + clause +
                              ": it must be a non-negative integer");
    }
    return Status::OK();
  }
  Context ctx;
  ctx.clause = clause;
  ctx.no_variables = true;
  return CheckExpr(e, Scope(), ctx);
}

bool Checker::Defined(const std::string& name, const Scope& scope) const {
  for (const std::string& local : locals_) {
    if (local == name) return true;
  }
  return scope.count(name) > 0;
}

// An expression where a boolean is asked for: refused when it is known to be something else.
Status Checker::CheckBoolean(const Expr& e, const Scope& scope, const char* where) const {
  std::string kind = NonBooleanKind(e, scope);
  if (kind.empty()) return Status::OK();
  return Error(e.pos, std::string("Type mismatch: ") + where + " expects a boolean, but '" +
                          e.text + "' is " + kind);
}

// A WHERE condition: a predicate, so a pattern may stand in it.
Status Checker::CheckWhere(const Expr& e, const Scope& scope, Context ctx) {
  PARLEY_RETURN_IF_ERROR(CheckBoolean(e, scope, "WHERE"));
  ctx.predicate = true;
  return CheckExpr(e, scope, ctx);
}

Status Checker::CheckExpr(const Expr& e, const Scope& scope, const Context& outer) {
  // Only this expression is in predicate position, not what it is made of (except where said).
  Context ctx = outer;
  ctx.predicate = false;
  if (e.kind == ExprKind::kPattern && !outer.predicate) {
    return Error(e.pos,
                 "A pattern expression can only be used as a predicate (in WHERE, "
                 "under AND/OR/XOR/NOT, or in exists()), not as a value: '" +
                     e.text + "'");
  }
  if (ctx.projected != nullptr) {
    // After an aggregating or DISTINCT projection, a projected expression may be repeated
    // as written (ORDER BY count(*), ORDER BY n.name) although `n` itself is gone.
    for (const Expr* p : *ctx.projected) {
      if (p->text == e.text) return Status::OK();
    }
  }
  switch (e.kind) {
    case ExprKind::kVariable:
      if (ctx.no_variables && !Defined(e.name, Scope())) {
        return Error(e.pos,
                     std::string("It is not allowed to refer to variables in ") + ctx.clause);
      }
      if (!Defined(e.name, scope)) return Error(e.pos, "Variable '" + e.name + "' not defined");
      return Status::OK();
    case ExprKind::kFunction:
      if (IsExistsCall(e)) {
        if (e.star || e.distinct || e.operands.size() != 1 ||
            (e.operands[0]->kind != ExprKind::kProperty &&
             e.operands[0]->kind != ExprKind::kPattern)) {
          return Error(e.pos, "exists() takes one property (exists(n.key)) or one pattern");
        }
        Context arg = ctx;
        arg.predicate = true;
        return CheckExpr(*e.operands[0], scope, arg);
      }
      return CheckFunction(e, scope, ctx);
    case ExprKind::kPattern:
      return CheckPatternExpr(e, scope, ctx);
    case ExprKind::kQuantifier:
    case ExprKind::kReduce:
    case ExprKind::kMapProjection:
      return CheckScopedExpr(e, scope, ctx);
    case ExprKind::kExists:
    case ExprKind::kCountSubquery:
      return CheckSubquery(e, scope);
    case ExprKind::kPatternComprehension:
      return CheckPatternComprehension(e, scope, ctx);
    case ExprKind::kListComprehension: {
      if (e.operands.empty() || !e.operands[0]) return Status::OK();
      PARLEY_RETURN_IF_ERROR(CheckExpr(*e.operands[0], scope, ctx));
      Context inner = ctx;
      inner.in_comprehension = true;
      locals_.push_back(e.name);
      Status s;
      for (size_t i = 1; i < e.operands.size() && s.ok(); ++i) {
        Context part = inner;
        part.predicate = i == 1;  // the WHERE
        if (e.operands[i]) s = CheckExpr(*e.operands[i], scope, part);
      }
      locals_.pop_back();
      return s;
    }
    case ExprKind::kProperty:
      if (KindOf(*e.operands[0], scope) == VarKind::kPath) {
        return Error(e.pos, "Type mismatch: a path has no properties, but '" + e.text +
                                "' reads one (take it from nodes(p) or relationships(p))");
      }
      return CheckExpr(*e.operands[0], scope, ctx);
    default: {
      // The operands of the boolean operators and the conditions of CASE are predicates.
      bool logical = (e.kind == ExprKind::kBinary &&
                      (e.op == Op::kAnd || e.op == Op::kOr || e.op == Op::kXor)) ||
                     (e.kind == ExprKind::kUnary && e.op == Op::kNot);
      for (size_t i = 0; i < e.operands.size(); ++i) {
        const ExprPtr& o = e.operands[i];
        if (!o) continue;
        Context operand = ctx;
        if (logical) {
          PARLEY_RETURN_IF_ERROR(CheckBoolean(*o, scope, OpWord(e.op)));
          operand.predicate = true;
        }
        if (e.kind == ExprKind::kCase) {
          size_t first_when = e.has_test ? 1 : 0;
          bool is_else = e.has_else && i + 1 == e.operands.size();
          operand.predicate =
              !e.has_test && i >= first_when && !is_else && (i - first_when) % 2 == 0;
        }
        PARLEY_RETURN_IF_ERROR(CheckExpr(*o, scope, operand));
      }
      return Status::OK();
    }
  }
}

// Quantifiers, reduce and map projections: the parts that see a variable of their own.
Status Checker::CheckScopedExpr(const Expr& e, const Scope& scope, const Context& ctx) {
  Context inner = ctx;
  inner.in_comprehension = true;
  if (e.kind == ExprKind::kMapProjection) {
    const Expr& base = *e.operands[0];
    PARLEY_RETURN_IF_ERROR(CheckExpr(base, scope, ctx));
    VarKind kind = KindOf(base, scope);
    if (kind == VarKind::kPath) {
      return Error(base.pos,
                   "Type mismatch: a map projection needs a node, relationship or map, "
                   "but '" +
                       base.name + "' is a path");
    }
    for (size_t i = 1; i < e.operands.size(); ++i) {
      if (e.operands[i]) PARLEY_RETURN_IF_ERROR(CheckExpr(*e.operands[i], scope, ctx));
    }
    return Status::OK();
  }
  if (e.kind == ExprKind::kQuantifier) {
    PARLEY_RETURN_IF_ERROR(CheckExpr(*e.operands[0], scope, ctx));
    if (!e.operands[1]) return Status::OK();
    locals_.push_back(e.name);
    inner.predicate = true;
    Status s = CheckExpr(*e.operands[1], scope, inner);
    locals_.pop_back();
    return s;
  }
  // reduce(acc = init, x IN list | step): the step sees both acc and x.
  if (e.name == e.element) {
    return Error(e.pos, "Variable '" + e.element +
                            "' already declared: reduce's accumulator and element need two names");
  }
  PARLEY_RETURN_IF_ERROR(CheckExpr(*e.operands[0], scope, ctx));
  PARLEY_RETURN_IF_ERROR(CheckExpr(*e.operands[1], scope, ctx));
  locals_.push_back(e.name);
  locals_.push_back(e.element);
  Status s = CheckExpr(*e.operands[2], scope, inner);
  locals_.pop_back();
  locals_.pop_back();
  return s;
}

// EXISTS { } and COUNT { }: a query of its own over the enclosing row's variables, which it may
// read and match on but not change; what it binds stays inside.
Status Checker::CheckSubquery(const Expr& e, const Scope& scope) {
  const Query& body = *e.subquery;
  if (!body.unions.empty())
    return Error(body.unions[0].union_pos, "UNION is not supported in a subquery");
  for (const Clause& c : body.clauses) {
    bool reads = c.kind == ClauseKind::kMatch || c.kind == ClauseKind::kWith ||
                 c.kind == ClauseKind::kUnwind || c.kind == ClauseKind::kReturn ||
                 c.kind == ClauseKind::kCall;
    if (!reads) return Error(c.pos, "A subquery cannot update the graph");
  }
  for (size_t i = 0; i + 1 < body.clauses.size(); ++i) {
    if (body.clauses[i].kind == ClauseKind::kReturn) {
      return Error(body.clauses[i + 1].pos, "RETURN can only be used at the end of the query");
    }
  }
  Scope inner = scope;  // `scope` may be scope_ itself
  Scope saved_scope = std::move(scope_);
  std::vector<std::string> saved_locals = std::move(locals_);
  std::vector<std::string> saved_columns = std::move(return_columns_);
  scope_ = std::move(inner);
  for (const std::string& local : saved_locals) scope_[local] = VarKind::kAny;
  locals_.clear();
  Status s = CheckSingle(body.clauses);
  scope_ = std::move(saved_scope);
  locals_ = std::move(saved_locals);
  return_columns_ = std::move(saved_columns);
  return s;
}

// [pattern WHERE pred | expr]: the pattern may bind new variables, seen by pred and expr only.
Status Checker::CheckPatternComprehension(const Expr& e, const Scope& scope, const Context& ctx) {
  if (ctx.no_variables) {
    return Error(e.pos, std::string("It is not allowed to refer to variables in ") + ctx.clause);
  }
  Scope outer = scope;  // `scope` may be scope_ itself
  Scope saved_scope = std::move(scope_);
  scope_ = std::move(outer);
  for (const std::string& local : locals_) scope_[local] = VarKind::kAny;
  Scope bound;
  Status s = CheckPatternPart(*e.pattern, /*create=*/false, &bound);
  Scope inner = scope_;
  scope_ = std::move(saved_scope);
  PARLEY_RETURN_IF_ERROR(s);
  for (const auto& [name, kind] : bound) inner[name] = kind;
  Context props = ctx;
  props.allow_aggregates = false;
  props.clause = "a pattern";
  for (const NodePattern& n : e.pattern->nodes) {
    if (n.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*n.properties, inner, props));
  }
  for (const RelPattern& r : e.pattern->rels) {
    if (r.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*r.properties, inner, props));
  }
  Context body = ctx;
  body.in_comprehension = true;
  body.projected = nullptr;
  for (size_t i = 0; i < e.operands.size(); ++i) {
    Context part = body;
    part.predicate = i == 0;  // the WHERE
    if (e.operands[i]) PARLEY_RETURN_IF_ERROR(CheckExpr(*e.operands[i], inner, part));
  }
  return Status::OK();
}

std::string ArityText(const FunctionInfo& f) {
  auto args = [](int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); };
  if (f.max_args < 0) return "at least " + args(f.min_args);
  if (f.min_args == f.max_args) return args(f.min_args);
  return std::to_string(f.min_args) + " to " + args(f.max_args);
}

// The graph functions whose argument must be of one kind of element: a variable known to hold
// another kind is refused before running (the same call fails at run time on such a value).
Status Checker::CheckArgumentKind(std::string_view fn, const Expr& arg, const Scope& scope) const {
  if (arg.kind != ExprKind::kVariable) return Status::OK();
  VarKind k = KindOf(arg, scope);
  if (k != VarKind::kNode && k != VarKind::kRelationship && k != VarKind::kPath) {
    return Status::OK();
  }
  const char* want = nullptr;
  if (fn == "type" && k != VarKind::kRelationship) want = "a relationship";
  if (fn == "length" && k != VarKind::kPath) want = "a path";
  if (fn == "size") want = "a string or a list";
  if (fn == "labels" && k != VarKind::kNode) want = "a node";
  if (want == nullptr) return Status::OK();
  return Error(arg.pos, "Type mismatch: " + std::string(fn) + "() expects " + want + ", but '" +
                            arg.name + "' is " + KindName(k));
}

Status Checker::CheckFunction(const Expr& e, const Scope& scope, const Context& ctx) {
  const FunctionInfo* f = LookupFunction(e.name);
  if (f == nullptr) return Error(e.pos, "Unknown function '" + e.name + "'");
  if (e.star) {
    if (!IsAggregateCall(e) || std::string_view(f->name) != "count") {
      return Error(e.pos, "Only count can take '*', not '" + e.name + "'");
    }
  } else {
    int n = static_cast<int>(e.operands.size());
    if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
      return Error(
          e.pos, "Function '" + e.name + "' takes " + ArityText(*f) + ", not " + std::to_string(n));
    }
  }
  if (e.distinct && !f->aggregate) {
    return Error(e.pos,
                 "DISTINCT can only be used with aggregating functions, not '" + e.name + "'");
  }
  if (e.operands.size() == 1 && e.operands[0]) {
    PARLEY_RETURN_IF_ERROR(CheckArgumentKind(std::string_view(f->name), *e.operands[0], scope));
  }
  Context inner = ctx;
  if (f->aggregate) {
    if (ctx.in_aggregate) {
      return Error(e.pos, "Cannot use aggregating function '" + e.name +
                              "' inside another aggregating function");
    }
    if (ctx.in_comprehension) {
      return Error(e.pos,
                   "Cannot use aggregating function '" + e.name + "' inside a list comprehension");
    }
    if (!ctx.allow_aggregates) {
      return Error(e.pos, "Invalid use of aggregating function '" + e.name + "' in " + ctx.clause);
    }
    if (ctx.projected != nullptr) {
      // ORDER BY after an aggregating RETURN: a new aggregate was not computed.
      return Error(e.pos, "Aggregation in " + std::string(ctx.clause) +
                              " must also be projected by the preceding RETURN or WITH");
    }
    inner.in_aggregate = true;
  }
  for (const ExprPtr& o : e.operands) {
    if (o) PARLEY_RETURN_IF_ERROR(CheckExpr(*o, scope, inner));
  }
  return Status::OK();
}

// A pattern in an expression only tests variables bound before; it binds none of its own.
Status Checker::CheckPatternExpr(const Expr& e, const Scope& scope, const Context& ctx) {
  if (!e.pattern) return Status::OK();
  const PatternPart& part = *e.pattern;
  auto check_var = [&](const std::string& name, SourcePos pos, VarKind want,
                       bool list_ok = false) -> Status {
    if (name.empty()) return Status::OK();
    if (ctx.no_variables) {
      return Error(pos, std::string("It is not allowed to refer to variables in ") + ctx.clause);
    }
    auto it = scope.find(name);
    if (it == scope.end()) {
      bool local = false;
      for (const std::string& l : locals_) local = local || l == name;
      if (local) return Status::OK();
      return Error(pos, "Variable '" + name +
                            "' not defined (a pattern in an expression cannot introduce new "
                            "variables)");
    }
    if (list_ok && it->second == VarKind::kValue) return Status::OK();
    if (it->second != want && it->second != VarKind::kAny) {
      return Error(pos, "Variable '" + name + "' is already declared as " + KindName(it->second) +
                            ", and cannot be used as " + KindName(want));
    }
    return Status::OK();
  };
  Context props = ctx;
  props.allow_aggregates = false;
  props.clause = "a pattern";
  for (size_t i = 0; i < part.nodes.size(); ++i) {
    const NodePattern& n = part.nodes[i];
    PARLEY_RETURN_IF_ERROR(check_var(n.variable, n.pos, VarKind::kNode));
    if (n.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*n.properties, scope, props));
    if (i < part.rels.size()) {
      const RelPattern& r = part.rels[i];
      PARLEY_RETURN_IF_ERROR(
          check_var(r.variable, r.pos, VarKind::kRelationship, r.variable_length));
      if (r.properties) PARLEY_RETURN_IF_ERROR(CheckExpr(*r.properties, scope, props));
    }
  }
  return Status::OK();
}

}  // namespace

Status CheckQuery(const Query& query, std::string_view text) {
  return Checker(text).Check(query);
}

}  // namespace parley::query

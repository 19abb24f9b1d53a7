#include "query/planner.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "query/call_operator.h"
#include "query/chain_count.h"
#include "query/chain_plan.h"
#include "query/composition.h"
#include "query/functions.h"
#include "query/operators.h"
#include "query/procedures.h"
#include "query/query_error.h"
#include "query/reach.h"
#include "query/update_operators.h"
#include "query/value_ops.h"
#include "query/walk_count.h"

namespace parley::query {
namespace {

enum class Kind { kNode, kRelationship, kRelList, kPath, kValue };

struct Symbol {
  int slot = -1;
  Kind kind = Kind::kValue;
};

// Variables visible at one point of the query, by name.
using Scope = std::map<std::string, Symbol, std::less<>>;

// Splits a predicate into its AND-ed conditions.
void Conjuncts(const Expr* e, std::vector<const Expr*>* out) {
  if (!e) return;
  if (e->kind == ExprKind::kBinary && e->op == Op::kAnd) {
    Conjuncts(e->operands[0].get(), out);
    Conjuncts(e->operands[1].get(), out);
  } else {
    out->push_back(e);
  }
}

void Variables(const Expr* e, std::set<std::string>* out);

// Every name a pattern part mentions.
void PatternVariables(const PatternPart& part, std::set<std::string>* out) {
  if (!part.path_variable.empty()) out->insert(part.path_variable);
  for (const auto& n : part.nodes) {
    if (!n.variable.empty()) out->insert(n.variable);
    Variables(n.properties.get(), out);
  }
  for (const auto& r : part.rels) {
    if (!r.variable.empty()) out->insert(r.variable);
    Variables(r.properties.get(), out);
  }
}

// Every name a subquery mentions: those of the enclosing query it reads among them (the
// caller tells them apart by what the enclosing query binds).
void QueryVariables(const Query& q, std::set<std::string>* out) {
  for (const Clause& c : q.clauses) {
    for (const PatternPart& part : c.pattern.parts) PatternVariables(part, out);
    Variables(c.where.get(), out);
    Variables(c.unwind_expr.get(), out);
    for (const auto& item : c.projection.items) Variables(item.expr.get(), out);
    for (const auto& item : c.projection.order_by) Variables(item.expr.get(), out);
    Variables(c.projection.where.get(), out);
    // WITH * and RETURN * read whatever is in scope.
    if (c.projection.star) out->insert("*");
  }
}

// The variable names `e` reads (pattern predicates included). Names bound inside a pattern
// comprehension or a subquery are included too: they are not bound outside, which the
// callers check.
void Variables(const Expr* e, std::set<std::string>* out) {
  if (!e) return;
  if (e->kind == ExprKind::kPatternComprehension) PatternVariables(*e->pattern, out);
  if (e->subquery) QueryVariables(*e->subquery, out);
  if (e->kind == ExprKind::kVariable) out->insert(e->name);
  if (e->kind == ExprKind::kPattern && e->pattern) {
    for (const auto& n : e->pattern->nodes) {
      if (!n.variable.empty()) out->insert(n.variable);
      Variables(n.properties.get(), out);
    }
    for (const auto& r : e->pattern->rels) {
      if (!r.variable.empty()) out->insert(r.variable);
      Variables(r.properties.get(), out);
    }
  }
  std::set<std::string> inner;
  for (const auto& k : e->operands) Variables(k.get(), &inner);
  if (e->kind == ExprKind::kListComprehension || e->kind == ExprKind::kQuantifier ||
      e->kind == ExprKind::kReduce) {
    inner.erase(e->name);
    inner.erase(e->element);
    // The list is read outside the local variable's scope.
    if (e->kind != ExprKind::kReduce) Variables(e->operands[0].get(), &inner);
    for (size_t i = 0; e->kind == ExprKind::kReduce && i < 2; ++i) {
      Variables(e->operands[i].get(), &inner);
    }
  }
  out->insert(inner.begin(), inner.end());
}

bool HasAggregate(const Expr* e) {
  if (!e) return false;
  if (e->kind == ExprKind::kFunction) {
    const FunctionInfo* f = LookupFunction(e->name);
    if (f && f->aggregate) return true;
  }
  for (const auto& k : e->operands) {
    if (HasAggregate(k.get())) return true;
  }
  return false;
}

// True if `e`'s value over a group does not change when rows of the group repeat: every
// aggregate in it is DISTINCT, min() or max(), and it calls no rand().
bool DuplicateInsensitive(const Expr* e) {
  if (!e) return true;
  if (e->kind == ExprKind::kFunction) {
    const FunctionInfo* f = LookupFunction(e->name);
    if (f && std::string(f->name) == "rand") return false;  // differs per repeated row
    if (f && f->aggregate && !e->distinct) {
      std::string name = f->name;
      if (e->star || (name != "min" && name != "max")) return false;
    }
  }
  for (const auto& k : e->operands) {
    if (!DuplicateInsensitive(k.get())) return false;
  }
  return true;
}

class Planner {
 public:
  Planner(std::string_view text, ExecContext& ctx, QueryPlan* plan)
      : text_(text), ctx_(ctx), plan_(plan) {}

  Status Plan(const Query& query) {
    op_ = MakeStart(&plan_->width);
    for (const Clause& c : query.clauses) {
      if (c.kind != ClauseKind::kCreate && c.kind != ClauseKind::kUnwind &&
          c.kind != ClauseKind::kWith && c.kind != ClauseKind::kReturn) {
        reads_graph_ = true;
      }
      if (c.kind == ClauseKind::kCreate || c.kind == ClauseKind::kSet ||
          c.kind == ClauseKind::kRemove || c.kind == ClauseKind::kDelete ||
          c.kind == ClauseKind::kMerge) {
        updates_ = true;
      }
    }
    for (size_t i = 0; i < query.clauses.size(); ++i) {
      const Clause& c = query.clauses[i];
      switch (c.kind) {
        case ClauseKind::kMatch: {
          bool chain = false;
          if (i == 0 && i + 1 < query.clauses.size()) {
            PARLEY_RETURN_IF_ERROR(PlanChainMatch(c, query.clauses[i + 1], &chain));
          }
          if (!chain) PARLEY_RETURN_IF_ERROR(PlanMatch(c));
          break;
        }
        case ClauseKind::kCreate:
          PARLEY_RETURN_IF_ERROR(PlanCreate(c));
          break;
        case ClauseKind::kSet:
        case ClauseKind::kRemove:
          PARLEY_RETURN_IF_ERROR(PlanSet(c));
          break;
        case ClauseKind::kDelete:
          PARLEY_RETURN_IF_ERROR(PlanDelete(c));
          break;
        case ClauseKind::kMerge:
          PARLEY_RETURN_IF_ERROR(PlanMerge(c));
          break;
        case ClauseKind::kUnwind:
          PARLEY_RETURN_IF_ERROR(PlanUnwind(c));
          break;
        case ClauseKind::kWith:
        case ClauseKind::kReturn: {
          std::vector<std::string> columns;
          std::vector<int> slots;
          PARLEY_RETURN_IF_ERROR(
              PlanProjection(c.projection, c.kind == ClauseKind::kReturn, &columns, &slots));
          if (c.kind == ClauseKind::kReturn) {
            plan_->returns = true;
            plan_->columns = std::move(columns);
            plan_->column_slots = std::move(slots);
          }
          break;
        }
        case ClauseKind::kCall:
          PARLEY_RETURN_IF_ERROR(PlanCall(c, query.clauses.size() == 1));
          break;
      }
    }
    plan_->root = std::move(op_);
    plan_->width = next_slot_;
    return Status::OK();
  }

 private:
  int NewSlot() { return next_slot_++; }

  Status PlanUnwind(const Clause& c) {
    CExprPtr list;
    PARLEY_RETURN_IF_ERROR(Compile(*c.unwind_expr, scope_, &list));
    int slot = NewSlot();
    scope_[c.unwind_variable] = {slot, Kind::kValue};
    op_ = MakeUnwind(std::move(op_), std::move(list), slot, ctx_);
    return Status::OK();
  }

  // EXISTS { } / COUNT { }: the body planned over an Argument operator that yields the
  // enclosing row, in the enclosing query's slots, with `scope` visible.
  Status PlanSubquery(const Expr& e, const Scope& scope, CExpr* c) {
    Scope inner = scope;  // `scope` may be scope_ itself
    OperatorPtr saved_op = std::move(op_);
    Scope saved_scope = std::move(scope_);
    auto argument = std::make_unique<Argument>();
    auto sub = std::make_shared<SubqueryPlan>();
    sub->argument = argument.get();
    op_ = std::move(argument);
    scope_ = std::move(inner);
    Status s;
    for (const Clause& clause : e.subquery->clauses) {
      switch (clause.kind) {
        case ClauseKind::kMatch:
          s = PlanMatch(clause);
          break;
        case ClauseKind::kUnwind:
          s = PlanUnwind(clause);
          break;
        case ClauseKind::kCall:
          s = PlanCall(clause, /*standalone=*/false);
          break;
        case ClauseKind::kWith:
        case ClauseKind::kReturn: {
          std::vector<std::string> columns;
          std::vector<int> slots;
          s = PlanProjection(clause.projection, clause.kind == ClauseKind::kReturn, &columns,
                             &slots);
          break;
        }
        default:
          s = Error(clause.pos, "A subquery cannot update the graph");
          break;
      }
      if (!s.ok()) break;
    }
    sub->root = std::move(op_);
    op_ = std::move(saved_op);
    scope_ = std::move(saved_scope);
    PARLEY_RETURN_IF_ERROR(s);
    c->kind = CExpr::Kind::kSubquery;
    c->count = e.kind == ExprKind::kCountSubquery;
    c->subquery = std::move(sub);
    return Status::OK();
  }

  // [pattern WHERE pred | expr]: the pattern's steps, the WHERE as a filter after them, and
  // the projection over the pattern's variables.
  Status PlanPatternComprehension(const Expr& e, const Scope& scope, CExpr* c) {
    Scope inner = scope;
    auto plan = std::make_shared<PatternPlan>();
    std::vector<int> rel_slots;
    PARLEY_RETURN_IF_ERROR(PlanPart(*e.pattern, &inner, {}, plan.get(), &rel_slots, nullptr));
    if (e.operands[0]) {
      Step s;
      s.kind = Step::Kind::kFilter;
      PARLEY_RETURN_IF_ERROR(Compile(*e.operands[0], inner, &s.predicate));
      plan->steps.push_back(std::move(s));
    }
    c->kind = CExpr::Kind::kPatternComprehension;
    c->pattern = std::move(plan);
    c->kids.resize(1);
    return Compile(*e.operands[1], inner, &c->kids[0]);
  }

  Status Error(SourcePos pos, const std::string& message) {
    return QueryError(text_, pos, message);
  }

  // ---------------------------------------------------------------- expressions

  // Compiles `e` against `scope`. With `aggregates` set, aggregate calls become slots filled by
  // an Aggregate operator and are appended there; otherwise an aggregate is an error.
  Status Compile(const Expr& e, const Scope& scope, CExprPtr* out,
                 std::vector<AggregateSpec>* aggregates = nullptr) {
    auto c = std::make_unique<CExpr>();
    c->pos = e.pos;
    c->op = e.op;
    if (projected_texts_ != nullptr) {
      auto it = projected_texts_->find(e.text);
      if (it != projected_texts_->end()) {
        c->kind = CExpr::Kind::kSlot;
        c->slot = it->second;
        *out = std::move(c);
        return Status::OK();
      }
    }
    switch (e.kind) {
      case ExprKind::kLiteral:
        c->kind = CExpr::Kind::kConst;
        c->value = e.value;
        break;
      case ExprKind::kParameter:
        c->kind = CExpr::Kind::kParam;
        c->name = e.name;
        break;
      case ExprKind::kVariable: {
        auto it = scope.find(e.name);
        if (it == scope.end()) return Error(e.pos, "Variable `" + e.name + "` not defined");
        c->kind = CExpr::Kind::kSlot;
        c->slot = it->second.slot;
        break;
      }
      case ExprKind::kProperty:
        c->kind = CExpr::Kind::kProperty;
        c->name = e.name;
        break;
      case ExprKind::kList:
        c->kind = CExpr::Kind::kList;
        break;
      case ExprKind::kMap:
        c->kind = CExpr::Kind::kMap;
        c->keys = e.keys;
        break;
      case ExprKind::kUnary:
        c->kind = CExpr::Kind::kUnary;
        break;
      case ExprKind::kBinary:
        c->kind = CExpr::Kind::kBinary;
        break;
      case ExprKind::kIsNull:
        c->kind = CExpr::Kind::kIsNull;
        c->negated = e.negated;
        break;
      case ExprKind::kHasLabels:
        c->kind = CExpr::Kind::kHasLabels;
        c->labels = e.labels;
        break;
      case ExprKind::kSubscript:
        c->kind = CExpr::Kind::kSubscript;
        break;
      case ExprKind::kSlice:
        c->kind = CExpr::Kind::kSlice;
        break;
      case ExprKind::kCase:
        c->kind = CExpr::Kind::kCase;
        c->has_test = e.has_test;
        c->has_else = e.has_else;
        break;
      case ExprKind::kFunction: {
        if (IsExistsCall(e) && e.operands.size() == 1 &&
            e.operands[0]->kind == ExprKind::kProperty) {
          // exists(base.key): the base, and the key to look for in it.
          const Expr& prop = *e.operands[0];
          c->kind = CExpr::Kind::kPropertyExists;
          c->name = prop.name;
          c->kids.resize(1);
          PARLEY_RETURN_IF_ERROR(Compile(*prop.operands[0], scope, &c->kids[0], aggregates));
          *out = std::move(c);
          return Status::OK();
        }
        if (IsExistsCall(e) && e.operands.size() == 1) {
          return Compile(*e.operands[0], scope, out, aggregates);  // a pattern: true if it matches
        }
        const FunctionInfo* f = LookupFunction(e.name);
        if (!f) return Error(e.pos, "Unknown function '" + e.name + "'");
        if (f->aggregate) {
          if (!aggregates) {
            return Error(e.pos,
                         "Aggregate function " + std::string(f->name) + "() is not allowed here");
          }
          AggregateSpec spec;
          spec.function = f;
          spec.distinct = e.distinct;
          spec.star = e.star;
          for (const auto& arg : e.operands) {
            if (HasAggregate(arg.get())) {
              return Error(arg->pos, "Aggregate functions cannot be nested");
            }
            CExprPtr a;
            PARLEY_RETURN_IF_ERROR(Compile(*arg, scope, &a));
            spec.args.push_back(std::move(a));
          }
          spec.slot = NewSlot();
          c->kind = CExpr::Kind::kSlot;
          c->slot = spec.slot;
          aggregates->push_back(std::move(spec));
          *out = std::move(c);
          return Status::OK();
        }
        c->kind = CExpr::Kind::kFunction;
        c->function = f;
        c->name = e.name;
        break;
      }
      case ExprKind::kPattern: {
        c->kind = CExpr::Kind::kPattern;
        Scope inner = scope;
        auto plan = std::make_shared<PatternPlan>();
        std::vector<int> rel_slots;
        PARLEY_RETURN_IF_ERROR(PlanPart(*e.pattern, &inner, {}, plan.get(), &rel_slots, nullptr));
        c->pattern = std::move(plan);
        *out = std::move(c);
        return Status::OK();
      }
      case ExprKind::kQuantifier: {
        c->kind = CExpr::Kind::kQuantifier;
        c->quantifier = e.quantifier;
        c->slot = NewSlot();
        Scope inner = scope;
        inner[e.name] = {c->slot, Kind::kValue};
        c->kids.resize(2);
        PARLEY_RETURN_IF_ERROR(Compile(*e.operands[0], scope, &c->kids[0], aggregates));
        if (e.operands[1]) PARLEY_RETURN_IF_ERROR(Compile(*e.operands[1], inner, &c->kids[1]));
        *out = std::move(c);
        return Status::OK();
      }
      case ExprKind::kReduce: {
        c->kind = CExpr::Kind::kReduce;
        c->slot = NewSlot();
        c->slot2 = NewSlot();
        Scope inner = scope;
        inner[e.name] = {c->slot, Kind::kValue};
        inner[e.element] = {c->slot2, Kind::kValue};
        c->kids.resize(3);
        PARLEY_RETURN_IF_ERROR(Compile(*e.operands[0], scope, &c->kids[0], aggregates));
        PARLEY_RETURN_IF_ERROR(Compile(*e.operands[1], scope, &c->kids[1], aggregates));
        PARLEY_RETURN_IF_ERROR(Compile(*e.operands[2], inner, &c->kids[2]));
        *out = std::move(c);
        return Status::OK();
      }
      case ExprKind::kMapProjection:
        c->kind = CExpr::Kind::kMapProjection;
        c->keys = e.keys;
        break;  // the operands (a null one for `.*`) compile below
      case ExprKind::kExists:
      case ExprKind::kCountSubquery:
        PARLEY_RETURN_IF_ERROR(PlanSubquery(e, scope, c.get()));
        *out = std::move(c);
        return Status::OK();
      case ExprKind::kPatternComprehension:
        PARLEY_RETURN_IF_ERROR(PlanPatternComprehension(e, scope, c.get()));
        *out = std::move(c);
        return Status::OK();
      case ExprKind::kListComprehension: {
        c->kind = CExpr::Kind::kListComprehension;
        c->slot = NewSlot();
        Scope inner = scope;
        inner[e.name] = {c->slot, Kind::kValue};
        c->kids.resize(3);
        PARLEY_RETURN_IF_ERROR(Compile(*e.operands[0], scope, &c->kids[0], aggregates));
        for (int i = 1; i < 3; ++i) {
          if (i < static_cast<int>(e.operands.size()) && e.operands[i]) {
            PARLEY_RETURN_IF_ERROR(Compile(*e.operands[i], inner, &c->kids[i], aggregates));
          }
        }
        *out = std::move(c);
        return Status::OK();
      }
    }
    for (const auto& k : e.operands) {
      if (!k) {
        c->kids.push_back(nullptr);
        continue;
      }
      CExprPtr kid;
      PARLEY_RETURN_IF_ERROR(Compile(*k, scope, &kid, aggregates));
      c->kids.push_back(std::move(kid));
    }
    *out = std::move(c);
    return Status::OK();
  }

  // The constraints of a `{k: v}` map (or a $param map) on a node or relationship.
  Status Constraints(const Expr* props, const Scope& scope, std::vector<PropertyConstraint>* out,
                     SourcePos pos) {
    if (!props) return Status::OK();
    if (props->kind == ExprKind::kMap) {
      for (size_t i = 0; i < props->keys.size(); ++i) {
        PropertyConstraint c;
        c.key = props->keys[i];
        PARLEY_RETURN_IF_ERROR(Compile(*props->operands[i], scope, &c.value));
        out->push_back(std::move(c));
      }
      return Status::OK();
    }
    if (props->kind == ExprKind::kParameter) {
      auto it = ctx_.params().find(props->name);
      if (it == ctx_.params().end()) {
        return Error(props->pos, "Parameter $" + props->name + " was not given (use --params)");
      }
      if (!it->second.is_map())
        return Error(props->pos, "Parameter $" + props->name + " is not a map");
      for (const auto& [k, v] : it->second.as_map()) {
        PropertyConstraint c;
        c.key = k;
        c.value = std::make_unique<CExpr>();
        c.value->value = v;
        out->push_back(std::move(c));
      }
      return Status::OK();
    }
    return Error(pos, "Expected a map of properties");
  }

  // ---------------------------------------------------------------- MATCH

  // How many nodes a start at `node` would visit (lower is better) and how to start there.
  struct Anchor {
    int64_t cost = 0;
    Step::Kind kind = Step::Kind::kScanAll;
    std::string label, key;
    const Expr* value = nullptr;
    // kIndexRange: the bounds (or, with prefix, `value` is the STARTS WITH text).
    const Expr* lower = nullptr;
    const Expr* upper = nullptr;
    bool lower_inclusive = false, upper_inclusive = false, prefix = false;
    // kIndexRange: the WHERE conjuncts the range comes from (the seek checks them; see
    // Step::range_checks).
    std::vector<const Expr*> used = {};
  };

  // A range seek on an indexed property of node variable `var` with label `label`, from the
  // WHERE conjuncts comparing it with values known before matching (n.k >= a, a < n.k,
  // n.k STARTS WITH 'x'); both bounds of one key are used together. False if none applies.
  bool RangeAnchor(const std::string& var, const std::string& label,
                   const std::vector<const Expr*>& conditions,
                   const std::function<bool(const Expr*)>& independent, Anchor* out) {
    GraphStore* store = ctx_.store();
    if (var.empty() || !store) return false;
    std::map<std::string, Anchor> by_key;
    for (const Expr* c : conditions) {
      if (c->kind != ExprKind::kBinary) continue;
      bool range = c->op == Op::kLt || c->op == Op::kLe || c->op == Op::kGt || c->op == Op::kGe;
      if (!range && c->op != Op::kStartsWith) continue;
      for (int side = 0; side < (range ? 2 : 1); ++side) {
        const Expr* prop = c->operands[side].get();
        const Expr* value = c->operands[1 - side].get();
        if (prop->kind != ExprKind::kProperty || prop->operands[0]->kind != ExprKind::kVariable ||
            prop->operands[0]->name != var || !store->IsIndexed(label, prop->name) ||
            !independent(value)) {
          continue;
        }
        Anchor& a = by_key[prop->name];
        a.kind = Step::Kind::kIndexRange;
        a.label = label;
        a.key = prop->name;
        a.used.push_back(c);
        if (!range) {
          a.prefix = true;
          a.value = value;
          continue;
        }
        // With the property on the right the comparison reads the other way round.
        Op op = c->op;
        if (side == 1) {
          op = op == Op::kLt   ? Op::kGt
               : op == Op::kLe ? Op::kGe
               : op == Op::kGt ? Op::kLt
                               : Op::kLe;
        }
        if (op == Op::kGt || op == Op::kGe) {
          a.lower = value;
          a.lower_inclusive = op == Op::kGe;
        } else {
          a.upper = value;
          a.upper_inclusive = op == Op::kLe;
        }
      }
    }
    if (by_key.empty()) return false;
    // A prefix, or both bounds, narrow more than one bound: prefer them.
    const Anchor* best = nullptr;
    for (const auto& [key, a] : by_key) {
      if (!best ||
          ((a.prefix || (a.lower && a.upper)) && !(best->prefix || (best->lower && best->upper))))
        best = &a;
    }
    *out = *best;
    // Cheaper than scanning the label, dearer than an equality seek.
    int64_t n = LabelCount(label);
    out->cost = 2 + ((out->prefix || (out->lower && out->upper)) ? n / 4 : n / 2);
    return true;
  }

  int64_t LabelCount(const std::string& label) {
    if (!stats_loaded_) {
      stats_loaded_ = true;
      if (ctx_.store()) {
        if (!ctx_.store()->GetStats(&stats_, ctx_.snapshot()).ok()) stats_ = GraphStats();
      }
    }
    auto it = stats_.labels.find(label);
    return it == stats_.labels.end() ? 0 : it->second;
  }

  // True if every relationship of `types` has a node labelled `label` at the end a walk in
  // direction `d` arrives at (by the store's pattern counts).
  bool Implied(const std::string& label, const std::vector<std::string>& types, Direction d) {
    if (types.empty()) return false;
    LabelCount("");  // loads the counts
    for (const std::string& type : types) {
      auto total = stats_.types.find(type);
      if (total == stats_.types.end()) continue;  // none stored: nothing to check
      auto count = [&](const std::map<std::pair<std::string, std::string>, int64_t>& m) {
        auto it = m.find({type, label});
        return it == m.end() ? int64_t{0} : it->second;
      };
      if (d != Direction::kIncoming && count(stats_.ends) != total->second) return false;
      if (d != Direction::kOutgoing && count(stats_.starts) != total->second) return false;
    }
    return true;
  }

  Anchor ChooseAnchor(const NodePattern& n, bool bound, const std::vector<const Expr*>& conditions,
                      const Scope& scope) {
    Anchor a;
    if (bound) {
      a.kind = Step::Kind::kCheckNode;
      a.cost = 0;
      return a;
    }
    GraphStore* store = ctx_.store();
    // An indexed property equal to a value known before matching starts.
    auto independent = [&](const Expr* v) {
      std::set<std::string> vars;
      Variables(v, &vars);
      for (const auto& name : vars) {
        if (!scope.count(name)) return false;
      }
      return true;
    };
    if (store) {
      for (const std::string& label : n.labels) {
        if (n.properties && n.properties->kind == ExprKind::kMap) {
          for (size_t i = 0; i < n.properties->keys.size(); ++i) {
            if (store->IsIndexed(label, n.properties->keys[i]) &&
                independent(n.properties->operands[i].get())) {
              return {1, Step::Kind::kIndexSeek, label, n.properties->keys[i],
                      n.properties->operands[i].get()};
            }
          }
        }
        for (const Expr* c : conditions) {
          if (c->kind != ExprKind::kBinary || c->op != Op::kEq) continue;
          for (int side = 0; side < 2; ++side) {
            const Expr* prop = c->operands[side].get();
            const Expr* value = c->operands[1 - side].get();
            if (prop->kind == ExprKind::kProperty &&
                prop->operands[0]->kind == ExprKind::kVariable &&
                prop->operands[0]->name == n.variable && !n.variable.empty() &&
                store->IsIndexed(label, prop->name) && independent(value)) {
              return {1, Step::Kind::kIndexSeek, label, prop->name, value};
            }
          }
        }
      }
    }
    if (store) {
      // A range of an indexed property: the cheapest range over the node's labels.
      Anchor best;
      for (const std::string& label : n.labels) {
        Anchor r;
        if (RangeAnchor(n.variable, label, conditions, independent, &r) &&
            (best.kind != Step::Kind::kIndexRange || r.cost < best.cost)) {
          best = r;
        }
      }
      if (best.kind == Step::Kind::kIndexRange) return best;
    }
    if (!n.labels.empty()) {
      a.kind = Step::Kind::kScanLabel;
      a.label = n.labels[0];
      a.cost = LabelCount(a.label);
      for (const std::string& l : n.labels) {
        int64_t c = LabelCount(l);
        if (c < a.cost) {
          a.cost = c;
          a.label = l;
        }
      }
      a.cost += 2;  // any anchor with a label beats a full scan of as many nodes
      return a;
    }
    a.kind = Step::Kind::kScanAll;
    LabelCount("");  // loads the counts
    a.cost = stats_.nodes + 3;
    return a;
  }

  // The step that binds (or checks) node `np` into `slot` the way `anchor` says: its labels
  // (the scanned or sought one first: the matcher takes it as given), its property map and,
  // for a seek, the value sought.
  Status StartStep(const NodePattern& np, const Anchor& anchor, int slot, const Scope& scope,
                   Step* s) {
    s->kind = anchor.kind;
    s->node_slot = slot;
    s->labels = np.labels;
    if (s->kind == Step::Kind::kScanLabel || s->kind == Step::Kind::kIndexSeek ||
        s->kind == Step::Kind::kIndexRange) {
      s->labels.erase(std::find(s->labels.begin(), s->labels.end(), anchor.label));
      s->labels.insert(s->labels.begin(), anchor.label);
    }
    PARLEY_RETURN_IF_ERROR(Constraints(np.properties.get(), scope, &s->node_props, np.pos));
    if (s->kind == Step::Kind::kIndexSeek) {
      s->index_key = anchor.key;
      PARLEY_RETURN_IF_ERROR(Compile(*anchor.value, scope, &s->index_value));
    }
    if (s->kind == Step::Kind::kIndexRange) {
      s->index_key = anchor.key;
      s->index_prefix = anchor.prefix;
      s->lower_inclusive = anchor.lower_inclusive;
      s->upper_inclusive = anchor.upper_inclusive;
      if (anchor.prefix) PARLEY_RETURN_IF_ERROR(Compile(*anchor.value, scope, &s->index_value));
      if (anchor.lower) PARLEY_RETURN_IF_ERROR(Compile(*anchor.lower, scope, &s->index_lower));
      if (anchor.upper) PARLEY_RETURN_IF_ERROR(Compile(*anchor.upper, scope, &s->index_upper));
      // The conditions the range stands for, checked by the seek instead of by Filters.
      Scope with = scope;
      if (!np.variable.empty()) with[np.variable] = {slot, Kind::kNode};
      for (const Expr* c : anchor.used) {
        CExprPtr check;
        PARLEY_RETURN_IF_ERROR(Compile(*c, with, &check));
        s->range_checks.push_back(std::move(check));
        in_seek_.insert(c);
      }
    }
    return Status::OK();
  }

  // The node variable's slot, binding a new one if needed. Anonymous nodes get hidden slots.
  Status NodeSlot(const NodePattern& n, Scope* scope, int* slot, bool* bound) {
    if (n.variable.empty()) {
      *slot = NewSlot();
      *bound = false;
      return Status::OK();
    }
    auto it = scope->find(n.variable);
    if (it != scope->end()) {
      if (it->second.kind != Kind::kNode && it->second.kind != Kind::kValue) {
        return Error(n.pos, "Variable `" + n.variable + "` is not a node");
      }
      *slot = it->second.slot;
      *bound = true;
      return Status::OK();
    }
    *slot = NewSlot();
    *bound = false;
    return Status::OK();
  }

  // Plans one pattern part into `plan`: an anchor, then expansions to the right and to the
  // left of it. `conditions` are WHERE conjuncts that the anchor may use for an index seek.
  // Appends the relationship slots it binds to `rel_slots` (uniqueness across the pattern)
  // and conditions consumed... (none are consumed: the caller places them as filters).
  Status PlanPart(const PatternPart& part, Scope* scope, const std::vector<const Expr*>& conditions,
                  PatternPlan* plan, std::vector<int>* rel_slots,
                  const std::function<Status()>& after_step) {
    size_t n = part.nodes.size();
    // Which nodes are bound already (by an earlier clause or part), and the cheapest anchor.
    size_t anchor_index = 0;
    Anchor best;
    best.cost = INT64_MAX;
    for (size_t i = 0; i < n; ++i) {
      const NodePattern& np = part.nodes[i];
      bool bound = !np.variable.empty() && scope->count(np.variable);
      Anchor a = ChooseAnchor(np, bound, conditions, *scope);
      if (a.cost < best.cost) {
        best = a;
        anchor_index = i;
      }
    }
    std::vector<int> node_slots(n, -1);
    std::vector<int> rel_slot_of(part.rels.size(), -1);
    std::vector<int> rel_nodes_of(part.rels.size(), -1);
    std::vector<int> sought(n, -1);  // nodes found by an index seek before the walk to them

    // The anchor.
    {
      const NodePattern& np = part.nodes[anchor_index];
      int slot;
      bool bound;
      PARLEY_RETURN_IF_ERROR(NodeSlot(np, scope, &slot, &bound));
      Step s;
      PARLEY_RETURN_IF_ERROR(StartStep(np, best, slot, *scope, &s));
      if (!np.variable.empty()) (*scope)[np.variable] = {slot, Kind::kNode};
      if (!bound) plan->new_slots.push_back(slot);
      node_slots[anchor_index] = slot;
      plan->steps.push_back(std::move(s));
      if (after_step) PARLEY_RETURN_IF_ERROR(after_step());
    }
    // Walk right, then left.
    auto expand = [&](size_t rel_index, size_t from_index, size_t to_index,
                      bool backwards) -> Status {
      const RelPattern& rp = part.rels[rel_index];
      const NodePattern& to = part.nodes[to_index];
      // A variable-length walk towards a node an index can find: find it first, so that the
      // walk knows its goal (it then prunes what cannot reach it; see the matcher).
      if (rp.variable_length && !(!to.variable.empty() && scope->count(to.variable))) {
        Anchor seek = ChooseAnchor(to, false, conditions, *scope);
        if (seek.kind == Step::Kind::kIndexSeek) {
          int slot;
          bool bound;
          PARLEY_RETURN_IF_ERROR(NodeSlot(to, scope, &slot, &bound));
          Step s;
          PARLEY_RETURN_IF_ERROR(StartStep(to, seek, slot, *scope, &s));
          // Named or not, the node is bound from here on (an anonymous one by a hidden name).
          std::string name = to.variable.empty() ? " seek" + std::to_string(slot) : to.variable;
          (*scope)[name] = {slot, Kind::kNode};
          plan->new_slots.push_back(slot);
          plan->steps.push_back(std::move(s));
          sought[to_index] = slot;
        }
      }
      Step s;
      s.kind = rp.variable_length ? Step::Kind::kVarExpand : Step::Kind::kExpand;
      s.from_slot = node_slots[from_index];
      s.types = rp.types;
      Direction d = rp.direction == RelDirection::kBoth    ? Direction::kBoth
                    : rp.direction == RelDirection::kRight ? Direction::kOutgoing
                                                           : Direction::kIncoming;
      if (backwards && d != Direction::kBoth) {
        d = d == Direction::kOutgoing ? Direction::kIncoming : Direction::kOutgoing;
      }
      s.direction = d;
      s.min_hops = rp.variable_length ? rp.min_hops : 1;
      s.max_hops = rp.variable_length ? rp.max_hops : 1;
      PARLEY_RETURN_IF_ERROR(Constraints(rp.properties.get(), *scope, &s.rel_props, rp.pos));
      // The relationship's slot.
      int rslot = NewSlot();
      Step check;  // a relationship variable bound by an earlier clause: the same one again
      bool rebound = false;
      if (!rp.variable.empty()) {
        auto it = scope->find(rp.variable);
        if (it != scope->end()) {
          rebound = true;
          check.kind = Step::Kind::kFilter;
          auto eq = std::make_unique<CExpr>();
          eq->kind = CExpr::Kind::kBinary;
          eq->op = Op::kEq;
          eq->pos = rp.pos;
          auto l = std::make_unique<CExpr>();
          l->kind = CExpr::Kind::kSlot;
          l->slot = rslot;
          auto r = std::make_unique<CExpr>();
          r->kind = CExpr::Kind::kSlot;
          r->slot = it->second.slot;
          eq->kids.push_back(std::move(l));
          eq->kids.push_back(std::move(r));
          check.predicate = std::move(eq);
        } else {
          (*scope)[rp.variable] = {rslot,
                                   rp.variable_length ? Kind::kRelList : Kind::kRelationship};
        }
      }
      if (!rebound) plan->new_slots.push_back(rslot);
      s.rel_slot = rslot;
      s.rel_id_only = rp.variable.empty() && !rp.variable_length && !rp.properties &&
                      part.path_variable.empty();
      s.distinct_from = *rel_slots;
      rel_slots->push_back(rslot);
      rel_slot_of[rel_index] = rslot;
      s.reversed = backwards && rp.variable_length;
      if (rp.variable_length && !part.path_variable.empty()) {
        s.path_nodes_slot = NewSlot();
        rel_nodes_of[rel_index] = s.path_nodes_slot;
      }
      // The far node.
      int slot;
      bool bound;
      if (sought[to_index] >= 0) {
        slot = sought[to_index];
        bound = true;
      } else {
        PARLEY_RETURN_IF_ERROR(NodeSlot(to, scope, &slot, &bound));
      }
      s.to_slot = slot;
      s.to_bound = bound;
      for (const std::string& label : to.labels) {
        // A label every relationship of these types guarantees at this end needs no check
        // (unless a zero-length walk may stop on the start node).
        if (s.min_hops > 0 && Implied(label, rp.types, d)) continue;
        s.labels.push_back(label);
      }
      PARLEY_RETURN_IF_ERROR(Constraints(to.properties.get(), *scope, &s.node_props, to.pos));
      if (!to.variable.empty()) (*scope)[to.variable] = {slot, Kind::kNode};
      if (!bound) plan->new_slots.push_back(slot);
      if (sought[to_index] >= 0) {  // checked by the seek already
        s.node_props.clear();
        s.labels.clear();
      }
      node_slots[to_index] = slot;
      plan->steps.push_back(std::move(s));
      if (rebound) plan->steps.push_back(std::move(check));
      if (after_step) PARLEY_RETURN_IF_ERROR(after_step());
      return Status::OK();
    };
    for (size_t i = anchor_index; i + 1 < n; ++i)
      PARLEY_RETURN_IF_ERROR(expand(i, i, i + 1, false));
    for (size_t i = anchor_index; i > 0; --i) PARLEY_RETURN_IF_ERROR(expand(i - 1, i, i - 1, true));

    if (!part.path_variable.empty()) {
      Step s;
      s.kind = Step::Kind::kBuildPath;
      s.path_slot = NewSlot();
      s.path_node_slots = node_slots;
      s.path_rel_slots = rel_slot_of;
      s.path_rel_nodes = rel_nodes_of;
      for (const auto& rp : part.rels) s.path_rel_var.push_back(rp.variable_length);
      (*scope)[part.path_variable] = {s.path_slot, Kind::kPath};
      plan->new_slots.push_back(s.path_slot);
      plan->steps.push_back(std::move(s));
      if (after_step) PARLEY_RETURN_IF_ERROR(after_step());
    }
    part_node_slots_ = std::move(node_slots);
    part_rel_slots_ = std::move(rel_slot_of);
    return Status::OK();
  }

  // shortestPath((a)-[...]-(b)) / allShortestPaths(...): each end is matched on its own (a
  // bound node is checked), then one step finds the shortest paths between them. WHERE
  // conditions on the path or its relationships go into that step, which then seeks the
  // shortest paths that pass them; the others are placed as usual by `place`.
  Status PlanShortestPart(const PatternPart& part, Scope* scope,
                          const std::vector<const Expr*>& conditions, std::vector<bool>* placed,
                          PatternPlan* plan, std::vector<int>* rel_slots,
                          const std::function<Status()>& place) {
    int ends[2];
    for (int i = 0; i < 2; ++i) {
      const NodePattern& np = part.nodes[i];
      bool named_bound = !np.variable.empty() && scope->count(np.variable);
      Anchor anchor = ChooseAnchor(np, named_bound, conditions, *scope);
      int slot;
      bool bound;
      PARLEY_RETURN_IF_ERROR(NodeSlot(np, scope, &slot, &bound));
      Step s;
      PARLEY_RETURN_IF_ERROR(StartStep(np, anchor, slot, *scope, &s));
      if (!np.variable.empty()) (*scope)[np.variable] = {slot, Kind::kNode};
      if (!bound) plan->new_slots.push_back(slot);
      plan->steps.push_back(std::move(s));
      ends[i] = slot;
      PARLEY_RETURN_IF_ERROR(place());
    }
    const RelPattern& rp = part.rels[0];
    Step s;
    s.kind = Step::Kind::kShortestPath;
    s.all_shortest = part.selector == PathSelector::kAllShortest;
    s.from_slot = ends[0];
    s.to_slot = ends[1];
    s.types = rp.types;
    s.direction = rp.direction == RelDirection::kBoth    ? Direction::kBoth
                  : rp.direction == RelDirection::kRight ? Direction::kOutgoing
                                                         : Direction::kIncoming;
    s.min_hops = rp.variable_length ? rp.min_hops : 1;
    s.max_hops = rp.variable_length ? rp.max_hops : 1;
    s.rel_list = rp.variable_length;
    PARLEY_RETURN_IF_ERROR(Constraints(rp.properties.get(), *scope, &s.rel_props, rp.pos));
    s.distinct_from = *rel_slots;
    std::set<std::string> own;  // the names this part binds besides its ends
    if (!rp.variable.empty()) {
      if (scope->count(rp.variable)) {
        return Error(rp.pos, "Variable `" + rp.variable + "` already declared");
      }
      s.rel_slot = NewSlot();
      (*scope)[rp.variable] = {s.rel_slot,
                               rp.variable_length ? Kind::kRelList : Kind::kRelationship};
      plan->new_slots.push_back(s.rel_slot);
      rel_slots->push_back(s.rel_slot);
      own.insert(rp.variable);
    }
    if (!part.path_variable.empty()) {
      s.path_slot = NewSlot();
      (*scope)[part.path_variable] = {s.path_slot, Kind::kPath};
      plan->new_slots.push_back(s.path_slot);
      own.insert(part.path_variable);
    }
    for (size_t i = 0; i < conditions.size(); ++i) {
      if ((*placed)[i]) continue;
      std::set<std::string> vars;
      Variables(conditions[i], &vars);
      bool ready = std::all_of(vars.begin(), vars.end(),
                               [&](const std::string& v) { return scope->count(v) > 0; });
      bool on_path = std::any_of(vars.begin(), vars.end(),
                                 [&](const std::string& v) { return own.count(v) > 0; });
      if (!ready || !on_path) continue;
      CExprPtr f;
      PARLEY_RETURN_IF_ERROR(Compile(*conditions[i], *scope, &f));
      s.path_filters.push_back(std::move(f));
      (*placed)[i] = true;
    }
    plan->steps.push_back(std::move(s));
    return place();
  }

  Status PlanMatch(const Clause& c) {
    auto plan = std::make_shared<PatternPlan>();
    std::vector<const Expr*> conditions;
    Conjuncts(c.where.get(), &conditions);
    std::vector<bool> placed(conditions.size(), false);
    Scope scope = scope_;
    // The names bound once the whole pattern is: a condition waits for those it reads (any
    // other name it mentions is local to a comprehension or subquery inside it).
    std::set<std::string> bound_by_end;
    for (const auto& [name, sym] : scope_) bound_by_end.insert(name);
    for (const auto& part : c.pattern.parts) PatternVariables(part, &bound_by_end);
    // Places each WHERE condition right after the step that binds its last variable.
    auto place = [&]() -> Status {
      for (size_t i = 0; i < conditions.size(); ++i) {
        if (placed[i]) continue;
        if (in_seek_.count(conditions[i])) {  // a range seek checks it
          placed[i] = true;
          continue;
        }
        std::set<std::string> vars;
        Variables(conditions[i], &vars);
        if (vars.erase("*")) vars.insert(bound_by_end.begin(), bound_by_end.end());
        bool ready = std::all_of(vars.begin(), vars.end(), [&](const std::string& v) {
          return scope.count(v) > 0 || !bound_by_end.count(v);
        });
        if (!ready) continue;
        Step s;
        s.kind = Step::Kind::kFilter;
        PARLEY_RETURN_IF_ERROR(Compile(*conditions[i], scope, &s.predicate));
        plan->steps.push_back(std::move(s));
        placed[i] = true;
      }
      return Status::OK();
    };
    PARLEY_RETURN_IF_ERROR(place());  // conditions on earlier clauses' variables only
    // Parts in order, but one that touches an already bound node goes first.
    std::vector<const PatternPart*> parts;
    for (const auto& p : c.pattern.parts) parts.push_back(&p);
    std::vector<int> rel_slots;
    std::vector<bool> done(parts.size(), false);
    // Shortest-path parts come after the others, which may bind their ends.
    size_t plain_left = 0;
    for (const PatternPart* p : parts) plain_left += p->selector == PathSelector::kAll;
    for (size_t k = 0; k < parts.size(); ++k) {
      size_t pick = SIZE_MAX;
      auto waits = [&](size_t i) {
        return plain_left > 0 && parts[i]->selector != PathSelector::kAll;
      };
      for (size_t i = 0; i < parts.size() && pick == SIZE_MAX; ++i) {
        if (done[i] || waits(i)) continue;
        for (const auto& n : parts[i]->nodes) {
          if (!n.variable.empty() && scope.count(n.variable)) {
            pick = i;
            break;
          }
        }
      }
      if (pick == SIZE_MAX) {
        for (size_t i = 0; i < parts.size(); ++i) {
          if (!done[i] && !waits(i)) {
            pick = i;
            break;
          }
        }
      }
      done[pick] = true;
      if (parts[pick]->selector != PathSelector::kAll) {
        PARLEY_RETURN_IF_ERROR(PlanShortestPart(*parts[pick], &scope, conditions, &placed,
                                                plan.get(), &rel_slots, place));
        continue;
      }
      --plain_left;
      PARLEY_RETURN_IF_ERROR(
          PlanPart(*parts[pick], &scope, conditions, plan.get(), &rel_slots, place));
    }
    PARLEY_RETURN_IF_ERROR(place());
    for (size_t i = 0; i < conditions.size(); ++i) {
      if (!placed[i]) {
        std::set<std::string> vars;
        Variables(conditions[i], &vars);
        for (const auto& v : vars) {
          if (!scope.count(v)) return Error(conditions[i]->pos, "Variable `" + v + "` not defined");
        }
      }
    }
    scope_ = std::move(scope);
    std::shared_ptr<PatternPlan> kept = c.optional ? nullptr : plan;
    op_ = MakeMatch(std::move(op_), std::move(plan), c.optional, ctx_);
    last_match_ = std::move(kept);
    last_match_op_ = op_.get();
    return Status::OK();
  }

  // ---------------------------------------------------------------- whole-graph chains

  // Marks the last MATCH's final variable-length step `distinct_ends` when the rows it makes
  // go straight into a projection that deduplicates them (the caller has checked that) and
  // nothing reads its relationships: the same ends then come out, each once (reach.h).
  void DistinctEnds() {
    if (!last_match_ || op_.get() != last_match_op_ || updates_) return;
    auto& steps = last_match_->steps;
    size_t k = steps.size();
    while (k > 0 && steps[k - 1].kind == Step::Kind::kFilter) --k;
    if (k == 0) return;
    Step& s = steps[k - 1];
    if (s.kind != Step::Kind::kVarExpand || s.path_nodes_slot >= 0 || !s.rel_props.empty() ||
        !ReachSupported(s.min_hops, s.max_hops)) {
      return;
    }
    for (const auto& [name, sym] : scope_) {
      if (sym.slot == s.rel_slot) return;  // a named relationship list: someone may read it
    }
    s.distinct_ends = true;
  }

  // Makes the last MATCH count its matches instead of yielding a row for each, when its rows go
  // straight into an aggregation whose aggregates are all count(*) and whose items (`read`:
  // the names they read) read nothing the counted step binds; each count(*) then adds up the
  // counts (Step::count_slot). Two shapes: a final variable-length step between two bound
  // nodes, followed by nothing but path building (its walks counted from both ends,
  // walk_count.h); and a MATCH that is one index range seek of a node with no other label or
  // property to check (the index keys counted, no node read).
  void CountedRows(const std::set<std::string>& read, std::vector<AggregateSpec>* aggs) {
    if (!last_match_ || op_.get() != last_match_op_ || updates_ || aggs->empty()) return;
    for (const AggregateSpec& a : *aggs) {
      if (!a.star || a.distinct) return;
    }
    auto& steps = last_match_->steps;
    size_t k = steps.size();
    std::set<int> unread;  // slots the items must not read
    while (k > 0 && steps[k - 1].kind == Step::Kind::kBuildPath) {
      unread.insert(steps[k - 1].path_slot);
      --k;
    }
    if (k == 0) return;
    Step& s = steps[k - 1];
    if (s.count_slot >= 0) return;
    if (s.kind == Step::Kind::kVarExpand) {
      if (s.distinct_ends || !s.to_bound || !s.rel_props.empty() ||
          !WalkCountSupported(s.direction, s.min_hops, s.max_hops)) {
        return;
      }
      unread.insert(s.rel_slot);
      if (s.path_nodes_slot >= 0) unread.insert(s.path_nodes_slot);
    } else if (s.kind == Step::Kind::kIndexRange) {
      if (k != 1 || s.labels.size() != 1 || !s.node_props.empty()) return;
      unread.insert(s.node_slot);
    } else {
      return;
    }
    for (const std::string& name : read) {
      auto it = scope_.find(name);
      if (name == "*" || (it != scope_.end() && unread.count(it->second.slot))) return;
    }
    steps.resize(k);  // nothing reads the paths
    s.count_slot = NewSlot();
    for (AggregateSpec& a : *aggs) {
      auto weight = std::make_unique<CExpr>();
      weight->kind = CExpr::Kind::kSlot;
      weight->slot = s.count_slot;
      a.args.push_back(std::move(weight));
    }
  }

  // Rows of the chain `part` that a row-by-row plan would seek adjacency lists for: the
  // smallest label's nodes, then the relationships leaving them along the chain (from the
  // store's pattern counts).
  int64_t ChainSeeks(const PatternPart& part) {
    LabelCount("");  // loads the counts
    size_t best = 0;
    int64_t best_count = INT64_MAX;
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      int64_t c = stats_.nodes;
      for (const std::string& l : part.nodes[i].labels) c = std::min(c, LabelCount(l));
      if (c < best_count) {
        best_count = c;
        best = i;
      }
    }
    if (part.rels.size() < 2) return best_count;
    // The row plan walks right from the anchor first, then left.
    size_t r = best + 1 < part.nodes.size() ? best : best - 1;
    bool walks_right = r == best;
    const RelPattern& rp = part.rels[r];
    // The anchor is the start of rp if rp points away from it.
    bool anchor_is_start = (rp.direction == RelDirection::kRight) == walks_right;
    int64_t rows = 0;
    for (const std::string& t : rp.types) {
      int64_t n = 0;
      auto total = stats_.types.find(t);
      if (total != stats_.types.end()) n = total->second;
      for (const std::string& l : part.nodes[best].labels) {
        auto& m = anchor_is_start ? stats_.starts : stats_.ends;
        auto it = m.find({t, l});
        n = std::min(n, it == m.end() ? int64_t{0} : it->second);
      }
      rows += n;
    }
    return best_count + rows;
  }

  // Plans `match` as the input of a ChainCount when `next` aggregates it in a shape that
  // operator answers (chain_plan.h) and a row-by-row plan would seek more adjacency lists than
  // a whole scan reads entries (a seek costs about as much as reading 30 entries in order, and
  // the scan runs on two threads). Sets *planned; the aggregation is made by PlanProjection.
  Status PlanChainMatch(const Clause& match, const Clause& next, bool* planned) {
    *planned = false;
    // A query that writes reads through its own changes, which the whole-store scan would miss.
    if (!ctx_.store() || updates_ ||
        (next.kind != ClauseKind::kWith && next.kind != ClauseKind::kReturn))
      return Status::OK();
    ChainShape shape;
    if (!ChainCountShape(match, next.projection, &shape)) return Status::OK();
    const PatternPart& part = match.pattern.parts[0];
    if (30 * ChainSeeks(part) <= stats_.relationships / 2) return Status::OK();
    auto spec = std::make_unique<ChainCountSpec>();
    size_t n = part.nodes.size();
    for (size_t i = 0; i < n; ++i) {
      const NodePattern& np = part.nodes[i];
      ChainNode cn;
      cn.name = np.variable;
      cn.slot = NewSlot();
      cn.known = np.labels;
      for (const std::string& label : np.labels) {
        auto dir = [](bool arriving_at_end) {
          return arriving_at_end ? Direction::kOutgoing : Direction::kIncoming;
        };
        bool implied = false;
        if (i > 0) {  // reached from the left
          const RelPattern& r = part.rels[i - 1];
          implied = Implied(label, r.types, dir(r.direction == RelDirection::kRight));
        }
        if (!implied && i + 1 < n) {  // reached from the right
          const RelPattern& r = part.rels[i];
          implied = Implied(label, r.types, dir(r.direction == RelDirection::kLeft));
        }
        if (!implied) cn.labels.push_back(label);
      }
      if (!np.variable.empty()) scope_[np.variable] = {cn.slot, Kind::kNode};
      spec->nodes.push_back(std::move(cn));
    }
    for (const RelPattern& rp : part.rels) {
      ChainRel r;
      r.types = rp.types;
      r.forward = rp.direction == RelDirection::kRight;
      spec->rels.push_back(std::move(r));
    }
    spec->width = &plan_->width;
    chain_ = std::move(spec);
    chain_shape_ = shape;
    *planned = true;
    return Status::OK();
  }

  // The ChainCount answering projection `p` over the chain PlanChainMatch planned: `keys`
  // (compiled non-aggregate items, item `key_items[k]` each) into `key_slots`, the single
  // count(*) of `aggs`.
  Status PlanChainAggregate(std::unique_ptr<ChainCountSpec> chain, const Projection& p,
                            std::vector<CExprPtr> keys, const std::vector<int>& key_slots,
                            const std::vector<size_t>& key_items,
                            const std::vector<AggregateSpec>& aggs) {
    ChainCountSpec spec = std::move(*chain);
    for (size_t k = 0; k < keys.size(); ++k) {
      ChainNode& node = spec.nodes[chain_shape_.item_node[key_items[k]]];
      node.keys.push_back(std::move(keys[k]));
      node.key_slots.push_back(key_slots[k]);
    }
    spec.count_slot = aggs.at(0).slot;
    if (p.order_by.size() == 1 && p.limit &&
        SortsByCount(p, *p.order_by[0].expr, chain_shape_.count_item)) {
      int64_t skip = 0, limit = 0;
      if (p.skip) PARLEY_RETURN_IF_ERROR(Count(*p.skip, "SKIP", &skip));
      PARLEY_RETURN_IF_ERROR(Count(*p.limit, "LIMIT", &limit));
      spec.top_k = skip + limit;
      spec.top_descending = p.order_by[0].descending;
    }
    op_ = MakeChainCount(std::move(spec), ctx_);
    return Status::OK();
  }

  // ---------------------------------------------------------------- CREATE

  Status PlanCreate(const Clause& c) {
    plan_->writes = true;
    std::vector<CreatePart> parts;
    for (const PatternPart& part : c.pattern.parts) {
      CreatePart cp;
      std::vector<int> node_slots;
      for (const NodePattern& n : part.nodes) {
        CreateNode cn;
        auto it = n.variable.empty() ? scope_.end() : scope_.find(n.variable);
        if (it != scope_.end()) {
          if (it->second.kind != Kind::kNode && it->second.kind != Kind::kValue) {
            return Error(n.pos, "Variable `" + n.variable + "` is not a node");
          }
          if (!n.labels.empty() || n.properties) {
            return Error(n.pos, "Variable `" + n.variable + "` already declared");
          }
          cn.slot = it->second.slot;
          cn.bound = true;
        } else {
          cn.slot = NewSlot();
          cn.labels = n.labels;
          if (n.properties) PARLEY_RETURN_IF_ERROR(Compile(*n.properties, scope_, &cn.properties));
          if (!n.variable.empty()) scope_[n.variable] = {cn.slot, Kind::kNode};
        }
        node_slots.push_back(cn.slot);
        cp.nodes.push_back(std::move(cn));
      }
      for (size_t i = 0; i < part.rels.size(); ++i) {
        const RelPattern& rp = part.rels[i];
        if (rp.types.size() != 1) {
          return Error(rp.pos, "A relationship to create needs exactly one type");
        }
        if (rp.direction == RelDirection::kBoth) {
          return Error(rp.pos, "A relationship to create needs a direction");
        }
        if (rp.variable_length) {
          return Error(rp.pos, "A variable-length relationship cannot be created");
        }
        if (!rp.variable.empty() && scope_.count(rp.variable)) {
          return Error(rp.pos, "Variable `" + rp.variable + "` already declared");
        }
        CreateRel cr;
        cr.slot = NewSlot();
        cr.type = rp.types[0];
        cr.from = node_slots[rp.direction == RelDirection::kRight ? i : i + 1];
        cr.to = node_slots[rp.direction == RelDirection::kRight ? i + 1 : i];
        if (rp.properties) PARLEY_RETURN_IF_ERROR(Compile(*rp.properties, scope_, &cr.properties));
        if (!rp.variable.empty()) scope_[rp.variable] = {cr.slot, Kind::kRelationship};
        cp.path_rel_slots.push_back(cr.slot);
        cp.rels.push_back(std::move(cr));
      }
      if (!part.path_variable.empty()) {
        cp.path_slot = NewSlot();
        cp.path_node_slots = node_slots;
        scope_[part.path_variable] = {cp.path_slot, Kind::kPath};
      }
      parts.push_back(std::move(cp));
    }
    if (reads_graph_) {
      WrapUpdate([&](OperatorPtr in) { return MakeCreate(std::move(in), std::move(parts), ctx_); });
    } else {
      // Nothing else reads the graph: rows stream through, and only the end is made sure of.
      op_ = MakeCreate(std::move(op_), std::move(parts), ctx_);
      std::function<Status()> finish;
      op_ = MakeEager(std::move(op_), /*hold=*/false, ctx_, &finish);
      plan_->finish.push_back(std::move(finish));
    }
    return Status::OK();
  }

  // ---------------------------------------------------------------- SET, REMOVE, DELETE, MERGE

  // Puts the update `make` builds between two Eager buffers (see update_operators.h), and has
  // the query finish it even when a LIMIT stops reading early.
  void WrapUpdate(const std::function<OperatorPtr(OperatorPtr)>& make) {
    std::function<Status()> unused, finish;
    op_ = MakeEager(std::move(op_), /*hold=*/true, ctx_, &unused);
    op_ = make(std::move(op_));
    op_ = MakeEager(std::move(op_), /*hold=*/true, ctx_, &finish);
    plan_->finish.push_back(std::move(finish));
  }

  Status CompileSetItems(const std::vector<SetItem>& items, bool remove,
                         std::vector<SetAction>* out) {
    for (const SetItem& item : items) {
      SetAction a;
      a.kind = item.kind;
      a.remove = remove;
      a.pos = item.pos;
      a.key = item.key;
      a.labels = item.labels;
      PARLEY_RETURN_IF_ERROR(Compile(*item.target, scope_, &a.target));
      if (item.value) PARLEY_RETURN_IF_ERROR(Compile(*item.value, scope_, &a.value));
      out->push_back(std::move(a));
    }
    return Status::OK();
  }

  Status PlanSet(const Clause& c) {
    plan_->writes = true;
    std::vector<SetAction> actions;
    bool remove = c.kind == ClauseKind::kRemove;
    PARLEY_RETURN_IF_ERROR(CompileSetItems(c.set_items, remove, &actions));
    WrapUpdate(
        [&](OperatorPtr in) { return MakeSet(std::move(in), std::move(actions), remove, ctx_); });
    return Status::OK();
  }

  Status PlanDelete(const Clause& c) {
    plan_->writes = true;
    std::vector<CExprPtr> targets;
    for (const ExprPtr& e : c.deletes) {
      targets.emplace_back();
      PARLEY_RETURN_IF_ERROR(Compile(*e, scope_, &targets.back()));
    }
    WrapUpdate([&](OperatorPtr in) {
      return MakeDelete(std::move(in), std::move(targets), c.detach, ctx_);
    });
    return Status::OK();
  }

  // MERGE: the pattern is matched as MATCH would (bound variables fixed), and created into the
  // same slots when no match exists.
  Status PlanMerge(const Clause& c) {
    plan_->writes = true;
    const PatternPart& part = c.pattern.parts[0];
    MergeSpec spec;
    spec.match = std::make_shared<PatternPlan>();
    Scope scope = scope_;
    std::vector<int> rel_slots;
    PARLEY_RETURN_IF_ERROR(PlanPart(part, &scope, {}, spec.match.get(), &rel_slots, nullptr));
    CreatePart cp;
    std::set<std::string> made;  // variables this pattern makes, once each
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      const NodePattern& n = part.nodes[i];
      CreateNode cn;
      cn.slot = part_node_slots_[i];
      cn.bound = !n.variable.empty() && (scope_.count(n.variable) || made.count(n.variable));
      if (!n.variable.empty()) made.insert(n.variable);
      if (!cn.bound) {
        cn.labels = n.labels;
        if (n.properties) {
          PARLEY_RETURN_IF_ERROR(Compile(*n.properties, scope_, &cn.properties));
          spec.checks.emplace_back();
          PARLEY_RETURN_IF_ERROR(Compile(*n.properties, scope_, &spec.checks.back()));
        }
      }
      cp.nodes.push_back(std::move(cn));
    }
    for (size_t i = 0; i < part.rels.size(); ++i) {
      const RelPattern& rp = part.rels[i];
      CreateRel cr;
      cr.slot = part_rel_slots_[i];
      cr.type = rp.types[0];
      // An undirected MERGE matches either way and creates left to right.
      bool left = rp.direction == RelDirection::kLeft;
      cr.from = part_node_slots_[left ? i + 1 : i];
      cr.to = part_node_slots_[left ? i : i + 1];
      if (rp.properties) {
        PARLEY_RETURN_IF_ERROR(Compile(*rp.properties, scope_, &cr.properties));
        spec.checks.emplace_back();
        PARLEY_RETURN_IF_ERROR(Compile(*rp.properties, scope_, &spec.checks.back()));
      }
      cp.path_rel_slots.push_back(cr.slot);
      cp.rels.push_back(std::move(cr));
    }
    if (!part.path_variable.empty()) {
      cp.path_slot = scope[part.path_variable].slot;
      cp.path_node_slots = part_node_slots_;
    }
    spec.create.push_back(std::move(cp));
    scope_ = std::move(scope);
    PARLEY_RETURN_IF_ERROR(CompileSetItems(c.on_create, false, &spec.on_create));
    PARLEY_RETURN_IF_ERROR(CompileSetItems(c.on_match, false, &spec.on_match));
    WrapUpdate([&](OperatorPtr in) { return MakeMerge(std::move(in), std::move(spec), ctx_); });
    return Status::OK();
  }

  // ---------------------------------------------------------------- CALL

  // CALL proc(args) [YIELD ...] [WHERE ...] (checked by semantic.cc). A standalone call
  // returns what it yields: every output, without YIELD or with YIELD *.
  Status PlanCall(const Clause& c, bool standalone) {
    const ProcedureCall& call = c.call;
    const ProcedureInfo* proc = LookupProcedure(call.name);
    if (!proc)
      return Error(call.name_pos, "There is no procedure with the name '" + call.name + "'");
    std::vector<CExprPtr> args;
    if (call.implicit_arguments) {
      for (const ProcedureParam& param : proc->params) {
        auto it = ctx_.params().find(param.name);
        if (it == ctx_.params().end() && param.default_value) {
          auto k = std::make_unique<CExpr>();
          k->kind = CExpr::Kind::kConst;
          k->value = *param.default_value;
          args.push_back(std::move(k));
          continue;
        }
        if (it == ctx_.params().end()) {
          return Error(call.name_pos, "Parameter $" + param.name + " was not given: CALL " +
                                          call.name +
                                          " without brackets takes its arguments from the "
                                          "parameters of the same names (use --params)");
        }
        auto k = std::make_unique<CExpr>();
        k->kind = CExpr::Kind::kConst;
        k->value = it->second;
        args.push_back(std::move(k));
      }
    } else {
      for (const ExprPtr& a : call.arguments) {
        CExprPtr k;
        PARLEY_RETURN_IF_ERROR(Compile(*a, scope_, &k));
        args.push_back(std::move(k));
      }
      for (size_t i = call.arguments.size(); i < proc->params.size(); ++i) {
        auto k = std::make_unique<CExpr>();
        k->kind = CExpr::Kind::kConst;
        k->value = proc->params[i].default_value.value_or(Value());
        args.push_back(std::move(k));
      }
    }
    auto kind_of = [](ProcType t) {
      return t == ProcType::kNode           ? Kind::kNode
             : t == ProcType::kRelationship ? Kind::kRelationship
             : t == ProcType::kPath         ? Kind::kPath
                                            : Kind::kValue;
    };
    std::vector<std::pair<int, int>> yields;
    std::vector<std::string> columns;
    std::vector<int> slots;
    auto bind = [&](int output, const std::string& variable) {
      int slot = NewSlot();
      yields.emplace_back(output, slot);
      scope_[variable] = {slot, kind_of(proc->outputs[output].type)};
      columns.push_back(variable);
      slots.push_back(slot);
    };
    if (!call.has_yield || call.yield_star) {
      for (size_t i = 0; i < proc->outputs.size(); ++i) {
        bind(static_cast<int>(i), proc->outputs[i].name);
      }
    } else {
      for (const YieldItem& item : call.yields)
        bind(OutputIndex(*proc, item.column), item.variable);
    }
    op_ = MakeProcedureCall(std::move(op_), proc, std::move(args), std::move(yields), ctx_);
    if (call.where) {
      CExprPtr pred;
      PARLEY_RETURN_IF_ERROR(Compile(*call.where, scope_, &pred));
      op_ = MakeFilter(std::move(op_), std::move(pred), ctx_);
    }
    if (standalone) {
      plan_->returns = true;
      plan_->columns = std::move(columns);
      plan_->column_slots = std::move(slots);
    }
    return Status::OK();
  }

  // ---------------------------------------------------------------- RETURN / WITH

  // A SKIP or LIMIT count: a non-negative integer known before the query runs.
  Status Count(const Expr& e, const char* what, int64_t* out) {
    CExprPtr c;
    PARLEY_RETURN_IF_ERROR(Compile(e, Scope(), &c));
    Row empty;
    Value v;
    PARLEY_RETURN_IF_ERROR(Evaluate(*c, empty, ctx_, &v));
    if (!v.is_int() || v.as_int() < 0) {
      return Error(e.pos,
                   std::string(what) + " needs a non-negative integer, got " + CypherText(v));
    }
    *out = v.as_int();
    return Status::OK();
  }

  Status PlanProjection(const Projection& p, bool is_return, std::vector<std::string>* columns,
                        std::vector<int>* slots) {
    // The chain of the MATCH before, if it is to be a ChainCount (taken before any item is
    // compiled: a subquery in an item plans projections of its own).
    std::unique_ptr<ChainCountSpec> chain = std::move(chain_);
    struct Item {
      const Expr* expr;
      std::string column;
      std::string text;  // the expression's text, to match ORDER BY expressions
    };
    std::vector<Item> items;
    if (p.star) {
      for (const auto& [name, sym] : scope_) {
        if (name.empty() || name[0] == ' ') continue;
        items.push_back({nullptr, name, name});
      }
    }
    for (const auto& it : p.items) items.push_back({it.expr.get(), it.column, it.expr->text});

    bool aggregating = std::any_of(items.begin(), items.end(),
                                   [](const Item& it) { return it.expr && HasAggregate(it.expr); });
    if (aggregating || p.distinct) {
      bool dedup = p.distinct && !aggregating;
      if (aggregating) {
        dedup = std::all_of(items.begin(), items.end(), [](const Item& it) {
          return !it.expr || DuplicateInsensitive(it.expr);
        });
      }
      if (dedup) DistinctEnds();
    }
    Scope old = scope_;
    std::vector<int> item_slots;
    std::vector<Kind> item_kinds;
    auto kind_of = [&](const Item& it) {
      const std::string& name =
          it.expr ? (it.expr->kind == ExprKind::kVariable ? it.expr->name : "") : it.column;
      auto s = old.find(name);
      return name.empty() || s == old.end() ? Kind::kValue : s->second.kind;
    };
    auto compile_item = [&](const Item& it, CExprPtr* out,
                            std::vector<AggregateSpec>* aggs) -> Status {
      if (it.expr) return Compile(*it.expr, old, out, aggs);
      auto c = std::make_unique<CExpr>();
      c->kind = CExpr::Kind::kSlot;
      c->slot = old.at(it.column).slot;
      *out = std::move(c);
      return Status::OK();
    };

    if (aggregating) {
      std::vector<CExprPtr> keys;
      std::vector<int> key_slots;
      std::vector<AggregateSpec> aggs;
      std::vector<CExprPtr> post;
      std::vector<int> post_slots;
      std::vector<size_t> key_items;  // per key, its item
      for (const Item& it : items) {
        int slot = NewSlot();
        item_slots.push_back(slot);
        item_kinds.push_back(kind_of(it));
        if (it.expr && HasAggregate(it.expr)) {
          CExprPtr c;
          PARLEY_RETURN_IF_ERROR(compile_item(it, &c, &aggs));
          post.push_back(std::move(c));
          post_slots.push_back(slot);
        } else {
          CExprPtr c;
          PARLEY_RETURN_IF_ERROR(compile_item(it, &c, nullptr));
          keys.push_back(std::move(c));
          key_slots.push_back(slot);
          key_items.push_back(static_cast<size_t>(&it - items.data()));
        }
      }
      if (chain) {
        PARLEY_RETURN_IF_ERROR(
            PlanChainAggregate(std::move(chain), p, std::move(keys), key_slots, key_items, aggs));
      } else {
        std::set<std::string> read;
        for (const Item& it : items) {
          if (it.expr) {
            Variables(it.expr, &read);
          } else {
            read.insert(it.column);
          }
        }
        CountedRows(read, &aggs);
        op_ = MakeAggregate(std::move(op_), std::move(keys), std::move(key_slots), std::move(aggs),
                            &plan_->width, ctx_);
      }
      if (!post.empty())
        op_ = MakeProject(std::move(op_), std::move(post), std::move(post_slots), ctx_);
    } else {
      std::vector<CExprPtr> exprs;
      for (const Item& it : items) {
        CExprPtr c;
        PARLEY_RETURN_IF_ERROR(compile_item(it, &c, nullptr));
        exprs.push_back(std::move(c));
        item_slots.push_back(NewSlot());
        item_kinds.push_back(kind_of(it));
      }
      op_ = MakeProject(std::move(op_), std::move(exprs), item_slots, ctx_);
    }

    // ORDER BY sees the projected names (shadowing) and, unless the projection aggregated or
    // was DISTINCT, the variables before it.
    Scope projected;
    for (size_t i = 0; i < items.size(); ++i)
      projected[items[i].column] = {item_slots[i], item_kinds[i]};
    Scope order_scope = (aggregating || p.distinct) ? projected : old;
    for (const auto& [name, sym] : projected) order_scope[name] = sym;

    if (p.distinct) op_ = MakeDistinct(std::move(op_), item_slots, ctx_);

    int64_t skip = 0, limit = -1;
    if (p.skip) PARLEY_RETURN_IF_ERROR(Count(*p.skip, "SKIP", &skip));
    if (p.limit) PARLEY_RETURN_IF_ERROR(Count(*p.limit, "LIMIT", &limit));

    // After aggregation or DISTINCT, ORDER BY and WHERE may repeat a projected expression
    // (count(*), n.name) inside a larger one: it reads that column.
    std::map<std::string, int> texts;
    if (aggregating || p.distinct) {
      for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].expr) texts.emplace(items[i].text, item_slots[i]);
      }
    }
    struct TextsGuard {
      const std::map<std::string, int>** slot;
      ~TextsGuard() { *slot = nullptr; }
    } texts_guard{&projected_texts_};
    if (!texts.empty()) projected_texts_ = &texts;

    if (!p.order_by.empty()) {
      std::vector<SortKey> keys;
      for (const SortItem& si : p.order_by) {
        SortKey k;
        k.descending = si.descending;
        // An ORDER BY expression written as in the projection is that column.
        for (size_t i = 0; i < items.size() && !k.expr; ++i) {
          if (items[i].expr && items[i].text == si.expr->text) {
            k.expr = std::make_unique<CExpr>();
            k.expr->kind = CExpr::Kind::kSlot;
            k.expr->slot = item_slots[i];
          }
        }
        if (!k.expr) {
          if (texts.empty() && HasAggregate(si.expr.get())) {
            return Error(si.expr->pos, "ORDER BY of an aggregate must repeat a projected one");
          }
          PARLEY_RETURN_IF_ERROR(Compile(*si.expr, order_scope, &k.expr));
        }
        keys.push_back(std::move(k));
      }
      op_ = MakeSort(std::move(op_), std::move(keys), limit >= 0 ? skip + limit : -1, ctx_);
    }
    if (skip > 0) op_ = MakeSkip(std::move(op_), skip);
    if (limit >= 0) op_ = MakeLimit(std::move(op_), limit);

    for (size_t i = 0; i < items.size(); ++i) {
      columns->push_back(items[i].column);
      slots->push_back(item_slots[i]);
    }
    if (!is_return) {
      scope_ = projected;
      if (p.where) {
        // WITH's WHERE sees what its ORDER BY sees: the names from before too, unless the
        // projection aggregated or was DISTINCT.
        CExprPtr pred;
        PARLEY_RETURN_IF_ERROR(Compile(*p.where, order_scope, &pred));
        op_ = MakeFilter(std::move(op_), std::move(pred), ctx_);
      }
    }
    return Status::OK();
  }

  std::string_view text_;
  ExecContext& ctx_;
  bool reads_graph_ = false;  // the query matches or changes existing elements
  bool updates_ = false;      // the query has an update clause
  // The node and relationship slots of the pattern part PlanPart planned last, in written order.
  std::vector<int> part_node_slots_, part_rel_slots_;
  QueryPlan* plan_;
  OperatorPtr op_;
  Scope scope_;
  // While ORDER BY and WHERE of an aggregating or DISTINCT projection compile: the projected
  // expressions' texts and their slots (see PlanProjection).
  const std::map<std::string, int>* projected_texts_ = nullptr;
  int next_slot_ = 0;
  bool stats_loaded_ = false;
  GraphStats stats_;
  // The pattern of the MATCH whose operator op_ was when it was made (not OPTIONAL).
  std::shared_ptr<PatternPlan> last_match_;
  const Operator* last_match_op_ = nullptr;
  // WHERE conjuncts that a range seek checks itself (Step::range_checks): no Filter for them.
  std::set<const Expr*> in_seek_;
  // A MATCH planned as a ChainCount, waiting for the aggregation that completes it.
  std::unique_ptr<ChainCountSpec> chain_;
  ChainShape chain_shape_;
};

const char* DirectionText(Direction d) {
  return d == Direction::kOutgoing ? "->" : d == Direction::kIncoming ? "<-" : "--";
}

}  // namespace

std::string Step::Describe() const {
  auto join = [](const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
  };
  std::string labels_text = labels.empty() ? "" : ":" + join(labels, ":");
  switch (kind) {
    case Kind::kScanAll:
      return "ScanAllNodes #" + std::to_string(node_slot) + labels_text;
    case Kind::kScanLabel:
      return "ScanLabel #" + std::to_string(node_slot) + labels_text;
    case Kind::kIndexSeek:
      return "IndexSeek #" + std::to_string(node_slot) + labels_text + " on " + index_key;
    case Kind::kIndexRange: {
      // The range as the index reads it: key >= a AND key < b, or key STARTS WITH p.
      std::string range = index_prefix ? " STARTS WITH" : "";
      if (index_lower) range += lower_inclusive ? " >=" : " >";
      if (index_lower && index_upper) range += " and";
      if (index_upper) range += upper_inclusive ? " <=" : " <";
      return "IndexRangeSeek #" + std::to_string(node_slot) + labels_text + " on " + index_key +
             range + (range_checks.empty() ? "" : " (conditions checked only where inexact)") +
             (count_slot >= 0 ? ", index keys counted" : "");
    }
    case Kind::kCheckNode:
      return "CheckNode #" + std::to_string(node_slot) + labels_text;
    case Kind::kExpand:
    case Kind::kVarExpand: {
      std::string hops = kind == Kind::kVarExpand
                             ? "*" + std::to_string(min_hops) + ".." +
                                   (max_hops < 0 ? std::string() : std::to_string(max_hops))
                             : "";
      return std::string(kind == Kind::kVarExpand ? "VarExpand #" : "Expand #") +
             std::to_string(from_slot) + " " + DirectionText(direction) + "[" +
             (types.empty() ? "" : ":" + join(types, "|")) + hops + "] #" +
             std::to_string(to_slot) + labels_text + (to_bound ? " (bound)" : "") +
             (distinct_ends ? " distinct ends, breadth first" : "") +
             (count_slot >= 0 ? " walks counted from both ends" : "");
    }
    case Kind::kFilter:
      return "Filter";
    case Kind::kBuildPath:
      return "BuildPath #" + std::to_string(path_slot);
    case Kind::kShortestPath:
      return std::string(all_shortest ? "AllShortestPaths #" : "ShortestPath #") +
             std::to_string(from_slot) + " " + DirectionText(direction) + "[" +
             (types.empty() ? "" : ":" + join(types, "|")) + "*" + std::to_string(min_hops) + ".." +
             (max_hops < 0 ? std::string() : std::to_string(max_hops)) + "] #" +
             std::to_string(to_slot) +
             (path_filters.empty() ? " (bidirectional breadth-first)"
                                   : " (depth-first by length, under path conditions)");
  }
  return "?";
}

namespace {

// A UNION: each part planned on its own, their rows in turn under the first part's columns.
Status PlanUnion(const Query& query, std::string_view text, ExecContext& ctx, QueryPlan* plan) {
  std::vector<UnionPart> parts;
  std::vector<const Query*> queries = {&query};
  for (const Query& q : query.unions) queries.push_back(&q);
  for (const Query* q : queries) {
    UnionPart part;
    part.plan = std::make_unique<QueryPlan>();
    Planner planner(text, ctx, part.plan.get());
    PARLEY_RETURN_IF_ERROR(planner.Plan(*q));
    if (!part.plan->returns || (!parts.empty() && part.plan->columns != parts[0].plan->columns)) {
      return QueryError(text, q->union_pos,
                        "All subqueries in a UNION must have the same column names");
    }
    plan->writes = plan->writes || part.plan->writes;
    for (auto& finish : part.plan->finish) plan->finish.push_back(std::move(finish));
    parts.push_back(std::move(part));
  }
  plan->columns = parts[0].plan->columns;
  size_t n = plan->columns.size();
  for (size_t i = 0; i < n; ++i) plan->column_slots.push_back(static_cast<int>(i));
  plan->width = static_cast<int>(n);
  plan->returns = true;
  plan->root = MakeUnion(std::move(parts), n, !query.unions[0].union_all, ctx);
  return Status::OK();
}

}  // namespace

Status PlanQuery(const Query& query, std::string_view text, ExecContext& ctx, QueryPlan* plan) {
  if (!query.unions.empty()) return PlanUnion(query, text, ctx, plan);
  Planner planner(text, ctx, plan);
  return planner.Plan(query);
}

std::vector<std::string> ExplainPlan(const QueryPlan& plan) {
  std::vector<std::string> lines;
  if (plan.root) plan.root->Explain(0, &lines);
  return lines;
}

}  // namespace parley::query

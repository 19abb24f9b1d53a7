#include "query/chain_plan.h"

#include <set>
#include <string>

#include "query/functions.h"

namespace parley::query {
namespace {

// Collects the variables `e` reads into `vars`; false if `e` holds something a per-node
// evaluation could change or that plans more than an expression: a pattern or subquery, an
// expression with a variable of its own (list comprehension, reduce, ...), an aggregate or rand().
bool Readable(const Expr* e, std::set<std::string>* vars) {
  if (!e) return true;
  switch (e->kind) {
    case ExprKind::kVariable:
      vars->insert(e->name);
      return true;
    case ExprKind::kFunction: {
      const FunctionInfo* f = LookupFunction(e->name);
      if (!f || f->aggregate || std::string(f->name) == "rand") return false;
      break;
    }
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
    case ExprKind::kProperty:
    case ExprKind::kList:
    case ExprKind::kMap:
    case ExprKind::kUnary:
    case ExprKind::kBinary:
    case ExprKind::kIsNull:
    case ExprKind::kHasLabels:
    case ExprKind::kSubscript:
    case ExprKind::kSlice:
    case ExprKind::kCase:
      break;
    default:  // patterns, subqueries, and expressions with variables of their own
      return false;
  }
  for (const auto& k : e->operands) {
    if (!Readable(k.get(), vars)) return false;
  }
  return true;
}

bool IsCountStar(const Expr& e) {
  if (e.kind != ExprKind::kFunction || !e.star || e.distinct) return false;
  const FunctionInfo* f = LookupFunction(e.name);
  return f && std::string(f->name) == "count";
}

}  // namespace

bool ChainCountShape(const Clause& match, const Projection& next, ChainShape* shape) {
  if (match.kind != ClauseKind::kMatch || match.optional || match.where) return false;
  if (match.pattern.parts.size() != 1) return false;
  const PatternPart& part = match.pattern.parts[0];
  if (!part.path_variable.empty() || part.rels.empty() || part.rels.size() > 2) return false;
  for (const RelPattern& r : part.rels) {
    if (!r.variable.empty() || r.properties || r.variable_length || r.types.empty() ||
        r.direction == RelDirection::kBoth) {
      return false;
    }
  }
  std::set<std::string> names;
  for (const NodePattern& n : part.nodes) {
    if (n.properties) return false;
    if (!n.variable.empty() && !names.insert(n.variable).second) return false;
  }
  if (next.star || next.distinct || next.items.empty()) return false;
  shape->item_node.assign(next.items.size(), -1);
  shape->count_item = -1;
  for (size_t i = 0; i < next.items.size(); ++i) {
    const Expr& e = *next.items[i].expr;
    if (IsCountStar(e)) {
      if (shape->count_item >= 0) return false;
      shape->count_item = static_cast<int>(i);
      continue;
    }
    std::set<std::string> vars;
    if (!Readable(&e, &vars) || vars.size() != 1) return false;
    int node = -1;
    for (size_t k = 0; k < part.nodes.size(); ++k) {
      if (part.nodes[k].variable == *vars.begin()) node = static_cast<int>(k);
    }
    if (node < 0) return false;
    shape->item_node[i] = node;
  }
  return shape->count_item >= 0;
}

bool SortsByCount(const Projection& p, const Expr& order, int count_item) {
  if (count_item < 0 || count_item >= static_cast<int>(p.items.size())) return false;
  const ProjectionItem& item = p.items[count_item];
  if (order.text == item.expr->text) return true;
  if (order.kind != ExprKind::kVariable || order.name != item.column) return false;
  // The column name must not also name another item.
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (static_cast<int>(i) != count_item && p.items[i].column == item.column) return false;
  }
  return true;
}

}  // namespace parley::query

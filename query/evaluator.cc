// Evaluation of compiled expressions (plan.h) with Cypher's semantics: null propagates,
// predicates are three-valued, type errors name the operand types and point at the text.
#include <algorithm>

#include "query/composition.h"
#include "query/plan.h"
#include "query/query_error.h"
#include "query/temporal.h"
#include "query/value_ops.h"

namespace parley::query {
namespace {

Status ErrorAt(ExecContext& ctx, const CExpr& e, const std::string& message) {
  return QueryError(ctx.query_text(), e.pos, message);
}

// Reading what a node or relationship holds (properties, labels) after this query deleted it
// is an error, as openCypher has it: the element is gone, only the value naming it is left.
Status CheckNotDeleted(const CExpr& e, const Value& v, ExecContext& ctx) {
  if (!ctx.dirty()) return Status::OK();
  if (v.is_node() && ctx.IsDeletedNode(v.as_node().id)) {
    return ErrorAt(ctx, e, "Cannot read the labels or properties of a node this query deleted");
  }
  if (v.is_relationship() && ctx.IsDeletedRelationship(v.as_relationship().id)) {
    return ErrorAt(ctx, e, "Cannot read the properties of a relationship this query deleted");
  }
  return Status::OK();
}

// The value of property `key` of `base` (a node, relationship or map); null if absent.
Status PropertyOf(const CExpr& e, const Value& base, const std::string& key, ExecContext& ctx,
                  Value* out) {
  const PropertyMap* props = nullptr;
  std::shared_ptr<const Node> node;
  std::shared_ptr<const Relationship> rel;
  switch (base.type()) {
    case Value::Type::kNull:
      *out = Value();
      return Status::OK();
    case Value::Type::kTemporal:
      *out = TemporalComponent(base.as_temporal(), key);
      return Status::OK();
    case Value::Type::kMap:
      props = &base.as_map();
      break;
    case Value::Type::kNode:
      PARLEY_RETURN_IF_ERROR(CheckNotDeleted(e, base, ctx));
      if (base.as_node().complete && !ctx.Stale(base)) {
        props = &base.as_node().properties;
      } else {
        PARLEY_RETURN_IF_ERROR(ctx.GetNode(base.as_node().id, &node));
        props = &node->properties;
      }
      break;
    case Value::Type::kRelationship:
      PARLEY_RETURN_IF_ERROR(CheckNotDeleted(e, base, ctx));
      if (base.as_relationship().complete && !ctx.Stale(base)) {
        props = &base.as_relationship().properties;
      } else {
        PARLEY_RETURN_IF_ERROR(ctx.GetRelationship(base.as_relationship().id, &rel));
        props = &rel->properties;
      }
      break;
    default:
      return ErrorAt(ctx, e,
                     std::string("Type mismatch: expected a map, node or relationship but was ") +
                         TypeName(base));
  }
  auto it = props->find(key);
  *out = it == props->end() ? Value() : it->second;
  return Status::OK();
}

Status TriOf(const CExpr& e, const Value& v, ExecContext& ctx, Tri* out) {
  if (v.is_null()) {
    *out = Tri::kNull;
  } else if (v.is_bool()) {
    *out = ToTri(v.as_bool());
  } else {
    return ErrorAt(ctx, e, std::string("Type mismatch: expected Boolean but was ") + TypeName(v));
  }
  return Status::OK();
}

// Cypher's IN: true if some element equals `x`, null if none does but some comparison was null.
Tri In(const Value& x, const ValueList& list) {
  bool saw_null = false;
  for (const Value& item : list) {
    Tri t = Equals(x, item);
    if (t == Tri::kTrue) return Tri::kTrue;
    if (t == Tri::kNull) saw_null = true;
  }
  return saw_null ? Tri::kNull : Tri::kFalse;
}

// Index `i` of a list of `n` items, counting from the end when negative; -1 if out of range.
int64_t ListIndex(int64_t i, size_t n) {
  int64_t size = static_cast<int64_t>(n);
  if (i < 0) i += size;
  return i < 0 || i >= size ? -1 : i;
}

Status EvalBinary(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  Value a, b;
  PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &a));
  // AND and OR decide on their left side when they can; Cypher lets either side be skipped.
  if (e.op == Op::kAnd || e.op == Op::kOr || e.op == Op::kXor) {
    Tri ta, tb;
    PARLEY_RETURN_IF_ERROR(TriOf(*e.kids[0], a, ctx, &ta));
    if (e.op == Op::kAnd && ta == Tri::kFalse) return (*out = Value(false), Status::OK());
    if (e.op == Op::kOr && ta == Tri::kTrue) return (*out = Value(true), Status::OK());
    PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[1], row, ctx, &b));
    PARLEY_RETURN_IF_ERROR(TriOf(*e.kids[1], b, ctx, &tb));
    Tri r = e.op == Op::kAnd ? And(ta, tb) : e.op == Op::kOr ? Or(ta, tb) : Xor(ta, tb);
    *out = TriValue(r);
    return Status::OK();
  }
  PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[1], row, ctx, &b));
  Status s;
  switch (e.op) {
    case Op::kEq:
      *out = TriValue(Equals(a, b));
      return Status::OK();
    case Op::kNe:
      *out = TriValue(Not(Equals(a, b)));
      return Status::OK();
    case Op::kLt:
      *out = TriValue(LessThan(a, b));
      return Status::OK();
    case Op::kGt:
      *out = TriValue(GreaterThan(a, b));
      return Status::OK();
    case Op::kLe:
      *out = TriValue(LessOrEqual(a, b));
      return Status::OK();
    case Op::kGe:
      *out = TriValue(GreaterOrEqual(a, b));
      return Status::OK();
    case Op::kAdd:
      // Concatenation can double a value each time it is applied: measure before building.
      if (a.is_string() || a.is_list() || b.is_string() || b.is_list()) {
        PARLEY_RETURN_IF_ERROR(ctx.guard().Fits(ApproxBytes(a) + ApproxBytes(b)));
      }
      s = Add(a, b, out);
      break;
    case Op::kSub:
      s = Subtract(a, b, out);
      break;
    case Op::kMul:
      s = Multiply(a, b, out);
      break;
    case Op::kDiv:
      s = Divide(a, b, out);
      break;
    case Op::kMod:
      s = Modulo(a, b, out);
      break;
    case Op::kPow:
      s = Power(a, b, out);
      break;
    case Op::kIn:
      if (b.is_null()) {
        *out = Value();
      } else if (!b.is_list()) {
        return ErrorAt(ctx, *e.kids[1],
                       std::string("Type mismatch: expected a List but was ") + TypeName(b));
      } else {
        *out = TriValue(In(a, b.as_list()));
      }
      return Status::OK();
    case Op::kStartsWith:
    case Op::kEndsWith:
    case Op::kContains: {
      if (!a.is_string() || !b.is_string()) {
        *out = Value();
        return Status::OK();
      }
      const std::string& x = a.as_string();
      const std::string& y = b.as_string();
      bool r = e.op == Op::kStartsWith ? x.starts_with(y)
               : e.op == Op::kEndsWith ? x.ends_with(y)
                                       : x.find(y) != std::string::npos;
      *out = Value(r);
      return Status::OK();
    }
    case Op::kRegexMatch: {
      if (!a.is_string() || !b.is_string()) {
        *out = Value();
        return Status::OK();
      }
      bool matches = false;
      Status re = ctx.regexes().FullMatch(b.as_string(), a.as_string(), &matches);
      if (!re.ok()) return ErrorAt(ctx, *e.kids[1], re.message());
      *out = Value(matches);
      return Status::OK();
    }
    default:
      return ErrorAt(ctx, e, "unsupported operator");
  }
  if (!s.ok()) return ErrorAt(ctx, e, s.message());
  return Status::OK();
}

Status EvalSubscript(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  Value base, index;
  PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &base));
  PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[1], row, ctx, &index));
  if (base.is_null() || index.is_null()) {
    *out = Value();
    return Status::OK();
  }
  if (base.is_list()) {
    if (!index.is_int()) {
      return ErrorAt(
          ctx, *e.kids[1],
          std::string("Type mismatch: expected an Integer index but was ") + TypeName(index));
    }
    int64_t i = ListIndex(index.as_int(), base.as_list().size());
    *out = i < 0 ? Value() : base.as_list()[i];
    return Status::OK();
  }
  if (base.is_map() || base.is_node() || base.is_relationship()) {
    if (!index.is_string()) {
      return ErrorAt(
          ctx, *e.kids[1],
          std::string("Type mismatch: expected a String key but was ") + TypeName(index));
    }
    return PropertyOf(e, base, index.as_string(), ctx, out);
  }
  return ErrorAt(ctx, *e.kids[0],
                 std::string("Type mismatch: cannot index into ") + TypeName(base));
}

Status EvalSlice(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  Value base, from, to;
  PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &base));
  if (e.kids[1]) PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[1], row, ctx, &from));
  if (e.kids[2]) PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[2], row, ctx, &to));
  if (base.is_null() || (e.kids[1] && from.is_null()) || (e.kids[2] && to.is_null())) {
    *out = Value();
    return Status::OK();
  }
  if (!base.is_list()) {
    return ErrorAt(ctx, *e.kids[0],
                   std::string("Type mismatch: expected a List but was ") + TypeName(base));
  }
  if ((e.kids[1] && !from.is_int()) || (e.kids[2] && !to.is_int())) {
    return ErrorAt(ctx, e, "Type mismatch: list slice bounds must be Integers");
  }
  int64_t n = static_cast<int64_t>(base.as_list().size());
  auto clamp = [n](int64_t i) {
    if (i < 0) i += n;
    return std::max<int64_t>(0, std::min(i, n));
  };
  int64_t a = e.kids[1] ? clamp(from.as_int()) : 0;
  int64_t b = e.kids[2] ? clamp(to.as_int()) : n;
  ValueList items;
  items.reserve(static_cast<size_t>(std::max<int64_t>(0, b - a)));
  for (int64_t i = a; i < b; ++i) items.push_back(base.as_list()[i]);
  *out = Value(std::move(items));
  return Status::OK();
}

Status EvalFunction(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  std::vector<Value> args(e.kids.size());
  for (size_t i = 0; i < e.kids.size(); ++i) {
    PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[i], row, ctx, &args[i]));
  }
  const FunctionInfo& f = *e.function;
  if (f.needs_store) {
    // startNode(r) / endNode(r): the node at one end of a relationship.
    const Value& r = args.empty() ? Value() : args[0];
    if (r.is_null()) {
      *out = Value();
      return Status::OK();
    }
    if (!r.is_relationship()) {
      return ErrorAt(ctx, e, std::string(f.name) + "() expects a Relationship, got " + TypeName(r));
    }
    bool start = std::string_view(f.name) == "startNode";
    *out = ExecContext::NodeRef(start ? r.as_relationship().start : r.as_relationship().end);
    return Status::OK();
  }
  // labels(), keys() and properties() read what a deleted element no longer has.
  std::string_view name(f.name);
  if (name == "labels" || name == "keys" || name == "properties") {
    for (const Value& a : args) PARLEY_RETURN_IF_ERROR(CheckNotDeleted(e, a, ctx));
  }
  // Functions see whole nodes and relationships (labels(), keys(), properties(), ...).
  for (Value& a : args) {
    if (a.is_node() || a.is_relationship() || a.is_path() || a.is_list()) {
      PARLEY_RETURN_IF_ERROR(ctx.Complete(a, &a));
    }
  }
  // A result that can outgrow its arguments (replace, split, range) is measured first.
  if (size_t need = ResultBytes(f, args, ctx.guard().Room())) {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Fits(need));
  }
  Status s = CallFunction(f, args, out);
  if (!s.ok()) return ErrorAt(ctx, e, s.message());
  return Status::OK();
}

Status EvalCase(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  size_t i = 0;
  Value test;
  if (e.has_test) PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[i++], row, ctx, &test));
  size_t end = e.kids.size() - (e.has_else ? 1 : 0);
  for (; i + 1 < end; i += 2) {
    Value when;
    PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[i], row, ctx, &when));
    bool hit = e.has_test ? Equals(test, when) == Tri::kTrue : when.is_bool() && when.as_bool();
    if (!e.has_test && !when.is_bool() && !when.is_null()) {
      return ErrorAt(ctx, *e.kids[i],
                     std::string("Type mismatch: expected Boolean but was ") + TypeName(when));
    }
    if (hit) return Evaluate(*e.kids[i + 1], row, ctx, out);
  }
  if (e.has_else) return Evaluate(*e.kids.back(), row, ctx, out);
  *out = Value();
  return Status::OK();
}

Status EvalListComprehension(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  ListCursor cursor;
  bool is_list = false;
  Value list;
  PARLEY_RETURN_IF_ERROR(cursor.Start(*e.kids[0], row, ctx, &is_list, &list));
  if (!is_list) {
    if (list.is_null()) {
      *out = Value();
      return Status::OK();
    }
    return ErrorAt(ctx, *e.kids[0],
                   std::string("Type mismatch: expected a List but was ") + TypeName(list));
  }
  ValueList items;
  size_t bytes = 0;  // of the items kept so far
  Value item;
  while (cursor.Next(&item)) {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
    row[e.slot] = item;
    if (e.kids[1]) {
      bool pass;
      PARLEY_RETURN_IF_ERROR(EvaluatePredicate(*e.kids[1], row, ctx, &pass));
      if (!pass) continue;
    }
    if (e.kids[2]) {
      items.emplace_back();
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[2], row, ctx, &items.back()));
    } else {
      items.push_back(std::move(item));
    }
    bytes += ApproxBytes(items.back());
    PARLEY_RETURN_IF_ERROR(ctx.guard().Fits(bytes));
  }
  row[e.slot] = Value();
  *out = Value(std::move(items));
  return Status::OK();
}

// The list a quantifier or reduce walks: false in *is_list (and null in *out) when it is null;
// an error when it is not a list.
Status StartList(const CExpr& list, Row& row, ExecContext& ctx, ListCursor* cursor, bool* is_list) {
  Value other;
  PARLEY_RETURN_IF_ERROR(cursor->Start(list, row, ctx, is_list, &other));
  if (*is_list || other.is_null()) return Status::OK();
  return ErrorAt(ctx, list,
                 std::string("Type mismatch: expected a List but was ") + TypeName(other));
}

// any/all/none/single(x IN list WHERE pred), three-valued: a null predicate makes the answer
// null unless the elements already decided it (any found a true, all a false, single two).
Status EvalQuantifier(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  ListCursor cursor;
  bool is_list = false;
  PARLEY_RETURN_IF_ERROR(StartList(*e.kids[0], row, ctx, &cursor, &is_list));
  *out = Value();
  if (!is_list) return Status::OK();
  int64_t trues = 0;
  bool saw_null = false;
  bool decided = false;
  Value item;
  while (!decided && cursor.Next(&item)) {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
    row[e.slot] = std::move(item);
    Value v;
    if (e.kids[1]) {
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[1], row, ctx, &v));
    } else {
      v = row[e.slot];
    }
    Tri t;
    PARLEY_RETURN_IF_ERROR(TriOf(e.kids[1] ? *e.kids[1] : e, v, ctx, &t));
    if (t == Tri::kNull) saw_null = true;
    if (t == Tri::kTrue) ++trues;
    switch (e.quantifier) {
      case Quantifier::kAny:
      case Quantifier::kNone:
        decided = trues > 0;
        break;
      case Quantifier::kAll:
        decided = t == Tri::kFalse;
        break;
      case Quantifier::kSingle:
        decided = trues > 1;
        break;
    }
  }
  row[e.slot] = Value();
  Tri r = Tri::kNull;
  switch (e.quantifier) {
    case Quantifier::kAny:
      r = trues > 0 ? Tri::kTrue : saw_null ? Tri::kNull : Tri::kFalse;
      break;
    case Quantifier::kNone:
      r = trues > 0 ? Tri::kFalse : saw_null ? Tri::kNull : Tri::kTrue;
      break;
    case Quantifier::kAll:
      r = decided ? Tri::kFalse : saw_null ? Tri::kNull : Tri::kTrue;
      break;
    case Quantifier::kSingle:
      r = trues > 1 ? Tri::kFalse : saw_null ? Tri::kNull : ToTri(trues == 1);
      break;
  }
  *out = TriValue(r);
  return Status::OK();
}

// reduce(acc = init, x IN list | step): step folded over the list; null for a null list.
Status EvalReduce(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  Value acc;
  PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &acc));
  ListCursor cursor;
  bool is_list = false;
  PARLEY_RETURN_IF_ERROR(StartList(*e.kids[1], row, ctx, &cursor, &is_list));
  if (!is_list) {
    *out = Value();
    return Status::OK();
  }
  Value item;
  while (cursor.Next(&item)) {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
    row[e.slot] = std::move(acc);
    row[e.slot2] = std::move(item);
    PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[2], row, ctx, &acc));
    PARLEY_RETURN_IF_ERROR(ctx.guard().Fits(ApproxBytes(acc)));
  }
  row[e.slot] = Value();
  row[e.slot2] = Value();
  *out = std::move(acc);
  return Status::OK();
}

// base{.a, k: expr, .*, v}: a map built from the entries in order (a later key replaces an
// earlier one); null when the base is null.
Status EvalMapProjection(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  Value base;
  PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &base));
  if (base.is_null()) {
    *out = Value();
    return Status::OK();
  }
  if (!base.is_map() && !base.is_node() && !base.is_relationship()) {
    return ErrorAt(ctx, *e.kids[0],
                   std::string("Type mismatch: expected a map, node or relationship but was ") +
                       TypeName(base));
  }
  ValueMap m;
  for (size_t i = 1; i < e.kids.size(); ++i) {
    if (e.kids[i]) {
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[i], row, ctx, &m[e.keys[i - 1]]));
      continue;
    }
    Value whole;
    PARLEY_RETURN_IF_ERROR(ctx.Complete(base, &whole));
    const ValueMap& props = whole.is_map()    ? whole.as_map()
                            : whole.is_node() ? whole.as_node().properties
                                              : whole.as_relationship().properties;
    for (const auto& [k, v] : props) m[k] = v;
  }
  *out = Value(std::move(m));
  return Status::OK();
}

}  // namespace

Status Evaluate(const CExpr& e, Row& row, ExecContext& ctx, Value* out) {
  switch (e.kind) {
    case CExpr::Kind::kConst:
      *out = e.value;
      return Status::OK();
    case CExpr::Kind::kParam: {
      auto it = ctx.params().find(e.name);
      if (it == ctx.params().end()) {
        return ErrorAt(ctx, e, "Parameter $" + e.name + " was not given (use --params)");
      }
      *out = it->second;
      return Status::OK();
    }
    case CExpr::Kind::kSlot:
      *out = row[e.slot];
      return Status::OK();
    case CExpr::Kind::kProperty: {
      Value base;
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &base));
      return PropertyOf(e, base, e.name, ctx, out);
    }
    case CExpr::Kind::kPropertyExists: {
      Value base;
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &base));
      if (base.is_map()) {
        *out = Value(base.as_map().count(e.name) > 0);  // a key held with a null value counts
        return Status::OK();
      }
      Value v;
      PARLEY_RETURN_IF_ERROR(PropertyOf(e, base, e.name, ctx, &v));
      *out = base.is_null() ? Value() : Value(!v.is_null());
      return Status::OK();
    }
    case CExpr::Kind::kList: {
      ValueList items(e.kids.size());
      size_t bytes = 0;
      for (size_t i = 0; i < e.kids.size(); ++i) {
        PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[i], row, ctx, &items[i]));
        bytes += ApproxBytes(items[i]);
      }
      PARLEY_RETURN_IF_ERROR(ctx.guard().Fits(bytes));
      *out = Value(std::move(items));
      return Status::OK();
    }
    case CExpr::Kind::kMap: {
      ValueMap m;
      for (size_t i = 0; i < e.kids.size(); ++i) {
        PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[i], row, ctx, &m[e.keys[i]]));
      }
      *out = Value(std::move(m));
      return Status::OK();
    }
    case CExpr::Kind::kUnary: {
      Value a;
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &a));
      if (e.op == Op::kNot) {
        Tri t;
        PARLEY_RETURN_IF_ERROR(TriOf(*e.kids[0], a, ctx, &t));
        *out = TriValue(Not(t));
        return Status::OK();
      }
      if (e.op == Op::kPlus) {
        if (!a.is_null() && !a.is_number()) {
          return ErrorAt(ctx, e,
                         std::string("Type mismatch: expected a number but was ") + TypeName(a));
        }
        *out = a;
        return Status::OK();
      }
      Status s = Negate(a, out);
      return s.ok() ? s : ErrorAt(ctx, e, s.message());
    }
    case CExpr::Kind::kBinary:
      return EvalBinary(e, row, ctx, out);
    case CExpr::Kind::kIsNull: {
      Value a;
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &a));
      *out = Value(a.is_null() != e.negated);
      return Status::OK();
    }
    case CExpr::Kind::kHasLabels: {
      Value a;
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[0], row, ctx, &a));
      if (a.is_null()) {
        *out = Value();
        return Status::OK();
      }
      PARLEY_RETURN_IF_ERROR(CheckNotDeleted(e, a, ctx));
      if (a.is_relationship()) {
        // A label test on a relationship tests its type (it has exactly one).
        bool all = true;
        for (const std::string& label : e.labels) all = all && label == a.as_relationship().type;
        *out = Value(all);
        return Status::OK();
      }
      if (!a.is_node()) {
        return ErrorAt(ctx, e,
                       std::string("Type mismatch: expected a Node but was ") + TypeName(a));
      }
      bool all = true;
      for (const std::string& label : e.labels) {
        bool has;
        if (a.as_node().complete && !ctx.Stale(a)) {
          const auto& ls = a.as_node().labels;
          has = std::find(ls.begin(), ls.end(), label) != ls.end();
        } else {
          PARLEY_RETURN_IF_ERROR(ctx.HasLabel(a.as_node().id, label, &has));
        }
        if (!has) {
          all = false;
          break;
        }
      }
      *out = Value(all);
      return Status::OK();
    }
    case CExpr::Kind::kFunction:
      return EvalFunction(e, row, ctx, out);
    case CExpr::Kind::kSubscript:
      return EvalSubscript(e, row, ctx, out);
    case CExpr::Kind::kSlice:
      return EvalSlice(e, row, ctx, out);
    case CExpr::Kind::kCase:
      return EvalCase(e, row, ctx, out);
    case CExpr::Kind::kPattern: {
      // A pattern as a predicate: does it match at least once with this row's bindings?
      Row scratch = row;
      Matcher m(*e.pattern, ctx);
      m.Reset(&scratch);
      bool found = m.Next();
      PARLEY_RETURN_IF_ERROR(m.status());
      *out = Value(found);
      return Status::OK();
    }
    case CExpr::Kind::kListComprehension:
      return EvalListComprehension(e, row, ctx, out);
    case CExpr::Kind::kQuantifier:
      return EvalQuantifier(e, row, ctx, out);
    case CExpr::Kind::kReduce:
      return EvalReduce(e, row, ctx, out);
    case CExpr::Kind::kMapProjection:
      return EvalMapProjection(e, row, ctx, out);
    case CExpr::Kind::kSubquery:
      return EvalSubquery(e, row, ctx, out);
    case CExpr::Kind::kPatternComprehension:
      return EvalPatternComprehension(e, row, ctx, out);
  }
  return ErrorAt(ctx, e, "unsupported expression");
}

Status ListCursor::Start(const CExpr& e, Row& row, ExecContext& ctx, bool* is_list, Value* other) {
  range_ = false;
  list_ = Value();
  pos_ = 0;
  if (e.kind == CExpr::Kind::kFunction && std::string_view(e.function->name) == "range") {
    std::vector<Value> args(e.kids.size());
    for (size_t i = 0; i < e.kids.size(); ++i) {
      PARLEY_RETURN_IF_ERROR(Evaluate(*e.kids[i], row, ctx, &args[i]));
    }
    bool ints = std::all_of(args.begin(), args.end(), [](const Value& v) { return v.is_int(); });
    int64_t step = args.size() == 3 && ints ? args[2].as_int() : 1;
    if (ints && step != 0) {
      // Counted out as range() would build it, one element at a time.
      __int128 span = static_cast<__int128>(args[1].as_int()) - args[0].as_int();
      left_ = (span == 0 || (span > 0) == (step > 0)) ? span / step + 1 : 0;
      next_ = args[0].as_int();
      step_ = step;
      range_ = true;
      *is_list = true;
      return Status::OK();
    }
    // Anything else (nulls, wrong types, a zero step) takes the ordinary way to its answer.
  }
  Value v;
  PARLEY_RETURN_IF_ERROR(Evaluate(e, row, ctx, &v));
  *is_list = v.is_list();
  if (*is_list) {
    list_ = std::move(v);
  } else {
    *other = std::move(v);
  }
  return Status::OK();
}

bool ListCursor::Next(Value* item) {
  if (range_) {
    if (left_ <= 0) return false;
    *item = Value(static_cast<int64_t>(next_));
    next_ += step_;
    --left_;
    return true;
  }
  if (!list_.is_list() || pos_ >= list_.as_list().size()) return false;
  *item = list_.as_list()[pos_++];
  return true;
}

Status EvaluatePredicate(const CExpr& e, Row& row, ExecContext& ctx, bool* pass) {
  Value v;
  PARLEY_RETURN_IF_ERROR(Evaluate(e, row, ctx, &v));
  if (!v.is_null() && !v.is_bool()) {
    return ErrorAt(ctx, e, std::string("Type mismatch: expected Boolean but was ") + TypeName(v));
  }
  *pass = v.is_bool() && v.as_bool();
  return Status::OK();
}

}  // namespace parley::query

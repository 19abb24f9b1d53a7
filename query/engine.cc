#include "query/engine.h"

#include <new>
#include <nlohmann/json.hpp>

#include "query/parser.h"
#include "query/plan.h"
#include "query/planner.h"
#include "query/query_error.h"
#include "query/semantic.h"
#include "query/temporal.h"
#include "util/utf8.h"

namespace parley::query {
namespace {

Status Prepare(std::string_view text, Query* query) {
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad)) {
    return QueryError(text, PositionOf(text, static_cast<int>(bad)),
                      "The query is not valid UTF-8");
  }
  PARLEY_RETURN_IF_ERROR(ParseQuery(text, query));
  return CheckQuery(*query, text);
}

Value FromJson(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return Value();
    case nlohmann::json::value_t::boolean:
      return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value(j.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      uint64_t u = j.get<uint64_t>();
      return u > static_cast<uint64_t>(INT64_MAX) ? Value(static_cast<double>(u))
                                                  : Value(static_cast<int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
      return Value(j.get<double>());
    case nlohmann::json::value_t::string:
      return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      ValueList items;
      for (const auto& item : j) items.push_back(FromJson(item));
      return Value(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      ValueMap m;
      for (const auto& [k, v] : j.items()) m[k] = FromJson(v);
      return Value(std::move(m));
    }
    default:
      return Value();
  }
}

bool QueryReadsGraph(const Query& q);

// True if `e` holds a subquery or a pattern comprehension, which read the graph.
bool ExprReadsGraph(const Expr* e) {
  if (e == nullptr) return false;
  if (e->kind == ExprKind::kPatternComprehension) return true;
  if (e->subquery) return true;
  for (const ExprPtr& o : e->operands) {
    if (ExprReadsGraph(o.get())) return true;
  }
  return false;
}

// True if a clause of `q` (or of a UNION part) matches, or an expression reads the graph.
bool QueryReadsGraph(const Query& q) {
  for (const Clause& c : q.clauses) {
    if (c.kind == ClauseKind::kMatch || c.kind == ClauseKind::kCall) return true;
    const Projection& p = c.projection;
    std::vector<const Expr*> exprs = {c.where.get(), c.unwind_expr.get(), p.where.get()};
    for (const ProjectionItem& item : p.items) exprs.push_back(item.expr.get());
    for (const SortItem& item : p.order_by) exprs.push_back(item.expr.get());
    for (const PatternPart& part : c.pattern.parts) {
      for (const NodePattern& n : part.nodes) exprs.push_back(n.properties.get());
      for (const RelPattern& r : part.rels) exprs.push_back(r.properties.get());
    }
    for (const Expr* e : exprs) {
      if (ExprReadsGraph(e)) return true;
    }
  }
  for (const Query& part : q.unions) {
    if (QueryReadsGraph(part)) return true;
  }
  return false;
}

}  // namespace

Status InspectQuery(std::string_view text, QueryShape* shape) {
  Query query;
  PARLEY_RETURN_IF_ERROR(Prepare(text, &query));
  shape->explain = query.explain;
  for (const Clause& c : query.clauses) {
    if (c.kind == ClauseKind::kCreate || c.kind == ClauseKind::kSet ||
        c.kind == ClauseKind::kRemove || c.kind == ClauseKind::kDelete ||
        c.kind == ClauseKind::kMerge) {
      shape->writes = true;
    }
    if (c.kind == ClauseKind::kMatch || c.kind == ClauseKind::kCall) shape->reads_graph = true;
  }
  for (const Query& part : query.unions) {
    for (const Clause& c : part.clauses) {
      if (c.kind == ClauseKind::kCreate || c.kind == ClauseKind::kSet ||
          c.kind == ClauseKind::kRemove || c.kind == ClauseKind::kDelete ||
          c.kind == ClauseKind::kMerge) {
        shape->writes = true;
      }
    }
  }
  shape->reads_graph = shape->reads_graph || shape->writes || QueryReadsGraph(query);
  return Status::OK();
}

namespace {

// A JSON reader that follows the nesting of arrays and objects and stops past `max_depth`.
class DepthCheck : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit DepthCheck(int max_depth) : max_(max_depth) {}
  bool too_deep() const { return too_deep_; }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return Enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return Leave(); }
  bool start_array(std::size_t) override { return Enter(); }
  bool end_array() override { return Leave(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool Enter() {
    too_deep_ = ++depth_ > max_;
    return !too_deep_;
  }
  bool Leave() {
    --depth_;
    return true;
  }
  int max_;
  int depth_ = 0;
  bool too_deep_ = false;
};

Status Run(GraphStore* store, std::string_view text, const ValueMap& params, ResultWriter* out,
           const QueryLimits& limits, const std::string& user) {
  Query query;
  PARLEY_RETURN_IF_ERROR(Prepare(text, &query));
  ExecContext ctx(store, &params, text, limits);
  ctx.set_user(user);
  QueryPlan plan;
  PARLEY_RETURN_IF_ERROR(PlanQuery(query, text, ctx, &plan));
  if (query.explain) {
    out->Begin({"plan"});
    for (const std::string& line : ExplainPlan(plan)) out->Row({Value(line)});
    out->End();
    return Status::OK();
  }
  std::vector<std::vector<Value>> held;  // rows of a writing query, until its writes land
  bool stream = !plan.writes;
  if (stream) out->Begin(plan.columns);
  Row row;
  std::vector<Value> values(plan.column_slots.size());
  while (plan.root->Next(&row)) {
    PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
    if (!plan.returns) continue;  // CREATE without RETURN: effects only
    for (size_t i = 0; i < plan.column_slots.size(); ++i) {
      PARLEY_RETURN_IF_ERROR(ctx.Complete(row[plan.column_slots[i]], &values[i]));
    }
    if (stream) {
      out->Row(values);
    } else {
      size_t bytes = sizeof(values);
      for (const Value& v : values) bytes += ApproxBytes(v);
      PARLEY_RETURN_IF_ERROR(ctx.guard().Hold(bytes));
      held.push_back(values);
    }
  }
  PARLEY_RETURN_IF_ERROR(plan.root->status());
  for (const auto& finish : plan.finish) PARLEY_RETURN_IF_ERROR(finish());
  if (!stream) {
    PARLEY_RETURN_IF_ERROR(ctx.Commit());
    out->Begin(plan.columns);
    for (const auto& r : held) out->Row(r);
  }
  out->End();
  return Status::OK();
}

}  // namespace

Status RunQuery(GraphStore* store, std::string_view text, const ValueMap& params, ResultWriter* out,
                const QueryLimits& limits) {
  return RunQuery(store, text, params, out, limits, "");
}

Status RunQuery(GraphStore* store, std::string_view text, const ValueMap& params, ResultWriter* out,
                const QueryLimits& limits, const std::string& user) {
  // date(), time(), ... read one instant for the whole query.
  StatementClock clock;
  try {
    return Run(store, text, params, out, limits, user);
  } catch (const std::bad_alloc&) {
    // Whatever the query had built is freed by now, as the stack unwound.
    return Status::InvalidInput(
        "Query stopped: the machine ran out of memory (--max-memory sets a lower limit)");
  }
}

Status ParseParams(std::string_view json, ValueMap* params) {
  DepthCheck depth(kMaxParamsDepth);
  nlohmann::json::sax_parse(json, &depth, nlohmann::json::input_format_t::json,
                            /*strict=*/true);
  if (depth.too_deep()) {
    return Status::InvalidInput("--params is nested more than " + std::to_string(kMaxParamsDepth) +
                                " levels deep");
  }
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput("--params is not valid JSON");
  if (!j.is_object()) return Status::InvalidInput("--params must be a JSON object");
  for (const auto& [k, v] : j.items()) (*params)[k] = FromJson(v);
  return Status::OK();
}

}  // namespace parley::query

// libFuzzer target for the query front end: any bytes go through the lexer and parser; what
// parses goes through the semantic checks; what passes them is planned (against no store) and
// explained. Each stage must answer every input with a result or an error: no crash, no hang,
// no sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/exec_context.h"
#include "query/parser.h"
#include "query/plan.h"
#include "query/planner.h"
#include "query/semantic.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  using namespace parley::query;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Query q;
  if (!ParseQuery(text, &q).ok()) return 0;
  if (!CheckQuery(q, text).ok()) return 0;
  ValueMap params;
  params["x"] = Value(int64_t{1});
  params["name"] = Value("Iran");
  ExecContext ctx(nullptr, &params, text);
  QueryPlan plan;
  if (!PlanQuery(q, text, ctx, &plan).ok()) return 0;
  (void)ExplainPlan(plan);
  return 0;
}

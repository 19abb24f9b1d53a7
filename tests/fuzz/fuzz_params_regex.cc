// libFuzzer target for the values a user hands a query: the bytes up to the first newline are
// a regular expression, the rest a --params JSON text. The JSON goes through ParseParams (the
// nesting bound, the conversion to query values); each value then goes through the output
// writers, equality, grouping and =~ against the pattern, and the pattern is matched against
// every string found in the values. Every input must end in a result or an error: no crash,
// no hang, no sanitizer report.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "query/engine.h"
#include "query/result_format.h"

namespace {

using namespace parley;

// Every string in `v`, at any depth.
void Strings(const Value& v, ValueList* out) {
  if (v.is_string()) {
    out->push_back(v);
  } else if (v.is_list()) {
    for (const Value& x : v.as_list()) Strings(x, out);
  } else if (v.is_map()) {
    for (const auto& [k, x] : v.as_map()) {
      out->push_back(Value(k));
      Strings(x, out);
    }
  }
}

void Run(std::string_view text, const ValueMap& params, OutputFormat format) {
  query::QueryLimits limits;
  limits.timeout_seconds = 5;
  limits.max_memory_bytes = 64 << 20;
  std::ostringstream sink;
  auto writer = ResultWriter::Make(format, sink);
  (void)query::RunQuery(nullptr, text, params, writer.get(), limits);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string pattern(input.substr(0, nl));
  std::string_view json = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);

  ValueMap given;
  if (!query::ParseParams(json, &given).ok()) given.clear();
  ValueList strings;
  for (const auto& [name, v] : given) {
    strings.push_back(Value(name));
    Strings(v, &strings);
  }
  ValueMap params;
  params["p"] = Value(pattern);
  params["s"] = Value(std::string(json));
  params["l"] = Value(strings);
  Run("RETURN $s =~ $p AS m", params, OutputFormat::kJsonl);
  Run("UNWIND $l AS x RETURN x =~ $p AS m, x", params, OutputFormat::kCsv);
  for (const auto& [name, v] : given) {
    params["v"] = v;
    Run("RETURN $v AS v", params, OutputFormat::kJson);
    Run("RETURN $v AS v, $v = $v AS same, $v =~ $p AS m", params, OutputFormat::kTable);
    Run("UNWIND [$v, $v, 1] AS x RETURN count(DISTINCT x) AS n, collect(x) AS c", params,
        OutputFormat::kJsonl);
  }
  return 0;
}

// Result formatting: rows of Values written as an aligned table, JSON, JSON Lines or CSV.
//
// JSON follows the contract in DESIGN.md: integers without a decimal point, floats with one
// (NaN and Infinity as bare words), lists, maps; {"columns":[...],"rows":[[...]]} for a whole
// result. Rows are written as they come (the table format alone holds them to align columns).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "storage/value.h"
#include "util/status.h"

namespace parley {

enum class OutputFormat { kTable, kJson, kJsonl, kCsv };

// Parses "table", "json", "jsonl" or "csv".
Status ParseOutputFormat(std::string_view name, OutputFormat* format);

// Appends `v` as JSON.
void AppendJson(const Value& v, std::string* out);
// Appends `s` as a JSON string literal (escaped, quoted).
void AppendJsonString(std::string_view s, std::string* out);
// `v` for a table cell or CSV field: strings bare, everything else as JSON.
std::string PlainText(const Value& v);

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  virtual void Begin(const std::vector<std::string>& columns) = 0;
  virtual void Row(const std::vector<Value>& row) = 0;
  virtual void End() = 0;

  // A writer of `format` onto `out`.
  static std::unique_ptr<ResultWriter> Make(OutputFormat format, std::ostream& out);
};

}  // namespace parley

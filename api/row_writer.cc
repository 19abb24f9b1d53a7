// RowCallbackWriter (api/row_writer.h) and the JSON of a row (parley::Row::json).
#include "api/row_writer.h"

namespace parley {

void RowCallbackWriter::Begin(const std::vector<std::string>& columns) {
  columns_ = columns;
  if (columns_out_) *columns_out_ = columns;
}

void RowCallbackWriter::Row(const std::vector<Value>& row) {
  // Rows already produced when the callback asked to stop are not handed over.
  if (stop_->load()) return;
  parley::Row r;
  r.columns = &columns_;
  r.values.reserve(row.size());
  for (const Value& v : row) {
    std::string json;
    AppendJson(v, &json);
    r.values.push_back(std::move(json));
  }
  try {
    if (!on_row_(r)) stop_->store(true);
  } catch (...) {
    thrown_ = std::current_exception();
    stop_->store(true);
  }
}

std::string Row::json() const {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ",";
    AppendJsonString(columns && i < columns->size() ? (*columns)[i] : std::to_string(i), &out);
    out += ":";
    out += values[i];
  }
  return out + "}";
}

}  // namespace parley

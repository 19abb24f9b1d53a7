#include "query/result_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "query/query_values.h"
#include "query/temporal.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace parley {
namespace {

// Calls `keep(bytes)` for each character of `s` a terminal shows as text and `control(code)`
// for each it would act on: C0 controls, DEL, C1 controls (U+0080-U+009F, which include CSI
// and OSC) and bytes that are not UTF-8 (a lone 0x9B is CSI to an 8-bit terminal).
template <typename Keep, typename Control>
void SplitControls(std::string_view s, Keep&& keep, Control&& control) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    int32_t cp = NextCodePoint(s, &i);
    if (cp == kNotUtf8) {
      control(static_cast<uint32_t>(static_cast<unsigned char>(s[at])), true);
    } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
      control(static_cast<uint32_t>(cp), false);
    } else {
      keep(s.substr(at, i - at));
    }
  }
}

// A table cell: line breaks and tabs as spaces, other controls as visible escapes (\x1b,
// \u009b), so that text from articles can neither move the cursor nor retitle the terminal.
std::string TableCell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  SplitControls(
      s, [&](std::string_view bytes) { out.append(bytes); },
      [&](uint32_t cp, bool raw_byte) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
          out += ' ';
          return;
        }
        char buf[8];
        std::snprintf(buf, sizeof buf, cp < 0x80 || raw_byte ? "\\x%02x" : "\\u%04x", cp);
        out += buf;
      });
  return out;
}

// A CSV field's text: line breaks kept (the field is then quoted), tabs as spaces, every other
// control character dropped.
std::string CsvText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  SplitControls(
      s, [&](std::string_view bytes) { out.append(bytes); },
      [&](uint32_t cp, bool) {
        if (cp == '\n' || cp == '\r') out += static_cast<char>(cp);
        if (cp == '\t') out += ' ';
      });
  return out;
}

class JsonWriter : public ResultWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void Begin(const std::vector<std::string>& columns) override {
    std::string s = "{\"columns\":[";
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i) s += ',';
      AppendJsonString(columns[i], &s);
    }
    s += "],\"rows\":[";
    out_ << s;
  }
  void Row(const std::vector<Value>& row) override {
    std::string s = first_ ? "[" : ",[";
    first_ = false;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) s += ',';
      AppendJson(row[i], &s);
    }
    s += ']';
    out_ << s;
  }
  void End() override { out_ << "]}\n"; }

 private:
  std::ostream& out_;
  bool first_ = true;
};

class JsonlWriter : public ResultWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void Begin(const std::vector<std::string>& columns) override { columns_ = columns; }
  void Row(const std::vector<Value>& row) override {
    std::string s = "{";
    for (size_t i = 0; i < row.size() && i < columns_.size(); ++i) {
      if (i) s += ',';
      AppendJsonString(columns_[i], &s);
      s += ':';
      AppendJson(row[i], &s);
    }
    s += "}\n";
    out_ << s;
  }
  void End() override { out_.flush(); }

 private:
  std::ostream& out_;
  std::vector<std::string> columns_;
};

class CsvWriter : public ResultWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void Begin(const std::vector<std::string>& columns) override { Line(columns); }
  void Row(const std::vector<Value>& row) override {
    std::vector<std::string> fields;
    for (const Value& v : row) fields.push_back(v.is_null() ? "" : PlainText(v));
    Line(fields);
  }
  void End() override { out_.flush(); }

 private:
  // RFC 4180: quote fields holding a comma, quote or line break; double inner quotes. No
  // control characters other than line breaks (CsvText).
  void Line(const std::vector<std::string>& fields) {
    std::string s;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) s += ',';
      s += CsvField(CsvText(fields[i]));
    }
    out_ << s << "\r\n";
  }
  std::ostream& out_;
};

class TableWriter : public ResultWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}
  void Begin(const std::vector<std::string>& columns) override {
    for (const auto& c : columns) columns_.push_back(TableCell(c));
  }
  void Row(const std::vector<Value>& row) override {
    std::vector<std::string> cells;
    for (const Value& v : row) {
      cells.push_back(TableCell(v.is_null() ? "null" : PlainText(v)));
    }
    rows_.push_back(std::move(cells));
  }
  void End() override {
    std::vector<size_t> w(columns_.size());
    for (size_t i = 0; i < columns_.size(); ++i) w[i] = CodePointCount(columns_[i]);
    for (const auto& r : rows_) {
      for (size_t i = 0; i < r.size() && i < w.size(); ++i)
        w[i] = std::max(w[i], CodePointCount(r[i]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
      std::string s;
      for (size_t i = 0; i < w.size(); ++i) {
        std::string c = i < cells.size() ? cells[i] : "";
        s += c;
        if (i + 1 < w.size()) s += std::string(w[i] - CodePointCount(c) + 2, ' ');
      }
      while (!s.empty() && s.back() == ' ') s.pop_back();
      out_ << s << '\n';
    };
    line(columns_);
    std::vector<std::string> rule;
    for (size_t x : w) rule.push_back(std::string(x, '-'));
    line(rule);
    for (const auto& r : rows_) line(r);
    out_ << "(" << rows_.size() << (rows_.size() == 1 ? " row)\n" : " rows)\n");
  }

 private:
  std::ostream& out_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

Status ParseOutputFormat(std::string_view name, OutputFormat* format) {
  if (name == "table")
    *format = OutputFormat::kTable;
  else if (name == "json")
    *format = OutputFormat::kJson;
  else if (name == "jsonl")
    *format = OutputFormat::kJsonl;
  else if (name == "csv")
    *format = OutputFormat::kCsv;
  else
    return Status::Usage("unknown format '" + std::string(name) + "' (table, json, jsonl or csv)");
  return Status::OK();
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
          // A C1 control (U+0080-U+009F) as an escape too: terminals act on them.
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(s[++i]));
          *out += buf;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendJson(const Value& v, std::string* out) {
  switch (v.type()) {
    case Value::Type::kNull:
      *out += "null";
      break;
    case Value::Type::kBool:
      *out += v.as_bool() ? "true" : "false";
      break;
    case Value::Type::kInt:
      *out += std::to_string(v.as_int());
      break;
    case Value::Type::kFloat: {
      double d = v.as_float();
      if (std::isnan(d)) {
        *out += "NaN";
      } else if (std::isinf(d)) {
        *out += d > 0 ? "Infinity" : "-Infinity";
      } else {
        // Shortest form that reads back exactly, and always with a '.' or exponent.
        std::string s = ShortestDouble(d);
        if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
        *out += s;
      }
      break;
    }
    case Value::Type::kString:
      AppendJsonString(v.as_string(), out);
      break;
    case Value::Type::kList: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : v.as_list()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJson(item, out);
      }
      out->push_back(']');
      break;
    }
    case Value::Type::kMap: {
      out->push_back('{');
      bool first = true;
      for (const auto& [k, item] : v.as_map()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(k, out);
        out->push_back(':');
        AppendJson(item, out);
      }
      out->push_back('}');
      break;
    }
    case Value::Type::kNode: {
      const Node& n = v.as_node();
      *out += "{\"$type\":\"node\",\"id\":" + std::to_string(n.id) + ",\"labels\":[";
      for (size_t i = 0; i < n.labels.size(); ++i) {
        if (i) out->push_back(',');
        AppendJsonString(n.labels[i], out);
      }
      *out += "],\"properties\":";
      AppendJson(Value(n.properties), out);
      out->push_back('}');
      break;
    }
    case Value::Type::kRelationship: {
      const Relationship& r = v.as_relationship();
      *out += "{\"$type\":\"relationship\",\"id\":" + std::to_string(r.id) + ",\"type\":";
      AppendJsonString(r.type, out);
      *out += ",\"start\":" + std::to_string(r.start) + ",\"end\":" + std::to_string(r.end) +
              ",\"properties\":";
      AppendJson(Value(r.properties), out);
      out->push_back('}');
      break;
    }
    case Value::Type::kTemporal:
      // Temporal values print as their ISO text, the form the TCK writes them in.
      AppendJsonString(query::TemporalText(v.as_temporal()), out);
      break;
    case Value::Type::kPath: {
      *out += "{\"$type\":\"path\",\"nodes\":";
      AppendJson(Value(v.as_path().nodes), out);
      *out += ",\"relationships\":";
      AppendJson(Value(v.as_path().relationships), out);
      out->push_back('}');
      break;
    }
  }
}

std::string PlainText(const Value& v) {
  if (v.is_string()) return v.as_string();
  std::string s;
  AppendJson(v, &s);
  return s;
}

std::unique_ptr<ResultWriter> ResultWriter::Make(OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonWriter>(out);
    case OutputFormat::kJsonl:
      return std::make_unique<JsonlWriter>(out);
    case OutputFormat::kCsv:
      return std::make_unique<CsvWriter>(out);
    case OutputFormat::kTable:
      break;
  }
  return std::make_unique<TableWriter>(out);
}

}  // namespace parley

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "graph/export_writer.h"
#include "util/json_text.h"
#include "util/strings.h"

namespace parley::exporting {

// XML 1.0 character data: markup characters escaped, characters XML cannot hold dropped.
std::string Xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachChar(s, [&](uint32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += "&quot;";
        return;
      case '\'':
        out += "&apos;";
        return;
      default:
        break;
    }
    // XML 1.0's characters, less DEL and the C1 controls (discouraged by XML, acted on by
    // terminals).
    bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp < 0x7F) ||
                   (cp > 0x9F && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                   (cp >= 0x10000 && cp <= 0x10FFFF);
    if (allowed) out.append(bytes);
  });
  return out;
}

// A quoted string for DOT and N-Triples: backslash escapes, control characters as \n or
// dropped.
std::string Quoted(std::string_view s, bool unicode_escapes) {
  std::string out = "\"";
  ForEachChar(s, [&](uint32_t cp, std::string_view bytes) {
    switch (cp) {
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\r':
        out += "\\r";
        return;
      case '\t':
        out += unicode_escapes ? "\\t" : " ";
        return;
      default:
        break;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      if (unicode_escapes) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", cp);
        out += buf;
      }
      return;
    }
    out.append(bytes);
  });
  return out + "\"";
}

// A property value as plain text: strings as they are, lists as [a, b], numbers in decimal.
std::string Text(const Value& v) {
  switch (v.type()) {
    case Value::Type::kString:
      return v.as_string();
    case Value::Type::kBool:
      return v.as_bool() ? "true" : "false";
    case Value::Type::kInt:
      return std::to_string(v.as_int());
    case Value::Type::kFloat:
      return ShortestDouble(v.as_float());
    case Value::Type::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) {
        out += (i ? ", " : "") + Text(v.as_list()[i]);
      }
      return out + "]";
    }
    default:
      return v.DebugString();
  }
}

std::string AttributeName(std::string_view key, std::initializer_list<std::string_view> reserved) {
  for (std::string_view r : reserved) {
    if (key == r) return "property_" + std::string(key);
  }
  return std::string(key);
}

std::string TextAs(const Value& v, std::string_view type) {
  return type.starts_with("double") && v.is_int() ? ShortestDouble(static_cast<double>(v.as_int()))
                                                  : Text(v);
}

std::string Labels(const Node& n) {
  std::string out;
  for (const auto& l : n.labels) out += ":" + l;
  return out;
}

// A readable caption for a node: its name, else its title, else its text, else its labels.
std::string Caption(const Node& n) {
  for (const char* key : {"name", "title", "text", "id"}) {
    auto it = n.properties.find(key);
    if (it != n.properties.end() && it->second.is_string()) return it->second.as_string();
  }
  return Labels(n);
}

nlohmann::json ToJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kBool:
      return v.as_bool();
    case Value::Type::kInt:
      return v.as_int();
    case Value::Type::kFloat: {
      double d = v.as_float();
      return std::isfinite(d) ? nlohmann::json(d)
                              : nlohmann::json(ShortestDouble(d));  // JSON has no NaN
    }
    case Value::Type::kString:
      return v.as_string();
    case Value::Type::kList: {
      nlohmann::json a = nlohmann::json::array();
      for (const Value& x : v.as_list()) a.push_back(ToJson(x));
      return a;
    }
    case Value::Type::kMap: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, x] : v.as_map()) o[k] = ToJson(x);
      return o;
    }
    case Value::Type::kNull:
      return nullptr;
    default:
      return v.DebugString();
  }
}

std::string Dump(const nlohmann::json& j) {
  return JsonText(j);
}

}  // namespace parley::exporting

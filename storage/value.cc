#include "storage/value.h"

#include <cmath>
#include <sstream>

namespace parley {

namespace {

// Equality of two query-only values of one type, by the type's own comparison.
template <class T>
bool SameQueryOnly(const QueryOnly<T>& a, const QueryOnly<T>& b) {
  return a.equal(*a.value, *b.value);
}

// The debug text of a query-only value, by the type's own rendering.
template <class T>
std::string DebugText(const QueryOnly<T>& q) {
  return q.text(*q.value);
}

}  // namespace

bool Value::operator==(const Value& o) const {
  if (type() != o.type()) return false;
  switch (type()) {
    case Type::kNull:
      return true;
    case Type::kBool:
      return as_bool() == o.as_bool();
    case Type::kInt:
      return as_int() == o.as_int();
    case Type::kFloat:
      return as_float() == o.as_float() || (std::isnan(as_float()) && std::isnan(o.as_float()));
    case Type::kString:
      return as_string() == o.as_string();
    case Type::kList:
      return as_list() == o.as_list();
    case Type::kMap:
      return as_map() == o.as_map();
    case Type::kNode:
      return as_node().id == o.as_node().id;
    case Type::kRelationship:
      return as_relationship().id == o.as_relationship().id;
    case Type::kPath:
      return SameQueryOnly(std::get<QueryOnly<Path>>(v_), std::get<QueryOnly<Path>>(o.v_));
    case Type::kTemporal:
      return SameQueryOnly(std::get<QueryOnly<Temporal>>(v_), std::get<QueryOnly<Temporal>>(o.v_));
  }
  return false;
}

bool Value::IsStorable() const {
  switch (type()) {
    case Type::kList:
      for (const Value& v : as_list()) {
        if (!v.IsStorable()) return false;
      }
      return true;
    case Type::kMap:
      for (const auto& [k, v] : as_map()) {
        if (!v.IsStorable()) return false;
      }
      return true;
    case Type::kNode:
    case Type::kRelationship:
    case Type::kPath:
      return false;
    default:
      return true;
  }
}

std::string Value::DebugString() const {
  switch (type()) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return as_bool() ? "true" : "false";
    case Type::kInt:
      return std::to_string(as_int());
    case Type::kFloat: {
      std::ostringstream os;
      os.precision(17);
      os << as_float();
      return os.str();
    }
    case Type::kString:
      return "'" + as_string() + "'";
    case Type::kList: {
      std::string out = "[";
      for (size_t i = 0; i < as_list().size(); ++i) {
        if (i) out += ", ";
        out += as_list()[i].DebugString();
      }
      return out + "]";
    }
    case Type::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, v] : as_map()) {
        if (!first) out += ", ";
        first = false;
        out += k + ": " + v.DebugString();
      }
      return out + "}";
    }
    case Type::kNode:
      return "node " + std::to_string(as_node().id);
    case Type::kRelationship:
      return "relationship " + std::to_string(as_relationship().id);
    case Type::kPath:
      return DebugText(std::get<QueryOnly<Path>>(v_));
    case Type::kTemporal:
      return DebugText(std::get<QueryOnly<Temporal>>(v_));
  }
  return "?";
}

std::string StringProperty(const PropertyMap& props, std::string_view key) {
  auto it = props.find(std::string(key));
  if (it == props.end()) return "";
  if (it->second.is_string()) return it->second.as_string();
  // A date reads as its ISO text, so that "date" is the same text whether a store holds it
  // as a Date or (written before dates were stored as such) as a String.
  if (it->second.is_temporal()) return it->second.DebugString();
  return "";
}

}  // namespace parley

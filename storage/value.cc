#include "storage/value.h"

#include <cmath>
#include <sstream>

namespace parley {

bool Value::operator==(const Value& o) const {
  if (type() != o.type()) return false;
  switch (type()) {
    case Type::kNull: return true;
    case Type::kBool: return as_bool() == o.as_bool();
    case Type::kInt: return as_int() == o.as_int();
    case Type::kFloat:
      return as_float() == o.as_float() || (std::isnan(as_float()) && std::isnan(o.as_float()));
    case Type::kString: return as_string() == o.as_string();
    case Type::kList: return as_list() == o.as_list();
    case Type::kMap: return as_map() == o.as_map();
  }
  return false;
}

std::string Value::DebugString() const {
  switch (type()) {
    case Type::kNull: return "null";
    case Type::kBool: return as_bool() ? "true" : "false";
    case Type::kInt: return std::to_string(as_int());
    case Type::kFloat: {
      std::ostringstream os;
      os.precision(17);
      os << as_float();
      return os.str();
    }
    case Type::kString: return "'" + as_string() + "'";
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
  }
  return "?";
}

}  // namespace parley

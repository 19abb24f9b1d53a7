#include "query/value_ops.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string_view>

#include "query/query_values.h"
#include "query/temporal.h"
#include "storage/value.h"
#include "util/strings.h"

namespace parley::query {
namespace {

using Type = Value::Type;

// -1, 0 or 1 for an integer against a double that is not NaN, exactly: converting the integer
// to double would make 2^53 + 1 equal to 2^53 and break the transitivity grouping relies on.
int CompareIntFloat(int64_t i, double d) {
  constexpr double kTwo63 = 9223372036854775808.0;  // 2^63, exact as a double
  if (d >= kTwo63) return -1;
  if (d < -kTwo63) return 1;
  double whole = std::trunc(d);
  auto t = static_cast<int64_t>(whole);  // in range: -2^63 <= whole < 2^63
  if (i != t) return i < t ? -1 : 1;
  double frac = d - whole;  // exact
  if (frac > 0) return -1;
  if (frac < 0) return 1;
  return 0;
}

// Numeric comparison of two numbers; false when NaN leaves them unordered.
bool CompareNumbers(const Value& a, const Value& b, int* order) {
  if (a.is_int() && b.is_int()) {
    *order = a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
    return true;
  }
  if (a.is_float() && std::isnan(a.as_float())) return false;
  if (b.is_float() && std::isnan(b.as_float())) return false;
  if (a.is_int()) {
    *order = CompareIntFloat(a.as_int(), b.as_float());
  } else if (b.is_int()) {
    *order = -CompareIntFloat(b.as_int(), a.as_float());
  } else {
    double x = a.as_float(), y = b.as_float();
    *order = x < y ? -1 : (x > y ? 1 : 0);
  }
  return true;
}

int Sign(int c) {
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Graph elements compare by id; a path by its elements in walk order.
bool SameElements(const std::vector<Value>& a, const std::vector<Value>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;  // Value::operator== compares graph elements by id
  }
  return true;
}

// The rank of a type in ORDER BY's order across types.
int OrderRank(const Value& v) {
  switch (v.type()) {
    case Type::kMap:
      return 0;
    case Type::kNode:
      return 1;
    case Type::kRelationship:
      return 2;
    case Type::kList:
      return 3;
    case Type::kPath:
      return 4;
    case Type::kTemporal:  // Cypher orders temporal values between paths and strings
      return 5;
    case Type::kString:
      return 6;
    case Type::kBool:
      return 7;
    case Type::kInt:
    case Type::kFloat:
      return 8;
    case Type::kNull:
      return 9;
  }
  return 9;
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int OrderElements(const std::vector<Value>& a, const std::vector<Value>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    int c = OrderCompare(a[i], b[i]);
    if (c != 0) return c;
  }
  return Cmp(a.size(), b.size());
}

size_t Mix(size_t seed, size_t h) {
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

Status TypeError(const char* verb, const Value& a, const char* joiner, const Value& b) {
  return Status::InvalidInput(std::string("cannot ") + verb + " " + TypeName(a) + " " + joiner +
                              " " + TypeName(b));
}

Status Overflow() {
  return Status::InvalidInput("integer overflow");
}

void AppendFloat(double d, std::string* out) {
  if (std::isnan(d)) {
    *out += "NaN";
    return;
  }
  if (std::isinf(d)) {
    *out += d > 0 ? "Infinity" : "-Infinity";
    return;
  }
  if (d == 0) {
    *out += std::signbit(d) ? "-0.0" : "0.0";
    return;
  }
  // The shortest digits that read back exactly, laid out as Java's Double.toString does (the
  // form the TCK prints): plain decimals for 1e-3 <= |d| < 1e7, else d.dddE<exp>.
  if (std::signbit(d)) *out += '-';
  std::string digits;
  int exp = 0;
  ShortestDigits(d, &digits, &exp);
  double mag = std::fabs(d);
  if (mag >= 1e-3 && mag < 1e7) {
    if (exp >= 0) {
      size_t int_len = static_cast<size_t>(exp) + 1;
      if (digits.size() <= int_len) {
        *out += digits + std::string(int_len - digits.size(), '0') + ".0";
      } else {
        *out += digits.substr(0, int_len) + "." + digits.substr(int_len);
      }
    } else {
      *out += "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    }
  } else {
    *out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" +
            std::to_string(exp);
  }
}

void AppendQuoted(const std::string& s, std::string* out) {
  *out += '\'';
  for (char c : s) {
    if (c == '\'' || c == '\\') *out += '\\';
    *out += c;
  }
  *out += '\'';
}

void AppendText(const Value& v, bool quote_strings, std::string* out);

// " {k: v, ...}" for a non-empty property map, nothing for an empty one.
void AppendProperties(const ValueMap& props, std::string* out) {
  if (props.empty()) return;
  *out += " ";
  AppendText(Value(props), true, out);
}

void AppendNodeText(const Node& n, std::string* out) {
  *out += '(';
  for (const std::string& label : n.labels) *out += ":" + label;
  if (n.labels.empty() && !n.properties.empty()) {
    AppendText(Value(n.properties), true, out);
  } else {
    AppendProperties(n.properties, out);
  }
  *out += ')';
}

void AppendRelText(const Relationship& r, std::string* out) {
  *out += "[:" + r.type;
  AppendProperties(r.properties, out);
  *out += ']';
}

void AppendText(const Value& v, bool quote_strings, std::string* out) {
  switch (v.type()) {
    case Type::kNull:
      *out += "null";
      break;
    case Type::kBool:
      *out += v.as_bool() ? "true" : "false";
      break;
    case Type::kInt:
      *out += std::to_string(v.as_int());
      break;
    case Type::kFloat:
      AppendFloat(v.as_float(), out);
      break;
    case Type::kString:
      if (quote_strings) {
        AppendQuoted(v.as_string(), out);
      } else {
        *out += v.as_string();
      }
      break;
    case Type::kList: {
      *out += '[';
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) *out += ", ";
        first = false;
        AppendText(e, true, out);
      }
      *out += ']';
      break;
    }
    case Type::kMap: {
      *out += '{';
      bool first = true;
      for (const auto& [k, e] : v.as_map()) {
        if (!first) *out += ", ";
        first = false;
        *out += k + ": ";
        AppendText(e, true, out);
      }
      *out += '}';
      break;
    }
    case Type::kTemporal:
      // Quoted like a string, as the TCK prints temporal values.
      if (quote_strings) *out += '\'';
      *out += TemporalText(v.as_temporal());
      if (quote_strings) *out += '\'';
      break;
    case Type::kNode:
      AppendNodeText(v.as_node(), out);
      break;
    case Type::kRelationship:
      AppendRelText(v.as_relationship(), out);
      break;
    case Type::kPath: {
      const Path& p = v.as_path();
      *out += '<';
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0) {
          const Relationship& r = p.relationships[i - 1].as_relationship();
          // The arrow follows the relationship's own direction, whichever way the walk goes.
          bool forward = r.start == p.nodes[i - 1].as_node().id;
          *out += forward ? "-" : "<-";
          AppendRelText(r, out);
          *out += forward ? "->" : "-";
        }
        AppendNodeText(p.nodes[i].as_node(), out);
      }
      *out += '>';
      break;
    }
  }
}

}  // namespace

Value TriValue(Tri t) {
  if (t == Tri::kNull) return Value();
  return Value(t == Tri::kTrue);
}

Tri Not(Tri a) {
  if (a == Tri::kNull) return Tri::kNull;
  return a == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}

Tri And(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return Tri::kTrue;
}

Tri Or(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return Tri::kFalse;
}

Tri Xor(Tri a, Tri b) {
  if (a == Tri::kNull || b == Tri::kNull) return Tri::kNull;
  return ToTri(a != b);
}

const char* TypeName(const Value& v) {
  switch (v.type()) {
    case Type::kNull:
      return "Null";
    case Type::kBool:
      return "Boolean";
    case Type::kInt:
      return "Integer";
    case Type::kFloat:
      return "Float";
    case Type::kString:
      return "String";
    case Type::kList:
      return "List";
    case Type::kMap:
      return "Map";
    case Type::kNode:
      return "Node";
    case Type::kRelationship:
      return "Relationship";
    case Type::kPath:
      return "Path";
    case Type::kTemporal:
      return TemporalTypeName(v.as_temporal().kind);
  }
  return "Unknown";
}

Tri Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (a.is_number() && b.is_number()) {
    int order = 0;
    return ToTri(CompareNumbers(a, b, &order) && order == 0);
  }
  if (a.type() != b.type()) return Tri::kFalse;
  switch (a.type()) {
    case Type::kBool:
      return ToTri(a.as_bool() == b.as_bool());
    case Type::kString:
      return ToTri(a.as_string() == b.as_string());
    case Type::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      if (x.size() != y.size()) return Tri::kFalse;
      // A difference anywhere decides false even after a null; only nulls make it unknown.
      Tri result = Tri::kTrue;
      for (size_t i = 0; i < x.size(); ++i) {
        Tri e = Equals(x[i], y[i]);
        if (e == Tri::kFalse) return Tri::kFalse;
        if (e == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case Type::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      if (x.size() != y.size()) return Tri::kFalse;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first) return Tri::kFalse;
      }
      Tri result = Tri::kTrue;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        Tri e = Equals(i->second, j->second);
        if (e == Tri::kFalse) return Tri::kFalse;
        if (e == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case Type::kNode:
      return ToTri(a.as_node().id == b.as_node().id);
    case Type::kRelationship:
      return ToTri(a.as_relationship().id == b.as_relationship().id);
    case Type::kPath:
      return ToTri(SameElements(a.as_path().nodes, b.as_path().nodes) &&
                   SameElements(a.as_path().relationships, b.as_path().relationships));
    case Type::kTemporal: {
      // Zoned values are equal when they are the same instant in the same zone.
      const Temporal& x = a.as_temporal();
      const Temporal& y = b.as_temporal();
      if (x.kind != y.kind) return Tri::kFalse;
      int order = 0;
      if (CompareTemporal(x, y, &order)) {
        return ToTri(order == 0 && x.offset_seconds == y.offset_seconds && x.zone == y.zone);
      }
      return ToTri(x == y);
    }
    default:
      return Tri::kFalse;
  }
}

Tri Compare(const Value& a, const Value& b, int* order) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (a.is_number() && b.is_number()) {
    return CompareNumbers(a, b, order) ? Tri::kTrue : Tri::kFalse;
  }
  if (a.type() != b.type()) return Tri::kNull;
  switch (a.type()) {
    case Type::kBool:
      *order = Cmp(a.as_bool(), b.as_bool());
      return Tri::kTrue;
    case Type::kString:
      // UTF-8 bytes compared as unsigned sort as their code points do.
      *order = Sign(a.as_string().compare(b.as_string()));
      return Tri::kTrue;
    case Type::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        Tri t = Compare(x[i], y[i], order);
        if (t != Tri::kTrue) return t;  // null or NaN decides before any later element
        if (*order != 0) return Tri::kTrue;
      }
      *order = Cmp(x.size(), y.size());
      return Tri::kTrue;
    }
    case Type::kTemporal:
      // Values of one temporal kind are ordered in time; durations and mixed kinds are not.
      return CompareTemporal(a.as_temporal(), b.as_temporal(), order) ? Tri::kTrue : Tri::kNull;
    default:
      return Tri::kNull;  // maps and graph elements have no < in Cypher
  }
}

namespace {

// One comparison operator given which orders make it true.
Tri CompareOp(const Value& a, const Value& b, bool if_less, bool if_equal, bool if_greater) {
  int order = 0;
  Tri t = Compare(a, b, &order);
  if (t != Tri::kTrue) return t;
  return ToTri(order < 0 ? if_less : (order == 0 ? if_equal : if_greater));
}

}  // namespace

Tri LessThan(const Value& a, const Value& b) {
  return CompareOp(a, b, true, false, false);
}
Tri LessOrEqual(const Value& a, const Value& b) {
  return CompareOp(a, b, true, true, false);
}
Tri GreaterThan(const Value& a, const Value& b) {
  return CompareOp(a, b, false, false, true);
}
Tri GreaterOrEqual(const Value& a, const Value& b) {
  return CompareOp(a, b, false, true, true);
}

int OrderCompare(const Value& a, const Value& b) {
  int ra = OrderRank(a), rb = OrderRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case Type::kNull:
      return 0;
    case Type::kInt:
    case Type::kFloat: {
      bool a_nan = a.is_float() && std::isnan(a.as_float());
      bool b_nan = b.is_float() && std::isnan(b.as_float());
      if (a_nan || b_nan) return Cmp(a_nan, b_nan);  // NaN after every number
      int order = 0;
      CompareNumbers(a, b, &order);
      return order;
    }
    case Type::kBool:
      return Cmp(a.as_bool(), b.as_bool());
    case Type::kString:
      return Sign(a.as_string().compare(b.as_string()));
    case Type::kList:
      return OrderElements(a.as_list(), b.as_list());
    case Type::kMap: {
      // Key by key in sorted order, then the shorter map first.
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end(); ++i, ++j) {
        if (int c = Sign(i->first.compare(j->first)); c != 0) return c;
        if (int c = OrderCompare(i->second, j->second); c != 0) return c;
      }
      return Cmp(x.size(), y.size());
    }
    case Type::kNode:
      return Cmp(a.as_node().id, b.as_node().id);
    case Type::kRelationship:
      return Cmp(a.as_relationship().id, b.as_relationship().id);
    case Type::kPath: {
      const Path& x = a.as_path();
      const Path& y = b.as_path();
      // Walk order: node, relationship, node, ...
      size_t n = std::min(x.nodes.size() + x.relationships.size(),
                          y.nodes.size() + y.relationships.size());
      for (size_t i = 0; i < n; ++i) {
        const Value& ex = i % 2 ? x.relationships[i / 2] : x.nodes[i / 2];
        const Value& ey = i % 2 ? y.relationships[i / 2] : y.nodes[i / 2];
        if (int c = OrderCompare(ex, ey); c != 0) return c;
      }
      return Cmp(x.relationships.size(), y.relationships.size());
    }
    case Type::kTemporal: {
      const Temporal& x = a.as_temporal();
      const Temporal& y = b.as_temporal();
      if (x.kind != y.kind) return Cmp(x.kind, y.kind);
      int order = 0;
      if (CompareTemporal(x, y, &order) && order != 0) return order;
      // Durations, and equal instants in different zones: a stable order by their parts.
      return Sign(TemporalText(x).compare(TemporalText(y)));
    }
  }
  return 0;
}

bool GroupEquals(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    bool a_nan = a.is_float() && std::isnan(a.as_float());
    bool b_nan = b.is_float() && std::isnan(b.as_float());
    if (a_nan || b_nan) return a_nan && b_nan;
    int order = 0;
    CompareNumbers(a, b, &order);
    return order == 0;
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Type::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!GroupEquals(x[i], y[i])) return false;
      }
      return true;
    }
    case Type::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first || !GroupEquals(i->second, j->second)) return false;
      }
      return true;
    }
    default:
      return a == b;  // null = null; booleans, strings and graph elements structurally
  }
}

size_t GroupHash(const Value& v) {
  size_t h = static_cast<size_t>(OrderRank(v)) * 0x100000001b3ULL;
  switch (v.type()) {
    case Type::kNull:
      return h;
    case Type::kBool:
      return Mix(h, v.as_bool());
    case Type::kInt:
      return Mix(h, std::hash<int64_t>()(v.as_int()));
    case Type::kFloat: {
      // An integral float hashes as the integer it equals, so that 1 and 1.0 group together.
      double d = v.as_float();
      if (std::isnan(d)) return Mix(h, 0x7ff8);
      if (d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
        return Mix(h, std::hash<int64_t>()(static_cast<int64_t>(d)));
      }
      return Mix(h, std::hash<double>()(d));
    }
    case Type::kString:
      return Mix(h, std::hash<std::string>()(v.as_string()));
    case Type::kList:
      for (const Value& e : v.as_list()) h = Mix(h, GroupHash(e));
      return h;
    case Type::kMap:
      for (const auto& [k, e] : v.as_map()) {
        h = Mix(Mix(h, std::hash<std::string>()(k)), GroupHash(e));
      }
      return h;
    case Type::kNode:
      return Mix(h, std::hash<uint64_t>()(v.as_node().id));
    case Type::kRelationship:
      return Mix(h, std::hash<uint64_t>()(v.as_relationship().id));
    case Type::kPath:
      for (const Value& e : v.as_path().nodes) h = Mix(h, GroupHash(e));
      for (const Value& e : v.as_path().relationships) h = Mix(h, GroupHash(e));
      return h;
    case Type::kTemporal:
      return Mix(h, TemporalHash(v.as_temporal()));
  }
  return h;
}

Status Add(const Value& a, const Value& b, Value* out) {
  if (a.is_null() || b.is_null()) {
    *out = Value();
    return Status::OK();
  }
  // A temporal value plus a duration, or two durations (query/temporal_ops.cc).
  if ((a.is_temporal() || b.is_temporal()) && !a.is_list() && !b.is_list()) {
    return TemporalAdd(a, b, out);
  }
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) return Overflow();
    *out = Value(r);
    return Status::OK();
  }
  if (a.is_number() && b.is_number()) {
    *out = Value(a.as_number() + b.as_number());
    return Status::OK();
  }
  // Lists before strings: 'a' + [1] prepends to the list rather than printing it.
  if (a.is_list() && b.is_list()) {
    ValueList r = a.as_list();
    r.insert(r.end(), b.as_list().begin(), b.as_list().end());
    *out = Value(std::move(r));
    return Status::OK();
  }
  if (a.is_list()) {
    ValueList r = a.as_list();
    r.push_back(b);
    *out = Value(std::move(r));
    return Status::OK();
  }
  if (b.is_list()) {
    ValueList r;
    r.reserve(b.as_list().size() + 1);
    r.push_back(a);
    r.insert(r.end(), b.as_list().begin(), b.as_list().end());
    *out = Value(std::move(r));
    return Status::OK();
  }
  auto scalar = [](const Value& v) { return v.is_string() || v.is_number() || v.is_bool(); };
  if ((a.is_string() || b.is_string()) && scalar(a) && scalar(b)) {
    *out = Value(CypherText(a, false) + CypherText(b, false));
    return Status::OK();
  }
  return TypeError("add", a, "and", b);
}

Status Subtract(const Value& a, const Value& b, Value* out) {
  if (a.is_null() || b.is_null()) {
    *out = Value();
    return Status::OK();
  }
  if (a.is_temporal() || b.is_temporal()) return TemporalSubtract(a, b, out);
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_sub_overflow(a.as_int(), b.as_int(), &r)) return Overflow();
    *out = Value(r);
    return Status::OK();
  }
  if (a.is_number() && b.is_number()) {
    *out = Value(a.as_number() - b.as_number());
    return Status::OK();
  }
  return TypeError("subtract", b, "from", a);
}

Status Multiply(const Value& a, const Value& b, Value* out) {
  if (a.is_null() || b.is_null()) {
    *out = Value();
    return Status::OK();
  }
  // A duration scaled by a number, on either side.
  if (a.is_temporal() && a.as_temporal().kind == Temporal::Kind::kDuration && b.is_number()) {
    return DurationScale(a, b, false, out);
  }
  if (b.is_temporal() && b.as_temporal().kind == Temporal::Kind::kDuration && a.is_number()) {
    return DurationScale(b, a, false, out);
  }
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_mul_overflow(a.as_int(), b.as_int(), &r)) return Overflow();
    *out = Value(r);
    return Status::OK();
  }
  if (a.is_number() && b.is_number()) {
    *out = Value(a.as_number() * b.as_number());
    return Status::OK();
  }
  return TypeError("multiply", a, "by", b);
}

Status Divide(const Value& a, const Value& b, Value* out) {
  if (a.is_null() || b.is_null()) {
    *out = Value();
    return Status::OK();
  }
  if (a.is_temporal() && a.as_temporal().kind == Temporal::Kind::kDuration && b.is_number()) {
    return DurationScale(a, b, true, out);
  }
  if (a.is_int() && b.is_int()) {
    if (b.as_int() == 0) return Status::InvalidInput("/ by zero");
    if (a.as_int() == std::numeric_limits<int64_t>::min() && b.as_int() == -1) return Overflow();
    *out = Value(a.as_int() / b.as_int());  // C++ truncates toward zero, as Cypher does
    return Status::OK();
  }
  if (a.is_number() && b.is_number()) {
    *out = Value(a.as_number() / b.as_number());
    return Status::OK();
  }
  return TypeError("divide", a, "by", b);
}

Status Modulo(const Value& a, const Value& b, Value* out) {
  if (a.is_null() || b.is_null()) {
    *out = Value();
    return Status::OK();
  }
  if (a.is_int() && b.is_int()) {
    if (b.as_int() == 0) return Status::InvalidInput("/ by zero");
    // INT64_MIN % -1 is 0 mathematically but traps in hardware.
    *out = Value(b.as_int() == -1 ? int64_t{0} : a.as_int() % b.as_int());
    return Status::OK();
  }
  if (a.is_number() && b.is_number()) {
    *out = Value(std::fmod(a.as_number(), b.as_number()));
    return Status::OK();
  }
  return TypeError("take", a, "modulo", b);
}

Status Power(const Value& a, const Value& b, Value* out) {
  if (a.is_null() || b.is_null()) {
    *out = Value();
    return Status::OK();
  }
  if (a.is_number() && b.is_number()) {
    *out = Value(std::pow(a.as_number(), b.as_number()));
    return Status::OK();
  }
  return TypeError("raise", a, "to the power of", b);
}

Status Negate(const Value& a, Value* out) {
  if (a.is_null()) {
    *out = Value();
    return Status::OK();
  }
  if (a.is_int()) {
    if (a.as_int() == std::numeric_limits<int64_t>::min()) return Overflow();
    *out = Value(-a.as_int());
    return Status::OK();
  }
  if (a.is_float()) {
    *out = Value(-a.as_float());
    return Status::OK();
  }
  return Status::InvalidInput(std::string("cannot negate ") + TypeName(a));
}

std::string CypherText(const Value& v, bool quote_strings) {
  std::string out;
  AppendText(v, quote_strings, &out);
  return out;
}

}  // namespace parley::query

// Value: a property value of the graph (null, boolean, integer, float, string, list, map).
//
// Values are immutable and cheap to copy: lists and maps share their storage. Maps keep their
// keys sorted so that equal maps encode to equal bytes and print in a stable order. Integers and
// floats stay distinct types, as in Cypher (1 and 1.0 are different values that compare equal).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace parley {

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value, std::less<>>;

class Value {
 public:
  enum class Type : uint8_t { kNull = 0, kBool, kInt, kFloat, kString, kList, kMap };

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int v) : v_(int64_t{v}) {}
  Value(int64_t v) : v_(v) {}
  Value(uint32_t v) : v_(int64_t{v}) {}
  Value(double v) : v_(v) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(ValueList l) : v_(std::make_shared<const ValueList>(std::move(l))) {}
  Value(ValueMap m) : v_(std::make_shared<const ValueMap>(std::move(m))) {}

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_float() const { return type() == Type::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return type() == Type::kString; }
  bool is_list() const { return type() == Type::kList; }
  bool is_map() const { return type() == Type::kMap; }

  // Accessors; each requires the matching type.
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  // The number as a double, for an int or a float.
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(v_); }
  const ValueMap& as_map() const { return *std::get<std::shared_ptr<const ValueMap>>(v_); }

  // Structural equality: same type and same contents (1 != 1.0 here; Cypher equality lives in
  // the query engine). NaN equals NaN so that stored values round-trip as equal.
  bool operator==(const Value& o) const;
  bool operator!=(const Value& o) const { return !(*this == o); }

  // A compact, human-readable rendering (strings quoted), for messages and debugging.
  std::string DebugString() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string,
               std::shared_ptr<const ValueList>, std::shared_ptr<const ValueMap>>
      v_;
};

// A node's or relationship's properties, sorted by key.
using PropertyMap = ValueMap;

}  // namespace parley

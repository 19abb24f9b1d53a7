// Value: a property value of the graph (null, boolean, integer, float, string, list, map), and,
// in query results, a node, a relationship, a path or a temporal value (date, time, duration).
//
// Values are immutable and cheap to copy: lists, maps and graph elements share their storage.
// The first seven types and temporal values can be stored as properties; the query engine
// refuses the others before anything is written. Paths are made by queries only (defined in
// query/query_values.h); temporal values are defined in storage/temporal_value.h, stored
// whole by the codec, and given meaning by query/temporal.h. A Value holds both through
// QueryOnly. Maps keep their keys sorted so that equal maps encode to equal bytes and print in a
// stable order. Integers and floats stay distinct types, as in Cypher (1 and 1.0 are different
// values that compare equal).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace parley {

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value, std::less<>>;
struct Node;
struct Relationship;
struct Path;      // query/query_values.h
struct Temporal;  // storage/temporal_value.h

// The types whose meaning lives in the query engine: paths and temporal values.
template <class T>
concept QueryOnlyType = std::is_same_v<T, Path> || std::is_same_v<T, Temporal>;

// A value of such a type, as a Value holds it. The handle carries the type's own equality and
// debug text, filled in where the type is complete (Value's constructor, instantiated where
// the type's header is included).
template <QueryOnlyType T>
struct QueryOnly {
  std::shared_ptr<const T> value;
  bool (*equal)(const T&, const T&) = nullptr;
  std::string (*text)(const T&) = nullptr;
};

class Value {
 public:
  enum class Type : uint8_t {
    kNull = 0,
    kBool,
    kInt,
    kFloat,
    kString,
    kList,
    kMap,
    kNode,
    kRelationship,
    kPath,
    kTemporal  // last, so that the stored codes of the others stay as they were
  };

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
  Value(std::shared_ptr<const Node> n) : v_(std::move(n)) {}
  Value(std::shared_ptr<const Relationship> r) : v_(std::move(r)) {}
  // A path or a temporal value; T must be complete here (include query/query_values.h).
  template <QueryOnlyType T>
  Value(std::shared_ptr<const T> p)
      : v_(QueryOnly<T>{std::move(p), [](const T& a, const T& b) { return a == b; },
                        [](const T& x) { return QueryOnlyText(x); }}) {}

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_float() const { return type() == Type::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return type() == Type::kString; }
  bool is_list() const { return type() == Type::kList; }
  bool is_map() const { return type() == Type::kMap; }
  bool is_node() const { return type() == Type::kNode; }
  bool is_relationship() const { return type() == Type::kRelationship; }
  bool is_path() const { return type() == Type::kPath; }
  bool is_temporal() const { return type() == Type::kTemporal; }
  // True for the types a property can hold (not nodes, relationships or paths, at any depth).
  bool IsStorable() const;

  // Accessors; each requires the matching type.
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  // The number as a double, for an int or a float.
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(v_); }
  const ValueMap& as_map() const { return *std::get<std::shared_ptr<const ValueMap>>(v_); }
  const Node& as_node() const { return *std::get<std::shared_ptr<const Node>>(v_); }
  const Relationship& as_relationship() const {
    return *std::get<std::shared_ptr<const Relationship>>(v_);
  }
  const Path& as_path() const { return *std::get<QueryOnly<Path>>(v_).value; }
  const Temporal& as_temporal() const { return *std::get<QueryOnly<Temporal>>(v_).value; }

  // Structural equality: same type and same contents (1 != 1.0 here; Cypher equality lives in
  // the query engine). NaN equals NaN so that stored values round-trip as equal. Nodes and
  // relationships are equal when their ids are.
  bool operator==(const Value& o) const;
  bool operator!=(const Value& o) const { return !(*this == o); }

  // A compact, human-readable rendering (strings quoted), for messages and debugging.
  std::string DebugString() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, std::shared_ptr<const ValueList>,
               std::shared_ptr<const ValueMap>, std::shared_ptr<const Node>,
               std::shared_ptr<const Relationship>, QueryOnly<Path>, QueryOnly<Temporal>>
      v_;
};

// A node's or relationship's properties, sorted by key.
using PropertyMap = ValueMap;

// The string property `key` of `props`, a temporal one as its ISO text (a Date: 2026-03-15),
// or "" when it is missing or of another type.
std::string StringProperty(const PropertyMap& props, std::string_view key);

using NodeId = uint64_t;
using RelId = uint64_t;

struct Node {
  NodeId id = 0;
  std::vector<std::string> labels;  // sorted
  PropertyMap properties;
  // False when only the id is filled in: the query engine carries nodes it has not needed to
  // read that way and reads the rest when a label, a property or the whole node is asked for.
  bool complete = true;
};

struct Relationship {
  RelId id = 0;
  std::string type;
  NodeId start = 0;
  NodeId end = 0;
  PropertyMap properties;
  // False when the properties are not read yet (id, type and ends are always filled in).
  bool complete = true;
};

}  // namespace parley

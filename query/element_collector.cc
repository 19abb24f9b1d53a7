#include "query/element_collector.h"

#include "query/query_values.h"

namespace parley::query {

void ElementCollector::Row(const std::vector<Value>& row) {
  for (const Value& v : row) Add(v);
}

void ElementCollector::Add(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNode:
      if (seen_nodes_.insert(v.as_node().id).second) nodes_.push_back(v.as_node().id);
      break;
    case Value::Type::kRelationship:
      if (seen_rels_.insert(v.as_relationship().id).second) rels_.push_back(v.as_relationship().id);
      break;
    case Value::Type::kPath:
      for (const Value& x : v.as_path().nodes) Add(x);
      for (const Value& x : v.as_path().relationships) Add(x);
      break;
    case Value::Type::kList:
      for (const Value& x : v.as_list()) Add(x);
      break;
    case Value::Type::kMap:
      for (const auto& [k, x] : v.as_map()) Add(x);
      break;
    default:
      break;
  }
}

}  // namespace parley::query

// The values queries make beyond the stored ones: paths, and temporal values (defined in
// storage/temporal_value.h, as the store holds them too). A Value holds both through QueryOnly
// (storage/value.h); a path is never stored (IsStorable is false, and the codec writes null
// should one reach it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/temporal_value.h"
#include "storage/value.h"

namespace parley {

// A walk through the graph: nodes.size() == relationships.size() + 1; relationship i joins
// nodes i and i + 1 in either direction. Elements are Values of kind kNode / kRelationship.
struct Path {
  std::vector<Value> nodes;
  std::vector<Value> relationships;

  bool operator==(const Path& o) const = default;
};

// Value::DebugString of a path: "path of N", N its number of relationships.
inline std::string QueryOnlyText(const Path& p) {
  return "path of " + std::to_string(p.relationships.size());
}

}  // namespace parley

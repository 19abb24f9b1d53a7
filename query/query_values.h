// The values only queries make: paths and temporal values. A Value holds them through
// QueryOnly (storage/value.h); the store never holds one (IsStorable is false for both, and
// the codec writes null should one reach it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/value.h"

namespace parley {

// A walk through the graph: nodes.size() == relationships.size() + 1; relationship i joins
// nodes i and i + 1 in either direction. Elements are Values of kind kNode / kRelationship.
struct Path {
  std::vector<Value> nodes;
  std::vector<Value> relationships;

  bool operator==(const Path& o) const = default;
};

// A date, a time, a date-time or a duration, as openCypher's temporal functions make them
// (date(), localtime(), time(), localdatetime(), datetime(), duration()).
struct Temporal {
  enum class Kind : uint8_t { kDate, kLocalTime, kTime, kLocalDateTime, kDateTime, kDuration };
  Kind kind = Kind::kDate;
  int64_t epoch_day = 0;       // dates and date-times: days since 1970-01-01 (local)
  int64_t nano_of_day = 0;     // times and date-times: the local wall-clock time
  int32_t offset_seconds = 0;  // kTime, kDateTime: offset from UTC
  std::string zone;            // kDateTime: a named zone (Europe/Paris), or empty for an offset
  // kDuration: the four parts Cypher keeps apart (a month and 30 days are not the same).
  int64_t months = 0, days = 0, seconds = 0, nanos = 0;

  bool operator==(const Temporal& o) const = default;
};

// Value::DebugString of a path: "path of N", N its number of relationships.
inline std::string QueryOnlyText(const Path& p) {
  return "path of " + std::to_string(p.relationships.size());
}

// Value::DebugString of a temporal value: "temporal".
inline std::string QueryOnlyText(const Temporal&) {
  return "temporal";
}

}  // namespace parley

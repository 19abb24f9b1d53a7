// Range seeks over a property index: the nodes whose indexed value may satisfy n.k > a,
// n.k <= b (or both) or n.k STARTS WITH p, read as spans of the index's ordered keys
// (storage/codec.h's EncodeOrdered) instead of a scan of the label.
//
// For bounds of strings, dates, local times and local date-times (one encoding per value, in
// Cypher's order) the spans are exactly the values within the bounds, so the nodes found
// satisfy the conditions and nothing needs to read them again, except those found by an item of
// a list property (a list compared with a bound is null). Otherwise (numbers, whose integers
// and floats sit apart; STARTS WITH; durations, lists) the answer is a superset, left to the
// conditions to check on every node found.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

struct IndexBounds {
  std::unique_ptr<Value> lower, upper;  // null: no bound on that side
  std::unique_ptr<Value> prefix;        // STARTS WITH text, or null
  bool lower_inclusive = false, upper_inclusive = false;
};

// What a range seek found.
struct RangeFound {
  std::vector<NodeId> ids;  // ascending
  // True: every id not in `listed` satisfies the bounds exactly.
  bool exact = false;
  std::vector<NodeId> listed;  // ascending: ids found by an item of a list property
};

// The nodes labelled `label` whose indexed property `key` can lie within `b` (none when a
// bound is null or the bounds cannot meet).
Status FindInRange(const GraphStore& store, std::string_view label, std::string_view key,
                   const IndexBounds& b, const Snapshot* snap, RangeFound* found);

// True if the index finds every value equal to `v` in Cypher by `v`'s own encoding: strings,
// and dates, local times and local date-times (a time or date-time also equals the same
// instant in another zone, and 1 = 1.0 across integers and floats).
bool ExactInIndex(const Value& v);

}  // namespace parley::query

// Range seeks over a property index: the nodes whose indexed value may satisfy n.k > a,
// n.k <= b (or both) or n.k STARTS WITH p, read as spans of the index's ordered keys
// (storage/codec.h's EncodeOrdered) instead of a scan of the label.
//
// The answer is a superset: a bound's exclusiveness and the mixing of integers and floats
// are left to the WHERE clause, which still checks every node found.
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
};

// The nodes labelled `label` whose indexed property `key` can lie within `b`, in ascending
// id order (none when a bound is null or the bounds cannot meet).
Status FindInRange(const GraphStore& store, std::string_view label, std::string_view key,
                   const IndexBounds& b, const Snapshot* snap, std::vector<NodeId>* ids);

// True if the index finds every value equal to `v` in Cypher by `v`'s own encoding: strings,
// and dates, local times and local date-times (a time or date-time also equals the same
// instant in another zone, and 1 = 1.0 across integers and floats).
bool ExactInIndex(const Value& v);

}  // namespace parley::query

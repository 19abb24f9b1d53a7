// The number of walks of min..max relationships between two given nodes, counted layer by
// layer from both ends instead of walked one by one.
//
// `MATCH (a {..})-[:T*1..4]->(b {..}) RETURN count(*)` walked depth first reads the lists of
// every node within three steps of `a` (the hubs its neighbours lead to included) and makes a
// row per walk. Counted instead: the number of walks of each length from `a` to every node of
// its first ceil(max/2) levels, the same backwards from `b` for floor(max/2) levels (so hubs in
// the middle are never read), and per length the sum over the meeting nodes of the products.
//
// Cypher counts only walks that use no relationship twice; the layers count every walk. A walk
// that repeats relationship u->w goes a~>u->w~>u->w~>b, so it needs a way back from w to u.
// Every relationship of every walk counted lies in the lists the two ends read (one of them
// holds each step), so those lists decide: when for no relationship u->w read is
// dist(a,u) + 2 + dist(w,u) + dist(w,b) <= max (distances over the lists read), no walk
// counted repeats one and the count is exact. Otherwise (a loop, or a short cycle near a
// shortest path) the caller walks them one by one. Only directed walks are counted: an
// undirected walk could go back along the relationship it came by.
#pragma once

#include <cstdint>

#include "query/exec_context.h"
#include "query/reach.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley::query {

// Walks longer than this are not counted by layers (the check above grows with the length).
constexpr int64_t kMaxCountedHops = 8;

// True if CountWalks may answer walks of min..max relationships in `direction`.
bool WalkCountSupported(Direction direction, int64_t min_hops, int64_t max_hops);

// Counts the walks from `from` to `to` of spec.min_hops..spec.max_hops relationships of
// spec.types in spec.direction, none of spec.excluded. *exact is false when some walk counted
// might use a relationship twice, or the count passes 2^63 - 1: *count is then not the answer.
// Reads through the context's adjacency reader (the query's own changes included) and checks
// the query's limits.
Status CountWalks(ExecContext& ctx, NodeId from, NodeId to, const ReachSpec& spec, int64_t* count,
                  bool* exact);

}  // namespace parley::query

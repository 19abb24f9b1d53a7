// ChainCount: a whole-graph count(*) grouped by nodes of a one- or two-relationship chain,
// answered from ordered scans of the adjacency lists instead of one seek per row.
//
// `MATCH (a)-[:T1]->(m)<-[:T2]-(b) RETURN a.k, b.k, count(*)` walked row by row seeks m's list
// once per a-m relationship, in random order, and groups by values. This operator instead reads
// the outgoing adjacency lists once, in key order, split into key ranges read by parallel
// threads; keeps the entries of the chain's types; joins the two relationships' lists on the
// shared node (each list sorted by that node, then merged); counts per tuple of the grouped
// nodes' ids; and only then evaluates the grouping keys, once per distinct node rather than
// once per row. When the keys of different nodes may coincide (two actors with one name) the
// id groups are merged by key value, so the answer is the row-by-row plan's. With a top-k
// (ORDER BY count(*) LIMIT k) only k groups are turned into rows.
//
// Each relationship's links come either from that scan or, when cheaper by the store's
// counts, from the lists of the nodes of one label at one of its ends (a label scan, then each
// node's list of the type, also split over threads): with 20,000 actors making 1,000,000
// demands, the actors' lists hold the demands' makers without reading the demands' own lists.
//
// The query's limits hold: the threads stop when the time limit passes, the query is
// cancelled, or what the scan holds passes the memory limit.
#pragma once

#include <string>
#include <vector>

#include "query/plan.h"

namespace parley::query {

// One node of the chain.
struct ChainNode {
  std::string name;                 // the variable, for EXPLAIN ("" if anonymous)
  int slot = -1;                    // where key expressions find the node
  std::vector<std::string> labels;  // labels to check (those its relationships imply are left out)
  std::vector<std::string> known;   // every label the pattern gives it (a list may be read by one)
  std::vector<CExprPtr> keys;       // grouping keys that read this node alone
  std::vector<int> key_slots;
};

// One relationship of the chain, between nodes[i] and nodes[i + 1].
struct ChainRel {
  std::vector<std::string> types;  // any of; never empty
  bool forward = true;  // true: nodes[i] -> nodes[i + 1]; false: nodes[i] <- nodes[i + 1]
};

struct ChainCountSpec {
  std::vector<ChainNode> nodes;  // 2 or 3
  std::vector<ChainRel> rels;    // nodes.size() - 1
  int count_slot = -1;           // count(*) goes here
  // >= 0: only the `top_k` groups with the largest count (smallest if !top_descending) come
  // out; the Sort above still orders them.
  int64_t top_k = -1;
  bool top_descending = true;
  const int* width = nullptr;  // slots a row has (known when planning ends)
};

// The operator; one output row per group (one row with count 0 if no node is grouped and
// nothing matches), with the key slots and count_slot set and every other slot null.
OperatorPtr MakeChainCount(ChainCountSpec spec, ExecContext& ctx);

}  // namespace parley::query

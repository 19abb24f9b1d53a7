// A ResultWriter that gathers the graph elements a query returns (export --query's scope):
// nodes and relationships at any depth of a row (in lists, maps and paths), each id once, so
// that what it holds grows with the distinct elements, not with the rows (MATCH (a), (b), (c)
// RETURN a repeats every node once per pair of others).
#pragma once

#include <unordered_set>
#include <vector>

#include "query/result_format.h"
#include "storage/value.h"

namespace parley::query {

class ElementCollector : public ResultWriter {
 public:
  void Begin(const std::vector<std::string>&) override {}
  void Row(const std::vector<Value>& row) override;
  void End() override {}

  // The distinct ids met, in the order first met.
  const std::vector<NodeId>& nodes() const { return nodes_; }
  const std::vector<RelId>& relationships() const { return rels_; }

 private:
  void Add(const Value& v);
  std::unordered_set<NodeId> seen_nodes_;
  std::unordered_set<RelId> seen_rels_;
  std::vector<NodeId> nodes_;
  std::vector<RelId> rels_;
};

}  // namespace parley::query

#include "graph/subgraph.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace parley {
namespace {

void SortUnique(std::vector<uint64_t>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

bool Contains(const std::vector<uint64_t>& sorted, uint64_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// True if the element carries a `date` string earlier than `since` (ISO dates compare as text).
bool DatedBefore(const PropertyMap& props, std::string_view since) {
  std::string date = StringProperty(props, "date");
  return !date.empty() && date.compare(0, since.size(), since) < 0;
}

}  // namespace

Status Neighbourhood(const GraphStore& store, NodeId start, int hops, ExportScope* scope,
                     const Snapshot* snap) {
  scope->whole = false;
  scope->nodes = {start};
  scope->relationships.clear();
  std::unordered_set<NodeId> seen = {start};
  std::vector<NodeId> frontier = {start};
  auto reader = store.NewAdjacencyReader(snap);
  for (int hop = 0; hop < hops && !frontier.empty(); ++hop) {
    std::vector<NodeId> next;
    for (NodeId node : frontier) {
      bool article = false;
      PARLEY_RETURN_IF_ERROR(store.HasLabel(node, "Article", &article, snap));
      if (article && node != start) continue;
      for (reader->Seek(node, Direction::kBoth, {}); reader->Valid(); reader->Next()) {
        NodeId other = reader->entry().other;
        if (seen.insert(other).second) next.push_back(other);
      }
      PARLEY_RETURN_IF_ERROR(reader->status());
    }
    scope->nodes.insert(scope->nodes.end(), next.begin(), next.end());
    frontier = std::move(next);
  }
  SortUnique(&scope->nodes);
  // Every relationship between two chosen nodes (each seen once, from its start).
  for (NodeId node : scope->nodes) {
    for (reader->Seek(node, Direction::kOutgoing, {}); reader->Valid(); reader->Next()) {
      if (Contains(scope->nodes, reader->entry().other))
        scope->relationships.push_back(reader->entry().rel);
    }
    PARLEY_RETURN_IF_ERROR(reader->status());
  }
  SortUnique(&scope->relationships);
  return Status::OK();
}

Status KeepSince(const GraphStore& store, std::string_view since, ExportScope* scope,
                 const Snapshot* snap) {
  // Pass 1: nodes dated before `since` (dropped) and nodes dated on or after it (kept).
  std::vector<NodeId> early, dated;
  auto visit_node = [&](NodeId id) -> Status {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(id, &n, snap));
    if (DatedBefore(n.properties, since)) {
      early.push_back(id);
    } else if (!StringProperty(n.properties, "date").empty()) {
      dated.push_back(id);
    }
    return Status::OK();
  };
  // Pass 2: relationships that stay, and their ends.
  std::vector<NodeId> nodes = dated;
  std::vector<RelId> rels;
  auto visit_rel = [&](RelId id) -> Status {
    Relationship r;
    PARLEY_RETURN_IF_ERROR(store.GetRelationship(id, &r, snap));
    if (DatedBefore(r.properties, since) || Contains(early, r.start) || Contains(early, r.end)) {
      return Status::OK();
    }
    rels.push_back(id);
    nodes.push_back(r.start);
    nodes.push_back(r.end);
    return Status::OK();
  };
  if (scope->whole) {
    auto scan = store.ScanNodes(snap);
    for (; scan->Valid(); scan->Next()) PARLEY_RETURN_IF_ERROR(visit_node(scan->id()));
    PARLEY_RETURN_IF_ERROR(scan->status());
    nodes = dated;
    auto rscan = store.ScanRelationships(snap);
    for (; rscan->Valid(); rscan->Next()) PARLEY_RETURN_IF_ERROR(visit_rel(rscan->id()));
    PARLEY_RETURN_IF_ERROR(rscan->status());
  } else {
    for (NodeId id : scope->nodes) PARLEY_RETURN_IF_ERROR(visit_node(id));
    SortUnique(&early);
    nodes = dated;
    for (RelId id : scope->relationships) PARLEY_RETURN_IF_ERROR(visit_rel(id));
  }
  SortUnique(&nodes);
  SortUnique(&rels);
  scope->whole = false;
  scope->nodes = std::move(nodes);
  scope->relationships = std::move(rels);
  return Status::OK();
}

Status CloseScope(const GraphStore& store, ExportScope* scope, const Snapshot* snap) {
  for (RelId id : scope->relationships) {
    Relationship r;
    PARLEY_RETURN_IF_ERROR(store.GetRelationship(id, &r, snap));
    scope->nodes.push_back(r.start);
    scope->nodes.push_back(r.end);
  }
  SortUnique(&scope->nodes);
  SortUnique(&scope->relationships);
  return Status::OK();
}

}  // namespace parley

// ExecContext: what a running query reads from and writes to.
//
// Reads go through one snapshot of the store, so a query sees one moment however long it runs.
// Nodes travel through a query as ids until something needs their labels or properties; the
// context then reads them, keeping a bounded cache so that an actor met on many rows is read
// once. CREATE's writes gather in one GraphBatch that is applied when the whole query has run:
// a failing query writes nothing. SET, REMOVE and DELETE change nothing in the store while the
// query runs either: the context keeps the changed state of each element it touched and the
// elements it deleted, every read of the query (scans, expansions, properties, labels) sees
// them, and Commit turns them into batch operations after the creations. The context also
// carries the query's limits (limits.h) and its compiled regular expressions.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/hand_edits.h"
#include "query/limits.h"
#include "query/regex.h"
#include "storage/graph_store.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

class ExecContext {
 public:
  // `store` may be null: a query that touches no graph (RETURN 1 + 1) runs without one.
  // `limits` bound the run (see QueryGuard).
  ExecContext(GraphStore* store, const ValueMap* params, std::string_view query_text,
              const QueryLimits& limits = {});

  GraphStore* store() const { return store_; }
  const Snapshot* snapshot() const { return snapshot_.get(); }
  const ValueMap& params() const { return *params_; }
  std::string_view query_text() const { return text_; }
  // The account of this run against its time, memory and cancellation limits.
  QueryGuard& guard() { return guard_; }
  // The =~ patterns, compiled once per query.
  RegexCache& regexes() { return regexes_; }

  // A node value holding only `id` (complete = false).
  static Value NodeRef(NodeId id);
  // A relationship value from an adjacency entry: id, type and ends, properties unread.
  static Value RelRef(RelId id, std::string type, NodeId start, NodeId end);

  // The node with `id`, read through the cache; nodes created by this query are found too.
  Status GetNode(NodeId id, std::shared_ptr<const Node>* node);
  Status GetRelationship(RelId id, std::shared_ptr<const Relationship>* rel);
  // True if node `id` carries `label`.
  Status HasLabel(NodeId id, std::string_view label, bool* has);

  // `v` with every node and relationship in it (at any depth: lists, maps, paths) read in full.
  Status Complete(const Value& v, Value* out);

  // ---- writes ----
  GraphBatch& batch() { return batch_; }
  bool has_writes() const { return !batch_.empty(); }
  // A fresh id for a created node or relationship.
  Status NewId(uint64_t* id);
  // Remembers a node or relationship created by this query, so that reads of it within the
  // query find it although it is not stored yet.
  void RememberCreated(std::shared_ptr<const Node> node);
  void RememberCreated(std::shared_ptr<const Relationship> rel);
  // The state node `id` has now, for changing it: *node is a copy to edit and hand to
  // PutChanged. kNotFound if the query deleted it.
  Status NodeForChange(NodeId id, Node* node);
  Status RelationshipForChange(RelId id, Relationship* rel);
  // Records the new state of a node or relationship the query changed (SET, REMOVE).
  void PutChanged(std::shared_ptr<const Node> node);
  void PutChanged(std::shared_ptr<const Relationship> rel);
  // Deletes a node (its relationships too with `detach`; without, they must be gone by the
  // commit) or a relationship, for the rest of the query and at its commit.
  Status DeleteNode(NodeId id, bool detach);
  void DeleteRelationship(RelId id);
  bool IsDeletedNode(NodeId id) const { return deleted_nodes_.count(id) > 0; }
  bool IsDeletedRelationship(RelId id) const { return deleted_rels_.count(id) > 0; }
  // True once the query created, changed or deleted anything: reads must then see the changes.
  bool dirty() const { return dirty_; }
  // True if `v` (a node or relationship value) was read before the query changed it, so that
  // what it carries is out of date.
  bool Stale(const Value& v) const;

  // Scans and expansions that see the query's own changes (the store's, while it made none).
  std::unique_ptr<IdCursor> ScanNodes();
  std::unique_ptr<IdCursor> ScanLabel(std::string_view label);
  std::unique_ptr<AdjacencyReader> NewAdjacencyReader();
  // GraphStore::FindNodes through the property index, with the query's own changes.
  Status FindNodes(std::string_view label, std::string_view key, const Value& value,
                   std::vector<NodeId>* ids);
  // The relationships this query created at node `id`, in creation order.
  const std::vector<RelId>* CreatedAt(NodeId id) const;
  // The nodes this query created or changed, ascending (the scans add them to the store's).
  std::vector<NodeId> TouchedNodes() const;

  // Who runs the query, for the record of hand edits (graph/hand_edits.h).
  void set_user(std::string user) { user_ = std::move(user); }

  // Applies the gathered writes atomically, with a hand edit recorded for each change to an
  // element built from extracted facts. Fails, writing nothing, if a node deleted without
  // DETACH still has relationships.
  Status Commit();

 private:
  GraphStore* store_;
  std::unique_ptr<Snapshot> snapshot_;
  const ValueMap* params_;
  std::string_view text_;
  QueryGuard guard_;
  RegexCache regexes_;
  std::unordered_map<NodeId, std::shared_ptr<const Node>> node_cache_;
  std::unordered_map<RelId, std::shared_ptr<const Relationship>> rel_cache_;
  // Label checks already answered: per node, a bit per label (numbered in label_bits_) for
  // "asked" and one for "has". Patterns check the same far-end labels over and over.
  std::map<std::string, int, std::less<>> label_bits_;
  std::unordered_map<NodeId, std::pair<uint64_t, uint64_t>> label_memo_;
  std::unordered_map<NodeId, std::shared_ptr<const Node>> created_nodes_;
  std::unordered_map<RelId, std::shared_ptr<const Relationship>> created_rels_;
  std::unordered_map<NodeId, std::vector<RelId>> created_adjacency_;
  std::map<NodeId, std::shared_ptr<const Node>> changed_nodes_;
  std::map<RelId, std::shared_ptr<const Relationship>> changed_rels_;
  std::map<NodeId, bool> deleted_nodes_;  // id -> detach
  std::set<RelId> deleted_rels_;
  bool dirty_ = false;
  std::string user_;
  GraphBatch batch_;

  // The hand edits of this query's changes to elements that articles contributed.
  Status CollectEdits(std::vector<HandEdit>* edits);
};

}  // namespace parley::query

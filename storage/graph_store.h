// GraphStore: Parley's persistent property graph on RocksDB.
//
// Nodes carry labels and properties; relationships carry a type, a start and an end node and
// properties. Ids are 64-bit and chosen by the caller (Parley derives them from canonical keys,
// so that two machines extracting the same article agree on them); AllocateId() hands out
// fresh ones for facts added by hand.
//
// Facts arrive per article: WriteArticle() applies all of one article's nodes and
// relationships in a single atomic RocksDB write, records which article contributed what,
// and on a changed article first withdraws its old contributions. A node or relationship that
// several articles contribute (an actor, say) lives as long as one of them still does.
//
// One process may open a store read-write at a time (a lock on the folder and RocksDB's LOCK
// file); any number may open it read-only, each seeing a state the store held at its open
// (an open that a writer's rotation of its files overlapped is made again). Closing a writable
// store flushes it to table files and records the sequence it reached; a store that later
// opens to less (a truncated MANIFEST, a damaged log) is refused with kCorruption, as are
// checksum failures in tables and logs. No method throws: errors come back as Status.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/fulltext_index.h"
#include "storage/value.h"
#include "util/hash.h"
#include "util/status.h"

namespace parley {

// The schema version this build writes; a store of a newer version is refused. Version 2 added
// the pattern counts of GraphStats::starts/ends, version 3 the full-text index (an older store
// gains what it lacks when it is first opened for writing; read-only, it is read as it is, and
// SearchText says what to run).
inline constexpr int kSchemaVersion = 3;

enum class Direction { kOutgoing, kIncoming, kBoth };

// One relationship seen from a node: its id, type, and the node at the other end.
struct Adjacent {
  RelId rel = 0;
  std::string type;
  NodeId other = 0;
  bool outgoing = true;  // true if the node we started from is the relationship's start
};

// An article as stored: its text and metadata, and the hashes that tell whether a later
// ingest of the same id brings anything new.
struct ArticleRecord {
  std::string id;
  std::string title;
  std::string date;    // ISO 8601 as given, may be empty
  std::string source;  // outlet or file path
  std::string text;
  std::string content_hash;  // hex hash of the text
  std::string facts_hash;    // hex hash of the text and every extracted fact
};

// A list of changes, applied in order and atomically by GraphStore::Apply / WriteArticle.
class GraphBatch {
 public:
  // Adds node `id`, or merges into it if it exists: labels are added; a property it lacks is
  // set; list properties are united (sorted, without repeats); of two other values the longer
  // string stays, else the smaller value (Cypher's ordering), so that the result does not
  // depend on the order of the merges.
  void PutNode(NodeId id, std::vector<std::string> labels, PropertyMap properties);
  // Adds relationship `id` from `start` to `end`, or merges properties into it as PutNode does.
  // Both ends must exist in the store or earlier in the batch.
  void PutRelationship(RelId id, std::string type, NodeId start, NodeId end,
                       PropertyMap properties);
  // Sets (or with a null value, removes) one property of an existing node.
  void SetNodeProperty(NodeId id, std::string key, Value value);
  // Makes existing node `id` carry exactly `labels` and `properties` (nulls left out), keeping
  // its relationships; the label and property indexes follow. kNotFound if there is no node.
  void ReplaceNode(NodeId id, std::vector<std::string> labels, PropertyMap properties);
  // Makes existing relationship `id` carry exactly `properties`. kNotFound if it is missing.
  void ReplaceRelationship(RelId id, PropertyMap properties);
  // Removes a relationship; removing a missing one is not an error.
  void DeleteRelationship(RelId id);
  // Removes a node; with `detach`, its relationships too, otherwise it must have none.
  void DeleteNode(NodeId id, bool detach);

  bool empty() const { return ops_.empty(); }
  size_t size() const { return ops_.size(); }

  struct Op {
    enum Kind {
      kPutNode,
      kPutRel,
      kSetNodeProperty,
      kDeleteRel,
      kDeleteNode,
      kReplaceNode,
      kReplaceRel
    } kind = kPutNode;
    uint64_t id = 0;
    std::vector<std::string> labels;  // kPutNode, kReplaceNode
    std::string type;                 // kPutRel; the key for kSetNodeProperty
    NodeId start = 0, end = 0;        // kPutRel
    PropertyMap properties;           // kPutNode, kPutRel, kReplaceNode, kReplaceRel
    Value value;                      // kSetNodeProperty
    bool detach = false;              // kDeleteNode
  };
  const std::vector<Op>& ops() const { return ops_; }

 private:
  std::vector<Op> ops_;
};

// Merges `add` into `into` by the rule GraphBatch::PutNode documents (nulls are left out); true
// if anything changed. Whoever builds a node's record outside the store (the bulk path) merges
// with this, so that it holds what PutNode would have made.
bool MergeProperties(PropertyMap* into, const PropertyMap& add);

// What WriteArticle did.
enum class ArticleOutcome { kUnchanged, kAdded, kReplaced };

// Counts per label and per relationship type, ordered by name.
struct GraphStats {
  int64_t nodes = 0;
  int64_t relationships = 0;
  int64_t articles = 0;
  std::map<std::string, int64_t> labels;
  std::map<std::string, int64_t> types;
  // Relationships of a type whose start (or end) node carries a label: (type, label) -> count.
  // When ends[{T, L}] equals types[T], every T relationship ends at an L node, so a query can
  // skip checking that label (Neo4j's count store keeps the same numbers).
  std::map<std::pair<std::string, std::string>, int64_t> starts;
  std::map<std::pair<std::string, std::string>, int64_t> ends;
};

// A consistent read view: every read made through one Snapshot sees the store as of its making.
class Snapshot {
 public:
  virtual ~Snapshot() = default;
};

// A forward-only cursor over ids (a label scan or a property lookup).
class IdCursor {
 public:
  virtual ~IdCursor() = default;
  virtual bool Valid() const = 0;
  virtual uint64_t id() const = 0;
  virtual void Next() = 0;
  // Non-OK if the scan stopped on an error rather than at its end.
  virtual Status status() const = 0;
};

// A forward-only cursor over one node's relationships.
class AdjacencyCursor {
 public:
  virtual ~AdjacencyCursor() = default;
  virtual bool Valid() const = 0;
  virtual const Adjacent& entry() const = 0;
  virtual void Next() = 0;
  virtual Status status() const = 0;
};

// One entry of a whole-graph adjacency scan: `node`'s relationship `rel` of type token `type`
// to `other` (for an outgoing scan `node` is the start, for an incoming one the end).
struct AdjacencyEntry {
  NodeId node = 0;
  uint32_t type = 0;
  NodeId other = 0;
  RelId rel = 0;
};

// A reusable cursor over adjacency lists: Seek() starts a new node's relationships while
// keeping the RocksDB iterators, which cost more to make than a seek does. Query steps that
// walk from many nodes keep one each.
class AdjacencyReader : public AdjacencyCursor {
 public:
  // Positions on the first relationship of `node` in `direction` of `type` (empty: any), in
  // the order Neighbours() gives.
  virtual void Seek(NodeId node, Direction direction, std::string_view type) = 0;
};

class GraphStore {
 public:
  struct Options {
    bool read_only = false;
    bool create_if_missing = true;
    // Bytes of block cache for reads.
    size_t block_cache_bytes = 256u << 20;
    // False: writes leave the full-text index alone and a writable open records that the
    // store has none (SearchText then refuses; the next open with true builds it). For
    // measuring what the index costs.
    bool full_text_index = true;
  };

  // Opens (or creates) the store in folder `dir`. Fails with kBusy if another process holds it
  // for writing (or, read-only, kept changing it through several tries), kIncompatible if it
  // was written by a newer schema version, kNotFound if it is missing and may not be created,
  // kCorruption if it is damaged or has lost writes it once held (nothing is changed then).
  static Status Open(const std::string& dir, const Options& options,
                     std::unique_ptr<GraphStore>* store);

  virtual ~GraphStore() = default;

  // ---- reads (snapshot may be null: the latest data) ----

  // A read view pinned at this moment.
  virtual std::unique_ptr<Snapshot> GetSnapshot() const = 0;
  // Fills `node`; kNotFound if there is no node `id`.
  virtual Status GetNode(NodeId id, Node* node, const Snapshot* snap = nullptr) const = 0;
  // Fills `rel`; kNotFound if there is no relationship `id`.
  virtual Status GetRelationship(RelId id, Relationship* rel,
                                 const Snapshot* snap = nullptr) const = 0;
  // Sets `*has` to whether node `id` carries `label` (one lookup in the label index, cheaper
  // than reading the node).
  virtual Status HasLabel(NodeId id, std::string_view label, bool* has,
                          const Snapshot* snap = nullptr) const = 0;
  // The ids of all nodes carrying `label`, ascending.
  virtual std::unique_ptr<IdCursor> ScanLabel(std::string_view label,
                                              const Snapshot* snap = nullptr) const = 0;
  // All node ids in ascending order.
  virtual std::unique_ptr<IdCursor> ScanNodes(const Snapshot* snap = nullptr) const = 0;
  // All relationship ids in ascending order.
  virtual std::unique_ptr<IdCursor> ScanRelationships(const Snapshot* snap = nullptr) const = 0;
  // Calls `visit` with every node in ascending id order, read in one sequential pass (cheaper
  // than ScanNodes() and a GetNode() per id). Stops at the first non-OK status `visit`
  // returns, and returns it.
  virtual Status ForEachNode(const std::function<Status(const Node&)>& visit,
                             const Snapshot* snap = nullptr) const = 0;
  // The same for relationships.
  virtual Status ForEachRelationship(const std::function<Status(const Relationship&)>& visit,
                                     const Snapshot* snap = nullptr) const = 0;
  // Nodes with `label` whose property `key` equals `value` (or, for a list property, holds it),
  // through the property index. kNotFound if (label, key) is not indexed.
  virtual Status FindNodes(std::string_view label, std::string_view key, const Value& value,
                           std::vector<NodeId>* ids, const Snapshot* snap = nullptr) const = 0;
  // Like FindNodes for string values that start with `prefix`.
  virtual Status FindNodesByPrefix(std::string_view label, std::string_view key,
                                   std::string_view prefix, std::vector<NodeId>* ids,
                                   const Snapshot* snap = nullptr) const = 0;
  // Nodes with `label` whose indexed property `key` has an ordered encoding
  // (codec::EncodeOrdered) from `from` (inclusive) up to `to` (exclusive; empty: to the end of
  // the index): one pass over the index keys between the two bounds, for range conditions
  // (n.date >= date('2026-03-01')). Ids in ascending order, each once. kNotFound if (label,
  // key) is not indexed. `listed`, if given, receives those of the ids found by an entry not
  // marked keys::kScalarEntry: by an item of a list property (or written before the mark).
  virtual Status FindNodesInRange(std::string_view label, std::string_view key,
                                  std::string_view from, std::string_view to,
                                  std::vector<NodeId>* ids, const Snapshot* snap = nullptr,
                                  std::vector<NodeId>* listed = nullptr) const = 0;
  // True if (label, key) has a property index.
  virtual bool IsIndexed(std::string_view label, std::string_view key) const = 0;
  // The relationships of `node` in `direction`, of type `type` (empty: every type), grouped by
  // type and ordered by the other end's id.
  virtual std::unique_ptr<AdjacencyCursor> Neighbours(NodeId node, Direction direction,
                                                      std::string_view type = {},
                                                      const Snapshot* snap = nullptr) const = 0;
  // A reader for many Neighbours() walks on one snapshot (see AdjacencyReader).
  virtual std::unique_ptr<AdjacencyReader> NewAdjacencyReader(
      const Snapshot* snap = nullptr) const = 0;
  // Reads the adjacency lists of every node id in [lo, hi] in one ordered pass (kOutgoing: the
  // lists by start node, kIncoming: by end node; not kBoth), keeps the entries whose type token
  // is in `types` (empty: every type), and calls `visit` with them in batches, in key order
  // (node, type, other, rel). Stops at the first non-OK status `visit` returns, and returns it.
  // Cheaper than a Neighbours() seek per node when most nodes' lists are wanted.
  virtual Status ScanAdjacency(
      Direction direction, const std::vector<uint32_t>& types, NodeId lo, NodeId hi,
      const std::function<Status(const AdjacencyEntry* entries, size_t n)>& visit,
      const Snapshot* snap = nullptr) const = 0;
  // The smallest and largest node id with an adjacency list in `direction` (kOutgoing or
  // kIncoming); *empty is true (and the ids 0) if there is none.
  virtual Status AdjacencyBounds(Direction direction, NodeId* first, NodeId* last, bool* empty,
                                 const Snapshot* snap = nullptr) const = 0;
  // The token of label, relationship type or property key `name`; false if it was never stored.
  virtual bool FindToken(std::string_view name, uint32_t* token) const = 0;
  // Fills `article`; kNotFound if no article has id `id`.
  virtual Status GetArticle(std::string_view id, ArticleRecord* article,
                            const Snapshot* snap = nullptr) const = 0;
  // Calls `visit` for every article in id order until it returns false.
  virtual Status ScanArticles(const std::function<bool(const ArticleRecord&)>& visit,
                              const Snapshot* snap = nullptr) const = 0;
  // The ids of the articles that contributed node (or relationship) `id`, sorted.
  virtual Status Sources(bool relationship, uint64_t id, std::vector<std::string>* articles,
                         const Snapshot* snap = nullptr) const = 0;
  // Counts per label and relationship type.
  virtual Status GetStats(GraphStats* stats, const Snapshot* snap = nullptr) const = 0;
  // Sets `*value` to the store-wide setting `name` and `*found` to whether the store records
  // one. Settings are what a layer above keeps with the data it wrote (the version of its event
  // keys, say); the store gives them no meaning.
  virtual Status GetSetting(std::string_view name, std::string* value, bool* found,
                            const Snapshot* snap = nullptr) const = 0;

  // Ranks the nodes and relationships whose indexed text (fulltext_index.h) matches `query`
  // (words, and "phrases" in double quotes) by BM25, best first, at most `limit` (0: all).
  // kInvalidInput for a query with no word or an open quote; kIncompatible for a store
  // written before the index existed, opened read-only (the message says what to run).
  virtual Status SearchText(std::string_view query, size_t limit, std::vector<fulltext::Hit>* hits,
                            const Snapshot* snap = nullptr) const = 0;

  // ---- writes (fail with kInvalidInput on a read-only store) ----

  // Applies `batch` atomically: all of it or, on any error, none of it.
  virtual Status Apply(const GraphBatch& batch) = 0;
  // Applies `batch` as Apply does, and records the articles `rel_owners[id]` as contributors
  // of each relationship `id` the batch puts, as if they had written it: it then goes when the
  // last of them is withdrawn. (Moving facts from one node to another keeps their sources.)
  virtual Status ApplyOwned(const GraphBatch& batch,
                            const std::map<RelId, std::vector<std::string>>& rel_owners) = 0;
  // Stores one article and its facts atomically. If an article with the same id and the same
  // facts hash is stored, nothing changes (kUnchanged). If one with another hash is, its facts
  // are withdrawn first (kReplaced): what no other article contributes goes.
  virtual Status WriteArticle(const ArticleRecord& article, const GraphBatch& facts,
                              ArticleOutcome* outcome) = 0;
  // Withdraws an article and every fact only it contributed; kNotFound if it is not stored.
  virtual Status RemoveArticle(std::string_view id) = 0;
  // Indexes property `key` of nodes labelled `label` (existing nodes included).
  virtual Status CreateIndex(std::string_view label, std::string_view key) = 0;
  // A fresh id never handed out before by this store, for nodes and relationships made by hand.
  virtual Status AllocateId(uint64_t* id) = 0;
  // Builds the full-text index again from every node and relationship (in writes of bounded
  // size; the index counts as built, and SearchText answers, only once the last is written).
  // Opening an older store for writing does this by itself.
  virtual Status RebuildTextIndex() = 0;
  // Records setting `name` as `value` (one atomic write), replacing what it was.
  virtual Status PutSetting(std::string_view name, std::string_view value) = 0;
  // Flushes memtables to disk (for measuring size on disk).
  virtual Status Flush() = 0;
  // Releases the store; a writable one is first flushed to table files and its sequence
  // recorded (see above). Errors (a full disk) come back here; the destructor closes too, and
  // drops them. Nothing is lost when it fails: the log still holds every write.
  virtual Status Close() = 0;

  // ---- bulk loading (see bulk_loader.h) ----

  // Interns a label, relationship type or property key and returns its token, writing it
  // durably if new.
  virtual Status Token(std::string_view name, uint32_t* token) = 0;
  // Ingests finished SST files into column family `cf` (keys::ColumnFamily) and adds
  // `label_counts`/`type_counts`, the node, relationship and article totals and the full-text
  // index's documents and words to the stored counters.
  virtual Status IngestFiles(const std::vector<std::vector<std::string>>& files_per_cf,
                             const std::map<std::string, int64_t>& label_counts,
                             const std::map<std::string, int64_t>& type_counts, int64_t nodes,
                             int64_t relationships, int64_t articles,
                             const fulltext::CollectionStats& text) = 0;
  // The folder of the store.
  virtual const std::string& dir() const = 0;
};

}  // namespace parley

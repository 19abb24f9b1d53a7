// BulkLoader: loads many new nodes and relationships into an open GraphStore through sorted
// SST files (RocksDB SstFileWriter + IngestExternalFile) instead of write batches.
//
// What it promises:
//  - The same keys and values as GraphStore::Apply of PutNode / PutRelationship operations for
//    the same elements, in the same order, on a store that lacks them (and as WriteArticle's
//    for the articles named): node, relationship and article records (records.h), which
//    article contributed what, the label index, out/in adjacency, property index entries for the
//    (label, key) pairs the store reports as indexed (a list property per item), the
//    full-text postings (fulltext_index.h) and their counters, and the counters GetStats reads.
//    Names are even interned in the order Apply would intern them, so loading the same elements
//    both ways into fresh stores gives byte-identical stores.
//  - Bounded memory whatever the input size: entries are buffered up to
//    Options::memory_budget_bytes, sorted and spilled to temporary files as sorted runs; Finish
//    merges the runs into non-overlapping SSTs per column family. Fixed extras on top of the
//    budget: a 1 MiB read buffer per run being merged (at most 32 runs a merge, one merge per
//    thread; more runs are first merged into fewer) and RocksDB's per-SST builder state.
//    Temporary disk space: about the encoded size of the data twice over (runs, then SSTs).
//  - Nothing is visible in the store before Finish succeeds. Each column family is ingested
//    atomically, but the column families one after another: a Finish that fails half way
//    (a full disk, say) may leave some column families loaded and the counters unchanged.
//
// It is for loading, not merging:
//  - Ids are assumed new to the store. A node or relationship id added twice to one load is an
//    error at Finish (kInvalidInput). One that is already in the store is not detected: its
//    record is overwritten, its old index entries stay and it is counted twice.
//  - Relationship ends are not checked (Apply checks them): relationships may be added before
//    their nodes, or point at nodes loaded later or never.
//  - Bulk-loaded elements belong to no article (no contrib/owners entries), unless AddArticle
//    names them: then they belong to it as WriteArticle's would.
//  - Merging semantics of PutNode (adding labels or list items to an existing node) do not
//    apply; within one AddNode, labels are sorted and repeats dropped exactly as PutNode does.
//
// One thread calls Add*/Finish; the loader runs its own helper threads: one spills the previous
// batch while the caller fills the next (the caller helps when it would otherwise wait), and
// Options::threads merge key ranges of the column families in parallel at Finish.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

class BulkLoader {
 public:
  struct Options {
    // Folder for sorted runs and finished SSTs; created if missing, and a subfolder of it
    // removed at the end. Empty: "<store dir>.bulk" beside the store. Keep it on the store's
    // file system, so that ingestion moves (hard-links) the SSTs instead of copying them.
    std::string temp_dir;
    // Bytes of buffered entries (keys, values and sort index) held in memory at once,
    // counting the batch being filled and the one being spilled.
    size_t memory_budget_bytes = size_t{256} << 20;
    // Target size of each SST file.
    size_t sst_file_bytes = size_t{64} << 20;
    // Helper threads for spilling and merging; 0: the machine's cores (at least 1).
    int threads = 0;
    // LZ4-compress SST blocks when RocksDB has LZ4 (the store's own setting); otherwise none.
    bool compress = true;
  };

  // What a finished load wrote.
  struct Stats {
    int64_t nodes = 0;
    int64_t relationships = 0;
    int64_t articles = 0;
    int64_t entries = 0;        // key-value pairs written to SSTs, all column families
    int64_t key_bytes = 0;      // their keys' bytes
    int64_t value_bytes = 0;    // their values' bytes
    int64_t runs_spilled = 0;   // sorted runs written to temporary files
    int64_t spilled_bytes = 0;  // bytes of those runs
    int64_t sst_files = 0;
    int64_t sst_bytes = 0;
    double spill_wait_seconds = 0;  // time Add* spent finishing (helping) the background spill
    double merge_seconds = 0;       // Finish: sort the last batch, merge, write SSTs
    double ingest_seconds = 0;      // Finish: IngestExternalFile and counters
  };

  // `store` must stay open and writable until Finish returns.
  BulkLoader(GraphStore* store, Options options);
  ~BulkLoader();  // an unfinished load is abandoned: nothing is ingested, temp files go
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  // Adds node `id` with `labels` (sorted and deduplicated here; none may be empty) and
  // `properties` (null values are left out).
  Status AddNode(NodeId id, const std::vector<std::string>& labels, const PropertyMap& properties);
  // Adds relationship `id` of `type` (not empty) from `start` to `end`.
  Status AddRelationship(RelId id, std::string_view type, NodeId start, NodeId end,
                         const PropertyMap& properties);
  // Adds article `article` (its record as WriteArticle stores it) as the contributor of nodes
  // `nodes` and relationships `rels`, which may be added before or after it (or have been
  // loaded before). Each id once per article; an article id added twice fails at Finish.
  Status AddArticle(const ArticleRecord& article, const std::vector<NodeId>& nodes,
                    const std::vector<RelId>& rels);
  // Writes the SSTs, ingests them and adds the counts. The loader is spent afterwards, whether
  // or not it succeeded; the first error of any Add* or of the helper threads is returned here
  // too.
  Status Finish();

  const Stats& stats() const { return stats_; }

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
  Stats stats_;
};

}  // namespace parley

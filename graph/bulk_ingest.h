// Bulk ingest: a first load of many articles' facts into an empty store through sorted SST
// files (storage/bulk_loader.h), giving the store that `parley ingest --facts` of the same
// facts in the same order gives: the same records, indexes, counts, sources and tokens.
//
// Each article is composed as ArticleWriter::Write composes it (the curator's decisions, the
// graph model, its near-duplicates among the articles before it, the extraction key), and its
// names are interned in the order that write would intern them. Its nodes' and relationships'
// operations go to a scratch table keyed by element and arrival; its record and what it
// contributed go to the loader. Finish reads the scratch table in id order, merges each
// element's operations as the store merges them (GraphBatch::PutNode's rule) and hands the
// results to the loader. Memory: the loader's budget and the scratch table's write buffers,
// whatever the input size; disk: the scratch table and the loader's runs, beside the store.
//
// What it does not do: replace an article (one given twice with other facts is an error), or
// load into a store that holds anything (`parley ingest --facts` does both).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>

#include "core/facts.h"
#include "graph/ingest.h"
#include "storage/bulk_loader.h"
#include "storage/graph_store.h"
#include "storage/scratch_table.h"
#include "util/status.h"

namespace parley {

class BulkIngest {
 public:
  // Readies `store` (open for writing, holding no node and no article; it must outlive the
  // load) as ArticleWriter::Open does. kInvalidInput if the store holds anything.
  static Status Open(GraphStore* store, const BulkLoader::Options& options,
                     std::unique_ptr<BulkIngest>* out);
  ~BulkIngest();  // an unfinished load is abandoned: nothing is stored, temporary files go

  // Adds one article's facts, extracted with `key` (ArticleKey; may be empty), after the
  // articles added before. Fills `*result` as ArticleWriter::Write does: kAdded, or kUnchanged
  // for an article given again with the same facts. kInvalidInput for one given again with
  // other facts. Nothing is visible in the store before Finish.
  Status Add(const DocumentFacts& facts, const std::string& key, IngestedArticle* result);

  // Merges and loads everything added. The load is spent afterwards, whether or not it
  // succeeded. `*stats` (optional) gets what the loader wrote.
  Status Finish(BulkLoader::Stats* stats);

 private:
  BulkIngest(GraphStore* store, std::unique_ptr<ArticleWriter> writer,
             std::unique_ptr<ScratchTable> scratch, const BulkLoader::Options& options);
  // Interns the names of `batch` in the order GraphStore's write of it would.
  Status InternNames(const GraphBatch& batch);
  Status Intern(const std::string& name);
  // Records `op` of element (`kind`, `id`) in the scratch table, after those recorded before.
  Status Record(char kind, uint64_t id, const GraphBatch::Op& op);

  GraphStore* store_;
  std::unique_ptr<ArticleWriter> writer_;
  std::unique_ptr<ScratchTable> scratch_;
  std::unique_ptr<BulkLoader> loader_;
  std::unordered_set<std::string> interned_;
  uint64_t seq_ = 0;
  bool finished_ = false;
};

}  // namespace parley

// Near-duplicate articles in the store: each Article node carries its MinHash signature
// (`minhash`) and band keys (`lsh`, property-indexed); a new article is compared with the
// stored ones that share a band, and near-duplicates are linked both ways through their
// `near_duplicates` lists. Lists unite whatever the order, so the links do not depend on which
// article came first; counts of sources take one article per group of near-duplicates.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/facts.h"
#include "graph/near_duplicate.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

// Makes the (Article, lsh) index if the store lacks it (once per store).
Status PrepareNearDuplicateIndex(GraphStore* store);

// The articles a new one is compared with: those written before it.
class EarlierArticles {
 public:
  virtual ~EarlierArticles() = default;
  // Adds to `*ids` the Article nodes that carry band key `band` (`lsh`).
  virtual Status WithBand(const std::string& band, std::set<NodeId>* ids) const = 0;
  // Sets `*signature` to the MinHash signature of Article node `id` (`minhash`, empty if it
  // has none) and `*article` to its article id.
  virtual Status Signature(NodeId id, std::vector<int64_t>* signature,
                           std::string* article) const = 0;
};

// The articles of a store (through its (Article, lsh) index).
class StoredArticles : public EarlierArticles {
 public:
  explicit StoredArticles(const GraphStore& store) : store_(store) {}
  Status WithBand(const std::string& band, std::set<NodeId>* ids) const override;
  Status Signature(NodeId id, std::vector<int64_t>* signature, std::string* article) const override;

 private:
  const GraphStore& store_;
};

// The MinHash signature FactsToGraph put in `batch` on the node of article `doc` (empty if
// none).
std::vector<int64_t> ArticleSignature(const GraphBatch& batch, const std::string& doc);

// Adds to `batch` (which FactsToGraph filled for `doc`) the links between `doc`'s article and
// the earlier articles it near-duplicates (not itself): of the articles sharing a band, the 64
// with the lowest node ids are compared and at most 8 linked, so that a story copied a
// thousand times costs no more than one copied ten times.
Status LinkNearDuplicates(const EarlierArticles& earlier, const NearDuplicates& rules,
                          const DocumentFacts& doc, GraphBatch* batch);
// The same with the articles of `store`; nothing if the store has no (Article, lsh) index.
Status LinkNearDuplicates(const GraphStore& store, const NearDuplicates& rules,
                          const DocumentFacts& doc, GraphBatch* batch);

// How many independent sources the Article nodes `articles` are: one per group of
// near-duplicates among them (a wire copy and its original count once).
Status CountSources(const GraphStore& store, const std::vector<NodeId>& articles, int64_t* sources,
                    const Snapshot* snap = nullptr);

}  // namespace parley

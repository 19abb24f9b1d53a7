#include "graph/near_duplicate_index.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "util/hash.h"

namespace parley {
namespace {

// Appends the MinHash signature an Article node carries (`minhash`), if any, to *sig.
void AppendMinHash(const PropertyMap& properties, std::vector<int64_t>* sig) {
  auto it = properties.find("minhash");
  if (it == properties.end() || !it->second.is_list()) return;
  for (const Value& v : it->second.as_list()) sig->push_back(v.is_int() ? v.as_int() : 0);
}

}  // namespace

Status PrepareNearDuplicateIndex(GraphStore* store) {
  if (store->IsIndexed("Article", "lsh")) return Status::OK();
  return store->CreateIndex("Article", "lsh");
}

Status StoredArticles::WithBand(const std::string& band, std::set<NodeId>* ids) const {
  std::vector<NodeId> found;
  PARLEY_RETURN_IF_ERROR(store_.FindNodes("Article", "lsh", Value(band), &found));
  ids->insert(found.begin(), found.end());
  return Status::OK();
}

Status StoredArticles::Signature(NodeId id, std::vector<int64_t>* signature,
                                 std::string* article) const {
  Node node;
  PARLEY_RETURN_IF_ERROR(store_.GetNode(id, &node));
  signature->clear();
  AppendMinHash(node.properties, signature);
  *article = StringProperty(node.properties, "id");
  return Status::OK();
}

std::vector<int64_t> ArticleSignature(const GraphBatch& batch, const std::string& doc) {
  const NodeId self = IdFor("Article:" + doc);
  std::vector<int64_t> sig;
  for (const auto& op : batch.ops()) {
    if (op.kind == GraphBatch::Op::kPutNode && op.id == self) AppendMinHash(op.properties, &sig);
  }
  return sig;
}

Status LinkNearDuplicates(const EarlierArticles& earlier, const NearDuplicates& rules,
                          const DocumentFacts& doc, GraphBatch* batch) {
  // The signature FactsToGraph put on the article's node, rather than a second pass over the text.
  const NodeId self = IdFor("Article:" + doc.doc);
  std::vector<int64_t> sig = ArticleSignature(*batch, doc.doc);
  if (sig.empty()) return Status::OK();
  std::set<NodeId> candidates;
  for (const std::string& band : rules.Bands(sig)) {
    PARLEY_RETURN_IF_ERROR(earlier.WithBand(band, &candidates));
  }
  candidates.erase(self);
  // Bounded work however many copies a story has: the lowest ids first, at most
  // kMaxCompared read, at most kMaxLinks linked (a group stays connected through its links).
  constexpr size_t kMaxCompared = 64, kMaxLinks = 8;
  ValueList near;
  size_t compared = 0;
  std::vector<int64_t> theirs;
  std::string other_id;
  for (NodeId id : candidates) {
    if (near.size() >= kMaxLinks || ++compared > kMaxCompared) break;
    PARLEY_RETURN_IF_ERROR(earlier.Signature(id, &theirs, &other_id));
    if (!rules.Near(sig, theirs)) continue;
    near.push_back(Value(other_id));
    batch->PutNode(id, {"Article"}, {{"near_duplicates", Value(ValueList{Value(doc.doc)})}});
  }
  if (!near.empty())
    batch->PutNode(self, {"Article"}, {{"near_duplicates", Value(std::move(near))}});
  return Status::OK();
}

Status LinkNearDuplicates(const GraphStore& store, const NearDuplicates& rules,
                          const DocumentFacts& doc, GraphBatch* batch) {
  if (!store.IsIndexed("Article", "lsh")) return Status::OK();
  return LinkNearDuplicates(StoredArticles(store), rules, doc, batch);
}

Status CountSources(const GraphStore& store, const std::vector<NodeId>& articles, int64_t* sources,
                    const Snapshot* snap) {
  std::vector<NodeId> ids(articles);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // Union-find over the given articles, joined by their near_duplicates links.
  std::map<NodeId, NodeId> parent;
  for (NodeId id : ids) parent[id] = id;
  std::function<NodeId(NodeId)> find = [&](NodeId x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (NodeId id : ids) {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(id, &n, snap));
    auto it = n.properties.find("near_duplicates");
    if (it == n.properties.end() || !it->second.is_list()) continue;
    for (const Value& v : it->second.as_list()) {
      if (!v.is_string()) continue;
      NodeId other = IdFor("Article:" + v.as_string());
      if (!parent.count(other)) continue;
      NodeId a = find(id), b = find(other);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  int64_t groups = 0;
  for (NodeId id : ids) groups += find(id) == id;
  *sources = groups;
  return Status::OK();
}

}  // namespace parley

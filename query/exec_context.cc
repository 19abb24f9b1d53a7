#include "query/exec_context.h"

#include <algorithm>
#include <cstdlib>

#include "query/query_values.h"

namespace parley::query {
namespace {

// Entries each cache keeps before it starts afresh: enough for every actor of a large store,
// small enough (a few hundred MB at worst) that memory stays bounded on any query.
constexpr size_t kCacheEntries = 200000;

}  // namespace

ExecContext::ExecContext(GraphStore* store, const ValueMap* params, std::string_view query_text,
                         const QueryLimits& limits)
    : store_(store), params_(params), text_(query_text), guard_(limits) {
  if (store_) snapshot_ = store_->GetSnapshot();
}

Value ExecContext::NodeRef(NodeId id) {
  auto n = std::make_shared<Node>();
  n->id = id;
  n->complete = false;
  return Value(std::shared_ptr<const Node>(std::move(n)));
}

Value ExecContext::RelRef(RelId id, std::string type, NodeId start, NodeId end) {
  auto r = std::make_shared<Relationship>();
  r->id = id;
  r->type = std::move(type);
  r->start = start;
  r->end = end;
  r->complete = false;
  return Value(std::shared_ptr<const Relationship>(std::move(r)));
}

Status ExecContext::GetNode(NodeId id, std::shared_ptr<const Node>* node) {
  if (auto it = changed_nodes_.find(id); it != changed_nodes_.end()) {
    *node = it->second;
    return Status::OK();
  }
  if (auto it = node_cache_.find(id); it != node_cache_.end()) {
    *node = it->second;
    return Status::OK();
  }
  if (auto it = created_nodes_.find(id); it != created_nodes_.end()) {
    *node = it->second;
    return Status::OK();
  }
  if (!store_) return Status::NotFound("no node " + std::to_string(id));
  auto n = std::make_shared<Node>();
  PARLEY_RETURN_IF_ERROR(store_->GetNode(id, n.get(), snapshot_.get()));
  if (node_cache_.size() >= kCacheEntries) node_cache_.clear();
  node_cache_.emplace(id, n);
  *node = std::move(n);
  return Status::OK();
}

Status ExecContext::GetRelationship(RelId id, std::shared_ptr<const Relationship>* rel) {
  if (auto it = changed_rels_.find(id); it != changed_rels_.end()) {
    *rel = it->second;
    return Status::OK();
  }
  if (auto it = rel_cache_.find(id); it != rel_cache_.end()) {
    *rel = it->second;
    return Status::OK();
  }
  if (auto it = created_rels_.find(id); it != created_rels_.end()) {
    *rel = it->second;
    return Status::OK();
  }
  if (!store_) return Status::NotFound("no relationship " + std::to_string(id));
  auto r = std::make_shared<Relationship>();
  PARLEY_RETURN_IF_ERROR(store_->GetRelationship(id, r.get(), snapshot_.get()));
  if (rel_cache_.size() >= kCacheEntries) rel_cache_.clear();
  rel_cache_.emplace(id, r);
  *rel = std::move(r);
  return Status::OK();
}

Status ExecContext::HasLabel(NodeId id, std::string_view label, bool* has) {
  if (auto it = changed_nodes_.find(id); it != changed_nodes_.end()) {
    const auto& labels = it->second->labels;
    *has = std::find(labels.begin(), labels.end(), label) != labels.end();
    return Status::OK();
  }
  if (auto it = node_cache_.find(id); it != node_cache_.end()) {
    const auto& labels = it->second->labels;
    *has = std::find(labels.begin(), labels.end(), label) != labels.end();
    return Status::OK();
  }
  if (auto it = created_nodes_.find(id); it != created_nodes_.end()) {
    const auto& labels = it->second->labels;
    *has = std::find(labels.begin(), labels.end(), label) != labels.end();
    return Status::OK();
  }
  if (!store_) {
    *has = false;
    return Status::OK();
  }
  auto bit_it = label_bits_.find(label);
  if (bit_it == label_bits_.end() && label_bits_.size() < 64) {
    bit_it = label_bits_.emplace(std::string(label), static_cast<int>(label_bits_.size())).first;
  }
  if (bit_it == label_bits_.end()) return store_->HasLabel(id, label, has, snapshot_.get());
  uint64_t bit = uint64_t{1} << bit_it->second;
  auto& [asked, holds] = label_memo_[id];
  if (asked & bit) {
    *has = (holds & bit) != 0;
    return Status::OK();
  }
  PARLEY_RETURN_IF_ERROR(store_->HasLabel(id, label, has, snapshot_.get()));
  if (label_memo_.size() >= kCacheEntries) {
    label_memo_.clear();
    return Status::OK();
  }
  auto& entry = label_memo_[id];
  entry.first |= bit;
  if (*has) entry.second |= bit;
  return Status::OK();
}

Status ExecContext::Complete(const Value& v, Value* out) {
  switch (v.type()) {
    case Value::Type::kNode: {
      if (v.as_node().complete && !Stale(v)) break;
      std::shared_ptr<const Node> n;
      PARLEY_RETURN_IF_ERROR(GetNode(v.as_node().id, &n));
      *out = Value(std::move(n));
      return Status::OK();
    }
    case Value::Type::kRelationship: {
      if (v.as_relationship().complete && !Stale(v)) break;
      std::shared_ptr<const Relationship> r;
      PARLEY_RETURN_IF_ERROR(GetRelationship(v.as_relationship().id, &r));
      *out = Value(std::move(r));
      return Status::OK();
    }
    case Value::Type::kList: {
      ValueList items;
      items.reserve(v.as_list().size());
      for (const Value& item : v.as_list()) {
        items.emplace_back();
        PARLEY_RETURN_IF_ERROR(Complete(item, &items.back()));
      }
      *out = Value(std::move(items));
      return Status::OK();
    }
    case Value::Type::kMap: {
      ValueMap m;
      for (const auto& [k, item] : v.as_map()) {
        PARLEY_RETURN_IF_ERROR(Complete(item, &m[k]));
      }
      *out = Value(std::move(m));
      return Status::OK();
    }
    case Value::Type::kPath: {
      auto p = std::make_shared<Path>();
      for (const Value& n : v.as_path().nodes) {
        p->nodes.emplace_back();
        PARLEY_RETURN_IF_ERROR(Complete(n, &p->nodes.back()));
      }
      for (const Value& r : v.as_path().relationships) {
        p->relationships.emplace_back();
        PARLEY_RETURN_IF_ERROR(Complete(r, &p->relationships.back()));
      }
      *out = Value(std::shared_ptr<const Path>(std::move(p)));
      return Status::OK();
    }
    default:
      break;
  }
  *out = v;
  return Status::OK();
}

Status ExecContext::NewId(uint64_t* id) {
  if (!store_) return Status::InvalidInput("no database to create in");
  return store_->AllocateId(id);
}

void ExecContext::RememberCreated(std::shared_ptr<const Node> node) {
  dirty_ = true;
  created_nodes_[node->id] = std::move(node);
}

void ExecContext::RememberCreated(std::shared_ptr<const Relationship> rel) {
  dirty_ = true;
  created_adjacency_[rel->start].push_back(rel->id);
  if (rel->end != rel->start) created_adjacency_[rel->end].push_back(rel->id);
  created_rels_[rel->id] = std::move(rel);
}

Status ExecContext::NodeForChange(NodeId id, Node* node) {
  if (IsDeletedNode(id)) {
    return Status::InvalidInput("node " + std::to_string(id) + " was deleted by this query");
  }
  std::shared_ptr<const Node> n;
  PARLEY_RETURN_IF_ERROR(GetNode(id, &n));
  *node = *n;
  node->complete = true;
  return Status::OK();
}

Status ExecContext::RelationshipForChange(RelId id, Relationship* rel) {
  if (IsDeletedRelationship(id)) {
    return Status::InvalidInput("relationship " + std::to_string(id) +
                                " was deleted by this query");
  }
  std::shared_ptr<const Relationship> r;
  PARLEY_RETURN_IF_ERROR(GetRelationship(id, &r));
  *rel = *r;
  rel->complete = true;
  return Status::OK();
}

void ExecContext::PutChanged(std::shared_ptr<const Node> node) {
  dirty_ = true;
  label_memo_.erase(node->id);
  changed_nodes_[node->id] = std::move(node);
}

void ExecContext::PutChanged(std::shared_ptr<const Relationship> rel) {
  dirty_ = true;
  changed_rels_[rel->id] = std::move(rel);
}

Status ExecContext::DeleteNode(NodeId id, bool detach) {
  dirty_ = true;
  bool& d = deleted_nodes_[id];
  d = d || detach;
  if (!detach) return Status::OK();
  std::vector<RelId> rels;
  auto reader = NewAdjacencyReader();
  for (reader->Seek(id, Direction::kBoth, {}); reader->Valid(); reader->Next()) {
    PARLEY_RETURN_IF_ERROR(guard_.Check());
    rels.push_back(reader->entry().rel);
  }
  PARLEY_RETURN_IF_ERROR(reader->status());
  for (RelId r : rels) DeleteRelationship(r);
  return Status::OK();
}

void ExecContext::DeleteRelationship(RelId id) {
  dirty_ = true;
  deleted_rels_.insert(id);
}

bool ExecContext::Stale(const Value& v) const {
  if (!dirty_) return false;
  if (v.is_node()) return changed_nodes_.count(v.as_node().id) > 0;
  if (v.is_relationship()) return changed_rels_.count(v.as_relationship().id) > 0;
  return false;
}

const std::vector<RelId>* ExecContext::CreatedAt(NodeId id) const {
  auto it = created_adjacency_.find(id);
  return it == created_adjacency_.end() ? nullptr : &it->second;
}

std::vector<NodeId> ExecContext::TouchedNodes() const {
  std::vector<NodeId> ids;
  for (const auto& [id, n] : created_nodes_) {
    if (!IsDeletedNode(id)) ids.push_back(id);
  }
  for (const auto& [id, n] : changed_nodes_) {
    if (!IsDeletedNode(id)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

namespace {

// The store's ids without the ones the query deleted or touched (`skip`), then `extra`: the
// nodes the query created or changed that belong to the scan.
class OverlayIdCursor : public IdCursor {
 public:
  OverlayIdCursor(std::unique_ptr<IdCursor> base, const ExecContext& ctx, std::vector<NodeId> extra)
      : base_(std::move(base)), ctx_(ctx), extra_(std::move(extra)) {
    touched_.insert(extra_.begin(), extra_.end());
    Settle();
  }
  bool Valid() const override { return (base_ && base_->Valid()) || pos_ < extra_.size(); }
  uint64_t id() const override { return base_ && base_->Valid() ? base_->id() : extra_[pos_]; }
  void Next() override {
    if (base_ && base_->Valid()) {
      base_->Next();
      Settle();
    } else {
      ++pos_;
    }
  }
  Status status() const override { return base_ ? base_->status() : Status::OK(); }
  // Ids a scan must leave to `extra` (changed ones) or leave out (deleted ones).
  void Skip(std::vector<NodeId> ids) {
    touched_.insert(ids.begin(), ids.end());
    Settle();
  }

 private:
  void Settle() {
    while (base_ && base_->Valid() &&
           (ctx_.IsDeletedNode(base_->id()) || touched_.count(base_->id()))) {
      base_->Next();
    }
  }
  std::unique_ptr<IdCursor> base_;
  const ExecContext& ctx_;
  std::vector<NodeId> extra_;
  std::set<NodeId> touched_;
  size_t pos_ = 0;
};

// A store adjacency reader without the relationships the query deleted, followed by those it
// created.
class OverlayAdjacency : public AdjacencyReader {
 public:
  OverlayAdjacency(std::unique_ptr<AdjacencyReader> base, ExecContext& ctx)
      : base_(std::move(base)), ctx_(ctx) {}
  void Seek(NodeId node, Direction direction, std::string_view type) override {
    extra_.clear();
    pos_ = 0;
    status_ = Status::OK();
    if (base_) {
      base_->Seek(node, direction, type);
      Settle();
    }
    if (!ctx_.dirty()) return;
    const std::vector<RelId>* created = ctx_.CreatedAt(node);
    if (!created) return;
    for (RelId id : *created) {
      if (ctx_.IsDeletedRelationship(id)) continue;
      std::shared_ptr<const Relationship> r;
      status_ = ctx_.GetRelationship(id, &r);
      if (!status_.ok()) return;
      if (!type.empty() && r->type != type) continue;
      if (r->start == node && direction != Direction::kIncoming) {
        extra_.push_back({id, r->type, r->end, true});
      }
      if (r->end == node && direction != Direction::kOutgoing) {
        extra_.push_back({id, r->type, r->start, false});
      }
    }
  }
  bool Valid() const override {
    return status_.ok() && ((base_ && base_->Valid()) || pos_ < extra_.size());
  }
  const Adjacent& entry() const override {
    return base_ && base_->Valid() ? base_->entry() : extra_[pos_];
  }
  void Next() override {
    if (base_ && base_->Valid()) {
      base_->Next();
      Settle();
    } else {
      ++pos_;
    }
  }
  Status status() const override {
    if (!status_.ok()) return status_;
    return base_ ? base_->status() : Status::OK();
  }

 private:
  void Settle() {
    if (!ctx_.dirty()) return;
    while (base_->Valid() && ctx_.IsDeletedRelationship(base_->entry().rel)) base_->Next();
  }
  std::unique_ptr<AdjacencyReader> base_;
  ExecContext& ctx_;
  std::vector<Adjacent> extra_;
  size_t pos_ = 0;
  Status status_;
};

}  // namespace

std::unique_ptr<IdCursor> ExecContext::ScanNodes() {
  std::unique_ptr<IdCursor> base = store_ ? store_->ScanNodes(snapshot_.get()) : nullptr;
  if (!dirty_) return base;
  return std::make_unique<OverlayIdCursor>(std::move(base), *this, TouchedNodes());
}

std::unique_ptr<IdCursor> ExecContext::ScanLabel(std::string_view label) {
  std::unique_ptr<IdCursor> base = store_ ? store_->ScanLabel(label, snapshot_.get()) : nullptr;
  if (!dirty_) return base;
  std::vector<NodeId> touched = TouchedNodes(), extra;
  for (NodeId id : touched) {
    std::shared_ptr<const Node> n;
    if (!GetNode(id, &n).ok()) continue;
    if (std::find(n->labels.begin(), n->labels.end(), label) != n->labels.end()) {
      extra.push_back(id);
    }
  }
  auto cursor = std::make_unique<OverlayIdCursor>(std::move(base), *this, std::move(extra));
  cursor->Skip(std::move(touched));
  return cursor;
}

Status ExecContext::FindNodes(std::string_view label, std::string_view key, const Value& value,
                              std::vector<NodeId>* ids) {
  ids->clear();
  if (store_) PARLEY_RETURN_IF_ERROR(store_->FindNodes(label, key, value, ids, snapshot_.get()));
  if (!dirty_) return Status::OK();
  std::vector<NodeId> touched = TouchedNodes();
  std::erase_if(*ids, [&](NodeId id) {
    return IsDeletedNode(id) || std::binary_search(touched.begin(), touched.end(), id);
  });
  // A touched node is found as the index would find it once written: by its value, or by an
  // item of its list.
  for (NodeId id : touched) {
    std::shared_ptr<const Node> n;
    PARLEY_RETURN_IF_ERROR(GetNode(id, &n));
    if (std::find(n->labels.begin(), n->labels.end(), label) == n->labels.end()) continue;
    auto it = n->properties.find(std::string(key));
    if (it == n->properties.end()) continue;
    bool found = it->second == value;
    if (!found && it->second.is_list()) {
      for (const Value& item : it->second.as_list()) found = found || item == value;
    }
    if (found) ids->push_back(id);
  }
  return Status::OK();
}

std::unique_ptr<AdjacencyReader> ExecContext::NewAdjacencyReader() {
  std::unique_ptr<AdjacencyReader> base =
      store_ ? store_->NewAdjacencyReader(snapshot_.get()) : nullptr;
  // The overlay consults the changes at each Seek, so a reader made before the first change
  // still sees them.
  return std::make_unique<OverlayAdjacency>(std::move(base), *this);
}

namespace {

// A readable form of a node for the edit record: its labels and its id (or name) property.
std::string Describe(const Node& n) {
  std::string s = "(";
  for (const std::string& l : n.labels) s += ":" + l;
  for (const char* key : {"id", "name"}) {
    std::string v = StringProperty(n.properties, key);
    if (!v.empty()) {
      s += std::string(" {") + key + ": '" + v + "'}";
      break;
    }
  }
  return s + ")";
}

}  // namespace

Status ExecContext::CollectEdits(std::vector<HandEdit>* edits) {
  const Snapshot* snap = snapshot_.get();
  auto sources = [&](bool rel, uint64_t id, std::vector<std::string>* articles) {
    return store_->Sources(rel, id, articles, snap);
  };
  // What the query did to one element's properties: keys set to a new value, keys removed.
  auto diff_properties = [](const auto& before, const auto& now, HandEdit* e) {
    for (const auto& [k, v] : now) {
      auto it = before.find(k);
      if (it == before.end() || !(it->second == v)) e->set[k] = v;
    }
    for (const auto& [k, v] : before) {
      if (!now.count(k)) e->removed.push_back(k);
    }
  };
  auto describe_rel = [&](const Relationship& r) {
    Node a, b;
    std::string from = store_->GetNode(r.start, &a, snap).ok() ? Describe(a) : "()";
    std::string to = store_->GetNode(r.end, &b, snap).ok() ? Describe(b) : "()";
    return from + "-[:" + r.type + "]->" + to;
  };
  for (const auto& [id, now] : changed_nodes_) {
    if (created_nodes_.count(id) || IsDeletedNode(id)) continue;
    HandEdit e;
    PARLEY_RETURN_IF_ERROR(sources(false, id, &e.articles));
    if (e.articles.empty()) continue;
    Node before;
    PARLEY_RETURN_IF_ERROR(store_->GetNode(id, &before, snap));
    e.element = id;
    e.target = Describe(before);
    diff_properties(before.properties, now->properties, &e);
    for (const std::string& l : now->labels) {
      if (!std::count(before.labels.begin(), before.labels.end(), l)) e.labels_added.push_back(l);
    }
    for (const std::string& l : before.labels) {
      if (!std::count(now->labels.begin(), now->labels.end(), l)) e.labels_removed.push_back(l);
    }
    if (e.set.empty() && e.removed.empty() && e.labels_added.empty() && e.labels_removed.empty())
      continue;
    edits->push_back(std::move(e));
  }
  for (const auto& [id, now] : changed_rels_) {
    if (created_rels_.count(id) || IsDeletedRelationship(id)) continue;
    HandEdit e;
    PARLEY_RETURN_IF_ERROR(sources(true, id, &e.articles));
    if (e.articles.empty()) continue;
    Relationship before;
    PARLEY_RETURN_IF_ERROR(store_->GetRelationship(id, &before, snap));
    e.relationship = true;
    e.element = id;
    e.target = describe_rel(before);
    diff_properties(before.properties, now->properties, &e);
    if (e.set.empty() && e.removed.empty()) continue;
    edits->push_back(std::move(e));
  }
  for (RelId id : deleted_rels_) {
    if (created_rels_.count(id)) continue;
    HandEdit e;
    PARLEY_RETURN_IF_ERROR(sources(true, id, &e.articles));
    if (e.articles.empty()) continue;
    Relationship before;
    PARLEY_RETURN_IF_ERROR(store_->GetRelationship(id, &before, snap));
    e.relationship = true;
    e.element = id;
    e.target = describe_rel(before);
    e.deleted = true;
    edits->push_back(std::move(e));
  }
  for (const auto& [id, detach] : deleted_nodes_) {
    if (created_nodes_.count(id)) continue;
    HandEdit e;
    PARLEY_RETURN_IF_ERROR(sources(false, id, &e.articles));
    if (e.articles.empty()) continue;
    Node before;
    PARLEY_RETURN_IF_ERROR(store_->GetNode(id, &before, snap));
    e.element = id;
    e.target = Describe(before);
    e.deleted = true;
    edits->push_back(std::move(e));
  }
  const char* env = std::getenv("USER");
  std::string user = !user_.empty() ? user_ : env && *env ? env : "unknown";
  for (HandEdit& e : *edits) {
    e.user = user;
    e.query = std::string(text_);
  }
  return Status::OK();
}

Status ExecContext::Commit() {
  for (const auto& [id, detach] : deleted_nodes_) {
    if (detach) continue;
    auto reader = NewAdjacencyReader();
    reader->Seek(id, Direction::kBoth, {});
    PARLEY_RETURN_IF_ERROR(reader->status());
    if (reader->Valid()) {
      return Status::InvalidInput("Cannot delete node " + std::to_string(id) +
                                  ", because it still has relationships: delete them first, "
                                  "or use DETACH DELETE");
    }
  }
  for (const auto& [id, n] : changed_nodes_) {
    if (!IsDeletedNode(id)) batch_.ReplaceNode(id, n->labels, n->properties);
  }
  for (const auto& [id, r] : changed_rels_) {
    if (!IsDeletedRelationship(id)) batch_.ReplaceRelationship(id, r->properties);
  }
  for (RelId id : deleted_rels_) batch_.DeleteRelationship(id);
  for (const auto& [id, detach] : deleted_nodes_) batch_.DeleteNode(id, detach);
  if (batch_.empty()) return Status::OK();
  std::vector<HandEdit> edits;
  PARLEY_RETURN_IF_ERROR(CollectEdits(&edits));
  PARLEY_RETURN_IF_ERROR(RecordEdits(*store_, &edits, &batch_));
  return store_->Apply(batch_);
}

}  // namespace parley::query

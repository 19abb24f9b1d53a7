#include "query/exec_context.h"

#include <algorithm>

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
      if (v.as_node().complete) break;
      std::shared_ptr<const Node> n;
      PARLEY_RETURN_IF_ERROR(GetNode(v.as_node().id, &n));
      *out = Value(std::move(n));
      return Status::OK();
    }
    case Value::Type::kRelationship: {
      if (v.as_relationship().complete) break;
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
  created_nodes_[node->id] = std::move(node);
}

void ExecContext::RememberCreated(std::shared_ptr<const Relationship> rel) {
  created_rels_[rel->id] = std::move(rel);
}

Status ExecContext::Commit() {
  if (batch_.empty()) return Status::OK();
  return store_->Apply(batch_);
}

}  // namespace parley::query

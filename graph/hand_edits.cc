#include "graph/hand_edits.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <set>

#include "util/hash.h"

namespace parley {
namespace {

constexpr std::string_view kSetPrefix = "set.";

ValueList Strings(const std::vector<std::string>& v) {
  return ValueList(v.begin(), v.end());
}

std::vector<std::string> StringList(const PropertyMap& p, const std::string& key) {
  std::vector<std::string> out;
  auto it = p.find(key);
  if (it == p.end() || !it->second.is_list()) return out;
  for (const Value& v : it->second.as_list()) {
    if (v.is_string()) out.push_back(v.as_string());
  }
  return out;
}

PropertyMap EditProperties(const HandEdit& e) {
  PropertyMap p{{"seq", e.seq},
                {"at", e.at},
                {"user", e.user},
                {"query", e.query},
                {"element", e.relationship ? "relationship" : "node"},
                {"element_id", std::to_string(e.element)},
                {"target", e.target},
                {"articles", Value(Strings(e.articles))},
                {"deleted", e.deleted}};
  if (!e.removed.empty()) p["removed"] = Value(Strings(e.removed));
  if (!e.labels_added.empty()) p["labels_added"] = Value(Strings(e.labels_added));
  if (!e.labels_removed.empty()) p["labels_removed"] = Value(Strings(e.labels_removed));
  for (const auto& [k, v] : e.set) p[std::string(kSetPrefix) + k] = v;
  return p;
}

NodeId EditNodeId(const HandEdit& e) {
  return IdFor("Edit:" + std::to_string(e.seq) + ":" + std::to_string(e.element));
}

HandEdit ReadEdit(const Node& n) {
  const PropertyMap& p = n.properties;
  HandEdit e;
  auto seq = p.find("seq");
  if (seq != p.end() && seq->second.is_int()) e.seq = seq->second.as_int();
  e.at = StringProperty(p, "at");
  e.user = StringProperty(p, "user");
  e.query = StringProperty(p, "query");
  e.relationship = StringProperty(p, "element") == "relationship";
  std::string id = StringProperty(p, "element_id");
  std::from_chars(id.data(), id.data() + id.size(), e.element);
  e.target = StringProperty(p, "target");
  e.articles = StringList(p, "articles");
  auto deleted = p.find("deleted");
  e.deleted = deleted != p.end() && deleted->second.is_bool() && deleted->second.as_bool();
  e.removed = StringList(p, "removed");
  e.labels_added = StringList(p, "labels_added");
  e.labels_removed = StringList(p, "labels_removed");
  for (const auto& [k, v] : p) {
    if (k.starts_with(kSetPrefix)) e.set[k.substr(kSetPrefix.size())] = v;
  }
  return e;
}

// Applies `e` to a node's labels and properties; true if anything changed.
bool ApplyTo(const HandEdit& e, std::vector<std::string>* labels, PropertyMap* props) {
  bool changed = false;
  for (const auto& [k, v] : e.set) {
    auto it = props->find(k);
    if (it == props->end() || !(it->second == v)) {
      (*props)[k] = v;
      changed = true;
    }
  }
  for (const std::string& k : e.removed) changed = props->erase(k) > 0 || changed;
  if (!labels) return changed;
  for (const std::string& l : e.labels_added) {
    if (std::find(labels->begin(), labels->end(), l) == labels->end()) {
      labels->push_back(l);
      changed = true;
    }
  }
  for (const std::string& l : e.labels_removed) {
    auto it = std::find(labels->begin(), labels->end(), l);
    if (it != labels->end()) {
      labels->erase(it);
      changed = true;
    }
  }
  return changed;
}

}  // namespace

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status LoadEdits(const GraphStore& store, std::vector<HandEdit>* edits, const Snapshot* snap) {
  edits->clear();
  auto scan = store.ScanLabel("Edit", snap);
  for (; scan->Valid(); scan->Next()) {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(scan->id(), &n, snap));
    edits->push_back(ReadEdit(n));
  }
  PARLEY_RETURN_IF_ERROR(scan->status());
  std::sort(edits->begin(), edits->end(),
            [](const HandEdit& a, const HandEdit& b) { return a.seq < b.seq; });
  return Status::OK();
}

Status RecordEdits(const GraphStore& store, std::vector<HandEdit>* edits, GraphBatch* batch) {
  if (edits->empty()) return Status::OK();
  std::vector<HandEdit> stored;
  PARLEY_RETURN_IF_ERROR(LoadEdits(store, &stored));
  int64_t seq = stored.empty() ? 0 : stored.back().seq;
  std::string now = UtcNow();
  for (HandEdit& e : *edits) {
    e.seq = ++seq;
    e.at = now;
    batch->PutNode(EditNodeId(e), {"Edit"}, EditProperties(e));
  }
  return Status::OK();
}

EditIndex IndexEdits(const std::vector<HandEdit>& edits) {
  EditIndex index;
  for (const HandEdit& e : edits) index[{e.relationship, e.element}].push_back(e);
  return index;
}

Status ReapplyEdits(GraphStore* store, const EditIndex& index, const GraphBatch& facts,
                    int* applied) {
  if (applied) *applied = 0;
  if (index.empty()) return Status::OK();
  GraphBatch batch;
  std::set<std::pair<bool, uint64_t>> seen;
  int changed = 0;
  for (const GraphBatch::Op& op : facts.ops()) {
    if (op.kind != GraphBatch::Op::kPutNode && op.kind != GraphBatch::Op::kPutRel) continue;
    std::pair<bool, uint64_t> key{op.kind == GraphBatch::Op::kPutRel, op.id};
    auto it = index.find(key);
    if (it == index.end() || !seen.insert(key).second) continue;
    if (key.first) {
      Relationship r;
      Status s = store->GetRelationship(op.id, &r);
      if (s.IsNotFound()) continue;
      PARLEY_RETURN_IF_ERROR(s);
      bool dirty = false;
      bool deleted = false;
      for (const HandEdit& e : it->second) {
        if (e.deleted) {
          deleted = true;
          break;
        }
        dirty = ApplyTo(e, nullptr, &r.properties) || dirty;
      }
      if (deleted) {
        batch.DeleteRelationship(op.id);
      } else if (dirty) {
        batch.ReplaceRelationship(op.id, r.properties);
      }
      changed += deleted || dirty;
    } else {
      Node n;
      Status s = store->GetNode(op.id, &n);
      if (s.IsNotFound()) continue;
      PARLEY_RETURN_IF_ERROR(s);
      bool dirty = false;
      bool deleted = false;
      for (const HandEdit& e : it->second) {
        if (e.deleted) {
          deleted = true;
          break;
        }
        dirty = ApplyTo(e, &n.labels, &n.properties) || dirty;
      }
      if (deleted) {
        batch.DeleteNode(op.id, /*detach=*/true);
      } else if (dirty) {
        batch.ReplaceNode(op.id, n.labels, n.properties);
      }
      changed += deleted || dirty;
    }
  }
  if (applied) *applied = changed;
  if (batch.empty()) return Status::OK();
  return store->Apply(batch);
}

Status DropEdit(GraphStore* store, int64_t seq) {
  std::vector<HandEdit> edits;
  PARLEY_RETURN_IF_ERROR(LoadEdits(*store, &edits));
  GraphBatch batch;
  for (const HandEdit& e : edits) {
    if (e.seq == seq) batch.DeleteNode(EditNodeId(e), /*detach=*/true);
  }
  if (batch.empty()) return Status::NotFound("no edit " + std::to_string(seq));
  return store->Apply(batch);
}

}  // namespace parley

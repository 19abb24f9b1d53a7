#include "graph/actor_lookup.h"

#include <algorithm>
#include <tuple>

#include "util/strings.h"

namespace parley {
namespace {

// Lower-cased id, name and aliases of an actor.
std::vector<std::string> Names(const ActorInfo& a) {
  std::vector<std::string> names = {Lower(a.id), Lower(a.name)};
  for (const auto& alias : a.aliases) names.push_back(Lower(alias));
  return names;
}

}  // namespace

ActorInfo ReadActorInfo(const Node& n) {
  ActorInfo a;
  a.node = n.id;
  a.id = StringProperty(n.properties, "id");
  if (a.id.empty()) a.id = std::to_string(n.id);
  a.name = StringProperty(n.properties, "name");
  if (a.name.empty()) a.name = a.id;
  a.kind = StringProperty(n.properties, "kind");
  auto it = n.properties.find("aliases");
  if (it != n.properties.end() && it->second.is_list()) {
    for (const Value& v : it->second.as_list()) {
      if (v.is_string()) a.aliases.push_back(v.as_string());
    }
  }
  return a;
}

Status PickActor(std::string_view query, const std::vector<const ActorInfo*>& all, size_t* index,
                 std::string_view what) {
  std::string q = Lower(query);
  // Three rounds, each looser than the last; the first that matches anything decides.
  auto matches = [&](int round, const ActorInfo& a) {
    if (round == 0) return a.id == query;
    for (const auto& name : Names(a)) {
      if (round == 1 ? name == q : !q.empty() && name.find(q) != std::string::npos) return true;
    }
    return false;
  };
  for (int round = 0; round < 3; ++round) {
    std::vector<size_t> found;
    for (size_t i = 0; i < all.size(); ++i) {
      if (matches(round, *all[i])) found.push_back(i);
    }
    if (found.empty()) continue;
    if (found.size() > 1) {
      std::string names;
      for (size_t k = 0; k < found.size() && k < 5; ++k) {
        names += (k ? ", " : "") + all[found[k]]->id + " (" + all[found[k]]->name + ")";
      }
      if (found.size() > 5) names += ", ...";
      return Status::InvalidInput(std::string(what) + " '" + std::string(query) +
                                  "' is ambiguous: " + names);
    }
    *index = found[0];
    return Status::OK();
  }
  return Status::NotFound("unknown " + std::string(what) + " '" + std::string(query) + "'");
}

Status ReadActors(const GraphStore& store, std::vector<ActorInfo>* actors, const Snapshot* snap) {
  return ReadNamedNodes(store, "Actor", actors, snap);
}

Status ReadNamedNodes(const GraphStore& store, std::string_view label,
                      std::vector<ActorInfo>* actors, const Snapshot* snap) {
  actors->clear();
  auto scan = store.ScanLabel(label, snap);
  for (; scan->Valid(); scan->Next()) {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(scan->id(), &n, snap));
    actors->push_back(ReadActorInfo(n));
  }
  PARLEY_RETURN_IF_ERROR(scan->status());
  std::sort(actors->begin(), actors->end(), [](const ActorInfo& a, const ActorInfo& b) {
    return std::tie(a.id, a.node) < std::tie(b.id, b.node);
  });
  return Status::OK();
}

Status FindNamed(const GraphStore& store, std::string_view label, std::string_view what,
                 std::string_view query, NodeId* node, const Snapshot* snap) {
  std::vector<ActorInfo> named;
  PARLEY_RETURN_IF_ERROR(ReadNamedNodes(store, label, &named, snap));
  std::vector<const ActorInfo*> all;
  for (const auto& a : named) all.push_back(&a);
  size_t index = 0;
  PARLEY_RETURN_IF_ERROR(PickActor(query, all, &index, what));
  *node = named[index].node;
  return Status::OK();
}

Status FindActor(const GraphStore& store, std::string_view query, NodeId* node,
                 const Snapshot* snap) {
  return FindNamed(store, "Actor", "actor", query, node, snap);
}

}  // namespace parley

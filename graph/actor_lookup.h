// Actors named by people: what a user types after --around, --path or --by ("Khamenei",
// "usa", "Tehran") resolved to one stored Actor.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

// An actor as the commands show it.
struct ActorInfo {
  NodeId node = 0;
  std::string id;    // the canonical `id` property, or the node id in decimal when missing
  std::string name;  // `name`, or the id when missing
  std::string kind;
  std::vector<std::string> aliases;
};

// The ActorInfo of an Actor node.
ActorInfo ReadActorInfo(const Node& node);

// Reads every Actor of the store, in canonical-id order (then node id).
Status ReadActors(const GraphStore& store, std::vector<ActorInfo>* actors,
                  const Snapshot* snap = nullptr);
// Reads every node of `label` the same way.
Status ReadNamedNodes(const GraphStore& store, std::string_view label,
                      std::vector<ActorInfo>* nodes, const Snapshot* snap = nullptr);

// Picks the one of `actors` that `query` names: an exact canonical id first, then a
// case-insensitive exact id, name or alias, then a case-insensitive substring of those; the
// first round that matches anything decides. Sets `*index`. kNotFound naming the query if none
// matches, kInvalidInput listing up to five candidates if several do; `what` ("actor",
// "policy") names the kind of node in both.
Status PickActor(std::string_view query, const std::vector<const ActorInfo*>& actors, size_t* index,
                 std::string_view what = "actor");

// Reads the nodes of `label` ("Policy") as ActorInfo (id, name, aliases), in id order, and
// picks the one `query` names by PickActor's rule, `what` naming them in errors.
Status FindNamed(const GraphStore& store, std::string_view label, std::string_view what,
                 std::string_view query, NodeId* node, const Snapshot* snap = nullptr);

// Reads the store's actors and picks the one `query` names (as PickActor).
Status FindActor(const GraphStore& store, std::string_view query, NodeId* node,
                 const Snapshot* snap = nullptr);

}  // namespace parley

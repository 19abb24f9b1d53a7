// Parts of the stored graph, chosen for an export: the neighbourhood of a node, and the
// facts dated on or after a day. A part is an ExportScope (ascending node and relationship
// ids); it holds only ids, so its memory grows with the part, not with the graph.
#pragma once

#include <string>
#include <string_view>

#include "graph/export.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

// The nodes at most `hops` relationships away from `start` (either direction), and every
// relationship between two of them. Article nodes are included but not walked through: an
// article links everything it reports, which says nothing about who deals with whom.
Status Neighbourhood(const GraphStore& store, NodeId start, int hops, ExportScope* scope,
                     const Snapshot* snap = nullptr);

// Keeps of `*scope` (the whole graph if scope->whole) what is dated on or after `since`
// (YYYY-MM-DD): a relationship stays if its `date`, where it has one, is not earlier and
// neither end node is dated earlier; a node stays if it is not dated earlier and is either
// dated or an end of a relationship that stays. Leaves scope->whole false.
Status KeepSince(const GraphStore& store, std::string_view since, ExportScope* scope,
                 const Snapshot* snap = nullptr);

// Adds the end nodes of the scope's relationships to its nodes, and sorts both lists.
Status CloseScope(const GraphStore& store, ExportScope* scope, const Snapshot* snap = nullptr);

}  // namespace parley

// Graph analytics over the actor graph: who is central, who is connected to whom, and through
// which stored facts.
//
// The analysed graph is the ACTOR graph, a directed multigraph read from the store:
//   - its vertices are the Actor nodes;
//   - each actor-to-actor relationship (a)-[:T]->(b) is one edge a->b of type T;
//   - each event node collapses into edges: a node that is not an Actor, with a relationship
//     (a:Actor)-[:T]->(e) coming in and (e)-[:OF]->(b:Actor) going out, gives one edge a->b of
//     type T per such pair. (a)-[:DEMANDS]->(d:Demand)-[:OF]->(b) is the case the graph model
//     has: an edge a->b of type DEMANDS. An event node without an OF to an actor gives no edge.
// Every edge keeps the stored fact it came from (relationship id, or the event node's id) with
// its type, text, quote, article and date. Parallel edges stay apart: two facts, two edges.
//
// Filters keep the edges whose type is listed and whose date lies in a range (inclusive, on
// the first ten characters of the ISO date; an edge without a date fails any date filter).
// Without a filter every actor is a vertex, isolated ones included; with a filter only the
// actors at the ends of kept edges are (an isolated actor says nothing about the sub-network
// asked for, and would only add singleton components and dilute PageRank).
//
// Measures (boost::graph):
//   - degree: in, out and in + out edges of the multigraph (self-loops count once each way);
//   - PageRank: boost::graph::page_rank on the directed multigraph, damping 0.85, iterated
//     until no rank moves by more than 1e-12 (at most 1000 rounds). Boost computes the original
//     Brin-Page form r(v) = (1 - d) + d * sum over edges u->v of r(u) / out_degree(u): a
//     dangling actor (no outgoing edge) passes its rank to nobody, so rank leaks rather than
//     being spread over all actors (networkx's choice). The ranks are then divided by their
//     sum so that they sum to 1. Parallel edges weigh a link by its number of facts.
//   - betweenness: boost::brandes_betweenness_centrality on the UNDIRECTED simple graph (one
//     link per pair of actors joined by any fact in either direction, self-loops dropped),
//     NORMALISED by boost::relative_betweenness_centrality: the share of pairs {s, t} of other
//     actors whose shortest links pass through the actor, divided by (n - 1)(n - 2) / 2; in
//     [0, 1]; 0 when n < 3. Undirected because stances run either way in news (A demands of B,
//     B rejects A) and a broker matters either way; directed paths are rare in such graphs.
//   - components: weakly connected components, boost::connected_components on the same
//     undirected graph; numbered 0, 1, ... by size (largest first), ties by first member.
//   - shortest path: breadth-first search on the undirected graph, unweighted; among paths of
//     equal length the one through lower-numbered actors (actors are numbered in id order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/actor_lookup.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

// Which edges to keep. Empty members keep everything.
struct ActorGraphFilter {
  std::set<std::string> types;  // relationship types; DEMANDS for collapsed demands
  std::string since;            // YYYY-MM-DD, inclusive
  std::string until;            // YYYY-MM-DD, inclusive
  bool active() const { return !types.empty() || !since.empty() || !until.empty(); }
};

// The stored fact behind an edge.
struct ActorFact {
  uint64_t id = 0;    // the relationship's id, or the collapsed event node's id
  std::string label;  // empty for a relationship; the event node's label ("Demand")
  std::string type;   // the relationship type (for an event: the type of its incoming one)
  std::string text;   // `text` (for HOLDS_ROLE its `role`); an event node's `text`
  std::string quote;  // `quote`; for an event, that of its first REPORTED_IN
  std::string article;
  std::string date;
};

// One directed edge of the actor graph; source and target index ActorGraph::actors.
struct ActorEdge {
  size_t source = 0;
  size_t target = 0;
  ActorFact fact;
};

struct ActorGraph {
  std::vector<ActorInfo> actors;  // the vertices, in id order
  std::vector<ActorEdge> edges;   // by source, target, type, date, fact id
  // Actors of the store that the filter left out (no kept edge); empty without a filter.
  std::vector<ActorInfo> left_out;
};

// Reads the actor graph from `store` (as of `snap`, or now), keeping the edges `filter` keeps.
Status BuildActorGraph(const GraphStore& store, const ActorGraphFilter& filter, ActorGraph* graph,
                       const Snapshot* snap = nullptr);

struct ActorMeasures {
  int64_t in_degree = 0;
  int64_t out_degree = 0;
  int64_t degree = 0;
  double pagerank = 0;     // sums to 1 over the actors
  double betweenness = 0;  // undirected, normalised to [0, 1]
  size_t component = 0;    // index into GraphAnalysis::components
};

struct ActorComponent {
  std::vector<size_t> members;  // actor indices, ascending
};

struct GraphAnalysis {
  std::vector<ActorMeasures> actors;       // parallel to ActorGraph::actors
  std::vector<ActorComponent> components;  // largest first
};

// The damping factor of PageRank.
inline constexpr double kPageRankDamping = 0.85;

// Computes degrees, PageRank, betweenness and components of `graph`.
GraphAnalysis AnalyzeActorGraph(const ActorGraph& graph);

// Finds the actor `query` names (as PickActor in actor_lookup.h), among the vertices and the
// left-out actors; `*vertex` is its index in graph.actors, or npos for a left-out one.
// kNotFound naming the query if none matches, kInvalidInput listing candidates if several do.
Status FindActor(const ActorGraph& graph, std::string_view query, size_t* vertex,
                 const ActorInfo** actor);

// One hop of a path: from actor `from` to actor `to`, and every fact joining the two (indices
// into ActorGraph::edges, either direction).
struct PathHop {
  size_t from = 0;
  size_t to = 0;
  std::vector<size_t> edges;
};

// A shortest undirected path from actor `from` to actor `to`: fills `hops` (empty when
// from == to) and returns true, or returns false if they are not connected.
bool ShortestActorPath(const ActorGraph& graph, size_t from, size_t to, std::vector<PathHop>* hops);

}  // namespace parley

// The actor graph read from the store, and its measures computed with Boost.Graph.
#include "graph/analytics.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/visitors.hpp>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace parley {
namespace {

using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

ActorFact RelationshipFact(const Relationship& r) {
  ActorFact f;
  f.id = r.id;
  f.type = r.type;
  f.text = StringProperty(r.properties, "text");
  if (f.text.empty()) f.text = StringProperty(r.properties, "role");
  f.quote = StringProperty(r.properties, "quote");
  f.article = StringProperty(r.properties, "article");
  f.date = StringProperty(r.properties, "date");
  return f;
}

bool Keeps(const ActorGraphFilter& filter, const ActorFact& f) {
  if (!filter.types.empty() && !filter.types.count(f.type)) return false;
  if (filter.since.empty() && filter.until.empty()) return true;
  if (f.date.empty()) return false;
  std::string day = f.date.substr(0, 10);
  return (filter.since.empty() || day >= filter.since) &&
         (filter.until.empty() || day <= filter.until);
}

// A relationship from an actor into a node that is not an actor (a candidate event).
struct Incoming {
  RelId rel;
  std::string type;
  size_t source;
};

// What an event node tells about itself: its label, text and date, and a report of it (quote
// and article), preferring the report in `article` when there is one.
Status EventFact(const GraphStore& store, NodeId event, const std::string& article,
                 const Snapshot* snap, ActorFact* fact) {
  Node e;
  PARLEY_RETURN_IF_ERROR(store.GetNode(event, &e, snap));
  fact->id = event;
  fact->label = e.labels.empty() ? "" : e.labels.front();
  fact->text = StringProperty(e.properties, "text");
  fact->date = StringProperty(e.properties, "date");
  auto reports = store.Neighbours(event, Direction::kOutgoing, "REPORTED_IN", snap);
  for (; reports->Valid(); reports->Next()) {
    Relationship r;
    Node x;
    PARLEY_RETURN_IF_ERROR(store.GetRelationship(reports->entry().rel, &r, snap));
    PARLEY_RETURN_IF_ERROR(store.GetNode(reports->entry().other, &x, snap));
    std::string id = StringProperty(x.properties, "id");
    if (fact->quote.empty() || (!article.empty() && id == article)) {
      fact->quote = StringProperty(r.properties, "quote");
      fact->article = id;
    }
    if (!article.empty() && id == article) break;
  }
  return reports->status();
}

// Collapses the event nodes into edges: for each (a)-[:T]->(e) in `incoming` and each
// (e)-[:OF]->(b:Actor), an edge a->b of type T.
Status CollapseEvents(const GraphStore& store,
                      const std::map<NodeId, std::vector<Incoming>>& events,
                      const std::unordered_map<NodeId, size_t>& index,
                      const ActorGraphFilter& filter, const Snapshot* snap,
                      std::vector<ActorEdge>* edges) {
  auto reader = store.NewAdjacencyReader(snap);
  for (const auto& [event, incoming] : events) {
    std::vector<size_t> targets;
    for (reader->Seek(event, Direction::kOutgoing, "OF"); reader->Valid(); reader->Next()) {
      auto it = index.find(reader->entry().other);
      if (it != index.end()) targets.push_back(it->second);
    }
    PARLEY_RETURN_IF_ERROR(reader->status());
    if (targets.empty()) continue;
    for (const Incoming& in : incoming) {
      if (!filter.types.empty() && !filter.types.count(in.type)) continue;
      Relationship r;
      PARLEY_RETURN_IF_ERROR(store.GetRelationship(in.rel, &r, snap));
      ActorFact fact;
      std::string article = StringProperty(r.properties, "article");
      PARLEY_RETURN_IF_ERROR(EventFact(store, event, article, snap, &fact));
      fact.type = in.type;
      if (!article.empty()) fact.article = article;
      if (fact.date.empty()) fact.date = StringProperty(r.properties, "date");
      if (!Keeps(filter, fact)) continue;
      for (size_t target : targets) edges->push_back({in.source, target, fact});
    }
  }
  return Status::OK();
}

// The undirected simple graph of `graph`: one link per pair of distinct actors joined by any
// edge. Links are added in (lower, higher) order so that every adjacency list is ascending.
Undirected MakeUndirected(const ActorGraph& graph) {
  std::vector<std::pair<size_t, size_t>> links;
  for (const ActorEdge& e : graph.edges) {
    if (e.source != e.target) {
      links.emplace_back(std::min(e.source, e.target), std::max(e.source, e.target));
    }
  }
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());
  Undirected g(graph.actors.size());
  for (const auto& [a, b] : links) boost::add_edge(a, b, g);
  return g;
}

// The done-predicate of page_rank: true once no rank moved by more than 1e-12 in a round, or
// after 1000 rounds.
class Converged {
 public:
  explicit Converged(std::vector<double>* previous) : previous_(previous) {}
  template <typename RankMap, typename Graph>
  bool operator()(const RankMap& rank, const Graph& g) {
    double moved = 0;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
      moved = std::max(moved, std::fabs(get(rank, v) - (*previous_)[v]));
      (*previous_)[v] = get(rank, v);
    }
    return ++rounds_ > 1 && (moved <= 1e-12 || rounds_ > 1000);
  }

 private:
  std::vector<double>* previous_;
  int rounds_ = 0;
};

std::vector<double> PageRank(const ActorGraph& graph) {
  size_t n = graph.actors.size();
  std::vector<double> rank(n, 0.0);
  if (n == 0) return rank;
  Directed g(n);
  for (const ActorEdge& e : graph.edges) boost::add_edge(e.source, e.target, g);
  std::vector<double> previous(n, 0.0);
  boost::graph::page_rank(
      g, boost::make_iterator_property_map(rank.begin(), get(boost::vertex_index, g)),
      Converged(&previous), kPageRankDamping);
  double sum = 0;
  for (double r : rank) sum += r;
  if (sum > 0) {
    for (double& r : rank) r /= sum;
  }
  return rank;
}

}  // namespace

Status BuildActorGraph(const GraphStore& store, const ActorGraphFilter& filter, ActorGraph* graph,
                       const Snapshot* snap) {
  *graph = ActorGraph();
  std::vector<ActorInfo> actors;
  PARLEY_RETURN_IF_ERROR(ReadActors(store, &actors, snap));
  std::unordered_map<NodeId, size_t> index;
  for (size_t i = 0; i < actors.size(); ++i) index[actors[i].node] = i;

  std::vector<ActorEdge> edges;
  std::map<NodeId, std::vector<Incoming>> events;
  auto reader = store.NewAdjacencyReader(snap);
  for (size_t i = 0; i < actors.size(); ++i) {
    for (reader->Seek(actors[i].node, Direction::kOutgoing, {}); reader->Valid(); reader->Next()) {
      const Adjacent& adj = reader->entry();
      auto it = index.find(adj.other);
      if (it == index.end()) {
        events[adj.other].push_back({adj.rel, adj.type, i});
        continue;
      }
      if (!filter.types.empty() && !filter.types.count(adj.type)) continue;
      Relationship r;
      PARLEY_RETURN_IF_ERROR(store.GetRelationship(adj.rel, &r, snap));
      ActorEdge e{i, it->second, RelationshipFact(r)};
      if (Keeps(filter, e.fact)) edges.push_back(std::move(e));
    }
    PARLEY_RETURN_IF_ERROR(reader->status());
  }
  PARLEY_RETURN_IF_ERROR(CollapseEvents(store, events, index, filter, snap, &edges));

  // With a filter, only the actors at the ends of kept edges stay; renumber them in order.
  std::vector<size_t> renumber(actors.size());
  std::vector<bool> kept(actors.size(), !filter.active());
  for (const ActorEdge& e : edges) kept[e.source] = kept[e.target] = true;
  for (size_t i = 0; i < actors.size(); ++i) {
    if (kept[i]) {
      renumber[i] = graph->actors.size();
      graph->actors.push_back(std::move(actors[i]));
    } else {
      graph->left_out.push_back(std::move(actors[i]));
    }
  }
  for (ActorEdge& e : edges) {
    e.source = renumber[e.source];
    e.target = renumber[e.target];
  }
  std::sort(edges.begin(), edges.end(), [](const ActorEdge& a, const ActorEdge& b) {
    return std::tie(a.source, a.target, a.fact.type, a.fact.date, a.fact.id) <
           std::tie(b.source, b.target, b.fact.type, b.fact.date, b.fact.id);
  });
  graph->edges = std::move(edges);
  return Status::OK();
}

GraphAnalysis AnalyzeActorGraph(const ActorGraph& graph) {
  size_t n = graph.actors.size();
  GraphAnalysis out;
  out.actors.resize(n);
  for (const ActorEdge& e : graph.edges) {
    ++out.actors[e.source].out_degree;
    ++out.actors[e.target].in_degree;
  }
  std::vector<double> rank = PageRank(graph);
  for (size_t i = 0; i < n; ++i) {
    out.actors[i].degree = out.actors[i].in_degree + out.actors[i].out_degree;
    out.actors[i].pagerank = rank[i];
  }
  if (n == 0) return out;

  Undirected g = MakeUndirected(graph);
  auto vertex_index = get(boost::vertex_index, g);
  std::vector<double> between(n, 0.0);
  if (n >= 3) {
    auto map = boost::make_iterator_property_map(between.begin(), vertex_index);
    boost::brandes_betweenness_centrality(g, map);
    boost::relative_betweenness_centrality(g, map);
  }
  std::vector<size_t> component(n);
  size_t count = boost::connected_components(
      g, boost::make_iterator_property_map(component.begin(), vertex_index));

  // Number components by size, largest first; ties by first member (Boost numbers them by
  // first member already, and a stable sort keeps that order).
  std::vector<ActorComponent> by_boost(count);
  for (size_t i = 0; i < n; ++i) by_boost[component[i]].members.push_back(i);
  std::vector<size_t> order(count);
  for (size_t c = 0; c < count; ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return by_boost[a].members.size() > by_boost[b].members.size();
  });
  std::vector<size_t> number(count);
  for (size_t k = 0; k < count; ++k) {
    number[order[k]] = k;
    out.components.push_back(std::move(by_boost[order[k]]));
  }
  for (size_t i = 0; i < n; ++i) {
    out.actors[i].betweenness = between[i];
    out.actors[i].component = number[component[i]];
  }
  return out;
}

Status FindActor(const ActorGraph& graph, std::string_view query, size_t* vertex,
                 const ActorInfo** actor) {
  std::vector<const ActorInfo*> all;
  for (const auto& a : graph.actors) all.push_back(&a);
  for (const auto& a : graph.left_out) all.push_back(&a);
  size_t found = 0;
  PARLEY_RETURN_IF_ERROR(PickActor(query, all, &found));
  *actor = all[found];
  *vertex = found < graph.actors.size() ? found : std::string::npos;
  return Status::OK();
}

bool ShortestActorPath(const ActorGraph& graph, size_t from, size_t to,
                       std::vector<PathHop>* hops) {
  hops->clear();
  size_t n = graph.actors.size();
  if (from >= n || to >= n) return false;
  if (from == to) return true;
  Undirected g = MakeUndirected(graph);
  std::vector<size_t> pred(n, n);
  pred[from] = from;
  auto pred_map = boost::make_iterator_property_map(pred.begin(), get(boost::vertex_index, g));
  boost::breadth_first_search(g, from,
                              boost::visitor(boost::make_bfs_visitor(
                                  boost::record_predecessors(pred_map, boost::on_tree_edge()))));
  if (pred[to] == n) return false;
  std::vector<size_t> walk = {to};
  while (walk.back() != from) walk.push_back(pred[walk.back()]);
  std::reverse(walk.begin(), walk.end());
  for (size_t k = 0; k + 1 < walk.size(); ++k) {
    PathHop hop{walk[k], walk[k + 1], {}};
    for (size_t e = 0; e < graph.edges.size(); ++e) {
      const ActorEdge& edge = graph.edges[e];
      if ((edge.source == hop.from && edge.target == hop.to) ||
          (edge.source == hop.to && edge.target == hop.from)) {
        hop.edges.push_back(e);
      }
    }
    hops->push_back(std::move(hop));
  }
  return true;
}

}  // namespace parley

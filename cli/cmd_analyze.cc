// parley analyze: the actor graph's measures (degree, PageRank, betweenness, components) and,
// on request, a shortest path between two actors with the facts along it, as aligned tables
// or one JSON object. What the graph and each measure are: graph/analytics.h.
//
//   parley analyze [--db DIR] [--types T1,T2] [--since DATE] [--until DATE] [--top N]
//                  [--path FROM TO | --path-from FROM --path-to TO] [--format table|json]
//
// The table lists the --top N (default 20) actors by PageRank, then as many components, then
// the path; JSON lists every actor and component unless --top is given.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/validate.h"
#include "graph/analytics.h"
#include "query/result_format.h"
#include "storage/graph_store.h"
#include "util/json_text.h"
#include "util/strings.h"

namespace parley::cli {
namespace {

constexpr const char* kPageRankNote =
    "directed multigraph, damping 0.85, actors without outgoing edges pass no rank on, ranks "
    "normalised to sum 1";
constexpr const char* kBetweennessNote =
    "undirected, normalised: share of pairs of other actors whose shortest links pass through";

Status ParseFilter(const Args& args, ActorGraphFilter* filter) {
  for (const std::string& list : args.GetAll("--types")) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = std::min(list.find(',', start), list.size());
      std::string type = Upper(Trim(std::string_view(list).substr(start, comma - start)));
      if (!type.empty()) filter->types.insert(type);
      start = comma + 1;
    }
    if (filter->types.empty()) return Status::Usage("--types: expected TYPE[,TYPE...]");
  }
  PARLEY_RETURN_IF_ERROR(DateFlag(args, "--since", /*partial=*/false, &filter->since));
  PARLEY_RETURN_IF_ERROR(DateFlag(args, "--until", /*partial=*/false, &filter->until));
  if (!filter->since.empty() && !filter->until.empty() && filter->since > filter->until) {
    return Status::Usage("--since " + filter->since + " is after --until " + filter->until);
  }
  return Status::OK();
}

// The two actors of --path FROM TO (TO is the one positional argument) or of
// --path-from/--path-to; both empty when no path is asked for.
Status ParsePathEnds(const Args& args, std::string* from, std::string* to) {
  const auto& rest = args.positional();
  if (args.Has("--path")) {
    if (args.Has("--path-from") || args.Has("--path-to")) {
      return Status::Usage("give --path FROM TO or --path-from/--path-to, not both");
    }
    if (rest.size() != 1) return Status::Usage("--path needs two actors: --path FROM TO");
    *from = args.Get("--path");
    *to = rest[0];
  } else {
    if (!rest.empty()) return Status::Usage("unexpected argument " + rest[0]);
    if (args.Has("--path-from") != args.Has("--path-to")) {
      return Status::Usage("--path-from and --path-to go together");
    }
    *from = args.Get("--path-from");
    *to = args.Get("--path-to");
  }
  if (args.Has("--path") || args.Has("--path-from")) {
    if (from->empty() || to->empty()) return Status::Usage("a path needs two non-empty actors");
  }
  return Status::OK();
}

// A shortest path asked for: its ends and, if found, its hops.
struct PathAnswer {
  const ActorInfo* from = nullptr;
  const ActorInfo* to = nullptr;
  size_t from_vertex = 0;
  bool found = false;
  std::vector<PathHop> hops;
  std::string why_not;  // when not found: which end the filter left out, if one did
};

Status FindPath(const ActorGraph& graph, const std::string& from, const std::string& to,
                PathAnswer* path) {
  size_t b = 0;
  size_t& a = path->from_vertex;
  PARLEY_RETURN_IF_ERROR(FindActor(graph, from, &a, &path->from));
  PARLEY_RETURN_IF_ERROR(FindActor(graph, to, &b, &path->to));
  for (const auto& [v, actor] : {std::pair(a, path->from), std::pair(b, path->to)}) {
    if (v == std::string::npos && path->why_not.empty()) {
      path->why_not = actor->name + " has no edge that passes the filters";
    }
  }
  if (path->why_not.empty()) path->found = ShortestActorPath(graph, a, b, &path->hops);
  return Status::OK();
}

// Actor indices by PageRank (highest first), then degree, then id.
std::vector<size_t> ByRank(const ActorGraph& graph, const GraphAnalysis& analysis) {
  std::vector<size_t> order(graph.actors.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const auto &a = analysis.actors[x], &b = analysis.actors[y];
    if (a.pagerank != b.pagerank) return a.pagerank > b.pagerank;
    if (a.degree != b.degree) return a.degree > b.degree;
    return graph.actors[x].id < graph.actors[y].id;
  });
  return order;
}

std::string Fixed(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", d);
  return buf;
}

// "1 actor", "2 actors".
std::string Count(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

using Json = nlohmann::ordered_json;  // keys in the order they are set

// A string, or null when empty.
Json OrNull(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

// "from -> to" as the fact runs, relative to the hop's direction.
bool Forward(const ActorEdge& edge, const PathHop& hop) {
  return edge.source == hop.from;
}

void PrintTables(const ActorGraph& graph, const GraphAnalysis& analysis, size_t top,
                 const PathAnswer* path) {
  std::cout << "Actor graph: " << Count(graph.actors.size(), "actor") << ", "
            << Count(graph.edges.size(), "edge") << " (one per stored fact), "
            << Count(analysis.components.size(), "component") << "\n"
            << "PageRank: " << kPageRankNote << "\nBetweenness: " << kBetweennessNote << "\n\n";
  std::vector<size_t> order = ByRank(graph, analysis);
  size_t shown = std::min(top, order.size());
  std::cout << "Actors by PageRank (" << shown << " of " << order.size() << ")\n";
  auto table = ResultWriter::Make(OutputFormat::kTable, std::cout);
  table->Begin({"rank", "id", "name", "kind", "in", "out", "degree", "pagerank", "betweenness",
                "component"});
  for (size_t k = 0; k < shown; ++k) {
    const ActorInfo& a = graph.actors[order[k]];
    const ActorMeasures& m = analysis.actors[order[k]];
    table->Row({static_cast<int64_t>(k + 1), a.id, a.name, a.kind, m.in_degree, m.out_degree,
                m.degree, Fixed(m.pagerank), Fixed(m.betweenness),
                static_cast<int64_t>(m.component)});
  }
  table->End();

  size_t components = std::min(top, analysis.components.size());
  std::cout << "\nComponents, weakly connected (" << components << " of "
            << analysis.components.size() << ")\n";
  table = ResultWriter::Make(OutputFormat::kTable, std::cout);
  table->Begin({"component", "size", "members"});
  for (size_t c = 0; c < components; ++c) {
    const auto& members = analysis.components[c].members;
    std::string names;
    for (size_t k = 0; k < members.size() && k < 10; ++k) {
      names += (k ? ", " : "") + graph.actors[members[k]].name;
    }
    if (members.size() > 10) names += " and " + std::to_string(members.size() - 10) + " more";
    table->Row({static_cast<int64_t>(c), static_cast<int64_t>(members.size()), names});
  }
  table->End();

  if (!path) return;
  std::cout << "\nShortest path (undirected, unweighted) from " << path->from->name << " ("
            << path->from->id << ") to " << path->to->name << " (" << path->to->id << "): ";
  if (!path->found) {
    std::cout << "none" << (path->why_not.empty() ? "" : " (" + path->why_not + ")") << "\n";
    return;
  }
  std::cout << Count(path->hops.size(), "hop") << "\n";
  table = ResultWriter::Make(OutputFormat::kTable, std::cout);
  table->Begin({"hop", "from", "fact", "to", "date", "text", "quote", "article"});
  for (size_t k = 0; k < path->hops.size(); ++k) {
    const PathHop& hop = path->hops[k];
    for (size_t e : hop.edges) {
      const ActorEdge& edge = graph.edges[e];
      bool forward = Forward(edge, hop);
      std::string fact = forward ? "-[" + edge.fact.type + "]->" : "<-[" + edge.fact.type + "]-";
      table->Row({static_cast<int64_t>(k + 1), graph.actors[hop.from].name, fact,
                  graph.actors[hop.to].name, edge.fact.date, edge.fact.text, edge.fact.quote,
                  edge.fact.article});
    }
  }
  table->End();
}

Json Ids(const ActorGraph& graph, const std::vector<size_t>& actors) {
  Json ids = Json::array();
  for (size_t a : actors) ids.push_back(graph.actors[a].id);
  return ids;
}

Json PathJson(const ActorGraph& graph, const PathAnswer& path) {
  Json o = {{"from", path.from->id}, {"to", path.to->id}, {"found", path.found}};
  o["length"] = path.found ? Json(path.hops.size()) : Json(nullptr);
  std::vector<size_t> actors;
  if (path.found) {
    actors.push_back(path.from_vertex);
    for (const PathHop& hop : path.hops) actors.push_back(hop.to);
  }
  o["actors"] = Ids(graph, actors);
  Json hops = Json::array();
  for (const PathHop& hop : path.hops) {
    Json facts = Json::array();
    for (size_t e : hop.edges) {
      const ActorEdge& edge = graph.edges[e];
      facts.push_back({{"id", edge.fact.id},
                       {"node", OrNull(edge.fact.label)},
                       {"type", edge.fact.type},
                       {"direction", Forward(edge, hop) ? "forward" : "backward"},
                       {"text", OrNull(edge.fact.text)},
                       {"quote", OrNull(edge.fact.quote)},
                       {"article", OrNull(edge.fact.article)},
                       {"date", OrNull(edge.fact.date)}});
    }
    hops.push_back(
        {{"from", graph.actors[hop.from].id}, {"to", graph.actors[hop.to].id}, {"facts", facts}});
  }
  if (!path.why_not.empty()) o["reason"] = path.why_not;
  o["hops"] = std::move(hops);
  return o;
}

void PrintJson(const ActorGraph& graph, const GraphAnalysis& analysis,
               const ActorGraphFilter& filter, size_t top, const PathAnswer* path) {
  Json g = {{"actors", graph.actors.size()},
            {"edges", graph.edges.size()},
            {"components", analysis.components.size()},
            {"types", filter.types},
            {"since", OrNull(filter.since)},
            {"until", OrNull(filter.until)}};
  g["pagerank"] = {{"directed", true}, {"damping", kPageRankDamping}, {"note", kPageRankNote}};
  g["betweenness"] = {{"directed", false}, {"normalised", true}, {"note", kBetweennessNote}};

  std::vector<size_t> order = ByRank(graph, analysis);
  Json actors = Json::array();
  for (size_t k = 0; k < order.size() && k < top; ++k) {
    const ActorInfo& a = graph.actors[order[k]];
    const ActorMeasures& m = analysis.actors[order[k]];
    actors.push_back({{"id", a.id},
                      {"name", a.name},
                      {"kind", OrNull(a.kind)},
                      {"in_degree", m.in_degree},
                      {"out_degree", m.out_degree},
                      {"degree", m.degree},
                      {"pagerank", m.pagerank},
                      {"betweenness", m.betweenness},
                      {"component", m.component}});
  }
  Json components = Json::array();
  for (size_t c = 0; c < analysis.components.size() && c < top; ++c) {
    const auto& members = analysis.components[c].members;
    components.push_back({{"id", c}, {"size", members.size()}, {"members", Ids(graph, members)}});
  }
  Json out = {{"graph", g}, {"actors", actors}, {"components", components}};
  if (path) out["path"] = PathJson(graph, *path);
  std::cout << JsonText(out) << "\n";
}

}  // namespace

Status Analyze(const Args& args) {
  std::string format = args.Get("--format", "table");
  if (format != "table" && format != "json") {
    return Status::Usage("--format: expected table or json, got '" + format + "'");
  }
  ActorGraphFilter filter;
  PARLEY_RETURN_IF_ERROR(ParseFilter(args, &filter));
  size_t top = format == "json" ? std::string::npos : 20;
  if (args.Has("--top")) {
    std::string n = args.Get("--top");
    bool digits = std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (n.empty() || n.size() > 9 || !digits || n.find_first_not_of('0') == std::string::npos) {
      return Status::Usage("--top: expected a positive whole number, got '" + n + "'");
    }
    top = std::stoul(n);
  }
  std::string from, to;
  PARLEY_RETURN_IF_ERROR(ParsePathEnds(args, &from, &to));

  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto snap = store->GetSnapshot();
  if (!filter.types.empty()) {
    // A type no fact can have is a typo, not a filter that leaves nothing.
    std::set<std::string> known;
    PARLEY_RETURN_IF_ERROR(KnownRelationshipTypes(*store, snap.get(), &known));
    for (const std::string& t : filter.types) {
      if (known.count(t)) continue;
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::InvalidInput("--types: unknown relationship type " + t + " (known: " + list +
                                  ")");
    }
  }
  ActorGraph graph;
  PARLEY_RETURN_IF_ERROR(BuildActorGraph(*store, filter, &graph, snap.get()));
  PathAnswer path;
  bool want_path = !from.empty();
  if (want_path) PARLEY_RETURN_IF_ERROR(FindPath(graph, from, to, &path));
  GraphAnalysis analysis = AnalyzeActorGraph(graph);
  if (format == "json") {
    PrintJson(graph, analysis, filter, top, want_path ? &path : nullptr);
  } else {
    PrintTables(graph, analysis, top, want_path ? &path : nullptr);
  }
  std::cout.flush();
  return Status::OK();
}

}  // namespace parley::cli

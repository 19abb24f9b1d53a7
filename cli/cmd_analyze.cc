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

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/validate.h"
#include "graph/analytics.h"
#include "query/result_format.h"
#include "storage/graph_store.h"

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
      std::string type = list.substr(start, comma - start);
      type.erase(0, type.find_first_not_of(' '));
      type.erase(type.find_last_not_of(' ') + 1);
      for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
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

// A string, or null when empty.
Value OrNull(const std::string& s) {
  return s.empty() ? Value() : Value(s);
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

// A JSON object built key by key, in the order given.
class JsonObject {
 public:
  JsonObject& Add(std::string_view key, const Value& v) {
    Key(key);
    AppendJson(v, &s_);
    return *this;
  }
  JsonObject& AddRaw(std::string_view key, const std::string& json) {
    Key(key);
    s_ += json;
    return *this;
  }
  std::string Close() const { return s_ + "}"; }

 private:
  void Key(std::string_view key) {
    if (s_.size() > 1) s_ += ',';
    AppendJsonString(key, &s_);
    s_ += ':';
  }
  std::string s_ = "{";
};

std::string JsonArray(const std::vector<std::string>& items) {
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + items[i];
  return s + "]";
}

std::string JsonIds(const ActorGraph& graph, const std::vector<size_t>& actors) {
  std::vector<std::string> ids;
  for (size_t a : actors) {
    ids.emplace_back();
    AppendJsonString(graph.actors[a].id, &ids.back());
  }
  return JsonArray(ids);
}

std::string PathJson(const ActorGraph& graph, const PathAnswer& path) {
  JsonObject o;
  o.Add("from", path.from->id).Add("to", path.to->id).Add("found", path.found);
  o.Add("length", path.found ? Value(static_cast<int64_t>(path.hops.size())) : Value());
  std::vector<size_t> actors;
  if (path.found) {
    actors.push_back(path.from_vertex);
    for (const PathHop& hop : path.hops) actors.push_back(hop.to);
  }
  o.AddRaw("actors", JsonIds(graph, actors));
  std::vector<std::string> hops;
  for (const PathHop& hop : path.hops) {
    std::vector<std::string> facts;
    for (size_t e : hop.edges) {
      const ActorEdge& edge = graph.edges[e];
      JsonObject f;
      f.AddRaw("id", std::to_string(edge.fact.id)).Add("node", OrNull(edge.fact.label));
      f.Add("type", edge.fact.type).Add("direction", Forward(edge, hop) ? "forward" : "backward");
      f.Add("text", OrNull(edge.fact.text)).Add("quote", OrNull(edge.fact.quote));
      f.Add("article", OrNull(edge.fact.article)).Add("date", OrNull(edge.fact.date));
      facts.push_back(f.Close());
    }
    JsonObject h;
    h.Add("from", graph.actors[hop.from].id).Add("to", graph.actors[hop.to].id);
    hops.push_back(h.AddRaw("facts", JsonArray(facts)).Close());
  }
  if (!path.why_not.empty()) o.Add("reason", path.why_not);
  return o.AddRaw("hops", JsonArray(hops)).Close();
}

void PrintJson(const ActorGraph& graph, const GraphAnalysis& analysis,
               const ActorGraphFilter& filter, size_t top, const PathAnswer* path) {
  JsonObject g;
  g.Add("actors", static_cast<int64_t>(graph.actors.size()))
      .Add("edges", static_cast<int64_t>(graph.edges.size()))
      .Add("components", static_cast<int64_t>(analysis.components.size()));
  std::vector<std::string> types;
  for (const auto& t : filter.types) {
    types.emplace_back();
    AppendJsonString(t, &types.back());
  }
  g.AddRaw("types", JsonArray(types))
      .Add("since", OrNull(filter.since))
      .Add("until", OrNull(filter.until));
  g.AddRaw("pagerank", JsonObject()
                           .Add("directed", true)
                           .Add("damping", kPageRankDamping)
                           .Add("note", kPageRankNote)
                           .Close());
  g.AddRaw("betweenness", JsonObject()
                              .Add("directed", false)
                              .Add("normalised", true)
                              .Add("note", kBetweennessNote)
                              .Close());

  std::vector<size_t> order = ByRank(graph, analysis);
  std::vector<std::string> actors;
  for (size_t k = 0; k < order.size() && k < top; ++k) {
    const ActorInfo& a = graph.actors[order[k]];
    const ActorMeasures& m = analysis.actors[order[k]];
    JsonObject o;
    o.Add("id", a.id).Add("name", a.name).Add("kind", OrNull(a.kind));
    o.Add("in_degree", m.in_degree).Add("out_degree", m.out_degree).Add("degree", m.degree);
    o.Add("pagerank", m.pagerank).Add("betweenness", m.betweenness);
    o.Add("component", static_cast<int64_t>(m.component));
    actors.push_back(o.Close());
  }
  std::vector<std::string> components;
  for (size_t c = 0; c < analysis.components.size() && c < top; ++c) {
    const auto& members = analysis.components[c].members;
    JsonObject o;
    o.Add("id", static_cast<int64_t>(c)).Add("size", static_cast<int64_t>(members.size()));
    components.push_back(o.AddRaw("members", JsonIds(graph, members)).Close());
  }
  JsonObject out;
  out.AddRaw("graph", g.Close()).AddRaw("actors", JsonArray(actors));
  out.AddRaw("components", JsonArray(components));
  if (path) out.AddRaw("path", PathJson(graph, *path));
  std::cout << out.Close() << "\n";
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

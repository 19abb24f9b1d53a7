// parley.pagerank() and parley.betweenness(): the measures `parley analyze` computes
// (graph/analytics.h) over the whole actor graph, one row per actor, highest score first.
#include <algorithm>
#include <numeric>

#include "graph/analytics.h"
#include "query/procedures.h"

namespace parley::query {
namespace {

// About how many bytes `graph` takes: its actors and edges with the strings they hold.
size_t GraphBytes(const ActorGraph& graph) {
  size_t bytes = graph.actors.size() * sizeof(ActorInfo) + graph.edges.size() * sizeof(ActorEdge);
  for (const ActorInfo& a : graph.actors) bytes += a.id.size() + a.name.size() + a.kind.size();
  for (const ActorEdge& e : graph.edges) {
    bytes += e.fact.type.size() + e.fact.text.size() + e.fact.quote.size() + e.fact.article.size() +
             e.fact.date.size() + e.fact.label.size();
  }
  return bytes;
}

// The filter of `parley analyze` from the arguments (types, since, until): relationship
// types to keep (DEMANDS for collapsed demands) and an inclusive YYYY-MM-DD date range.
Status ReadFilter(const std::vector<Value>& args, ActorGraphFilter* filter) {
  if (args[0].is_list()) {
    for (const Value& t : args[0].as_list()) {
      if (!t.is_string()) {
        return Status::InvalidInput("Type mismatch: argument 'types' must be a list of strings");
      }
      filter->types.insert(t.as_string());
    }
  }
  if (args[1].is_string()) filter->since = args[1].as_string();
  if (args[2].is_string()) filter->until = args[2].as_string();
  return Status::OK();
}

// Reads and analyses the actor graph, holding its memory against the query's limit while it
// is in use, and makes one row (node, score) per actor, `score` picking the measure.
Status Measure(const std::vector<Value>& args, ExecContext& ctx, double ActorMeasures::*score,
               ProcedureRows* rows) {
  if (!ctx.store()) return Status::OK();
  PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
  ActorGraphFilter filter;
  PARLEY_RETURN_IF_ERROR(ReadFilter(args, &filter));
  ActorGraph graph;
  PARLEY_RETURN_IF_ERROR(BuildActorGraph(*ctx.store(), filter, &graph, ctx.snapshot()));
  size_t bytes = GraphBytes(graph);
  PARLEY_RETURN_IF_ERROR(ctx.guard().Hold(bytes));
  PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
  GraphAnalysis analysis = AnalyzeActorGraph(graph);
  ctx.guard().Release(bytes);
  PARLEY_RETURN_IF_ERROR(ctx.guard().Check());
  std::vector<size_t> order(graph.actors.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return analysis.actors[a].*score > analysis.actors[b].*score;
  });
  for (size_t i : order) {
    rows->push_back({ExecContext::NodeRef(graph.actors[i].node), Value(analysis.actors[i].*score)});
  }
  return Status::OK();
}

Status PageRank(const std::vector<Value>& args, ExecContext& ctx, ProcedureRows* rows) {
  return Measure(args, ctx, &ActorMeasures::pagerank, rows);
}

Status Betweenness(const std::vector<Value>& args, ExecContext& ctx, ProcedureRows* rows) {
  return Measure(args, ctx, &ActorMeasures::betweenness, rows);
}

// The arguments both take: the filter of `parley analyze --types --since --until`.
std::vector<ProcedureParam> FilterParams() {
  return {{"types", ProcType::kList, Value(ValueList())},
          {"since", ProcType::kString, Value()},
          {"until", ProcType::kString, Value()}};
}

}  // namespace

void AddAnalyticsProcedures(std::vector<ProcedureInfo>* registry) {
  registry->push_back({"parley.pagerank",
                       FilterParams(),
                       {{"node", ProcType::kNode}, {"score", ProcType::kFloat}},
                       "PageRank of each actor in the actor graph (damping 0.85, sums to 1), "
                       "highest first; types/since/until filter the edges as parley analyze",
                       PageRank});
  registry->push_back({"parley.betweenness",
                       FilterParams(),
                       {{"node", ProcType::kNode}, {"score", ProcType::kFloat}},
                       "betweenness of each actor in the undirected actor graph, normalised to "
                       "[0, 1], highest first; types/since/until as for parley.pagerank",
                       Betweenness});
}

}  // namespace parley::query

// Reading the flags that choose the part of the graph an export writes (cli/export_scope.h).
#include "cli/export_scope.h"

#include <regex>
#include <string>

#include "cli/validate.h"
#include "graph/actor_lookup.h"
#include "graph/subgraph.h"
#include "query/element_collector.h"
#include "query/engine.h"

namespace parley::cli {

Status ChooseExportScope(const Args& args, GraphStore* store, const Snapshot* snap,
                         const query::QueryLimits& limits, ExportScope* scope) {
  if (args.Has("--query") && args.Has("--around")) {
    return Status::Usage("give --query or --around, not both");
  }
  if (args.Has("--hops") && !args.Has("--around"))
    return Status::Usage("--hops goes with --around");
  if (args.Has("--query")) {
    std::string text = args.Get("--query");
    query::QueryShape shape;
    PARLEY_RETURN_IF_ERROR(query::InspectQuery(text, &shape));
    if (shape.writes) return Status::Usage("--query must only read (it has CREATE)");
    ValueMap params;
    if (args.Has("--params"))
      PARLEY_RETURN_IF_ERROR(query::ParseParams(args.Get("--params"), &params));
    query::ElementCollector collect;
    PARLEY_RETURN_IF_ERROR(query::RunQuery(store, text, params, &collect, limits));
    scope->whole = false;
    scope->nodes = collect.nodes();
    scope->relationships = collect.relationships();
    PARLEY_RETURN_IF_ERROR(CloseScope(*store, scope, snap));
  } else if (args.Has("--around")) {
    int hops = 1;
    std::string h = args.Get("--hops", "1");
    if (!std::regex_match(h, std::regex("[0-9]{1,2}"))) {
      return Status::Usage("--hops takes a number of relationships, 0 to 99 (got '" + h + "')");
    }
    hops = std::stoi(h);
    NodeId actor;
    PARLEY_RETURN_IF_ERROR(FindActor(*store, args.Get("--around"), &actor, snap));
    PARLEY_RETURN_IF_ERROR(Neighbourhood(*store, actor, hops, scope, snap));
  }
  if (args.Has("--since")) {
    std::string since;
    PARLEY_RETURN_IF_ERROR(DateFlag(args, "--since", /*partial=*/true, &since));
    PARLEY_RETURN_IF_ERROR(KeepSince(*store, since, scope, snap));
  }
  return Status::OK();
}

}  // namespace parley::cli

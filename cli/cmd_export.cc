// parley export: the stored graph, or a part of it, in a format other tools read, to stdout
// or -o PATH (a folder for neo4j-csv). The file or folder appears only when the export is
// complete (cli/output_file.h: written beside it, fsynced, then renamed).
//
// Parts: --query (what the query returns: nodes, relationships with their end nodes, paths),
// --around ACTOR --hops N (the actor's neighbourhood), --since DATE (facts dated on or after
// DATE, alone or on top of one of the others).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/output_file.h"
#include "cli/query_limits.h"
#include "cli/validate.h"
#include "graph/actor_lookup.h"
#include "graph/export.h"
#include "graph/subgraph.h"
#include "query/element_collector.h"
#include "query/engine.h"
#include "storage/graph_store.h"

namespace parley::cli {
namespace {

// The part of the graph the arguments choose (scope->whole when none is given).
Status ChooseScope(const Args& args, GraphStore* store, const Snapshot* snap, ExportScope* scope) {
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
    query::QueryLimits limits;
    PARLEY_RETURN_IF_ERROR(QueryLimitsFromArgs(args, /*interactive=*/false, &limits));
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

}  // namespace

Status Export(const Args& args) {
  if (!args.Has("--format")) {
    return Status::Usage(
        "--format is required (graphml, gexf, dot, ntriples, turtle, cytoscape, json, neo4j-csv, "
        "html, gdelt or plover)");
  }
  ExportFormat format;
  PARLEY_RETURN_IF_ERROR(ParseExportFormat(args.Get("--format"), &format));
  if (!args.positional().empty())
    return Status::Usage("unexpected argument " + args.positional()[0]);
  bool to_stdout = !args.Has("-o") || args.Get("-o") == "-";
  if (format == ExportFormat::kNeo4jCsv && to_stdout) {
    return Status::Usage("neo4j-csv writes a folder of CSV files: give -o DIR");
  }
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto snap = store->GetSnapshot();
  ExportScope scope;
  PARLEY_RETURN_IF_ERROR(ChooseScope(args, store.get(), snap.get(), &scope));
  ExportOptions options;
  options.snap = snap.get();
  options.scope = &scope;
  if (args.Has("--title")) options.title = args.Get("--title");

  if (format == ExportFormat::kNeo4jCsv) {
    return WriteFolder(args.Get("-o"), [&](const std::string& temp) {
      return ExportNeo4jCsv(*store, temp, options).WithContext(args.Get("-o"));
    });
  }
  if (to_stdout) {
    Status s = ExportGraph(*store, format, std::cout, options);
    Status out = FinishStdout();
    return out.ok() ? s : out;
  }
  std::unique_ptr<OutputFile> file;
  PARLEY_RETURN_IF_ERROR(OutputFile::Create(args.Get("-o"), &file));
  Status s = ExportGraph(*store, format, file->stream(), options);
  if (!s.ok()) {
    Status w = file->WriteError();
    return w.ok() ? s : w;
  }
  return file->Commit();
}

}  // namespace parley::cli

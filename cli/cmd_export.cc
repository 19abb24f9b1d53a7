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

#include "cli/commands.h"
#include "cli/export_scope.h"
#include "cli/open_store.h"
#include "cli/output_file.h"
#include "cli/query_limits.h"
#include "graph/export.h"
#include "storage/graph_store.h"

namespace parley::cli {
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
  query::QueryLimits limits;
  PARLEY_RETURN_IF_ERROR(QueryLimitsFromArgs(args, /*interactive=*/false, &limits));
  ExportScope scope;
  PARLEY_RETURN_IF_ERROR(ChooseExportScope(args, store.get(), snap.get(), limits, &scope));
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

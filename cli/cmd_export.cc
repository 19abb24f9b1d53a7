// parley export: the whole stored graph in a format other tools read, to stdout or -o PATH
// (a folder for neo4j-csv). The file or folder appears only when the export is complete
// (written beside it, then renamed).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "storage/export.h"
#include "storage/graph_store.h"

namespace parley::cli {

Status Export(const Args& args) {
  if (!args.Has("--format")) {
    return Status::Usage("--format is required (graphml, dot, ntriples or neo4j-csv)");
  }
  ExportFormat format;
  PARLEY_RETURN_IF_ERROR(ParseExportFormat(args.Get("--format"), &format));
  if (!args.positional().empty()) return Status::Usage("unexpected argument " + args.positional()[0]);
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto snap = store->GetSnapshot();
  if (format == ExportFormat::kNeo4jCsv) {
    if (!args.Has("-o") || args.Get("-o") == "-") {
      return Status::Usage("neo4j-csv writes a folder of CSV files: give -o DIR");
    }
    std::string dir = args.Get("-o");
    std::error_code ec;
    if (std::filesystem::exists(dir, ec)) return Status::InvalidInput(dir + " exists already");
    std::string partial = dir + ".partial";
    std::filesystem::remove_all(partial, ec);
    std::filesystem::create_directories(partial, ec);
    if (ec) return Status::IOError("cannot make " + partial + ": " + ec.message());
    Status s = ExportNeo4jCsv(*store, partial, snap.get());
    if (!s.ok()) {
      std::filesystem::remove_all(partial, ec);
      return s;
    }
    std::filesystem::rename(partial, dir, ec);
    if (ec) return Status::IOError("cannot move " + partial + " to " + dir + ": " + ec.message());
    return Status::OK();
  }
  if (!args.Has("-o") || args.Get("-o") == "-") {
    Status s = ExportGraph(*store, format, std::cout, snap.get());
    std::cout.flush();
    return s;
  }
  std::string path = args.Get("-o");
  std::string partial = path + ".partial";
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError("cannot write " + partial);
  Status s = ExportGraph(*store, format, out, snap.get());
  out.close();
  if (s.ok() && !out) s = Status::IOError("writing " + partial + " failed");
  std::error_code ec;
  if (!s.ok()) {
    std::filesystem::remove(partial, ec);
    return s;
  }
  std::filesystem::rename(partial, path, ec);
  if (ec) return Status::IOError("cannot move " + partial + " to " + path + ": " + ec.message());
  return Status::OK();
}

}  // namespace parley::cli

// parley export: the whole stored graph in a format other tools read, to stdout or -o PATH.
// The file appears only when the export is complete (written beside it, then renamed).
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
  if (!args.Has("--format")) return Status::Usage("--format is required (graphml, dot or ntriples)");
  ExportFormat format;
  PARLEY_RETURN_IF_ERROR(ParseExportFormat(args.Get("--format"), &format));
  if (!args.positional().empty()) return Status::Usage("unexpected argument " + args.positional()[0]);
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto snap = store->GetSnapshot();
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

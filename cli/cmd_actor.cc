// parley actor: a curator's decisions about actors (alias, merge, split), applied to the store
// and recorded in it so that later ingests apply them too; `list` shows them.
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "graph/curation.h"
#include "query/result_format.h"
#include "storage/graph_store.h"

namespace parley::cli {
namespace {

Status Need(const Args& args, size_t n, const std::string& what) {
  if (args.positional().size() != n) return Status::Usage("actor " + what);
  return Status::OK();
}

void Done(const CurationDecision& d) {
  std::cerr << "parley: ";
  if (d.action == "alias") std::cerr << "'" << d.name << "' is now an alias of " << d.actor;
  if (d.action == "merge") std::cerr << d.actor << " merged into " << d.into;
  if (d.action == "split")
    std::cerr << "'" << d.name << "' split off " << d.actor << " as " << d.new_id;
  std::cerr << " (decision " << d.seq << ", applied to later ingests)\n";
}

Status List(const Args& args) {
  PARLEY_RETURN_IF_ERROR(Need(args, 1, "list takes no further arguments"));
  OutputFormat format = OutputFormat::kTable;
  PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format", "table"), &format));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  Curation c;
  PARLEY_RETURN_IF_ERROR(Curation::Load(*store, &c));
  auto out = ResultWriter::Make(format, std::cout);
  out->Begin({"seq", "action", "actor", "name", "into", "new_id", "at"});
  for (const auto& d : c.decisions()) {
    out->Row({d.seq, d.action, d.actor, d.name, d.into, d.new_id, d.at});
  }
  out->End();
  return Status::OK();
}

}  // namespace

Status Actor(const Args& args) {
  const auto& pos = args.positional();
  if (pos.empty()) return Status::Usage("actor needs a subcommand: alias, merge, split or list");
  const std::string& sub = pos[0];
  if (sub == "list") return List(args);
  std::unique_ptr<GraphStore> store;
  CurationDecision d;
  if (sub == "alias") {
    PARLEY_RETURN_IF_ERROR(Need(args, 3, "alias takes ACTOR NAME"));
    PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
    PARLEY_RETURN_IF_ERROR(CurateAlias(store.get(), pos[1], pos[2], &d));
  } else if (sub == "merge") {
    PARLEY_RETURN_IF_ERROR(Need(args, 3, "merge takes ACTOR INTO"));
    PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
    PARLEY_RETURN_IF_ERROR(CurateMerge(store.get(), pos[1], pos[2], &d));
  } else if (sub == "split") {
    PARLEY_RETURN_IF_ERROR(Need(args, 2, "split takes ACTOR --alias NAME [--id NEW_ID]"));
    if (!args.Has("--alias")) return Status::Usage("actor split needs --alias NAME");
    PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
    PARLEY_RETURN_IF_ERROR(
        CurateSplit(store.get(), pos[1], args.Get("--alias"), args.Get("--id"), &d));
  } else {
    return Status::Usage("unknown actor subcommand '" + sub + "' (alias, merge, split, list)");
  }
  PARLEY_RETURN_IF_ERROR(store->Close());
  Done(d);
  return Status::OK();
}

}  // namespace parley::cli

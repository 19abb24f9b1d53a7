// parley stats: how many articles, nodes and relationships the store holds, per label and
// per relationship type, in name order (so that equal stores print equal bytes).
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/store_reports.h"
#include "query/result_format.h"
#include "storage/graph_store.h"

namespace parley::cli {

Status Stats(const Args& args) {
  OutputFormat format = OutputFormat::kTable;
  PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format", "table"), &format));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto out = ResultWriter::Make(format, std::cout);
  return WriteStats(*store, nullptr, out.get());
}

Status WriteStats(const GraphStore& store, const Snapshot* snap, ResultWriter* out) {
  GraphStats s;
  PARLEY_RETURN_IF_ERROR(store.GetStats(&s, snap));
  out->Begin({"kind", "name", "count"});
  out->Row({"total", "articles", s.articles});
  out->Row({"total", "nodes", s.nodes});
  out->Row({"total", "relationships", s.relationships});
  for (const auto& [label, n] : s.labels) out->Row({"label", label, n});
  for (const auto& [type, n] : s.types) out->Row({"type", type, n});
  out->End();
  return Status::OK();
}

}  // namespace parley::cli

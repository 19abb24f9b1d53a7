// parley edits: the changes queries made by hand to nodes and relationships built from
// extracted facts (graph/hand_edits.h), which every later ingest of their articles applies
// again; --drop SEQ forgets one (what it changed stays as it is).
#include <charconv>
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "graph/hand_edits.h"
#include "query/result_format.h"
#include "query/value_ops.h"
#include "storage/graph_store.h"

namespace parley::cli {
namespace {

// What an edit changed, in one line: "deleted", "set k = v", "removed k", "+label :L".
std::string Change(const HandEdit& e) {
  if (e.deleted) return "deleted";
  std::string s;
  auto add = [&](const std::string& part) { s += (s.empty() ? "" : ", ") + part; };
  for (const auto& [k, v] : e.set) add("set " + k + " = " + query::CypherText(v));
  for (const std::string& k : e.removed) add("removed " + k);
  for (const std::string& l : e.labels_added) add("added label :" + l);
  for (const std::string& l : e.labels_removed) add("removed label :" + l);
  return s;
}

Status Drop(const Args& args) {
  std::string text = args.Get("--drop");
  int64_t seq = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seq);
  if (ec != std::errc() || end != text.data() + text.size() || seq <= 0) {
    return Status::Usage("--drop takes the seq of an edit (a positive integer), not '" + text +
                         "'");
  }
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  PARLEY_RETURN_IF_ERROR(DropEdit(store.get(), seq));
  PARLEY_RETURN_IF_ERROR(store->Close());
  std::cerr << "parley: edit " << seq << " dropped (later ingests no longer apply it)\n";
  return Status::OK();
}

}  // namespace

Status Edits(const Args& args) {
  if (!args.positional().empty()) return Status::Usage("edits takes no arguments");
  if (args.Has("--drop")) return Drop(args);
  OutputFormat format = OutputFormat::kTable;
  PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format", "table"), &format));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  std::vector<HandEdit> edits;
  PARLEY_RETURN_IF_ERROR(LoadEdits(*store, &edits));
  auto out = ResultWriter::Make(format, std::cout);
  out->Begin({"seq", "at", "user", "element", "target", "change", "articles", "query"});
  for (const HandEdit& e : edits) {
    ValueList articles(e.articles.begin(), e.articles.end());
    out->Row({e.seq, e.at, e.user, e.relationship ? "relationship" : "node", e.target, Change(e),
              Value(std::move(articles)), e.query});
  }
  out->End();
  return Status::OK();
}

}  // namespace parley::cli

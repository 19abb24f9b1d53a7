// parley demands: who demands what of whom, straight from the store — each demand with its
// source and target actors, the policies it concerns, how many articles report it and a
// sentence that states it. Filters: --by ACTOR, --of ACTOR (id, name or alias), --about
// POLICY (id or name), --since DATE (ISO dates compare as text).
#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "core/strings.h"
#include "query/result_format.h"
#include "storage/graph_store.h"

namespace parley::cli {
namespace {


std::string Prop(const Node& n, const char* key) { return StringProperty(n.properties, key); }

// True if `filter` names node `n` by id, name or alias (case-insensitive); an empty filter
// matches everything.
bool Names(const std::string& filter, const Node& n) {
  if (filter.empty()) return true;
  std::string f = Lower(filter);
  if (Lower(Prop(n, "id")) == f || Lower(Prop(n, "name")) == f) return true;
  auto it = n.properties.find("aliases");
  if (it != n.properties.end() && it->second.is_list()) {
    for (const Value& v : it->second.as_list()) {
      if (v.is_string() && Lower(v.as_string()) == f) return true;
    }
  }
  return false;
}

struct Ends {
  std::vector<Node> nodes;
};

Status Collect(const GraphStore& store, NodeId id, Direction dir, const char* type, const Snapshot* snap,
               std::vector<Node>* out) {
  out->clear();
  auto c = store.Neighbours(id, dir, type, snap);
  for (; c->Valid(); c->Next()) {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(c->entry().other, &n, snap));
    out->push_back(std::move(n));
  }
  return c->status();
}

std::string JoinNames(const std::vector<Node>& nodes) {
  std::string out;
  for (const auto& n : nodes) out += (out.empty() ? "" : "; ") + Prop(n, "name");
  return out;
}

}  // namespace

Status Demands(const Args& args) {
  OutputFormat format = OutputFormat::kTable;
  PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format", "table"), &format));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto snap = store->GetSnapshot();
  std::string by = args.Get("--by"), of = args.Get("--of"), about = args.Get("--about"), since = args.Get("--since");

  auto out = ResultWriter::Make(format, std::cout);
  out->Begin({"source", "demand", "target", "about", "sources", "date", "quote"});
  auto cursor = store->ScanLabel("Demand", snap.get());
  std::vector<Node> sources, targets, policies, articles;
  for (; cursor->Valid(); cursor->Next()) {
    Node d;
    PARLEY_RETURN_IF_ERROR(store->GetNode(cursor->id(), &d, snap.get()));
    std::string date = Prop(d, "date");
    if (!since.empty() && (date.empty() || date < since)) continue;
    PARLEY_RETURN_IF_ERROR(Collect(*store, d.id, Direction::kIncoming, "DEMANDS", snap.get(), &sources));
    PARLEY_RETURN_IF_ERROR(Collect(*store, d.id, Direction::kOutgoing, "OF", snap.get(), &targets));
    PARLEY_RETURN_IF_ERROR(Collect(*store, d.id, Direction::kOutgoing, "ABOUT", snap.get(), &policies));
    if (!by.empty() && std::none_of(sources.begin(), sources.end(), [&](const Node& n) { return Names(by, n); })) continue;
    if (!of.empty() && std::none_of(targets.begin(), targets.end(), [&](const Node& n) { return Names(of, n); })) continue;
    if (!about.empty() && std::none_of(policies.begin(), policies.end(), [&](const Node& n) { return Names(about, n); })) continue;
    std::string quote;
    int64_t reports = 0;
    auto rc = store->Neighbours(d.id, Direction::kOutgoing, "REPORTED_IN", snap.get());
    for (; rc->Valid(); rc->Next()) {
      ++reports;
      Relationship r;
      if (quote.empty() && store->GetRelationship(rc->entry().rel, &r, snap.get()).ok()) {
        auto q = r.properties.find("quote");
        if (q != r.properties.end() && q->second.is_string()) quote = q->second.as_string();
      }
    }
    PARLEY_RETURN_IF_ERROR(rc->status());
    std::string text = Prop(d, "text");
    auto neg = d.properties.find("negated");
    if (neg != d.properties.end() && neg->second.is_bool() && neg->second.as_bool()) text = "NOT: " + text;
    out->Row({JoinNames(sources), text, targets.empty() ? Value() : Value(JoinNames(targets)),
              policies.empty() ? Value() : Value(JoinNames(policies)), reports,
              date.empty() ? Value() : Value(date), quote});
  }
  PARLEY_RETURN_IF_ERROR(cursor->status());
  out->End();
  return Status::OK();
}

}  // namespace parley::cli

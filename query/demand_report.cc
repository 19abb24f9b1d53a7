// The demands report `parley demands` prints: who demands what of whom, straight from the
// store — each demand with its source and target actors, the policies it concerns, how many
// independent sources report it (near-duplicate articles count once), in how many articles,
// and a sentence that states it — or, as a timeline, the demands, the other stances between
// actors and the events of one actor over time (query/demand_report.h).
#include "query/demand_report.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "graph/actor_lookup.h"
#include "graph/graph_model.h"
#include "graph/near_duplicate_index.h"
#include "storage/graph_store.h"
#include "util/calendar_date.h"

namespace parley {
namespace {

std::string Prop(const Node& n, const char* key) {
  return StringProperty(n.properties, key);
}

// A filter on one node: the actor --by or --of, or the policy --about, resolved to (0: no
// filter).
struct NodeFilter {
  NodeId node = 0;
  bool Matches(const Node& n) const { return node == 0 || n.id == node; }
  bool Any(const std::vector<Node>& nodes) const {
    return node == 0 ||
           std::any_of(nodes.begin(), nodes.end(), [&](const Node& n) { return n.id == node; });
  }
};

// Resolves the actor `name` (none if empty), the filter called `what` in messages; kNotFound
// when the store has no such actor.
Status ResolveActor(const GraphStore& store, const Snapshot* snap, const std::string& name,
                    const std::string& what, NodeFilter* out) {
  if (name.empty()) return Status::OK();
  return FindActor(store, name, &out->node, snap).WithContext(what);
}

// Resolves the policy `name` (none if empty) to the stored policy it names, by the rule actors
// are resolved by.
Status ResolvePolicy(const GraphStore& store, const Snapshot* snap, const std::string& name,
                     const std::string& what, NodeFilter* out) {
  if (name.empty()) return Status::OK();
  return FindNamed(store, "Policy", "policy", name, &out->node, snap).WithContext(what);
}

Status Collect(const GraphStore& store, NodeId id, Direction dir, const char* type,
               const Snapshot* snap, std::vector<Node>* out) {
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

// The articles that report an event: their nodes and dates, how many independent sources
// they are, and the first quote.
struct Reports {
  std::vector<NodeId> articles;
  int64_t sources = 0;
  std::string first, last;  // dates of the earliest and latest dated report
  std::string quote;
};

Status AddDates(const GraphStore& store, const Snapshot* snap, Reports* r) {
  for (NodeId a : r->articles) {
    Node n;
    if (!store.GetNode(a, &n, snap).ok()) continue;
    std::string date = Prop(n, "date");
    if (date.empty()) continue;
    if (r->first.empty() || date < r->first) r->first = date;
    if (r->last.empty() || date > r->last) r->last = date;
  }
  return CountSources(store, r->articles, &r->sources, snap);
}

// The reports of an event node (through its REPORTED_IN relationships).
Status ReadReports(const GraphStore& store, const Node& event, const Snapshot* snap, Reports* r) {
  auto rc = store.Neighbours(event.id, Direction::kOutgoing, "REPORTED_IN", snap);
  for (; rc->Valid(); rc->Next()) {
    r->articles.push_back(rc->entry().other);
    Relationship rel;
    if (r->quote.empty() && store.GetRelationship(rc->entry().rel, &rel, snap).ok()) {
      r->quote = StringProperty(rel.properties, "quote");
    }
  }
  PARLEY_RETURN_IF_ERROR(rc->status());
  return AddDates(store, snap, r);
}

// The reports of a stance relationship (its `articles` list).
Status StanceReports(const GraphStore& store, const Relationship& rel, const Snapshot* snap,
                     Reports* r) {
  auto it = rel.properties.find("articles");
  if (it != rel.properties.end() && it->second.is_list()) {
    for (const Value& v : it->second.as_list()) {
      if (v.is_string()) r->articles.push_back(IdFor("Article:" + v.as_string()));
    }
  }
  r->quote = StringProperty(rel.properties, "quote");
  return AddDates(store, snap, r);
}

// One row of the timeline.
struct TimelineRow {
  std::string source, relation, target, what, first, last, quote;
  int64_t sources = 0, reports = 0;
};

Status Timeline(const GraphStore& store, const Snapshot* snap, const NodeFilter& by,
                const NodeFilter& of, const std::string& since, ResultWriter* out) {
  EventTypes types;
  PARLEY_RETURN_IF_ERROR(EventTypes::LoadDefault(&types));
  // Event nodes by label, with the relationship a row names them by: DEMANDS for a demand,
  // the stance its type would have between two actors for an event of one actor ("FIGHTS").
  std::set<std::string> stances;
  std::map<std::string, EventShape> node_shapes;
  std::map<std::string, std::string> relation_of_type;
  for (const auto& [type, shape] : types.shapes()) {
    if (shape.node.empty()) {
      stances.insert(shape.relationship);
      relation_of_type[type] = shape.relationship;
    } else {
      node_shapes.emplace(shape.node, shape);
    }
  }
  node_shapes.emplace(types.one_actor().node, types.one_actor());
  std::vector<TimelineRow> rows;
  std::vector<Node> sources, targets;
  // Event nodes: one row per event.
  for (const auto& [label, shape] : node_shapes) {
    auto cursor = store.ScanLabel(label, snap);
    for (; cursor->Valid(); cursor->Next()) {
      Node d;
      PARLEY_RETURN_IF_ERROR(store.GetNode(cursor->id(), &d, snap));
      PARLEY_RETURN_IF_ERROR(
          Collect(store, d.id, Direction::kIncoming, shape.source_rel.c_str(), snap, &sources));
      PARLEY_RETURN_IF_ERROR(
          Collect(store, d.id, Direction::kOutgoing, shape.target_rel.c_str(), snap, &targets));
      if (!by.Any(sources) || !of.Any(targets)) continue;
      Reports r;
      PARLEY_RETURN_IF_ERROR(ReadReports(store, d, snap, &r));
      if (r.first.empty()) r.first = r.last = Prop(d, "date");
      if (!since.empty() && (r.last.empty() || r.last < since)) continue;
      auto relation = relation_of_type.find(Prop(d, "type"));
      rows.push_back({JoinNames(sources),
                      relation != relation_of_type.end() ? relation->second : shape.source_rel,
                      JoinNames(targets), Prop(d, "text"), r.first, r.last, r.quote, r.sources,
                      static_cast<int64_t>(r.articles.size())});
    }
    PARLEY_RETURN_IF_ERROR(cursor->status());
  }
  // Stances: relationships between actors.
  auto actors = store.ScanLabel("Actor", snap);
  for (; actors->Valid(); actors->Next()) {
    Node a;
    PARLEY_RETURN_IF_ERROR(store.GetNode(actors->id(), &a, snap));
    if (!by.Matches(a)) continue;
    auto rc = store.Neighbours(a.id, Direction::kOutgoing, {}, snap);
    for (; rc->Valid(); rc->Next()) {
      if (!stances.count(rc->entry().type)) continue;
      Node b;
      PARLEY_RETURN_IF_ERROR(store.GetNode(rc->entry().other, &b, snap));
      if (!of.Matches(b)) continue;
      Relationship rel;
      PARLEY_RETURN_IF_ERROR(store.GetRelationship(rc->entry().rel, &rel, snap));
      Reports r;
      PARLEY_RETURN_IF_ERROR(StanceReports(store, rel, snap, &r));
      if (r.first.empty()) r.first = r.last = StringProperty(rel.properties, "date");
      if (!since.empty() && (r.last.empty() || r.last < since)) continue;
      rows.push_back({Prop(a, "name"), rel.type, Prop(b, "name"),
                      StringProperty(rel.properties, "text"), r.first, r.last, r.quote, r.sources,
                      static_cast<int64_t>(r.articles.size())});
    }
    PARLEY_RETURN_IF_ERROR(rc->status());
  }
  PARLEY_RETURN_IF_ERROR(actors->status());
  std::sort(rows.begin(), rows.end(), [](const TimelineRow& x, const TimelineRow& y) {
    return std::tie(x.source, x.target, x.first, x.relation, x.what) <
           std::tie(y.source, y.target, y.first, y.relation, y.what);
  });
  out->Begin({"source", "relation", "target", "what", "first_seen", "last_seen", "sources",
              "reports", "quote"});
  auto date = [](const std::string& d) { return d.empty() ? Value() : Value(d); };
  for (const TimelineRow& r : rows) {
    out->Row({r.source, r.relation, r.target, r.what, date(r.first), date(r.last), r.sources,
              r.reports, r.quote});
  }
  out->End();
  return Status::OK();
}

}  // namespace

Status WriteDemandReport(const GraphStore& store, const DemandReportFilter& filter,
                         ResultWriter* out, const std::string& prefix) {
  auto snap = store.GetSnapshot();
  const std::string& since = filter.since;
  if (!since.empty() && !IsCalendarDate(since, /*partial=*/true))
    return Status::InvalidInput(prefix + "since: expected a date YYYY[-MM[-DD]], got '" + since +
                                "'");
  NodeFilter by, of, about;
  PARLEY_RETURN_IF_ERROR(ResolveActor(store, snap.get(), filter.by, prefix + "by", &by));
  PARLEY_RETURN_IF_ERROR(ResolveActor(store, snap.get(), filter.of, prefix + "of", &of));
  PARLEY_RETURN_IF_ERROR(ResolvePolicy(store, snap.get(), filter.about, prefix + "about", &about));

  if (filter.timeline) return Timeline(store, snap.get(), by, of, since, out);
  out->Begin({"source", "demand", "target", "about", "sources", "reports", "date", "quote"});
  auto cursor = store.ScanLabel("Demand", snap.get());
  std::vector<Node> sources, targets, policies, articles;
  for (; cursor->Valid(); cursor->Next()) {
    Node d;
    PARLEY_RETURN_IF_ERROR(store.GetNode(cursor->id(), &d, snap.get()));
    std::string date = Prop(d, "date");
    if (!since.empty() && (date.empty() || date < since)) continue;
    PARLEY_RETURN_IF_ERROR(
        Collect(store, d.id, Direction::kIncoming, "DEMANDS", snap.get(), &sources));
    PARLEY_RETURN_IF_ERROR(Collect(store, d.id, Direction::kOutgoing, "OF", snap.get(), &targets));
    PARLEY_RETURN_IF_ERROR(
        Collect(store, d.id, Direction::kOutgoing, "ABOUT", snap.get(), &policies));
    if (!by.Any(sources) || !of.Any(targets) || !about.Any(policies)) continue;
    Reports reports;
    PARLEY_RETURN_IF_ERROR(ReadReports(store, d, snap.get(), &reports));
    std::string text = Prop(d, "text");
    auto neg = d.properties.find("negated");
    if (neg != d.properties.end() && neg->second.is_bool() && neg->second.as_bool())
      text = "NOT: " + text;
    out->Row({JoinNames(sources), text, targets.empty() ? Value() : Value(JoinNames(targets)),
              policies.empty() ? Value() : Value(JoinNames(policies)), reports.sources,
              static_cast<int64_t>(reports.articles.size()), date.empty() ? Value() : Value(date),
              reports.quote});
  }
  PARLEY_RETURN_IF_ERROR(cursor->status());
  out->End();
  return Status::OK();
}

}  // namespace parley

// Binning the events between two actors by week or month (graph/conflict_timeline.h).
#include "graph/conflict_timeline.h"

#include <algorithm>
#include <map>
#include <set>

#include "graph/event_rows.h"
#include "graph/graph_model.h"
#include "storage/temporal_value.h"

namespace parley {
namespace {

// The event ids between `from` and `to` in that direction: stance relationships from one to
// the other, and event nodes the one makes (source_rel) of the other (target_rel).
Status EventsFrom(const GraphStore& store, const EventTypes& types, NodeId from, NodeId to,
                  const Snapshot* snap, std::set<NodeId>* nodes, std::set<RelId>* rels) {
  std::set<std::string> stance;
  std::map<std::string, std::string> node_rels;  // source_rel -> target_rel
  for (const auto& [name, shape] : types.shapes()) {
    if (shape.node.empty()) {
      stance.insert(shape.relationship);
    } else {
      node_rels[shape.source_rel] = shape.target_rel;
    }
  }
  auto c = store.Neighbours(from, Direction::kOutgoing, {}, snap);
  for (; c->Valid(); c->Next()) {
    const Adjacent& e = c->entry();
    if (stance.count(e.type) && e.other == to) rels->insert(e.rel);
    auto shape = node_rels.find(e.type);
    if (shape == node_rels.end()) continue;
    auto t = store.Neighbours(e.other, Direction::kOutgoing, shape->second, snap);
    for (; t->Valid(); t->Next()) {
      if (t->entry().other == to) nodes->insert(e.other);
    }
    PARLEY_RETURN_IF_ERROR(t->status());
  }
  return c->status();
}

// The day an event is binned by, as days since 1970-01-01; false if it has none.
bool EventDay(const EventRecord& e, TimelineStep step, int64_t* day) {
  std::string when = EventText(e, "event_date");
  // A month is enough for a monthly bin: its first day stands for it.
  if (when.size() == 7 && step == TimelineStep::kMonth) when += "-01";
  if (temporal::ParseIsoDay(when, day)) return true;
  std::string reported = EventText(e, "date");
  if (reported.empty()) reported = e.article_date;
  return temporal::ParseIsoDay(reported.substr(0, std::min<size_t>(reported.size(), 10)), day);
}

// The first day of the bin holding `day`.
int64_t BinStart(int64_t day, TimelineStep step) {
  if (step == TimelineStep::kWeek) return day - (temporal::DayOfWeek(day) - 1);
  int64_t y, m, d;
  temporal::CivilFromDays(day, &y, &m, &d);
  return temporal::DaysFromCivil(y, m, 1);
}

int64_t NextBin(int64_t start, TimelineStep step) {
  if (step == TimelineStep::kWeek) return start + 7;
  int64_t y, m, d;
  temporal::CivilFromDays(start, &y, &m, &d);
  return m == 12 ? temporal::DaysFromCivil(y + 1, 1, 1) : temporal::DaysFromCivil(y, m + 1, 1);
}

std::string Label(int64_t start, TimelineStep step) {
  int64_t y, m, d;
  temporal::CivilFromDays(start, &y, &m, &d);
  char buf[16];
  if (step == TimelineStep::kWeek) {
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                  static_cast<long long>(m), static_cast<long long>(d));
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>(y),
                  static_cast<long long>(m));
  }
  return buf;
}

}  // namespace

Status BuildConflictTimeline(const GraphStore& store, NodeId a, NodeId b, TimelineStep step,
                             ConflictTimeline* out, const Snapshot* snap) {
  EventTypes types;
  PARLEY_RETURN_IF_ERROR(EventTypes::LoadDefault(&types));
  std::set<NodeId> ab_nodes, ba_nodes;
  std::set<RelId> ab_rels, ba_rels;
  PARLEY_RETURN_IF_ERROR(EventsFrom(store, types, a, b, snap, &ab_nodes, &ab_rels));
  if (a != b) PARLEY_RETURN_IF_ERROR(EventsFrom(store, types, b, a, snap, &ba_nodes, &ba_rels));
  ExportScope scope;
  scope.whole = false;
  std::set_union(ab_nodes.begin(), ab_nodes.end(), ba_nodes.begin(), ba_nodes.end(),
                 std::back_inserter(scope.nodes));
  std::set_union(ab_rels.begin(), ab_rels.end(), ba_rels.begin(), ba_rels.end(),
                 std::back_inserter(scope.relationships));
  ExportOptions opt;
  opt.snap = snap;
  opt.scope = &scope;
  std::map<int64_t, TimelineBin> bins;  // by first day
  *out = ConflictTimeline();
  PARLEY_RETURN_IF_ERROR(ForEachEvent(store, opt, [&](const EventRecord& e) -> Status {
    int64_t day = 0;
    if (!EventDay(e, step, &day)) {
      ++out->undated;
      return Status::OK();
    }
    TimelineBin& bin = bins[BinStart(day, step)];
    ++bin.events;
    bool forward = e.is_node ? ab_nodes.count(e.id) > 0 : ab_rels.count(e.id) > 0;
    ++(forward ? bin.a_to_b : bin.b_to_a);
    auto g = e.props->find("goldstein");
    if (g != e.props->end() && g->second.is_number()) {
      ++bin.coded;
      bin.goldstein += g->second.as_number();
    }
    auto q = e.props->find("quad_class");
    if (q != e.props->end() && q->second.is_int() && q->second.as_int() >= 1 &&
        q->second.as_int() <= 4) {
      ++bin.quad[q->second.as_int() - 1];
    }
    return Status::OK();
  }));
  if (bins.empty()) return Status::OK();
  int64_t last = bins.rbegin()->first;
  for (int64_t start = bins.begin()->first; start <= last; start = NextBin(start, step)) {
    TimelineBin bin = bins[start];
    bin.period = Label(start, step);
    out->bins.push_back(std::move(bin));
  }
  return Status::OK();
}

}  // namespace parley

// POLECAT-style JSON lines: one object per stored event (event node or stance relationship)
// with the PLOVER event type, mode and context, the CAMEO code, QuadClass and Goldstein value,
// the two actors, the dates (the report's and the event's, with its granularity), the place
// and the sentence that states it. README.md ("parley export --format plover") lists the keys.
// A value the graph lacks is null.
#include <nlohmann/json.hpp>
#include <string>

#include "graph/event_rows.h"
#include "graph/export_writer.h"

namespace parley::exporting {
namespace {

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

// A property as JSON, or null.
nlohmann::json Prop(const EventRecord& e, const char* key) {
  auto it = e.props->find(key);
  if (it == e.props->end()) return nullptr;
  if (it->second.is_temporal()) return EventText(e, key);
  return ToJson(it->second);
}

nlohmann::json Actor(const EventActor& a) {
  if (!a.known) return nullptr;
  nlohmann::json j = {{"name", a.name}, {"id", a.id}};
  if (!a.is_actor) {
    j["kind"] = "policy";
    return j;
  }
  j["kind"] = OrNull(a.kind);
  j["code"] = OrNull(a.code);
  j["country"] = OrNull(a.country);
  j["sector"] = OrNull(a.sector);
  return j;
}

nlohmann::json Location(const EventLocation& l) {
  if (!l.known) return nullptr;
  nlohmann::json j = {{"id", l.id},
                      {"name", l.name},
                      {"precision", OrNull(l.precision)},
                      {"country", OrNull(l.country)},
                      {"region", OrNull(l.region)},
                      {"feature_id", OrNull(l.feature_id)}};
  j["lat"] = l.has_coordinates ? nlohmann::json(l.lat) : nlohmann::json();
  j["lon"] = l.has_coordinates ? nlohmann::json(l.lon) : nlohmann::json();
  return j;
}

}  // namespace

Status WritePlover(const GraphStore& store, std::ostream& out, const ExportOptions& opt) {
  Status s = ForEachEvent(store, opt, [&](const EventRecord& e) -> Status {
    std::string report_date = EventText(e, "date");
    if (report_date.empty()) report_date = e.article_date;
    nlohmann::json j = {
        {"event_id", std::to_string(e.id)},
        {"event_type", Prop(e, "plover_type")},
        {"event_mode", Prop(e, "plover_mode")},
        {"event_context", Prop(e, "plover_context")},
        {"status", Prop(e, "status")},
        {"cameo", Prop(e, "cameo")},
        {"quad_class", Prop(e, "quad_class")},
        {"goldstein", Prop(e, "goldstein")},
        {"parley_type", Prop(e, "type")},
        {"relation", e.kind},
        {"text", Prop(e, "text")},
        {"negated", Prop(e, "negated")},
        {"modality", Prop(e, "modality")},
        {"story_date", OrNull(report_date)},
        {"event_date", Prop(e, "event_date")},
        {"date_granularity", Prop(e, "date_granularity")},
        {"date_basis", Prop(e, "date_basis")},
        {"date_text", Prop(e, "date_text")},
        {"actor", Actor(e.source)},
        {"recipient", Actor(e.target)},
        {"location", Location(e.location)},
        {"source_sentence", OrNull(e.quote)},
        {"source_article", OrNull(e.article_id)},
        {"source_name", OrNull(e.article_source)},
        {"num_sources", e.sources},
        {"num_articles", static_cast<int64_t>(e.articles.size())},
    };
    out << Dump(j) << '\n';
    return WriteStatus(out);
  });
  PARLEY_RETURN_IF_ERROR(s);
  return WriteStatus(out);
}

}  // namespace parley::exporting

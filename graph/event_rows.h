// The stored events as event-data tools count them, for the GDELT and PLOVER exports and the
// conflict-cooperation timeline: one record per event node (a Demand) and per stance
// relationship between actors (SUPPORTS, SANCTIONS, ...), which data/event_types.json names,
// with its two actors, its reports (articles, independent sources), its first report and its
// place. Records are read one at a time from the store's scans; nothing grows with the number
// of events (the actor cache is bounded), so a whole-graph export runs in bounded memory.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "graph/export.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

// One end of an event.
struct EventActor {
  bool known = false;     // false: the event names no actor at this end
  bool is_actor = false;  // true: an Actor node; false with `known`: a Policy (a stance's object)
  std::string id;         // canonical id ("IRN", "ali_khamenei@irn", a policy key)
  std::string name;
  std::string kind;     // person, country, organization, group
  std::string code;     // CAMEO actor code: `code`, else country + sector ("IRNGOV"), else ""
  std::string country;  // the canonical id of its country (ISO alpha-3) where known
  std::string sector;   // CAMEO agent type ("GOV", "MIL", "IGO", ...)
  std::string group;    // known group of an IGO/NGO code ("IGOUNO" -> "UNO")
};

// Where an event took place: the (:Place) it is IN, or a stance's `place`.
struct EventLocation {
  bool known = false;
  std::string id, name, precision;  // precision: "city", "region" or "country" (Place.kind)
  std::string country;              // ISO 3166-1 alpha-2
  std::string region;               // ISO 3166-2 ("US-TX")
  std::string feature_id;           // `feature_id`, else the Place's id (its gazetteer id)
  bool has_coordinates = false;
  double lat = 0, lon = 0;
};

struct EventRecord {
  uint64_t id = 0;       // the event node's or relationship's id
  bool is_node = false;  // an event node (else a stance relationship)
  std::string kind;      // the node's label ("Demand") or the relationship type ("SANCTIONS")
  const PropertyMap* props = nullptr;  // the node's or relationship's properties
  EventActor source, target;
  std::vector<NodeId> articles;  // the Article nodes reporting it, ascending
  int64_t sources = 0;           // independent sources among them (CountSources)
  // The first report: the earliest dated article (ties and undated: the lowest node id).
  std::string article_id, article_source, article_date, quote;
  // The sentence index of the quote in that article: -1 its title, kUnknownSentence if unknown.
  static constexpr int64_t kUnknownSentence = INT64_MIN;
  int64_t sentence = kUnknownSentence;
  EventLocation location;
};

// Calls `fn` with every event among the parts `opt` chooses (the whole graph by default):
// event nodes in id order, then stance relationships in id order.
Status ForEachEvent(const GraphStore& store, const ExportOptions& opt,
                    const std::function<Status(const EventRecord&)>& fn);

// Property `key` of an event as text: strings as they are, dates as ISO text, numbers in their
// shortest form, booleans as true/false; "" when missing.
std::string EventText(const EventRecord& e, const char* key);

}  // namespace parley

// The graph model: how one document's extracted facts become nodes and relationships.
//
//   (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor)        a demands d of b
//   (d:Demand)-[:ABOUT]->(p:Policy)
//   (d:Demand)-[:REPORTED_IN {sentence, start, end, quote}]->(x:Article)
//   (a:Actor)-[:SUPPORTS|OPPOSES|SANCTIONS|...]->(b:Actor or p:Policy)
//   (a:Actor)-[:HOLDS_ROLE {role}]->(c:Actor)
//
// Ids come from canonical keys ("Actor:IRN", "Demand:<event key>"), never from counters, so
// shards extracted on different machines merge into the same graph. Reports of one event in
// several articles share the event's key (graph/event_key.h): the event node and its DEMANDS,
// OF and ABOUT relationships are one, with one REPORTED_IN per article; a stance relationship
// is one, listing its articles. Where several articles set one property differently, lists are
// united, of two strings the longer stays (the fuller text of an event told twice) and of other
// values the smaller (GraphBatch::PutNode), so the graph does not depend on ingest order.
// Which event types become nodes and which relationships is read from data/event_types.json.
#pragma once

#include <map>
#include <string>

#include "core/facts.h"
#include "graph/event_key.h"
#include "graph/near_duplicate.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

struct EventShape {
  std::string cameo;         // CAMEO root code
  std::string node;          // event node label ("Demand"), empty for a relationship
  std::string source_rel;    // for node events: (source)-[source_rel]->(event)
  std::string target_rel;    // for node events: (event)-[target_rel]->(target)
  std::string relationship;  // for relationship events: (source)-[relationship]->(target)
};

class EventTypes {
 public:
  // Loads the type table from a JSON file such as data/event_types.json.
  static Status Load(const std::string& path, EventTypes* out);
  // Loads data/event_types.json from the data folder.
  static Status LoadDefault(EventTypes* out);
  // The shape of `type`, or null if the table does not know it.
  const EventShape* Find(const std::string& type) const;
  // Every type and its shape, by type name.
  const std::map<std::string, EventShape>& shapes() const { return shapes_; }
  // The node shape a relationship type's event takes when it names one actor and neither a
  // second actor nor a policy ("police arrested twelve men"): (:Event) in the default table.
  const EventShape& one_actor() const { return one_actor_; }

 private:
  std::map<std::string, EventShape> shapes_;
  EventShape one_actor_;
};

// What turning facts into graph changes needs: the event type table, the event key (the
// current version unless set otherwise) and the near-duplicate rules.
struct GraphModel {
  EventTypes types;
  EventKeys keys;
  NearDuplicates duplicates;
  // Loads the type table and the near-duplicate rules from the data folder.
  static Status LoadDefault(GraphModel* out);
};

// The hash an article's record keeps of its facts (ArticleRecord::facts_hash): of their JSON
// and, past version 1, of the event key version they were keyed by, so that facts keyed by
// another version are never taken for unchanged.
std::string FactsHash(const DocumentFacts& facts, int key_version);

// Builds the article record and the graph changes for one document's facts. A stance of one
// actor, with no second actor or policy, becomes an event node of the table's one_actor
// shape. Events of a type the table does not know, and stances that name no actor at all, are
// left out of the graph (they stay in the extract output); `*skipped` counts them. The record
// carries FactsHash(facts, the model's key version), so that writing the same facts keyed by
// another version replaces the article's old contributions (GraphStore::WriteArticle).
Status FactsToGraph(const DocumentFacts& facts, const GraphModel& model, ArticleRecord* article,
                    GraphBatch* batch, int* skipped = nullptr);

// The canonical key of a policy named `name`: lower case, words joined by '-'.
std::string PolicyKey(std::string_view name);

// The store setting that records the version of the event keys a store's events carry.
inline constexpr std::string_view kEventKeyVersionSetting = "event_key_version";

// The event key version of `store`'s events: the version it records; for a store that records
// none (made before versions were recorded), 1 if it holds articles, else kEventKeyVersion (it
// holds no key yet).
Status StoredEventKeyVersion(const GraphStore& store, int* version);
// Records `version` as the event key version of `store`'s events.
Status RecordEventKeyVersion(GraphStore* store, int version);
// Before an ingest writes anything: OK if `store`'s events are keyed by the version of `keys`
// (recording it when the store records none), else kInvalidInput naming the command that
// re-keys the store (`parley rekey`); nothing is written then.
Status CheckEventKeyVersion(GraphStore* store, const EventKeys& keys);

}  // namespace parley

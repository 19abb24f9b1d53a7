// Curating actors: a curator's decisions (an alias added, one actor merged into another, a
// name split off an actor) applied to the store at once and recorded in it, so that every
// later ingest applies them to the extracted facts before they become graph changes.
//
// A decision is a node labelled Curation with properties action ("alias", "merge", "split"),
// actor (the canonical id it concerns), name (alias, split), into (merge), new_id (split),
// seq (its place in the order of decisions) and at (when it was made, ISO 8601 UTC). Being
// ordinary nodes, decisions show in queries and exports:
//   MATCH (c:Curation) RETURN c.seq, c.action, c.actor ORDER BY c.seq
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/facts.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

struct CurationDecision {
  int64_t seq = 0;
  std::string action;                // alias, merge, split
  std::string actor;                 // canonical id
  std::string name;                  // alias, split: the name
  std::string into;                  // merge: the surviving actor's canonical id
  std::string new_id;                // split: the new actor's canonical id
  std::string into_name, into_kind;  // merge: the survivor's name and kind when merged
  std::string kind;                  // split: the new actor's kind
  std::string at;
};

// What the decisions, taken in order, amount to for facts still to be ingested.
class Curation {
 public:
  // Reads every decision of `store` (none is fine) in order.
  static Status Load(const GraphStore& store, Curation* out);

  const std::vector<CurationDecision>& decisions() const { return decisions_; }
  bool empty() const { return decisions_.empty(); }

  // The canonical id facts about `id` are stored under (the survivor of merges, followed).
  std::string Resolve(const std::string& id) const;

  // Rewrites one document's facts: ids merged away become the survivor's (their names
  // become aliases of it), names split off an actor become their own actor, curated aliases
  // are added to the actor's entity, and arguments that name no known actor but whose text is
  // a curated alias (or a split-off name) are given that actor.
  void Apply(DocumentFacts* facts) const;

 private:
  void Add(const CurationDecision& d);

  std::vector<CurationDecision> decisions_;
  std::map<std::string, std::string> merged_;             // id -> id it was merged into
  std::map<std::string, CurationDecision> merge_info_;    // id merged away -> its decision
  std::map<std::string, std::set<std::string>> aliases_;  // id -> curated aliases
  // (actor, name) -> the split decision: mentions of `name` under `actor` go to new_id.
  std::map<std::pair<std::string, std::string>, CurationDecision> splits_;
};

// The curation commands. Each resolves the actors it is given as FindActor does, checks
// everything before it writes, then changes the store and records the decision in one atomic
// batch. `*done` (optional) receives the recorded decision.

// Adds `name` to the aliases of `actor`.
Status CurateAlias(GraphStore* store, const std::string& actor, const std::string& name,
                   CurationDecision* done = nullptr);

// Moves every relationship of `actor` onto `into` (a relationship `into` already has with the
// same type, direction and other end takes the moved one's properties instead; one between the
// two actors themselves is dropped), makes `actor`'s id, name and aliases aliases of `into`,
// and deletes `actor`'s node. A moved relationship keeps the articles it came from: it goes
// when they are re-ingested (their facts then arrive on `into`) or removed.
Status CurateMerge(GraphStore* store, const std::string& actor, const std::string& into,
                   CurationDecision* done = nullptr);

// Takes alias `name` off `actor` and makes it an actor of its own with canonical id `new_id`
// (empty: the slug of `name`), of `actor`'s kind. Existing relationships stay where they are;
// they move when their articles are ingested again.
Status CurateSplit(GraphStore* store, const std::string& actor, const std::string& name,
                   const std::string& new_id, CurationDecision* done = nullptr);

}  // namespace parley

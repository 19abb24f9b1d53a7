// The facts extracted from one document: the JSONL record `parley extract` prints and
// `parley ingest --facts` reads (the contract is in DESIGN.md and README.md).
//
// Beyond the contract's required fields, a record may carry the article itself ("title",
// "date", "source", "text"), entities their "aliases", "role", "country", "sector" and "code"
// (mentions too a "code"), and events and
// triples the "quote" (the sentence that states them) and "condition" (for conditional
// demands), so that facts extracted on one machine can be stored on another without loss.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace parley {

struct Mention {
  int64_t start = 0;  // byte offsets into the document text, end exclusive
  int64_t end = 0;
  std::string text;
  std::string code = {};  // CAMEO code where the mention names a sector of its entity ("IRNGOV")
};

struct Entity {
  std::string id;    // canonical id: "IRN", "USA", "ali_khamenei", "samir_haddad@egy"
  std::string name;  // canonical name
  std::string kind;  // person, country, organization, group
  std::vector<std::string> aliases;
  std::string role;     // "Supreme Leader", for a person holding a role
  std::string country;  // canonical id of the actor the role is held in
  std::vector<Mention> mentions;
  std::string sector =
      {};  // CAMEO agent code: GOV, MIL, REB, COP, ... (a person's on the article's date)
  std::string code = {};  // CAMEO actor code, where it says more than the id ("DEUGOV", "SYRREB")
};

// A phrase that may refer to an entity.
struct Argument {
  std::string text;
  std::string entity;  // canonical id, empty if the phrase names no known actor
};

struct Triple {
  Argument subject;
  std::string predicate;
  std::string lemma;
  Argument object;
  std::vector<std::string> args;  // further arguments ("in 2018", "with the US")
  bool negated = false;
  std::string modality;  // "", "must", "should", "may", "likely", ...
  double confidence = 0;
  int64_t sentence = 0;  // 0-based sentence index
  int64_t start = 0;     // byte span of the clause
  int64_t end = 0;
  std::string quote;  // the sentence, if known
};

struct PolicyRef {
  std::string id;  // canonical id, may be empty (then derived from the name)
  std::string name;
};

// --- Where: the place an event happened (core/places.h) ---
// The most precise place the event's sentence names after a locative word ("in Paris, Texas"),
// else the article's dateline's; empty `precision` when neither names one. A capital named as
// a government ("Moscow rejected") is an actor and gives no place.
struct EventPlace {
  std::string feature;   // the place's id: "geonames:2988507" (a city), "iso:US-TX", "iso:FR"
  std::string name;      // the gazetteer's name of the place ("Paris", "Texas", "France")
  std::string city;      // the city's name at precision "city", else empty
  std::string region;    // ISO 3166-2 code ("US-TX"), empty where not known
  std::string country;   // ISO 3166-1 alpha-2 ("FR")
  bool located = false;  // lat/lon known: a city's, or a region's or country's centre
  double lat = 0, lon = 0;
  std::string precision;  // "city", "region" or "country"; empty: no place
};

// A typed event: a demand, or a stance such as support, oppose, sanction, withdraw.
struct Event {
  std::string type;   // "demand", "support", ...
  std::string cameo;  // full CAMEO code, as the verb pattern gives it ("0874", "163", "100")
  Argument source;
  Argument target;
  std::string content;  // what is demanded or stated
  std::vector<PolicyRef> policies;
  bool negated = false;
  std::string modality;
  std::string condition;  // "only if ..." clause text, if the event is conditional
  double confidence = 0;
  // The sentence of the text that states it (0-based) and its byte span there; -1 for the
  // article's title, the span then being into the title.
  int64_t sentence = 0;
  int64_t start = 0;
  int64_t end = 0;
  std::string quote;
  // Where (core/places.h).
  EventPlace place = {};

  // When it happened (core/event_dates.h): the date read from the words `date_text` of its
  // sentence ("YYYY-MM-DD", "YYYY-MM" or "YYYY", with `date_granularity` "day", "week",
  // "month" or "year"; `date_basis` "event"), or the article's date (`date_basis` "report",
  // granularity "day") when the sentence names no time. The article's own date stays
  // DocumentFacts::date.
  std::string event_date = {};
  std::string date_granularity = {};
  std::string date_basis = {};
  std::string date_text = {};
  // Coding (core/event_coding.h, core/event_status.h): what event-data users read off the
  // code, and whether the sentence reports the event as done. quad_class 0 means not coded.
  int quad_class = 0;    // GDELT QuadClass of the code's root: 1 verbal cooperation, 2 material
                         // cooperation, 3 verbal conflict, 4 material conflict
  double goldstein = 0;  // GDELT's Goldstein value of the code (-10 conflict to +10 cooperation)
  std::string plover_type, plover_mode, plover_context;  // PLOVER event type, mode and context;
                                                         // the context adds the status's
                                                         // "future", "hypothetical", "historical"
  std::string status;  // "asserted", "conditional", "hypothetical", "future", "reported_past"
};

// --- What happened: a happening the article's lead names (core/occurrences.h) ---
// One word of the headline or the first sentences that names a happening ("earthquake",
// "arrested", "bombing"), with where and when, so that reports of one happening are linked
// whether or not the actors in them were recognised.
struct Occurrence {
  std::string what;     // the happening, compared by: "earthquake" for "quake", "bomb" for
                        // "bombing"
  std::string country;  // ISO 3166-1 alpha-2 of where it happened ("CL"); never empty
  std::string text;     // the word as written
  // The sentence (0-based; -1 for the article's title) and the word's byte span there.
  int64_t sentence = 0;
  int64_t start = 0;
  int64_t end = 0;
  EventPlace place;  // where, as for an event; empty when only an actor's country placed it
  // When, as for an event (Event::event_date and the three after it).
  std::string event_date, date_granularity, date_basis, date_text;
};

struct DocumentFacts {
  std::string doc;  // document id (a number in the JSON becomes its decimal text)
  std::string title, date, source, text;
  // What the facts were extracted from and with (the program, its data, the options and the
  // document), as `ingest` records it on the Article node; empty when not known. `parley
  // extract --record-key` writes it, so that facts extracted elsewhere are stored as an
  // ingest of the articles on this machine would store them.
  std::string extracted_with;
  std::vector<Entity> entities;
  std::vector<Triple> triples;
  std::vector<Event> events;
  std::vector<Occurrence> occurrences;
};

// Parses one JSONL record. Errors name the field ("events[2].source: expected an object").
Status ParseFacts(std::string_view json, DocumentFacts* facts);

// Serialises `facts` as one line of JSON (no trailing newline). Optional fields that are
// empty are left out; `doc` is written as a number when `numeric_doc_id` and it is one.
std::string FactsToJson(const DocumentFacts& facts, bool numeric_doc_id = false);

}  // namespace parley

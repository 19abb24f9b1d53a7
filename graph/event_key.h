// The identity of an event across articles: two reports of one event (wire copies, outlets
// retelling it, the headline and the body) carry the same key, so the store keeps one event
// with one REPORTED_IN per article; a different event of the same type between the same actors
// gets another key.
//
// The key depends only on the report itself (its type, negation, actors, content, policies and
// the article's date), never on what was ingested before: ingesting a corpus in any order, or
// twice, gives the same events. It is a function of its own: its rules and word lists are
// constants of this code, read from no data file and shared with no other part (retuning the
// linker, say, changes no key). Stored event ids are keys, so the key is versioned: a change
// that changes any key raises kEventKeyVersion, a store records the version its events were
// keyed by (graph/graph_model.h), and a store of another version is re-keyed (`parley rekey`),
// never mixed.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/facts.h"

namespace parley {

// The version of the key this build makes.
//   1: every event by its signature and the article's month (the keys of every store made
//      before versions were recorded).
//   2: demands and appeals as in 1; every other event by the day it happened.
inline constexpr int kEventKeyVersion = 2;

class EventKeys {
 public:
  // What one version of the key is made of.
  struct Rules {
    int version = 0;
    // Words of the content the signature skips.
    std::set<std::string, std::less<>> stopwords;
    // Head words whose lemma WordNet does not give ("dead" reports a death: "die").
    std::map<std::string, std::string, std::less<>> head_lemmas;
    // The prefix of the article's date an event is placed by: 7 the month ("2026-03"), 10 the
    // day.
    size_t period_length = 7;
    // The types told apart by what they say ("demand": lift the sanctions, or release the
    // sailors), keyed by signature and period. An event of any other type is keyed by the day
    // it happened instead (its event_date, else the article's date), as the event coders'
    // one-a-day rule counts one event per actors, type and day: reports that word one air
    // strike differently, or publish it a day later, are one event. Empty: every type by
    // signature and period.
    std::set<std::string, std::less<>> said_types;
  };
  // The rules of kEventKeyVersion.
  static Rules Current();

  // The key of kEventKeyVersion.
  EventKeys() : EventKeys(Current()) {}
  // The key of `rules` (another version's).
  explicit EventKeys(Rules rules) : rules_(std::move(rules)) {}
  // The version these keys are of.
  int version() const { return rules_.version; }

  // The content signature of `e`: the lemma of its first content word read as an event's head
  // (a verb; a noun as the verb it derives from, "withdrawal" -> "withdraw"), and the id of its
  // first policy (else the lemma of its second content word): "lift|sanctions" for "lift the
  // sanctions it has imposed" about sanctions.
  std::string Signature(const Event& e) const;
  // The period an article dated `date` (YYYY-MM-DD...) falls in: "2026-03" by month; "" when
  // undated.
  std::string Period(std::string_view date) const;
  // The whole key: type, negation, `source` and `target` (canonical actor ids, "" when none),
  // signature and period, joined by '|'; for a type not in said_types, an empty signature and
  // the day the event happened.
  std::string Key(const Event& e, std::string_view source, std::string_view target,
                  std::string_view date) const;
  // The key of an occurrence (core/occurrences.h): "occurrence", what happened, its country
  // and the day it happened (its event_date, else the day of `date`, the article's), joined by
  // '|': reports of one happening in one country on one day share it.
  std::string OccurrenceKey(const Occurrence& o, std::string_view date) const;

 private:
  // The lemma `word` (a content word, lower case) is compared by as an event's head.
  std::string HeadLemma(const std::string& word) const;

  Rules rules_;
};

}  // namespace parley

// The identity of an event across articles: two reports of one event (wire copies, outlets
// retelling it, the headline and the body) carry the same key, so the store keeps one event
// with one REPORTED_IN per article; a different event of the same type between the same actors
// gets another key.
//
// The key depends only on the report itself (its type, negation, actors, content, policies and
// the article's date), never on what was ingested before: ingesting a corpus in any order, or
// twice, gives the same events. The rules and word lists are in data/event_keys.json.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/facts.h"
#include "core/linker.h"
#include "util/status.h"

namespace parley {

class EventKeys {
 public:
  // Loads the rules from a JSON file such as data/event_keys.json, and the linker's head-lemma
  // rules from data/linker.json.
  static Status Load(const std::string& path, EventKeys* out);
  // Loads data/event_keys.json from the data folder.
  static Status LoadDefault(EventKeys* out);

  // The content signature of `e`: the lemma of its first content word, read as the linker
  // reads an event's head (a verb; a noun as the verb it derives from, "withdrawal" ->
  // "withdraw"), and the id of its first policy (else the lemma of its second content word):
  // "lift|sanctions" for "lift the sanctions it has imposed" about sanctions.
  std::string Signature(const Event& e) const;
  // The period an article dated `date` (YYYY-MM-DD...) falls in: "2026-03" by month; "" when
  // undated.
  std::string Period(std::string_view date) const;
  // The whole key: type, negation, `source` and `target` (canonical actor ids, "" when none),
  // signature and period, joined by '|'.
  std::string Key(const Event& e, std::string_view source, std::string_view target,
                  std::string_view date) const;

 private:
  std::set<std::string, std::less<>> stopwords_;
  bool by_day_ = false;
  Linker linker_;  // its head-lemma rules (data/linker.json)
};

}  // namespace parley

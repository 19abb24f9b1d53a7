// The event key (graph/event_key.h): what two reports must share to be one event.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>

#include "core/linker.h"
#include "graph/event_key.h"
#include "test_util.h"

namespace parley {
namespace {

Event Demand(const std::string& content, const std::string& policy = "") {
  Event e;
  e.type = "demand";
  e.content = content;
  if (!policy.empty()) e.policies.push_back({policy, ""});
  return e;
}

}  // namespace

TEST_CASE("the signature reads the head as an event's: a noun as the verb it derives from",
          "[link][key]") {
  EventKeys keys;
  // Nominal and verbal wordings of one demand share the signature.
  CHECK(keys.Signature(Demand("the withdrawal of its troops from the border")) ==
        keys.Signature(Demand("withdraw its troops from the border")));
  CHECK(keys.Signature(Demand("withdraw its troops")) == "withdraw|troop");
  CHECK(keys.Signature(Demand("an end to the shelling")) ==
        keys.Signature(Demand("end the shelling")));
  // A policy stands in for the second word.
  CHECK(keys.Signature(Demand("lift the sanctions it has imposed", "sanctions")) ==
        "lift|sanctions");
  // Different demands keep different signatures.
  CHECK(keys.Signature(Demand("release the detained sailors")) !=
        keys.Signature(Demand("withdraw its troops")));
}

TEST_CASE("the key joins type, negation, actors, signature and month", "[link][key]") {
  EventKeys keys;
  Event e = Demand("withdraw its troops");
  CHECK(keys.Key(e, "LBN", "SYR", "2026-06-03") == "demand||LBN|SYR|withdraw|troop|2026-06");
  CHECK(keys.Key(e, "LBN", "SYR", "2026-06-29") == keys.Key(e, "LBN", "SYR", "2026-06-03"));
  CHECK(keys.Key(e, "LBN", "SYR", "2026-07-01") != keys.Key(e, "LBN", "SYR", "2026-06-03"));
  CHECK(keys.Key(e, "SYR", "LBN", "2026-06-03") != keys.Key(e, "LBN", "SYR", "2026-06-03"));
  e.negated = true;
  CHECK(keys.Key(e, "LBN", "SYR", "2026-06-03") == "demand|not|LBN|SYR|withdraw|troop|2026-06");
  CHECK(keys.Period("") == "");
}

TEST_CASE("an event other than a demand is keyed by the day it happened, not by its words",
          "[link][key]") {
  EventKeys keys;
  Event strike;
  strike.type = "fight";
  strike.content = "a fuel depot outside the port";
  strike.event_date = "2026-06-02";
  strike.date_granularity = "day";
  Event retold = strike;
  retold.content = "the depot";
  // Two wordings, published a day apart, of one strike on the day both texts name.
  CHECK(keys.Key(strike, "AAA", "BBB", "2026-06-02") == "fight||AAA|BBB||2026-06-02");
  CHECK(keys.Key(retold, "AAA", "BBB", "2026-06-03") ==
        keys.Key(strike, "AAA", "BBB", "2026-06-02"));
  // Another day, other actors, a denial: other events.
  Event next_day = strike;
  next_day.event_date = "2026-06-03";
  CHECK(keys.Key(next_day, "AAA", "BBB", "2026-06-03") !=
        keys.Key(strike, "AAA", "BBB", "2026-06-02"));
  CHECK(keys.Key(strike, "AAA", "", "2026-06-02") != keys.Key(strike, "AAA", "BBB", "2026-06-02"));
  Event denied = strike;
  denied.negated = true;
  CHECK(keys.Key(denied, "AAA", "BBB", "2026-06-02") !=
        keys.Key(strike, "AAA", "BBB", "2026-06-02"));
  // Undated by its text: the article's day; dated by a month alone: the month.
  Event undated = strike;
  undated.event_date.clear();
  CHECK(keys.Key(undated, "AAA", "BBB", "2026-06-05T10:00:00Z") == "fight||AAA|BBB||2026-06-05");
  Event in_may = strike;
  in_may.event_date = "2026-05";
  in_may.date_granularity = "month";
  CHECK(keys.Key(in_may, "AAA", "BBB", "2026-06-05") == "fight||AAA|BBB||2026-05");
  // A demand is still told apart by what it demands.
  CHECK(keys.Key(Demand("withdraw its troops"), "AAA", "BBB", "2026-06-02") !=
        keys.Key(Demand("release the sailors"), "AAA", "BBB", "2026-06-02"));
}

TEST_CASE("the key is versioned: its rules are its own, and another version's keys differ",
          "[key]") {
  EventKeys keys;
  CHECK(keys.version() == kEventKeyVersion);
  CHECK(EventKeys::Current().version == kEventKeyVersion);
  // The head rule of its own: "dead" reports a death.
  CHECK(keys.Signature(Demand("dead civilians")) == "die|civilian");
  // Rules of another version (events placed by day) give other keys to the same reports.
  EventKeys::Rules rules = EventKeys::Current();
  rules.version = kEventKeyVersion + 1;
  rules.period_length = 10;
  EventKeys by_day(rules);
  CHECK(by_day.version() == kEventKeyVersion + 1);
  Event e = Demand("withdraw its troops");
  CHECK(by_day.Key(e, "LBN", "SYR", "2026-06-03") == "demand||LBN|SYR|withdraw|troop|2026-06-03");
  CHECK(by_day.Key(e, "LBN", "SYR", "2026-06-04") != by_day.Key(e, "LBN", "SYR", "2026-06-03"));
}

TEST_CASE("retuning the linker changes no event key", "[key][link]") {
  // A data folder whose linker reads "dead" as "perish": the linker follows it, the key not.
  test::TempDir tmp;
  test::WriteFile(tmp / "linker.json", R"({"event_lemmas": {"dead": "perish"}})");
  const char* before = std::getenv("PARLEY_DATA");
  std::optional<std::string> saved;
  if (before) saved = before;
  setenv("PARLEY_DATA", tmp.path().c_str(), 1);
  Linker linker;
  Status loaded = Linker::LoadDefault(&linker);
  EventKeys keys;
  std::string signature = keys.Signature(Demand("dead civilians"));
  if (saved) {
    setenv("PARLEY_DATA", saved->c_str(), 1);
  } else {
    unsetenv("PARLEY_DATA");
  }
  REQUIRE(loaded.ok());
  LinkMention head;
  head.type = "event";
  head.head = "dead";
  CHECK(linker.HeadLemma(head) == "perish");
  CHECK(signature == "die|civilian");
}

}  // namespace parley

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

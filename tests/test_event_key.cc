// The event key (graph/event_key.h): what two reports must share to be one event.
#include <catch2/catch.hpp>

#include "graph/event_key.h"

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

TEST_CASE("the signature reads the head as the linker does: a noun as the verb it derives from",
          "[link][key]") {
  EventKeys keys;
  REQUIRE(EventKeys::LoadDefault(&keys).ok());
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
  REQUIRE(EventKeys::LoadDefault(&keys).ok());
  Event e = Demand("withdraw its troops");
  CHECK(keys.Key(e, "LBN", "SYR", "2026-06-03") == "demand||LBN|SYR|withdraw|troop|2026-06");
  CHECK(keys.Key(e, "LBN", "SYR", "2026-06-29") == keys.Key(e, "LBN", "SYR", "2026-06-03"));
  CHECK(keys.Key(e, "LBN", "SYR", "2026-07-01") != keys.Key(e, "LBN", "SYR", "2026-06-03"));
  CHECK(keys.Key(e, "SYR", "LBN", "2026-06-03") != keys.Key(e, "LBN", "SYR", "2026-06-03"));
  e.negated = true;
  CHECK(keys.Key(e, "LBN", "SYR", "2026-06-03") == "demand|not|LBN|SYR|withdraw|troop|2026-06");
  CHECK(keys.Period("") == "");
}

}  // namespace parley

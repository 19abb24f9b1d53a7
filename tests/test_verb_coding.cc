// Verb coding: the PETRARCH verb dictionary reader (synonym sets, verb blocks and forms,
// patterns with their phrases, markers and codes; malformed lines named by file and line), the
// choice of the most specific pattern, and events of several CAMEO roots end to end.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/lemmatizer.h"
#include "core/lexicon.h"
#include "core/verb_dictionary.h"
#include "test_util.h"
#include "util/data_path.h"

using namespace parley;
using parley::test::RunParley;
using parley::test::TempDir;
using parley::test::WriteFile;

namespace {

// A small dictionary in the format, written for these tests.
const char* kDictionary = R"(# a test dictionary
&GRAIN
+WHEAT
+RICE
+MAIZE_

&BOATS_
+FERRY
+CARGO_SHIP

---  DELIVER   [070]  ---
DELIVER
SHIP {SHIPS SHIPPED SHIPPING}  # an irregular spelling
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER} [071]
WIRE_+TAP
- * &GRAIN                                  [0731]  # food aid
- * {MILITARY HARDWARE}                     [072]
- * (TO &BOATS) +                           [061:062]
- $ * LEAFLETS (OVER +)                     [---]
- *                                         [070]

---  SCOLD   [111]  ---
SCOLD ; a TABARI-style comment
RAP [---]
- * (OVER {HUMAN RIGHTS})                   [1121]

~ a (a b Q) SAY = a b Q
)";

NounGroup Group(const std::vector<std::string>& words) {
  NounGroup g;
  for (const std::string& w : words) {
    g.words.push_back(w);
    g.lemmas.push_back(Lemmatizer::Get().Lemma(w, WordClass::kNoun));
  }
  return g;
}

ClauseShape Shape(const std::string& verb, const std::vector<std::string>& object,
                  const std::vector<std::pair<std::string, std::vector<std::string>>>& preps = {}) {
  ClauseShape c;
  c.verb = verb;
  if (!object.empty()) c.objects.push_back(Group(object));
  for (const auto& [p, w] : preps) c.preps.push_back({p, Group(w)});
  return c;
}

std::string CodeOf(const VerbDictionary& d, const ClauseShape& c) {
  VerbCoding v;
  if (!d.Code(c, &v)) return "unknown";
  return v.code.empty() ? "none" : v.code;
}

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> docs;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) nl = out.size();
    if (nl > pos) docs.push_back(nlohmann::json::parse(out.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return docs;
}

}  // namespace

TEST_CASE("the verb dictionary reader reads synonym sets, verbs, forms and patterns", "[verbs]") {
  VerbDictionary d;
  REQUIRE(d.ReadText("test.verbs", kDictionary).ok());
  CHECK(d.verb_count() == 6);
  CHECK(d.synset_count() == 2);
  CHECK(d.transformation_count() == 1);
  CHECK(d.pattern_count() == 6);

  const VerbEntry* ship = d.Find("ship");
  REQUIRE(ship);
  CHECK(ship->code == "070");  // the block's code
  CHECK(d.BaseOf("shipped") == "ship");
  const VerbEntry* hand = d.Find("hand over");
  REQUIRE(hand);
  CHECK(hand->code == "071");  // its own code
  CHECK(d.BaseOf("handed") == "hand");
  REQUIRE(d.Find("rap"));
  CHECK(d.Find("rap")->code.empty());  // [---]: no event alone
  // WIRE_+TAP: the verb is "tap", written after "wire".
  CHECK(d.Find("tap") == nullptr);
  REQUIRE(d.Find("tap", "wire"));
  CHECK(d.Find("tap", "wire")->front == std::vector<std::string>{"wire"});

  const auto& pats = d.patterns(ship->block);
  REQUIRE(pats.size() == 5);
  // &GRAIN: every member and its plural, except members written with a final '_'.
  REQUIRE(pats[0].post_nouns.size() == 1);
  std::vector<std::vector<std::string>> grain = pats[0].post_nouns[0].alternatives;
  CHECK(std::count(grain.begin(), grain.end(), std::vector<std::string>{"wheats"}) == 1);
  CHECK(std::count(grain.begin(), grain.end(), std::vector<std::string>{"maize"}) == 1);
  CHECK(std::count(grain.begin(), grain.end(), std::vector<std::string>{"maizes"}) == 0);
  CHECK(pats[1].post_nouns[0].alternatives ==
        std::vector<std::vector<std::string>>{{"military", "hardware"}});
  // (TO &BOATS) +: a prepositional phrase, a target marker, an active and a passive code.
  REQUIRE(pats[2].post_preps.size() == 1);
  CHECK(pats[2].post_preps[0].prep == "to");
  CHECK(pats[2].post_preps[0].nouns[0].alternatives.size() == 2);  // BOATS_ makes no plurals
  CHECK(pats[2].post_preps[0].nouns[0].alternatives[1] ==
        std::vector<std::string>{"cargo", "ship"});
  CHECK(pats[2].target == "dobj");
  CHECK(pats[2].code == "061");
  CHECK(pats[2].passive_code == "062");
  CHECK(pats[3].source == "subject");
  CHECK(pats[3].target == "over");
  CHECK(pats[3].code.empty());
  CHECK(pats[4].line == 20);
}

TEST_CASE("a malformed verb dictionary line is named by file and line", "[verbs]") {
  struct Case {
    std::string text, what;
  };
  std::vector<Case> cases = {
      {"---  GIVE   [070]  ---\nGIVE\n- * AID [07x]\n", "bad.verbs:3: a pattern needs a code"},
      {"---  GIVE   [070]  ---\nGIVE\n- AID [070]\n", "bad.verbs:3: a pattern needs '*'"},
      {"---  GIVE   [070]  ---\nGIVE\n- * (TO AID [070]\n", "bad.verbs:3: unbalanced '('"},
      {"---  GIVE   [070]  ---\nGIVE\n- * {FOOD AID)) [070]\n", "bad.verbs:3:"},
      {"---  GIVE   [070]  ---\nGIVE\n- * * AID [070]\n", "bad.verbs:3: two '*'"},
      {"---  GIVE   [070]  ---\nGIVE\n- * AID [070] AID\n", "bad.verbs:3: text after"},
      {"---  GIVE   070  ---\n", "bad.verbs:1: a verb block"},
      {"# comment\n\nGIVE\n", "bad.verbs:3: a verb outside a verb block"},
      {"- * AID [070]\n", "bad.verbs:1: a pattern outside a verb block"},
      {"---  GIVE   [070]  ---\nGIVE {GAVE GIVEN\n", "bad.verbs:2: unbalanced '{'"},
      {"&AID\n+FOOD (AID)\n", "bad.verbs:2: a synonym is words only"},
      {"---  GIVE   [070]  ---\n~ a (a b Q) SAY\n", "bad.verbs:2: a transformation needs '='"},
  };
  for (const Case& c : cases) {
    VerbDictionary d;
    Status s = d.ReadText("bad.verbs", c.text);
    INFO(c.text);
    CHECK_FALSE(s.ok());
    CHECK(s.message().rfind(c.what, 0) == 0);
  }
  // A pattern naming a synonym set defined nowhere is left out, as PETRARCH does.
  VerbDictionary d;
  REQUIRE(
      d.ReadText("ok.verbs", "---  GIVE   [070]  ---\nGIVE\n- * &NOWHERE [071]\n- * AID [072]\n")
          .ok());
  CHECK(d.pattern_count() == 1);
}

TEST_CASE("the most specific matching pattern gives the code", "[verbs]") {
  VerbDictionary d;
  REQUIRE(d.ReadText("test.verbs", kDictionary).ok());
  // With no object the empty pattern applies; an object a pattern names changes the code.
  CHECK(CodeOf(d, Shape("deliver", {})) == "070");
  CHECK(CodeOf(d, Shape("deliver", {"the", "rice"})) == "0731");
  CHECK(CodeOf(d, Shape("ship", {"wheat"})) == "0731");  // a plural member meets its singular
  CHECK(CodeOf(d, Shape("deliver", {"new", "hardware"})) == "070");  // the modifier is missing
  CHECK(CodeOf(d, Shape("deliver", {"modern", "military", "hardware"})) == "072");
  CHECK(CodeOf(d, Shape("deliver", {"fuel"}, {{"to", {"the", "ferries"}}})) == "061");
  CHECK(CodeOf(d, Shape("deliver", {"leaflets"}, {{"over", {"the", "city"}}})) == "none");
  CHECK(CodeOf(d, Shape("scold", {}, {{"over", {"human", "rights"}}})) == "1121");
  CHECK(CodeOf(d, Shape("scold", {}, {{"over", {"rights"}}})) == "111");
  CHECK(CodeOf(d, Shape("rap", {})) == "none");
  CHECK(CodeOf(d, Shape("ponder", {"rice"})) == "unknown");
  // A particle the verb does not take is a preposition with the object: "hand over" is a verb
  // of its own; "deliver to the ferry" reads the particle as (TO ...).
  ClauseShape hand = Shape("hand", {"tools"});
  hand.particles = {"over"};
  CHECK(CodeOf(d, hand) == "071");  // its own code, which the block's empty pattern leaves
  hand.objects = {Group({"rice"})};
  CHECK(CodeOf(d, hand) == "0731");  // the block's patterns hold for each of its verbs
  ClauseShape to = Shape("deliver", {"ferry"});
  to.particles = {"to"};
  CHECK(CodeOf(d, to) == "061");

  // The shipped CAMEO dictionary: the same verb with and without its object pattern.
  Lexicon lex;
  REQUIRE(Lexicon::LoadDefault(&lex).ok());
  const VerbDictionary& cameo = lex.verbs();
  CHECK(cameo.verb_count() > 1500);
  CHECK(cameo.pattern_count() > 4000);
  CHECK(CodeOf(cameo, Shape("impose", {})) == "170");
  CHECK(CodeOf(cameo, Shape("impose", {"new", "sanctions"})) == "163");
  CHECK(CodeOf(cameo, Shape("impose", {"a", "curfew"})) == "1723");
  CHECK(lex.TypeOf("163") == "sanction");
  CHECK(lex.TypeOf("1723") == "coerce");
  CHECK(lex.TypeOf("0874") == "yield");
  for (int root = 1; root <= 20; ++root) {
    std::string code = (root < 10 ? "0" : "") + std::to_string(root);
    INFO(code);
    CHECK_FALSE(lex.TypeOf(code).empty());
  }
}

TEST_CASE("events of several CAMEO roots are coded end to end", "[verbs][e2e]") {
  TempDir dir;
  WriteFile(dir / "lines.txt",
            "Germany imposed new sanctions on Iran.\n"
            "Japan sent humanitarian aid to Haiti.\n"
            "France condemned Syria.\n"
            "Brazil threatened Argentina.\n"
            "Chile praised Peru.\n");
  auto r = RunParley({"extract", "--lines", "--format", "jsonl", dir / "lines.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<nlohmann::json> docs = Lines(r.out);
  REQUIRE(docs.size() == 5);
  struct Want {
    std::string source, target, root, type;
  };
  std::vector<Want> want = {{"DEU", "IRN", "16", "sanction"},
                            {"JPN", "HTI", "07", "aid"},
                            {"FRA", "SYR", "11", "criticize"},
                            {"BRA", "ARG", "13", "threaten"},
                            {"CHL", "PER", "05", "support"}};
  for (size_t i = 0; i < want.size(); ++i) {
    INFO(docs[i].dump());
    REQUIRE(docs[i]["events"].size() == 1);
    const auto& e = docs[i]["events"][0];
    CHECK(e["source"]["entity"] == want[i].source);
    CHECK(e["target"]["entity"] == want[i].target);
    CHECK(e["cameo"].get<std::string>().substr(0, 2) == want[i].root);
    CHECK(e["type"] == want[i].type);
  }
  CHECK(docs[0]["events"][0]["cameo"] == "163");  // the full code of the pattern
}

TEST_CASE("events name who acted on whom whatever the clause's shape", "[verbs][e2e]") {
  TempDir dir;
  WriteFile(dir / "lines.txt",
            // the passive, with its agent after "by" read as an object or inside a phrase
            "Two Chilean fishermen were detained by Peruvian police.\n"
            "Peru was accused of torture by Chile.\n"
            // a group of people a country or a place qualifies, and a sentence-initial adjective
            "Protesters in Nairobi attacked the Ugandan embassy.\n"
            "Tunisian police in Sfax detained three Libyan smugglers.\n"
            // two actors of one country: an event inside it
            "Malian soldiers arrested Malian rebels near the border.\n"
            // a thing of a country is not the country acting
            "The withdrawal of Iranian troops angered Iraq.\n"
            // an abbreviation's periods do not end the sentence for the parser
            "Kenya asked the U.N. to lift its ban on exports.\n"
            // a statement concerns the actor its phrases name
            "Chile expressed sorrow for the victims of the floods in Peru.\n");
  auto r = RunParley({"extract", "--lines", "--format", "jsonl", dir / "lines.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<nlohmann::json> docs = Lines(r.out);
  REQUIRE(docs.size() == 8);
  auto sides = [](const nlohmann::json& doc) {
    std::vector<std::string> out;
    for (const auto& e : doc["events"]) {
      out.push_back(e["source"].value("entity", "") + ">" + e["target"].value("entity", ""));
    }
    return out;
  };
  CHECK(sides(docs[0]) == std::vector<std::string>{"PER>CHLAGR"});
  CHECK(sides(docs[1]) == std::vector<std::string>{"CHL>PER"});
  CHECK(sides(docs[2]) == std::vector<std::string>{"KEN>UGA"});
  CHECK(sides(docs[3]) == std::vector<std::string>{"TUN>LBYCRM"});
  CHECK(sides(docs[4]) == std::vector<std::string>{"MLI>MLIREB"});
  CHECK(sides(docs[5]).empty());
  CHECK(sides(docs[6]) == std::vector<std::string>{"KEN>UN"});
  CHECK(sides(docs[7]) == std::vector<std::string>{"CHL>PER"});
}

TEST_CASE("a malformed line of a shipped verb dictionary stops extraction", "[verbs][badinput]") {
  TempDir dir;
  // The data folder's files (not the HTML view's modules), with a broken verbs.txt.
  namespace fs = std::filesystem;
  for (const std::string sub : {"", "petrarch"}) {
    fs::create_directories(dir / ("data/" + sub));
    for (const auto& f : fs::directory_iterator(fs::path(PARLEY_DATA_DIR) / sub)) {
      if (f.is_regular_file())
        fs::copy(f.path(), fs::path(dir / ("data/" + sub)) / f.path().filename());
    }
  }
  WriteFile(dir / "data/verbs.txt", "---  GIVE   [070]  ---\nGIVE\n- * (TO AID [070]\n");
  WriteFile(dir / "a.txt", "Japan gave aid to Haiti.\n");
  setenv("PARLEY_DATA", (dir / "data").c_str(), 1);
  auto r = RunParley({"extract", "--lines", dir / "a.txt"});
  unsetenv("PARLEY_DATA");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("verbs.txt:3: unbalanced '('") != std::string::npos);
}

// Occurrences: the happening words of a report's lead (core/occurrences.h), compared by their
// WordNet sense, placed and dated; their JSON; and their linking at ingest, where reports of
// one happening in one country on one day share one (:Occurrence) node. Words, sentences and
// articles written for these tests.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/event_coding.h"
#include "core/lexicon.h"
#include "core/occurrences.h"
#include "test_util.h"

using namespace parley;

namespace {

const HappeningWords& Words() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    REQUIRE(Lexicon::LoadDefault(&l).ok());
    return l;
  }();
  static const HappeningWords words(lexicon.verbs(), *EventCoding::Default());
  return words;
}

std::string What(const std::string& word, bool after_determiner = false) {
  return Words().What(word, after_determiner);
}

std::vector<Occurrence> OccurrencesOf(const std::string& title, const std::string& text,
                                      const std::string& date) {
  Document doc;
  doc.id = "t";
  doc.title = title;
  doc.text = text;
  doc.date = date;
  DocumentFacts facts;
  test::SharedExtractor().Extract(doc, &facts);
  return facts.occurrences;
}

const Occurrence* FindWhat(const std::vector<Occurrence>& all, const std::string& what) {
  for (const Occurrence& o : all) {
    if (o.what == what) return &o;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("happening words are compared by their sense", "[occurrences]") {
  // Synonyms of one sense, and the noun of an act with its verb.
  CHECK(What("quake") == What("temblor"));
  CHECK(What("quake") == "earthquake");
  CHECK(What("bombing") == What("bombed"));
  CHECK(What("shelling", true) == What("shelled"));
  CHECK(What("arrested") == What("arrest", true));
  CHECK(What("elections", true) == "elect");
  CHECK(What("elected") == "elect");
  // A verb that causes another tells the happening the other tells: "killed ten", "ten died".
  CHECK(What("killed") == "die");
  CHECK(What("deaths", true) == "die");
  CHECK(What("explosion", true) == What("exploded"));
  CHECK(!What("flood", true).empty());
  CHECK(!What("hurricane", true).empty());
}

TEST_CASE("words that name no happening are not occurrences", "[occurrences]") {
  // Statements, meetings and quantities' changes.
  for (const char* w : {"said", "statement", "meeting", "increase", "rose", "policy", "talks"}) {
    INFO(w);
    CHECK(What(w).empty());
  }
  // Generic verbs of many senses, though the verb dictionary lists them.
  for (const char* w : {"made", "put", "set", "carried", "opened", "took", "broke"}) {
    INFO(w);
    CHECK(What(w).empty());
  }
  // Things, people and groups are not read as the verbs they spell.
  for (const char* w : {"forces", "police", "troops", "officials", "bombs"}) {
    INFO(w);
    CHECK(What(w).empty());
  }
  // General happenings, and words too short or not words.
  for (const char* w : {"incident", "event", "result", "change", "an", "1987", "U.S."}) {
    INFO(w);
    CHECK(What(w, true).empty());
  }
}

TEST_CASE("the lead's happenings are found, placed and dated; later sentences' are not",
          "[occurrences]") {
  auto all = OccurrencesOf(
      "Floods kill dozens in Bavaria",
      "Flash floods swept through villages in Bavaria on Tuesday, killing at least 30 people. "
      "Rescuers searched for survivors. "
      "An earthquake struck Chile last year, officials recalled later in the report.",
      "2025-07-10");
  const Occurrence* flood = FindWhat(all, What("floods", true));
  REQUIRE(flood);
  CHECK(flood->country == "DE");
  // The headline does not say when; the lead does ("on Tuesday" before the Thursday report).
  for (const Occurrence& o : all) {
    INFO(o.text);
    CHECK(o.event_date == "2025-07-08");
    CHECK(o.sentence <= 1);
  }
  CHECK(FindWhat(all, "die"));
  // The third sentence is not part of the lead.
  CHECK_FALSE(FindWhat(all, "earthquake"));
}

TEST_CASE("a lead sentence without a place takes the lead's country; none at all, no occurrence",
          "[occurrences]") {
  auto all = OccurrencesOf("Riots in Lyon",
                           "Riots broke out in Lyon overnight. Police arrested forty people.",
                           "2025-03-02");
  const Occurrence* arrest = FindWhat(all, What("arrested"));
  REQUIRE(arrest);
  CHECK(arrest->country == "FR");
  CHECK(arrest->sentence == 1);

  // Nothing in the text places the happening: it is left out rather than put anywhere.
  CHECK(OccurrencesOf("", "A fire destroyed a warehouse overnight.", "2025-03-02").empty());
}

TEST_CASE("a name that runs on with 'of' is no place by its first word", "[occurrences][places]") {
  // "Gulf" alone names a province elsewhere; "the Gulf of Bothnia" is not it.
  auto all = OccurrencesOf("", "Finland's navy intercepted a tanker in the Gulf of Bothnia.",
                           "2025-03-02");
  const Occurrence* o = FindWhat(all, What("intercepted"));
  REQUIRE(o);
  CHECK(o->country == "FI");
  CHECK(o->place.precision.empty());
}

TEST_CASE("occurrences survive the facts' JSON, and a malformed one is named", "[occurrences]") {
  Document doc;
  doc.id = "json-1";
  doc.date = "2025-03-02";
  doc.text = "Rebels shelled a market in Kharkiv on Saturday, killing five people.";
  DocumentFacts facts;
  test::SharedExtractor().Extract(doc, &facts);
  REQUIRE(!facts.occurrences.empty());
  DocumentFacts back;
  REQUIRE(ParseFacts(FactsToJson(facts), &back).ok());
  REQUIRE(back.occurrences.size() == facts.occurrences.size());
  for (size_t i = 0; i < facts.occurrences.size(); ++i) {
    const Occurrence& a = facts.occurrences[i];
    const Occurrence& b = back.occurrences[i];
    CHECK(a.what == b.what);
    CHECK(a.country == b.country);
    CHECK(a.event_date == b.event_date);
    CHECK(a.place.feature == b.place.feature);
    CHECK(a.start == b.start);
  }
  DocumentFacts bad;
  Status s = ParseFacts(R"({"doc":"x","occurrences":[{"what":"die"}]})", &bad);
  CHECK_FALSE(s.ok());
  CHECK_THAT(s.message(), Catch::Contains("occurrences[0].country"));
  s = ParseFacts(R"({"doc":"x","occurrences":[{"what":"die","country":"UA","event_date":"May"}]})",
                 &bad);
  CHECK_THAT(s.message(), Catch::Contains("occurrences[0].event_date"));
}

TEST_CASE("reports of one happening by two outlets share one occurrence; another country's not",
          "[occurrences][ingest]") {
  test::TempDir tmp;
  // The first report on the day; the second the day after, dating it by its weekday; the third
  // the same kind of happening, the same day, elsewhere.
  std::string articles =
      R"({"id":"north-1","date":"2025-09-17","title":"Floods sweep through Brno",)"
      R"("text":"Flash floods swept through Brno on Wednesday, cutting power to thousands."})"
      "\n"
      R"({"id":"south-2","date":"2025-09-18","title":"City under water",)"
      R"("text":"Streets in Brno were under water after floods on Wednesday. )"
      R"(The river rose two metres."})"
      "\n"
      R"({"id":"west-3","date":"2025-09-17","title":"Floods in Vigo",)"
      R"("text":"Floods cut roads in Vigo, Spain, on Wednesday."})"
      "\n";
  test::WriteFile(tmp / "a.jsonl", articles);
  auto r = test::RunParley({"ingest", "--db", tmp / "db", tmp / "a.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = test::RunParley({"query", "--db", tmp / "db", "--format", "json",
                       "MATCH (o:Occurrence)-[:REPORTED_IN]->(x:Article) "
                       "WITH o, collect(x.id) AS articles "
                       "RETURN o.what, o.country, o.event_date, articles ORDER BY o.id"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto rows = nlohmann::json::parse(r.out)["rows"];
  bool shared = false;
  for (const auto& row : rows) {
    auto arts = row[3].get<std::vector<std::string>>();
    std::set<std::string> set(arts.begin(), arts.end());
    // Never across countries.
    CHECK_FALSE((set.count("west-3") && set.size() > 1));
    if (set.count("north-1") && set.count("south-2")) {
      shared = true;
      CHECK(row[1] == "CZ");
      CHECK(row[2] == "2025-09-17");
    }
  }
  CHECK(shared);
  // Each occurrence is placed: (o)-[:IN]->(:Place) where its sentence names one.
  r = test::RunParley({"query", "--db", tmp / "db", "--format", "json",
                       "MATCH (o:Occurrence)-[:IN]->(p:Place) RETURN DISTINCT p.country"});
  REQUIRE(r.exit_code == 0);
  auto places = nlohmann::json::parse(r.out)["rows"];
  std::set<std::string> countries;
  for (const auto& row : places) countries.insert(row[0].get<std::string>());
  CHECK(countries == std::set<std::string>{"CZ", "ES"});
}

TEST_CASE("a happening its sentence does not place is where the lead says, not the dateline",
          "[occurrences]") {
  auto all = OccurrencesOf("Jets strike refugee camp",
                           "NAIROBI, March 3 - Jets bombed a refugee camp in Somalia on Monday, "
                           "killing 12 people.",
                           "2025-03-03");
  int headline = 0;
  for (const Occurrence& o : all) {
    INFO(o.text);
    CHECK(o.country == "SO");
    headline += o.sentence == -1 ? 1 : 0;
  }
  CHECK(headline > 0);
}

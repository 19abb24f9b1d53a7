// Where events happened: the gazetteer (iso-codes and GeoNames' cities), the place finder on
// sentences and datelines written for these tests — namesakes (Paris, France and Paris,
// Texas; Georgia the country and the US state), capitals named as governments, which are no
// places — and the place an extracted event, its JSON and its graph carry.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/actor_dictionary.h"
#include "core/extractor.h"
#include "core/gazetteer.h"
#include "core/mentions.h"
#include "core/places.h"
#include "core/segmenter.h"
#include "test_util.h"
#include "util/data_path.h"

using namespace parley;

namespace {

const Gazetteer& Places() {
  static const Gazetteer g = [] {
    Gazetteer out;
    Status s = Gazetteer::LoadDefault(&out);
    INFO(s.message());
    REQUIRE(s.ok());
    return out;
  }();
  return g;
}

const ActorDictionary& Actors() {
  static const ActorDictionary dict = [] {
    ActorDictionary d;
    REQUIRE(ActorDictionary::Load(DataPath("actors.json"), PetrarchDictionaries(), "", &d).ok());
    return d;
  }();
  return dict;
}

DocumentPlaces Find(const std::string& text) {
  std::vector<Sentence> sentences = SplitSentences(text);
  return FindPlaces(Places(), text, sentences, FindActors(Actors(), text, sentences));
}

struct Case {
  const char* text;
  const char* name;       // the words naming the place
  const char* precision;  // "city", "region", "country"; "" : the words are no place
  const char* country;
  const char* region;  // "" where not checked
  const char* city;
};

// Forty sentences and datelines, each with the place one of its names is.
const Case kCases[] = {
    // Namesakes: the bigger place unless the text says otherwise.
    {"Protesters gathered in Paris on Saturday to denounce the pension reform.", "Paris", "city",
     "FR", "", "Paris"},
    {"A tornado tore through homes in Paris, Texas, on Sunday.", "Paris", "city", "US", "US-TX",
     "Paris"},
    {"PARIS, Texas (AP) — Firefighters battled a blaze at a grain elevator overnight.", "PARIS",
     "city", "US", "US-TX", "Paris"},
    {"Paris, March 3 (Reuters) - France summoned the ambassador of Iran.", "Paris", "city", "FR",
     "", "Paris"},
    {"DALLAS (AP) — Storms flattened a barn in Paris on Tuesday.", "Paris", "city", "US", "US-TX",
     "Paris"},
    {"Riots broke out in Paris after the verdict, French police said.", "Paris", "city", "FR", "",
     "Paris"},
    {"Police arrested twelve people in Manchester after the match.", "Manchester", "city", "GB",
     "GB-ENG", "Manchester"},
    {"Thousands marched in Birmingham against the cuts.", "Birmingham", "city", "GB", "GB-ENG",
     "Birmingham"},
    {"The company opened a plant in Birmingham, Alabama, last year.", "Birmingham", "city", "US",
     "US-AL", "Birmingham"},
    {"The mayor spoke in London, Ontario, at a town hall.", "London", "city", "CA", "", "London"},
    {"A vigil was held in Moscow, Idaho, for the four students.", "Moscow", "city", "US", "US-ID",
     "Moscow"},
    {"He was born in Tbilisi, Georgia, and studied in Moscow.", "Tbilisi", "city", "GE", "",
     "Tbilisi"},
    {"He was born in Tbilisi, Georgia, and studied in Moscow.", "Moscow", "city", "RU", "",
     "Moscow"},
    // Georgia: the country, the US state.
    {"Russian troops remained in Georgia after the war, officials in Tbilisi said.", "Georgia",
     "country", "GE", "", ""},
    {"Voters in Georgia lined up for hours, election officials in Atlanta said.", "Georgia",
     "region", "US", "US-GA", ""},
    {"Lawmakers in the state of Georgia passed a new voting law.", "Georgia", "region", "US",
     "US-GA", ""},
    {"ATLANTA, Ga. — The governor signed the bill on Monday.", "ATLANTA", "city", "US", "US-GA",
     "Atlanta"},
    {"Troops were deployed in Punjab after the clashes, Pakistani officials said.", "Punjab",
     "region", "PK", "PK-PB", ""},
    // Capitals named as governments are actors, not places.
    {"Moscow rejected the proposal on Tuesday.", "Moscow", "", "", "", ""},
    {"Washington said it would impose new sanctions on Tehran.", "Washington", "", "", "", ""},
    {"Beijing warned Taipei against any move toward independence.", "Beijing", "", "", "", ""},
    {"Tehran denied the report, but officials in Tehran later confirmed it.", "Tehran", "city",
     "IR", "", "Tehran"},
    {"Moscow's forces shelled positions around Kharkiv overnight.", "Kharkiv", "city", "UA", "",
     "Kharkiv"},
    {"Sanctions on Russia took effect in March, the Kremlin said.", "March", "", "", "", ""},
    // A name whose first word names a town elsewhere: a facility, or a sea's "... of ...".
    {"The president spoke to reporters in the Rose Garden on Friday.", "Rose", "", "", "", ""},
    {"A tanker ran aground in the Gulf of Bothnia.", "Gulf", "", "", "", ""},
    {"The talks were held in Moscow last week.", "Moscow", "city", "RU", "", "Moscow"},
    {"The agreement was signed in Washington in 1987.", "Washington", "city", "US", "US-DC",
     "Washington, D.C."},
    // Countries, regions and cities after locative words.
    {"Israeli strikes hit targets in southern Lebanon on Monday.", "Lebanon", "country", "LB", "",
     ""},
    {"Fighting raged in eastern Ukraine near the city of Bakhmut.", "Bakhmut", "city", "UA", "",
     "Bakhmut"},
    {"Floods forced thousands from their homes in Texas.", "Texas", "region", "US", "US-TX", ""},
    {"Gunmen opened fire at a market in Kano, police said.", "Kano", "city", "NG", "", "Kano"},
    {"Rebels captured the town of Goma in eastern Congo.", "Congo", "country", "CD", "", ""},
    {"Delegates met in Geneva to discuss the ceasefire.", "Geneva", "city", "CH", "", "Genève"},
    {"Demonstrators rallied in Sao Paulo against the president.", "Sao Paulo", "city", "BR", "",
     "São Paulo"},
    {"Ministers met in Brussels to agree on the sanctions package.", "Brussels", "city", "BE",
     "BE-BRU", "Brussels"},
    {"The summit took place in Sochi, Russia, in February.", "Sochi", "city", "RU", "", "Sochi"},
    // Datelines.
    {"KYIV, Ukraine (AP) — Russian drones struck power stations overnight.", "KYIV", "city", "UA",
     "", "Kyiv"},
    {"WASHINGTON — The Senate passed the bill late on Thursday.", "WASHINGTON", "city", "US",
     "US-DC", "Washington, D.C."},
    {"UNITED NATIONS (AP) — The Security Council voted to extend the mission.", "UNITED NATIONS",
     "city", "US", "US-NY", "New York City"},
    {"KUWAIT, June 29 - The oil minister said output would rise.", "KUWAIT", "city", "KW", "",
     "Kuwait City"},
    {"BAHRAIN, Oct 19 - A tanker was hit by a missile in the Gulf.", "BAHRAIN", "country", "BH", "",
     ""},
    {"PORTLAND, Ore. (AP) — Protesters clashed with federal agents.", "PORTLAND", "city", "US",
     "US-OR", "Portland"},
    {"PORTLAND, Maine (AP) — Fishermen sued the regulators.", "PORTLAND", "city", "US", "US-ME",
     "Portland"},
    // A city news names alone is that city under a dateline of its smaller namesake's country,
    // unless the namesake is in the dateline's own state or the text names the state.
    {"WASHINGTON (AP) — American negotiators will meet their counterparts in Geneva next week.",
     "Geneva", "city", "CH", "", "Genève"},
    {"CHICAGO (AP) — The senator held talks in Vienna on the reactor inspections.", "Vienna",
     "city", "AT", "", "Vienna"},
    {"Residents in Geneva, Illinois, voted against the warehouse.", "Geneva", "city", "US", "US-IL",
     "Geneva"},
    {"RICHMOND, Va. (AP) — A water main broke in Vienna on Monday, county officials said.",
     "Vienna", "city", "US", "US-VA", "Vienna"},
};

}  // namespace

TEST_CASE("Gazetteer: countries, subdivisions and GeoNames' cities", "[places]") {
  const Gazetteer& g = Places();
  CHECK(g.cities() > 130000);
  bool france = false, texas = false, paris = false;
  for (uint32_t i : g.Lookup("FRANCE")) france = france || g.Get(i).feature == "iso:FR";
  for (uint32_t i : g.Lookup("texas")) texas = texas || g.Get(i).feature == "iso:US-TX";
  for (uint32_t i : g.Lookup("Paris")) {
    GazetteerPlace p = g.Get(i);
    if (p.feature != "geonames:2988507") continue;
    paris = true;
    CHECK(p.country == "FR");
    CHECK(p.capital);
    CHECK(p.lat == Approx(48.853).margin(0.01));
    CHECK(p.lon == Approx(2.349).margin(0.01));
  }
  CHECK(france);
  CHECK(texas);
  CHECK(paris);
  CHECK(Gazetteer::Fold("Zürich") == Gazetteer::Fold("ZURICH"));
  CHECK(Gazetteer::Fold("St. Louis") == "st louis");
  CHECK(g.Alpha2("IRN") == "IR");
  CHECK(g.FindAbbreviation("Calif.") >= 0);
  CHECK(g.Lookup("Nowhereville Upon Nothing").empty());
}

TEST_CASE("Places: forty-six sentences with namesakes, metonyms and datelines", "[places]") {
  int n = 0;
  for (const Case& c : kCases) {
    ++n;
    DocumentPlaces found = Find(c.text);
    INFO(c.text);
    const PlaceMention* m = nullptr;
    for (const PlaceMention& pm : found.mentions) {
      if (std::string_view(c.text).substr(pm.start, pm.end - pm.start) == c.name) m = &pm;
    }
    if (std::string(c.precision).empty()) {
      CHECK(m == nullptr);
      continue;
    }
    REQUIRE(m != nullptr);
    CHECK(m->place.precision == c.precision);
    CHECK(m->place.country == c.country);
    if (*c.region) CHECK(m->place.region == c.region);
    CHECK(m->place.city == c.city);
    CHECK(m->place.feature.size() > 4);
    if (m->place.precision == "city") CHECK(m->place.located);
  }
  CHECK(n == 48);
}

TEST_CASE("Places: an event takes its sentence's place, else the dateline's", "[places]") {
  DocumentPlaces places =
      Find("BEIRUT, Lebanon (AP) — Officials met on Monday. Fighting went on in Sidon.");
  REQUIRE(places.dateline == 0);
  std::vector<Event> events(3);
  events[0].sentence = 0;
  events[1].sentence = 1;
  events[1].start = 60;
  events[1].end = 65;
  events[2].sentence = 5;
  PlaceEvents(places, &events);
  CHECK(events[0].place.city == "Beirut");
  CHECK(events[0].place.country == "LB");
  CHECK(events[1].place.city == "Sidon");
  CHECK(events[2].place.city == "Beirut");
  // No dateline, no place named: no place.
  std::vector<Event> none(1);
  PlaceEvents(Find("The minister resigned on Friday."), &none);
  CHECK(none[0].place.precision.empty());
}

TEST_CASE("Places: extracted events carry their place through JSON and into the graph",
          "[places]") {
  test::TempDir tmp;
  std::string article = tmp / "a.txt";
  test::WriteFile(article,
                  "TBILISI, Georgia (AP) — Georgia demanded that Russia withdraw its troops.\n");
  auto r = test::RunParley({"extract", article});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"place\":{") != std::string::npos);
  CHECK(r.out.find("\"feature\":\"geonames:611717\"") != std::string::npos);
  DocumentFacts facts;
  REQUIRE(ParseFacts(r.out.substr(0, r.out.find('\n')), &facts).ok());
  REQUIRE(!facts.events.empty());
  CHECK(facts.events[0].place.country == "GE");
  CHECK(facts.events[0].place.precision == "city");
  CHECK(FactsToJson(facts).find("\"city\":\"Tbilisi\"") != std::string::npos);

  std::string db = tmp / "db";
  REQUIRE(test::RunParley({"ingest", "--db", db, article}).exit_code == 0);
  auto q = test::RunParley({"query", "--db", db, "--format", "csv",
                            "MATCH (e)-[:IN]->(p:Place) RETURN p.id, p.kind, p.country, p.name"});
  INFO(q.err);
  REQUIRE(q.exit_code == 0);
  CHECK(q.out.find("geonames:611717,city,GE,Tbilisi") != std::string::npos);

  DocumentFacts bad;
  CHECK(ParseFacts(R"({"doc":"1","events":[{"type":"demand","place":{"feature":"iso:FR",)"
                   R"("precision":"street"}}]})",
                   &bad)
            .message()
            .find("events[0].place.precision") != std::string::npos);
}

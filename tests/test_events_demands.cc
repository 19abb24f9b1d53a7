// Events stage, demand frames: small documents written for these tests run through the real
// Extractor (Link Grammar, WordNet, the data/ dictionaries) in process, and each frame gives
// its demand with every slot right: who demands (source), of whom (target), what (content,
// whole and no more); and what is not a demand gives none.
#include <catch2/catch.hpp>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "core/extractor.h"
#include "tests/test_util.h"
#include "util/strings.h"

using namespace parley;

namespace {

std::vector<Event> Demands(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  DocumentFacts facts;
  test::SharedExtractor().Extract(doc, &facts);
  std::vector<Event> out;
  for (const Event& e : facts.events) {
    if (e.type == "demand" || e.type == "appeal") out.push_back(e);
  }
  return out;
}

// Case-insensitive: an actor's id is its name in lower case.
bool Contains(std::string hay, std::string needle) {
  for (char& c : hay) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char& c : needle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return hay.find(needle) != std::string::npos;
}

// The actor named by an argument: its canonical id, else its text.
std::string Who(const Argument& a) {
  return a.entity.empty() ? a.text : a.entity;
}

std::string Describe(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    out += "[" + Who(e.source) + " -> " + Who(e.target) + ": " + e.content +
           (e.negated ? " (negated)" : "") + "]\n";
  }
  return out;
}

// Whether an argument names `who`: its text or its actor's id contains it or its slug (an
// actor found from a common noun, "the council", has an id of its own, "council"; a pronoun's
// text is the pronoun).
bool Names(const Argument& a, const std::string& who) {
  return Contains(a.text, who) || Contains(a.entity, who) || Contains(a.entity, Slug(who, '_'));
}

// The demands whose source, target and content contain the given texts ("" target: none).
int Count(const std::vector<Event>& events, const std::string& source, const std::string& target,
          const std::string& content) {
  int n = 0;
  for (const Event& e : events) {
    bool target_ok = target.empty() ? Who(e.target).empty() : Names(e.target, target);
    if (Names(e.source, source) && target_ok && e.content == content) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("a demand verb with a role noun or group as subject still has a source",
          "[events][demands]") {
  auto ds =
      Demands("The finance minister has demanded that every department cut its travel budget.");
  INFO(Describe(ds));
  CHECK(Count(ds, "finance minister", "every department", "cut its travel budget") == 1);

  ds = Demands("The teachers' union called on the ministry for a new pay offer.");
  INFO(Describe(ds));
  CHECK(Count(ds, "union", "the ministry", "a new pay offer") == 1);
}

TEST_CASE("urge and call on name the target, call for names none", "[events][demands]") {
  auto ds = Demands("The Dutch government urged Belgium to reopen the border crossing.");
  INFO(Describe(ds));
  CHECK(Count(ds, "NLD", "BEL", "reopen the border crossing") == 1);

  // A coordinated subject gives one demand each.
  ds = Demands("Sweden and Norway have repeatedly called for the fishing quota to be halved.");
  INFO(Describe(ds));
  CHECK(Count(ds, "SWE", "", "the fishing quota to be halved") == 1);
  CHECK(Count(ds, "NOR", "", "the fishing quota to be halved") == 1);

  // The target is the addressee, not the thing asked for.
  ds = Demands("The senator urged passage of the farm bill.");
  INFO(Describe(ds));
  CHECK(Count(ds, "senator", "", "passage of the farm bill") == 1);
  ds = Demands("Senator Alvarez urged passage of a new law to cap rents.");
  INFO(Describe(ds));
  CHECK(Count(ds, "Alvarez", "", "passage of a new law to cap rents") == 1);
}

TEST_CASE("a second verb phrase shares the subject of the first", "[events][demands]") {
  auto ds = Demands(
      "The nurses' federation said it was disappointed but called on the hospital board to "
      "restore the night shifts.");
  INFO(Describe(ds));
  CHECK(Count(ds, "nurses' federation", "hospital board", "restore the night shifts") == 1);
}

TEST_CASE("one demand per verb phrase of the content", "[events][demands]") {
  auto ds =
      Demands("The charity called on the council to reopen the shelter and to hire more staff.");
  INFO(Describe(ds));
  CHECK(Count(ds, "charity", "the council", "reopen the shelter") == 1);
  CHECK(Count(ds, "charity", "the council", "hire more staff") == 1);
}

TEST_CASE("must, should and needs to in reported speech, wherever the attribution stands",
          "[events][demands]") {
  // After the words.
  auto ds = Demands("The government must act quickly on the ruling, a former judge has said.");
  INFO(Describe(ds));
  CHECK(Count(ds, "a former judge", "The government", "act quickly on the ruling") == 1);

  // Before them.
  ds = Demands("The opposition leader said the cabinet should resign before the summer.");
  INFO(Describe(ds));
  CHECK(Count(ds, "opposition", "the cabinet", "resign before the summer") == 1);

  // In a quotation running on from the sentence that attributes it.
  ds = Demands(
      "The mayor said: \"We have waited long enough. The council must publish the report.\"");
  INFO(Describe(ds));
  CHECK(Count(ds, "mayor", "The council", "publish the report") == 1);

  // A thing to be done, not an actor, is demanded whole.
  ds = Demands("The auditors said the accounts should be published every quarter.");
  INFO(Describe(ds));
  CHECK(Count(ds, "auditors", "", "the accounts should be published every quarter") == 1);
}

TEST_CASE("nominal demands and it is time", "[events][demands]") {
  auto ds = Demands("The dockers' demands include shorter shifts, safer cranes and a pay rise.");
  INFO(Describe(ds));
  CHECK(Count(ds, "dockers", "", "shorter shifts") == 1);
  CHECK(Count(ds, "dockers", "", "safer cranes") == 1);
  CHECK(Count(ds, "dockers", "", "a pay rise") == 1);

  ds = Demands("It is time for the regulators to fine the airline, the consumer group said.");
  INFO(Describe(ds));
  CHECK(Count(ds, "consumer group", "regulators", "fine the airline") == 1);
}

TEST_CASE("negated demands are kept as negated, never as demands", "[events][demands]") {
  auto ds = Demands("Spain does not want Portugal to raise its deficit.");
  INFO(Describe(ds));
  REQUIRE_FALSE(ds.empty());
  for (const Event& e : ds) CHECK(e.negated);
}

TEST_CASE("hypotheticals, questions, wishes and lobbying against are not demands",
          "[events][demands]") {
  for (const char* text : {
           "A treaty that would require Chile to cut emissions was signed in the spring.",
           "The farmers lobbied against the new pesticide rules.",
           "The governor is seeking a second term.",
           "The reporter asked why the ministry had delayed the report.",
           "If they broke the rules, the inspectors should be dismissed, the director said.",
           "The committee wants to finish its work by June.",
           "The new rules should help the exporters, an economist said.",
           "The minister said the trade pacts with Chile and Peru should help the exporters.",
           "Poland asked how the agency had spent the grant.",
           "The pact signed by the port cities, which called for a joint patrol, lapsed.",
           "The mayor repeated her insistence that the budget was balanced.",
           "Peru is seeking proof that Chile is ready to sign the accord.",
           "Ecuador backed a bill that would require a smaller deficit.",
       }) {
    auto ds = Demands(text);
    INFO(text << "\n" << Describe(ds));
    CHECK(ds.empty());
  }
}

TEST_CASE("an informal commentary states its demands in its own way", "[events][demands]") {
  auto ds = Demands(
      "So here is where things stand. The prime minister is basically saying the other side needs "
      "to move "
      "first. The unions want the government to reopen the pay talks. Critics say the council "
      "should drop "
      "the parking charges. It's time the board listened to its own staff, one commentator wrote. "
      "The "
      "opposition is essentially demanding that ministers publish the full report. And the mayor "
      "keeps "
      "pushing for a second bridge.");
  INFO(Describe(ds));
  CHECK(Count(ds, "prime minister", "the other side", "move first") == 1);
  CHECK(Count(ds, "unions", "the government", "reopen the pay talks") == 1);
  CHECK(Count(ds, "Critics", "the council", "drop the parking charges") == 1);
  CHECK(Count(ds, "one commentator", "the board", "listened to its own staff") == 1);
  CHECK(Count(ds, "opposition", "ministers", "publish the full report") == 1);
  CHECK(Count(ds, "mayor", "", "a second bridge") == 1);
}

TEST_CASE("whom a reporting verb addresses is the target of what must be done",
          "[events][demands]") {
  auto ds = Demands("The regulator warned the banks that their reserves must rise by the spring.");
  INFO(Describe(ds));
  CHECK(Count(ds, "regulator", "the banks", "their reserves must rise by the spring") == 1);

  // A thing wanted, with what it is for, is the content whole; the one who wants it is the
  // subject before an apposition.
  ds = Demands(
      "The operator, which runs the city's buses, wants a fare rise of ten percent to cover fuel "
      "costs.");
  INFO(Describe(ds));
  CHECK(Count(ds, "operator", "", "a fare rise of ten percent to cover fuel costs") == 1);
}

TEST_CASE("one report gives one demand, with its hedge", "[events][demands]") {
  // The person is the source; the country named in the person's mention is on the person.
  auto ds =
      Demands("Brazil's foreign minister, Ana Costa, demanded that Chile release the fishermen.");
  INFO(Describe(ds));
  int n = 0;
  for (const Event& e : ds) n += e.content == "release the fishermen";
  CHECK(n == 1);

  ds = Demands("Ecuador likely wants a new vote on the border treaty.");
  INFO(Describe(ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].modality == "likely");
  CHECK(ds[0].content == "a new vote on the border treaty");
}

// Actor mentions in process: people, bodies and groups that no dictionary holds, found from
// the shape of their names, titles, appositions and WordNet's classes of nouns, and linked to
// their later mentions (surname, acronym, role or body noun, pronoun) within one article.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/actor_dictionary.h"
#include "core/mentions.h"
#include "core/segmenter.h"
#include "util/data_path.h"

using namespace parley;

namespace {

const ActorDictionary& Dict() {
  static const ActorDictionary dict = [] {
    ActorDictionary d;
    Status s = ActorDictionary::Load(DataPath("actors.json"), PetrarchDictionaries(), "", &d);
    REQUIRE(s.ok());
    return d;
  }();
  return dict;
}

struct Found {
  std::string text;  // the mention's text
  std::string actor;
};

// Actors no dictionary holds are found from name shapes and common nouns only on request.
struct OpenActors {
  OpenActors() { setenv("PARLEY_OPEN_ACTORS", "1", 1); }
  ~OpenActors() { unsetenv("PARLEY_OPEN_ACTORS"); }
};

DocumentActors Find(const std::string& text) {
  return FindActors(Dict(), text, SplitSentences(text));
}

std::vector<Found> Mentions(const std::string& text) {
  std::vector<Found> out;
  for (const ActorMention& m : Find(text).mentions) {
    out.push_back({text.substr(size_t(m.start), size_t(m.end - m.start)), m.actor});
  }
  return out;
}

// The actor of the mention whose text is `what`, "" if none.
std::string ActorOf(const std::vector<Found>& found, const std::string& what) {
  for (const Found& f : found) {
    if (f.text == what) return f.actor;
  }
  return "";
}

std::string KindOf(const DocumentActors& actors, const std::string& id) {
  auto it = actors.entities.find(id);
  return it == actors.entities.end() ? "" : it->second.kind;
}

}  // namespace

TEST_CASE("a title-case headline gives no actor made of a verb", "[mentions]") {
  const std::string text = "Union Leader Says No Barriers To Talks\n\nThe talks resume on Monday.";
  for (const ActorMention& m : Find(text).mentions) {
    std::string words = text.substr(size_t(m.start), size_t(m.end - m.start));
    CHECK(words.find("Says") == std::string::npos);
    CHECK(words.find("Barriers") == std::string::npos);
  }
  // The same words in running text after a role are no name either, but a real surname is.
  auto found = Mentions("Minister Says Tanaka Visits Lisbon\n\nPrime Minister Hartwell spoke.");
  {
    OpenActors open;
    for (const ActorMention& m : Find(text).mentions) {
      CHECK(text.substr(size_t(m.start), size_t(m.end - m.start)).find("Says") ==
            std::string::npos);
    }
  }
  CHECK(ActorOf(found, "Says") == "");
  CHECK(ActorOf(found, "Prime Minister Hartwell") == "hartwell");
}

TEST_CASE("people named with an honorific, and later by surname and pronoun", "[mentions]") {
  // Read with or without PARLEY_OPEN_ACTORS.
  const std::string text =
      "Mr Hartley, who chairs the inquiry, met Lady Brennan on Tuesday. Hartley said he would "
      "ask Brennan to testify.";
  DocumentActors actors = Find(text);
  auto found = Mentions(text);
  CHECK(ActorOf(found, "Mr Hartley") == "hartley");
  CHECK(ActorOf(found, "Lady Brennan") == "brennan");
  CHECK(ActorOf(found, "Hartley") == "hartley");
  CHECK(ActorOf(found, "Brennan") == "brennan");
  CHECK(ActorOf(found, "he") == "hartley");
  CHECK(KindOf(actors, "hartley") == "person");
}

TEST_CASE("a person named once without a title, before a reporting verb or with a role",
          "[mentions]") {
  OpenActors open;
  const std::string text =
      "Tom Reyes has said the plan is dead. Ruth Okafor, general secretary of the transport "
      "union, wants a new vote. The general secretary spoke for an hour.";
  DocumentActors actors = Find(text);
  auto found = Mentions(text);
  CHECK(ActorOf(found, "Tom Reyes") == "tom_reyes");
  CHECK(ActorOf(found, "Ruth Okafor") == "ruth_okafor");
  CHECK(KindOf(actors, "tom_reyes") == "person");
  CHECK(actors.entities["ruth_okafor"].role == "general secretary");
  CHECK(ActorOf(found, "the transport union") == "transport_union");
  CHECK(KindOf(actors, "transport_union") == "organization");
  CHECK(ActorOf(found, "The general secretary") == "ruth_okafor");
  // A place WordNet knows is not a person.
  CHECK(ActorOf(Mentions("Delegates flew to Buenos Aires on Friday."), "Buenos Aires") !=
        "buenos_aires");
}

TEST_CASE("bodies by their head noun, with acronyms defined and undefined", "[mentions]") {
  OpenActors open;
  const std::string text =
      "The Fair Trading and Markets Authority (FTMA) opened a case. The authority said the "
      "FTMA would rule by May. The appeals court refused a stay, and the NTWU objected.";
  DocumentActors actors = Find(text);
  auto found = Mentions(text);
  const std::string id = "fair_trading_and_markets_authority";
  CHECK(ActorOf(found, "Fair Trading and Markets Authority") == id);
  CHECK(KindOf(actors, id) == "organization");
  CHECK(ActorOf(found, "The authority") == id);
  CHECK(ActorOf(found, "FTMA") == id);
  CHECK(ActorOf(found, "The appeals court") == "appeals_court");
  CHECK(ActorOf(found, "NTWU") == "ntwu");
  CHECK(KindOf(actors, "ntwu") == "organization");
}

TEST_CASE("groups named by plural nouns, with the country of a demonym", "[mentions]") {
  OpenActors open;
  const std::string text =
      "Protesters gathered outside the ministry. Iranian pensioners blocked roads, and EU farm "
      "ministers met in Brussels. The unions called a strike. They want higher pay.";
  DocumentActors actors = Find(text);
  auto found = Mentions(text);
  CHECK(ActorOf(found, "Protesters") == "protesters");
  CHECK(KindOf(actors, "protesters") == "group");
  CHECK(ActorOf(found, "Iranian pensioners") == "pensioners@irn");
  CHECK(actors.entities["pensioners@irn"].country == "IRN");
  CHECK(ActorOf(found, "EU farm ministers") == "farm_ministers@eu");
  CHECK(ActorOf(found, "The unions") == "unions");
  CHECK(ActorOf(found, "They") == "unions");
  // A meeting is a gathering, no actor.
  CHECK(ActorOf(Mentions("The meeting ended early."), "meeting") == "");
}

TEST_CASE("an unnamed office holder without a country is the office", "[mentions]") {
  OpenActors open;
  auto found = Mentions("The chancellor will present the budget on Wednesday.");
  CHECK(ActorOf(found, "The chancellor") == "chancellor");
}

TEST_CASE("a plural owner and its body are one name, the country is the last country named",
          "[mentions]") {
  OpenActors open;
  const std::string text = "The teachers' union wrote to Portugal. The country has not answered.";
  auto found = Mentions(text);
  CHECK(ActorOf(found, "The teachers' union") == "teachers_union");
  CHECK(ActorOf(found, "The country") == "PRT");
  // Two people of one surname with different first names are two people.
  found = Mentions("Ann Castellan spoke first. Her brother Mark Castellan spoke later.");
  CHECK(ActorOf(found, "Ann Castellan") == "ann_castellan");
  CHECK(ActorOf(found, "Mark Castellan") == "mark_castellan");
}

TEST_CASE("a dictionary's person whom the text places in another country is a namesake",
          "[mentions]") {
  // The Phoenix dictionary holds a Joshua Sears of the Bahamas' government. An American
  // legislator of that name, placed by "of" and a US state after the name, is another person;
  // named without a place, the name stays the dictionary's.
  DocumentActors ohio = Find("Rep. Joshua Sears of Ohio voted against the bill on Tuesday.");
  CHECK(ActorOf(Mentions("Rep. Joshua Sears of Ohio voted against the bill on Tuesday."),
                "Rep. Joshua Sears of Ohio") == "joshua_sears@usa");
  CHECK(ohio.entities["joshua_sears@usa"].country == "USA");
  CHECK(ohio.entities.count("joshua_sears") == 0);
  // A headline-like line in which "Sears" is also a common word reads the whole name too.
  CHECK(ActorOf(Mentions("Senator Joshua Sears of Ohio Urged Congress To Act"),
                "Senator Joshua Sears of Ohio") == "joshua_sears@usa");
  auto nassau = Find("Joshua Sears, a minister in Nassau, rejected the plan.");
  CHECK(nassau.entities.count("joshua_sears") == 1);
  CHECK(nassau.entities["joshua_sears"].country == "BHS");
  // A place in the person's own country is no reason to doubt the dictionary.
  CHECK(Find("Minister Joshua Sears of the Bahamas rejected the plan.")
            .entities.count("joshua_sears") == 1);
}

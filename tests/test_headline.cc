// An article's title read as its opening sentence: headline case (every word capitalised, or
// every letter) turned into sentence case with names kept, and the events stated there carried
// back to the article as the title's (sentence -1, offsets into the title), while everything
// of the article's own text keeps its offsets and sentence numbers. Titles and articles
// written for these tests.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/actor_dictionary.h"
#include "core/extractor.h"
#include "core/headline.h"
#include "core/mentions.h"
#include "core/segmenter.h"
#include "test_util.h"
#include "util/data_path.h"

using namespace parley;

namespace {

const ActorDictionary& Actors() {
  static const ActorDictionary dict = [] {
    ActorDictionary d;
    REQUIRE(ActorDictionary::Load(DataPath("actors.json"), PetrarchDictionaries(), "", &d).ok());
    return d;
  }();
  return dict;
}

// The title in sentence case, its names found as the extractor finds them.
std::string Headline(const std::string& title) {
  std::vector<std::pair<int32_t, int32_t>> names;
  for (const ActorMention& m :
       FindActors(Actors(), title, SplitSentences(title), "2024-05-02").mentions)
    names.emplace_back(m.start, m.end);
  return HeadlineSentence(title, names);
}

}  // namespace

TEST_CASE("Headlines: title case and capitals become sentence case, names kept", "[headline]") {
  CHECK(Headline("Russia Bombs Refugee Camp in Georgia") ==
        "Russia bombs refugee camp in Georgia.");
  CHECK(Headline("Pakistan Recalls Ambassador From Afghanistan After Border Clash") ==
        "Pakistan recalls ambassador from Afghanistan after border clash.");
  // A name made of common words keeps its capitals.
  CHECK(Headline("White House Condemns Strike on Hospital") ==
        "White House condemns strike on hospital.");
  // Capitals: every word but the first letters of names and the first word lowered; a short
  // acronym stays.
  CHECK(Headline("EGYPT ACCUSES US OF MEDDLING") == "Egypt accuses US of meddling.");
  // A headline in sentence case is left alone, and one that ends a sentence gets no period.
  CHECK(Headline("Kenya sends police to Haiti") == "Kenya sends police to Haiti.");
  CHECK(Headline("Will Turkey Veto Sweden's Bid?") == "Will Turkey veto Sweden's bid?");
  // Byte for byte the title, but for the period: offsets into one are offsets into the other.
  std::string title = "Ukraine Asks Allies for More Air Defence Systems";
  std::string sentence = Headline(title);
  REQUIRE(sentence.size() == title.size() + 1);
  for (size_t i = 0; i < title.size(); ++i)
    CHECK(std::tolower(title[i]) == std::tolower(sentence[i]));
}

TEST_CASE("Headlines: the title's events are the title's, the article's keep their offsets",
          "[headline]") {
  Document doc;
  doc.id = "h1";
  doc.date = "2024-05-02";
  doc.title = "Russia Bombs Refugee Camp in Georgia";
  doc.text =
      "TBILISI (Wire) - Aircraft struck a camp for displaced families on Tuesday, killing four "
      "people. Georgia condemned the attack and urged the United Nations to act.";
  DocumentFacts facts;
  test::SharedExtractor().Extract(doc, &facts);
  const Event* in_title = nullptr;
  int in_text = 0;
  for (const Event& e : facts.events) {
    INFO(e.type << " " << e.quote << " " << e.sentence << " " << e.start << "-" << e.end);
    if (e.sentence == -1) {
      CHECK(e.quote == doc.title);
      CHECK(e.start >= 0);
      CHECK(e.end <= static_cast<int64_t>(doc.title.size()));
      if (e.type == "fight") in_title = &e;
    } else {
      ++in_text;
      CHECK(e.sentence >= 0);
      CHECK(e.end <= static_cast<int64_t>(doc.text.size()));
      // The quote is the article's sentence its offsets fall in.
      CHECK(doc.text.find(e.quote) != std::string::npos);
      CHECK(e.quote.find(doc.text.substr(e.start, e.end - e.start)) != std::string::npos);
    }
  }
  REQUIRE(in_title != nullptr);
  CHECK(in_title->source.entity == "RUS");
  CHECK(in_text >= 2);
  // The title names its own place; the dateline is still the article's first words.
  CHECK(in_title->place.country == "GE");
  for (const Event& e : facts.events) {
    if (e.sentence == 0) CHECK(e.place.city == "Tbilisi");
  }
  // Mentions keep pointing into the article's text.
  for (const Entity& en : facts.entities) {
    for (const Mention& m : en.mentions) {
      REQUIRE(m.end <= static_cast<int64_t>(doc.text.size()));
      CHECK(doc.text.substr(m.start, m.end - m.start) == m.text);
    }
  }
  // Without a title the article's own facts are the same.
  Document untitled = doc;
  untitled.title.clear();
  DocumentFacts plain;
  test::SharedExtractor().Extract(untitled, &plain);
  std::vector<std::string> a, b;
  for (const Event& e : facts.events) {
    if (e.sentence >= 0)
      a.push_back(e.type + "|" + std::to_string(e.sentence) + "|" + std::to_string(e.start));
  }
  for (const Event& e : plain.events)
    b.push_back(e.type + "|" + std::to_string(e.sentence) + "|" + std::to_string(e.start));
  CHECK(a == b);
}

TEST_CASE(
    "Headlines: an event the text states again is the text's; a title in the text is read "
    "once",
    "[headline]") {
  auto title_fights = [](const Document& doc) {
    DocumentFacts facts;
    test::SharedExtractor().Extract(doc, &facts);
    int title = 0, text = 0;
    for (const Event& e : facts.events) {
      if (e.type != "fight") continue;
      (e.sentence == -1 ? title : text) += 1;
    }
    return std::make_pair(title, text);
  };
  Document doc;
  doc.id = "h2";
  doc.date = "2024-05-02";
  doc.title = "Russia Bombs Refugee Camp in Georgia";
  // The same source does the same kind of thing in the text: one event, the text's.
  doc.text = "Russian aircraft bombed a camp for displaced families in Georgia on Tuesday.";
  CHECK(title_fights(doc) == std::make_pair(0, 1));
  // A text file's first line is its title: read there, in sentence case, and not twice.
  Document file;
  file.id = "h3.txt";
  file.date = "2024-05-02";
  file.title = "Russia Bombs Refugee Camp in Georgia";
  file.text =
      "Russia Bombs Refugee Camp in Georgia\n\nOfficials counted the damage on Wednesday.\n";
  CHECK(title_fights(file) == std::make_pair(0, 1));
}

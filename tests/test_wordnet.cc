// The one WordNet reader (core/wordnet.h) and what the lemmatizer, the noun classes and the
// linker read through it.
#include <catch2/catch.hpp>

#include "core/lemmatizer.h"
#include "core/noun_classes.h"
#include "core/wordnet.h"

namespace parley {
namespace {

TEST_CASE("WordNet is read once: index, exceptions, synsets and derived verbs", "[wordnet]") {
  const WordNet& wn = WordNet::Get();
  REQUIRE(wn.loaded());
  // The index lists lemmas per word class, most frequent sense first.
  const std::vector<uint32_t>* senses = wn.Senses("sanction", WordClass::kNoun);
  REQUIRE(senses != nullptr);
  CHECK(!senses->empty());
  CHECK(wn.Knows("negotiate", WordClass::kVerb));
  CHECK_FALSE(wn.Knows("negotiate", WordClass::kNoun));
  CHECK(wn.Knows("quickly", WordClass::kAdverb));
  // The exception lists give irregular base forms.
  REQUIRE(wn.Exception("went", WordClass::kVerb) != nullptr);
  CHECK(*wn.Exception("went", WordClass::kVerb) == "go");
  CHECK(wn.Exception("walked", WordClass::kVerb) == nullptr);
  // A synset line holds its words (lower case) and its pointers.
  WordNet::Synset s;
  REQUIRE(wn.ReadSynset(WordClass::kNoun, (*senses)[0], &s));
  CHECK(std::find(s.words.begin(), s.words.end(), "sanction") != s.words.end());
  CHECK(!s.pointers.empty());
  CHECK_FALSE(wn.ReadSynset(WordClass::kNoun, wn.Data(WordClass::kNoun).size() + 10, &s));
  // A noun's first sense leads to the verb it derives from.
  CHECK(wn.VerbOf("withdrawal") == "withdraw");
  CHECK(wn.VerbOf("election") == "elect");
  CHECK(wn.VerbOf("country") == "");
}

TEST_CASE("the lemmatizer and the noun classes read the shared WordNet", "[wordnet]") {
  const Lemmatizer& lem = Lemmatizer::Get();
  REQUIRE(lem.loaded());
  CHECK(lem.Lemma("went", WordClass::kVerb) == "go");          // an exception
  CHECK(lem.Lemma("demanded", WordClass::kVerb) == "demand");  // a suffix rule
  CHECK(lem.Lemma("ministries", WordClass::kNoun) == "ministry");
  CHECK(lem.Lemma("zorbian", WordClass::kNoun) == "zorbian");  // unknown: the word itself
  CHECK(lem.Knows("minister", WordClass::kNoun));
  const NounClasses& nc = NounClasses::Get();
  CHECK(nc.NamesAgent("minister"));
  CHECK_FALSE(nc.NamesAgent("barrier"));
  CHECK(nc.Of("country") & NounClasses::kCountryFirst);
}

}  // namespace
}  // namespace parley

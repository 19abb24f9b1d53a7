#include "core/lemmatizer.h"

#include <iterator>

#include "util/strings.h"

namespace parley {
namespace {

// WordNet's detachment rules (morph.c): suffix -> replacement, per word class.
struct Rule {
  const char* suffix;
  const char* ending;
};
const Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                           {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
const Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                           {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
const Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

}  // namespace

const Lemmatizer& Lemmatizer::Get() {
  static const Lemmatizer instance;
  return instance;
}

bool Lemmatizer::Knows(std::string_view lemma, WordClass cls) const {
  return wordnet_.Knows(std::string(lemma), cls);
}

std::string Lemmatizer::Lemma(std::string_view word, WordClass cls) const {
  std::string w = Lower(word);
  if (const std::string* base = wordnet_.Exception(w, cls)) return *base;
  if (wordnet_.Knows(w, cls)) return w;
  const Rule* rules = nullptr;
  size_t n = 0;
  if (cls == WordClass::kNoun) {
    rules = kNounRules;
    n = std::size(kNounRules);
  } else if (cls == WordClass::kVerb) {
    rules = kVerbRules;
    n = std::size(kVerbRules);
  } else if (cls == WordClass::kAdjective) {
    rules = kAdjRules;
    n = std::size(kAdjRules);
  }
  for (size_t i = 0; i < n; ++i) {
    std::string_view suf = rules[i].suffix;
    if (w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0) {
      std::string base = w.substr(0, w.size() - suf.size()) + rules[i].ending;
      if (wordnet_.Knows(base, cls)) return base;
    }
  }
  return w;
}

}  // namespace parley

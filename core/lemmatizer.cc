#include "core/lemmatizer.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/strings.h"

namespace parley {
namespace {

const char* const kNames[4] = {"noun", "verb", "adj", "adv"};

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

Lemmatizer::Lemmatizer() {
  const char* env = std::getenv("WNSEARCHDIR");
  std::string dir = env && *env ? env : "/usr/share/wordnet";
  int found = 0;
  for (int c = 0; c < 4; ++c) {
    std::ifstream index(dir + "/index." + kNames[c]);
    std::string line;
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;  // licence header lines start with spaces
      index_[c].insert(line.substr(0, line.find(' ')));
    }
    found += !index_[c].empty();
    std::ifstream exc(dir + "/" + kNames[c] + ".exc");
    while (std::getline(exc, line)) {
      std::istringstream ss(line);
      std::string inflected, base;
      if (ss >> inflected >> base) exceptions_[c].emplace(inflected, base);
    }
  }
  loaded_ = found == 4;
}

bool Lemmatizer::Knows(std::string_view lemma, WordClass cls) const {
  return index_[static_cast<int>(cls)].count(std::string(lemma)) > 0;
}

std::string Lemmatizer::Lemma(std::string_view word, WordClass cls) const {
  int c = static_cast<int>(cls);
  std::string w = Lower(word);
  if (auto it = exceptions_[c].find(w); it != exceptions_[c].end()) return it->second;
  if (index_[c].count(w)) return w;
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
      if (index_[c].count(base)) return base;
    }
  }
  return w;
}

}  // namespace parley

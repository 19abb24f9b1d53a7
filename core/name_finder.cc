#include "core/name_finder.h"

#include "core/lemmatizer.h"
#include "core/noun_classes.h"
#include "util/strings.h"

namespace parley {
namespace {

bool Upper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool Lowercase(unsigned char c) {
  return c >= 'a' && c <= 'z';
}

// Whether a token is a word (starts with a letter).
bool Word(std::string_view w) {
  unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  return Upper(c) || Lowercase(c) || c >= 0xc3;
}

}  // namespace

bool CommonWord(std::string_view word) {
  if (!Word(word)) return false;
  std::string lower = Lower(word);
  const NounClasses& nc = NounClasses::Get();
  if (nc.Proper(lower)) return false;
  const Lemmatizer& lem = Lemmatizer::Get();
  for (WordClass c :
       {WordClass::kNoun, WordClass::kVerb, WordClass::kAdjective, WordClass::kAdverb}) {
    std::string lemma = lem.Lemma(lower, c);
    if (lem.Knows(lemma, c) && !nc.Proper(lemma)) return true;
  }
  return false;
}

bool TitleCase(const std::vector<Token>& tokens) {
  int capital = 0, lower = 0, letters_upper = 0, letters = 0;
  for (const Token& t : tokens) {
    if (!Word(t.text)) continue;
    for (unsigned char c : t.text) {
      letters += Upper(c) || Lowercase(c);
      letters_upper += Upper(c);
    }
    if (t.text.size() < 4) continue;
    if (Upper(static_cast<unsigned char>(t.text[0]))) {
      ++capital;
    } else {
      ++lower;
    }
  }
  return capital >= 3 && lower <= 1 && letters_upper < letters;
}

bool AllCaps(const std::vector<Token>& tokens) {
  int upper = 0, letters = 0;
  for (const Token& t : tokens) {
    for (unsigned char c : t.text) {
      letters += Upper(c) || Lowercase(c);
      upper += Upper(c);
    }
  }
  return letters >= 8 && upper == letters;
}

bool Honorific(std::string_view word) {
  static const char* const kHonorifics[] = {
      "Mr",   "Mrs", "Ms",   "Miss",   "Dr",        "Prof",         "Sir", "Dame", "Lord",
      "Lady", "Rev", "Revd", "Sheikh", "Ayatollah", "Hojatoleslam", "Mme", "Mlle", "Herr"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const char* h : kHonorifics) {
    if (word == h) return true;
  }
  return false;
}

bool Acronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 6 || !Upper(static_cast<unsigned char>(word[0])))
    return false;
  int letters = 0;
  for (unsigned char c : word) {
    if (Upper(c)) {
      ++letters;
    } else if (!(c >= '0' && c <= '9') && c != '&') {
      return false;
    }
  }
  return letters >= 2;
}

bool NameParticle(std::string_view word) {
  static const char* const kParticles[] = {"de", "da", "del", "der", "van", "von", "bin", "ibn",
                                           "al", "el", "la",  "le",  "du",  "dos", "di"};
  for (const char* p : kParticles) {
    if (word == p) return true;
  }
  return false;
}

std::string NounLemma(std::string_view word) {
  return Lemmatizer::Get().Lemma(Lower(word), WordClass::kNoun);
}

}  // namespace parley

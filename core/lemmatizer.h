// Lemmatizer: WordNet's morphological analysis ("morphy") over the shared WordNet reader
// (core/wordnet.h): exception lists first, then suffix rules checked against the lemma index.
// Immutable, so any thread may use it.
#pragma once

#include <string>
#include <string_view>

#include "core/wordnet.h"

namespace parley {

class Lemmatizer {
 public:
  // The shared instance, reading WordNet on first use (WordNet::Get()).
  static const Lemmatizer& Get();

  // The lemma of `word` read as `cls` ("demanded" -> "demand", "leaders" -> "leader"); the
  // lower-cased word itself when WordNet knows no base form.
  std::string Lemma(std::string_view word, WordClass cls) const;
  // True if WordNet lists `lemma` (lower case) in `cls`.
  bool Knows(std::string_view lemma, WordClass cls) const;
  // False if WordNet's files could not be read (lemmas then fall back to the word).
  bool loaded() const { return wordnet_.loaded(); }

 private:
  Lemmatizer() : wordnet_(WordNet::Get()) {}
  const WordNet& wordnet_;
};

}  // namespace parley

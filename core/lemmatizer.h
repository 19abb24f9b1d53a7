// Lemmatizer: WordNet's morphological analysis ("morphy") over the WordNet 3.0 database files
// (Debian's wordnet-base): exception lists first, then suffix rules checked against the
// lemma index. Loaded once, immutable after, so any thread may use it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace parley {

enum class WordClass { kNoun = 0, kVerb = 1, kAdjective = 2, kAdverb = 3 };

class Lemmatizer {
 public:
  // The shared instance, loading WordNet on first use from $WNSEARCHDIR or /usr/share/wordnet.
  static const Lemmatizer& Get();

  // The lemma of `word` read as `cls` ("demanded" -> "demand", "leaders" -> "leader"); the
  // lower-cased word itself when WordNet knows no base form.
  std::string Lemma(std::string_view word, WordClass cls) const;
  // True if WordNet lists `lemma` (lower case) in `cls`.
  bool Knows(std::string_view lemma, WordClass cls) const;
  // False if WordNet's files could not be read (lemmas then fall back to the word).
  bool loaded() const { return loaded_; }

 private:
  Lemmatizer();
  bool loaded_ = false;
  std::unordered_set<std::string> index_[4];
  std::unordered_map<std::string, std::string> exceptions_[4];
};

}  // namespace parley

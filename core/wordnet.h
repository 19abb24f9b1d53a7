// WordNet: the one reader of the WordNet 3.0 database (Debian's wordnet-base) that the
// lemmatizer, the noun classes, the linker and the event key share. It is read once, on first
// use, from $WNSEARCHDIR or /usr/share/wordnet: the lemma index and the exception list of each
// word class whole, the data files mapped into memory (they are large and only the synset lines
// asked for are touched). Immutable after, so any thread may use it. (Debian's libwordnet reads
// the same files through global buffers, which one thread at a time may use; the extractor runs
// on several.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley {

enum class WordClass { kNoun = 0, kVerb = 1, kAdjective = 2, kAdverb = 3 };

class WordNet {
 public:
  // The shared instance.
  static const WordNet& Get();

  // True if every index and data file was read (else what was missing reads as empty).
  bool loaded() const { return loaded_; }

  // The synset offsets of `lemma` (lower case, words joined by '_') in `cls`, most frequent
  // sense first; null if WordNet does not list it there.
  const std::vector<uint32_t>* Senses(const std::string& lemma, WordClass cls) const;
  // True if WordNet lists `lemma` (lower case) in `cls`.
  bool Knows(const std::string& lemma, WordClass cls) const {
    return Senses(lemma, cls) != nullptr;
  }
  // Every lemma of `cls` with its synset offsets (in no particular order).
  const std::unordered_map<std::string, std::vector<uint32_t>>& Index(WordClass cls) const {
    return index_[static_cast<int>(cls)];
  }
  // The base form the exception list of `cls` gives for the inflected `word` (lower case:
  // "went" -> "go" as a verb); null if it lists none.
  const std::string* Exception(const std::string& word, WordClass cls) const;
  // The whole data file of `cls` (licence header lines start with a space); empty if unread.
  std::string_view Data(WordClass cls) const;

  // The lexicographer files (WordNet's lexnames(5)) that hold synsets, by number: the coarse
  // class of what a sense denotes. Those the code reads are named.
  enum LexicographerFile : int {
    kNounTops = 3,
    kNounAct = 4,
    kNounAnimal = 5,
    kNounArtifact = 6,
    kNounBody = 8,
    kNounCommunication = 10,
    kNounEvent = 11,
    kNounFood = 13,
    kNounGroup = 14,
    kNounLocation = 15,
    kNounObject = 17,
    kNounPerson = 18,
    kNounPhenomenon = 19,
    kNounPlant = 20,
    kNounSubstance = 27,
    kVerbCommunication = 32,
    kVerbCompetition = 33,
    kVerbContact = 35,
    kVerbSocial = 41,
  };

  // One synset line of a data file: its words (lower case, in order) and its pointers.
  struct Synset {
    // The lexicographer file that holds it (a LexicographerFile); -1 when unread.
    int lexicographer_file = -1;
    std::vector<std::string> words;
    struct Pointer {
      std::string symbol;  // "@" hypernym, "+" derivation, ">" cause, "*" entailment, ...
      std::string pos;     // the target's part of speech: "n", "v", "a", "s", "r"
      size_t offset;       // the target synset's offset in that part of speech's data file
      int source, target;  // word numbers (1-based) in the two synsets; 0 for the whole synset
    };
    std::vector<Pointer> pointers;
  };
  // Reads the synset at `offset` of `cls`'s data file into `*out`; false if there is none there
  // or its line is malformed.
  bool ReadSynset(WordClass cls, size_t offset, Synset* out) const;

  // The verb the noun `lemma` derives from (or to) in its first sense ("death" -> "die",
  // "election" -> "elect"): the word at the end of the first derivational link from that word
  // (or from the whole synset) to a verb synset; "" if none.
  std::string VerbOf(const std::string& lemma) const;

  // Reads the first (most frequent) sense of `lemma` (lower case) in `cls` into `*out`; false
  // if WordNet lists none.
  bool FirstSense(const std::string& lemma, WordClass cls, Synset* out) const;
  // The lexicographer file of that first sense; -1 if there is none.
  int FirstSenseFile(const std::string& lemma, WordClass cls) const;

 private:
  WordNet();
  WordNet(const WordNet&) = delete;
  WordNet& operator=(const WordNet&) = delete;
  ~WordNet();

  bool loaded_ = false;
  std::unordered_map<std::string, std::vector<uint32_t>> index_[4];
  std::unordered_map<std::string, std::string> exceptions_[4];
  std::string_view data_[4];  // mapped read-only, unmapped at exit
};

}  // namespace parley

// LinkParser: English syntactic analysis with Link Grammar, bounded in time, with a defined
// fallback.
//
// A sentence is parsed first as a whole (every word linked). If that finds no linkage and the
// sentence is short, it is parsed again allowing words to stay unlinked ("null links"), which
// nearly always yields a usable partial analysis. Each attempt stops after `max_seconds`; a
// sentence that yields nothing comes back with `kind == kFailed`, and callers fall back to
// shallow analysis.
//
// The dictionary is loaded once and shared; Parse() may be called from many threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace parley {

// One word of a linkage.
struct ParsedWord {
  int32_t start = 0;  // byte offsets into the parsed text
  int32_t end = 0;
  std::string text;  // the word as written
  std::string tag;   // Link Grammar's subscript: "v-d", "n", "l", "a", "e", "j-c", "" ...
  bool capitalized_guess = false;  // unknown capitalised word read as a proper noun
  bool unlinked = false;           // left out of a partial linkage (a null link)
};

struct ParsedLink {
  std::string label;  // "Ss*s", "Os", "MVp", ...
  int left = 0;       // word indexes
  int right = 0;
};

// A node of the constituent tree: a phrase with children, or a leaf naming a word.
struct Constituent {
  std::string label;  // "S", "NP", "VP", "PP", "SBAR", ... ; empty for a leaf
  int word = -1;      // for a leaf: the word index
  std::vector<Constituent> children;
  int first = -1, last = -1;  // the word range the node covers (inclusive), -1 if none
};

struct ParseTree {
  enum Kind { kFull, kPartial, kFailed } kind = kFailed;
  int null_count = 0;
  std::vector<ParsedWord> words;  // word 0 is LEFT-WALL, the last RIGHT-WALL
  std::vector<ParsedLink> links;
  Constituent root;  // empty label if the tree could not be built
};

class LinkParser {
 public:
  struct Options {
    // Per attempt. Link Grammar counts the whole process's CPU time against it, so with several
    // threads a sentence near the bound can time out where it would not alone; the bound is
    // set well above what ordinary sentences take, so that it only stops pathological ones.
    int max_seconds = 2;
    // Longer sentences are not parsed (kFailed): the cost grows steeply with length (on real
    // news, sentences of 36 to 40 words took a fifth of all parsing time), and callers read them
    // with the shallow, token-level reading instead.
    int max_words = 35;
    // Longer sentences with no complete linkage are not parsed again with null links: on such
    // sentences that search costs many times the first attempt (on real news, two thirds of
    // all parsing time went to it) for a partial linkage the clause reader rarely uses well.
    int null_retry_max_words = 25;

    // For reading every clause of every sentence (open triples of whole texts): a longer bound
    // and partial linkages of sentences of any length, at several times the cost.
    static Options Thorough() {
      Options o;
      o.max_seconds = 6;
      o.max_words = 60;
      o.null_retry_max_words = o.max_words;
      return o;
    }
  };

  // Loads the English dictionary. Fails if Link Grammar's data is not installed.
  static Status Create(const Options& options, std::unique_ptr<LinkParser>* out);
  ~LinkParser();

  // Rates a candidate analysis; higher is better.
  using Scorer = std::function<int(const ParseTree&)>;

  // Parses one sentence. Never fails: an unparsable sentence gives kind == kFailed. The
  // parser ranks its linkages by cost alone; with `score`, the best-scoring of the top-ranked
  // linkages with a complete constituent tree is taken instead (the first on a tie).
  ParseTree Parse(std::string_view sentence, const Scorer& score = nullptr) const;

 private:
  struct Impl;
  explicit LinkParser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses Link Grammar's single-line constituent string "(S (NP ...) ...)" whose leaves are the
// words 1..n-2 in order; false if the leaves do not match `word_count`.
bool ParseConstituentString(std::string_view s, int word_count, Constituent* root);

}  // namespace parley

// VerbDictionary: a CAMEO verb dictionary in the PETRARCH format (data/petrarch/CAMEO.2.0.txt,
// and any further file in the same format), and the choice of a CAMEO code for a clause.
//
// The format, as PETRARCH-2 reads it:
//   &NAME                     a synonym set, its members on the lines after it:
//   +WORD  +TWO_WORDS         (regular plurals are added unless the member or NAME ends in '_')
//   ---  MEANING  [CODE]  --- a verb block: its verbs share the patterns below; CODE ("---" for
//                             none) is the code of a verb without its own
//   SAY {SAYS SAID SAYING}    a verb, its irregular forms in {...}, an own code in [...]
//   +CORDON_OFF  WIRE_+TAP    a verb of several words, '+' on the word that is the verb
//   - PRE * POST [CODE]       a pattern: words before '*' are the subject's, after it the
//                             object's; (PREP WORDS) a prepositional phrase; {W1 W2 HEAD} a noun
//                             phrase (head last); &NAME a synonym set; '+' the target, '$' the
//                             source; CODE "ACTIVE:PASSIVE" or one code
//   ~ a (a b X) SAY = a b Q   a transformation of nested verbs (read and kept, not applied)
//   # comment, ; comment      to the end of the line
// A malformed line is an error naming the file and line.
//
// Coding follows PETRARCH: of the patterns of the verb's block that match the clause, the
// most specific (most words matched) gives the code; without one, the verb's own code. A
// pattern's null code ("---") means the verb in that use is no event. A code with only its
// passive side ("[:071]", "received a loan") is the event seen from its target: the subject
// is the target.
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace parley {

// A noun phrase of a clause as the coder sees it: its words in order (head last), lower case,
// and their noun lemmas.
struct NounGroup {
  std::vector<std::string> words;
  std::vector<std::string> lemmas;
  bool empty() const { return words.empty(); }
};

// What the coder reads off one clause.
struct ClauseShape {
  std::string verb;                    // verb lemma, lower case ("call")
  std::vector<std::string> particles;  // particles after it ("on", "off")
  std::string before;                  // the word just before the verb, lower case ("re")
  NounGroup subject;
  std::vector<NounGroup> objects;                        // direct object(s)
  std::vector<std::pair<std::string, NounGroup>> preps;  // prepositional phrases after the verb
};

// A noun phrase of a pattern: alternatives (a synonym set has many), each words with head last.
struct PatternNoun {
  std::vector<std::vector<std::string>> alternatives;
  std::vector<std::vector<std::string>> lemmas;  // their noun lemmas, word by word
};

struct PatternPrep {
  std::string prep;
  std::vector<PatternNoun> nouns;
};

struct VerbPattern {
  std::vector<PatternNoun> pre_nouns, post_nouns;
  std::vector<PatternPrep> pre_preps, post_preps;
  std::string code;          // active code; empty for the null code
  std::string passive_code;  // code in the passive voice, if the pattern gives one
  std::string target;        // where '+' stands: "subject", "dobj" or a preposition; else empty
  std::string source;        // where '$' stands, likewise
  int line = 0;
};

struct VerbEntry {
  std::string lemma;               // the verb with its particles, lower case ("cordon off")
  std::vector<std::string> front;  // words written before the verb ("wire" of WIRE_+TAP)
  std::string code;                // own or block code; empty for the null code
  std::string passive_code;        // its passive side ("[:110]"), if given
  bool own_code = false;           // the code is the verb's own, not its block's
  int block = -1;                  // index of its block
  int line = 0;
};

// The outcome of coding a clause.
struct VerbCoding {
  const VerbEntry* verb = nullptr;
  const VerbPattern* pattern = nullptr;  // null when the verb's own code applies
  std::string code;                      // empty: the clause is no event
  bool reversed = false;                 // the code has only a passive side ("received a loan"
                                         // [:071]): the subject is the event's target
  int matched = 0;                       // words the pattern matched
};

class VerbDictionary {
 public:
  // Reads one dictionary file and adds it to this one; a verb given again replaces the earlier
  // entry. A malformed line gives InvalidInput "FILE:LINE: what".
  Status Read(const std::string& path);
  // The same for text already in memory; `name` is used in messages.
  Status ReadText(const std::string& name, const std::string& text);

  // The verb entry for a lemma with its particles ("call on"), preferring one whose front words
  // match `before`; null if the dictionary has no such verb.
  const VerbEntry* Find(const std::string& lemma, const std::string& before = "") const;
  // The base form of an irregular form the dictionary lists ("sought" -> "seek"); empty if none.
  std::string BaseOf(const std::string& form) const;

  // Codes a clause: the verb (with the longest particle sequence the dictionary knows) and its
  // most specific matching pattern. False if the verb is not in the dictionary.
  bool Code(const ClauseShape& clause, VerbCoding* out) const;

  size_t verb_count() const { return verb_count_; }
  size_t pattern_count() const;
  size_t synset_count() const { return synsets_.size(); }
  size_t transformation_count() const { return transformations_.size(); }
  // Every distinct code the dictionary can give (verbs', blocks' and patterns', both sides).
  std::vector<std::string> Codes() const;
  // Every place a pattern marks its target ('+'): "subject", "dobj" or a preposition.
  const std::set<std::string>& target_slots() const { return target_slots_; }
  // The patterns of block `b`.
  const std::vector<VerbPattern>& patterns(int b) const { return blocks_[b].patterns; }

 private:
  struct Block {
    std::string meaning;
    std::string code, passive_code;
    std::vector<VerbPattern> patterns;
  };
  std::unordered_map<std::string, std::vector<VerbEntry>> verbs_;  // lemma -> entries
  std::unordered_map<std::string, std::string> forms_;             // irregular form -> lemma
  std::map<std::string, std::vector<std::vector<std::string>>> synsets_;
  std::vector<Block> blocks_;
  std::vector<std::string> transformations_;
  std::set<std::string> target_slots_;
  size_t verb_count_ = 0;
  size_t max_particles_ = 0;
};

}  // namespace parley

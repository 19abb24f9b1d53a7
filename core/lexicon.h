// Lexicon: what a predicate means. Verbs are coded from CAMEO verb dictionaries in the
// PETRARCH format (data/petrarch/CAMEO.2.0.txt, then data/verbs.txt for verbs it lacks): the
// most specific pattern matching the clause's object and prepositional phrases gives a CAMEO
// code, and the code's longest prefix in the coding table of data/event_types.json gives the
// event type. data/predicates.json adds what is general language rather than event coding:
// the verbs that put a demand on someone when they take a clause ("urged Y to ..."), event
// nouns, light verbs, demand modals, hedge and condition cues. data/policies.json lists
// policies.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/clauses.h"
#include "core/text.h"
#include "core/verb_dictionary.h"
#include "util/status.h"

namespace parley {

struct PredicateEntry {
  std::string type;   // event type of data/event_types.json
  std::string cameo;  // CAMEO code, as long as the dictionary gives it ("163", "0874")
  std::vector<std::string> target;   // slots holding the target: "dobj", or a preposition
  std::vector<std::string> content;  // slots holding the content: "dobj" or a preposition
  bool complement =
      false;  // a demand verb of the clause frames: "demand that Y ...", "urge Y to ..."
  bool no_subject_infinitive = false;  // "wants to X" (no object before the infinitive) is no event
  bool reversed = false;  // the event is seen from its target ("received aid from Japan"): the
                          // subject is the target, the actor after "from" or "by" the source
};

struct PolicyEntry {
  std::string id;
  std::string name;
};

struct LexiconFiles {
  std::vector<std::string> verbs;  // verb dictionaries; a verb in a later one replaces an earlier
  std::string predicates;          // data/predicates.json
  std::string policies;            // data/policies.json
  std::string event_types;         // data/event_types.json (its "coding" table)
};

class Lexicon {
 public:
  // A verb's clause frame or an event noun: its code and, for a demand word, the slots that
  // hold its target and content.
  struct Frame {
    std::string code;
    std::vector<std::string> target, content;
    bool slots = false;      // target and content given: a demand word
    bool complement = true;  // a demand word that takes a clause ("urge Y to", not "seek X")
  };

  Lexicon();
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;

  // The default files of the data folder.
  static LexiconFiles DefaultFiles();
  // Loads the default files.
  static Status LoadDefault(Lexicon* out);
  // Loads the given files; a malformed line or entry is an error naming the file (and line).
  static Status Load(const LexiconFiles& files, Lexicon* out);

  // The meaning of a clause's predicate: with a clause complement (or, for some verbs, a noun
  // object: "wants sanctions relief"), a verb's frame ("urged Y to ...", "refused to ..."); else
  // the verb dictionary's code for the verb with its particles, object and prepositional phrases,
  // as an intent or threat under a future modal ("will send aid"). Null if the verb is unknown, its
  // use here is no event, or the clause has a demand modal ("Y must ...": what should happen).
  const PredicateEntry* Code(const ParseTree& tree, const Clause& c) const;
  // The meaning of a verb lemma (with particles: "call on") alone: its clause frame, else the
  // dictionary's code for the verb without a pattern unless that is a demand or appeal (the
  // demand verbs are the clause frames); null if none.
  const PredicateEntry* Verb(const std::string& lemma) const;
  // The event a noun names ("demand", "appeal"); null if none.
  const PredicateEntry* Noun(const std::string& lemma) const;
  // The entry for a CAMEO code (type by the coding table); null if no type covers it.
  const PredicateEntry* ForCode(const std::string& code) const;
  // The event type of a CAMEO code: the type of its longest prefix in the coding table.
  std::string TypeOf(const std::string& code) const;
  // What the coder reads off a clause (exposed for tests and tools).
  ClauseShape ShapeOf(const ParseTree& tree, const Clause& c) const;

  const VerbDictionary& verbs() const { return dictionary_; }

  // "renewed an appeal", "issued a warning": verbs whose object noun names the event.
  bool IsLightVerb(const std::string& lemma) const { return light_verbs_.count(lemma) > 0; }
  bool IsDemandModal(const std::string& lower) const { return demand_modals_.count(lower) > 0; }
  bool IsHedge(const std::string& lower) const { return hedges_.count(lower) > 0; }
  const std::vector<std::string>& condition_cues() const { return conditions_; }

  // Policies named in tokens [first, last] (case-insensitive whole-token matches, longest first).
  struct PolicyMatch {
    int first, last;
    const PolicyEntry* policy;
  };
  std::vector<PolicyMatch> FindPolicies(const std::vector<Token>& tokens, int first,
                                        int last) const;

 private:
  // The entry for a code as `frame`'s verb or noun uses it (null: a verb of no frame), with the
  // target a pattern marks; made once and kept. Null if no event type covers the code.
  const PredicateEntry* Entry(const std::string& code, const Frame* frame,
                              const std::string& pattern_target, bool self_infinitive,
                              bool reversed) const;

  struct Cache {
    std::mutex mu;
    std::map<std::string, PredicateEntry> entries;  // stable addresses
  };

  VerbDictionary dictionary_;
  std::map<std::string, std::string> coding_;  // CAMEO code prefix -> type
  std::unique_ptr<Cache> cache_;
  std::unordered_map<std::string, Frame> frames_;              // verb (with particles) -> frame
  std::unordered_map<std::string, Frame> nouns_;               // event noun -> frame
  std::unordered_map<std::string, std::string> future_codes_;  // root -> code of its intent
  std::unordered_map<std::string, std::string> verb_codes_;    // verb without a code -> code
  std::unordered_set<std::string> future_modals_;
  std::vector<std::string> target_slots_, content_slots_;
  std::unordered_set<std::string> self_infinitive_;  // "wants to X" is no event
  std::unordered_set<std::string> object_frames_;    // frames also over a noun object
  std::unordered_set<std::string> demand_modals_, hedges_, light_verbs_;
  std::vector<std::string> conditions_;
  std::vector<PolicyEntry> policies_;
  std::unordered_map<std::string, int> policy_names_;  // lower-cased tokens joined by ' '
  size_t max_policy_tokens_ = 1;
};

}  // namespace parley

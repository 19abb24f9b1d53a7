// Lexicon: the predicate lexicon (data/predicates.json: verbs, verb phrases and event nouns
// with their event type, CAMEO code and target slots; demand modals; negation, hedge and
// condition cues) and the policy lexicon (data/policies.json).
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "core/text.h"

namespace parley {

struct PredicateEntry {
  std::string type;   // event type of data/event_types.json
  std::string cameo;  // CAMEO code
  std::vector<std::string> target;  // slots holding the target: "dobj", or a preposition
  std::vector<std::string> content;  // slots holding the content: "dobj" or a preposition
  bool complement = false;          // takes a clause: "demand that Y ...", "urge Y to ..."
  bool no_subject_infinitive = false;  // "wants to X" (no object before the infinitive) is no event
  std::unordered_map<std::string, std::string> objects;  // object head -> more specific code
};

struct PolicyEntry {
  std::string id;
  std::string name;
};

class Lexicon {
 public:
  // Loads data/predicates.json and data/policies.json from the data folder.
  static Status LoadDefault(Lexicon* out);
  static Status Load(const std::string& predicates, const std::string& policies, Lexicon* out);

  // The entry for a verb lemma ("demand"), a verb with particle ("call on") or a verb with its
  // object's head ("impose sanctions"); null if none.
  const PredicateEntry* Verb(const std::string& lemma) const;
  const PredicateEntry* Phrase(const std::string& phrase) const;
  const PredicateEntry* Noun(const std::string& lemma) const;

  // "renewed an appeal", "issued a warning": verbs whose object noun names the event.
  bool IsLightVerb(const std::string& lemma) const { return light_verbs_.count(lemma) > 0; }
  bool IsDemandModal(const std::string& lower) const { return demand_modals_.count(lower) > 0; }
  bool IsHedge(const std::string& lower) const { return hedges_.count(lower) > 0; }
  bool IsNegation(const std::string& lower) const { return negations_.count(lower) > 0; }
  const std::vector<std::string>& condition_cues() const { return conditions_; }

  // Policies named in tokens [first, last] (case-insensitive whole-token matches, longest first).
  struct PolicyMatch {
    int first, last;
    const PolicyEntry* policy;
  };
  std::vector<PolicyMatch> FindPolicies(const std::vector<Token>& tokens, int first, int last) const;

 private:
  std::unordered_map<std::string, PredicateEntry> verbs_, phrases_, nouns_;
  std::unordered_set<std::string> demand_modals_, hedges_, negations_, light_verbs_;
  std::vector<std::string> conditions_;
  std::vector<PolicyEntry> policies_;
  std::unordered_map<std::string, int> policy_names_;  // lower-cased tokens joined by ' '
  size_t max_policy_tokens_ = 1;
};

}  // namespace parley

// NounClasses: what WordNet says a noun denotes, for telling actors from other words without
// hand lists: whether a noun names someone who can act, speak or be asked something (its
// lexicographer file is noun.person or noun.group: "minister", "critics", "the council");
// whether a noun's senses are people (hyponyms of person.n.01: "protester",
// "secretary"), social groups and organisations (hyponyms of social_group.n.01: "union",
// "court", "commission") or places (location.n.01), and whether WordNet writes a word with a
// capital (a proper noun: "Bush", "Ruth") or only in lower case (a common word: "says",
// "barriers"). Computed once from the shared WordNet reader (core/wordnet.h); immutable after,
// so any thread may use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace parley {

class NounClasses {
 public:
  // Bits of a lemma's classes. "First" is about the noun's first (most frequent) sense, "any"
  // about any of its first three senses, "some" about any sense. First and any count only the
  // senses in which WordNet writes the word in lower case ("doe" is a deer, not the DOE).
  enum : uint8_t {
    kPersonFirst = 1,
    kGroupFirst = 2,
    kPersonAny = 4,
    kGroupAny = 8,
    kLocationAny = 16,   // any sense, capitalised or not ("Buenos Aires")
    kGroupSome = 32,     // some sense, however rare ("authority" as in a port authority)
    kCountryFirst = 64,  // a state, nation, country ("the country")
    kNamedPerson = 128,  // some sense is a person WordNet names ("Bush", "Reagan"; not "Democrat")
  };

  // The shared instance (loaded on first use).
  static const NounClasses& Get();

  // True if the noun lemma (lower case) names a person or a group of people in its first
  // sense, or in its second when the first is a place or a building ("the embassy", "the
  // other side").
  bool NamesAgent(std::string_view lemma) const { return agents_.count(std::string(lemma)) > 0; }
  // True if any sense of the noun lemma names a person or a group ("the opposition"): the
  // reading for a phrase already known to be the subject of a verb that wants one.
  bool CanNameAgent(std::string_view lemma) const {
    return any_agent_.count(std::string(lemma)) > 0;
  }

  // The class bits of the noun `lemma` (lower case, words joined by '_'); 0 if none or unknown.
  uint8_t Of(std::string_view lemma) const;
  // True if some WordNet noun synset writes `lemma` (lower case) with a capital letter.
  bool Proper(std::string_view lemma) const;

 private:
  NounClasses();
  std::unordered_map<std::string, uint8_t> classes_;
  std::unordered_set<std::string> proper_;
  std::unordered_set<std::string> agents_, any_agent_;
};

}  // namespace parley

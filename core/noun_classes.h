// Noun classes from WordNet: whether a noun names someone who can act, speak or be asked
// something (a person, or a group of people: "minister", "critics", "the unions", "the
// council"), read off the lexicographer file of the noun's first senses (noun.person,
// noun.group) in Debian's wordnet-base. Loaded once on first use, immutable after.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace parley {

class NounClasses {
 public:
  // The shared instance, loading WordNet from $WNSEARCHDIR or /usr/share/wordnet.
  static const NounClasses& Get();

  // True if the noun lemma (lower case) names a person or a group of people in its first
  // sense, or in its second when the first is a place or a building ("the embassy", "the
  // other side").
  bool NamesAgent(std::string_view lemma) const { return agents_.count(std::string(lemma)) > 0; }
  // True if any sense of the noun lemma names a person or a group ("the opposition"): the
  // reading for a phrase already known to be the subject of a verb that wants one.
  bool CanNameAgent(std::string_view lemma) const { return any_agent_.count(std::string(lemma)) > 0; }

 private:
  NounClasses();
  std::unordered_set<std::string> agents_, any_agent_;
};

}  // namespace parley

// Actor mentions and in-document coreference.
//
// Finds every reference to an actor in a document: dictionary names (countries, capitals and
// seats of government as metonyms, demonyms, organisations, known leaders), people introduced
// by a title or role ("Iran's Supreme Leader, Ayatollah Ali Khamenei", "Chancellor Markus
// Feldmann"), and later references to them by surname, by role ("the Supreme Leader") or by
// pronoun ("he"). An office holder who is never named ("a senior British minister") stands
// for the country, as event coders code it. Each mention resolves to a canonical actor id; the
// document's entities (with the names they were called by, their role and country) are collected on
// the way.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/actor_dictionary.h"
#include "core/facts.h"
#include "core/text.h"

namespace parley {

struct ActorMention {
  int sentence = 0;
  int first_token = 0;  // token range in the sentence, inclusive
  int last_token = 0;
  int32_t start = 0;  // byte span in the document
  int32_t end = 0;
  std::string actor;  // canonical id
  enum Kind { kName, kDemonym, kCapital, kPerson, kRole, kSurname, kPronoun } kind = kName;
  bool possessive = false;  // followed by 's ("Iran's")
  // The CAMEO code this mention carries where it names a sector of its actor ("Iranian
  // officials": IRNGOV on IRN); empty otherwise.
  std::string code;
  // An appositive name inside the mention (", Ayatollah Ali Khamenei," after "Iran's Supreme
  // Leader"): the bytes the parser does better without; -1 if none.
  int32_t apposition_start = -1;
  int32_t apposition_end = -1;
};

struct DocumentActors {
  std::vector<ActorMention> mentions;      // in text order
  std::map<std::string, Entity> entities;  // by canonical id, with their mentions
};

// Finds and resolves the actor mentions of a document split into `sentences`. `date` (the
// article's, ISO 8601; empty if unknown) picks who held an office and a person's code then.
DocumentActors FindActors(const ActorDictionary& dict, std::string_view text,
                          const std::vector<Sentence>& sentences, std::string_view date = {});

}  // namespace parley

// Typed events: demands and other stances read off one parsed sentence.
//
// A clause whose predicate is in the lexicon becomes an event of the lexicon's type, with the
// actor of its subject as source and the actor in its target slot (direct object or a given
// preposition's object) as target. Demands are found in the shapes news uses:
//   "X demanded that Y lift sanctions"        complement clause: target Y, content "lift sanctions"
//   "X called on / urged / pressed Y to ..."  object Y, content the infinitive
//   "X said Y must / should / needs to ..."   a statement whose complement has a demand modal
//   "X wants Y to ..."                        complement with an object controller
//   "talks are possible only if Y ..."         a condition: the sentence's speaker demands it of Y
//   "X's demand for ..."                       an event noun with a possessive source
// Negation and modality come from the clause; hedges ("likely", "may") become the modality.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clauses.h"
#include "core/facts.h"
#include "core/lexicon.h"
#include "core/mentions.h"

namespace parley {

struct SentenceAnalysis {
  const ParseTree* tree = nullptr;
  const std::vector<Clause>* clauses = nullptr;
  std::string_view doc;  // the whole document text
  int32_t offset = 0;    // where the parsed sentence starts in `doc`
  const Sentence* sentence = nullptr;
  int index = 0;
  std::vector<const ActorMention*> mentions;  // the actor mentions inside the sentence
};

// The events of one sentence. `last_speaker` carries the actor who last spoke in the document
// (for conditions and modals stated without a speaker in the sentence) and is updated.
void ExtractEvents(const SentenceAnalysis& s, const Lexicon& lexicon, std::string* last_speaker,
                   std::vector<Event>* out);

}  // namespace parley

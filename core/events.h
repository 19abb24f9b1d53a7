// Typed events: demands and other stances read off one parsed sentence.
//
// A clause whose predicate is in the lexicon becomes an event of the lexicon's type, with the
// actor of its subject as source and the actor in its target slot (direct object or a given
// preposition's object) as target. Demands are read from the clauses in these shapes:
//   "X demanded that Y VERB ..."       complement clause: target Y, content "VERB ..."
//   "X called on / urged / pressed Y to VERB ..."  object Y, content the infinitive
//   "X said Y must / should / needs to VERB ..."   a statement whose complement has a demand modal
//   "X wants Y to VERB ..."            complement with an object controller
//   "P is possible only if Y VERB ..." a condition: the sentence's speaker demands it of Y
// and then by the demand frames of core/demand_frames.h for every cue the clauses did not
// cover (or when the sentence was not parsed). Negation and modality come from the clause;
// hedges ("likely", "may") become the modality.
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

// What a document's earlier sentences leave for the next one to read.
struct DiscourseState {
  Argument speaker;       // the last one a reporting verb gave words to
  Argument subject;       // the last actor named as a subject (for an unresolved "he", "they")
  bool in_quote = false;  // a quotation opened in an earlier sentence is still open
};

// The events of one sentence: from its clauses when it was parsed (`tree` and `clauses` set),
// and from the demand frames of core/demand_frames.h in any case. `state` carries the
// speaker and open quotation (for conditions and obligations stated without a speaker in the
// sentence) and is updated.
void ExtractEvents(const SentenceAnalysis& s, const Lexicon& lexicon, DiscourseState* state,
                   std::vector<Event>* out);

}  // namespace parley

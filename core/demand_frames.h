// Demand frames read off the tokens and actor mentions of one sentence: the reading that
// does not need a parse, used for every demand cue the parse-based reading (core/events.cc)
// did not already turn into a demand.
//
// The frames, with the slot each part fills (source = who demands, target = of whom,
// content = what is demanded):
//   verb frames     SOURCE demand/urge/ask/call on/press/... TARGET to CONTENT
//                   SOURCE demand/insist/... that TARGET CONTENT
//                   SOURCE call for / push for / appeal for CONTENT  (TARGET to CONTENT when the
//                   one after "for" is an actor), SOURCE ask TARGET for CONTENT
//   obligations     TARGET must / should / needs to / has to / ought to CONTENT, with the
//                   speaker as source wherever the attribution stands: before ("SOURCE said
//                   ..."), after ("..., SOURCE said"), or earlier, for a quotation running on
//                   from a previous sentence
//                   it is time (for) TARGET (to) CONTENT, attributed the same way
//   nominal frames  SOURCE's demand / call / appeal / request for CONTENT, demands by SOURCE,
//                   SOURCE's demands include A, B and C (one demand each)
// A negation between the source and the verb keeps the demand with `negated`; a verb under a
// condition ("if", "unless") or a hypothetical "would", a question, and a wish with no one
// asked ("wants to leave") are not demands of their subject.
#pragma once

#include <vector>

#include "core/events.h"

namespace parley {

// Whether a verb lemma reports speech or a stated position ("say", "warn", "insist", ...):
// its subject speaks what follows or precedes it.
bool IsReportingVerb(const std::string& lemma);

// Appends the demands stated in `s` by frames no event of `s` in `out[first_event..]` covers
// (an event covers a cue word inside its span). Updates `state` with the sentence's speaker
// and open quotation.
void ReadDemandFrames(const SentenceAnalysis& s, const Lexicon& lexicon, size_t first_event,
                      DiscourseState* state, std::vector<Event>* out);

}  // namespace parley

// Event status: whether a sentence states that an event took place, or only that it would,
// will or might, or that it took place long before the report. Event-data users count what
// happened; "this would involve the US rejoining the deal" is no report of the US supporting
// the deal, and "the EU imposed duties last year" is background, not news of the day.
//
// The status of an event (Event::status):
//   "asserted"       the sentence reports the event as done or being done (the default)
//   "conditional"    it would happen under a condition the sentence states ("If X ..., Y
//                    will ...", "Y would ... if X ...")
//   "hypothetical"   it could, might or would happen, with no one reported as announcing it
//                    ("this would involve ...", "Y could ...", "X may ...")
//   "future"         it is announced, planned or expected, not yet done ("will", "plans to",
//                    "is expected to", "said it would"); CAMEO codes such an announcement as
//                    an intent (03) or a threat (13), and the status says the act is still
//                    to come
//   "reported_past"  the sentence places it well before the report: a pluperfect ("had
//                    VERB-ed") or a time long past ("last year", "in 2018" before the
//                    report's year, "years ago", "previously")
// The status is read from the words of the event's own clause and of the clauses governing
// it in the sentence (up to a subordinator such as "after", "because" or "but", which opens
// another event's clause). Negation is kept apart, in Event::negated.
#pragma once

#include <string>
#include <string_view>

#include "core/facts.h"

namespace parley {

// The status of `e`, stated in the sentence doc[sentence_start, sentence_end) of an article
// reported on `report_date` (YYYY-MM-DD or a prefix; may be empty).
std::string ReadEventStatus(std::string_view doc, int64_t sentence_start, int64_t sentence_end,
                            const Event& e, std::string_view report_date);

}  // namespace parley

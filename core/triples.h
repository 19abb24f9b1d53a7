// Open triples: clauses turned into (subject; predicate; object; arguments) with texts and
// byte spans in the document, a lemma for the predicate, and a graded confidence.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "core/clauses.h"
#include "core/facts.h"

namespace parley {

// The text of `span` within the document: from its first word's start to its last word's end,
// widened to whole quote marks and trimmed of punctuation at either edge. `offset` is where
// the parsed sentence starts in `doc`. Empty if the span is empty.
std::string_view SpanText(const ParseTree& tree, WordSpan span, std::string_view doc,
                          int32_t offset, int32_t* start = nullptr, int32_t* end = nullptr);

// The predicate's surface text ("must change", "served as") and lemma ("change", "serve as").
std::string PredicateText(const ParseTree& tree, const Clause& c);
std::string PredicateLemma(const ParseTree& tree, const Clause& c);

// How sure the extraction is, in [0, 1]: higher for a full parse, an explicit subject and a
// short object; lower for inherited subjects, partial parses and sprawling arguments.
double ClauseConfidence(const ParseTree& tree, const Clause& c);

// Names the actor a byte range [start, end) of the document refers to, or "".
using EntityLookup = std::function<std::string(int32_t start, int32_t end)>;

// One triple per clause that has a subject and a predicate. `entity_of`, if set, fills the
// subject's and object's entity ids.
void ClausesToTriples(const ParseTree& tree, const std::vector<Clause>& clauses,
                      std::string_view doc, int32_t offset, int sentence_index,
                      std::vector<Triple>* out, const EntityLookup& entity_of = nullptr);

}  // namespace parley

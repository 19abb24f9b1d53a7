// An article's title read as a sentence. Headlines capitalise every word ("Sudan Bombs Refugee
// Camp in South Sudan") or every letter ("ENVOY MEETS MINISTER"), which the parser and the name
// finder then take for one long name; the article's main event is yet most often stated there,
// and stated alike by every outlet that reports it. The title is given back in sentence case
// (common words lowered, names kept), byte for byte the same length, so an offset into the
// sentence is one into the title, and with a final period when it has no end mark.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

// `title` in sentence case when it is written in title case or in capitals, else as it is;
// either way with a period after it unless it ends in '.', '!' or '?'. `names` are the byte
// spans of the title the name finder read as names of actors ("South Sudan", "White House"):
// their words keep their capitals (a name in capitals gets its first letter only, unless it
// is an acronym of up to three letters: "US", "EU"). Outside them a word is lowered when it
// is a common word (core/name_finder.h: WordNet writes it only in lower case) or a function
// word ("of", "from", "the"); the first word keeps its capital.
std::string HeadlineSentence(std::string_view title,
                             const std::vector<std::pair<int32_t, int32_t>>& names);

}  // namespace parley

// Words in text of any script: what counts as a letter or digit, a text's words, and a word
// without the punctuation around it. The document linker (core/linker.h) and the event key
// (graph/event_key.h) read words by these rules; the event key's version pins them, so a
// change here that changes a key asks for a new key version.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Letters and digits: ASCII ones, and any code point past ASCII outside the common
// punctuation and space blocks (Latin-1 symbols, general punctuation, CJK punctuation); not a
// byte that is not UTF-8 (kNotUtf8).
bool IsWordCharacter(int32_t cp);

// The words of `text`: maximal runs of word characters, as spans of it.
std::vector<std::string_view> Words(std::string_view text);

// `word` without the characters that are no letter or digit at either end ("#Oscars",
// "“release”") and without a possessive "'s" or "’s"; itself when nothing is left.
std::string TrimWord(std::string_view word);

}  // namespace parley

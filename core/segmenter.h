// Segmenter: splits news text into sentences and Penn-Treebank-like tokens without ever
// changing the text, so that every later fact can point back at the exact bytes it came from.
//
// What it promises, for any input bytes (valid UTF-8 or not):
//   - Offsets are byte offsets into the `text` passed in, and token.text is exactly
//     text.substr(token.start, token.end - token.start).
//   - Tokens are non-empty, in order and non-overlapping; every byte outside a token is
//     whitespace (ASCII spaces, line breaks and control characters; Unicode spaces,
//     line/paragraph separators, zero-width spaces, bidi marks and the BOM). Invalid UTF-8
//     bytes are one-byte letters.
//   - SplitSentences puts every token of the text in exactly one sentence; sentences are
//     in order, non-overlapping, and span [first token start, last token end).
//   - Time is linear in the input (a 50 MB line is fine) and nothing reads out of bounds.
//   - Offsets are int32: only the first INT32_MAX bytes of a larger text are looked at.
//
// Tokens: punctuation , . ; : ! ? ( ) [ ] " “ ” ‘ ’ `` '' and dashes are their own tokens;
// possessive/contracted clitics split off ("Iran's" -> "Iran" "'s", "don't" -> "do" "n't");
// abbreviations keep their period ("U.S.", "Gen.", "Mr.", and initials like "W."), also at
// the end of a sentence; numbers keep decimals and thousands separators ("3.67", "1,200";
// "$6.2" -> "$" "6.2", "3.67%" -> "3.67" "%"); hyphenated words ("anti-government") and
// names with an inner apostrophe ("O'Neill") are one token.
//
// Sentences end at . ! ? (after any closing quotes or brackets) unless the next word shows
// the sentence goes on; after abbreviations and ellipses only when the next word is a common
// sentence opener ("The", "He", "But", ...) or a new line starts; always at a blank line;
// before list items ("-", "*", "•", "1." at the start of a line); and at the end of a line
// without final punctuation (headlines, bylines), unless the next line visibly carries on
// (lower-case start, a line ending in a comma or a function word, or hard-wrapped prose; the
// text's first line, its title, is never wrapped into the next).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace parley {

// Splits `text` into sentences (with tokens). Offsets are into `text`.
std::vector<Sentence> SplitSentences(std::string_view text);

// Tokenizes text[start, end) (offsets into `text`; clamped to the text). Looks at the bytes
// before `start` only to tell whether `start` begins a line, so tokenizing a sentence's span
// gives the same tokens SplitSentences gave it.
std::vector<Token> Tokenize(std::string_view text, int32_t start, int32_t end);

}  // namespace parley

// Spans of text: sentences and tokens as byte offsets into the document's original text, so
// that every fact can point back at the exact characters that state it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley {

struct Token {
  int32_t start = 0;  // byte offset into the document text
  int32_t end = 0;    // exclusive
  std::string text;   // the bytes text[start, end)
};

struct Sentence {
  int32_t start = 0;
  int32_t end = 0;
  std::vector<Token> tokens;
};

}  // namespace parley

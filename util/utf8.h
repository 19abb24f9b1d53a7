// UTF-8 text one character at a time, on Debian's utf8proc: decoding, encoding, counting, and
// case by the Unicode character database (every script that has case, not a chosen few).
//
// A byte that does not start a well-formed sequence (a stray continuation byte, a truncated or
// overlong sequence, a surrogate, a code point past U+10FFFF) is one character of its own that
// decodes to kNotUtf8, so that every byte is read exactly once and nothing is skipped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// What NextCodePoint gives for a byte that starts no well-formed sequence.
constexpr int32_t kNotUtf8 = -1;

// The code point of the multi-byte sequence at `s[*i]`, as NextCodePoint.
int32_t NextMultiByteCodePoint(std::string_view s, size_t* i);

// The code point that starts at `s[*i]` (`*i` < s.size()), or kNotUtf8; advances `*i` past
// it (by one byte for kNotUtf8). ASCII is decoded inline: tokenizers call this per byte.
inline int32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  return NextMultiByteCodePoint(s, i);
}

// True for a byte that begins a character (any byte but a continuation byte 10xxxxxx).
inline bool IsLeadByte(char c) {
  return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
}

// The number of characters of valid UTF-8 `s` (its lead bytes).
size_t CodePointCount(std::string_view s);

// The characters of `s` as byte spans of it, in order (a byte that is not UTF-8 is one).
std::vector<std::string_view> Characters(std::string_view s);

// Appends the UTF-8 form of code point `cp` (< 0x110000, not a surrogate) to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// True if `s` is well-formed UTF-8; otherwise false, with the offset of the first byte that
// starts no well-formed sequence in `*bad_offset` (when not null).
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// `s` with every character mapped to its simple lower-case (upper-case) form; bytes that are
// not UTF-8 are kept as they are.
std::string ToLowerUtf8(std::string_view s);
std::string ToUpperUtf8(std::string_view s);

// True for an upper-case or title-case letter (categories Lu, Lt); a lower-case one (Ll).
bool IsUpperCaseLetter(int32_t cp);
bool IsLowerCaseLetter(int32_t cp);

}  // namespace parley

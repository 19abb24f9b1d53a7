// Sentence splitting and tokenization of news text by byte offsets (see segmenter.h for the
// promises). One lexer produces tokens with what the whitespace before each one held (how
// many line breaks); the sentence splitter reads that stream with two tokens of lookahead and
// decides after each token whether a sentence ends there. Both are single forward passes; the
// only backward looks (line length, the paragraph around a line break) happen once per line
// or paragraph, which keeps the whole thing linear.
#include "core/segmenter.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <string>

#include "util/utf8.h"

namespace parley {
namespace {

using u8 = unsigned char;

// ---------------------------------------------------------------------------------------
// Character classes

enum Cls : uint8_t {
  kSpace,    // horizontal whitespace (and invisible format characters)
  kNewline,  // a line break
  kParaSep,  // U+2029: counts as a blank line
  kLetter,   // letters, marks, anything unclassified, invalid bytes
  kDigit,    // ASCII digits
  kPunct,    // punctuation and symbols: one token per character (runs of a few excepted)
};

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kPunct;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  // Control characters are whitespace: they carry no text and must not become tokens.
  for (int c = 0; c < 32; ++c) t[c] = kSpace;
  t[' '] = kSpace;
  t[0x7f] = kSpace;
  t['\n'] = kNewline;  // '\r' is handled separately (CRLF is one break)
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = MakeAsciiTable();

// Decodes the code point at s[p] (p < n). An invalid or truncated sequence decodes as one
// byte of U+FFFD, a letter, so every byte is consumed exactly once and nothing is skipped.
inline uint32_t Decode(const u8* s, size_t p, size_t n, int* len) {
  size_t i = p;
  int32_t cp = NextCodePoint(std::string_view(reinterpret_cast<const char*>(s), n), &i);
  *len = static_cast<int>(i - p);
  return cp == kNotUtf8 ? 0xFFFD : static_cast<uint32_t>(cp);
}

// Class of a non-ASCII code point. Everything not listed is a letter: that covers accented
// Latin, Greek, Cyrillic, Arabic, Hebrew, CJK and combining marks without any tables.
Cls ClassifyCp(uint32_t cp) {
  if (cp < 0x80) return Cls(kAscii[cp]);
  if (cp < 0x100) {
    if (cp == 0x85) return kNewline;
    if (cp < 0xA0) return kSpace;  // C1 controls
    if (cp == 0xA0) return kSpace;
    if (cp == 0xD7 || cp == 0xF7) return kPunct;
    if (cp <= 0xBF) {
      // Latin-1 symbols, except the letter-like ones (ª º µ, superscripts, fractions) and the
      // soft hyphen, which belongs inside the word it hyphenates.
      switch (cp) {
        case 0xAA:
        case 0xAD:
        case 0xB2:
        case 0xB3:
        case 0xB5:
        case 0xB9:
        case 0xBA:
        case 0xBC:
        case 0xBD:
        case 0xBE:
          return kLetter;
        default:
          return kPunct;
      }
    }
    return kLetter;
  }
  if (cp < 0x2000) {
    if (cp == 0x1680) return kSpace;
    // Arabic comma, semicolon, question mark, percent sign; Urdu full stop; Armenian full
    // stop; Devanagari danda and double danda; Ethiopic full stop.
    if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x066A || cp == 0x06D4 ||
        cp == 0x0589 || cp == 0x0964 || cp == 0x0965 || cp == 0x1362) {
      return kPunct;
    }
    return kLetter;
  }
  if (cp < 0x2070) {
    if (cp <= 0x200B) return kSpace;   // en quad .. zero width space
    if (cp <= 0x200D) return kLetter;  // ZWNJ/ZWJ shape Persian and Indic words
    if (cp <= 0x200F) return kSpace;   // LRM, RLM
    if (cp == 0x2028) return kNewline;
    if (cp == 0x2029) return kParaSep;
    if (cp >= 0x202A && cp <= 0x202F) return kSpace;  // bidi embeddings, narrow NBSP
    if (cp == 0x205F) return kSpace;
    if (cp >= 0x2060) return kSpace;  // word joiner, invisible operators, bidi isolates
    return kPunct;                    // dashes, quotes, bullets, ellipsis, primes
  }
  if (cp >= 0x20A0 && cp <= 0x20CF) return kPunct;  // currency signs
  if (cp >= 0x2100 && cp <= 0x2BFF) return kPunct;  // arrows, math, boxes, shapes, dingbats
  if (cp >= 0x2E00 && cp <= 0x2E7F) return kPunct;  // supplemental punctuation
  if (cp == 0x3000) return kSpace;
  if (cp >= 0x3001 && cp <= 0x3003) return kPunct;
  if (cp >= 0x3008 && cp <= 0x3011) return kPunct;
  if (cp >= 0x3014 && cp <= 0x301F) return kPunct;
  if (cp == 0xFEFF) return kSpace;                  // byte order mark
  if (cp >= 0xFF01 && cp <= 0xFF0F) return kPunct;  // fullwidth punctuation
  if (cp >= 0xFF1A && cp <= 0xFF20) return kPunct;
  if (cp >= 0xFF3B && cp <= 0xFF40) return kPunct;
  if (cp >= 0xFF5B && cp <= 0xFF65) return kPunct;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return kPunct;  // emoji and pictographs
  return kLetter;
}

inline bool IsDigitByte(u8 b) {
  return b >= '0' && b <= '9';
}
inline bool IsUpperByte(u8 b) {
  return b >= 'A' && b <= 'Z';
}

// ---------------------------------------------------------------------------------------
// Word lists

// An abbreviation's period either never ends a sentence inside a line (titles before names,
// "e.g.", "vs.") or ends one only when a sentence opener follows ("Inc.", "Jan.", "etc.").
enum class AbbrevType : uint8_t { kNone, kTitle, kEnder, kNumberSign };

struct AbbrevEntry {
  std::string_view word;
  AbbrevType type;
};

// Sorted bytewise by word (checked at compile time below).
constexpr AbbrevEntry kAbbrevs[] = {
    {"Adm", AbbrevType::kTitle},  {"Ala", AbbrevType::kEnder},     {"Amb", AbbrevType::kTitle},
    {"Apr", AbbrevType::kEnder},  {"Ariz", AbbrevType::kEnder},    {"Ark", AbbrevType::kEnder},
    {"Assn", AbbrevType::kEnder}, {"Atty", AbbrevType::kTitle},    {"Aug", AbbrevType::kEnder},
    {"Ave", AbbrevType::kEnder},  {"Blvd", AbbrevType::kEnder},    {"Brig", AbbrevType::kTitle},
    {"Bros", AbbrevType::kEnder}, {"Calif", AbbrevType::kEnder},   {"Capt", AbbrevType::kTitle},
    {"Cdr", AbbrevType::kTitle},  {"Cmdr", AbbrevType::kTitle},    {"Co", AbbrevType::kEnder},
    {"Col", AbbrevType::kTitle},  {"Colo", AbbrevType::kEnder},    {"Conn", AbbrevType::kEnder},
    {"Corp", AbbrevType::kEnder}, {"Cpl", AbbrevType::kTitle},     {"Dec", AbbrevType::kEnder},
    {"Dept", AbbrevType::kEnder}, {"Det", AbbrevType::kTitle},     {"Dr", AbbrevType::kTitle},
    {"Feb", AbbrevType::kEnder},  {"Fig", AbbrevType::kTitle},     {"Fla", AbbrevType::kEnder},
    {"Fr", AbbrevType::kTitle},   {"Ft", AbbrevType::kTitle},      {"Gen", AbbrevType::kTitle},
    {"Gens", AbbrevType::kTitle}, {"Gov", AbbrevType::kTitle},     {"Hon", AbbrevType::kTitle},
    {"Inc", AbbrevType::kEnder},  {"Insp", AbbrevType::kTitle},    {"Jan", AbbrevType::kEnder},
    {"Jr", AbbrevType::kEnder},   {"Jul", AbbrevType::kEnder},     {"Jun", AbbrevType::kEnder},
    {"Kan", AbbrevType::kEnder},  {"Ky", AbbrevType::kEnder},      {"Lt", AbbrevType::kTitle},
    {"Ltd", AbbrevType::kEnder},  {"Maj", AbbrevType::kTitle},     {"Mar", AbbrevType::kEnder},
    {"Md", AbbrevType::kEnder},   {"Messrs", AbbrevType::kTitle},  {"Mfg", AbbrevType::kEnder},
    {"Mich", AbbrevType::kEnder}, {"Minn", AbbrevType::kEnder},    {"Mmes", AbbrevType::kTitle},
    {"Mr", AbbrevType::kTitle},   {"Mrs", AbbrevType::kTitle},     {"Ms", AbbrevType::kTitle},
    {"Msgr", AbbrevType::kTitle}, {"Mt", AbbrevType::kTitle},      {"Neb", AbbrevType::kEnder},
    {"Nev", AbbrevType::kEnder},  {"No", AbbrevType::kNumberSign}, {"Nos", AbbrevType::kNumberSign},
    {"Nov", AbbrevType::kEnder},  {"Oct", AbbrevType::kEnder},     {"Okla", AbbrevType::kEnder},
    {"Pres", AbbrevType::kTitle}, {"Prof", AbbrevType::kTitle},    {"Pvt", AbbrevType::kTitle},
    {"Rep", AbbrevType::kTitle},  {"Reps", AbbrevType::kTitle},    {"Rev", AbbrevType::kTitle},
    {"Sen", AbbrevType::kTitle},  {"Sens", AbbrevType::kTitle},    {"Sep", AbbrevType::kEnder},
    {"Sept", AbbrevType::kEnder}, {"Sgt", AbbrevType::kTitle},     {"Sr", AbbrevType::kEnder},
    {"St", AbbrevType::kEnder},   {"Supt", AbbrevType::kTitle},    {"Tenn", AbbrevType::kEnder},
    {"Univ", AbbrevType::kEnder}, {"Vol", AbbrevType::kTitle},     {"Wis", AbbrevType::kEnder},
    {"Wyo", AbbrevType::kEnder},  {"al", AbbrevType::kEnder},      {"approx", AbbrevType::kTitle},
    {"cf", AbbrevType::kTitle},   {"e.g", AbbrevType::kTitle},     {"etc", AbbrevType::kEnder},
    {"i.e", AbbrevType::kTitle},  {"no", AbbrevType::kNumberSign}, {"vol", AbbrevType::kTitle},
    {"vs", AbbrevType::kTitle},
};

// Words that commonly open a news sentence; after "U.S." or an initial, a capitalised word
// that is one of these is taken to start a new sentence, any other ("U.S. Treasury",
// "George W. Bush") to continue the name. Conjunctions and prepositions that seldom open a
// sentence ("And", "To", "Which") are left out: wire copy that capitalises the word after any
// abbreviation ("exports to the U.S. And Japan") would otherwise be cut in two.
constexpr std::string_view kStarters[] = {
    "A",        "According", "After",   "All",     "Also",         "Although",  "An",
    "Another",  "Any",       "As",      "Asked",   "At",           "Before",    "Both",
    "But",      "By",        "Despite", "During",  "Each",         "Earlier",   "Even",
    "Every",    "For",       "From",    "Further", "He",           "Her",       "Here",
    "His",      "How",       "However", "I",       "If",           "In",        "Instead",
    "It",       "Its",       "Last",    "Later",   "Many",         "Meanwhile", "More",
    "Moreover", "Most",      "My",      "Neither", "Nevertheless", "No",        "Not",
    "Now",      "On",        "One",     "Only",    "Our",          "She",       "Since",
    "So",       "Some",      "Still",   "Such",    "That",         "The",       "Their",
    "Then",     "There",     "These",   "They",    "This",         "Those",     "Though",
    "Thus",     "Today",     "Two",     "Under",   "Unlike",       "We",        "What",
    "When",     "Where",     "While",   "Why",     "With",         "Yesterday", "Yet",
    "You",
};

// A line ending in one of these continues on the next line (hard-wrapped prose), since no
// headline or byline ends in a function word.
constexpr std::string_view kContinuers[] = {
    "a",     "about", "after",  "against", "also",   "an",    "and",     "any",   "are",
    "as",    "at",    "be",     "been",    "before", "being", "between", "but",   "by",
    "can",   "could", "for",    "from",    "had",    "has",   "have",    "her",   "his",
    "in",    "into",  "is",     "its",     "may",    "might", "more",    "most",  "must",
    "my",    "no",    "nor",    "not",     "of",     "on",    "onto",    "or",    "our",
    "over",  "per",   "should", "some",    "such",   "than",  "that",    "the",   "their",
    "these", "this",  "those",  "to",      "under",  "upon",  "very",    "via",   "was",
    "were",  "which", "who",    "whom",    "whose",  "will",  "with",    "would", "your",
};

// The lists are searched by bisection, so they must stay sorted (bytewise).
static_assert(std::is_sorted(std::begin(kAbbrevs), std::end(kAbbrevs),
                             [](const AbbrevEntry& a, const AbbrevEntry& b) {
                               return a.word < b.word;
                             }));
static_assert(std::is_sorted(std::begin(kStarters), std::end(kStarters)));
static_assert(std::is_sorted(std::begin(kContinuers), std::end(kContinuers)));

template <size_t N>
bool SortedContains(const std::string_view (&list)[N], std::string_view w) {
  return std::binary_search(std::begin(list), std::end(list), w);
}

AbbrevType LookupAbbrev(std::string_view w) {
  if (w.size() > 6) return AbbrevType::kNone;
  auto it = std::lower_bound(std::begin(kAbbrevs), std::end(kAbbrevs), w,
                             [](const AbbrevEntry& e, std::string_view k) { return e.word < k; });
  if (it != std::end(kAbbrevs) && it->word == w) return it->type;
  return AbbrevType::kNone;
}

// ---------------------------------------------------------------------------------------
// Lexer

enum class Kind : uint8_t {
  kWord,          // letters/digits with inner - . ' , : & where they belong to the word
  kClitic,        // 's 're 've 'll 'd 'm n't
  kAbbrev,        // word plus period that may end a sentence: U.S. Inc. a.m. W.
  kTitle,         // word plus period that never ends a sentence within a line: Mr. Gen. e.g.
  kListMarker,    // "1." opening a line
  kStop,          // . ! ? (and runs), "....", CJK, Arabic, Devanagari, ... full stops
  kEllipsis,      // .. ... …
  kCloseQuote,    // " ' '' ” ’ » › (straight quotes may also open; they close after a stop)
  kCloseBracket,  // ) ] } and their fullwidth/CJK forms
  kPunct,         // every other punctuation or symbol
};

enum class Cap : uint8_t { kUpper, kLower, kOther };

struct RawTok {
  int32_t start = 0;
  int32_t end = 0;
  Kind kind = Kind::kPunct;
  Cap cap = Cap::kOther;
  uint8_t breaks = 0;  // line breaks in the whitespace before the token, capped at 2
  bool space = false;  // any whitespace before the token
};

class Lexer {
 public:
  // Tokenizes text[begin, end); both already clamped to the text. Bytes outside the range are
  // only looked at to see whether `begin` opens a line and what follows a list marker or
  // "No." (one or two bytes), so a span tokenizes as it does inside the whole text.
  Lexer(std::string_view text, size_t begin, size_t end)
      : s_(reinterpret_cast<const u8*>(text.data())),
        size_(text.size()),
        begin_(begin),
        pos_(begin),
        end_(end) {
    line_start_ = OpensLine(begin);
  }

  bool Next(RawTok* t) {
    if (has_pending_) {
      *t = pending_;
      has_pending_ = false;
      return true;
    }
    int breaks = 0;
    bool space = false;
    while (pos_ < end_) {
      const u8 b = s_[pos_];
      if (b < 0x80) {
        const uint8_t c = kAscii[b];
        if (c == kSpace) {
          // A lone CR is an old Mac line break; CR before LF is counted with the LF.
          if (b == '\r' && !(pos_ + 1 < end_ && s_[pos_ + 1] == '\n')) {
            ++breaks;
            line_start_ = true;
          }
          space = true;
          ++pos_;
          continue;
        }
        if (c == kNewline) {
          ++breaks;
          line_start_ = true;
          space = true;
          ++pos_;
          continue;
        }
        break;
      }
      int len;
      const Cls c = ClassifyCp(Decode(s_, pos_, end_, &len));
      if (c == kSpace || c == kNewline || c == kParaSep) {
        if (c != kSpace) {
          breaks += c == kParaSep ? 2 : 1;
          line_start_ = true;
        }
        space = true;
        pos_ += len;
        continue;
      }
      break;
    }
    if (pos_ >= end_) return false;
    t->space = space;
    t->breaks = uint8_t(std::min(breaks, 2));
    const bool at_line_start = line_start_;
    line_start_ = false;
    Lex(t, at_line_start);
    return true;
  }

 private:
  // Whether only whitespace lies between the last line break and `begin`, as the lexer itself
  // would see it ("1." there is a list marker). The look back is bounded (256 bytes) so that
  // tokenizing many spans never turns quadratic.
  bool OpensLine(size_t begin) const {
    size_t p = begin;
    bool at_break = true;  // the text start counts as a line start
    for (size_t steps = 0; p > 0; --p, ++steps) {
      const u8 b = s_[p - 1];
      if (b == '\n' || b == '\r') break;
      if (b < 0x80 && kAscii[b] != kSpace) {
        at_break = false;
        break;
      }
      if (steps == 256) return false;
    }
    // Walk forward again over what was skipped (UTF-8 spaces and line separators decoded from
    // a character boundary: p is at the text start or right after an ASCII byte).
    bool line_start = at_break;
    while (p < begin) {
      int len;
      const Cls c = ClassifyCp(Decode(s_, p, begin, &len));
      if (c == kNewline || c == kParaSep) {
        line_start = true;
      } else if (c != kSpace) {
        line_start = false;
      }
      p += size_t(len);
    }
    return line_start;
  }

  bool AlnumAt(size_t p) const {
    if (p >= end_) return false;
    const u8 b = s_[p];
    if (b < 0x80) return kAscii[b] == kLetter || kAscii[b] == kDigit;
    int len;
    const Cls c = ClassifyCp(Decode(s_, p, end_, &len));
    return c == kLetter || c == kDigit;
  }
  bool DigitAt(size_t p) const { return p < end_ && IsDigitByte(s_[p]); }
  bool UpperByteAt(size_t p) const { return p < end_ && IsUpperByte(s_[p]); }

  Cap CapAt(size_t p) const {
    int len;
    const uint32_t cp = Decode(s_, p, end_, &len);
    if (IsUpperCaseLetter(static_cast<int32_t>(cp))) return Cap::kUpper;
    if (IsLowerCaseLetter(static_cast<int32_t>(cp))) return Cap::kLower;
    return Cap::kOther;
  }

  void Set(RawTok* t, size_t start, size_t end, Kind kind, Cap cap) {
    t->start = int32_t(start);
    t->end = int32_t(end);
    t->kind = kind;
    t->cap = cap;
    pos_ = end;
  }

  // Length of a clitic ('s 're 've 'll 'd 'm, without the apostrophe) starting at p and
  // followed by a word boundary; 0 if there is none.
  size_t CliticAt(size_t p) const {
    if (p >= end_) return 0;
    const u8 a = u8(s_[p] | 0x20);
    size_t n = 0;
    if (a == 's' || a == 'd' || a == 'm') {
      n = 1;
    } else if (p + 1 < end_) {
      const u8 b2 = u8(s_[p + 1] | 0x20);
      if ((a == 'r' && b2 == 'e') || (a == 'v' && b2 == 'e') || (a == 'l' && b2 == 'l')) n = 2;
    }
    if (n == 0 || AlnumAt(p + n)) return 0;
    return n;
  }

  void Lex(RawTok* t, bool at_line_start) {
    const size_t p = pos_;
    const u8 b = s_[p];
    if (b < 0x80) {
      const uint8_t c = kAscii[b];
      if (c == kLetter || c == kDigit) {
        if (c == kDigit && at_line_start && ListMarker(t, p)) return;
        if (b == 'h' || b == 'w') {
          if (Url(t, p)) return;
        }
        Word(t, p);
        return;
      }
      AsciiPunct(t, p, b);
      return;
    }
    int len;
    const uint32_t cp = Decode(s_, p, end_, &len);
    const Cls c = ClassifyCp(cp);
    if (c == kLetter || c == kDigit) {
      Word(t, p);
      return;
    }
    Kind kind = Kind::kPunct;
    switch (cp) {
      case 0x2026:  // …
        kind = Kind::kEllipsis;
        break;
      case 0x3002:
      case 0xFF01:
      case 0xFF1F:
      case 0x061F:
      case 0x06D4:
      case 0x203C:
      case 0x2047:
      case 0x2048:
      case 0x2049:
      case 0x0589:
      case 0x0964:
      case 0x0965:
      case 0x1362:
        kind = Kind::kStop;
        break;
      case 0x2019:  // ’ : a clitic after a word ("U.S.’s"), else a closing quote
        if (p > begin_ && s_[p - 1] == '.') {
          if (size_t n = CliticAt(p + len)) {
            Set(t, p, p + len + n, Kind::kClitic, Cap::kOther);
            return;
          }
        }
        kind = Kind::kCloseQuote;
        break;
      case 0x201D:
      case 0x00BB:
      case 0x203A:
        kind = Kind::kCloseQuote;
        break;
      case 0xFF09:
      case 0x300D:
      case 0x300F:
      case 0x3011:
        kind = Kind::kCloseBracket;
        break;
      default:
        break;
    }
    Set(t, p, p + len, kind, Cap::kOther);
  }

  // "1." .. "999." followed by a space at the start of a line.
  bool ListMarker(RawTok* t, size_t p) {
    size_t q = p;
    while (q < end_ && q - p < 4 && IsDigitByte(s_[q])) ++q;
    if (q - p > 3 || q >= end_ || s_[q] != '.' || q + 1 >= size_ ||
        (s_[q + 1] != ' ' && s_[q + 1] != '\t')) {
      return false;
    }
    Set(t, p, q + 1, Kind::kListMarker, Cap::kOther);
    return true;
  }

  // A URL is one token up to the next whitespace, less trailing sentence punctuation.
  bool Url(RawTok* t, size_t p) {
    std::string_view rest(reinterpret_cast<const char*>(s_ + p), end_ - p);
    if (!(rest.starts_with("http://") || rest.starts_with("https://") ||
          rest.starts_with("www."))) {
      return false;
    }
    size_t q = p;
    bool paren = false;
    while (q < end_) {
      const u8 b = s_[q];
      if (b < 0x80) {
        if (kAscii[b] == kSpace || kAscii[b] == kNewline || b == '"' || b == '<' || b == '>') break;
        if (b == '(') paren = true;
        ++q;
        continue;
      }
      int len;
      if (ClassifyCp(Decode(s_, q, end_, &len)) != kLetter) break;
      q += len;
    }
    while (q > p + 4) {
      const u8 b = s_[q - 1];
      if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '\'' ||
          b == ']' || b == '}' || (b == ')' && !paren)) {
        --q;
      } else {
        break;
      }
    }
    Set(t, p, q, Kind::kWord, Cap::kLower);
    return true;
  }

  // What a period right after the word [piece, p) makes of it (piece: after the last hyphen).
  Kind AbbrevKind(size_t word_start, size_t piece, size_t p) const {
    std::string_view w(reinterpret_cast<const char*>(s_ + piece), p - piece);
    switch (LookupAbbrev(w)) {
      case AbbrevType::kTitle:
        return Kind::kTitle;
      case AbbrevType::kEnder:
        return Kind::kAbbrev;
      case AbbrevType::kNumberSign:
        // "No. 5": only before a number, else "no." is the word "no" ending a sentence.
        return (p + 2 < size_ && s_[p + 1] == ' ' && IsDigitByte(s_[p + 2])) ? Kind::kTitle
                                                                             : Kind::kWord;
      case AbbrevType::kNone:
        break;
    }
    // Dotted acronyms: letter runs of one or two, dot-separated (U.S, U.N, a.m, Ph.D).
    if (w.size() >= 3 && w.find('.') != std::string_view::npos) {
      size_t run = 0;
      bool ok = true;
      for (char ch : w) {
        const u8 c = u8(ch);
        if (c == '.') {
          if (run == 0) ok = false;
          run = 0;
        } else if (c < 0x80 && kAscii[c] == kLetter && run < 2) {
          ++run;
        } else {
          ok = false;
        }
        if (!ok) break;
      }
      if (ok && run > 0) return Kind::kAbbrev;
    }
    // A single capital letter is an initial ("George W. Bush").
    if (piece == word_start && !w.empty()) {
      int len;
      const uint32_t cp = Decode(s_, piece, p, &len);
      if (size_t(len) == w.size() && IsUpperCaseLetter(static_cast<int32_t>(cp)))
        return Kind::kAbbrev;
    }
    return Kind::kWord;
  }

  void Word(RawTok* t, size_t p) {
    const size_t ws = p;
    size_t piece = p;  // start of the current hyphen-separated piece
    size_t seg = p;    // start of the current dot-separated segment
    const bool starts_digit = IsDigitByte(s_[p]);
    const Cap cap = CapAt(p);
    Kind kind = Kind::kWord;
    for (;;) {
      while (p < end_) {
        const u8 b = s_[p];
        size_t apos_len = 0;
        if (b < 0x80) {
          const uint8_t c = kAscii[b];
          if (c == kLetter || c == kDigit) {
            ++p;
            continue;
          }
          if (b == '-') {  // anti-government, open-air, F-16
            if (!AlnumAt(p + 1)) break;
            piece = seg = ++p;
            continue;
          }
          if (b == '.') {
            // Inner dots (U.S, 3.67, bbc.co.uk), but not a missing space after a sentence
            // ("said.The") — a word of three or more before a capital.
            if (!AlnumAt(p + 1) || (p - seg >= 3 && UpperByteAt(p + 1))) break;
            seg = ++p;
            continue;
          }
          if (b == ',') {  // thousands: 1,200 and 12,500,000
            if (starts_digit && IsDigitByte(s_[p - 1]) && DigitAt(p + 1) && DigitAt(p + 2) &&
                DigitAt(p + 3) && !DigitAt(p + 4)) {
              ++p;
              continue;
            }
            break;
          }
          if (b == ':') {  // times: 10:30
            if (starts_digit && IsDigitByte(s_[p - 1]) && DigitAt(p + 1)) {
              ++p;
              continue;
            }
            break;
          }
          if (b == '&') {  // AT&T, S&P
            if (IsUpperByte(s_[p - 1]) && UpperByteAt(p + 1)) {
              ++p;
              continue;
            }
            break;
          }
          if (b != '\'') break;
          apos_len = 1;
        } else {
          int len;
          const uint32_t cp = Decode(s_, p, end_, &len);
          const Cls c = ClassifyCp(cp);
          if (c == kLetter || c == kDigit) {
            p += len;
            continue;
          }
          if (cp == 0x2010 || cp == 0x2011) {  // Unicode hyphens inside a word
            if (!AlnumAt(p + len)) break;
            p += len;
            piece = seg = p;
            continue;
          }
          if (cp != 0x2019) break;
          apos_len = size_t(len);
        }
        // An apostrophe at p: a clitic splits off, an inner one (O'Neill) stays.
        const size_t r = p + apos_len;
        if (p - 1 > ws && (s_[p - 1] | 0x20) == 'n' && r < end_ && (s_[r] | 0x20) == 't' &&
            !AlnumAt(r + 1)) {
          // don't -> do n't (Penn Treebank); "n't" on its own stays whole.
          Set(t, ws, p - 1, Kind::kWord, cap);
          pending_ = RawTok{int32_t(p - 1), int32_t(r + 1), Kind::kClitic, Cap::kOther, 0, false};
          has_pending_ = true;
          pos_ = r + 1;
          return;
        }
        if (size_t n = CliticAt(r)) {
          Set(t, ws, p, Kind::kWord, cap);
          pending_ = RawTok{int32_t(p), int32_t(r + n), Kind::kClitic, Cap::kOther, 0, false};
          has_pending_ = true;
          pos_ = r + n;
          return;
        }
        if (!AlnumAt(r)) break;
        p = r;
      }
      // A period after the word: part of it if the word is an abbreviation (not before
      // another period, which makes an ellipsis).
      if (p < end_ && s_[p] == '.' && !(p + 1 < end_ && s_[p + 1] == '.')) {
        const Kind k = AbbrevKind(ws, piece, p);
        if (k != Kind::kWord) {
          ++p;
          kind = k;
          if (p + 1 < end_ && s_[p] == '-' && AlnumAt(p + 1)) {  // U.S.-led, Lt.-Gen
            piece = seg = ++p;
            kind = Kind::kWord;
            continue;
          }
        }
      }
      break;
    }
    Set(t, ws, p, kind, cap);
  }

  void AsciiPunct(RawTok* t, size_t p, u8 b) {
    size_t q = p + 1;
    Kind kind = Kind::kPunct;
    switch (b) {
      case '.':
        while (q < end_ && s_[q] == '.') ++q;
        // "...." is an ellipsis that ends a sentence; ".." and "..." usually do not.
        kind = (q - p == 1 || q - p >= 4) ? Kind::kStop : Kind::kEllipsis;
        break;
      case '!':
      case '?':
        while (q < end_ && (s_[q] == '!' || s_[q] == '?')) ++q;
        kind = Kind::kStop;
        break;
      case '-':
        while (q < end_ && s_[q] == '-') ++q;  // "--" is a dash
        break;
      case '`':
        if (q < end_ && s_[q] == '`') ++q;
        break;
      case '\'':
        if (q < end_ && s_[q] == '\'') {
          ++q;
          kind = Kind::kCloseQuote;
          break;
        }
        // A clitic after an abbreviation's period ("U.S.'s"); elsewhere a quote.
        if (p > begin_ && s_[p - 1] == '.') {
          if (size_t n = CliticAt(q)) {
            q += n;
            kind = Kind::kClitic;
            break;
          }
        }
        kind = Kind::kCloseQuote;
        break;
      case '"':
        kind = Kind::kCloseQuote;
        break;
      case ')':
      case ']':
      case '}':
        kind = Kind::kCloseBracket;
        break;
      default:
        break;
    }
    Set(t, p, q, kind, Cap::kOther);
  }

  const u8* s_;
  size_t size_;  // of the whole text
  size_t begin_;
  size_t pos_;
  size_t end_;
  bool line_start_ = true;
  bool has_pending_ = false;
  RawTok pending_;
};

std::vector<Token> MakeTokens(std::string_view text, const std::vector<RawTok>& toks) {
  std::vector<Token> out;
  out.reserve(toks.size());
  for (const RawTok& t : toks) {
    Token& k = out.emplace_back();
    k.start = t.start;
    k.end = t.end;
    k.text.assign(text.data() + t.start, size_t(t.end - t.start));
  }
  return out;
}

size_t ClampedSize(std::string_view text) {
  return std::min(text.size(), size_t(INT32_MAX));
}

// ---------------------------------------------------------------------------------------
// Sentence splitter

// What the tokens so far say about a sentence end right after them.
enum class Term : uint8_t {
  kNone,
  kStop,   // . ! ? (possibly followed by closing quotes/brackets)
  kSoft,   // after an abbreviation or an ellipsis: ends only before a sentence opener
  kTitle,  // after "Mr." and the like: never ends within a line
};

class Splitter {
 public:
  explicit Splitter(std::string_view text)
      : text_(text.substr(0, ClampedSize(text))),
        s_(reinterpret_cast<const u8*>(text_.data())),
        lexer_(text_, 0, text_.size()) {}

  std::vector<Sentence> Run() {
    std::vector<Sentence> out;
    // News sentences average well over 100 bytes; reserving for that avoids regrowing the
    // result (capped: untouched reservations of huge texts cost address space only).
    out.reserve(std::min<size_t>(text_.size() / 128 + 1, size_t{1} << 20));
    // The current sentence's tokens are gathered as plain spans and turned into Tokens once
    // the sentence is complete: one exact allocation per sentence instead of regrowing a
    // vector of strings.
    std::vector<RawTok> cur;
    Term term = Term::kNone;
    RawTok t;
    while (Take(&t)) {
      cur.push_back(t);
      CountLineWords(t);
      term = NextTerm(term, t);
      const RawTok* nx = Peek(0);
      if (nx == nullptr) break;
      // Closing quotes and brackets right after a stop belong to the sentence it ends.
      if (term != Term::kNone && !nx->space &&
          (nx->kind == Kind::kCloseQuote || nx->kind == Kind::kCloseBracket)) {
        continue;
      }
      if (Ends(t, term, *nx)) {
        out.push_back(MakeSentence(cur));
        cur.clear();
        term = Term::kNone;
      }
    }
    if (!cur.empty()) out.push_back(MakeSentence(cur));
    return out;
  }

 private:
  Sentence MakeSentence(const std::vector<RawTok>& toks) const {
    Sentence s;
    s.start = toks.front().start;
    s.end = toks.back().end;
    s.tokens = MakeTokens(text_, toks);
    return s;
  }

  std::string_view Text(const RawTok& t) const {
    return text_.substr(size_t(t.start), size_t(t.end - t.start));
  }

  // Keeps count of the words on the current line, to recognise headlines.
  void CountLineWords(const RawTok& t) {
    if (t.breaks > 0 && seen_token_) {
      first_line_ = false;
      line_words_ = line_caps_ = 0;
    }
    seen_token_ = true;
    if (t.kind == Kind::kWord) {
      ++line_words_;
      if (t.cap == Cap::kUpper) ++line_caps_;
    }
  }

  // The current line reads as a headline: the text's first line (its title), or a line in
  // title case. Such a line ends its sentence even inside text that looks hard-wrapped.
  bool HeadlineLike() const {
    return first_line_ || (line_words_ >= 3 && line_caps_ * 10 >= line_words_ * 7);
  }

  const RawTok* Peek(int k) {
    while (n_ <= k) {
      if (!lexer_.Next(&buf_[n_])) return nullptr;
      ++n_;
    }
    return &buf_[k];
  }
  bool Take(RawTok* t) {
    if (Peek(0) == nullptr) return false;
    *t = buf_[0];
    for (int i = 1; i < n_; ++i) buf_[i - 1] = buf_[i];
    --n_;
    return true;
  }

  static Term NextTerm(Term prev, const RawTok& t) {
    switch (t.kind) {
      case Kind::kStop:
        return Term::kStop;
      case Kind::kEllipsis:
      case Kind::kAbbrev:
        return Term::kSoft;
      case Kind::kTitle:
        return Term::kTitle;
      case Kind::kCloseQuote:
        // `U.S."` and `...”` close a quotation: that ends the sentence as firmly as a stop.
        if (prev != Term::kNone && !t.space) return Term::kStop;
        return Term::kNone;
      case Kind::kCloseBracket:
        // "(in the U.S.) President" goes on; keep what came before the bracket.
        if (!t.space) return prev;
        return Term::kNone;
      default:
        return Term::kNone;
    }
  }

  bool IsStarter(const RawTok& t) const {
    return t.kind == Kind::kWord && t.cap == Cap::kUpper && SortedContains(kStarters, Text(t));
  }

  // The next token shows the sentence goes on: a lower-case word, or punctuation that never
  // opens a sentence.
  bool GoesOn(const RawTok& nx) const {
    if (nx.cap == Cap::kLower) return true;
    switch (nx.kind) {
      case Kind::kStop:
      case Kind::kEllipsis:
      case Kind::kCloseBracket:
      case Kind::kClitic:
        return true;
      case Kind::kPunct: {
        const std::string_view x = Text(nx);
        return x == "," || x == ";" || x == ":" || x == "%" || x == "\xD8\x8C" /* ، */;
      }
      default:
        return false;
    }
  }

  // `nx` opens a line with a list item: "- ", "* ", "• ", "1. ", "1) ".
  bool IsListItem(const RawTok& nx) {
    if (nx.kind == Kind::kListMarker) return true;
    const std::string_view x = Text(nx);
    const RawTok* after = Peek(1);
    if (after == nullptr) return false;
    if (x == "-" || x == "*" || x == "\xE2\x80\xA2" /* • */ || x == "\xE2\x80\xA3" /* ‣ */ ||
        x == "\xE2\x97\xA6" /* ◦ */ || x == "\xE2\x96\xAA" /* ▪ */ || x == "\xC2\xB7" /* · */) {
      return after->space && after->breaks == 0;
    }
    if (nx.kind == Kind::kWord && x.size() <= 3 && IsDigitByte(u8(x[0])) &&
        std::all_of(x.begin(), x.end(), [](char c) { return IsDigitByte(u8(c)); })) {
      return !after->space && Text(*after) == ")";
    }
    return false;
  }

  // `nx` opens a byline: "By" and a capitalised name.
  bool IsByline(const RawTok& nx) {
    if (Text(nx) != "By") return false;
    const RawTok* after = Peek(1);
    return after != nullptr && after->cap == Cap::kUpper && after->breaks == 0;
  }

  // The line ending in `t` visibly continues: it ends in a comma, an opening bracket, a dash
  // or a function word.
  bool LineEndGoesOn(const RawTok& t) const {
    const std::string_view x = Text(t);
    if (t.kind == Kind::kWord) return t.cap == Cap::kLower && SortedContains(kContinuers, x);
    return x == "," || x == ";" || x == ":" || x == "(" || x == "[" || x == "{" || x == "-" ||
           x == "--" || x == "&" || x == "/" || x == "\xE2\x80\x93" /* – */ ||
           x == "\xE2\x80\x94" /* — */ || x == "\xE2\x80\x9C" /* “ */ ||
           x == "\xE2\x80\x98" /* ‘ */ || x == "\xC2\xAB" /* « */;
  }

  // Decides whether the sentence ends after `t`, given what the tokens so far say (`term`)
  // and the token after it.
  bool Ends(const RawTok& t, Term term, const RawTok& nx) {
    if (nx.breaks >= 2) return true;  // a blank line always ends a sentence
    if (nx.breaks == 1) {
      if (IsListItem(nx) || IsByline(nx)) return true;
      switch (term) {
        case Term::kStop:
          return !GoesOn(nx);
        case Term::kSoft:
          // "U.S." at the end of a line ends the sentence unless the next line carries on.
          if (GoesOn(nx)) return false;
          if (IsStarter(nx)) return true;
          return HeadlineLike() || !WrappedLine(t, nx);
        case Term::kTitle:
          return false;
        case Term::kNone:
          // A line without final punctuation is a headline or byline, unless it is prose
          // wrapped onto the next line.
          if (GoesOn(nx) || LineEndGoesOn(t)) return false;
          return HeadlineLike() || !WrappedLine(t, nx);
      }
      return true;
    }
    switch (term) {
      case Term::kStop:
        return !GoesOn(nx);
      case Term::kSoft:
        return IsStarter(nx);
      default:
        return false;
    }
  }

  // True if the line ending at `t` was broken by a text wrapper: its paragraph looks
  // hard-wrapped and the next line's first word would not have fitted on it. Such a break
  // says nothing about the sentence.
  bool WrappedLine(const RawTok& t, const RawTok& nx) {
    const size_t line_end = size_t(t.end);
    if (!(block_valid_ && line_end >= block_start_ && line_end < block_end_)) {
      ComputeBlock(line_end);
    }
    if (!block_wrapped_) return false;
    size_t line_start = line_end;
    while (line_start > block_start_ && s_[line_start - 1] != '\n') --line_start;
    const size_t len = line_end - line_start;
    return IsFull(len, FirstWordLen(size_t(nx.start)), block_width_);
  }

  static bool IsFull(size_t len, size_t next_word, size_t width) {
    return len + 1 + next_word > width && len * 10 >= width * 6;
  }

  size_t FirstWordLen(size_t p) const {
    size_t q = p;
    while (q < text_.size() && s_[q] != ' ' && s_[q] != '\t' && s_[q] != '\n' && s_[q] != '\r') {
      ++q;
    }
    return q - p;
  }

  // Whether the line [a, b) holds only ASCII whitespace.
  bool BlankLine(size_t a, size_t b) const {
    for (size_t i = a; i < b; ++i) {
      const u8 c = s_[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
    }
    return true;
  }

  // Finds the paragraph (lines between blank lines) around `pos` and decides whether it is
  // hard-wrapped: several of its lines are "full" (the next line's first word would not have
  // fitted within the longest line's width) and some line goes on in lower case. A title,
  // byline and dateline stacked on single lines fail that test, so they stay separate.
  void ComputeBlock(size_t pos) {
    const size_t n = text_.size();
    size_t ls = pos;
    while (ls > 0 && s_[ls - 1] != '\n') --ls;
    size_t bs = ls;  // walk back over non-blank lines
    while (bs > 0) {
      size_t prev = bs - 1;  // the '\n' ending the previous line
      size_t ps = prev;
      while (ps > 0 && s_[ps - 1] != '\n') --ps;
      if (BlankLine(ps, prev)) break;
      bs = ps;
    }
    size_t be = ls;  // walk forward to the first blank line
    while (be < n) {
      const void* nlp = std::memchr(s_ + be, '\n', n - be);
      const size_t le = nlp ? size_t(static_cast<const u8*>(nlp) - s_) : n;
      if (be != ls && BlankLine(be, le)) break;
      be = le < n ? le + 1 : n;
    }
    block_valid_ = true;
    block_start_ = bs;
    block_end_ = std::max(be, pos + 1);
    block_wrapped_ = false;
    // Line lengths (trimmed) and the first word of each next line.
    size_t width = 0, lines = 0;
    for (size_t a = bs; a < be;) {
      const void* nlp = std::memchr(s_ + a, '\n', be - a);
      const size_t le = nlp ? size_t(static_cast<const u8*>(nlp) - s_) : be;
      width = std::max(width, TrimmedLen(a, le));
      ++lines;
      a = le + 1;
    }
    block_width_ = width;
    if (lines < 3 || width > 250) return;
    size_t full = 0, non_last = 0, lower_next = 0;
    for (size_t a = bs; a < be;) {
      const void* nlp = std::memchr(s_ + a, '\n', be - a);
      if (nlp == nullptr) break;
      const size_t le = size_t(static_cast<const u8*>(nlp) - s_);
      size_t next = le + 1;
      while (next < be && (s_[next] == ' ' || s_[next] == '\t')) ++next;
      if (next >= be || s_[next] == '\n' || s_[next] == '\r') break;  // last line
      ++non_last;
      if (IsFull(TrimmedLen(a, le), FirstWordLen(next), width)) ++full;
      if (s_[next] >= 'a' && s_[next] <= 'z') ++lower_next;
      a = le + 1;
    }
    block_wrapped_ = full >= 2 && 2 * full >= non_last && lower_next >= 1;
  }

  size_t TrimmedLen(size_t a, size_t b) const {
    while (b > a && (s_[b - 1] == ' ' || s_[b - 1] == '\t' || s_[b - 1] == '\r')) --b;
    return b - a;
  }

  std::string_view text_;
  const u8* s_;
  Lexer lexer_;
  RawTok buf_[3];
  int n_ = 0;
  bool seen_token_ = false;
  bool first_line_ = true;
  int line_words_ = 0, line_caps_ = 0;
  bool block_valid_ = false;
  bool block_wrapped_ = false;
  size_t block_start_ = 0, block_end_ = 0, block_width_ = 0;
};

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text) {
  return Splitter(text).Run();
}

std::vector<Token> Tokenize(std::string_view text, int32_t start, int32_t end) {
  const size_t n = ClampedSize(text);
  const size_t b = size_t(std::clamp<int64_t>(start, 0, int64_t(n)));
  const size_t e = size_t(std::clamp<int64_t>(end, 0, int64_t(n)));
  if (b >= e) return {};
  Lexer lexer(text.substr(0, n), b, e);
  // Spans first, Tokens at their exact count. The temporary is reserved generously (news
  // averages over five bytes a token) so that it rarely regrows; what is never written is
  // never touched.
  std::vector<RawTok> toks;
  toks.reserve((e - b) / 4 + 16);
  RawTok t;
  while (lexer.Next(&t)) toks.push_back(t);
  return MakeTokens(text, toks);
}

}  // namespace parley

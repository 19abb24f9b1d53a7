// The query lexer: query text to tokens, each with its byte range and line/column.
//
// Words are not classified here: keywords are case-insensitive and most of them may also be
// names (a property `n.count`, a label `:Match`), so the parser decides what a word is from
// where it stands. Punctuation comes out one character at a time except for the few
// operators that are never two tokens in the grammar (<=, >=, <>, =~, ..); arrows such as
// `-->` and `<-[` are left to the parser, which must tell `(a)<-[...]` from `a < -1`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"
#include "util/status.h"

namespace parley::query {

enum class TokenKind {
  kEnd,         // end of input; always the last token
  kWord,        // an unquoted identifier or keyword (text as written)
  kQuotedName,  // a `back-quoted` identifier (text unquoted), never a keyword
  kInteger,     // decimal, 0x hex or 0o octal; see int_value / int_overflow
  kFloat,       // see float_value
  kString,      // '...' or "..."; text is the decoded value
  kParameter,   // $name or $0; text is the name
  kPunct,       // text is the symbol: ( ) [ ] { } , . : | = < > + - * / % ^ ; <= >= <> =~ ..
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  SourcePos pos;  // the first byte
  int end = 0;    // the byte offset just past the token
  // kInteger: the magnitude (a literal's sign is a separate `-` token). A literal above
  // UINT64_MAX sets int_overflow; whether it fits int64 is the parser's call, since
  // -9223372036854775808 is valid.
  uint64_t int_value = 0;
  bool int_overflow = false;
  double float_value = 0;  // kFloat
};

// Splits `text` into tokens, skipping white space and comments; the last token is kEnd.
// Errors (unterminated strings or comments, bad escapes, malformed numbers, stray
// characters) come back from QueryError.
Status Tokenize(std::string_view text, std::vector<Token>* tokens);

}  // namespace parley::query

#include "query/lexer.h"

#include <charconv>
#include <system_error>

#include "query/query_error.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace parley::query {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// Bytes of non-ASCII characters count as letters, so that names may be written in any
// script; the text is checked as UTF-8 elsewhere, if at all.
bool IsWordStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsWordChar(char c) {
  return IsWordStart(c) || IsDigit(c);
}

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Status Run(std::vector<Token>* tokens) {
    tokens->clear();
    for (;;) {
      PARLEY_RETURN_IF_ERROR(SkipSpaceAndComments());
      Token tok;
      tok.pos = PosAt(i_);
      if (i_ >= text_.size()) {
        tok.kind = TokenKind::kEnd;
        tok.end = static_cast<int>(i_);
        tokens->push_back(std::move(tok));
        return Status::OK();
      }
      PARLEY_RETURN_IF_ERROR(LexToken(&tok));
      tok.end = static_cast<int>(i_);
      tokens->push_back(std::move(tok));
    }
  }

 private:
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  // The position of `offset`, which never moves backwards between calls, so that the whole
  // text is walked once (PositionOf from the start for every token would be quadratic).
  SourcePos PosAt(size_t offset) {
    cursor_ = Advance(text_, cursor_, static_cast<int>(offset));
    return cursor_;
  }

  Status Error(size_t offset, std::string_view message) {
    return QueryError(text_, PosAt(offset), message);
  }

  Status SkipSpaceAndComments() {
    while (i_ < text_.size()) {
      char c = text_[i_];
      if (IsSpace(c)) {
        ++i_;
      } else if (c == '/' && At(i_ + 1) == '/') {
        while (i_ < text_.size() && text_[i_] != '\n') ++i_;
      } else if (c == '/' && At(i_ + 1) == '*') {
        size_t close = text_.find("*/", i_ + 2);
        if (close == std::string_view::npos) return Error(i_, "Unterminated comment");
        i_ = close + 2;
      } else {
        break;
      }
    }
    return Status::OK();
  }

  Status LexToken(Token* tok) {
    char c = text_[i_];
    if (IsWordStart(c)) {
      size_t start = i_;
      while (i_ < text_.size() && IsWordChar(text_[i_])) ++i_;
      tok->kind = TokenKind::kWord;
      tok->text = std::string(text_.substr(start, i_ - start));
      return Status::OK();
    }
    if (c == '`') {
      tok->kind = TokenKind::kQuotedName;
      return LexQuotedName(&tok->text);
    }
    if (IsDigit(c) || (c == '.' && IsDigit(At(i_ + 1)))) return LexNumber(tok);
    if (c == '\'' || c == '"') {
      tok->kind = TokenKind::kString;
      return LexString(&tok->text);
    }
    if (c == '$') return LexParameter(tok);
    tok->kind = TokenKind::kPunct;
    static constexpr std::string_view kTwoChar[] = {"<=", ">=", "<>", "=~", ".."};
    for (std::string_view op : kTwoChar) {
      if (text_.substr(i_, 2) == op) {
        tok->text = std::string(op);
        i_ += 2;
        return Status::OK();
      }
    }
    static constexpr std::string_view kOneChar = "()[]{},.:|=<>+-*/%^;";
    if (kOneChar.find(c) != std::string_view::npos) {
      tok->text = std::string(1, c);
      ++i_;
      return Status::OK();
    }
    return Error(i_, "Invalid input '" + DisplayChar(i_) + "'");
  }

  // The (possibly multi-byte) character at `offset`, for messages.
  std::string DisplayChar(size_t offset) const {
    size_t n = 1;
    while (offset + n < text_.size() && n < 4 && !IsLeadByte(text_[offset + n])) ++n;
    unsigned char c = static_cast<unsigned char>(text_[offset]);
    if (c < 0x20 || c == 0x7f)
      return "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) +
             std::string(1, "0123456789abcdef"[c & 15]);
    return std::string(text_.substr(offset, n));
  }

  // `name`, where a doubled back-quote stands for one.
  Status LexQuotedName(std::string* out) {
    size_t start = i_++;
    for (;;) {
      if (i_ >= text_.size()) return Error(start, "Unterminated quoted name");
      if (text_[i_] == '`') {
        if (At(i_ + 1) == '`') {
          out->push_back('`');
          i_ += 2;
          continue;
        }
        ++i_;
        break;
      }
      out->push_back(text_[i_++]);
    }
    if (out->empty()) return Error(start, "Empty quoted name");
    return Status::OK();
  }

  Status LexParameter(Token* tok) {
    size_t start = i_++;
    tok->kind = TokenKind::kParameter;
    if (At(i_) == '`') return LexQuotedName(&tok->text);
    if (IsWordChar(At(i_))) {
      size_t begin = i_;
      while (i_ < text_.size() && IsWordChar(text_[i_])) ++i_;
      tok->text = std::string(text_.substr(begin, i_ - begin));
      return Status::OK();
    }
    return Error(start, "Invalid input '$': expected a parameter name");
  }

  Status LexNumber(Token* tok) {
    size_t start = i_;
    if (text_[i_] == '0' &&
        (At(i_ + 1) == 'x' || At(i_ + 1) == 'X' || At(i_ + 1) == 'o' || At(i_ + 1) == 'O')) {
      bool hex = At(i_ + 1) == 'x' || At(i_ + 1) == 'X';
      int base = hex ? 16 : 8;
      i_ += 2;
      size_t digits = i_;
      uint64_t value = 0;
      bool overflow = false;
      while (i_ < text_.size() &&
             (hex ? IsHexDigit(text_[i_]) : (text_[i_] >= '0' && text_[i_] <= '7'))) {
        uint64_t d = static_cast<uint64_t>(HexValue(text_[i_]));
        if (value > (UINT64_MAX - d) / static_cast<uint64_t>(base)) overflow = true;
        value = value * static_cast<uint64_t>(base) + d;
        ++i_;
      }
      if (i_ == digits || IsWordChar(At(i_))) {
        return Error(start, hex ? "Invalid hexadecimal integer" : "Invalid octal integer");
      }
      tok->kind = TokenKind::kInteger;
      tok->int_value = value;
      tok->int_overflow = overflow;
      return Status::OK();
    }
    bool is_float = false;
    while (IsDigit(At(i_))) ++i_;
    // `1..3` is a range, not the float `1.` followed by `.3`: a fraction needs a digit.
    if (At(i_) == '.' && IsDigit(At(i_ + 1))) {
      is_float = true;
      ++i_;
      while (IsDigit(At(i_))) ++i_;
    }
    if (At(i_) == 'e' || At(i_) == 'E') {
      size_t e = i_ + 1;
      if (At(e) == '+' || At(e) == '-') ++e;
      if (!IsDigit(At(e))) return Error(start, "Invalid number: the exponent has no digits");
      is_float = true;
      i_ = e;
      while (IsDigit(At(i_))) ++i_;
    }
    if (IsWordChar(At(i_))) return Error(start, "Invalid number");
    std::string_view digits = text_.substr(start, i_ - start);
    if (is_float) {
      // from_chars does not take a leading '.', so `.5` is read as `0.5`.
      std::string s = digits[0] == '.' ? "0" + std::string(digits) : std::string(digits);
      double v = 0;
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec == std::errc::result_out_of_range) {
        // Underflow to zero is harmless; overflow is an error in Cypher.
        bool tiny = s.find_first_of("123456789") == std::string::npos ||
                    s.find("e-") != std::string::npos || s.find("E-") != std::string::npos;
        if (!tiny) return Error(start, "Floating point number is too large");
        v = 0;
      } else if (ec != std::errc() || ptr != s.data() + s.size()) {
        return Error(start, "Invalid number");
      }
      tok->kind = TokenKind::kFloat;
      tok->float_value = v;
      return Status::OK();
    }
    uint64_t value = 0;
    bool overflow = false;
    for (char d : digits) {
      uint64_t digit = static_cast<uint64_t>(d - '0');
      if (value > (UINT64_MAX - digit) / 10) overflow = true;
      value = value * 10 + digit;
    }
    tok->kind = TokenKind::kInteger;
    tok->int_value = value;
    tok->int_overflow = overflow;
    return Status::OK();
  }

  Status LexString(std::string* out) {
    size_t start = i_;
    char quote = text_[i_++];
    for (;;) {
      if (i_ >= text_.size()) return Error(start, "Unterminated string");
      char c = text_[i_];
      if (c == quote) {
        ++i_;
        return Status::OK();
      }
      if (c != '\\') {
        out->push_back(c);
        ++i_;
        continue;
      }
      size_t escape = i_;
      char e = At(i_ + 1);
      i_ += 2;
      switch (e) {
        case '\\':
          out->push_back('\\');
          break;
        case '\'':
          out->push_back('\'');
          break;
        case '"':
          out->push_back('"');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'u':
        case 'U': {
          uint32_t cp = 0;
          PARLEY_RETURN_IF_ERROR(ReadHex(escape, e == 'u' ? 4 : 8, &cp));
          if (e == 'u' && cp >= 0xd800 && cp <= 0xdbff && At(i_) == '\\' && At(i_ + 1) == 'u') {
            // A UTF-16 surrogate pair written as two escapes.
            size_t second = i_;
            i_ += 2;
            uint32_t low = 0;
            PARLEY_RETURN_IF_ERROR(ReadHex(second, 4, &low));
            if (low < 0xdc00 || low > 0xdfff) return Error(second, "Invalid surrogate pair");
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          }
          if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
            return Error(escape, "Invalid Unicode code point in escape");
          }
          AppendUtf8(static_cast<char32_t>(cp), out);
          break;
        }
        default:
          if (escape + 1 >= text_.size()) return Error(start, "Unterminated string");
          return Error(escape, "Invalid escape sequence '\\" + DisplayChar(escape + 1) + "'");
      }
    }
  }

  // `n` hex digits at i_ (after a \u or \U that starts at `escape`).
  Status ReadHex(size_t escape, int n, uint32_t* out) {
    uint32_t v = 0;
    for (int k = 0; k < n; ++k) {
      if (!IsHexDigit(At(i_))) return Error(escape, "Invalid Unicode escape: expected hex digits");
      v = v * 16 + static_cast<uint32_t>(HexValue(text_[i_]));
      ++i_;
    }
    *out = v;
    return Status::OK();
  }

  std::string_view text_;
  size_t i_ = 0;
  SourcePos cursor_;
};

}  // namespace

Status Tokenize(std::string_view text, std::vector<Token>* tokens) {
  return Lexer(text).Run(tokens);
}

}  // namespace parley::query

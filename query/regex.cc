#include "query/regex.h"

#include <re2/re2.h>

namespace parley::query {
namespace {

// Patterns kept at once: enough for any query's literal patterns; a pattern that changes from
// row to row (a =~ b.pattern) empties the cache now and then instead of growing it.
constexpr size_t kMaxCached = 64;

// Why RE2 refused `pattern`, in the user's terms where a Java-regex habit is the cause.
std::string Explain(const re2::RE2& re) {
  const std::string& arg = re.error_arg();
  std::string why = re.error();
  switch (re.error_code()) {
    case re2::RE2::ErrorBadEscape:
      if (arg.size() == 2 && arg[1] >= '1' && arg[1] <= '9') {
        return why + " (backreferences are not supported)";
      }
      break;
    case re2::RE2::ErrorMissingParen:
    case re2::RE2::ErrorBadPerlOp:
    case re2::RE2::ErrorBadNamedCapture:
      if (arg.starts_with("(?=") || arg.starts_with("(?!") || arg.starts_with("(?<=") ||
          arg.starts_with("(?<!")) {
        return why + " (lookahead and lookbehind are not supported)";
      }
      break;
    case re2::RE2::ErrorRepeatOp:
      if (arg.size() >= 2 && arg.back() == '+') {
        return why + " (possessive quantifiers are not supported)";
      }
      break;
    default:
      break;
  }
  return why;
}

// `pattern` with Java's named groups, (?<name>...), spelled as RE2 reads them, (?P<name>...);
// escapes and character classes are copied as they are.
std::string ToRe2Syntax(const std::string& pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      // A ']' right after '[' or '[^' is a member, not the end of the class.
      out += c;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    } else if (pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() &&
               pattern[i + 3] != '=' && pattern[i + 3] != '!') {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

RegexCache::RegexCache() = default;
RegexCache::~RegexCache() = default;

Status RegexCache::FullMatch(const std::string& pattern, std::string_view text, bool* matches) {
  auto it = compiled_.find(pattern);
  if (it == compiled_.end()) {
    re2::RE2::Options options;
    options.set_log_errors(false);  // errors come back as a Status, not on stderr
    auto re = std::make_unique<re2::RE2>(ToRe2Syntax(pattern), options);
    if (!re->ok()) {
      return Status::InvalidInput("Invalid regular expression '" + pattern + "': " + Explain(*re));
    }
    if (compiled_.size() >= kMaxCached) compiled_.clear();
    it = compiled_.emplace(pattern, std::move(re)).first;
  }
  *matches = re2::RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *it->second);
  return Status::OK();
}

}  // namespace parley::query

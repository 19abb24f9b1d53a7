// The =~ operator's regular expressions, through RE2: matching takes time linear in the text
// whatever the pattern (no backtracking, no recursion on the text), so a hostile pattern or a
// long string cannot hang or crash a query.
//
// The dialect is RE2's, close to Java's (which openCypher names): the whole string must match,
// (?i) (?s) (?m) flags, character classes, \d \w \s, \p{L}, non-greedy quantifiers, named
// groups written either way, (?<name>...) as in Java or (?P<name>...). What RE2 cannot do in
// linear time (backreferences \1, lookahead and lookbehind, possessive quantifiers) is refused
// with an error naming the pattern.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/status.h"

namespace re2 {
class RE2;
}

namespace parley::query {

// Compiled patterns of one query, each compiled once however many rows use it.
class RegexCache {
 public:
  RegexCache();
  ~RegexCache();
  RegexCache(const RegexCache&) = delete;
  RegexCache& operator=(const RegexCache&) = delete;

  // Sets *matches to whether all of `text` matches `pattern`. An invalid or unsupported
  // pattern is an InvalidInput error whose message quotes it and says why.
  Status FullMatch(const std::string& pattern, std::string_view text, bool* matches);

 private:
  std::unordered_map<std::string, std::unique_ptr<re2::RE2>> compiled_;
};

}  // namespace parley::query

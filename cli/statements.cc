#include "cli/statements.h"

#include <cctype>

namespace parley::cli {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Calls `on_semicolon(i)` for each statement-ending ';' of `text`.
template <typename Fn>
void ScanSemicolons(std::string_view text, Fn&& on_semicolon) {
  char quote = 0;  // ' " or ` while inside one
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\' && quote != '`') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (c == ';') {
      on_semicolon(i);
    }
  }
}

}  // namespace

std::vector<std::string> SplitStatements(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  auto add = [&](size_t end) {
    std::string s = Trim(text.substr(start, end - start));
    if (!s.empty()) out.push_back(std::move(s));
  };
  ScanSemicolons(text, [&](size_t i) {
    add(i);
    start = i + 1;
  });
  add(text.size());
  return out;
}

bool EndsStatement(std::string_view text) {
  size_t last = std::string_view::npos;
  ScanSemicolons(text, [&](size_t i) { last = i; });
  if (last == std::string_view::npos) return false;
  return Trim(text.substr(last + 1)).empty();
}

}  // namespace parley::cli

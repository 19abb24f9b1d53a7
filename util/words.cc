#include "util/words.h"

#include <cctype>

#include "util/utf8.h"

namespace parley {

bool IsWordCharacter(int32_t cp) {
  if (cp == kNotUtf8) return false;
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp <= 0xbf || cp == 0xd7 || cp == 0xf7) return false;
  if (cp >= 0x2000 && cp <= 0x2bff) return false;
  if (cp >= 0x3000 && cp <= 0x303f) return false;
  if (cp >= 0xfe30 && cp <= 0xfe4f) return false;
  return cp != 0xfeff;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0, start = std::string_view::npos;
  while (i < text.size()) {
    size_t at = i;
    bool word = IsWordCharacter(NextCodePoint(text, &i));
    if (word && start == std::string_view::npos) start = at;
    if (!word && start != std::string_view::npos) {
      words.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) words.push_back(text.substr(start));
  return words;
}

std::string TrimWord(std::string_view word) {
  size_t begin = std::string_view::npos, end = 0, i = 0;
  while (i < word.size()) {
    size_t at = i;
    if (IsWordCharacter(NextCodePoint(word, &i))) {
      if (begin == std::string_view::npos) begin = at;
      end = i;
    }
  }
  if (begin == std::string_view::npos) return std::string(word);
  std::string_view w = word.substr(begin, end - begin);
  for (std::string_view s : {"'s", "\u2019s"}) {
    if (w.size() > s.size() && w.substr(w.size() - s.size()) == s) w.remove_suffix(s.size());
  }
  return std::string(w);
}

}  // namespace parley

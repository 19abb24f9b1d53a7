#include "util/strings.h"

#include <cctype>

namespace parley {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Slug(std::string_view s, char separator) {
  std::string out;
  bool pending = false;
  for (unsigned char c : s) {
    bool alnum =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (alnum) {
      if (pending && !out.empty()) out.push_back(separator);
      pending = false;
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (c != '.' && c != '\'') {
      pending = true;
    }
  }
  return out;
}

std::vector<std::string> LowerWords(std::string_view text, std::string_view joiners) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && joiners.find(cur.back()) != std::string_view::npos) cur.pop_back();
    if (!cur.empty()) words.push_back(Lower(cur));
    cur.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 ||
        (!cur.empty() && joiners.find(c) != std::string_view::npos)) {
      cur.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace parley

#include "core/strings.h"

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
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
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

}  // namespace parley

#include "util/json_text.h"

#include <cstdio>

namespace parley {

std::string EscapeTerminalControls(std::string text) {
  if (text.find('\x7f') == std::string::npos && text.find('\xc2') == std::string::npos) {
    return text;
  }
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0x7f || (c == 0xc2 && next >= 0x80 && next <= 0x9f)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c == 0x7f ? c : next);
      out += buf;
      if (c == 0xc2) ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace parley

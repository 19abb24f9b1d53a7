#include "util/utf8.h"

#include <utf8proc.h>

namespace parley {
namespace {

// `s` with `map` applied to each character.
template <typename Map>
std::string MapChars(std::string_view s, Map&& map) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    int32_t cp = NextCodePoint(s, &i);
    if (cp == kNotUtf8) {
      out += s[at];
    } else {
      AppendUtf8(static_cast<char32_t>(map(cp)), &out);
    }
  }
  return out;
}

}  // namespace

int32_t NextMultiByteCodePoint(std::string_view s, size_t* i) {
  utf8proc_int32_t cp = kNotUtf8;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + *i),
                                        static_cast<utf8proc_ssize_t>(s.size() - *i), &cp);
  if (n <= 0) {
    ++*i;
    return kNotUtf8;
  }
  *i += static_cast<size_t>(n);
  return cp;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += IsLeadByte(c);
  return n;
}

std::vector<std::string_view> Characters(std::string_view s) {
  std::vector<std::string_view> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    NextCodePoint(s, &i);
    out.push_back(s.substr(at, i - at));
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    if (NextCodePoint(s, &i) == kNotUtf8) {
      if (bad_offset) *bad_offset = at;
      return false;
    }
  }
  return true;
}

std::string ToLowerUtf8(std::string_view s) {
  return MapChars(s, utf8proc_tolower);
}

std::string ToUpperUtf8(std::string_view s) {
  return MapChars(s, utf8proc_toupper);
}

bool IsUpperCaseLetter(int32_t cp) {
  if (cp < 0) return false;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLowerCaseLetter(int32_t cp) {
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

}  // namespace parley

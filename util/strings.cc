#include "util/strings.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace parley {

namespace {

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  return TrimRight(TrimLeft(s));
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ShortestDouble(double d) {
  // Without a precision, to_chars gives the shortest digits that read back exactly; in the
  // general format, laid out as %g would lay them out.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general);
  return std::string(buf, res.ptr);
}

void ShortestDigits(double d, std::string* digits, int* exponent) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);  // e.g. "1.2345e+02"
  size_t e_pos = sci.find('e');
  digits->clear();
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') *digits += c;
  }
  *exponent = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
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
      out.push_back(static_cast<char>(c));
    } else if (c != '.' && c != '\'') {
      pending = true;
    }
  }
  return Lower(out);
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

// Small string helpers shared across the pipeline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley {

// `s` with ASCII letters lower-cased (other bytes, UTF-8 included, unchanged): for keywords,
// names of options and dictionary keys, which are matched on ASCII case alone. Case over all
// of Unicode: ToLowerUtf8 (util/utf8.h).
std::string Lower(std::string_view s);
// `s` with ASCII letters upper-cased, as Lower.
std::string Upper(std::string_view s);
// True if `a` and `b` are equal but for the case of ASCII letters.
bool EqualsIgnoringCase(std::string_view a, std::string_view b);

// True for the ASCII white space: space, tab, line breaks, vertical tab, form feed.
bool IsSpace(char c);

// `s` without the white space (space, tab, line breaks, vertical tab, form feed) at its ends;
// TrimLeft and TrimRight at one end only.
std::string_view Trim(std::string_view s);
std::string_view TrimLeft(std::string_view s);
std::string_view TrimRight(std::string_view s);

// One CSV field (RFC 4180): `s` as it is, or in double quotes with inner quotes doubled when
// it holds a comma, a quote or a line break.
std::string CsvField(std::string_view s);

// The shortest decimal form that reads back as exactly `d`, laid out as printf's %g ("0.1",
// "3", "1e+20", "nan", "inf").
std::string ShortestDouble(double d);

// The shortest decimal digits that read back as exactly `d` (finite, not zero), without sign
// or point, and the power of ten of the first: 2.675 gives "2675" and 0.
void ShortestDigits(double d, std::string* digits, int* exponent);

// A slug for ids and keys: letters and digits lower-cased (other UTF-8 kept), every other run
// of characters a single `separator`; apostrophes and periods vanish ("U.S." -> "us",
// "Ali Khamenei" -> "ali_khamenei" with '_').
std::string Slug(std::string_view s, char separator);

// The words of `text`, lower-cased: runs of ASCII letters and digits and of non-ASCII bytes
// (UTF-8 letters). A character of `joiners` continues a word it does not start ("don't",
// "cease-fire" with joiners "'-") and is dropped from a word's end.
std::vector<std::string> LowerWords(std::string_view text, std::string_view joiners = "");

}  // namespace parley

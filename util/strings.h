// Small string helpers shared across the pipeline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley {

// `s` with ASCII letters lower-cased (other bytes, UTF-8 included, unchanged).
std::string Lower(std::string_view s);

// A slug for ids and keys: letters and digits lower-cased (other UTF-8 kept), every other run
// of characters a single `separator`; apostrophes and periods vanish ("U.S." -> "us",
// "Ali Khamenei" -> "ali_khamenei" with '_').
std::string Slug(std::string_view s, char separator);

// The words of `text`, lower-cased: runs of ASCII letters and digits and of non-ASCII bytes
// (UTF-8 letters). A character of `joiners` continues a word it does not start ("don't",
// "cease-fire" with joiners "'-") and is dropped from a word's end.
std::vector<std::string> LowerWords(std::string_view text, std::string_view joiners = "");

}  // namespace parley

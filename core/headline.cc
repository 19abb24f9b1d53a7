#include "core/headline.h"

#include "core/name_finder.h"
#include "core/segmenter.h"

namespace parley {
namespace {

bool AsciiUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
char ToLower(char c) {
  return AsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// Words of a closed class (articles, prepositions, conjunctions, pronouns, auxiliaries), which
// WordNet does not hold but a title capitalises all the same.
bool FunctionWord(std::string_view word) {
  static const char* const kWords[] = {
      "a",       "an",     "the",     "of",     "in",      "on",      "at",     "to",      "for",
      "from",    "by",     "with",    "over",   "under",   "after",   "before", "as",      "into",
      "onto",    "amid",   "against", "about",  "and",     "or",      "but",    "nor",     "is",
      "are",     "was",    "were",    "be",     "been",    "has",     "have",   "had",     "will",
      "would",   "can",    "could",   "may",    "might",   "shall",   "should", "must",    "not",
      "his",     "her",    "its",     "their",  "our",     "he",      "she",    "it",      "they",
      "we",      "who",    "that",    "this",   "these",   "those",   "than",   "up",      "down",
      "out",     "off",    "via",     "if",     "so",      "amongst", "among",  "without", "within",
      "between", "during", "despite", "toward", "towards", "upon"};
  std::string lower;
  for (char c : word) lower += ToLower(c);
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

}  // namespace

std::string HeadlineSentence(std::string_view title,
                             const std::vector<std::pair<int32_t, int32_t>>& names) {
  std::string out(title);
  std::vector<Token> tokens = Tokenize(title, 0, static_cast<int32_t>(title.size()));
  bool capitals = AllCaps(tokens);
  if (capitals || TitleCase(tokens)) {
    auto in_name = [&names](const Token& t) {
      for (const auto& [b, e] : names) {
        if (t.start >= b && t.end <= e) return true;
      }
      return false;
    };
    bool first = true;
    for (const Token& t : tokens) {
      if (t.text.empty() || !std::isalpha(static_cast<unsigned char>(t.text[0]))) continue;
      bool keep_first = first;
      first = false;
      bool name = in_name(t);
      bool lower_all = false, lower_first = false;
      if (capitals) {
        // Every letter after the first is lowered, and the first too for a common word;
        // a short name in capitals is an acronym ("US", "UN") and stays.
        if (name && t.text.size() <= 3) continue;
        lower_all = true;
        lower_first = !name && !keep_first && (FunctionWord(t.text) || CommonWord(t.text));
      } else {
        // Title case: a common word loses its capital; names, acronyms and mixed-case words
        // ("McCain", "iPhone") keep theirs.
        if (name || keep_first || !AsciiUpper(t.text[0]) || Acronym(t.text)) continue;
        lower_first = FunctionWord(t.text) || CommonWord(t.text);
      }
      for (int32_t i = t.start; i < t.end; ++i) {
        if (i == t.start ? lower_first : lower_all) out[i] = ToLower(out[i]);
      }
    }
  }
  size_t last = out.find_last_not_of(" \t\r\n\"'");
  if (last == std::string::npos || (out[last] != '.' && out[last] != '!' && out[last] != '?'))
    out += '.';
  return out;
}

}  // namespace parley

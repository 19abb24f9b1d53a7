#include "graph/event_key.h"

#include <cstdint>

#include "core/lemmatizer.h"
#include "core/wordnet.h"
#include "util/strings.h"
#include "util/words.h"

namespace parley {
namespace {

// A word's lemma: as a verb if WordNet knows that reading ("lifted" -> "lift"), else as a noun
// ("sanctions" -> "sanction").
std::string LemmaOf(const std::string& word) {
  const Lemmatizer& lem = Lemmatizer::Get();
  std::string verb = lem.Lemma(word, WordClass::kVerb);
  if (lem.Knows(verb, WordClass::kVerb)) return verb;
  return lem.Lemma(word, WordClass::kNoun);
}

}  // namespace

EventKeys::Rules EventKeys::Current() {
  Rules r;
  r.stopwords = {"a",     "an",      "the",   "its",   "their", "his",         "her",      "our",
                 "your",  "my",      "this",  "that",  "these", "those",       "it",       "they",
                 "them",  "he",      "she",   "we",    "you",   "i",           "to",       "of",
                 "for",   "on",      "in",    "at",    "by",    "with",        "from",     "into",
                 "over",  "about",   "and",   "or",    "but",   "be",          "is",       "are",
                 "was",   "were",    "been",  "being", "must",  "should",      "would",    "will",
                 "shall", "can",     "could", "may",   "might", "not",         "no",       "any",
                 "all",   "some",    "more",  "most",  "also",  "immediately", "urgently", "fully",
                 "first", "further", "again", "now",   "do",    "does",        "did",      "have",
                 "has",   "had",     "up",    "out",   "so",    "as",          "than",     "then",
                 "there", "which",   "who",   "whom",  "what"};
  r.head_lemmas = {{"dead", "die"}};
  r.period_length = 7;
  r.version = 2;
  r.said_types = {"demand", "appeal"};
  return r;
}

std::string EventKeys::HeadLemma(const std::string& word) const {
  std::string head = TrimWord(word);
  if (auto it = rules_.head_lemmas.find(Lower(head)); it != rules_.head_lemmas.end()) {
    return it->second;
  }
  const Lemmatizer& lem = Lemmatizer::Get();
  std::string noun = lem.Lemma(head, WordClass::kNoun);
  std::string verb = lem.Lemma(head, WordClass::kVerb);
  if (lem.Knows(verb, WordClass::kVerb)) return verb;
  verb = WordNet::Get().VerbOf(noun);
  return verb.empty() ? noun : verb;
}

std::string EventKeys::Signature(const Event& e) const {
  std::vector<std::string> lemmas;
  for (const std::string& w : LowerWords(e.content, "'-")) {
    if (rules_.stopwords.count(w)) continue;
    // The head is read so that "the withdrawal of troops" and "withdraw the troops" share it.
    lemmas.push_back(lemmas.empty() ? HeadLemma(w) : LemmaOf(w));
    if (lemmas.size() == 2) break;
  }
  std::string first = lemmas.empty() ? "" : lemmas[0];
  std::string second;
  for (const PolicyRef& p : e.policies) {
    second = !p.id.empty() ? p.id : Slug(p.name, '-');
    if (!second.empty()) break;
  }
  if (second.empty() && lemmas.size() > 1) second = lemmas[1];
  return first + "|" + second;
}

std::string EventKeys::Period(std::string_view date) const {
  size_t len = rules_.period_length;
  return date.size() >= len ? std::string(date.substr(0, len)) : "";
}

std::string EventKeys::Key(const Event& e, std::string_view source, std::string_view target,
                           std::string_view date) const {
  std::string head = e.type + "|" + (e.negated ? "not" : "") + "|" + std::string(source) + "|" +
                     std::string(target) + "|";
  if (rules_.said_types.empty() || rules_.said_types.count(e.type))
    return head + Signature(e) + "|" + Period(date);
  // The day it happened: as the text dates it (a month or a year where that is all it says),
  // else the article's day.
  std::string_view day =
      !e.event_date.empty() ? std::string_view(e.event_date) : date.substr(0, 10);
  return head + "|" + std::string(day);
}

std::string EventKeys::OccurrenceKey(const Occurrence& o, std::string_view date) const {
  std::string_view day =
      !o.event_date.empty() ? std::string_view(o.event_date) : date.substr(0, 10);
  return "occurrence|" + o.what + "|" + o.country + "|" + std::string(day);
}

}  // namespace parley

// Reading an event's status (asserted, conditional, hypothetical, future, reported_past) off
// the words of its sentence: see core/event_status.h.
#include "core/event_status.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "util/strings.h"

namespace parley {
namespace {

struct Tok {
  std::string text;   // as written
  std::string lower;  // lower case
};

// Words (letters, digits, apostrophes, inner hyphens and periods) and the punctuation that
// separates clauses, in order.
std::vector<Tok> Tokens(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c) || c == '\'') {
      size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '\'' ||
                              ((s[j] == '-' || s[j] == '.') && j + 1 < s.size() &&
                               std::isalnum(static_cast<unsigned char>(s[j + 1])))))
        ++j;
      std::string w(s.substr(i, j - i));
      out.push_back({w, Lower(w)});
      i = j;
    } else if (c == ',' || c == ';' || c == ':' || c == '?' || c == '(' || c == ')') {
      out.push_back({std::string(1, s[i]), std::string(1, s[i])});
      ++i;
    } else if (s.compare(i, 3, "\u2014") == 0 || s.compare(i, 3, "\u2013") == 0 ||
               s.compare(i, 2, "--") == 0) {
      out.push_back({"--", "--"});
      i += s[i] == '-' ? 2 : 3;
    } else {
      ++i;
    }
  }
  return out;
}

bool Has(const std::vector<Tok>& t, std::initializer_list<const char*> phrase) {
  size_t n = phrase.size();
  for (size_t i = 0; i + n <= t.size(); ++i) {
    size_t k = 0;
    for (const char* w : phrase) {
      if (t[i + k].lower != w) break;
      ++k;
    }
    if (k == n) return true;
  }
  return false;
}

bool HasAny(const std::vector<Tok>& t, const std::set<std::string>& words) {
  return std::any_of(t.begin(), t.end(), [&](const Tok& x) { return words.count(x.lower) > 0; });
}

// The words after the last one that opens another clause than the event's: a subordinator
// ("after", "because", "but"), a semicolon, a colon or a dash; with `commas`, a comma too.
std::vector<Tok> ClauseLead(const std::vector<Tok>& lead, bool commas) {
  static const std::set<std::string> kOpeners = {
      "after", "before", "because",  "since",  "when",    "whenever", "while",
      "but",   "as",     "although", "though", "whereas", "once",     "until",
      ";",     ":",      "--",       "?",      "(",       ")",        "and"};
  size_t from = 0;
  for (size_t i = 0; i < lead.size(); ++i) {
    if (kOpeners.count(lead[i].lower) || (commas && lead[i].lower == ",")) from = i + 1;
  }
  return std::vector<Tok>(lead.begin() + static_cast<long>(from), lead.end());
}

// The words before the first one that opens another clause (as ClauseLead, commas too).
std::vector<Tok> ClauseTail(const std::vector<Tok>& tail) {
  static const std::set<std::string> kOpeners = {
      "after",    "before", "because", "since", "when",  "whenever", "while", "but",  "as",
      "although", "though", "whereas", "once",  "until", "which",    "who",   "that", ";",
      ":",        "--",     "?",       "(",     ")",     "and",      ",",     "if",   "unless"};
  size_t to = 0;
  while (to < tail.size() && !kOpeners.count(tail[to].lower)) ++to;
  return std::vector<Tok>(tail.begin(), tail.begin() + static_cast<long>(to));
}

// A condition opener: "if" or "unless", not in "asked if", "even if", "as if", "whether".
bool HasCondition(const std::vector<Tok>& t) {
  static const std::set<std::string> kNotCondition = {"asked", "ask",  "asks",   "even",    "as",
                                                      "see",   "know", "wonder", "wondered"};
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].lower != "if" && t[i].lower != "unless") continue;
    if (i > 0 && kNotCondition.count(t[i - 1].lower)) continue;
    return true;
  }
  return false;
}

// A hypothetical or future modal among `t`; "May" written so is the month.
std::string ModalIn(const std::vector<Tok>& t) {
  static const std::set<std::string> kModals = {"would", "could", "might", "may",
                                                "will",  "shall", "'ll",   "won't"};
  std::string found;
  for (const Tok& x : t) {
    if (!kModals.count(x.lower) || x.text == "May") continue;
    found = x.lower;
  }
  return found;
}

bool Reported(const std::vector<Tok>& t) {
  static const std::set<std::string> kReporting = {
      "said",     "says",      "say",       "told",      "tells",     "announced",  "announces",
      "warned",   "warns",     "vowed",     "vows",      "pledged",   "pledges",    "promised",
      "promises", "added",     "stated",    "insisted",  "confirmed", "threatened", "threatens",
      "declared", "indicated", "signalled", "signaled",  "agreed",    "agrees",     "decided",
      "decides",  "expects",   "expected",  "predicted", "hopes",     "hoped",      "insists"};
  return HasAny(t, kReporting);
}

bool Future(const std::vector<Tok>& t) {
  for (const char* verb :
       {"plans", "plan", "planned", "planning", "intends", "intend", "intended", "aims", "expected",
        "set", "going", "scheduled", "poised", "preparing", "prepares", "due"}) {
    for (size_t i = 0; i + 2 < t.size() + 1; ++i) {
      if (t[i].lower != verb || i + 1 >= t.size() || t[i + 1].lower != "to") continue;
      // "due to" and "set to" name a cause or a value unless a verb-like word follows
      // ("due to the war", "set to zero").
      if ((t[i].lower == "due" || t[i].lower == "set") &&
          (i + 2 >= t.size() || t[i + 2].lower == "the" || t[i + 2].lower == "a" ||
           std::isdigit(static_cast<unsigned char>(t[i + 2].lower[0]))))
        continue;
      return true;
    }
  }
  return Has(t, {"next", "week"}) || Has(t, {"next", "month"}) || Has(t, {"next", "year"}) ||
         Has(t, {"tomorrow"}) || Has(t, {"later", "this"}) || Has(t, {"in", "the", "coming"});
}

bool Pluperfect(const std::vector<Tok>& t) {
  static const std::set<std::string> kIrregular = {
      "been",  "met",    "sent",   "struck",    "held",    "left",   "made",   "said",   "taken",
      "given", "won",    "lost",   "fought",    "brought", "sought", "told",   "built",  "cut",
      "put",   "set",    "hit",    "shot",      "led",     "kept",   "paid",   "sold",   "begun",
      "done",  "seized", "signed", "withdrawn", "broken",  "spoken", "frozen", "chosen", "thrown"};
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].lower != "had" && t[i].lower != "hadn't") continue;
    size_t j = i + 1;
    if (j < t.size() && (t[j].lower == "not" || t[j].lower == "already" || t[j].lower == "never" ||
                         t[j].lower == "previously" || t[j].lower == "earlier"))
      ++j;
    if (j >= t.size()) continue;
    const std::string& w = t[j].lower;
    if (kIrregular.count(w) || (w.size() > 3 && (w.compare(w.size() - 2, 2, "ed") == 0 ||
                                                 w.compare(w.size() - 2, 2, "en") == 0)))
      return true;
  }
  return false;
}

// A time long before the report: "last year", "years ago", "in 2018" before its year.
bool LongPast(const std::vector<Tok>& t, int report_year) {
  if (Has(t, {"last", "year"}) || Has(t, {"years", "ago"}) || Has(t, {"decades", "ago"}) ||
      Has(t, {"months", "ago"}) || Has(t, {"in", "the", "past"}) || Has(t, {"previously"}) ||
      Has(t, {"a", "year", "ago"}))
    return true;
  if (report_year <= 0) return false;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i].lower != "in" && t[i].lower != "of") continue;
    size_t j = i + 1;
    // "in March 2018"
    if (j + 1 < t.size() && std::isupper(static_cast<unsigned char>(t[j].text[0]))) ++j;
    const std::string& y = t[j].lower;
    if (y.size() == 4 && std::all_of(y.begin(), y.end(), ::isdigit)) {
      int year = std::stoi(y);
      if (year >= 1900 && year < report_year) return true;
    }
  }
  return false;
}

}  // namespace

std::string ReadEventStatus(std::string_view doc, int64_t sentence_start, int64_t sentence_end,
                            const Event& e, std::string_view report_date) {
  // A demand read off a condition ("talks are possible only if Y ...") is made, not supposed.
  if (e.modality == "conditional") return "asserted";
  int64_t size = static_cast<int64_t>(doc.size());
  sentence_start = std::clamp<int64_t>(sentence_start, 0, size);
  sentence_end = std::clamp<int64_t>(sentence_end, sentence_start, size);
  int64_t start = std::clamp<int64_t>(e.start, sentence_start, sentence_end);
  int64_t end = std::clamp<int64_t>(e.end, start, sentence_end);
  std::vector<Tok> lead = Tokens(doc.substr(sentence_start, start - sentence_start));
  std::vector<Tok> span = Tokens(doc.substr(start, end - start));
  // The rest of the event's clause after its span: time phrases trail it ("... last year").
  std::vector<Tok> tail = Tokens(doc.substr(end, sentence_end - end));
  tail = ClauseTail(tail);
  std::vector<Tok> clause_lead = ClauseLead(lead, false);
  std::vector<Tok> time_lead = ClauseLead(lead, true);
  std::string root = e.cameo.substr(0, 2);
  bool demand_like = root == "02" || root == "10";

  // Conditional: a sentence opening "If X ..., Y ..." (after any dateline), or a condition
  // opener among the clauses governing the event.
  for (size_t i = 0; i < lead.size(); ++i) {
    if (lead[i].lower != "if" && lead[i].lower != "unless") continue;
    if (i == 0 || lead[i - 1].lower == "--") return "conditional";
    break;
  }
  if (HasCondition(clause_lead)) return "conditional";

  std::string own = e.modality;
  std::string governing = ModalIn(clause_lead);
  bool reported = Reported(lead) || Reported(span);
  // A modal of the event's own clause: "Y could VERB", "Y will VERB", "said Y would VERB".
  if (own == "could" || own == "might" || own == "may") return "hypothetical";
  if (own == "would" && !demand_like) return reported ? "future" : "hypothetical";
  if (own == "will" || own == "shall" || own == "'ll" || own == "won't") return "future";
  // A modal of a clause governing it: "this would involve Y VERB-ing", "X will ask Y to".
  if (governing == "could" || governing == "might" || governing == "may") return "hypothetical";
  if (governing == "would") {
    bool perfect = Has(clause_lead, {"would", "have"});
    return Reported(clause_lead) && !perfect ? "future" : "hypothetical";
  }
  if (!governing.empty()) return "future";
  if (Future(clause_lead) || Future(span) || Future(tail)) return "future";

  int report_year = 0;
  if (report_date.size() >= 4 &&
      std::all_of(report_date.begin(), report_date.begin() + 4, ::isdigit))
    report_year = std::stoi(std::string(report_date.substr(0, 4)));
  // "said Y had VERB-ed" is reported speech in the past tense, the news itself; a pluperfect
  // no reporting verb governs sets the event before the story's time.
  bool pluperfect = !reported && (Pluperfect(time_lead) || Pluperfect(span));
  if (pluperfect || LongPast(time_lead, report_year) || LongPast(span, report_year) ||
      LongPast(tail, report_year))
    return "reported_past";
  return "asserted";
}

}  // namespace parley

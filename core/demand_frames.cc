#include "core/demand_frames.h"

#include <algorithm>
#include <set>

#include "core/lemmatizer.h"
#include "core/noun_classes.h"
#include "util/strings.h"

namespace parley {

// The one list of reporting verbs: the demand frames and the clause events both read it.
bool IsReportingVerb(const std::string& lemma) {
  static const std::set<std::string> kSay = {
      "say",     "tell",      "insist",     "warn",    "add",      "stress",   "argue",
      "declare", "state",     "reiterate",  "write",   "announce", "note",     "maintain",
      "assert",  "emphasize", "emphasise",  "believe", "think",    "tweet",    "claim",
      "repeat",  "underline", "underscore", "contend", "suggest",  "explain",  "acknowledge",
      "admit",   "conclude",  "observe",    "remark",  "reply",    "respond",  "comment",
      "urge",    "caution",   "predict",    "recall",  "agree",    "complain", "feel",
      "post"};
  return kSay.count(lemma) > 0;
}

namespace {

bool In(const std::set<std::string>& set, const std::string& w) {
  return set.count(w) > 0;
}

const std::set<std::string>& Determiners() {
  static const std::set<std::string> k = {
      "the",     "a",    "an",  "this",  "that",    "these", "those", "its",  "their",
      "his",     "her",  "our", "my",    "your",    "'s",    "’s",    "some", "many",
      "several", "both", "all", "other", "another", "one",   "each",  "every"};
  return k;
}

const std::set<std::string>& Pronouns() {
  static const std::set<std::string> k = {"he",   "she",   "they",     "it",     "we",
                                          "i",    "you",   "who",      "which",  "this",
                                          "that", "there", "everyone", "nobody", "none"};
  return k;
}

// Words that sit between a subject and its verb without ending the subject's reach.
const std::set<std::string>& VerbPrefix() {
  static const std::set<std::string> k = {
      "has",        "have",         "had",        "is",         "are",         "was",
      "were",       "will",         "shall",      "also",       "again",       "repeatedly",
      "already",    "afterwards",   "later",      "then",       "now",         "today",
      "yesterday",  "tonight",      "once",       "publicly",   "formally",    "strongly",
      "jointly",    "separately",   "explicitly", "openly",     "further",     "still",
      "even",       "previously",   "earlier",    "recently",   "immediately", "effectively",
      "basically",  "essentially",  "in",         "effect",     "reportedly",  "allegedly",
      "apparently", "consistently", "long",       "been",       "be",          "being",
      "did",        "does",         "do",         "not",        "n't",         "never",
      "just",       "specifically", "directly",   "personally", "privately",   "quietly",
      "loudly",     "angrily",      "urgently",   "firmly",     "officially",  "expressly",
      "reportedly", "simply",       "always",     "constantly", "continually", "frequently",
      "often",      "twice",        "keep",       "keeps",      "kept",        "continue",
      "continues",  "continued",    "last",       "week",       "month",       "year",
      "this",       "on",           "monday",     "tuesday",    "wednesday",   "thursday",
      "friday",     "saturday",     "sunday"};
  return k;
}

// Words after which no subject of a demand verb can begin: the verb is then in a clause of
// its own (a condition, a question, a hypothetical).
const std::set<std::string>& Hypothetical() {
  static const std::set<std::string> k = {"if",    "unless", "whether", "would", "could",
                                          "might", "may",    "should",  "lest"};
  return k;
}

// Words that end a content phrase when they open a new clause.
const std::set<std::string>& ClauseBreaks() {
  static const std::set<std::string> k = {"because", "while",     "whereas",   "although", "though",
                                          "saying",  "adding",    "arguing",   "claiming", "noting",
                                          "warning", "stressing", "insisting", "since"};
  return k;
}

bool IsPunctToken(const std::string& t) {
  for (unsigned char c : t) {
    if (std::isalnum(c) || c >= 0x80) return false;
  }
  return true;
}

bool IsQuoteToken(const std::string& t) {
  return t == "\"" || t == "``" || t == "''" || t == "\u201c" || t == "\u201d" || t == "'";
}

bool Capitalised(const std::string& t) {
  return !t.empty() && std::isupper(static_cast<unsigned char>(t[0]));
}

class FrameReader {
 public:
  FrameReader(const SentenceAnalysis& s, const Lexicon& lex, size_t first_event,
              DiscourseState* state, std::vector<Event>* out)
      : s_(s),
        toks_(s.sentence->tokens),
        lex_(lex),
        first_event_(first_event),
        state_(state),
        out_(out) {
    for (const Token& t : toks_) low_.push_back(Lower(t.text));
  }

  void Run() {
    bool quoted_at_start = state_->in_quote;
    FindAttributions();
    for (size_t k = 0; k < toks_.size(); ++k) {
      if (Covered(k)) continue;
      if (VerbFrame(static_cast<int>(k))) continue;
      if (ObligationFrame(static_cast<int>(k), quoted_at_start)) continue;
      if (TimeFrame(static_cast<int>(k), quoted_at_start)) continue;
      NounFrame(static_cast<int>(k));
    }
    UpdateState();
  }

 private:
  int N() const { return static_cast<int>(toks_.size()); }
  const std::string& L(int i) const {
    static const std::string kEmpty;
    return i >= 0 && i < N() ? low_[i] : kEmpty;
  }

  // True if an event already found in the sentence spans token k.
  bool Covered(size_t k) const {
    for (size_t x = first_event_; x < out_->size(); ++x) {
      const Event& e = (*out_)[x];
      if ((e.type == "demand" || e.type == "appeal") && e.start <= toks_[k].start &&
          toks_[k].start < e.end)
        return true;
    }
    return false;
  }

  // The mention whose text ends with token i (a possessive's owner, a subject's head).
  const ActorMention* MentionEndingAt(int i) const {
    const ActorMention* best = nullptr;
    for (const ActorMention* m : s_.mentions) {
      int32_t m_end = m->apposition_start >= 0 ? m->apposition_start : m->end;
      if ((m->end == toks_[i].end || m_end == toks_[i].end ||
           (m->start <= toks_[i].start && toks_[i].end <= m->end)) &&
          (!best || m->end - m->start > best->end - best->start)) {
        best = m;
      }
    }
    return best;
  }
  // The widest mention inside tokens [first, last].
  const ActorMention* MentionIn(int first, int last) const {
    if (first > last) return nullptr;
    const ActorMention* best = nullptr;
    for (const ActorMention* m : s_.mentions) {
      int32_t m_end = m->apposition_start >= 0 ? m->apposition_start : m->end;
      if (m->start >= toks_[first].start && m_end <= toks_[last].end &&
          (!best || m->end - m->start > best->end - best->start)) {
        best = m;
      }
    }
    return best;
  }

  std::string Text(int first, int last) const {
    if (first > last) return "";
    return std::string(s_.doc.substr(toks_[first].start, toks_[last].end - toks_[first].start));
  }

  Argument FromMention(const ActorMention* m) const {
    return {std::string(s_.doc.substr(m->start, m->end - m->start)), m->actor};
  }

  // A noun phrase ending at token `last`, read backwards: determiners, possessives, names,
  // adjectives and nouns, "of" between nouns; returns its first token or -1.
  int PhraseStart(int last, int floor) const {
    if (last < 0 || last < floor || IsPunctToken(L(last)) || In(Pronouns(), L(last))) return -1;
    if (!IsNominal(last)) return -1;
    int first = last;
    for (int i = last - 1; i >= std::max(floor, last - 10); --i) {
      const std::string& w = L(i);
      if (w == "'s" || w == "’s" ||
          ((w == "'" || w == "’") && i > floor && L(i - 1).back() == 's')) {
        first = i;
        continue;
      }
      if (In(Determiners(), w)) {
        // "that" before another determiner opens a clause ("... that their X"), not a phrase.
        if ((w == "that" || w == "this") &&
            (In(Determiners(), L(i + 1)) || In(Pronouns(), L(i + 1))))
          break;
        first = i;
        if (w == "the" || w == "a" || w == "an") break;
        continue;
      }
      if ((w == "of" || w == "and" || w == "&") && i > floor && IsNominal(i - 1) &&
          !In(VerbPrefix(), L(i - 1))) {
        first = i;
        continue;
      }
      // A hyphen or slash inside a name joins; a dash with spaces round it does not.
      if ((w == "-" || w == "/") && i > 0 && toks_[i].start == toks_[i - 1].end) {
        first = i;
        continue;
      }
      if (IsPunctToken(w) || In(Pronouns(), w) || In(VerbPrefix(), w) || !IsNominal(i)) break;
      first = i;
    }
    while (first < last && (L(first) == "of" || L(first) == "and" || L(first) == "'s")) ++first;
    return first;
  }

  // A word that can be part of a noun phrase: a name, a number, or a noun or adjective that is
  // not only a verb form.
  bool IsNominal(int i) const {
    const std::string& w = L(i);
    const std::string& t = toks_[i].text;
    if (w.empty() || IsPunctToken(w) || In(Determiners(), w) || In(Pronouns(), w)) return false;
    if (Capitalised(t) || std::isdigit(static_cast<unsigned char>(t[0])) ||
        static_cast<unsigned char>(t[0]) >= 0x80)
      return true;
    static const std::set<std::string> kNot = {
        "said", "says", "say",    "told", "that",  "who",   "which",  "to",   "for",
        "on",   "in",   "at",     "by",   "with",  "from",  "as",     "and",  "or",
        "but",  "not",  "n't",    "if",   "when",  "after", "before", "than", "would",
        "will", "must", "should", "can",  "could", "may",   "might",  "also"};
    if (In(kNot, w) || In(VerbPrefix(), w)) return false;
    const Lemmatizer& lem = Lemmatizer::Get();
    std::string noun = lem.Lemma(w, WordClass::kNoun);
    if (lem.Knows(noun, WordClass::kNoun) || lem.Knows(w, WordClass::kAdjective)) {
      // "demanded", "urging": a verb form that is also listed as a noun or adjective is a verb
      // here.
      bool verb_form =
          w.size() > 3 &&
          (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 3, 3, "ing") == 0) &&
          lem.Knows(lem.Lemma(w, WordClass::kVerb), WordClass::kVerb) &&
          !lem.Knows(w, WordClass::kNoun);
      return !verb_form;
    }
    return false;
  }

  // Whether the phrase [first, head] can name someone who speaks or demands: a name (a
  // capitalised word that is not merely the sentence's first word), or a noun for people or a
  // body of them.
  bool IsAgentHead(int head, int first) const {
    const std::string& t = toks_[head].text;
    if (Capitalised(t) && head > 0) return true;
    if (Capitalised(t) && head == 0 &&
        !Lemmatizer::Get().Knows(Lemmatizer::Get().Lemma(L(head), WordClass::kNoun),
                                 WordClass::kNoun)) {
      return true;
    }
    (void)first;
    return IsGroupNoun(head);
  }

  // A phrase one of whose words names a body of people (a body's statement, letter, report).
  bool PhraseHasBody(int first, int last) const {
    for (int i = first; i <= last; ++i) {
      if (IsGroupNoun(i) && !Capitalised(toks_[i].text)) return true;
    }
    return false;
  }

  // Whether the word at k, a form of a verb, is that verb finite here, agreeing with what
  // comes before it: "-ing" only after a form of "be"; the base form only after a plural or
  // pronoun subject, an auxiliary or a modal ("they urge", "did demand"), not after a singular
  // noun, where the same word is a noun (ADJ NOUN: "a formal request").
  bool FiniteVerbHere(int k, const std::string& lemma) const {
    const std::string& w = L(k);
    int j = k - 1;
    while (j >= 0 &&
           (L(j) == "also" || L(j) == "again" || L(j) == "repeatedly" || L(j) == "now" ||
            L(j) == "still" || L(j) == "publicly" || L(j) == "strongly" || L(j) == "jointly" ||
            L(j) == "not" || L(j) == "n't" || L(j) == "never" || L(j) == "already" ||
            L(j) == "basically" || L(j) == "essentially" || L(j) == "effectively")) {
      --j;
    }
    while (j >= 0 && lex_.IsHedge(L(j)) && !In(Hypothetical(), L(j))) --j;
    if (j < 0) return false;
    const std::string& prev = L(j);
    if (In(Determiners(), prev) || prev == "to") return false;
    if (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0) {
      static const std::set<std::string> kBe = {
          "is", "are",  "was",   "were", "been",     "be",        "'s",       "'re",
          "am", "keep", "keeps", "kept", "continue", "continues", "continued"};
      return In(kBe, prev);
    }
    if (w == lemma) {
      static const std::set<std::string> kBefore = {
          "they", "we",     "i",  "you", "do",  "did", "does", "will", "shall",
          "must", "should", "to", "who", "and", "n't", "not",  "also", "cannot"};
      if (In(kBefore, prev)) return true;
      if (IsPunctToken(prev) || In(Pronouns(), prev)) return false;
      // A plural noun subject ("the unions demand").
      return prev.size() > 2 && prev.back() == 's' &&
             Lemmatizer::Get().Lemma(prev, WordClass::kNoun) != prev;
    }
    return true;
  }

  // Who does what the verb at token v says: the subject before it. `negated` is set when a
  // negation stands between the two; `blocked` when the verb is hypothetical or conditional.
  // Returns false if no subject is found.
  bool SubjectBefore(int v, Argument* who, int* subject_first, bool* negated, bool* blocked) const {
    *negated = false;
    *blocked = false;
    if (!coordinated_) coordination_.clear();
    int j = v - 1;
    hedge_.clear();
    while (j >= 0 && ((In(VerbPrefix(), L(j)) && !(L(j) == "that" || L(j) == "this")) ||
                      (lex_.IsHedge(L(j)) && !In(Hypothetical(), L(j))))) {
      if (L(j) == "not" || L(j) == "n't" || L(j) == "never") *negated = true;
      // "X likely wants ...": a hedge is kept as the demand's modality.
      if (lex_.IsHedge(L(j)) && !In(VerbPrefix(), L(j))) hedge_ = L(j);
      // "on Monday", "last week": a time phrase is skipped only as a whole.
      --j;
    }
    if (j >= 0 && In(Hypothetical(), L(j))) {
      *blocked = true;
      return false;
    }
    // ", who urged ...": the relative pronoun's antecedent.
    if (j >= 1 && (L(j) == "who" || L(j) == "which")) {
      j = L(j - 1) == "," ? j - 2 : j - 1;
    }
    // "X, the chairman of Y, urged ...": the name before an apposition.
    if (j >= 1 && L(j) == ",") {
      int k = j - 1;
      while (k >= 0 && L(k) != "," && j - k < 14) --k;
      if (k >= 1 && L(k) == ",") j = k - 1;
    }
    if (j < 0) return false;
    // "X said ... and called on Y ...": a verb phrase coordinated with an earlier one shares
    // the subject of the sentence's main clause.
    if ((L(j) == "and" || L(j) == "but") && j > 0 && !coordinated_) {
      for (int v = 1; v < j; ++v) {
        const Lemmatizer& lem = Lemmatizer::Get();
        std::string vl = lem.Lemma(L(v), WordClass::kVerb);
        if (Capitalised(toks_[v].text) || !lem.Knows(vl, WordClass::kVerb) || IsPunctToken(L(v)) ||
            In(VerbPrefix(), L(v)))
          continue;
        if (L(v) == vl && !FiniteVerbHere(v, vl)) continue;
        // A plural noun before another noun is a compound's first part, not a verb.
        if (L(v) != vl && L(v).back() == 's' && v + 1 < N() && IsNominal(v + 1)) continue;
        if (L(v).size() > 4 && L(v).compare(L(v).size() - 3, 3, "ing") == 0 &&
            !FiniteVerbHere(v, vl))
          continue;
        coordinated_ = true;
        bool n = false, b = false;
        int sf = 0;
        bool ok = SubjectBefore(v, who, &sf, &n, &b);
        coordinated_ = false;
        if (ok) {
          *subject_first = sf;
          return true;
        }
        if (b) return false;
      }
      return false;
    }
    *subject_first = j;
    const ActorMention* at_j = MentionEndingAt(j);
    int mention_first = j;
    while (at_j && mention_first > 0 && toks_[mention_first].start > at_j->start) --mention_first;
    bool coordinated =
        mention_first > 0 && (L(mention_first - 1) == "and" || L(mention_first - 1) == "&");
    if (const ActorMention* m = at_j; m && !coordinated) {
      *who = FromMention(m);
      *subject_first =
          static_cast<int>(std::lower_bound(toks_.begin(), toks_.end(), m->start,
                                            [](const Token& t, int32_t b) { return t.start < b; }) -
                           toks_.begin());
      return true;
    }
    const std::string& w = L(j);
    if (w == "he" || w == "she" || w == "they" || (w == "it" && reporting_subject_)) {
      // A pronoun the mentions did not resolve: the last actor named as a subject.
      if (state_->subject.entity.empty() && state_->subject.text.empty()) return false;
      *who = state_->subject;
      return true;
    }
    if (w == "i" || w == "we") {
      // The speaker of a quotation speaks for the one it is attributed to.
      if (!quote_speaker_.text.empty() || !quote_speaker_.entity.empty()) {
        *who = quote_speaker_;
        return true;
      }
      return false;
    }
    int first = PhraseStart(j, 0);
    if (first < 0) return false;
    // "X and Y", "X, Y and Z": each one a source when each names an actor or an agent.
    std::vector<Argument> parts;
    int part_first = first;
    for (int i = first; i <= j + 1; ++i) {
      if (i <= j && L(i) != "and" && L(i) != ",") continue;
      int a = part_first;
      while (a < i && (L(a) == "both" || L(a) == "and")) ++a;
      if (a < i) {
        Argument one{Text(a, i - 1), ""};
        const ActorMention* m = MentionIn(a, i - 1);
        if (m) one = FromMention(m);
        if (m || IsAgentHead(i - 1, a))
          parts.push_back(one);
        else
          parts.clear(), i = j + 2;
      }
      part_first = i + 1;
    }
    if (parts.size() >= 2) {
      coordination_ = parts;
      *who = parts.front();
      *subject_first = first;
      return true;
    }
    // The subject of a verb that wants someone may name a group in any of its senses.
    if (!IsAgentHead(j, first) && !PhraseHasBody(first, j) &&
        !NounClasses::Get().CanNameAgent(Lemmatizer::Get().Lemma(L(j), WordClass::kNoun))) {
      return false;
    }
    // A phrase after a preposition or an infinitive's "to" is an object, not a subject.
    static const std::set<std::string> kObjectOf = {
        "to",      "of",    "in",     "for",    "with",    "from", "by",
        "on",      "at",    "about",  "into",   "against", "over", "under",
        "between", "among", "within", "across", "than",    "like", "towards"};
    if (first > 0 && In(kObjectOf, L(first - 1))) return false;
    *subject_first = first;
    *who = {Text(first, j), ""};
    if (const ActorMention* m = MentionIn(first, j)) who->entity = m->actor;
    return true;
  }

  // Where a content phrase starting at token `from` ends (exclusive): at punctuation that
  // closes the clause, or a word that opens a new one.
  int ContentEnd(int from) const {
    int i = from;
    for (; i < N(); ++i) {
      const std::string& w = L(i);
      if (w == "," || w == ";" || w == ":" || w == "." || w == "?" || w == "!" || w == "(" ||
          w == "--" || w == "\u2014" || w == "\u2013") {
        break;
      }
      if (IsQuoteToken(toks_[i].text) && i > from && QuoteClosesClause(i)) break;
      if (In(ClauseBreaks(), w) && i > from) break;
      // A dash, "but", a preposition before "what" or a reason ("for" + gerund) closes what is
      // demanded: what follows comments on it.
      if (i > from &&
          (w == "-" || w == "but" || (w == "for" && IsGerund(i + 1)) ||
           (L(i + 1) == "what" && (w == "in" || w == "of" || w == "by" || w == "from")))) {
        break;
      }
      // "... and X said ...": a conjunction before a new subject and reporting verb.
      if ((w == "and" || w == "but") && i + 2 < N() &&
          (MentionEndingAt(i + 1) || L(i + 1) == "he" || L(i + 1) == "she" || L(i + 1) == "they") &&
          IsReportingVerb(Lemmatizer::Get().Lemma(L(i + 2), WordClass::kVerb))) {
        break;
      }
    }
    // Quotation marks and a final period belong to the sentence, not the content.
    while (i > from && (IsQuoteToken(toks_[i - 1].text) || IsPunctToken(L(i - 1)))) --i;
    return i;
  }

  // A quotation mark after which the sentence goes on with an attribution ("...," he said).
  bool QuoteClosesClause(int i) const {
    return i + 1 >= N() || L(i + 1) == "," || L(i + 1) == "." || L(i + 1) == ":";
  }

  // Splits a content phrase [from, end) at "and" before a second verb ("to V1 X and to V2 Y",
  // "V1 X and either V2 or V3 Y"): one demand per verb phrase.
  std::vector<std::pair<int, int>> SplitContent(int from, int end) const {
    std::vector<std::pair<int, int>> parts;
    int start = from;
    const Lemmatizer& lem = Lemmatizer::Get();
    for (int i = from + 2; i + 1 < end; ++i) {
      if (L(i) != "and") continue;
      int next = i + 1;
      while (next < end &&
             (L(next) == "to" || L(next) == "either" || L(next) == "also" || L(next) == "then"))
        ++next;
      if (next >= end) continue;
      const std::string& w = L(next);
      bool base_verb = lem.Knows(w, WordClass::kVerb) && lem.Lemma(w, WordClass::kVerb) == w &&
                       !Capitalised(toks_[next].text);
      bool to = L(i + 1) == "to";
      if (!(to || (base_verb && !lem.Knows(w, WordClass::kNoun)) ||
            (base_verb && L(i + 1) == "either")))
        continue;
      // The first verb of the content must be a verb too, or "A and B" are two nouns.
      int first_word = start;
      while (first_word < i && (L(first_word) == "to" || L(first_word) == "not" ||
                                IsQuoteToken(toks_[first_word].text)))
        ++first_word;
      if (!lem.Knows(L(first_word), WordClass::kVerb) || !IsBaseVerb(first_word)) {
        // A list of things, each opened by a determiner ("a X and a Y", "more X and the Y").
        static const std::set<std::string> kOpen = {"a",       "an",      "the", "more",
                                                    "greater", "further", "new"};
        if (!In(kOpen, L(i + 1)) || !In(kOpen, L(start)) || i - start < 2) continue;
        parts.push_back({start, i});
        start = i + 1;
        continue;
      }
      parts.push_back({start, i});
      start = L(i + 1) == "to" ? i + 2 : i + 1;
    }
    parts.push_back({start, end});
    return parts;
  }

  void Add(const std::string& type, const std::string& cameo, const Argument& source,
           const Argument& target, int content_first, int content_end, int span_first, bool negated,
           double confidence) {
    // Quotation marks around the content are not part of it.
    while (content_first < content_end && IsQuoteToken(toks_[content_first].text)) ++content_first;
    while (content_end > content_first &&
           (IsQuoteToken(toks_[content_end - 1].text) || IsPunctToken(L(content_end - 1))))
      --content_end;
    if (content_first >= content_end) return;
    if (source.text.empty() && source.entity.empty()) return;
    Event ev;
    ev.type = type;
    ev.cameo = cameo;
    ev.source = source;
    if (!(target.entity.empty() && target.text.empty()) &&
        !(target.entity == source.entity && !source.entity.empty())) {
      ev.target = target;
    }
    int32_t cb = toks_[content_first].start, ce = toks_[content_end - 1].end;
    ev.content = std::string(s_.doc.substr(cb, ce - cb));
    if (ev.target.entity.empty() && ev.target.text.empty()) {
      // No one addressed: the actor the content names is the one the demand is made of
      // ("more X from Y", "a role in Y's Z").
      for (const ActorMention* m : s_.mentions) {
        if (m->start >= cb && m->end <= ce && m->actor != source.entity &&
            m->kind != ActorMention::kPronoun) {
          ev.target = FromMention(m);
          break;
        }
      }
    }
    ev.negated = negated;
    ev.modality = hedge_;
    // A hedge between the source and what is demanded ("X likely wants Y ...") is the modality.
    for (int k = std::max(0, span_first); k < content_first && ev.modality.empty(); ++k) {
      if (lex_.IsHedge(L(k))) ev.modality = L(k);
    }
    ev.sentence = s_.index;
    ev.start = std::min(toks_[std::max(0, span_first)].start, cb);
    ev.end = ce;
    ev.quote =
        std::string(s_.doc.substr(s_.sentence->start, s_.sentence->end - s_.sentence->start));
    ev.confidence = confidence;
    const auto found = lex_.FindPolicies(toks_, content_first, content_end - 1);
    std::set<std::string> seen;
    for (const auto& p : found) {
      if (seen.insert(p.policy->id).second) ev.policies.push_back({p.policy->id, p.policy->name});
    }
    // One report, one demand: the same source, content and target found by two frames.
    for (size_t x = first_event_; x < out_->size(); ++x) {
      const Event& o = (*out_)[x];
      bool same_source = ev.source.entity.empty() ? o.source.text == ev.source.text
                                                  : o.source.entity == ev.source.entity;
      if (same_source && o.content == ev.content) return;
    }
    out_->push_back(std::move(ev));
  }

  // One demand for each source of a coordinated subject.
  void AddEach(const std::vector<Argument>& sources, const std::string& type,
               const std::string& cameo, const Argument& source, const Argument& target, int cf,
               int ce, int span_first, bool negated, double confidence) {
    if (sources.size() < 2) {
      Add(type, cameo, source, target, cf, ce, span_first, negated, confidence);
      return;
    }
    for (const Argument& one : sources)
      Add(type, cameo, one, target, cf, ce, span_first, negated, confidence);
  }

  // The target and content after a demand verb's object slot, starting at token p:
  // "TARGET to CONTENT", "TARGET for CONTENT", "that TARGET CONTENT", "for CONTENT", or the
  // object itself as content when the lexicon says the verb's object is what is demanded.
  bool Complement(int p, const PredicateEntry* e, bool takes_for, Argument* target, int* cfirst,
                  int* cend, bool* clause_target) const {
    *clause_target = false;
    while (p < N() && (L(p) == "also" || L(p) == "again" || L(p) == "strongly" ||
                       L(p) == "repeatedly" || L(p) == "publicly" || L(p) == "formally" ||
                       L(p) == "instead" || L(p) == "now" || IsQuoteToken(toks_[p].text))) {
      ++p;
    }
    if (p >= N()) return false;
    const std::string& w = L(p);
    if (w == "against") return false;  // lobbying against something is no demand for it
    static const std::set<std::string> kWh = {"why",   "how", "what",  "whether", "when",
                                              "where", "who", "which", "if"};
    if (In(kWh, w)) return false;  // "asked why ...": a question, not a demand
    if (w == "that" && e->complement) {
      // "demanded that TARGET CONTENT": TARGET is the clause's subject.
      int end = ContentEnd(p + 1);
      if (end <= p + 1) return false;
      int subj_end = -1;
      for (int i = p + 1; i < end; ++i) {
        if (L(i) == "must" || L(i) == "should" || L(i) == "be" || L(i) == "not" ||
            L(i) == "immediately" || (i > p + 1 && IsClauseVerb(i))) {
          subj_end = i - 1;
          break;
        }
      }
      if (subj_end < p + 1) return false;
      // A claim about what is ("insisted that X is ADJ") is no demand.
      static const std::set<std::string> kFinite = {
          "would", "will", "can",  "could", "may", "might", "is", "are", "was", "were",   "has",
          "had",   "did",  "does", "'s",    "do",  "have",  "am", "'re", "'ve", "cannot", "wo"};
      if (In(kFinite, L(subj_end + 1))) return false;
      // An inflected verb ("that X VERB-s") states what is; the subjunctive's
      // base form ("that Y VERB") or a modal states what should be.
      const std::string& v = L(subj_end + 1);
      std::string vl = Lemmatizer::Get().Lemma(v, WordClass::kVerb);
      if (v != vl && v != "must" && v != "should" && v != "not" && v != "immediately") return false;
      const ActorMention* m = MentionIn(p + 1, subj_end);
      *clause_target = true;
      if (m) {
        *target = FromMention(m);
        *cfirst = subj_end + 1;
      } else if (IsGroupNoun(subj_end) || In(Pronouns(), L(p + 1))) {
        *target = {Text(p + 1, subj_end), ""};
        *cfirst = subj_end + 1;
      } else {
        *cfirst = p + 1;  // a thing to be done: the whole clause is what is demanded
      }
      while (*cfirst < end && (L(*cfirst) == "should" || L(*cfirst) == "must")) ++*cfirst;
      *cend = end;
      return *cfirst < *cend;
    }
    bool content_for = std::find(e->content.begin(), e->content.end(), "for") != e->content.end();
    if ((w == "for" && (takes_for || content_for)) || (w == "to" && takes_for)) {
      // "call for CONTENT", "call for TARGET to CONTENT".
      int end = ContentEnd(p + 1);
      if (end <= p + 1) return false;
      for (int i = p + 2; i + 1 < end && i < p + 12; ++i) {
        if (L(i) == "to" && IsBaseVerb(i + 1) && !IsPunctToken(L(i - 1))) {
          const ActorMention* m = MentionIn(p + 1, i - 1);
          if (m && m->start == toks_[p + 1].start) {
            *target = FromMention(m);
            *cfirst = i + 1;
            *cend = end;
            return true;
          }
          break;
        }
      }
      *cfirst = p + 1;
      *cend = end;
      return true;
    }
    if (w == "to") {
      // "wants to go", "asked to be named": a wish of the subject's own.
      return false;
    }
    // An object phrase: "TARGET to CONTENT", "TARGET not to CONTENT", "TARGET for CONTENT".
    int end = ContentEnd(p);
    if (end <= p) return false;
    for (int i = p; i < end && i < p + 14; ++i) {
      int after = i + 1;
      while (after < end && IsQuoteToken(toks_[after].text)) ++after;
      bool to = L(i) == "to" && after < end &&
                (IsBaseVerb(after) || L(after) == "not" || L(after) == "be");
      // "wants X to be PARTICIPLE ...": the object of a passive is part of what is to be done,
      // not whom it is asked of; the whole is the content.
      if (to && L(after) == "be" && after + 1 < end && IsParticiple(after + 1) && i > p) {
        *cfirst = p;
        *cend = end;
        return true;
      }
      bool not_to =
          (L(i) == "not" && L(i + 1) == "to") || (L(i) == "not" && i > p && IsBaseVerb(i + 1));
      // "asked Y for X": only a verb whose object is whom it asks.
      bool object_target =
          std::find(e->target.begin(), e->target.end(), "dobj") != e->target.end() ||
          after_particle_;
      bool for_ = L(i) == "for" && i > p && object_target && !IsGerund(i + 1);
      if (!(to || not_to || for_)) continue;
      if (i == p) return false;
      // Whom something is asked of is someone: a named actor, a name, a noun for people.
      int head = i - 1;
      while (head > p && (IsPunctToken(L(head)) || IsQuoteToken(toks_[head].text))) --head;
      const ActorMention* named = MentionIn(p, head);
      // A named actor heads the object only from its start ("the X", "X"), not from a clause
      // inside it ("evidence that X is ...").
      if (named && !(named->start == toks_[p].start ||
                     (L(p) == "the" && p + 1 < N() && named->start == toks_[p + 1].start))) {
        named = nullptr;
      }
      // Only a verb that takes a complement clause asks its object to do something.
      if (!e->complement) break;
      if (!named && !IsAgentHead(head, p) && !(In(Pronouns(), L(p)) && MentionEndingAt(p))) break;
      *target = {Text(p, i - 1), ""};
      if (const ActorMention* m = MentionIn(p, i - 1)) {
        if (m->start == toks_[p].start ||
            (L(p) == "the" && p + 1 < N() && m->start == toks_[p + 1].start))
          *target = FromMention(m);
      }
      if (In(Pronouns(), L(p)) && i == p + 1) {
        if (const ActorMention* m = MentionEndingAt(p)) *target = FromMention(m);
      }
      *cfirst = not_to ? i : i + (for_ || to ? 1 : 0);
      if (not_to) {
        // "not to CONTENT": the negation is part of what is demanded.
        *cfirst = i;
      }
      *cend = end;
      return *cfirst < *cend;
    }
    // "urged passage of X": the object is the content.
    bool object_content =
        std::find(e->content.begin(), e->content.end(), "dobj") != e->content.end();
    if (!object_content) return false;
    if (!IsNominal(p) && !In(Determiners(), w) && w != "more" && w != "greater") return false;
    // "V Y VERB ...": a clause without "that", its subject a named actor.
    if (e->complement) {
      for (int i = p + 1; i < end && i < p + 10; ++i) {
        if (!IsBaseVerb(i) || !IsNominal(i - 1) || Lemmatizer::Get().Knows(L(i), WordClass::kNoun))
          continue;
        if (const ActorMention* m = MentionIn(p, i - 1)) {
          *target = FromMention(m);
          *clause_target = true;
          *cfirst = i;
          *cend = end;
          return true;
        }
        break;
      }
    }
    // Without a clause, only a verb that takes a complement clause asks something of someone
    // ("demanded X", "urged X"); a verb such as "seek" does only when it names whom it asks
    // ("from Y", "of Y"), else it states the subject's own aim.
    if (!e->complement) {
      bool from = false;
      for (int i = p + 1; i + 1 < end; ++i) {
        if ((L(i) == "from" || L(i) == "of") && MentionIn(i + 1, std::min(end - 1, i + 4)))
          from = true;
      }
      if (!from) return false;
    }
    *cfirst = p;
    *cend = end;
    return true;
  }

  bool IsGerund(int i) const {
    const std::string& w = L(i);
    return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0 &&
           Lemmatizer::Get().Knows(Lemmatizer::Get().Lemma(w, WordClass::kVerb), WordClass::kVerb);
  }

  bool IsBaseVerb(int i) const {
    if (i >= N()) return false;
    const std::string& w = L(i);
    const Lemmatizer& lem = Lemmatizer::Get();
    return lem.Knows(w, WordClass::kVerb) && lem.Lemma(w, WordClass::kVerb) == w;
  }

  // A finite or base verb that can head the clause after a subject ("halt", "lifts", "be").
  bool IsClauseVerb(int i) const {
    const std::string& w = L(i);
    if (Capitalised(toks_[i].text) || IsPunctToken(w)) return false;
    const Lemmatizer& lem = Lemmatizer::Get();
    std::string v = lem.Lemma(w, WordClass::kVerb);
    if (!lem.Knows(v, WordClass::kVerb)) return false;
    // A noun or adjective reading of the word inside a noun phrase ("the arms embargo").
    if (lem.Knows(lem.Lemma(w, WordClass::kNoun), WordClass::kNoun) && i > 0 &&
        (In(Determiners(), L(i - 1)) || IsNominalOnly(i - 1))) {
      return false;
    }
    return true;
  }
  bool IsNominalOnly(int i) const {
    const Lemmatizer& lem = Lemmatizer::Get();
    const std::string& w = L(i);
    return lem.Knows(w, WordClass::kAdjective) &&
           !lem.Knows(lem.Lemma(w, WordClass::kVerb), WordClass::kVerb);
  }

  // "demand", "urge", "call on", "appeal for" ... used as a verb with its subject before it.
  bool VerbFrame(int k) {
    if (k == 0 && N() < 3) return false;
    const Lemmatizer& lem = Lemmatizer::Get();
    const std::string& w = L(k);
    if (w.size() < 3 || (Capitalised(toks_[k].text) && k > 0)) return false;
    std::string lemma = lem.Lemma(w, WordClass::kVerb);
    const PredicateEntry* e = nullptr;
    int p = k + 1;
    bool takes_for = false;
    std::string particle = L(k + 1);
    if (particle == "on" || particle == "upon" || particle == "for") {
      e = lex_.Verb(lemma + " " + particle);
      if (e) {
        takes_for = particle == "for";
        p = takes_for ? k + 1 : k + 2;  // "for" opens the content
      }
    }
    if (!e) e = lex_.Verb(lemma);
    if (!e || (e->type != "demand" && e->type != "appeal")) return false;
    // The word is a verb here: not after a determiner ("the demand", "its call").
    if (!FiniteVerbHere(k, lemma)) return false;
    Argument source;
    int subject_first = k;
    bool negated = false, blocked = false;
    if (!SubjectBefore(k, &source, &subject_first, &negated, &blocked)) return false;
    std::vector<Argument> sources = coordination_;
    // "appeal to TARGET for CONTENT", "appeal to TARGET to CONTENT".
    if (L(p) == "to" && !takes_for && lemma == "appeal") {
      int q = p + 1;
      const ActorMention* m = q < N() ? MentionEndingAt(q) : nullptr;
      if (!m) return false;
      while (q < N() && toks_[q].end < m->end) ++q;
      Argument target = FromMention(m);
      Argument ignored;
      int cf = 0, ce = 0;
      bool ct = false;
      if (!Complement(q + 1, e, true, &ignored, &cf, &ce, &ct)) return false;
      for (auto [a, b] : SplitContent(cf, ce))
        AddEach(sources, e->type, e->cameo, source, target, a, b, subject_first, negated, 0.5);
      return true;
    }
    // "called on TARGET for CONTENT" / "asked TARGET for CONTENT" are read by Complement.
    after_particle_ = p == k + 2;
    Argument target;
    int cf = 0, ce = 0;
    bool clause_target = false;
    if (!Complement(p, e, takes_for, &target, &cf, &ce, &clause_target)) return false;
    // A named actor after "from" in the content is whom it is asked of ("X from Y").
    if (target.text.empty()) {
      for (int i = cf; i + 1 < ce; ++i) {
        if (L(i) == "from" || L(i) == "of") {
          const ActorMention* m = MentionIn(i + 1, ce - 1);
          if (m && m->start == toks_[i + 1].start) target = FromMention(m);
          break;
        }
      }
    }
    for (auto [a, b] : SplitContent(cf, ce))
      AddEach(sources, e->type, e->cameo, source, target, a, b, subject_first, negated, 0.5);
    return true;
  }

  // Length of an obligation cue at token k ("must", "should", "needs to", "has to", "ought
  // to", "had better", "have got to"), 0 if none.
  int ObligationCue(int k) const {
    const std::string& w = L(k);
    if (w == "must" || w == "should") return 1;
    if ((w == "need" || w == "needs" || w == "has" || w == "have" || w == "ought") &&
        L(k + 1) == "to" && IsBaseVerb(k + 2)) {
      // "have to" after "will", "would" is a forecast of duty, still stated as one.
      return 2;
    }
    if (w == "had" && L(k + 1) == "better") return 2;
    return 0;
  }

  // "TARGET must CONTENT" in reported speech.
  bool ObligationFrame(int k, bool quoted_at_start) {
    int len = ObligationCue(k);
    if (len == 0 || k == 0) return false;
    int c = k + len;
    // "should have done", "shouldn't have been": a reproach about the past, not a demand.
    for (int i = c; i < N() && i < c + 6; ++i) {
      if (L(i) == "have") return false;
      if (IsBaseVerb(i) && L(i) != "not") break;
    }
    // The consequence of a condition ("if P, Y should ...") is no demand.
    for (int i = 0; i < k; ++i) {
      if (L(i) == "if" || L(i) == "unless") return false;
    }
    // "Y must, with Z, VERB": the words between commas are not the content.
    if (L(c) == ",") {
      int close = c + 1;
      while (close < N() && L(close) != "," && close < c + 12) ++close;
      if (close >= N() || L(close) != ",") return false;
      c = close + 1;
    }
    bool negated_content = false;
    if (L(c) == "not" || L(c) == "n't") negated_content = true;
    // "Y should VERB1 and should VERB2": the same subject and speaker.
    if ((L(k - 1) == "and" || L(k - 1) == "but") && obligation_found_) {
      int end = ContentEnd(c);
      if (end <= c) return false;
      for (auto [a, b] : SplitContent(c, end))
        Add("demand", "10", obligation_speaker_, obligation_target_, a, b, k - 1, false, 0.45);
      return true;
    }
    // A question ("should they ...?") states no demand.
    if (L(N() - 1) == "?" || (L(k - 1) == "," && k >= 2)) return false;
    // The subject: the phrase before the modal.
    int j = k - 1;
    while (j >= 0 && (L(j) == "also" || L(j) == "now" || L(j) == "still" || L(j) == "really" ||
                      L(j) == "simply" || L(j) == "urgently" || L(j) == "too" || L(j) == "all" ||
                      L(j) == "first")) {
      --j;
    }
    if (j < 0) return false;
    for (int b = std::max(0, j - 4); b <= j; ++b) {
      if (L(b) == "if" || L(b) == "unless" || L(b) == "whether" || L(b) == "why" || L(b) == "how")
        return false;
    }
    Argument target;
    int subject_first = j;
    bool actor_subject = false;
    // "the NOUN with X and Y must ...": actors inside a prepositional phrase do not head the
    // subject; the noun before the preposition does.
    const ActorMention* head_mention = MentionEndingAt(j);
    if (head_mention) {
      int b = j;
      while (b > 0 && (MentionEndingAt(b) || L(b) == "and" || L(b) == "," || L(b) == "the")) --b;
      static const std::set<std::string> kPreps = {"of",    "with",    "in",   "for",  "from",
                                                   "on",    "at",      "by",   "to",   "between",
                                                   "among", "against", "over", "under"};
      if (b < j && In(kPreps, L(b)) && b > 0) {
        head_mention = nullptr;
        j = b - 1;
      }
    }
    if (const ActorMention* m = head_mention) {
      target = FromMention(m);
      actor_subject = true;
      while (subject_first > 0 && toks_[subject_first].start > m->start) --subject_first;
    } else if (L(j) == "i" || L(j) == "it" || L(j) == "there" || L(j) == "this" || L(j) == "that" ||
               L(j) == "which" || L(j) == "what" || L(j) == "one" || L(j) == "you") {
      return false;
    } else if (L(j) == "he" || L(j) == "she" || L(j) == "they") {
      target = {toks_[j].text, ""};
      actor_subject = true;
    } else if (L(j) == "we" || L(j) == "who") {
      // "we must": the speaker's own resolve, not a demand of anyone named.
      return false;
    } else {
      int first = PhraseStart(j, 0);
      if (first < 0) return false;
      subject_first = first;
      target = {Text(first, j), ""};
    }
    for (int b = std::max(0, subject_first - 3); b < subject_first; ++b) {
      if (L(b) == "why" || L(b) == "how" || L(b) == "whether" || L(b) == "what") return false;
    }
    int end = ContentEnd(c);
    if (end <= c) return false;
    // What cannot be asked of anyone: a thing that "must" or "should" do or be something reads
    // as a judgement or a forecast; a thing that should be done (a passive) or a group or
    // actor doing something is a demand.
    Argument speaker;
    addressee_ = Argument();
    if (!Attribution(subject_first, end, quoted_at_start, &speaker)) return false;
    bool addressed = !addressee_.entity.empty() || !addressee_.text.empty();
    if (!actor_subject && !addressed) {
      int v = c + (negated_content ? 1 : 0);
      bool passive = L(v) == "be" && v + 1 < end && IsParticiple(v + 1);
      bool person_like = IsGroupNoun(j);
      if (!passive && !person_like) return false;
    }
    if (!speaker.entity.empty() && speaker.entity == target.entity) target = Argument();
    int cf = c;
    if (!actor_subject && target.entity.empty() && (addressed || !IsGroupNoun(j))) {
      // A thing to be done ("X should be PARTICIPLE"), or what the one addressed must see to
      // ("X warned Y that Z must ..."): the clause is the content.
      cf = subject_first;
      target = addressee_;
    }
    for (auto [a, b] : SplitContent(cf, end))
      Add("demand", "10", speaker, target, a, b, subject_first, false, 0.45);
    obligation_found_ = true;
    obligation_speaker_ = speaker;
    obligation_target_ = target;
    return true;
  }

  bool IsParticiple(int i) const {
    const std::string& w = L(i);
    static const std::set<std::string> kIrregular = {
        "made", "given", "taken", "held",  "paid",  "brought", "sent",     "put",
        "set",  "kept",  "met",   "done",  "shown", "told",    "sold",     "built",
        "cut",  "left",  "heard", "found", "seen",  "drawn",   "withdrawn"};
    if (In(kIrregular, w)) return true;
    return w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
  }

  // A noun for people or a body of them ("voters", "the government", "the unions"), by
  // WordNet's classes.
  bool IsGroupNoun(int i) const {
    const std::string& w = L(i);
    if (IsPunctToken(w)) return false;
    return NounClasses::Get().NamesAgent(Lemmatizer::Get().Lemma(w, WordClass::kNoun));
  }

  // "it is time (now) for TARGET to CONTENT", "it's time TARGET CONTENT".
  bool TimeFrame(int k, bool quoted_at_start) {
    if (L(k) != "time" || k < 2) return false;
    int b = k - 1;
    if (L(b) == "high" || L(b) == "about") --b;
    if (!(L(b) == "'s" || L(b) == "is" || L(b) == "was" || L(b) == "’s") || L(b - 1) != "it")
      return false;
    int p = k + 1;
    if (L(p) == "now") ++p;
    Argument target;
    int cf = -1;
    if (L(p) == "for") {
      for (int i = p + 2; i < N() && i < p + 12; ++i) {
        if (L(i) == "to" && IsBaseVerb(i + 1)) {
          int last = i - 1;
          while (last > p && L(last) == ",") --last;
          // "for Y, APPOSITION, to ...": the phrase before the first comma.
          int head_end = p + 1;
          while (head_end < last && L(head_end + 1) != ",") ++head_end;
          target = {Text(p + 1, head_end), ""};
          if (const ActorMention* m = MentionIn(p + 1, head_end)) target = FromMention(m);
          cf = i + 1;
          break;
        }
      }
    } else if (L(p) == "to") {
      return false;  // "it is time to act": no one is named to act
    } else if (p < N()) {
      int j = p;
      while (j < N() && j < p + 8 && !IsClauseVerb(j)) ++j;
      if (j >= N() || j == p) return false;
      target = {Text(p, j - 1), ""};
      if (const ActorMention* m = MentionIn(p, j - 1)) target = FromMention(m);
      cf = j;
    }
    if (cf < 0 || cf >= N()) return false;
    int end = ContentEnd(cf);
    Argument speaker;
    if (!Attribution(b - 1, end, quoted_at_start, &speaker)) return false;
    for (auto [a, c] : SplitContent(cf, end))
      Add("demand", "10", speaker, target, a, c, b - 1, false, 0.45);
    return true;
  }

  // A demand noun: "SOURCE's demand(s) for CONTENT", "demands by SOURCE for", "a call for
  // TARGET to CONTENT", "SOURCE's demands include A, B and C".
  bool NounFrame(int k) {
    if (k == 0) return false;
    const Lemmatizer& lem = Lemmatizer::Get();
    std::string noun = lem.Lemma(L(k), WordClass::kNoun);
    const PredicateEntry* e = lex_.Noun(noun);
    if (!e || (e->type != "demand" && e->type != "appeal")) return false;
    bool plural = L(k) != noun;
    const std::string& before = L(k - 1);
    // Who demands: a possessive owner, a pronoun, "by SOURCE", or the subject of a verb that
    // makes the demand one's own ("issued a call", "backed a call").
    Argument source;
    int span_first = k;
    int d = k - 1;
    while (d > 0 && !In(Determiners(), L(d)) && IsNominalOnly(d) && k - d < 3)
      --d;  // "renewed", "new", "fresh"
    if (L(d) == "'s" || L(d) == "’s" ||
        ((L(d) == "'" || L(d) == "’") && d > 0 && L(d - 1).back() == 's')) {
      if (const ActorMention* m = MentionEndingAt(d - 1)) {
        source = FromMention(m);
      } else {
        int first = PhraseStart(d - 1, 0);
        if (first < 0) return false;
        source = {Text(first, d - 1), ""};
      }
      span_first = d - 1;
    } else if (L(d) == "its" || L(d) == "their" || L(d) == "his" || L(d) == "her") {
      for (const ActorMention* m : s_.mentions) {
        if (m->start == toks_[d].start) source = FromMention(m);
      }
      if (source.entity.empty()) source = state_->subject;
      if (source.entity.empty() && !source.text.empty()) source = Argument();
    } else if (const ActorMention* m = MentionEndingAt(k - 1);
               m && m->end == toks_[k - 1].end && !IsPunctToken(before)) {
      // An actor written before the noun as a compound ("DEMONYM demands").
      source = FromMention(m);
      span_first = k - 1;
    } else if (L(k + 1) == "by" || L(k + 1) == "from") {
      // "demands by SOURCE for CONTENT": the phrase up to the content's opening word.
      int q = k + 2;
      while (q < N() && q < k + 12 && L(q) != "for" && L(q) != "to" && L(q) != "that" &&
             L(q) != "," && L(q) != ".")
        ++q;
      if (q == k + 2 || q >= N() || L(q) == "," || L(q) == ".") return false;
      const ActorMention* m = MentionEndingAt(q - 1);
      if (m) {
        source = FromMention(m);
      } else if (IsAgentHead(q - 1, k + 2) || PhraseHasBody(k + 2, q - 1)) {
        source = {Text(k + 2, q - 1), ""};
      } else {
        return false;
      }
      return NounContent(e, source, Argument(), q, span_first, plural);
    } else if (In(Determiners(), L(d)) && d > 0) {
      // "X backed a call for ...", "X made an appeal to ...": the subject of the verb before.
      int v = d - 1;
      static const std::set<std::string> kOwn = {
          "make", "issue",   "renew",  "repeat",  "reiterate", "voice",  "support",
          "back", "endorse", "echo",   "join",    "lead",      "launch", "press",
          "step", "put",     "submit", "present", "table"};
      std::string vl = lem.Lemma(L(v), WordClass::kVerb);
      if (L(v) == "up" && v > 0) vl = lem.Lemma(L(v - 1), WordClass::kVerb), --v;
      if (!In(kOwn, vl)) return false;
      bool negated = false, blocked = false;
      int sf = v;
      if (!SubjectBefore(v, &source, &sf, &negated, &blocked)) return false;
      span_first = sf;
      if (negated) return false;
    } else {
      return false;
    }
    if (source.entity.empty() && source.text.empty()) return false;
    return NounContent(e, source, Argument(), k + 1, span_first, plural);
  }

  bool NounContent(const PredicateEntry* e, const Argument& source, Argument target, int p,
                   int span_first, bool plural) {
    if (p >= N()) return false;
    // "... on TARGET to CONTENT", "... to TARGET for CONTENT".
    if ((L(p) == "on" || L(p) == "to") && p + 1 < N()) {
      const ActorMention* m = MentionEndingAt(p + 1);
      if (m && m->start == toks_[p + 1].start) {
        target = FromMention(m);
        int q = p + 1;
        while (q < N() && toks_[q].end <= m->end) ++q;
        p = q;
      } else if (L(p) == "to" && IsBaseVerb(p + 1)) {
        int end = ContentEnd(p + 1);
        for (auto [a, b] : SplitContent(p + 1, end))
          Add(e->type, e->cameo, source, target, a, b, span_first, false, 0.45);
        return end > p + 1;
      }
    }
    if (L(p) == "include" || L(p) == "included" || L(p) == "includes" || L(p) == "are" ||
        L(p) == "were") {
      if (!plural) return false;
      // A list: one demand each.
      int end = p + 1;
      while (end < N() && L(end) != "." && L(end) != ";" && L(end) != ":") ++end;
      int start = p + 1;
      for (int i = p + 1; i <= end; ++i) {
        bool sep =
            i == end || L(i) == "," || (L(i) == "and" && i > start) || (L(i) == "or" && i > start);
        if (!sep) continue;
        int a = start;
        if (L(a) == "and" || L(a) == "or") ++a;
        if (a < i) Add(e->type, e->cameo, source, target, a, i, span_first, false, 0.45);
        start = i + 1;
      }
      return true;
    }
    if (L(p) == "for" || L(p) == "that") {
      int cf = p + 1;
      int end = ContentEnd(cf);
      if (end <= cf) return false;
      // "insistence that X was ...": a claim about what is, not a demand.
      if (L(p) == "that") {
        static const std::set<std::string> kFinite = {"is",  "are",   "was",  "were", "has",
                                                      "had", "would", "will", "can",  "could",
                                                      "may", "might", "does", "did"};
        for (int i = cf; i < end && i < cf + 8; ++i) {
          if (In(kFinite, L(i))) return false;
          if (L(i) == "must" || L(i) == "should" || L(i) == "be") break;
        }
      }
      if (L(p) == "for") {
        for (int i = cf + 1; i + 1 < end && i < cf + 10; ++i) {
          if (L(i) == "to" && IsBaseVerb(i + 1)) {
            const ActorMention* m = MentionIn(cf, i - 1);
            if (m && m->start == toks_[cf].start) {
              target = FromMention(m);
              cf = i + 1;
            }
            break;
          }
        }
      }
      for (auto [a, b] : SplitContent(cf, end))
        Add(e->type, e->cameo, source, target, a, b, span_first, false, 0.45);
      return true;
    }
    return false;
  }

  // Finds who speaks the words [first, end) of this sentence: a reporting verb before them
  // with its subject ("A said (that) ..."), one after them (", A said", ", said A",
  // "according to A"), or the speaker of a quotation still open from an earlier sentence.
  bool Attribution(int first, int end, bool quoted_at_start, Argument* speaker) const {
    const Lemmatizer& lem = Lemmatizer::Get();
    // Before: the nearest reporting verb left of the words, with a subject of its own.
    for (int v = first - 1; v >= 0; --v) {
      std::string lemma = lem.Lemma(L(v), WordClass::kVerb);
      if (!IsReportingVerb(lemma) || (Capitalised(toks_[v].text) && v > 0) ||
          !FiniteVerbHere(v, lemma))
        continue;
      Argument who;
      int sf = 0;
      bool negated = false, blocked = false;
      reporting_subject_ = true;
      bool found = SubjectBefore(v, &who, &sf, &negated, &blocked);
      reporting_subject_ = false;
      if (found && !negated) {
        *speaker = who;
        // "X warned / told Y that ...": Y is whom the words are addressed to.
        addressee_ = Argument();
        int that = v + 1;
        while (that < first && that < v + 8 && L(that) != "that") ++that;
        if (that > v + 1 && that < first && L(that) == "that") {
          if (const ActorMention* m = MentionIn(v + 1, that - 1)) {
            addressee_ = FromMention(m);
          } else if (IsGroupNoun(that - 1)) {
            addressee_ = {Text(v + 1, that - 1), ""};
          }
        }
        return true;
      }
      break;
    }
    // After: ", A said", ", said A", ", according to A", ", A has said".
    for (int v = end; v < N(); ++v) {
      if (L(v) == "according" && L(v + 1) == "to") {
        if (const ActorMention* m = MentionIn(v + 2, N() - 1)) {
          *speaker = FromMention(m);
          return true;
        }
        int last = v + 2;
        while (last + 1 < N() && IsNominal(last + 1)) ++last;
        if (last < N() && IsNominal(v + 2)) {
          *speaker = {Text(v + 2, last), ""};
          return true;
        }
      }
      std::string lemma = lem.Lemma(L(v), WordClass::kVerb);
      if (!IsReportingVerb(lemma) || lemma == "urge" || !FiniteVerbHere(v, lemma)) continue;
      // ", said A": the speaker follows.
      if (v + 1 < N() && (L(v - 1) == "," || IsQuoteToken(toks_[v - 1].text))) {
        if (const ActorMention* m = MentionEndingAt(v + 1); m && m->start == toks_[v + 1].start) {
          *speaker = FromMention(m);
          return true;
        }
        int last = v + 1;
        while (last + 1 < N() && IsNominal(last + 1)) ++last;
        if (IsNominal(v + 1)) {
          *speaker = {Text(v + 1, last), ""};
          if (const ActorMention* m = MentionIn(v + 1, last)) *speaker = FromMention(m);
          return true;
        }
      }
      Argument who;
      int sf = 0;
      bool negated = false, blocked = false;
      if (SubjectBefore(v, &who, &sf, &negated, &blocked) && sf >= end) {
        *speaker = who;
        return true;
      }
      break;
    }
    // A quotation running on from an earlier sentence, or opening this one with no
    // attribution of its own: its speaker is the last one named.
    bool opens_quote = !toks_.empty() && IsQuoteToken(toks_[0].text);
    if ((quoted_at_start || opens_quote) &&
        !(state_->speaker.entity.empty() && state_->speaker.text.empty())) {
      *speaker = state_->speaker;
      return true;
    }
    return false;
  }

  // Finds the sentence's own attribution (the speaker of a quotation in it) before the frames
  // are read, so that "we" in the quotation stands for its speaker.
  void FindAttributions() {
    const Lemmatizer& lem = Lemmatizer::Get();
    for (int v = 0; v < N(); ++v) {
      std::string lemma = lem.Lemma(L(v), WordClass::kVerb);
      if (!IsReportingVerb(lemma) || lemma == "urge" || (Capitalised(toks_[v].text) && v > 0))
        continue;
      Argument who;
      int sf = 0;
      bool negated = false, blocked = false;
      if (v + 1 < N() && v > 0 && (L(v - 1) == "," || IsQuoteToken(toks_[v - 1].text))) {
        if (const ActorMention* m = MentionEndingAt(v + 1); m && m->start == toks_[v + 1].start) {
          quote_speaker_ = FromMention(m);
          attribution_after_ = v;
          return;
        }
      }
      // "A said:", "A said, \"...", "..., A said.": the shapes that attribute a quotation.
      bool shaped = v + 1 >= N() || L(v + 1) == ":" || L(v + 1) == "," || L(v + 1) == "." ||
                    IsQuoteToken(toks_[v + 1].text);
      if (shaped && FiniteVerbHere(v, lemma) && SubjectBefore(v, &who, &sf, &negated, &blocked)) {
        quote_speaker_ = who;
        if (sf > 0) attribution_after_ = v;
        return;
      }
    }
    if (state_->in_quote || (!toks_.empty() && IsQuoteToken(toks_[0].text)))
      quote_speaker_ = state_->speaker;
  }

  // The speaker, subject and open quotation this sentence leaves for the next.
  void UpdateState() {
    if (!quote_speaker_.text.empty() || !quote_speaker_.entity.empty())
      state_->speaker = quote_speaker_;
    for (int i = 0; i < N(); ++i) {
      if (const ActorMention* m = MentionEndingAt(i);
          m && m->kind != ActorMention::kPronoun && i + 1 < N() && !IsPunctToken(L(i + 1))) {
        std::string lemma = Lemmatizer::Get().Lemma(L(i + 1), WordClass::kVerb);
        if (Lemmatizer::Get().Knows(lemma, WordClass::kVerb) && !Capitalised(toks_[i + 1].text)) {
          state_->subject = FromMention(m);
          break;
        }
      }
    }
    // Straight quotes toggle; curly ones say which way they go.
    for (const Token& t : toks_) {
      if (t.text == "\"" || t.text == "``" || t.text == "''") state_->in_quote = !state_->in_quote;
      if (t.text == "\u201c") state_->in_quote = true;
      if (t.text == "\u201d") state_->in_quote = false;
    }
  }

  const SentenceAnalysis& s_;
  const std::vector<Token>& toks_;
  const Lexicon& lex_;
  size_t first_event_;
  DiscourseState* state_;
  std::vector<Event>* out_;
  std::vector<std::string> low_;
  Argument quote_speaker_;
  int attribution_after_ = -1;
  mutable std::string hedge_;                   // a hedge between the subject and its verb
  mutable bool reporting_subject_ = false;      // "it" may be a speaker ("it said")
  mutable Argument addressee_;                  // whom a reporting verb addresses
  bool after_particle_ = false;                 // the object follows "on" ("called on Y")
  mutable bool coordinated_ = false;            // looking for a main clause's subject
  mutable std::vector<Argument> coordination_;  // the sources of a coordinated subject
  Argument obligation_target_;                  // the last obligation's, for "and should ..."
  Argument obligation_speaker_;
  bool obligation_found_ = false;
};

}  // namespace

void ReadDemandFrames(const SentenceAnalysis& s, const Lexicon& lexicon, size_t first_event,
                      DiscourseState* state, std::vector<Event>* out) {
  if (!s.sentence || s.sentence->tokens.empty()) return;
  FrameReader(s, lexicon, first_event, state, out).Run();
}

}  // namespace parley

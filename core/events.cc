#include "core/events.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/demand_frames.h"
#include "core/lemmatizer.h"
#include "core/noun_classes.h"
#include "core/triples.h"
#include "util/strings.h"

namespace parley {
namespace {

class SentenceEvents {
 public:
  SentenceEvents(const SentenceAnalysis& s, const Lexicon& lex, DiscourseState* state)
      : s_(s), t_(*s.tree), c_(*s.clauses), lex_(lex), state_(state) {}

  void Run(std::vector<Event>* out) {
    std::vector<bool> used(c_.size(), false);
    size_t before = out->size();
    std::vector<int> from_clause;  // for each event of this sentence, the clause it came from
    for (size_t i = 0; i < c_.size(); ++i) {
      ClauseEvent(static_cast<int>(i), &used, out);
      from_clause.resize(out->size() - before, static_cast<int>(i));
    }
    KeepMainStance(before, from_clause, out);
    // A bare statement ("..., X said") adds nothing when the sentence reports a
    // more specific event: keep statements only where nothing else was found.
    // A threat with a condition ("... unless Y does Z") is coded as the
    // threat (an ultimatum), not as a threat and a demand.
    bool threat = false;
    for (size_t k = before; k < out->size(); ++k) threat |= (*out)[k].type == "threaten";
    if (threat) {
      out->erase(std::remove_if(out->begin() + static_cast<long>(before), out->end(),
                                [](const Event& e) {
                                  return e.type == "demand" && e.modality == "conditional";
                                }),
                 out->end());
    }
    // "..., X said on DAY": an attribution after the news is
    // not itself the event.
    out->erase(std::remove_if(out->begin() + static_cast<long>(before), out->end(),
                              [&](const Event& e) {
                                if (e.type != "statement" || e.start <= s_.sentence->start)
                                  return false;
                                std::string_view lead =
                                    s_.doc.substr(s_.sentence->start, e.start - s_.sentence->start);
                                while (!lead.empty() && (lead.back() == ' ' || lead.back() == '"'))
                                  lead.remove_suffix(1);
                                return !lead.empty() && (lead.back() == ',' || lead.back() == '.');
                              }),
               out->end());
    // The same event found twice (by two readings of one clause) is reported once.
    std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
    out->erase(
        std::remove_if(
            out->begin() + static_cast<long>(before), out->end(),
            [&](const Event& e) {
              return !seen.insert({e.type, e.source.entity, e.target.entity, e.content}).second;
            }),
        out->end());
    // A statement that names no one it concerns is no event between actors.
    out->erase(std::remove_if(
                   out->begin() + static_cast<long>(before), out->end(),
                   [](const Event& e) { return e.type == "statement" && e.target.entity.empty(); }),
               out->end());
    bool specific = false;
    for (size_t k = before; k < out->size(); ++k) specific |= (*out)[k].type != "statement";
    if (specific) {
      out->erase(std::remove_if(out->begin() + static_cast<long>(before), out->end(),
                                [](const Event& e) { return e.type == "statement"; }),
                 out->end());
    }
  }

 private:
  // Byte range of a word span in the document.
  bool Bytes(WordSpan w, int32_t* b, int32_t* e) const {
    return !SpanText(t_, w, s_.doc, s_.offset, b, e).empty();
  }

  // The actor a byte range refers to: the widest mention inside it (a role-with-name mention
  // over the country that qualifies it), the first of equals.
  const ActorMention* ActorIn(int32_t b, int32_t e) const {
    const ActorMention* best = nullptr;
    for (const ActorMention* m : s_.mentions) {
      int32_t m_end = m->apposition_start >= 0 ? m->apposition_start : m->end;
      // The parser may leave an abbreviation's final period outside the phrase ("U.N").
      if (m->start < b || m_end > e + (m_end == e + 1 && s_.doc[e] == '.' ? 1 : 0)) continue;
      if (!best || (m->end - m->start) > (best->end - best->start)) best = m;
    }
    if (best) return best;
    // A phrase the parser cut out of a longer mention (the role of "COUNTRY's ROLE, NAME")
    // refers to what the whole mention does.
    for (const ActorMention* m : s_.mentions) {
      if (m->start < b && e <= m->end &&
          (m->kind == ActorMention::kPerson || m->kind == ActorMention::kRole))
        return m;
    }
    return nullptr;
  }
  const ActorMention* ActorOf(WordSpan w) const {
    int32_t b, e;
    if (!Bytes(w, &b, &e)) return nullptr;
    // Only the head of a phrase names its actor: "the NOUN of DEMONYM troops" is not that country
    // acting, but "COUNTRY" or "COUNTRY's ROLE" are. Mentions starting within the first
    // few bytes of the phrase (after a determiner) count.
    // The parser may leave a demonym or a name outside the phrase it heads ("DEMONYM police in
    // CITY" read as "police in CITY"): a mention running into the phrase's first word is its head.
    const ActorMention* m = nullptr;
    for (const ActorMention* x : s_.mentions) {
      if (x->start < b && x->end > b && x->end <= e && x->kind != ActorMention::kPronoun) m = x;
    }
    if (!m) m = ActorIn(b, e);
    if (!m) return nullptr;
    if (m->start < b) return m;  // the phrase lies inside the mention, or begins in it
    if (const ActorMention* h = GroupOf(w, m)) return h;
    std::string before = Lower(std::string(s_.doc.substr(b, m->start - b)));
    // A dateline the parser left in the phrase ("CITY, DATE — X") is not
    // part of it: what counts is what follows its dash.
    for (const char* dash : {"\u2014 ", "\u2013 ", "-- ", " - "}) {
      size_t at = before.rfind(dash);
      if (at != std::string::npos) before = before.substr(at + std::string_view(dash).size());
    }
    if (QuantityOf(before)) return m;
    static const std::set<std::string> kLeads = {"",        "the ",      "a ",      "an ",
                                                 "that ",   "that the ", "both ",   "if ",
                                                 "if the ", "unless ",   "whether "};
    bool after_that =
        before.size() >= 5 &&
        (before.compare(before.size() - 5, 5, "that ") == 0 ||
         (before.size() >= 9 && before.compare(before.size() - 9, 9, "that the ") == 0));
    if (before.size() > 4 && !kLeads.count(before) && !after_that) return nullptr;
    return m;
  }

  // Whether the words before a mention only count it: "thousands of ", "a crowd of ", "30 of
  // the ". A number of people acts as those people do ("thousands of DEMONYMS protested").
  static bool QuantityOf(const std::string& before) {
    static const std::set<std::string> kCounts = {
        "the",  "a",        "an",     "few",    "several",  "many",    "some",      "all",
        "most", "dozens",   "dozen",  "scores", "hundreds", "hundred", "thousands", "thousand",
        "tens", "millions", "crowds", "crowd",  "group",    "groups",  "number",    "band"};
    std::vector<std::string> words;
    size_t at = 0;
    while (at < before.size()) {
      size_t end = before.find(' ', at);
      if (end == std::string::npos) end = before.size();
      if (end > at) words.push_back(before.substr(at, end - at));
      at = end + 1;
    }
    if (!words.empty() && words.back() == "the") words.pop_back();
    if (words.size() < 2 || words.back() != "of") return false;
    words.pop_back();
    bool counted = false;
    for (const std::string& w : words) {
      bool number = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == ',';
      });
      if (!number && !kCounts.count(w)) return false;
      counted |= number || (w != "the" && w != "a" && w != "an");
    }
    return counted;
  }

  // A group of people named by its head noun and qualified by a country or a place: "DEMONYM
  // NOUN" with adjectives or a number before ("two DEMONYM youths", "angry DEMONYM farm
  // workers", "three DEMONYM police officers"), or "NOUN in / from PLACE" ("protesters in
  // CITY"). The head must name people;
  // a thing of a country ("the DEMONYM economy", "the withdrawal of DEMONYM troops") is not the
  // country acting. Null if the phrase is no such group.
  const ActorMention* GroupOf(WordSpan w, const ActorMention* m) const {
    static const std::set<std::string> kPreps = {
        "of", "in",      "from", "for",   "with", "on",     "at",      "by",
        "to", "against", "over", "under", "near", "inside", "outside", "across"};
    int head = w.last;
    int prep = -1;
    for (int i = w.first + 1; i <= w.last; ++i) {
      std::string lw = Lower(t_.words[i].text);
      if (kPreps.count(lw) || lw == "," || lw == "who" || lw == "which" || lw == "that") {
        head = i - 1;
        if (kPreps.count(lw)) prep = i;
        break;
      }
    }
    const std::string& head_word = t_.words[head].text;
    if (head_word.empty() || !std::isalpha(static_cast<unsigned char>(head_word[0])))
      return nullptr;
    if (!NounClasses::Get().NamesAgent(Lemmatizer::Get().Lemma(Lower(head_word), WordClass::kNoun)))
      return nullptr;
    int32_t head_end = s_.offset + t_.words[head].end;
    // "DEMONYM NOUN": the country's mention lies before the head, with only modifiers between.
    if ((m->kind == ActorMention::kDemonym ||
         (m->kind == ActorMention::kRole && m->end == head_end)) &&
        m->end <= head_end) {
      for (int i = w.first; i <= head; ++i) {
        const ParsedWord& x = t_.words[i];
        if (s_.offset + x.start >= m->start) break;
        std::string lw = Lower(x.text);
        // A name or a possessive before it heads another phrase ("X's DEMONYM allies" is X's).
        if (x.text.empty() || lw == "'s" ||
            (std::isupper(static_cast<unsigned char>(x.text[0])) && i > w.first))
          return nullptr;
      }
      return m;
    }
    // "NOUN in / from PLACE": people where a country or one of its cities is.
    if (prep >= 0 && prep < w.last &&
        (Lower(t_.words[prep].text) == "in" || Lower(t_.words[prep].text) == "from") &&
        (m->kind == ActorMention::kName || m->kind == ActorMention::kCapital) && m->code.empty() &&
        m->actor.size() == 3 && std::isupper(static_cast<unsigned char>(m->actor[0]))) {
      int next = prep + 1;
      if (next < w.last && Lower(t_.words[next].text) == "the") ++next;
      if (s_.offset + t_.words[next].start <= m->start &&
          m->start < s_.offset + t_.words[next].end + 1)
        return m;
    }
    return nullptr;
  }

  Argument Arg(WordSpan w) const {
    Argument a;
    int32_t b = 0, e = 0;
    a.text = std::string(SpanText(t_, w, s_.doc, s_.offset, &b, &e));
    if (const ActorMention* m = ActorOf(w)) {
      a.entity = m->actor;
      code_of_[a.text] = m->code;
    }
    if (a.text.empty()) return a;
    // "X and Y", "X, Y and Z": a coordination of actors stands
    // for each of them; remember them all for Emit.
    std::vector<Argument> each;
    std::string rest(a.text);
    for (const ActorMention* m : s_.mentions) {
      int32_t m_end = m->apposition_start >= 0 ? m->apposition_start : m->end;
      if (m->start < b || m_end > e + 1) continue;
      bool seen = std::any_of(each.begin(), each.end(),
                              [&](const Argument& x) { return x.entity == m->actor; });
      if (!seen) each.push_back({std::string(s_.doc.substr(m->start, m_end - m->start)), m->actor});
      for (int32_t k = m->start; k < std::min(m_end, e); ++k) rest[k - b] = ' ';
    }
    if (each.size() >= 2) {
      std::string words = Lower(rest);
      for (const char* joiner : {"and", "or", "both", "the", "as well as"}) {
        size_t pos;
        std::string j = std::string(" ") + joiner + " ";
        while ((pos = (" " + words + " ").find(j)) != std::string::npos) {
          words = (" " + words + " ").replace(pos, j.size(), " ");
        }
      }
      bool only_joiners = words.find_first_not_of(" ,;()") == std::string::npos;
      if (only_joiners) {
        a.entity = each.front().entity;
        coordinated_[a.text] = each;
      }
    }
    return a;
  }

  // "VERB OBJECT" from "must VERB OBJECT": the predicate without auxiliaries and
  // modals, then everything after it in the clause.
  std::string Content(const Clause& c, int32_t* start, int32_t* end) const {
    int first_word = -1;
    for (int w : c.predicate) {
      std::string lw = Lower(t_.words[w].text);
      if (IsModal(lw) || IsAuxiliary(lw) || lw == "to" || lw == "not" || lw == "n't") continue;
      first_word = w;
      break;
    }
    if (first_word < 0) return "";
    int last_word = c.predicate.back();
    auto extend = [&](WordSpan s) {
      if (!s.empty()) last_word = std::max(last_word, s.last);
    };
    extend(c.object);
    for (const auto& a : c.args) extend(a);
    int32_t b, e;
    if (!Bytes({first_word, last_word}, &b, &e)) return "";
    if (start) *start = b;
    if (end) *end = e;
    return std::string(s_.doc.substr(b, e - b));
  }

  // The content of a complement clause: its predicate onwards when its subject is the target
  // ("Y must VERB X" -> "VERB X"), the whole clause when the subject names neither an actor
  // nor a person or group ("that X be PARTICIPLE").
  std::string ContentWithSubject(const Clause& c, const Argument& target, int32_t* start,
                                 int32_t* end) const {
    std::string content = Content(c, start, end);
    int32_t sb = 0, se = 0;
    if (target.entity.empty() && !AgentPhrase(c.subject) && !content.empty() &&
        Bytes(c.subject, &sb, &se) && sb < *start) {
      *start = sb;
      content = std::string(s_.doc.substr(sb, *end - sb));
    }
    return content;
  }

  // The sector code of the mention an argument was read from ("PSECOP" for "Palestinian
  // police"); empty for a country, a place or a person named as such.
  std::string CodeOf(const Argument& a) const {
    auto it = code_of_.find(a.text);
    return it == code_of_.end() ? "" : it->second;
  }

  // Whether two arguments are one actor: the same entity in the same sector. A country's police
  // acting on its rebels, or its government on a town of its own, is an event inside that
  // country, between two actors, as event coders record it.
  bool SameActor(const Argument& a, const Argument& b) const {
    return a.entity == b.entity && CodeOf(a) == CodeOf(b);
  }

  // Whether a phrase names someone who can be asked to act: a name, or a noun WordNet lists
  // for a person or a group of people ("every department", "the unions").
  bool AgentPhrase(WordSpan w) const {
    if (w.empty()) return false;
    // The head of "NOUN of / with / in ... X" is the noun before the preposition.
    static const std::set<std::string> kPreps = {"of",    "with",    "in",   "for",  "from",
                                                 "on",    "at",      "by",   "to",   "between",
                                                 "among", "against", "over", "under"};
    for (int i = w.first + 1; i <= w.last; ++i) {
      if (kPreps.count(Lower(t_.words[i].text))) {
        w.last = i - 1;
        break;
      }
    }
    for (int i = w.last; i >= w.first; --i) {
      const std::string& tx = t_.words[i].text;
      if (tx.empty() || !std::isalpha(static_cast<unsigned char>(tx[0]))) continue;
      if (std::isupper(static_cast<unsigned char>(tx[0])) && i > 0) return true;
      return NounClasses::Get().NamesAgent(Lemmatizer::Get().Lemma(tx, WordClass::kNoun));
    }
    return false;
  }

  // True if the clause states a fact rather than what should happen: a finite verb in the
  // indicative ("X is ADJ", "Y would not VERB").
  bool Indicative(const Clause& c) const {
    if (lex_.IsDemandModal(c.modal)) return false;
    if (!c.modal.empty()) return true;
    // The parser may attach auxiliaries elsewhere; the words between the subject and the verb
    // still show a finite clause ("Y would not VERB").
    if (!c.subject.empty() && c.verb > c.subject.last) {
      for (int w = c.subject.last + 1; w < c.verb; ++w) {
        std::string lw = Lower(t_.words[w].text);
        if (lex_.IsDemandModal(lw)) return false;
        static const std::set<std::string> kFinite = {"would", "will", "can", "could", "may",
                                                      "might", "is",   "are", "was",   "were",
                                                      "has",   "had",  "did", "does"};
        if (kFinite.count(lw)) return true;
      }
    }
    for (int w : c.predicate) {
      std::string lw = Lower(t_.words[w].text);
      if (lw == "is" || lw == "are" || lw == "was" || lw == "were" || lw == "has" || lw == "had")
        return true;
    }
    if (c.verb < 0) return false;
    const ParsedWord& v = t_.words[c.verb];
    return v.tag.find('d') != std::string::npos ||
           (v.tag == "v" && v.text.size() > 2 && v.text.back() == 's' &&
            Lemmatizer::Get().Lemma(v.text, WordClass::kVerb) != Lower(v.text));
  }

  std::string SentenceText() const {
    return std::string(s_.doc.substr(s_.sentence->start, s_.sentence->end - s_.sentence->start));
  }

  // Hedge words in the clause's span ("likely", "may") give its modality.
  std::string Modality(const Clause& c) const {
    if (!c.modal.empty()) return c.modal;
    int32_t b = 0, e = 0;
    WordSpan all{c.subject.empty() ? c.predicate.front() : c.subject.first, c.predicate.back()};
    if (!Bytes(all, &b, &e)) return "";
    for (const Token& tok : s_.sentence->tokens) {
      if (tok.start < b || tok.end > e) continue;
      std::string lw = Lower(tok.text);
      if (lex_.IsHedge(lw)) return lw;
    }
    return "";
  }

  // The condition cue written just before the clause ("on condition that", "only if"), if any.
  std::string ConditionCue(const Clause& c) const {
    int first = c.subject.empty() ? c.predicate.front() : c.subject.first;
    int32_t b = s_.offset + t_.words[first].start;
    std::string before =
        Lower(std::string(s_.doc.substr(s_.sentence->start, b - s_.sentence->start)));
    while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.pop_back();
    for (const std::string& cue : lex_.condition_cues()) {
      if (before.size() >= cue.size() &&
          before.compare(before.size() - cue.size(), cue.size(), cue) == 0 &&
          (before.size() == cue.size() ||
           !std::isalpha(static_cast<unsigned char>(before[before.size() - cue.size() - 1])))) {
        return cue;
      }
    }
    return "";
  }

  std::string VerbLemma(const Clause& c) const {
    if (c.verb < 0) return "";
    return Lemmatizer::Get().Lemma(t_.words[c.verb].text, WordClass::kVerb);
  }

  // The lexicon's reading of the clause's predicate (the verb dictionary's most specific
  // pattern, a demand verb's frame, or a light verb's event noun) and its CAMEO code.
  const PredicateEntry* Lookup(const Clause& c, std::string* code) const {
    const PredicateEntry* e = lex_.Code(t_, c);
    if (e) *code = e->cameo;
    return e;
  }

  void Fill(Event* ev, const Clause& c, int32_t b, int32_t e) const {
    ev->negated = c.negated;
    // The parser may leave "not" outside the predicate ("does not want"): the words between
    // the subject and the verb still negate it.
    if (!c.subject.empty() && c.verb > c.subject.last) {
      for (int w = c.subject.last + 1; w < c.verb; ++w) {
        std::string lw = Lower(t_.words[w].text);
        if (lw == "not" || lw == "n't" || lw == "never") ev->negated = true;
      }
    }
    ev->modality = Modality(c);
    ev->sentence = s_.index;
    ev->start = b;
    ev->end = e;
    ev->quote = SentenceText();
    double conf = t_.kind == ParseTree::kFull ? 0.85 : 0.6;
    if (ev->target.entity.empty()) conf -= 0.2;
    if (c.subject_inherited) conf -= 0.1;
    ev->confidence = std::max(conf, 0.1);
  }

  void AddPolicies(Event* ev, int32_t b, int32_t e) const {
    const auto& toks = s_.sentence->tokens;
    int first = -1, last = -1;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
      if (toks[i].start >= b && toks[i].end <= e) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) return;
    std::set<std::string> seen;
    for (const auto& m : lex_.FindPolicies(toks, first, last)) {
      if (seen.insert(m.policy->id).second) ev->policies.push_back({m.policy->id, m.policy->name});
    }
  }

  void Emit(Event ev, int32_t content_b, int32_t content_e, std::vector<Event>* out) const {
    if (ev.source.entity.empty()) return;
    if ((ev.type == "demand" || ev.type == "appeal") && ev.content.empty())
      return;  // nothing demanded
    // A participle clause after a comma ("..., VERB-ing ...") is commentary, not
    // part of what is demanded; so is a clause a comma and a subordinator open.
    for (size_t at = ev.content.find(", "); at != std::string::npos;
         at = ev.content.find(", ", at + 2)) {
      size_t word_end = ev.content.find_first_of(" ,", at + 2);
      std::string word = ev.content.substr(
          at + 2, word_end == std::string::npos ? std::string::npos : word_end - at - 2);
      static const std::set<std::string> kOpeners = {"as",       "which",  "who",    "where",
                                                     "when",     "while",  "but",    "because",
                                                     "although", "though", "whereas"};
      if ((word.size() > 4 && word.compare(word.size() - 3, 3, "ing") == 0) ||
          kOpeners.count(Lower(word))) {
        content_e = content_b + static_cast<int32_t>(at);
        ev.content.resize(at);
        break;
      }
    }
    // The same ends without a comma: a dash, "but", a preposition before "what", a reason
    // ("for" + gerund).
    for (const char* end_at : {" - ", " but ", " in what ", " of what ", " for "}) {
      size_t at = ev.content.find(end_at);
      if (at == std::string::npos || at == 0) continue;
      if (std::string_view(end_at) == " for ") {
        size_t w = at + 5, w_end = ev.content.find(' ', w);
        std::string next =
            ev.content.substr(w, w_end == std::string::npos ? std::string::npos : w_end - w);
        if (next.size() < 5 || next.compare(next.size() - 3, 3, "ing") != 0) continue;
      }
      content_e = content_b + static_cast<int32_t>(at);
      ev.content.resize(at);
    }
    if (content_e > content_b) AddPolicies(&ev, content_b, content_e);
    // One event per source and target of a coordination ("X and Y VERB").
    auto expand = [&](const Argument& a) {
      auto it = coordinated_.find(a.text);
      if (it == coordinated_.end() || it->second.front().entity != a.entity)
        return std::vector<Argument>{a};
      return it->second;
    };
    std::vector<Argument> sources = expand(ev.source);
    for (const Argument& src : sources) {
      std::vector<Argument> targets = expand(ev.target);
      // "X and Y VERB ...": with no one else named, each acts towards the other.
      if (ev.target.entity.empty() && sources.size() > 1) targets = sources;
      for (const Argument& tgt : targets) {
        if (sources.size() > 1 && ev.target.entity.empty() && tgt.entity == src.entity) continue;
        Event one = ev;
        one.source = src;
        one.target = SameActor(src, tgt) ? Argument() : tgt;
        out->push_back(std::move(one));
      }
    }
  }

  // A demand of `target_clause`'s subject, stated by `source`, with that clause as content.
  void DemandFrom(const Argument& source, const Clause& inner, const std::string& type,
                  const std::string& cameo, const Clause& outer, const std::string& condition,
                  std::vector<Event>* out) const {
    Event ev;
    ev.type = type;
    ev.cameo = cameo;
    ev.source = source;
    // "X warned Y that Z must ...": a subject the parser ran on from the reporting verb's
    // object holds the complementizer; the words before it are whom the words address.
    Clause own = inner;
    Argument addressee;
    for (int w = inner.subject.first; !inner.subject.empty() && w < inner.subject.last; ++w) {
      if (Lower(t_.words[w].text) == "that" && w > inner.subject.first) {
        addressee = Arg({inner.subject.first, w - 1});
        own.subject = {w + 1, inner.subject.last};
        break;
      }
    }
    ev.target = Arg(own.subject);
    bool addressed =
        !addressee.text.empty() &&
        (!addressee.entity.empty() || AgentPhrase({own.subject.first - 2, own.subject.first - 2}));
    // A thing that should do something is a judgement or a forecast; a thing to be done (a
    // passive), an actor's or a group's duty, or what the one addressed must see to is a demand.
    if (!own.passive && !addressed && !AgentPhrase(own.subject)) return;
    // "... why / how Y should VERB": a question, not a demand.
    if (!own.subject.empty() && own.subject.first > 0) {
      static const std::set<std::string> kWh = {"why", "how", "what", "whether", "if"};
      if (kWh.count(Lower(t_.words[own.subject.first - 1].text))) return;
    }
    int32_t cb = 0, ce = 0;
    if (addressed && ev.target.entity.empty()) {
      ev.content = Content(own, &cb, &ce);
      int32_t sb = 0, se = 0;
      if (!ev.content.empty() && Bytes(own.subject, &sb, &se) && sb < cb) {
        cb = sb;
        ev.content = std::string(s_.doc.substr(sb, ce - sb));
      }
      ev.target = addressee;
    } else {
      ev.content = ContentWithSubject(own, ev.target, &cb, &ce);
    }
    if (ev.content.empty()) return;
    ev.condition = condition;
    int32_t b = cb, e = ce;
    Bytes(outer.subject.empty() ? WordSpan{outer.predicate.front(), outer.predicate.front()}
                                : outer.subject,
          &b, &e);
    Fill(&ev, outer, std::min(b, cb), std::max(e, ce));
    ev.negated = outer.negated;
    if (inner.negated) ev.negated = !ev.negated ? false : ev.negated;  // "must not" stays a demand
    Emit(std::move(ev), cb, ce, out);
  }

  void ClauseEvent(int i, std::vector<bool>* used, std::vector<Event>* out) {
    const Clause& c = c_[i];
    if (c.predicate.empty()) return;
    Argument source = Arg(c.subject);
    std::string verb = VerbLemma(c);
    if (IsReportingVerb(verb) && !source.entity.empty()) state_->speaker = source;

    // Conditions: "..., on condition that Y VERB ...".
    std::string cue = ConditionCue(c);
    // A bare "if" or "unless" states a hypothesis or a consequence; only a cue that makes the
    // clause a requirement ("only if", "on condition that", "provided that") states a demand.
    if (cue == "if" || cue == "unless" || cue == "in the event that") cue.clear();
    if (!cue.empty()) {
      Argument target = Arg(c.subject);
      Argument speaker;
      for (int k = i - 1; k >= 0 && speaker.entity.empty(); --k) {
        if (c_[k].parent < 0 || IsReportingVerb(VerbLemma(c_[k]))) speaker = Arg(c_[k].subject);
        if (speaker.entity == target.entity) speaker = Argument();
      }
      if (speaker.entity.empty() && !state_->speaker.entity.empty() &&
          state_->speaker.entity != target.entity) {
        speaker = state_->speaker;
      }
      // A condition stated about the past ("after Y had VERB-ed") demands nothing.
      bool past = false;
      for (int w : c.predicate) {
        std::string lw = Lower(t_.words[w].text);
        if (lw == "had" || lw == "was" || lw == "were" || lw == "did") past = true;
      }
      if (!target.entity.empty() && !speaker.entity.empty() && !past) {
        int32_t cb = 0, ce = 0;
        std::string content = Content(c, &cb, &ce);
        Event ev;
        ev.type = "demand";
        ev.cameo = "10";
        ev.source = speaker;
        ev.target = target;
        ev.content = content;
        int32_t sb = 0, se = 0;
        Bytes(c.subject, &sb, &se);
        ev.condition = cue + " " + std::string(s_.doc.substr(sb, ce - sb));
        Fill(&ev, c, sb, ce);
        ev.modality = "conditional";
        Emit(std::move(ev), cb, ce, out);
        (*used)[i] = true;
        return;
      }
    }

    std::string code;
    const PredicateEntry* e = Lookup(c, &code);
    const Clause* inner = c.complement_clause >= 0 ? &c_[c.complement_clause] : nullptr;

    // "X said Y must ...": a statement whose complement holds a demand modal.
    // Any clause that reports what another must do states a demand ("reminded Y that it must
    // VERB", "repeated that Y must VERB ...").
    bool demanding_verb = e && (e->type == "demand" || e->type == "appeal");
    if (inner && !demanding_verb && !inner->infinitive && !source.entity.empty()) {
      bool modal = lex_.IsDemandModal(inner->modal);
      std::string iv = VerbLemma(*inner);
      if ((iv == "need" || iv == "have") && inner->complement_clause >= 0) {
        modal = true;
        inner = &c_[inner->complement_clause];
      }
      if (modal) {
        DemandFrom(source, *inner, "demand", "10", c, "", out);
        (*used)[c.complement_clause] = true;
        return;
      }
    }
    if (!e || (*used)[i]) return;
    // "wants to talk": the subject wants something of itself, which is no demand.
    if (e->no_subject_infinitive && inner && inner->infinitive && inner->subject_inherited &&
        inner->subject.first == c.subject.first) {
      return;
    }
    Event ev;
    ev.type = e->type;
    ev.cameo = code;
    ev.source = source;
    // The passive turns the roles round: "Y was VERB-ed by X".
    if (c.passive) {
      Argument agent = PassiveAgent(c);
      if (!agent.entity.empty()) {
        ev.target = source;
        ev.source = agent;
      }
      if (ev.source.entity == source.entity && !source.entity.empty()) {
        // With no agent named, the subject is what the event befell.
        ev.target = source;
        ev.source = Argument();
      }
    }
    // A code read from the target's side ("received weapons from the government"): the subject
    // is the target, the actor after "from" or "by" the source.
    if (e->reversed && !c.passive) {
      ev.target = source;
      ev.source = Argument();
      for (const WordSpan& w : c.args) {
        std::string p = Lower(t_.words[w.first].text);
        if (w.first < w.last && (p == "from" || p == "by")) {
          ev.source = Arg({w.first + 1, w.last});
          if (!ev.source.entity.empty()) break;
        }
      }
    }
    // Target: the first slot of the entry that holds an actor.
    for (const std::string& slot : c.passive ? std::vector<std::string>{} : e->target) {
      if (!ev.target.entity.empty()) break;
      if (slot == "dobj" || slot == "object") {
        Argument a = Arg(c.object);
        if (!a.entity.empty()) ev.target = a;
      } else {
        // A preposition the predicate took ("called on Y") or that opens an argument.
        bool took = !c.predicate.empty() && Lower(t_.words[c.predicate.back()].text) == slot;
        if (took) {
          Argument a = Arg(c.object);
          if (!a.entity.empty()) ev.target = a;
        }
        for (const WordSpan& w : c.args) {
          if (!ev.target.entity.empty()) break;
          if (Lower(t_.words[w.first].text) == slot) {
            Argument a = Arg({w.first + 1, w.last});
            if (!a.entity.empty()) ev.target = a;
          }
        }
      }
    }
    // A statement concerns the actor its complement's subject names ("said Y would ...").
    if (e->type == "statement" && inner && ev.target.entity.empty()) {
      Argument about = Arg(inner->subject);
      if (!about.entity.empty() && !SameActor(about, source)) ev.target = about;
    }
    bool complement_target = (e->type == "demand" || e->type == "appeal") && inner &&
                             !inner->infinitive && !Arg(inner->subject).entity.empty();
    // Failing those, the actor the object or an argument names is the target (a statement's
    // too: "expressed regret over the floods in COUNTRY"); for "threatened to VERB X against
    // Y", the infinitive's.
    if (ev.target.entity.empty() && !c.passive && !complement_target) {
      ev.target = TargetIn(c, source);
      if (ev.target.entity.empty() && inner && inner->infinitive)
        ev.target = TargetIn(*inner, source);
    }
    int32_t cb = 0, ce = 0;
    bool demand_like = e->type == "demand" || e->type == "appeal";
    // "a measure that would require Y to ...": what a document or a hypothesis would demand is
    // no demand of its subject ("would like Y to ..." is a polite one).
    if (demand_like && verb != "like" &&
        (c.modal == "would" || c.modal == "could" || c.modal == "might"))
      return;
    // "asked why / how / whether ...": a question, not a demand.
    if (demand_like && !c.object.empty()) {
      static const std::set<std::string> kWh = {"why",  "how",   "what", "whether",
                                                "when", "where", "if"};
      if (kWh.count(Lower(t_.words[c.object.first].text))) return;
    }
    // "urged passage of X to VERB ...": an infinitive whose subject is a thing, not someone
    // asked, belongs to the content; the object names no target.
    if (demand_like && inner && inner->infinitive && Arg(inner->subject).entity.empty() &&
        !AgentPhrase(inner->subject) && !inner->subject.empty() &&
        inner->subject.first == c.object.first) {
      inner = nullptr;
      if (ev.target.text == Arg(c.object).text && ev.target.entity.empty()) ev.target = Argument();
    }
    if (demand_like && inner) {
      // "insisted that X is ADJ": a claim, not a demand.
      if (!inner->infinitive && Indicative(*inner) && verb != "demand") return;
      // "asked not to be named": the subject asks something of itself.
      bool self =
          inner->infinitive && inner->subject_inherited && inner->subject.first == c.subject.first;
      // "demanded that Y VERB ...", "urged Y to VERB ...", "wants Y to VERB ...".
      if (ev.target.entity.empty() && !self) ev.target = Arg(inner->subject);
      if (self && ev.target.entity.empty()) return;
      ev.content = ContentWithSubject(*inner, self ? Argument{"", "self"} : ev.target, &cb, &ce);
      (*used)[c.complement_clause] = true;
    } else if (demand_like && ev.target.entity.empty() && !e->complement) {
      // A verb without a complement clause ("seek X") asks no one unless it names whom
      // ("from Y"): else it states the subject's own aim.
      return;
    } else if (demand_like && ev.target.entity.empty() && !c.object.empty()) {
      // "demanded the NOUN of X": the object is the content; an actor named
      // inside it is whom the demand concerns.
      int32_t ob = 0, oe = 0;
      Bytes(c.object, &ob, &oe);
      if (const ActorMention* m = ActorIn(ob, oe))
        ev.target = {std::string(s_.doc.substr(m->start, m->end - m->start)), m->actor};
    }
    for (const std::string& slot : e->content) {
      // The lexicon's content slot: "pressed Y over X" -> "X".
      if (!ev.content.empty() || slot == "dobj") break;
      for (const WordSpan& w : c.args) {
        if (w.first < w.last && Lower(t_.words[w.first].text) == slot) {
          int32_t b = 0, e2 = 0;
          if (Bytes({w.first + 1, w.last}, &b, &e2)) {
            ev.content = std::string(s_.doc.substr(b, e2 - b));
            cb = b;
            ce = e2;
          }
          break;
        }
      }
    }
    if (ev.content.empty()) {
      // Content: the object and arguments after the target ("to VERB ...").
      WordSpan from = c.object;
      std::vector<WordSpan> rest = c.args;
      if (!ev.target.entity.empty() && !c.object.empty() &&
          Arg(c.object).entity == ev.target.entity) {
        from = rest.empty() ? WordSpan{} : rest.front();
        if (!rest.empty()) rest.erase(rest.begin());
      }
      if (!from.empty()) {
        int last = from.last;
        for (const auto& a : rest) last = std::max(last, a.last);
        int32_t b = 0, e2 = 0;
        if (Bytes({from.first, last}, &b, &e2)) {
          std::string_view text = s_.doc.substr(b, e2 - b);
          if (demand_like && (text.rfind("to ", 0) == 0 || text.rfind("not to ", 0) == 0)) {
            // "asked (not) to be named": an infinitive with no one named to do it is the
            // subject's own wish, not a demand of anyone.
            if (ev.target.entity.empty()) return;
            size_t cut = text.find("to ") + 3;
            text.remove_prefix(cut);
            b += static_cast<int32_t>(cut);
          }
          ev.content = std::string(text);
          cb = b;
          ce = e2;
        }
      }
    }
    // A demand says what is demanded; without content it is left to the shallow reading.
    if (demand_like && ev.content.empty()) return;
    int32_t sb = 0, se = 0;
    if (!Bytes(c.subject, &sb, &se)) sb = s_.offset + t_.words[c.predicate.front()].start;
    int32_t pe = s_.offset + t_.words[c.predicate.back()].end;
    Fill(&ev, c, std::min(sb, cb ? cb : sb), std::max({se, pe, ce}));
    Emit(std::move(ev), cb, ce, out);
  }

  // Who acted in a passive clause: the phrase after "by", whether the parser made it an
  // argument, the object of a predicate that took the "by" ("was VERB-ed by X"), or left it
  // inside another phrase ("was VERB-ed of NOUN by X"). Empty if no actor is named so.
  Argument PassiveAgent(const Clause& c) const {
    if (!c.predicate.empty() && Lower(t_.words[c.predicate.back()].text) == "by")
      return Arg(c.object);
    std::vector<WordSpan> phrases = c.args;
    phrases.insert(phrases.begin(), c.object);
    for (const WordSpan& w : phrases) {
      for (int k = w.first; !w.empty() && k < w.last; ++k) {
        if (Lower(t_.words[k].text) != "by") continue;
        Argument agent = Arg({k + 1, w.last});
        if (!agent.entity.empty()) return agent;
      }
    }
    return {};
  }

  // The first actor heading the clause's object, or named right after a preposition in the
  // object or an argument ("VERB X to Y", "VERB X in Y").
  Argument TargetIn(const Clause& c, const Argument& source) const {
    Argument a = Arg(c.object);
    if (!a.entity.empty() && !SameActor(a, source)) return a;
    int last = c.object.empty() ? -1 : c.object.last;
    for (const WordSpan& w : c.args) last = std::max(last, w.last);
    int first = c.object.empty() ? (c.args.empty() ? -1 : c.args.front().first) : c.object.first;
    int32_t b = 0, e2 = 0;
    if (first < 0 || !Bytes({first, last}, &b, &e2)) return {};
    static const std::set<std::string> kPreps = {"to",     "in",   "on",  "against", "with",
                                                 "from",   "for",  "at",  "into",    "towards",
                                                 "toward", "over", "upon"};
    for (const ActorMention* m : s_.mentions) {
      if (m->start < b || m->start >= e2 ||
          (m->actor == source.entity && m->code == CodeOf(source)))
        continue;
      std::string_view before = s_.doc.substr(b, m->start - b);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      if (before.size() >= 4 && before.substr(before.size() - 4) == " the") before.remove_suffix(4);
      size_t sp = before.find_last_of(' ');
      std::string prev =
          Lower(std::string(sp == std::string_view::npos ? before : before.substr(sp + 1)));
      if (kPreps.count(prev)) {
        Argument found{std::string(s_.doc.substr(m->start, m->end - m->start)), m->actor};
        code_of_[found.text] = m->code;
        return found;
      }
    }
    return {};
  }

  // A sentence reports one stance: of the clauses that gave events other than demands, keep
  // the one with a named target, then the one highest in the sentence (a governing clause over
  // one inside a noun phrase). Demands stay: an article may set out several in one sentence.
  void KeepMainStance(size_t before, const std::vector<int>& from_clause,
                      std::vector<Event>* out) const {
    int best = -1;
    double best_rank = -1;
    for (size_t k = before; k < out->size(); ++k) {
      const Event& e = (*out)[k];
      if (e.type == "demand" || e.type == "appeal") continue;
      int c = from_clause[k - before];
      double rank = (e.target.entity.empty() ? 0 : 4) + (c_[c].parent < 0 ? 2 : 0) + e.confidence;
      if (rank > best_rank) {
        best_rank = rank;
        best = c;
      }
    }
    if (best < 0) return;
    std::vector<Event> kept(out->begin(), out->begin() + static_cast<long>(before));
    for (size_t k = before; k < out->size(); ++k) {
      const Event& e = (*out)[k];
      if (e.type == "demand" || e.type == "appeal" || from_clause[k - before] == best)
        kept.push_back(e);
    }
    *out = std::move(kept);
  }

  const SentenceAnalysis& s_;
  const ParseTree& t_;
  const std::vector<Clause>& c_;
  const Lexicon& lex_;
  DiscourseState* state_;
  mutable std::map<std::string, std::vector<Argument>> coordinated_;  // phrase -> its actors
  mutable std::map<std::string, std::string> code_of_;  // phrase -> its mention's code
};

}  // namespace

void ExtractEvents(const SentenceAnalysis& s, const Lexicon& lexicon, DiscourseState* state,
                   std::vector<Event>* out) {
  size_t before = out->size();
  if (s.tree && s.clauses && !s.clauses->empty()) SentenceEvents(s, lexicon, state).Run(out);
  ReadDemandFrames(s, lexicon, before, state, out);
  // One demand per report: "COUNTRY's ROLE demands X" names the country inside the person's
  // mention; the person is the source and the country is on the person, so the demand read
  // for the country alone is the same report.
  auto inside = [](const Event& small, const Event& big) {
    return small.source.entity != big.source.entity && !small.source.text.empty() &&
           big.source.text.size() > small.source.text.size() &&
           big.source.text.find(small.source.text) != std::string::npos &&
           small.content == big.content && small.target.entity == big.target.entity;
  };
  std::vector<bool> drop(out->size(), false);
  for (size_t i = before; i < out->size(); ++i) {
    const Event& a = (*out)[i];
    if (a.type != "demand" && a.type != "appeal") continue;
    for (size_t j = before; j < out->size() && !drop[i]; ++j) {
      if (i != j && ((*out)[j].type == "demand" || (*out)[j].type == "appeal") &&
          inside(a, (*out)[j]))
        drop[i] = true;
    }
  }
  size_t w = before;
  for (size_t i = before; i < out->size(); ++i) {
    if (drop[i]) continue;
    if (w != i) (*out)[w] = std::move((*out)[i]);
    ++w;
  }
  out->resize(w);
}

}  // namespace parley

#include "core/triples.h"

#include <algorithm>
#include <set>

#include "core/lemmatizer.h"
#include "util/strings.h"

namespace parley {
namespace {

bool IsQuoteChar(char c) {
  return c == '\'' || c == '`' || c == '"';
}

bool PunctOnly(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return !(std::isalnum(c) || c >= 0x80); });
}

}  // namespace

std::string_view SpanText(const ParseTree& tree, WordSpan span, std::string_view doc,
                          int32_t offset, int32_t* start, int32_t* end) {
  if (span.empty()) return {};
  int first = span.first, last = span.last;
  // Trim punctuation words (commas, quotes) and walls from either edge.
  auto skip = [&](int i) {
    return i <= 0 || i >= static_cast<int>(tree.words.size()) - 1 || PunctOnly(tree.words[i].text);
  };
  while (first <= last && skip(first)) ++first;
  while (last >= first && skip(last)) --last;
  if (first > last) return {};
  int32_t s = offset + tree.words[first].start, e = offset + tree.words[last].end;
  s = std::clamp<int32_t>(s, 0, static_cast<int32_t>(doc.size()));
  e = std::clamp<int32_t>(e, s, static_cast<int32_t>(doc.size()));
  // Quote marks rewritten for the parser ("``" read as '"') are taken back whole.
  while (s > 0 && IsQuoteChar(doc[s]) && IsQuoteChar(doc[s - 1])) --s;
  while (e < static_cast<int32_t>(doc.size()) && e > 0 && IsQuoteChar(doc[e - 1]) &&
         IsQuoteChar(doc[e]))
    ++e;
  if (start) *start = s;
  if (end) *end = e;
  return doc.substr(s, e - s);
}

std::string PredicateText(const ParseTree& tree, const Clause& c) {
  std::string out;
  for (int i : c.predicate) {
    if (!out.empty()) out += ' ';
    out += tree.words[i].text;
  }
  return out;
}

std::string PredicateLemma(const ParseTree& tree, const Clause& c) {
  if (c.verb < 0) return Lower(PredicateText(tree, c));
  const Lemmatizer& lem = Lemmatizer::Get();
  std::string out = lem.Lemma(tree.words[c.verb].text, WordClass::kVerb);
  // Particles and a taken-over preposition belong to the lemma ("call on", "pull out").
  for (int i : c.predicate) {
    if (i > c.verb) out += " " + Lower(tree.words[i].text);
  }
  return out;
}

double ClauseConfidence(const ParseTree& tree, const Clause& c) {
  double conf = 0.55;
  if (tree.kind == ParseTree::kFull) conf += 0.2;
  if (tree.kind == ParseTree::kPartial) conf -= 0.05 * std::min(tree.null_count, 4);
  if (!c.object.empty()) conf += 0.1;
  if (c.subject_inherited) conf -= 0.1;
  if (!c.subject.empty() && c.subject.last - c.subject.first > 6) conf -= 0.1;
  if (!c.object.empty() && c.object.last - c.object.first > 12) conf -= 0.1;
  conf -= 0.04 * static_cast<double>(c.args.size());
  if (c.parent >= 0) conf -= 0.05;
  return std::clamp(conf, 0.05, 0.99);
}

namespace {

bool LeadsWithAdverbial(const ParseTree& tree, WordSpan span) {
  static const std::set<std::string> kLead = {
      "in",    "on",      "at",    "after",     "before",  "according", "because", "when",
      "while", "during",  "since", "although",  "though",  "as",        "by",      "for",
      "with",  "without", "under", "following", "despite", "until",     "from",    "if",
      "once",  "unlike",  "like",  "among",     "amid",    "throughout"};
  return !span.empty() && kLead.count(Lower(tree.words[span.first].text)) > 0;
}

// "After the capture of Madrid , Hill": the subject is what follows the last comma; the
// adverbial before it becomes an argument.
void SplitLeadingAdverbial(const ParseTree& tree, WordSpan* subject, WordSpan* adverbial) {
  if (!LeadsWithAdverbial(tree, *subject)) return;
  for (int w = subject->last; w > subject->first; --w) {
    if (tree.words[w].text == ",") {
      *adverbial = {subject->first, w - 1};
      subject->first = w + 1;
      return;
    }
  }
}

}  // namespace

void ClausesToTriples(const ParseTree& tree, const std::vector<Clause>& clauses,
                      std::string_view doc, int32_t offset, int sentence_index,
                      std::vector<Triple>* out, const EntityLookup& entity_of) {
  std::vector<bool> merged(clauses.size(), false);
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    if (merged[ci]) continue;
    Clause c = clauses[ci];
    // "was thought to be the founder": an infinitive complement with the same subject
    // joins the predicate ("was considered to be"), its object becomes the object.
    if (c.complement_clause > static_cast<int>(ci) && !c.complement.empty() &&
        c.object.first == c.complement.first) {
      const Clause& inner = clauses[c.complement_clause];
      if (inner.infinitive && inner.subject_inherited && inner.subject.first == c.subject.first) {
        for (int w : inner.predicate) c.predicate.push_back(w);
        c.object = inner.object;
        std::vector<WordSpan> args = inner.args;
        args.insert(args.end(), c.args.begin(), c.args.end());
        c.args = args;
        if (inner.verb >= 0) c.verb = inner.verb;
        merged[c.complement_clause] = true;
      }
    }
    // "was | abandoned": a participle read as the complement of "be" belongs to the predicate.
    if (!c.object.empty() && c.object.first == c.object.last &&
        IsVerbWord(tree.words[c.object.first]) && !c.predicate.empty() &&
        IsAuxiliary(Lower(tree.words[c.predicate.back()].text))) {
      c.predicate.push_back(c.object.first);
      c.verb = c.object.first;
      c.object = c.args.empty() ? WordSpan{} : c.args.front();
      if (!c.args.empty()) c.args.erase(c.args.begin());
    }
    WordSpan adverbial;
    SplitLeadingAdverbial(tree, &c.subject, &adverbial);
    if (!adverbial.empty()) c.args.push_back(adverbial);
    Triple t;
    int32_t s0 = 0, e0 = 0;
    t.subject.text = std::string(SpanText(tree, c.subject, doc, offset, &s0, &e0));
    if (t.subject.text.empty() || c.predicate.empty()) continue;
    t.predicate = PredicateText(tree, c);
    t.lemma = PredicateLemma(tree, c);
    int32_t s1 = s0, e1 = e0;
    t.object.text = std::string(SpanText(tree, c.object, doc, offset, &s1, &e1));
    if (entity_of) {
      t.subject.entity = entity_of(s0, e0);
      if (!t.object.text.empty()) t.object.entity = entity_of(s1, e1);
    }
    for (const WordSpan& a : c.args) {
      std::string text(SpanText(tree, a, doc, offset));
      if (!text.empty()) t.args.push_back(std::move(text));
    }
    t.negated = c.negated;
    t.modality = c.modal;
    t.confidence = ClauseConfidence(tree, c);
    t.sentence = sentence_index;
    int32_t ps = offset + tree.words[c.predicate.front()].start;
    t.start = std::min({s0, ps, c.object.empty() ? s0 : s1});
    int32_t pe = offset + tree.words[c.predicate.back()].end;
    t.end = std::max({e0, pe, c.object.empty() ? e0 : e1});
    out->push_back(std::move(t));
  }
}

}  // namespace parley

#include "core/clauses.h"

#include <algorithm>
#include <set>

#include "core/lemmatizer.h"
#include "util/strings.h"

namespace parley {
namespace {

bool IsPunct(const ParsedWord& w) {
  for (unsigned char c : w.text) {
    if (std::isalnum(c) || c >= 0x80) return false;
  }
  return true;
}

bool IsConjunction(const ParsedWord& w) {
  static const std::set<std::string> kConj = {"and", "or", "but", "nor", "yet"};
  return kConj.count(Lower(w.text)) > 0;
}

bool IsNegation(const std::string& lw) {
  return lw == "not" || lw == "n't" || lw == "never";
}

bool IsComplementizer(const ParsedWord& w) {
  std::string lw = Lower(w.text);
  return (lw == "that" && w.tag.rfind("j-c", 0) == 0) || lw == "whether";
}

WordSpan SpanOf(const Constituent& c) {
  return {c.first, c.last};
}

// Walks the constituent tree and collects clauses.
class Walker {
 public:
  explicit Walker(const ParseTree& t) : t_(t) {}
  std::vector<Clause> Run() {
    if (!t_.root.label.empty()) Visit(t_.root, {}, -1);
    return std::move(clauses_);
  }

 private:
  const ParsedWord& W(int i) const { return t_.words[i]; }
  std::string LowerWord(int i) const { return Lower(W(i).text); }

  bool IsContentVerb(int i) const {
    return IsVerbWord(W(i)) && !IsAuxiliary(LowerWord(i)) && !IsModal(LowerWord(i));
  }

  // Any phrase: finds the clauses inside it. `subject` is passed on to a clause that lacks one.
  void Visit(const Constituent& c, WordSpan subject, int parent) {
    if (c.label.empty()) return;
    if (c.label == "S" || c.label == "SINV" || c.label == "SQ") {
      VisitS(c, subject, parent);
    } else if (c.label == "VP") {
      VisitVP(c, subject, {}, parent, false);
    } else if (c.label == "NP") {
      VisitNP(c, parent);
    } else {
      for (const auto& ch : c.children) Visit(ch, {}, parent);
    }
  }

  // A noun phrase: a relative clause inside it takes the phrase before it as its subject.
  void VisitNP(const Constituent& np, int parent) {
    WordSpan head;
    for (const auto& ch : np.children) {
      if (ch.label == "NP" && head.empty()) head = SpanOf(ch);
      if (ch.label == "SBAR") {
        WordSpan s = head.empty() ? WordSpan{np.first, ch.first - 1} : head;
        VisitSBAR(ch, s, parent, /*relative=*/true);
      } else if (ch.label == "VP" && !head.empty()) {
        // A reduced relative ("the men stumbling upon ...").
        VisitVP(ch, head, {}, parent, false);
      } else if (!ch.label.empty()) {
        Visit(ch, {}, parent);
      }
    }
  }

  void VisitSBAR(const Constituent& sbar, WordSpan subject, int parent, bool relative) {
    bool wh = false;
    for (const auto& ch : sbar.children) {
      if (ch.label == "WHNP" || ch.label == "WHPP" || ch.label == "WHADVP") wh = true;
      if (ch.label == "S") {
        // "who ... " inside a relative clause: the relative pronoun's antecedent is the subject.
        VisitS(ch, relative || wh ? subject : WordSpan{}, parent);
      } else if (!ch.label.empty() && ch.label.rfind("WH", 0) != 0) {
        Visit(ch, {}, parent);
      }
    }
  }

  void VisitS(const Constituent& s, WordSpan inherited, int parent) {
    WordSpan subject = inherited;
    bool own_subject = false;
    bool seen_vp = false;
    for (const auto& ch : s.children) {
      if (ch.label.empty() && !seen_vp && !IsPunct(W(ch.word))) {
        // Loose words before the verb phrase belong to the subject: the tree builder leaves
        // some unattached ("(S (NP Iran 's) Supreme Leader (VP said ...))", "(S these (VP ...))").
        if (own_subject && subject.last + 1 == ch.word) {
          subject.last = ch.word;
        } else if (!own_subject) {
          subject = {ch.word, ch.word};
          own_subject = true;
        }
      } else if (ch.label == "NP" && !seen_vp) {
        if (own_subject && subject.last + 1 == ch.first) {
          subject.last = ch.last;
        } else {
          subject = SpanOf(ch);
        }
        own_subject = true;
        VisitNP(ch, parent);
      } else if (ch.label == "VP") {
        seen_vp = true;
        VisitVP(ch, subject, {}, parent, false, !own_subject);
      } else if (ch.label == "S" || ch.label == "SINV") {
        VisitS(ch, {}, parent);
      } else if (ch.label == "SBAR") {
        VisitSBAR(ch, {}, parent, false);
      } else if (!ch.label.empty()) {
        Visit(ch, {}, parent);
      }
    }
  }

  struct Pending {
    std::vector<int> predicate;
    std::vector<const Constituent*> complements;
    std::vector<WordSpan> loose;  // complements made of loose words (flattened clauses)
    int complementizer = -1;
  };

  bool HasContentVerb(const std::vector<int>& words) const {
    return std::any_of(words.begin(), words.end(), [&](int i) { return IsContentVerb(i); });
  }
  bool HasVerb(const std::vector<int>& words) const {
    return std::any_of(words.begin(), words.end(), [&](int i) { return IsVerbWord(W(i)); });
  }

  // A verb phrase. `prefix` carries auxiliaries and modals from an enclosing VP ("must" in
  // "(VP must (VP change ...))").
  void VisitVP(const Constituent& vp, WordSpan subject, std::vector<int> prefix, int parent,
               bool infinitive, bool inherited = false) {
    Pending cur;
    cur.predicate = prefix;
    bool after_conj = false;
    for (const auto& ch : vp.children) {
      if (ch.label.empty()) {
        const ParsedWord& w = W(ch.word);
        std::string lw = LowerWord(ch.word);
        if (IsPunct(w)) continue;
        if (IsConjunction(w) && HasVerb(cur.predicate)) {
          Flush(&cur, subject, parent, infinitive, inherited);
          cur = Pending();
          cur.predicate = prefix;
          after_conj = true;
          continue;
        }
        if (IsComplementizer(w) && HasVerb(cur.predicate)) {
          cur.complementizer = ch.word;
          continue;
        }
        if (cur.complementizer >= 0) continue;  // loose words of a flattened clause
        bool verbish =
            IsVerbWord(w) || IsNegation(lw) || lw == "to" || w.tag == "e" ||
            (ch.word > 0 && !cur.predicate.empty() && w.tag.empty() && lw.size() <= 4 &&
             cur.complements.empty() && std::islower(static_cast<unsigned char>(w.text[0])));
        if (verbish && (!cur.complements.empty() && IsContentVerb(ch.word))) {
          // A second verb after complements without a conjunction: a new clause.
          Flush(&cur, subject, parent, infinitive, inherited);
          cur = Pending();
          cur.predicate = prefix;
        }
        if (verbish && cur.complements.empty()) cur.predicate.push_back(ch.word);
        continue;
      }
      if (ch.label == "VP") {
        if (cur.complementizer >= 0) {
          // "demanded that (NP Iran) (VP halt ...)": a flattened complement clause.
          WordSpan sub;
          if (!cur.complements.empty() && cur.complements.back()->label == "NP") {
            sub = SpanOf(*cur.complements.back());
            cur.complements.pop_back();
          }
          int self = static_cast<int>(clauses_.size());
          cur.loose.push_back({cur.complementizer, ch.last});
          Flush(&cur, subject, parent, infinitive, inherited);
          int before = static_cast<int>(clauses_.size());
          VisitVP(ch, sub, {}, self, false);
          if (before < static_cast<int>(clauses_.size()) && self < before) {
            clauses_[self].complement = {cur.complementizer + 1, ch.last};
            clauses_[self].complement_clause = before;
          }
          cur = Pending();
          cur.predicate = prefix;
          continue;
        }
        if (!HasContentVerb(cur.predicate) && cur.complements.empty()) {
          // Auxiliary chain: carry the auxiliaries into the inner VP.
          VisitVP(ch, subject, cur.predicate, parent, infinitive, inherited);
          cur.predicate = prefix;
          continue;
        }
        if (after_conj || cur.predicate.size() == prefix.size()) {
          VisitVP(ch, subject, prefix, parent, infinitive, inherited);
          continue;
        }
        cur.complements.push_back(&ch);
        continue;
      }
      if (ch.label == "PRT" && cur.complements.empty()) {
        for (int i = ch.first; i <= ch.last && i >= 0; ++i) cur.predicate.push_back(i);
        continue;
      }
      if (ch.label == "ADVP" && cur.complements.empty()) continue;  // adverbs inside the predicate
      cur.complements.push_back(&ch);
    }
    Flush(&cur, subject, parent, infinitive, inherited);
  }

  void Flush(Pending* p, WordSpan subject, int parent, bool infinitive, bool inherited) {
    if (!HasVerb(p->predicate)) {
      for (const Constituent* c : p->complements) Visit(*c, {}, parent);
      return;
    }
    Clause cl;
    cl.subject = subject;
    cl.subject_inherited = inherited;
    cl.parent = parent;
    cl.infinitive = infinitive;
    cl.predicate = p->predicate;
    for (int i : cl.predicate) {
      std::string lw = LowerWord(i);
      if (IsNegation(lw)) cl.negated = true;
      if (IsModal(lw) && cl.modal.empty()) cl.modal = lw;
      if (IsVerbWord(W(i))) cl.verb = i;
    }
    for (int i : cl.predicate) {
      if (IsContentVerb(i)) cl.verb = i;
    }
    // Passive: a form of "be" followed by a past participle.
    for (size_t k = 0; k + 1 < cl.predicate.size(); ++k) {
      std::string lw = LowerWord(cl.predicate[k]);
      bool be = lw == "is" || lw == "are" || lw == "was" || lw == "were" || lw == "be" ||
                lw == "been" || lw == "being";
      if (!be || cl.verb <= cl.predicate[k]) continue;
      // The parser tags a participle it reads as an adjective ("was accused of") "v" alone; its
      // form still shows it ("-ed", "-en" on a verb that is not its own lemma).
      const std::string participle = LowerWord(cl.verb);
      bool form = participle.size() > 3 &&
                  (participle.compare(participle.size() - 2, 2, "ed") == 0 ||
                   participle.compare(participle.size() - 2, 2, "en") == 0) &&
                  Lemmatizer::Get().Lemma(participle, WordClass::kVerb) != participle;
      if (W(cl.verb).tag.find('d') != std::string::npos || form) cl.passive = true;
    }
    int self = static_cast<int>(clauses_.size());
    clauses_.push_back(cl);

    // Complements: the first noun phrase (or clause) is the object, the rest are arguments.
    // With no noun phrase, a first prepositional phrase lends its preposition to the predicate.
    std::vector<WordSpan> comps;
    for (const Constituent* c : p->complements) comps.push_back(SpanOf(*c));
    for (const WordSpan& s : p->loose) comps.push_back(s);
    if (!p->complements.empty() && p->complements.front()->label == "PP" &&
        !p->complements.front()->children.empty() &&
        p->complements.front()->children[0].label.empty()) {
      int prep = p->complements.front()->children[0].word;
      clauses_[self].predicate.push_back(prep);
      if (prep + 1 <= comps[0].last) {
        comps[0].first = prep + 1;
      } else {
        comps.erase(comps.begin());
      }
    }
    if (!comps.empty()) {
      clauses_[self].object = comps[0];
      for (size_t k = 1; k < comps.size(); ++k) clauses_[self].args.push_back(comps[k]);
    }
    // Clauses inside complements: an infinitive after an object is controlled by the object
    // ("urged Iran to return"), otherwise by the subject ("wants to talk").
    WordSpan last_np;
    for (const Constituent* c : p->complements) {
      int before = static_cast<int>(clauses_.size());
      if (c->label == "S" || c->label == "VP") {
        bool inf = c->first >= 0 && LowerWord(c->first) == "to";
        WordSpan controller = !last_np.empty() ? last_np : subject;
        if (c->label == "S") {
          VisitS(*c, controller, self);
        } else {
          VisitVP(*c, controller, {}, self, inf, true);
        }
        if (inf && before < static_cast<int>(clauses_.size())) clauses_[before].infinitive = true;
      } else if (c->label == "SBAR") {
        VisitSBAR(*c, {}, self, false);
      } else if (c->label == "NP") {
        last_np = SpanOf(*c);
        VisitNP(*c, self);
      } else {
        Visit(*c, {}, self);
      }
      if (before < static_cast<int>(clauses_.size()) && clauses_[self].complement_clause < 0 &&
          (c->label == "S" || c->label == "SBAR" || c->label == "VP")) {
        clauses_[self].complement = SpanOf(*c);
        clauses_[self].complement_clause = before;
      }
    }
  }

  const ParseTree& t_;
  std::vector<Clause> clauses_;
};

}  // namespace

bool IsVerbWord(const ParsedWord& w) {
  return !w.tag.empty() && (w.tag[0] == 'v' || w.tag[0] == 'q' || w.tag[0] == 'w');
}

bool IsAuxiliary(const std::string& lw) {
  static const std::set<std::string> kAux = {"be",  "is",   "are", "was", "were",   "been", "being",
                                             "am",  "have", "has", "had", "having", "do",   "does",
                                             "did", "'s",   "'re", "'ve", "'d"};
  return kAux.count(lw) > 0;
}

bool IsModal(const std::string& lw) {
  static const std::set<std::string> kModal = {"will", "would", "shall", "should", "can", "could",
                                               "may",  "might", "must",  "ought",  "'ll"};
  return kModal.count(lw) > 0;
}

std::vector<Clause> ExtractClauses(const ParseTree& tree) {
  return Walker(tree).Run();
}

int ClauseScore(const ParseTree& tree) {
  int score = 0;
  for (const Clause& c : ExtractClauses(tree)) {
    if (c.verb >= 0 && !c.subject.empty()) score += 2;
    if (!c.object.empty()) score += 1;
  }
  for (size_t i = 1; i + 1 < tree.words.size(); ++i) {
    // "Iran 's.v oil": after a name, 's is a possessive far more often than "is".
    if ((tree.words[i].text == "'s" || tree.words[i].text == "’s") && IsVerbWord(tree.words[i]) &&
        !tree.words[i - 1].text.empty() &&
        std::isupper(static_cast<unsigned char>(tree.words[i - 1].text[0]))) {
      score -= 4;
    }
    // "to return.n": an infinitive marker before a noun reading is usually a misparse.
    if (Lower(tree.words[i].text) == "to" && tree.words[i].tag == "r" &&
        !tree.words[i + 1].tag.empty() && tree.words[i + 1].tag[0] == 'n') {
      score -= 1;
    }
  }
  return score;
}

}  // namespace parley

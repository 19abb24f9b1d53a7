#include "core/verb_dictionary.h"

#include <algorithm>

#include "core/lemmatizer.h"
#include "util/data_path.h"
#include "util/strings.h"

namespace parley {
namespace {

// The line without its comment: '#' (PETRARCH) or ';' (TABARI) to the end of the line.
std::string StripComment(const std::string& line) {
  size_t cut = line.find_first_of("#;");
  return std::string(Trim(std::string_view(line).substr(0, cut)));
}

// Splits on blanks, with each of ( ) { } [ ] * a token of its own.
std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (char ch : s) {
    if (ch == ' ' || ch == '\t') {
      flush();
    } else if (ch == '(' || ch == ')' || ch == '{' || ch == '}' || ch == '[' || ch == ']' ||
               ch == '*') {
      flush();
      out.push_back(std::string(1, ch));
    } else {
      cur += ch;
    }
  }
  flush();
  return out;
}

// "ONE_TWO" -> {"one", "two"}.
std::vector<std::string> Words(const std::string& phrase) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : phrase) {
    if (ch == '_' || ch == ' ') {
      if (!cur.empty()) out.push_back(Lower(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(Lower(cur));
  return out;
}

bool IsCodeText(const std::string& c) {
  if (c.empty() || c == "---") return true;
  if (c.size() < 2 || c.size() > 4) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Reads "[CODE]" or "[ACTIVE:PASSIVE]" from `tokens` at `i` ("[" CODE "]"); "---" and an empty
// side become "". False if it is not a code.
bool ReadCode(const std::vector<std::string>& tokens, size_t i, std::string* active,
              std::string* passive) {
  if (i + 2 >= tokens.size() || tokens[i] != "[") return false;
  std::string inner;
  size_t k = i + 1;
  for (; k < tokens.size() && tokens[k] != "]"; ++k) inner += tokens[k];
  if (k >= tokens.size()) return false;
  size_t colon = inner.find(':');
  std::string a = colon == std::string::npos ? inner : inner.substr(0, colon);
  std::string p = colon == std::string::npos ? "" : inner.substr(colon + 1);
  if (!IsCodeText(a) || !IsCodeText(p) || (a.empty() && colon == std::string::npos)) return false;
  *active = a == "---" ? "" : a;
  *passive = p == "---" ? "" : p;
  return true;
}

// How many words of alternative `alt` (head last; `lemmas` its noun lemmas) match `group` (head
// last): all must, each by its form or its lemma ("sanctions" and "sanction" meet); 0 if not.
int MatchWords(const std::vector<std::string>& alt, const std::vector<std::string>& lemmas,
               const NounGroup& group) {
  if (alt.empty() || group.empty()) return 0;
  auto same = [&](size_t m, size_t k) {
    return group.words[k] == alt[m] || (k < group.lemmas.size() && group.lemmas[k] == lemmas[m]);
  };
  size_t head = group.words.size() - 1;
  if (!same(alt.size() - 1, head)) return 0;
  std::vector<bool> used(group.words.size(), false);
  used[head] = true;
  for (size_t m = 0; m + 1 < alt.size(); ++m) {
    bool found = false;
    for (size_t k = 0; k < head && !found; ++k) {
      if (!used[k] && same(m, k)) used[k] = found = true;
    }
    if (!found) return 0;
  }
  return static_cast<int>(alt.size());
}

int MatchNoun(const PatternNoun& n, const NounGroup& group) {
  int best = 0;
  for (size_t a = 0; a < n.alternatives.size(); ++a) {
    best = std::max(best, MatchWords(n.alternatives[a], n.lemmas[a], group));
  }
  return best;
}

// Score of a list of pattern prepositional phrases against the clause's; -1 if one fails.
int MatchPreps(const std::vector<PatternPrep>& pats,
               const std::vector<std::pair<std::string, NounGroup>>& preps) {
  int score = 0;
  for (const PatternPrep& p : pats) {
    int best = -1;
    for (const auto& [prep, group] : preps) {
      if (prep != p.prep) continue;
      int s = 1;
      for (const PatternNoun& n : p.nouns) {
        int m = MatchNoun(n, group);
        if (m == 0) {
          s = -1;
          break;
        }
        s += m;
      }
      best = std::max(best, s);
    }
    if (best < 0) return -1;
    score += best;
  }
  return score;
}

// Score of a pattern against a clause: words matched, or -1 if any element fails.
int MatchPattern(const VerbPattern& p, const ClauseShape& c) {
  int score = 0;
  for (const PatternNoun& n : p.pre_nouns) {
    int m = MatchNoun(n, c.subject);
    if (m == 0) return -1;
    score += m;
  }
  if (!p.pre_preps.empty()) return -1;  // the subject's own phrases are not read
  std::vector<bool> used(c.objects.size(), false);
  for (const PatternNoun& n : p.post_nouns) {
    int best = 0;
    size_t at = 0;
    for (size_t k = 0; k < c.objects.size(); ++k) {
      if (used[k]) continue;
      int m = MatchNoun(n, c.objects[k]);
      if (m > best) {
        best = m;
        at = k;
      }
    }
    if (best == 0) return -1;
    used[at] = true;
    score += best;
  }
  int s = MatchPreps(p.post_preps, c.preps);
  if (s < 0) return -1;
  return score + s;
}

}  // namespace

Status VerbDictionary::Read(const std::string& path) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  return ReadText(path, text);
}

Status VerbDictionary::ReadText(const std::string& name, const std::string& text) {
  int line_no = 0;
  std::string synset;  // the synonym set being read, if any
  bool synset_plurals = true;
  int block = -1;  // the verb block being read in this file, if any
  size_t pos = 0;
  auto fail = [&](const std::string& what) {
    return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": " + what);
  };

  // A noun of a pattern from its tokens (synonym sets expanded): the product of each token's
  // alternatives. False if a synonym set is not defined.
  auto noun_of = [&](const std::vector<std::string>& toks, PatternNoun* out) {
    std::vector<std::vector<std::string>> alts = {{}};
    for (const std::string& t : toks) {
      std::vector<std::vector<std::string>> choices;
      if (t[0] == '&') {
        std::string name = Lower(t.substr(1));
        if (name.size() > 1 && name.back() == '_') name.pop_back();
        auto it = synsets_.find(name);
        if (it == synsets_.end()) return false;
        choices = it->second;
      } else {
        choices.push_back(Words(t));
      }
      std::vector<std::vector<std::string>> next;
      for (const auto& a : alts) {
        for (const auto& c : choices) {
          std::vector<std::string> w = a;
          w.insert(w.end(), c.begin(), c.end());
          next.push_back(std::move(w));
        }
      }
      alts = std::move(next);
    }
    for (const auto& a : alts) {
      std::vector<std::string> l;
      for (const std::string& w : a) l.push_back(Lemmatizer::Get().Lemma(w, WordClass::kNoun));
      out->lemmas.push_back(std::move(l));
    }
    out->alternatives = std::move(alts);
    return true;
  };

  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string raw = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    std::string trimmed(Trim(raw));
    if (trimmed.empty() || trimmed[0] == '#' || trimmed.rfind("<!", 0) == 0) continue;

    if (trimmed.rfind("---", 0) == 0) {  // ---  MEANING  [CODE]  ---
      std::vector<std::string> t = Tokens(StripComment(trimmed));
      if (t.size() < 6 || t.back() != "---" || t[2] != "[")
        return fail("a verb block opens as '--- MEANING [CODE] ---'");
      Block b;
      b.meaning = t[1];
      if (!ReadCode(t, 2, &b.code, &b.passive_code) || t[t.size() - 2] != "]") {
        return fail("bad code in the verb block line");
      }
      blocks_.push_back(std::move(b));
      block = static_cast<int>(blocks_.size()) - 1;
      synset.clear();
      continue;
    }
    if (trimmed[0] == '-') {  // - PRE * POST [CODE]
      if (block < 0) return fail("a pattern outside a verb block");
      std::vector<std::string> t = Tokens(StripComment(trimmed.substr(1)));
      size_t open = t.size();
      for (size_t k = 0; k < t.size(); ++k) {
        if (t[k] == "[") open = k;
      }
      VerbPattern p;
      p.line = line_no;
      if (open == t.size() || !ReadCode(t, open, &p.code, &p.passive_code))
        return fail("a pattern needs a code in [...]");
      size_t close = open;
      while (close < t.size() && t[close] != "]") ++close;
      if (close + 1 != t.size()) return fail("text after the pattern's code");
      bool post = false, stars = false, in_paren = false, in_brace = false, ok = true;
      std::vector<std::string> group;
      PatternPrep prep;
      bool prep_named = false;
      auto add_noun = [&](const std::vector<std::string>& toks) {
        PatternNoun n;
        if (!noun_of(toks, &n)) {
          ok = false;  // an undefined synonym set: the pattern is ignored, as PETRARCH does
          return;
        }
        if (in_paren)
          prep.nouns.push_back(std::move(n));
        else
          (post ? p.post_nouns : p.pre_nouns).push_back(std::move(n));
      };
      for (size_t k = 0; k < open; ++k) {
        const std::string& w = t[k];
        if (w == "*") {
          if (stars) return fail("two '*' in a pattern");
          if (in_paren || in_brace) return fail("'*' inside (...) or {...}");
          stars = post = true;
        } else if (w == "(") {
          if (in_paren || in_brace) return fail("'(' inside (...) or {...}");
          in_paren = true;
          prep = PatternPrep();
          prep_named = false;
        } else if (w == ")") {
          if (!in_paren || in_brace) return fail("unbalanced ')'");
          if (!prep_named) return fail("'()' without a preposition");
          in_paren = false;
          (post ? p.post_preps : p.pre_preps).push_back(std::move(prep));
        } else if (w == "{") {
          if (in_brace) return fail("'{' inside {...}");
          in_brace = true;
          group.clear();
        } else if (w == "}") {
          if (!in_brace) return fail("unbalanced '}'");
          if (group.empty()) return fail("an empty {...}");
          in_brace = false;
          add_noun(group);
        } else if (w == "+" || w == "$") {
          std::string where =
              in_paren ? (prep_named ? prep.prep : "") : (post ? "dobj" : "subject");
          (w == "+" ? p.target : p.source) = where;
        } else if (w == "%" || w == "^") {
          // TABARI's compound and skip markers: no words to match.
        } else if (in_brace) {
          group.push_back(w);
        } else if (in_paren && !prep_named) {
          prep.prep = Lower(w);
          prep_named = true;
        } else {
          add_noun({w});
        }
      }
      if (in_paren) return fail("unbalanced '('");
      if (in_brace) return fail("unbalanced '{'");
      if (!stars) return fail("a pattern needs '*' where the verb stands");
      if (!p.target.empty()) target_slots_.insert(p.target);
      if (ok) blocks_[block].patterns.push_back(std::move(p));
      continue;
    }
    if (trimmed[0] == '&') {  // &NAME
      std::vector<std::string> t = Tokens(StripComment(trimmed));
      if (t.size() != 1 || t[0].size() < 2) return fail("a synonym set is named as '&NAME'");
      synset = t[0].substr(1);
      block = -1;  // a synonym set ends the verb block before it
      synset_plurals = synset.back() != '_';
      if (!synset_plurals) synset.pop_back();  // "&NAME_": no plurals; the set is NAME
      synsets_[Lower(synset)];
      continue;
    }
    if (trimmed[0] == '~') {  // ~ a (a b X) SAY = a b Q
      if (trimmed.find('=') == std::string::npos) return fail("a transformation needs '='");
      transformations_.push_back(StripComment(trimmed.substr(1)));
      continue;
    }
    if (trimmed[0] == '+' && !synset.empty() && block < 0) {  // a member of the synonym set
      std::string member = StripComment(trimmed.substr(1));
      if (member.empty() || member.find_first_of("(){}[]*$+&") != std::string::npos) {
        return fail("a synonym is words only");
      }
      bool plural = synset_plurals && member.back() != '_';
      std::vector<std::string> w = Words(member);
      auto& set = synsets_[Lower(synset)];
      set.push_back(w);
      if (plural) {
        // Regular plurals, as PETRARCH makes them: -y -> -ies, -ss -> -sses, else -s.
        std::string& h = w.back();
        if (h.size() > 1 && h.back() == 'y')
          h = h.substr(0, h.size() - 1) + "ies";
        else if (h.size() > 1 && h.compare(h.size() - 2, 2, "ss") == 0)
          h += "es";
        else
          h += "s";
        set.push_back(w);
      }
      continue;
    }
    // A verb: PRIMARY {FORMS} [CODE]
    if (block < 0)
      return fail(synset.empty() ? "a verb outside a verb block" : "a synonym starts with '+'");
    std::vector<std::string> t = Tokens(StripComment(trimmed));
    VerbEntry v;
    v.line = line_no;
    v.block = block;
    v.code = blocks_[block].code;
    v.passive_code = blocks_[block].passive_code;
    std::vector<std::string> forms;
    size_t k = 1;
    if (k < t.size() && t[k] == "{") {
      for (++k; k < t.size() && t[k] != "}"; ++k) {
        if (t[k] == "{" || t[k] == "[" || t[k] == "]")
          return fail("unbalanced '{' in the verb's forms");
        forms.push_back(t[k]);
      }
      if (k == t.size()) return fail("unbalanced '{' in the verb's forms");
      ++k;
    }
    if (k < t.size() && t[k] == "[") {
      if (!ReadCode(t, k, &v.code, &v.passive_code)) return fail("bad code for the verb");
      v.own_code = true;
      while (k < t.size() && t[k] != "]") ++k;
      ++k;
    }
    if (t.empty() || k < t.size()) return fail("a verb line is 'VERB {FORMS} [CODE]'");
    // The verb word is the one marked '+' in a phrase (WIRE_+TAP), else the first.
    auto split = [&](const std::string& phrase, std::vector<std::string>* front,
                     std::string* rest) {
      std::vector<std::string> w;
      std::string cur;
      int verb_at = -1;
      for (size_t i = 0; i <= phrase.size(); ++i) {
        if (i == phrase.size() || phrase[i] == '_') {
          if (!cur.empty()) w.push_back(Lower(cur));
          cur.clear();
        } else if (phrase[i] == '+') {
          verb_at = static_cast<int>(w.size());
        } else {
          cur += phrase[i];
        }
      }
      if (w.empty()) return false;
      if (verb_at < 0 || verb_at >= static_cast<int>(w.size())) verb_at = 0;
      front->assign(w.begin(), w.begin() + verb_at);
      *rest = w[verb_at];
      for (size_t i = verb_at + 1; i < w.size(); ++i) *rest += " " + w[i];
      return true;
    };
    std::string base_word;
    if (!split(t[0], &v.front, &v.lemma)) return fail("a verb line is 'VERB {FORMS} [CODE]'");
    base_word = v.lemma.substr(0, v.lemma.find(' '));
    for (const std::string& f : forms) {
      std::vector<std::string> front;
      std::string rest;
      if (split(f, &front, &rest)) forms_[rest.substr(0, rest.find(' '))] = base_word;
    }
    max_particles_ = std::max<size_t>(
        max_particles_, static_cast<size_t>(std::count(v.lemma.begin(), v.lemma.end(), ' ')));
    auto& list = verbs_[v.lemma];
    auto same = std::find_if(list.begin(), list.end(),
                             [&](const VerbEntry& e) { return e.front == v.front; });
    if (same != list.end()) {
      *same = std::move(v);
    } else {
      list.push_back(std::move(v));
      ++verb_count_;
    }
  }
  return Status::OK();
}

const VerbEntry* VerbDictionary::Find(const std::string& lemma, const std::string& before) const {
  auto it = verbs_.find(lemma);
  if (it == verbs_.end()) return nullptr;
  const VerbEntry* plain = nullptr;
  for (const VerbEntry& e : it->second) {
    if (e.front.empty())
      plain = &e;
    else if (!before.empty() && e.front.back() == before)
      return &e;
  }
  return plain;
}

std::string VerbDictionary::BaseOf(const std::string& form) const {
  auto it = forms_.find(form);
  return it == forms_.end() ? "" : it->second;
}

bool VerbDictionary::Code(const ClauseShape& clause, VerbCoding* out) const {
  *out = VerbCoding();
  std::string verb = clause.verb;
  if (!verbs_.count(verb)) {
    std::string base = BaseOf(verb);
    if (!base.empty()) verb = base;
  }
  // The longest run of particles the dictionary knows with the verb ("pull out of", "pull out").
  const VerbEntry* entry = nullptr;
  size_t used = 0;
  for (size_t n = std::min(clause.particles.size(), max_particles_) + 1; n-- > 0 && !entry;) {
    std::string key = verb;
    for (size_t i = 0; i < n; ++i) key += " " + clause.particles[i];
    entry = Find(key, clause.before);
    if (entry) used = n;
  }
  if (!entry) return false;
  // A particle the entry did not take is a preposition whose object is the clause's object
  // ("called on Tehran" with CALL and its pattern "* (ON)").
  ClauseShape c = clause;
  if (used < c.particles.size()) {
    NounGroup obj;
    if (!c.objects.empty()) {
      obj = c.objects.front();
      c.objects.erase(c.objects.begin());
    }
    c.preps.insert(c.preps.begin(), {c.particles[used], obj});
  }
  out->verb = entry;
  out->code = entry->code;
  int best = -1;
  for (const VerbPattern& p : blocks_[entry->block].patterns) {
    int s = MatchPattern(p, c);
    if (s == 0 && entry->own_code) continue;  // an empty pattern stands for the block's code only
    // The later of equally specific patterns wins, as a later entry replaces an earlier one in
    // PETRARCH's pattern tree; an empty pattern ("- * [CODE]") matches with 0.
    if (s >= 0 && s >= best) {
      best = s;
      out->pattern = &p;
    }
  }
  std::string passive = entry->passive_code;
  if (out->pattern) {
    out->code = out->pattern->code;
    passive = out->pattern->passive_code;
    out->matched = best;
  }
  if (out->code.empty() && !passive.empty()) {
    out->code = passive;
    out->reversed = true;
  }
  return true;
}

size_t VerbDictionary::pattern_count() const {
  size_t n = 0;
  for (const Block& b : blocks_) n += b.patterns.size();
  return n;
}

std::vector<std::string> VerbDictionary::Codes() const {
  std::set<std::string> codes;
  for (const Block& b : blocks_) {
    codes.insert(b.code);
    codes.insert(b.passive_code);
    for (const VerbPattern& p : b.patterns) {
      codes.insert(p.code);
      codes.insert(p.passive_code);
    }
  }
  for (const auto& [lemma, list] : verbs_) {
    for (const VerbEntry& e : list) {
      codes.insert(e.code);
      codes.insert(e.passive_code);
    }
  }
  codes.erase("");
  return {codes.begin(), codes.end()};
}

}  // namespace parley

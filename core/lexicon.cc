#include "core/lexicon.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

#include "core/lemmatizer.h"
#include "core/segmenter.h"
#include "util/data_path.h"
#include "util/json_field.h"
#include "util/strings.h"

namespace parley {
namespace {

using nlohmann::json;

Status ParseJsonFile(const std::string& path, json* out) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  *out = json::parse(text, nullptr, false);
  if (out->is_discarded() || !out->is_object())
    return Status::InvalidInput(path + ": not a JSON object");
  return Status::OK();
}

// A list of strings under `key`, lower-cased; an error if it is there but not such a list.
Status ReadList(const json& j, const std::string& path, const char* key,
                std::vector<std::string>* out) {
  auto it = j.find(key);
  if (it == j.end()) return Status::OK();
  if (!it->is_array()) return Status::InvalidInput(path + ": \"" + key + "\" is not a list");
  for (const auto& s : *it) {
    if (!s.is_string()) return Status::InvalidInput(path + ": \"" + key + "\" holds a non-string");
    out->push_back(Lower(s.get<std::string>()));
  }
  return Status::OK();
}

// A map of strings to CAMEO codes under `key`.
Status ReadCodes(const json& j, const std::string& path, const char* key,
                 std::unordered_map<std::string, std::string>* out) {
  auto it = j.find(key);
  if (it == j.end()) return Status::OK();
  if (!it->is_object()) return Status::InvalidInput(path + ": \"" + key + "\" is not an object");
  for (const auto& [k, v] : it->items()) {
    if (k == "about") continue;
    if (!v.is_string()) return Status::InvalidInput(path + ": " + key + "." + k + " is not a code");
    (*out)[Lower(k)] = v.get<std::string>();
  }
  return Status::OK();
}

// A map of words to frames under `key`: a code, or {"code", "target", "content"}.
Status ReadFrames(const json& j, const std::string& path, const char* key,
                  std::unordered_map<std::string, Lexicon::Frame>* out) {
  auto it = j.find(key);
  if (it == j.end()) return Status::OK();
  if (!it->is_object()) return Status::InvalidInput(path + ": \"" + key + "\" is not an object");
  for (const auto& [k, v] : it->items()) {
    if (k == "about") continue;
    std::string where = path + ": " + key + "." + k;
    Lexicon::Frame f;
    if (v.is_string()) {
      f.code = v.get<std::string>();
    } else if (v.is_object() && v.contains("code") && v["code"].is_string()) {
      f.code = v["code"].get<std::string>();
      for (auto [field, list] :
           {std::pair{"target", &f.target}, std::pair{"content", &f.content}}) {
        if (!v.contains(field)) continue;
        PARLEY_RETURN_IF_ERROR(ReadList(v, where, field, list));
        f.slots = true;
      }
      if (v.contains("complement")) {
        if (!v["complement"].is_boolean())
          return Status::InvalidInput(where + ".complement is not true or false");
        f.complement = v["complement"].get<bool>();
      }
    } else {
      return Status::InvalidInput(where + " is neither a code nor {\"code\": ...}");
    }
    (*out)[Lower(k)] = std::move(f);
  }
  return Status::OK();
}

// Words that open a prepositional phrase.
bool IsPreposition(const std::string& w) {
  static const std::set<std::string> kPreps = {
      "about",      "above",   "across",  "after",   "against", "along",  "amid",    "amidst",
      "among",      "amongst", "around",  "as",      "at",      "before", "behind",  "below",
      "beneath",    "beside",  "besides", "between", "beyond",  "by",     "despite", "during",
      "for",        "from",    "in",      "inside",  "into",    "near",   "of",      "off",
      "on",         "onto",    "out",     "outside", "over",    "past",   "since",   "through",
      "throughout", "to",      "toward",  "towards", "under",   "until",  "upon",    "via",
      "with",       "within",  "without"};
  return kPreps.count(w) > 0;
}

bool IsWord(const std::string& w) {
  return !w.empty() && std::isalpha(static_cast<unsigned char>(w[0]));
}

}  // namespace

LexiconFiles Lexicon::DefaultFiles() {
  LexiconFiles f;
  f.verbs = {DataPath("petrarch/CAMEO.2.0.txt"), DataPath("verbs.txt")};
  f.predicates = DataPath("predicates.json");
  f.policies = DataPath("policies.json");
  f.event_types = DataPath("event_types.json");
  return f;
}

Status Lexicon::LoadDefault(Lexicon* out) {
  return Load(DefaultFiles(), out);
}

Lexicon::Lexicon() : cache_(std::make_unique<Cache>()) {}

Status Lexicon::Load(const LexiconFiles& files, Lexicon* out) {
  *out = Lexicon();
  for (const std::string& v : files.verbs) PARLEY_RETURN_IF_ERROR(out->dictionary_.Read(v));

  json types;
  PARLEY_RETURN_IF_ERROR(ParseJsonFile(files.event_types, &types));
  auto coding = types.find("coding");
  auto known = types.find("types");
  if (coding == types.end() || !coding->is_object() || known == types.end() ||
      !known->is_object()) {
    return Status::InvalidInput(files.event_types + ": expected \"types\" and a \"coding\" table");
  }
  for (const auto& [code, type] : coding->items()) {
    if (!type.is_string() || !known->contains(type.get<std::string>())) {
      return Status::InvalidInput(files.event_types + ": coding." + code +
                                  " names no type of \"types\"");
    }
    out->coding_[code] = type.get<std::string>();
  }

  json p;
  const std::string& path = files.predicates;
  PARLEY_RETURN_IF_ERROR(ParseJsonFile(path, &p));
  PARLEY_RETURN_IF_ERROR(ReadFrames(p, path, "clause_frames", &out->frames_));
  PARLEY_RETURN_IF_ERROR(ReadFrames(p, path, "event_nouns", &out->nouns_));
  PARLEY_RETURN_IF_ERROR(ReadCodes(p, path, "future_codes", &out->future_codes_));
  PARLEY_RETURN_IF_ERROR(ReadCodes(p, path, "verb_codes", &out->verb_codes_));
  std::vector<std::string> list;
  PARLEY_RETURN_IF_ERROR(ReadList(p, path, "self_infinitive", &list));
  out->self_infinitive_.insert(list.begin(), list.end());
  list.clear();
  PARLEY_RETURN_IF_ERROR(ReadList(p, path, "object_frames", &list));
  out->object_frames_.insert(list.begin(), list.end());
  PARLEY_RETURN_IF_ERROR(ReadList(p, path, "target_slots", &out->target_slots_));
  PARLEY_RETURN_IF_ERROR(ReadList(p, path, "content_slots", &out->content_slots_));
  for (auto [key, set] :
       {std::pair{"light_verbs", &out->light_verbs_},
        std::pair{"demand_modals", &out->demand_modals_}, std::pair{"hedge_cues", &out->hedges_},
        std::pair{"future_modals", &out->future_modals_}}) {
    list.clear();
    PARLEY_RETURN_IF_ERROR(ReadList(p, path, key, &list));
    set->insert(list.begin(), list.end());
  }
  PARLEY_RETURN_IF_ERROR(ReadList(p, path, "condition_cues", &out->conditions_));
  // Longest cues first, so "only if" wins over "if".
  std::sort(out->conditions_.begin(), out->conditions_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  // Every code this file gives must have an event type.
  auto typed = [&](const char* section, const std::string& word, const std::string& code) {
    if (!out->TypeOf(code).empty()) return Status::OK();
    return Status::InvalidInput(path + ": " + section + "." + word + ": no event type for code '" +
                                code + "'");
  };
  for (const auto& [w, f] : out->frames_) PARLEY_RETURN_IF_ERROR(typed("clause_frames", w, f.code));
  for (const auto& [w, f] : out->nouns_) PARLEY_RETURN_IF_ERROR(typed("event_nouns", w, f.code));
  for (const auto& [w, c] : out->verb_codes_) PARLEY_RETURN_IF_ERROR(typed("verb_codes", w, c));
  for (const auto& [w, c] : out->future_codes_) PARLEY_RETURN_IF_ERROR(typed("future_codes", w, c));

  json q;
  PARLEY_RETURN_IF_ERROR(ParseJsonFile(files.policies, &q));
  auto policies = q.find("policies");
  if (policies == q.end() || !policies->is_array()) {
    return Status::InvalidInput(files.policies + ": no \"policies\" list");
  }
  for (size_t k = 0; k < policies->size(); ++k) {
    const json& e = (*policies)[k];
    std::string where = files.policies + ": policies[" + std::to_string(k) + "]";
    PolicyEntry pe;
    PARLEY_RETURN_IF_ERROR(JsonField<std::string>(e, "id", "", where, &pe.id));
    PARLEY_RETURN_IF_ERROR(JsonField<std::string>(e, "name", "", where, &pe.name));
    if (pe.id.empty() || pe.name.empty()) continue;
    int idx = static_cast<int>(out->policies_.size());
    out->policies_.push_back(pe);
    std::vector<std::string> names = {pe.name};
    if (auto a = e.find("aliases"); a != e.end() && a->is_array()) {
      for (const auto& s : *a) {
        if (s.is_string()) names.push_back(s.get<std::string>());
      }
    }
    for (const auto& n : names) {
      std::vector<Token> t = Tokenize(n, 0, static_cast<int32_t>(n.size()));
      if (t.empty()) continue;
      std::string key;
      for (size_t i = 0; i < t.size(); ++i) key += (i ? " " : "") + Lower(t[i].text);
      out->policy_names_.emplace(key, idx);
      out->max_policy_tokens_ = std::max(out->max_policy_tokens_, t.size());
    }
  }
  return Status::OK();
}

std::string Lexicon::TypeOf(const std::string& code) const {
  for (size_t n = code.size(); n >= 2; --n) {
    auto it = coding_.find(code.substr(0, n));
    if (it != coding_.end()) return it->second;
  }
  return "";
}

const PredicateEntry* Lexicon::Entry(const std::string& code, const Frame* frame,
                                     const std::string& pattern_target, bool self_infinitive,
                                     bool reversed) const {
  std::string key =
      code + "|" +
      (frame ? frame->code + ":" + std::to_string(reinterpret_cast<uintptr_t>(frame)) : "") + "|" +
      pattern_target + "|" + (self_infinitive ? "s" : "") + (reversed ? "r" : "");
  std::lock_guard<std::mutex> lock(cache_->mu);
  auto it = cache_->entries.find(key);
  if (it != cache_->entries.end()) return &it->second;
  std::string type = TypeOf(code);
  if (type.empty()) return nullptr;
  PredicateEntry e;
  e.type = type;
  e.cameo = code;
  bool slots = frame && frame->slots;
  // Where the target stands: where the pattern marks it, then where the verb puts it (a demand
  // verb's own slots), else the object and the phrases of the general prepositions.
  if (!pattern_target.empty() && pattern_target != "subject") e.target.push_back(pattern_target);
  for (const std::string& t : slots ? frame->target : target_slots_) {
    if (t != pattern_target) e.target.push_back(t);
  }
  e.content = slots ? frame->content : content_slots_;
  e.complement = slots && frame->complement && (type == "demand" || type == "appeal");
  e.no_subject_infinitive = self_infinitive;
  e.reversed = reversed;
  return &cache_->entries.emplace(key, std::move(e)).first->second;
}

const PredicateEntry* Lexicon::ForCode(const std::string& code) const {
  return Entry(code, nullptr, "", false, false);
}

ClauseShape Lexicon::ShapeOf(const ParseTree& t, const Clause& c) const {
  ClauseShape s;
  if (c.verb < 0) return s;
  const Lemmatizer& lem = Lemmatizer::Get();
  auto word = [&](int i) { return Lower(t.words[i].text); };
  s.verb = lem.Lemma(word(c.verb), WordClass::kVerb);
  for (int i : c.predicate) {
    if (i > c.verb && IsWord(word(i))) s.particles.push_back(word(i));
  }
  if (c.verb > 1) s.before = word(c.verb - 1);
  // A phrase's noun group runs to its first preposition, comma or relative word; the
  // prepositional phrases after it each have their own.
  auto read = [&](WordSpan span, bool subject) {
    if (span.empty()) return;
    std::string prep;
    NounGroup g;
    bool started = false;
    auto flush = [&] {
      if (g.empty() && prep.empty()) return;
      if (subject) {
        if (!started && prep.empty()) s.subject = g;
      } else if (prep.empty()) {
        s.objects.push_back(g);
      } else {
        s.preps.push_back({prep, g});
      }
      started = true;
      g = NounGroup();
    };
    for (int i = span.first; i <= span.last && i < static_cast<int>(t.words.size()); ++i) {
      std::string w = word(i);
      if (w == "," || w == ";" || w == "that" || w == "which" || w == "who" || w == "whom") break;
      if (IsPreposition(w)) {
        // "out of": the last of adjacent prepositions opens the phrase.
        if (!g.empty()) flush();
        prep = w;
        continue;
      }
      if (!IsWord(w)) continue;
      g.words.push_back(w);
      g.lemmas.push_back(lem.Lemma(w, WordClass::kNoun));
    }
    flush();
  };
  read(c.subject, true);
  // The object, unless it is a clause ("demanded that ...").
  bool clause_object = !c.complement.empty() && !c.object.empty() &&
                       c.complement.first <= c.object.first && c.object.first <= c.complement.last;
  if (!clause_object) read(c.object, false);
  for (const WordSpan& a : c.args) read(a, false);
  return s;
}

const PredicateEntry* Lexicon::Code(const ParseTree& tree, const Clause& c) const {
  // "Iran must stop enrichment" says what should happen, not what happened.
  if (IsDemandModal(c.modal)) return nullptr;
  ClauseShape s = ShapeOf(tree, c);
  if (s.verb.empty()) return nullptr;
  bool self = self_infinitive_.count(s.verb) > 0;
  // A verb's clause frame: with its particles ("call on") always, alone with a clause after
  // it (or, for some, a noun object). The word right after the verb counts as its particle
  // even where the parse left it out of the predicate.
  std::vector<std::string> particles = s.particles;
  if (particles.empty() && c.verb + 1 < static_cast<int>(tree.words.size())) {
    std::string next = Lower(tree.words[c.verb + 1].text);
    if (frames_.count(s.verb + " " + next)) particles.push_back(next);
  }
  const Frame* frame = nullptr;  // the verb's frame, whose slots hold whatever code it gets
  for (size_t n = particles.size() + 1; n-- > 0;) {
    std::string key = s.verb;
    for (size_t i = 0; i < n; ++i) key += " " + particles[i];
    auto it = frames_.find(key);
    if (it == frames_.end()) continue;
    if (!frame) frame = &it->second;
    bool object = !s.objects.empty() && object_frames_.count(key);
    // A demand verb ("demand", "urge", "call on") demands whatever follows it.
    if (n > 0 || c.complement_clause >= 0 || object || it->second.slots) {
      return Entry(it->second.code, &it->second, "", self, false);
    }
  }
  VerbCoding vc;
  bool known = dictionary_.Code(s, &vc);
  // "renewed an appeal", "issued a warning": the object noun names the event, unless a pattern
  // of the verb read the object more specifically. A light verb over any other noun ("issued
  // a statement", "made a trip") names no event of its own.
  if (IsLightVerb(s.verb) && !s.objects.empty() && !(vc.pattern && vc.matched > 0)) {
    auto it = nouns_.find(s.objects.front().lemmas.back());
    return it != nouns_.end() ? Entry(it->second.code, &it->second, "", false, false) : nullptr;
  }
  // A verb the dictionary codes only through its patterns ("reject" [---]) has a code of its
  // own in news use when none matched ("rejected the plan": 120).
  if (known && vc.code.empty() && !vc.pattern) {
    auto it = verb_codes_.find(vc.verb->lemma);
    if (it != verb_codes_.end()) vc.code = it->second;
  }
  if (!known || vc.code.empty()) return nullptr;
  std::string target = vc.pattern ? vc.pattern->target : "";
  if (vc.reversed) return Entry(vc.code, frame, "", self, true);
  // "will provide aid", "said it would blockade the port": an action announced for the future
  // is an intent (03) or a threat (13), as CAMEO codes it.
  if (future_modals_.count(c.modal)) {
    auto it = future_codes_.find(vc.code.substr(0, 2));
    if (it != future_codes_.end()) return Entry(it->second, frame, target, self, false);
  }
  return Entry(vc.code, frame, target, self, false);
}

const PredicateEntry* Lexicon::Verb(const std::string& lemma) const {
  auto it = frames_.find(lemma);
  if (it != frames_.end())
    return Entry(it->second.code, &it->second, "", self_infinitive_.count(lemma) > 0, false);
  const VerbEntry* v = dictionary_.Find(lemma);
  if (!v) return nullptr;
  std::string code = v->code;
  if (code.empty()) {
    auto own = verb_codes_.find(lemma);
    if (own == verb_codes_.end()) return nullptr;
    code = own->second;
  }
  const PredicateEntry* e = Entry(code, nullptr, "", false, false);
  // The demand verbs are the clause frames; a verb the dictionary files under demands or
  // appeals besides ("necessitate", "campaign") is no demand verb alone.
  if (e && (e->type == "demand" || e->type == "appeal")) return nullptr;
  return e;
}

const PredicateEntry* Lexicon::Noun(const std::string& lemma) const {
  auto it = nouns_.find(lemma);
  return it == nouns_.end() ? nullptr : Entry(it->second.code, &it->second, "", false, false);
}

std::vector<Lexicon::PolicyMatch> Lexicon::FindPolicies(const std::vector<Token>& tokens, int first,
                                                        int last) const {
  std::vector<PolicyMatch> out;
  for (int i = std::max(first, 0); i <= last && i < static_cast<int>(tokens.size());) {
    int found = 0;
    for (int n = static_cast<int>(std::min<size_t>(max_policy_tokens_, last - i + 1)); n >= 1;
         --n) {
      std::string key;
      for (int k = i; k < i + n; ++k) key += (k > i ? " " : "") + Lower(tokens[k].text);
      auto it = policy_names_.find(key);
      if (it != policy_names_.end()) {
        out.push_back({i, i + n - 1, &policies_[it->second]});
        found = n;
        break;
      }
    }
    i += found ? found : 1;
  }
  return out;
}

}  // namespace parley

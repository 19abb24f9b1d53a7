#include "core/lexicon.h"
#include "core/strings.h"

#include <nlohmann/json.hpp>

#include "core/data_path.h"
#include "core/segmenter.h"

namespace parley {
namespace {

using nlohmann::json;


Status ParseJsonFile(const std::string& path, json* out) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  *out = json::parse(text, nullptr, false);
  if (out->is_discarded() || !out->is_object()) return Status::InvalidInput(path + ": not a JSON object");
  return Status::OK();
}

void ReadEntries(const json& j, const char* section, std::unordered_map<std::string, PredicateEntry>* out) {
  auto it = j.find(section);
  if (it == j.end() || !it->is_object()) return;
  for (const auto& [key, v] : it->items()) {
    if (!v.is_object()) continue;
    PredicateEntry e;
    e.type = v.value("type", "");
    e.cameo = v.value("cameo", "");
    if (e.type.empty()) continue;
    if (auto t = v.find("target"); t != v.end()) {
      if (t->is_array()) {
        for (const auto& s : *t) {
          if (s.is_string()) e.target.push_back(s.get<std::string>());
        }
      } else if (t->is_string()) {
        e.target.push_back(t->get<std::string>());
      }
    }
    if (auto c = v.find("content"); c != v.end() && c->is_array()) {
      for (const auto& x : *c) {
        if (x.is_string()) e.content.push_back(x.get<std::string>());
      }
    }
    e.complement = v.value("complement", false);
    if (auto o = v.find("objects"); o != v.end() && o->is_object()) {
      for (const auto& [head, code] : o->items()) {
        if (code.is_string()) e.objects[Lower(head)] = code.get<std::string>();
        else if (code.is_object()) e.objects[Lower(head)] = code.value("cameo", "");
      }
    }
    // A phrase group lists several heads and objects ("impose/slap/levy" x "sanction/tariff"):
    // every pair is a key. Other sections key the entry by its own name.
    auto heads = v.find("head");
    auto objects = v.find("object");
    if (heads != v.end() && heads->is_array() && objects != v.end() && objects->is_array()) {
      for (const auto& h : *heads) {
        for (const auto& o : *objects) {
          if (h.is_string() && o.is_string()) {
            out->emplace(Lower(h.get<std::string>() + " " + o.get<std::string>()), e);
          }
        }
      }
    }
    // "wants to X" (a frame given as null) is no event, unlike "wants Y to X".
    if (auto f = v.find("frames"); f != v.end() && f->is_object()) {
      if (auto to = f->find("to"); to != f->end() && to->is_null()) e.no_subject_infinitive = true;
    }
    (*out)[Lower(key)] = std::move(e);
  }
}

void ReadSet(const json& j, const char* key, std::unordered_set<std::string>* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return;
  for (const auto& s : *it) {
    if (s.is_string()) out->insert(Lower(s.get<std::string>()));
  }
}

}  // namespace

Status Lexicon::LoadDefault(Lexicon* out) {
  return Load(DataPath("predicates.json"), DataPath("policies.json"), out);
}

Status Lexicon::Load(const std::string& predicates, const std::string& policies, Lexicon* out) {
  *out = Lexicon();
  json p;
  PARLEY_RETURN_IF_ERROR(ParseJsonFile(predicates, &p));
  ReadEntries(p, "verbs", &out->verbs_);
  ReadEntries(p, "phrases", &out->phrases_);
  ReadEntries(p, "nouns", &out->nouns_);
  ReadSet(p, "demand_modals", &out->demand_modals_);
  ReadSet(p, "hedge_cues", &out->hedges_);
  ReadSet(p, "negation_cues", &out->negations_);
  if (auto lv = p.find("light_verbs"); lv != p.end() && lv->is_object()) ReadSet(*lv, "same", &out->light_verbs_);
  std::unordered_set<std::string> conds;
  ReadSet(p, "condition_cues", &conds);
  out->conditions_.assign(conds.begin(), conds.end());
  // Longest cues first, so "only if" wins over "if".
  std::sort(out->conditions_.begin(), out->conditions_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  if (out->verbs_.empty()) return Status::InvalidInput(predicates + ": no \"verbs\"");

  json q;
  PARLEY_RETURN_IF_ERROR(ParseJsonFile(policies, &q));
  auto list = q.find("policies");
  if (list == q.end() || !list->is_array()) return Status::InvalidInput(policies + ": no \"policies\" list");
  for (const auto& e : *list) {
    PolicyEntry pe{e.value("id", ""), e.value("name", "")};
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

const PredicateEntry* Lexicon::Verb(const std::string& lemma) const {
  auto it = verbs_.find(lemma);
  return it == verbs_.end() ? nullptr : &it->second;
}

const PredicateEntry* Lexicon::Phrase(const std::string& phrase) const {
  auto it = phrases_.find(phrase);
  return it == phrases_.end() ? nullptr : &it->second;
}

const PredicateEntry* Lexicon::Noun(const std::string& lemma) const {
  auto it = nouns_.find(lemma);
  return it == nouns_.end() ? nullptr : &it->second;
}

std::vector<Lexicon::PolicyMatch> Lexicon::FindPolicies(const std::vector<Token>& tokens, int first,
                                                        int last) const {
  std::vector<PolicyMatch> out;
  for (int i = std::max(first, 0); i <= last && i < static_cast<int>(tokens.size());) {
    int found = 0;
    for (int n = static_cast<int>(std::min<size_t>(max_policy_tokens_, last - i + 1)); n >= 1; --n) {
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

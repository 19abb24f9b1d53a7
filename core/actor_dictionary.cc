#include "core/actor_dictionary.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/data_path.h"
#include "core/segmenter.h"

namespace parley {
namespace {

std::string Key(const std::vector<Token>& tokens, size_t i, size_t n, bool lower) {
  std::string k;
  for (size_t j = i; j < i + n; ++j) {
    if (j > i) k += '\x1f';
    k += tokens[j].text;
  }
  if (lower) {
    for (char& c : k) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return k;
}

std::vector<Token> TokensOf(const std::string& s) {
  return Tokenize(s, 0, static_cast<int32_t>(s.size()));
}

std::vector<std::string> Strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

void ActorDictionary::AddName(const std::string& name, int actor, How how) {
  std::vector<Token> t = TokensOf(name);
  if (t.empty()) return;
  names_.emplace(Key(t, 0, t.size(), false), std::make_pair(actor, how));
  name_starts_.insert(t[0].text);
  max_name_tokens_ = std::max(max_name_tokens_, t.size());
}

Status ActorDictionary::AddFile(const std::string& path, bool user) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return Status::InvalidInput(path + ": not valid JSON");
  const nlohmann::json* list = nullptr;
  if (j.is_array()) {
    list = &j;
  } else if (j.is_object() && j.contains("actors") && j["actors"].is_array()) {
    list = &j["actors"];
  } else {
    return Status::InvalidInput(path + ": expected {\"actors\": [...]} or a list of actors");
  }
  for (size_t n = 0; n < list->size(); ++n) {
    const auto& a = (*list)[n];
    std::string where = path + ": actors[" + std::to_string(n) + "]";
    if (!a.is_object()) return Status::InvalidInput(where + ": expected an object");
    ActorEntry e;
    e.id = Str(a, "id");
    if (e.id.empty()) e.id = Str(a, "code");  // TABARI/PETRARCH users call it the code
    e.name = Str(a, "name");
    if (e.id.empty() || e.name.empty()) return Status::InvalidInput(where + ": needs \"id\" and \"name\"");
    e.kind = Str(a, "kind");
    if (e.kind.empty()) e.kind = "group";
    e.country = Str(a, "country");
    e.role = Str(a, "role");
    e.cameo = Str(a, "cameo");
    // People's ids are their names in snake case ("ali_khamenei"), the same form the
    // mention finder gives people it meets in text, so that both name one node.
    if (e.kind == "person") std::replace(e.id.begin(), e.id.end(), '-', '_');
    e.aliases = Strings(a, "aliases");
    for (const auto& p : Strings(a, "patterns")) e.aliases.push_back(p);
    int idx;
    if (auto it = by_id_.find(e.id); it != by_id_.end()) {
      idx = it->second;  // a user entry adding names to a known actor
      for (const auto& al : e.aliases) actors_[idx].aliases.push_back(al);
    } else {
      idx = static_cast<int>(actors_.size());
      by_id_[e.id] = idx;
      actors_.push_back(e);
    }
    // A user's names take precedence over built-in ones: they are added first below.
    AddName(e.name, idx, How::kName);
    for (const auto& s : e.aliases) AddName(s, idx, How::kAlias);
    for (const auto& s : Strings(a, "demonyms")) AddName(s, idx, How::kDemonym);
    for (const auto& s : Strings(a, "plural_demonyms")) AddName(s, idx, How::kPluralDemonym);
    for (const auto& s : Strings(a, "capitals")) AddName(s, idx, How::kCapital);
    for (const auto& s : Strings(a, "metonyms")) AddName(s, idx, How::kMetonym);
  }
  if (!user && j.is_object() && j.contains("roles")) {
    for (const auto& r : j["roles"]) {
      RoleEntry e{Str(r, "name"), Str(r, "kind"), Str(r, "agent")};
      if (e.name.empty()) continue;
      int idx = static_cast<int>(roles_.size());
      roles_.push_back(e);
      std::vector<std::string> variants = Strings(r, "variants");
      variants.push_back(e.name);
      for (const auto& v : variants) {
        std::vector<Token> t = TokensOf(v);
        if (t.empty()) continue;
        role_names_.emplace(Key(t, 0, t.size(), true), idx);
        role_starts_.insert(Key(t, 0, 1, true));
        max_role_tokens_ = std::max(max_role_tokens_, t.size());
      }
    }
  }
  return Status::OK();
}

Status ActorDictionary::Load(const std::string& builtin, const std::string& user, ActorDictionary* out) {
  *out = ActorDictionary();
  if (!user.empty()) PARLEY_RETURN_IF_ERROR(out->AddFile(user, true));
  return out->AddFile(builtin, false);
}

bool ActorDictionary::MatchActor(const std::vector<Token>& tokens, size_t i, Match* m) const {
  if (!name_starts_.count(tokens[i].text)) return false;
  size_t max = std::min(max_name_tokens_, tokens.size() - i);
  for (size_t n = max; n >= 1; --n) {
    auto it = names_.find(Key(tokens, i, n, false));
    if (it != names_.end()) {
      m->length = static_cast<int>(n);
      m->actor = it->second.first;
      m->how = it->second.second;
      return true;
    }
  }
  return false;
}

bool ActorDictionary::MatchRole(const std::vector<Token>& tokens, size_t i, int* length, int* role) const {
  if (!role_starts_.count(Key(tokens, i, 1, true))) return false;
  size_t max = std::min(max_role_tokens_, tokens.size() - i);
  for (size_t n = max; n >= 1; --n) {
    auto it = role_names_.find(Key(tokens, i, n, true));
    if (it != role_names_.end()) {
      *length = static_cast<int>(n);
      *role = it->second;
      return true;
    }
  }
  return false;
}

int ActorDictionary::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

int ActorDictionary::Holder(std::string_view role, std::string_view country) const {
  // Only an office the dictionary gives one holder: with several (past presidents, say) the
  // text alone cannot tell which is meant.
  int found = -1;
  for (size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].kind == "person" && actors_[i].role == role && actors_[i].country == country) {
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
  }
  return found;
}

}  // namespace parley

#include "core/actor_dictionary.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "core/petrarch_dictionary.h"
#include "core/segmenter.h"
#include "util/data_path.h"
#include "util/strings.h"

namespace parley {
namespace {

std::string Key(const std::vector<Token>& tokens, size_t i, size_t n, bool lower) {
  std::string k;
  for (size_t j = i; j < i + n; ++j) {
    if (j > i) k += '\x1f';
    k += tokens[j].text;
  }
  return lower ? Lower(k) : k;
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

int LineAt(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// The byte offsets where the elements of the list of actors start: the top-level array's
// elements, or those of the top-level object's "actors" array. Used to name the line of an
// entry that is valid JSON but not a valid actor.
std::vector<size_t> ActorOffsets(const std::string& t) {
  std::vector<size_t> out;
  int depth = 0;
  int list_depth = -1;  // depth of the elements of the actors list, once found
  bool expect_element = false;
  std::string last_key;
  bool after_key = false;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (expect_element && c != ']') {
      out.push_back(i);
      expect_element = false;
    }
    if (c == '"') {
      size_t j = i + 1;
      std::string s;
      while (j < t.size() && t[j] != '"') {
        if (t[j] == '\\') ++j;
        if (j < t.size()) s += t[j];
        ++j;
      }
      if (depth == 1) {
        last_key = s;
        after_key = true;
      }
      i = j;
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
      bool is_list =
          c == '[' && ((depth == 1) || (depth == 2 && after_key && last_key == "actors"));
      if (is_list && list_depth < 0) {
        list_depth = depth;
        expect_element = true;
      }
      after_key = false;
      continue;
    }
    if (c == ']' || c == '}') {
      if (depth == list_depth) list_depth = -2;  // the list is over
      --depth;
      continue;
    }
    if (c == ',' && depth == list_depth) expect_element = true;
    if (c != ':') after_key = false;
  }
  return out;
}

// "2013", "2013-08", "2013-08-03": the first day (or, with `last`, the last day) it names.
bool TermDay(const std::string& s, bool last, int32_t* day) {
  if (s.empty()) {
    *day = 0;
    return true;
  }
  int32_t d = DayOf(s);
  if (d == 0) return false;
  if (last && s.size() == 4) d = d / 10000 * 10000 + 1231;
  if (last && s.size() == 7) d = d / 100 * 100 + 31;
  *day = d;
  return true;
}

std::string TitleCase(const std::string& upper) {
  std::string out = Lower(upper);
  bool start = true;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (start && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 'a' + 'A');
    start = c == ' ' || c == '-' || c == '\'' || c == '.' || c == '(' || c == '/';
  }
  // Acronyms stay in capitals: a single word of up to five letters ("IAEA", "UNHCR").
  if (upper.find(' ') == std::string::npos && upper.size() <= 5) return upper;
  return out;
}

// A phrase without a leading "THE " (texts write "the" in lower case, outside the name).
std::string WithoutThe(const std::string& phrase) {
  if (phrase.rfind("THE ", 0) == 0) return phrase.substr(4);
  return phrase;
}

// CAMEO codes of regions and groupings that no single actor stands for: not loaded.
bool IsRegionCode(std::string_view c) {
  static const std::set<std::string_view> kRegions = {
      "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA",
      "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "INT"};
  return kRegions.count(c.substr(0, 3)) > 0;
}

// Leading codes of international and transnational actors.
bool IsTransnationalCode(std::string_view c) {
  std::string_view p = c.substr(0, 3);
  return p == "IGO" || p == "NGO" || p == "IMG" || p == "MNC" || p == "UIS";
}

}  // namespace

int32_t DayOf(std::string_view date) {
  std::string digits;
  for (char c : date) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '-' || c == '/') {
      continue;
    } else {
      break;
    }
    if (digits.size() == 8) break;
  }
  if (digits.size() == 4) digits += "0101";
  if (digits.size() == 6) digits += "01";
  if (digits.size() != 8) return 0;
  int32_t d;
  if (!ParsePetrarchDate(digits, &d)) return 0;
  return d;
}

std::vector<std::string> PetrarchDictionaries() {
  return {DataPath("petrarch/Phoenix.agents.txt"),
          DataPath("petrarch/Phoenix.Countries.actors.txt"),
          DataPath("petrarch/Phoenix.International.actors.txt"),
          DataPath("petrarch/Phoenix.MilNonState.actors.txt")};
}

bool ActorDictionary::IsStateSector(std::string_view s) {
  std::string_view p = s.substr(0, 3);
  return p == "GOV" || p == "MIL" || p == "COP" || p == "JUD" || p == "LEG" || p == "SPY";
}

void ActorDictionary::AddName(const std::string& name, int actor, How how) {
  std::vector<Token> t = TokensOf(name);
  if (t.empty()) return;
  names_.emplace(Key(t, 0, t.size(), false), std::make_pair(actor, how));
  name_starts_.insert(t[0].text);
  max_name_tokens_ = std::max(max_name_tokens_, t.size());
}

bool ActorDictionary::AddFoldedName(const std::string& phrase, int actor,
                                    const std::string& sector) {
  std::vector<Token> t = TokensOf(phrase);
  if (t.empty()) return false;
  std::string key = Key(t, 0, t.size(), true);
  if (!folded_names_.emplace(key, NameRef{actor, How::kAlias, sector}).second) return false;
  folded_starts_.insert(Key(t, 0, 1, true));
  max_folded_tokens_ = std::max(max_folded_tokens_, t.size());
  return true;
}

void ActorDictionary::SplitCode(const std::string& code, std::string* country,
                                std::string* sector) const {
  country->clear();
  sector->clear();
  if (code.size() < 3 || code.substr(0, 3) == "---") {
    if (code.size() > 3) *sector = code.substr(3);
    return;
  }
  if (IsTransnationalCode(code)) {
    // The longest leading run of three-letter parts that an actor carries as its code
    // ("IGOUNOKID" is UNICEF's, "IGOUNO" the UN's).
    for (size_t n = code.size() / 3 * 3; n >= 6; n -= 3) {
      auto it = by_cameo_.find(code.substr(0, n));
      if (it != by_cameo_.end()) {
        *country = it->second;
        *sector = code.substr(n);
        return;
      }
    }
    return;
  }
  int c = Find(code.substr(0, 3));
  if (c >= 0 && actors_[c].kind == "country") {
    *country = actors_[c].id;
    *sector = code.substr(3);
    return;
  }
  if (!IsRegionCode(code) && by_id_.count(code.substr(0, 3)) == 0)
    *sector = code;  // "ELI": a sector alone
}

bool ActorDictionary::IsNewCountryCode(const std::string& code) const {
  if (code.size() != 3 || IsRegionCode(code) || IsTransnationalCode(code) || by_id_.count(code))
    return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  // Agent codes ("ELI", "MED") stand alone as defaults; they are no country.
  return agent_units_.count(code) == 0;
}

Status ActorDictionary::AddJsonFile(const std::string& path, const std::string& text, bool user) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    size_t colon = what.find("]: ");
    what = colon == std::string::npos ? what : what.substr(colon + 3);
    return Status::InvalidInput(path + ":" + std::to_string(LineAt(text, e.byte ? e.byte - 1 : 0)) +
                                ": not valid JSON: " + what);
  }
  const nlohmann::json* list = nullptr;
  if (j.is_array()) {
    list = &j;
  } else if (j.is_object() && j.contains("actors") && j["actors"].is_array()) {
    list = &j["actors"];
  } else {
    return Status::InvalidInput(path + ":1: expected {\"actors\": [...]} or a list of actors");
  }
  std::vector<size_t> offsets = ActorOffsets(text);
  for (size_t n = 0; n < list->size(); ++n) {
    const auto& a = (*list)[n];
    // "FILE:LINE: actors[N]", worked out only for an error (counting lines is not free).
    auto where_fn = [&] {
      return path + ":" + std::to_string(n < offsets.size() ? LineAt(text, offsets[n]) : 1) +
             ": actors[" + std::to_string(n) + "]";
    };
    if (!a.is_object()) return Status::InvalidInput(where_fn() + ": expected an object");
    ActorEntry e;
    e.id = Str(a, "id");
    if (e.id.empty()) e.id = Str(a, "code");  // TABARI/PETRARCH users call it the code
    e.name = Str(a, "name");
    if (e.id.empty() || e.name.empty())
      return Status::InvalidInput(where_fn() + ": needs \"id\" and \"name\"");
    e.kind = Str(a, "kind");
    if (e.kind.empty()) e.kind = "group";
    e.country = Str(a, "country");
    e.role = Str(a, "role");
    e.cameo = Str(a, "cameo");
    e.sector = Str(a, "sector");
    // People's ids are their names in snake case ("ali_khamenei"), the same form the
    // mention finder gives people it meets in text, so that both name one node.
    if (e.kind == "person") std::replace(e.id.begin(), e.id.end(), '-', '_');
    e.aliases = Strings(a, "aliases");
    for (const auto& p : Strings(a, "patterns")) e.aliases.push_back(p);
    if (auto it = a.find("terms"); it != a.end()) {
      if (!it->is_array()) return Status::InvalidInput(where_fn() + ".terms: expected a list");
      for (size_t k = 0; k < it->size(); ++k) {
        const auto& jt = (*it)[k];
        auto tw = [&] { return where_fn() + ".terms[" + std::to_string(k) + "]"; };
        if (!jt.is_object()) return Status::InvalidInput(tw() + ": expected an object");
        ActorTerm t;
        t.role = Str(jt, "role");
        t.country = Str(jt, "country");
        if (t.country.empty()) t.country = e.country;
        t.sector = Str(jt, "sector");
        if (!TermDay(Str(jt, "from"), false, &t.from) || !TermDay(Str(jt, "to"), true, &t.to)) {
          return Status::InvalidInput(
              tw() + ": \"from\" and \"to\" are dates (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        t.dated = t.from || t.to;
        e.terms.push_back(std::move(t));
      }
    } else if (e.kind == "person" && (!e.role.empty() || !e.country.empty())) {
      ActorTerm t;
      t.role = e.role;
      t.country = e.country;
      e.terms.push_back(std::move(t));
    }
    for (ActorTerm& t : e.terms) {
      if (t.sector.empty() && e.cameo.size() > 3 && !IsTransnationalCode(e.cameo))
        t.sector = e.cameo.substr(3);
    }
    int idx;
    if (auto it = by_id_.find(e.id); it != by_id_.end()) {
      idx = it->second;  // a user entry adding names to a known actor
      for (const auto& al : e.aliases) actors_[idx].aliases.push_back(al);
    } else {
      idx = static_cast<int>(actors_.size());
      by_id_[e.id] = idx;
      if (!e.cameo.empty() && e.kind != "person") by_cameo_.emplace(e.cameo, e.id);
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

Status ActorDictionary::AddPetrarchAgents(const std::string& path, const std::string& text,
                                          bool user) {
  std::vector<PetrarchAgent> agents;
  std::vector<std::string> warnings;
  PARLEY_RETURN_IF_ERROR(ReadPetrarchAgents(path, text, &agents, &warnings));
  if (user) {
    for (const std::string& w : warnings) std::fprintf(stderr, "parley: warning: %s\n", w.c_str());
  }
  for (const PetrarchAgent& a : agents) {
    std::vector<Token> t = TokensOf(a.phrase);
    if (t.empty()) continue;
    agents_.emplace(Key(t, 0, t.size(), true), std::make_pair(a.code, a.before));
    for (size_t k = 0; k + 3 <= a.code.size(); k += 3) agent_units_.insert(a.code.substr(k, 3));
    agent_starts_.insert(Key(t, 0, 1, true));
    max_agent_tokens_ = std::max(max_agent_tokens_, t.size());
  }
  return Status::OK();
}

Status ActorDictionary::AddPetrarchActors(const std::string& path, const std::string& text) {
  std::vector<PetrarchActor> records;
  PARLEY_RETURN_IF_ERROR(ReadPetrarchActors(path, text, &records));
  // Names of JSON people, lower-cased, to find the same person in the PETRARCH data.
  std::unordered_map<std::string, int> person_names;
  for (size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].kind != "person") continue;
    person_names.emplace(Lower(actors_[i].name), static_cast<int>(i));
    for (const auto& al : actors_[i].aliases) {
      if (al.find(' ') != std::string::npos) person_names.emplace(Lower(al), static_cast<int>(i));
    }
  }
  std::unordered_set<std::string> lower_names;  // the JSON names, lower-cased
  for (const auto& [key, ref] : names_) lower_names.insert(Lower(key));
  // Whether a phrase is a known name followed by a role ("GERMAN CHANCELLOR"): such phrases
  // are left to the role reading, which also finds the person named after them.
  auto name_then_role = [&](const std::vector<Token>& t) {
    for (size_t k = 1; k < t.size(); ++k) {
      int len, role;
      bool tail = MatchRole(t, k, &len, &role) && k + len == t.size();
      if (!tail) continue;
      std::string folded = Key(t, 0, k, true);
      if (folded_names_.count(folded) || lower_names.count(folded)) return true;
    }
    return false;
  };
  for (const PetrarchActor& r : records) {
    if (r.codes.empty() || r.phrases.empty() || r.phrases[0].empty()) continue;
    bool person = false;
    for (const PetrarchCode& c : r.codes) {
      if (c.dated && (c.code.size() > 3 || IsTransnationalCode(c.code))) person = true;
    }
    if (person) {
      // Terms: each dated code, and the default.
      std::vector<ActorTerm> terms;
      for (const PetrarchCode& c : r.codes) {
        ActorTerm t;
        t.from = c.from;
        t.to = c.to;
        t.dated = c.dated;
        SplitCode(c.code, &t.country, &t.sector);
        // "# Chancellor of Germany", "# Supreme Leader": a note naming a role.
        if (!c.note.empty()) {
          std::vector<Token> nt = TokensOf(c.note);
          int len, role;
          if (!nt.empty() && MatchRole(nt, 0, &len, &role)) {
            bool whole = static_cast<size_t>(len) == nt.size();
            Match m;
            bool of_country = static_cast<size_t>(len) + 1 < nt.size() &&
                              Lower(nt[len].text) == "of" && MatchActor(nt, len + 1, &m) &&
                              actors_[m.actor].id == t.country &&
                              static_cast<size_t>(len + 1 + m.length) == nt.size();
            if (whole || of_country) t.role = roles_[role].name;
          }
        }
        terms.push_back(std::move(t));
      }
      // "+CHANCELLOR_KOHL", "+PRESIDENT_JOHANNES_RAU": a synonym that is a role and the name
      // gives the role of the government terms no note names; two different roles, none.
      std::string alias_role;
      bool conflicting = false;
      for (const std::string& p : r.phrases) {
        std::vector<Token> pt = TokensOf(p);
        int len, role;
        if (pt.size() < 2 || !MatchRole(pt, 0, &len, &role) ||
            static_cast<size_t>(len) >= pt.size())
          continue;
        if (roles_[role].kind == "body") continue;
        if (!alias_role.empty() && alias_role != roles_[role].name) conflicting = true;
        alias_role = roles_[role].name;
      }
      if (!alias_role.empty() && !conflicting) {
        // The government term that began last, of those no comment describes: a person
        // called "President X" held other offices before the top one.
        ActorTerm* top = nullptr;
        for (size_t k = 0; k < terms.size(); ++k) {
          ActorTerm& t = terms[k];
          if (t.dated && t.role.empty() && r.codes[k].note.empty() && t.sector == "GOV" &&
              (!top || t.from > top->from)) {
            top = &t;
          }
        }
        if (top) top->role = alias_role;
      }
      // The same person in the JSON dictionary?
      int idx = -1;
      for (const std::string& p : r.phrases) {
        if (p.find(' ') == std::string::npos) continue;
        auto it = person_names.find(Lower(p));
        if (it != person_names.end()) {
          idx = it->second;
          break;
        }
      }
      if (idx >= 0) {
        // The JSON terms are the newer knowledge: keep of these only what ended before them.
        ActorEntry& e = actors_[idx];
        int32_t first = 0;
        for (const ActorTerm& t : e.terms) {
          if (t.dated && t.from && (!first || t.from < first)) first = t.from;
        }
        if (first) {
          for (ActorTerm& t : terms) {
            if (t.dated && t.to && t.to < first) e.terms.push_back(std::move(t));
          }
        }
      } else {
        ActorEntry e;
        e.name = TitleCase(WithoutThe(r.phrases[0]));
        e.id = Slug(e.name, '_');
        e.kind = "person";
        if (e.id.empty()) continue;
        auto it = by_id_.find(e.id);
        if (it != by_id_.end()) {
          idx = it->second;
          if (actors_[idx].kind != "person") continue;
          for (ActorTerm& t : terms) actors_[idx].terms.push_back(std::move(t));
        } else {
          e.terms = std::move(terms);
          idx = static_cast<int>(actors_.size());
          by_id_[e.id] = idx;
          actors_.push_back(std::move(e));
        }
        // The country the person belongs to: that of the term that began last.
        ActorEntry& a = actors_[idx];
        int32_t best = -1;
        for (const ActorTerm& t : a.terms) {
          if (!t.country.empty() && t.from >= best) {
            best = t.from;
            a.country = t.country;
          }
        }
      }
      for (const std::string& p : r.phrases) AddFoldedName(WithoutThe(p), idx, "");
      continue;
    }
    // Not a person: the default code, else the dated code that began last.
    const PetrarchCode* code = nullptr;
    for (const PetrarchCode& c : r.codes) {
      if (!c.dated) {
        code = &c;
        break;
      }
      if (!code || c.from > code->from) code = &c;
    }
    if (!code || IsRegionCode(code->code) || code->code.substr(0, 3) == "---") continue;
    std::string country, sector;
    SplitCode(code->code, &country, &sector);
    // The actor these names belong to: a JSON actor with one of the names, else the actor
    // the code names (a country; an organisation carrying exactly this code), else a new one.
    int idx = -1;
    std::string name_sector;
    for (const std::string& p : r.phrases) {
      std::vector<Token> pt = TokensOf(WithoutThe(p));
      if (pt.empty()) continue;
      std::string folded = Key(pt, 0, pt.size(), true);
      auto f = folded_names_.find(folded);
      if (f != folded_names_.end()) {
        idx = f->second.actor;
        break;
      }
    }
    if (idx < 0) {
      int c = country.empty() ? -1 : Find(country);
      if (c >= 0 && actors_[c].kind == "country" && (sector.empty() || IsStateSector(sector))) {
        idx = c;  // a place, or a state body: "Iranian police" code as Iran
        name_sector = sector;
      } else if (c >= 0 && IsTransnationalCode(code->code) && sector.empty()) {
        idx = c;  // "UNITED_NATIONS [IGOUNO]"
      }
    }
    // "ZARNOVIA_ [ZRN]": a three-letter code that is no sector and no known actor is a country
    // of the dictionary's own.
    if (idx < 0 && country.empty() && IsNewCountryCode(code->code)) {
      ActorEntry e;
      e.id = code->code;
      e.name = TitleCase(WithoutThe(r.phrases[0]));
      e.kind = "country";
      e.cameo = code->code;
      idx = static_cast<int>(actors_.size());
      by_id_[e.id] = idx;
      by_cameo_.emplace(e.cameo, e.id);
      actors_.push_back(std::move(e));
    }
    if (idx < 0) {
      if (country.empty() && !IsTransnationalCode(code->code)) continue;  // nothing to place it
      ActorEntry e;
      e.name = TitleCase(WithoutThe(r.phrases[0]));
      e.id = Slug(e.name, '-');
      if (e.id.empty()) continue;
      e.cameo = code->code;
      e.country = country;
      e.sector = sector;
      std::string s = sector.substr(0, 3);
      bool armed =
          s == "REB" || s == "INS" || s == "UAF" || s == "MIL" || code->code.substr(0, 3) == "IMG";
      e.kind = armed ? "group" : "organization";
      if (by_id_.count(e.id)) {
        idx = by_id_[e.id];
      } else {
        idx = static_cast<int>(actors_.size());
        by_id_[e.id] = idx;
        actors_.push_back(std::move(e));
      }
    }
    for (const std::string& p : r.phrases) {
      std::string phrase = WithoutThe(p);
      std::vector<Token> pt = TokensOf(phrase);
      if (pt.size() >= 2 && name_then_role(pt)) continue;
      AddFoldedName(phrase, idx, name_sector);
    }
  }
  return Status::OK();
}

Status ActorDictionary::AddFile(const std::string& path, bool user) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  switch (DetectDictionaryFormat(path, text)) {
    case DictionaryFormat::kJson:
      return AddJsonFile(path, text, user);
    case DictionaryFormat::kAgents:
      return AddPetrarchAgents(path, text, user);
    case DictionaryFormat::kActors:
      return AddPetrarchActors(path, text);
  }
  return Status::OK();
}

int ActorDictionary::IndexRoles() {
  holders_.clear();
  for (size_t i = 0; i < actors_.size(); ++i) {
    std::set<std::string> roles;
    for (const ActorTerm& t : actors_[i].terms) {
      if (!t.role.empty()) roles.insert(t.role);
    }
    for (const std::string& r : roles) holders_[r].push_back(static_cast<int>(i));
  }
  return static_cast<int>(holders_.size());
}

Status ActorDictionary::Load(const std::string& builtin, const std::vector<std::string>& petrarch,
                             const std::string& user, ActorDictionary* out) {
  *out = ActorDictionary();
  DictionaryFormat user_format = DictionaryFormat::kJson;
  std::string user_text;
  if (!user.empty()) {
    PARLEY_RETURN_IF_ERROR(ReadFile(user, &user_text));
    user_format = DetectDictionaryFormat(user, user_text);
  }
  // A user's JSON names come first; PETRARCH files need the countries and roles of the
  // built-in dictionary to place their codes, so a user's .actors file is read after it,
  // before the built-in PETRARCH files.
  if (!user.empty() && user_format == DictionaryFormat::kJson) {
    PARLEY_RETURN_IF_ERROR(out->AddJsonFile(user, user_text, true));
  }
  PARLEY_RETURN_IF_ERROR(out->AddFile(builtin, false));
  if (!user.empty() && user_format == DictionaryFormat::kAgents) {
    PARLEY_RETURN_IF_ERROR(out->AddPetrarchAgents(user, user_text, true));
  }
  // Agents first: the actor files' phrases are checked against them.
  std::vector<std::string> texts(petrarch.size());
  std::vector<DictionaryFormat> formats(petrarch.size());
  for (size_t i = 0; i < petrarch.size(); ++i) {
    PARLEY_RETURN_IF_ERROR(ReadFile(petrarch[i], &texts[i]));
    formats[i] = DetectDictionaryFormat(petrarch[i], texts[i]);
    if (formats[i] == DictionaryFormat::kAgents) {
      PARLEY_RETURN_IF_ERROR(out->AddPetrarchAgents(petrarch[i], texts[i], false));
    }
  }
  if (!user.empty() && user_format == DictionaryFormat::kActors) {
    PARLEY_RETURN_IF_ERROR(out->AddPetrarchActors(user, user_text));
  }
  for (size_t i = 0; i < petrarch.size(); ++i) {
    if (formats[i] == DictionaryFormat::kActors)
      PARLEY_RETURN_IF_ERROR(out->AddPetrarchActors(petrarch[i], texts[i]));
  }
  out->IndexRoles();
  return Status::OK();
}

bool ActorDictionary::MatchActor(const std::vector<Token>& tokens, size_t i, Match* m) const {
  bool exact = name_starts_.count(tokens[i].text) > 0;
  std::string first = Lower(tokens[i].text);
  // A PETRARCH name needs a capital in the text's first word ("Essen", "al-Qaeda", not "essen").
  bool capital = std::any_of(tokens[i].text.begin(), tokens[i].text.end(),
                             [](char c) { return c >= 'A' && c <= 'Z'; });
  bool folded = capital && folded_starts_.count(first) > 0;
  if (!exact && !folded) return false;
  size_t max = std::min(std::max(exact ? max_name_tokens_ : 0, folded ? max_folded_tokens_ : 0),
                        tokens.size() - i);
  for (size_t n = max; n >= 1; --n) {
    if (exact && n <= max_name_tokens_) {
      auto it = names_.find(Key(tokens, i, n, false));
      if (it != names_.end()) {
        m->length = static_cast<int>(n);
        m->actor = it->second.first;
        m->how = it->second.second;
        m->sector = {};
        return true;
      }
    }
    if (folded && n <= max_folded_tokens_) {
      auto it = folded_names_.find(Key(tokens, i, n, true));
      if (it != folded_names_.end()) {
        // A short name ("UN", "ETA") only in capitals, as an acronym is written.
        const std::string& w = tokens[i].text;
        if (n == 1 && w.size() <= 3 &&
            std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
          continue;
        }
        // Words in capitals longer than an acronym ("TEHRAN", "IRAN SAYS") are a dateline or
        // a headline's type, not a name's spelling; and neither is a dateline's place ("GAZA —").
        bool caps = true, long_word = false;
        for (size_t k = i; k < i + n; ++k) {
          const std::string& x = tokens[k].text;
          if (std::any_of(x.begin(), x.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            caps = false;
          if (x.size() > 5) long_word = true;
        }
        bool dateline =
            i == 0 && i + n < tokens.size() &&
            (tokens[i + n].text == "\xe2\x80\x94" || tokens[i + n].text == "\xe2\x80\x93" ||
             tokens[i + n].text == "-" || tokens[i + n].text == "--");
        if (caps && (long_word || dateline)) continue;
        m->length = static_cast<int>(n);
        m->actor = it->second.actor;
        m->how = it->second.how;
        m->sector = it->second.sector;
        return true;
      }
    }
  }
  return false;
}

bool ActorDictionary::MatchRole(const std::vector<Token>& tokens, size_t i, int* length,
                                int* role) const {
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

bool ActorDictionary::MatchAgent(const std::vector<Token>& tokens, size_t i, int* length,
                                 std::string* code, bool* before) const {
  if (!agent_starts_.count(Key(tokens, i, 1, true))) return false;
  size_t max = std::min(max_agent_tokens_, tokens.size() - i);
  for (size_t n = max; n >= 1; --n) {
    auto it = agents_.find(Key(tokens, i, n, true));
    if (it != agents_.end()) {
      *length = static_cast<int>(n);
      *code = it->second.first;
      if (before) *before = it->second.second;
      return true;
    }
  }
  return false;
}

int ActorDictionary::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

const ActorTerm* ActorDictionary::TermAt(int i, int32_t day) const {
  const ActorTerm* best = nullptr;
  const ActorTerm* fallback = nullptr;
  for (const ActorTerm& t : actors_[i].terms) {
    if (!t.dated) {
      if (!fallback) fallback = &t;
      continue;
    }
    bool holds = day ? (!t.from || t.from <= day) && (!t.to || day <= t.to) : !t.to;
    if (holds && (!best || t.from > best->from)) best = &t;
  }
  return best ? best : fallback;
}

int ActorDictionary::Holder(std::string_view role, std::string_view country, int32_t day) const {
  auto it = holders_.find(std::string(role));
  if (it == holders_.end()) return -1;
  int found = -1;
  int32_t found_from = -1;
  bool tie = false;
  for (int i : it->second) {
    if (actors_[i].kind != "person") continue;
    const ActorTerm* t = TermAt(i, day);
    if (!t || t->role != role || t->country != country) continue;
    if (t->from > found_from) {
      found = i;
      found_from = t->from;
      tie = false;
    } else if (t->from == found_from) {
      tie = true;
    }
  }
  return tie ? -1 : found;
}

}  // namespace parley

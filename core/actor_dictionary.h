// ActorDictionary: the actors Parley knows by name — every country (names, codes, demonyms,
// capitals and seats of government as metonyms), international organisations, armed and
// political groups, well-known leaders — and the roles people hold (data/actors.json); the
// event coders' Phoenix dictionaries (data/petrarch/: thousands of office holders with the
// dates of each office, more organisations, groups and companies, place names, and the agent
// nouns that give an actor its sector: police -> COP, rebels -> REB); plus a user's own
// dictionary (--actors FILE: JSON as data/actors.json, or a PETRARCH .actors / .agents file).
//
// Names from JSON are matched on token sequences case-sensitively (so "US" is not "us");
// names from PETRARCH files, written in capitals, ignoring case, but only where the text's
// first word of the name has a capital letter (a name of three letters or fewer only in
// capitals), and not where the text is all in capitals with a word longer than five letters
// (headlines, datelines: "TEHRAN") or is a dateline's place ("GAZA —" opening a sentence);
// longest match first, JSON names before PETRARCH ones of the same length. Role words and
// agent nouns are matched ignoring case.
//
// Offices by date: an actor's terms say which code (country + sector) and role it held when.
// TermAt(actor, day) is the term in force on a day, so the article's date picks who held an
// office and what a person's code was then.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "util/status.h"

namespace parley {

// One period of an actor's code: "IRNGOV from 1989-06-04, Supreme Leader".
struct ActorTerm {
  int32_t from = 0;     // first day, YYYYMMDD; 0 = no lower limit
  int32_t to = 0;       // last day, YYYYMMDD; 0 = no upper limit
  bool dated = false;   // false: the default, in force when no dated term is
  std::string country;  // Parley id of the country or organisation ("DEU", "UN"), may be empty
  std::string sector;   // CAMEO agent code ("GOV", "ELI", "GOVMED"), may be empty
  std::string role;     // a role's name ("Chancellor") where known
};

struct ActorEntry {
  std::string id;    // canonical id: "IRN", "EU", "ali_khamenei"
  std::string name;  // canonical name
  std::string kind;  // country, organization, group, person
  std::string country;
  std::string role;
  std::string cameo;
  std::string sector;  // CAMEO agent code of a group or body ("REB", "GOVLEG")
  std::vector<std::string> aliases;
  std::vector<ActorTerm> terms;  // dated codes and roles, in the order given
};

struct RoleEntry {
  std::string name;   // canonical: "Supreme Leader", "Foreign Minister"
  std::string kind;   // "title" (written before a name), "office" or "body"
  std::string agent;  // CAMEO agent code: GOV, MIL, ...
};

class ActorDictionary {
 public:
  // How a dictionary name matched.
  enum class How { kName, kAlias, kDemonym, kPluralDemonym, kCapital, kMetonym };

  struct Match {
    int length = 0;  // tokens
    int actor = -1;
    How how = How::kName;
    std::string_view sector;  // a sector the name itself carries ("Bundesregierung": GOV)
  };

  // Loads `builtin` (data/actors.json), the PETRARCH files `petrarch` (actor and agent
  // dictionaries, in order) and, if not empty, `user` (JSON, .actors or .agents, told apart by
  // DetectDictionaryFormat; its names come first, and a JSON entry with an id already known
  // adds names to it). Errors name the file and line ("my.actors:12: bad date '19x0'").
  static Status Load(const std::string& builtin, const std::vector<std::string>& petrarch,
                     const std::string& user, ActorDictionary* out);

  // The longest actor name starting at tokens[i]; false if none.
  bool MatchActor(const std::vector<Token>& tokens, size_t i, Match* m) const;
  // The longest role name starting at tokens[i] (case-insensitive); `*role` is its index.
  bool MatchRole(const std::vector<Token>& tokens, size_t i, int* length, int* role) const;
  // The longest agent noun starting at tokens[i] (case-insensitive, singular or plural); its
  // code in `*code` ("COP", "GOVMED"); `*before` if the code goes before an actor's (NGO~).
  bool MatchAgent(const std::vector<Token>& tokens, size_t i, int* length, std::string* code,
                  bool* before = nullptr) const;

  const ActorEntry& actor(int i) const { return actors_[i]; }
  const RoleEntry& role(int i) const { return roles_[i]; }
  int num_actors() const { return static_cast<int>(actors_.size()); }
  // The index of actor `id`, or -1.
  int Find(std::string_view id) const;
  // The term of actor `i` in force on `day` (YYYYMMDD): of the dated terms holding it, the one
  // that began last, else the default term; with `day` 0 (no date known), the term that began
  // last of those without an end, else the default. Null if none applies.
  const ActorTerm* TermAt(int i, int32_t day) const;
  // The person holding `role` in `country` on `day` (0: now): of those whose term in force
  // then has that role, the one whose term began last; -1 if none, or if several began the
  // same day (the text alone cannot tell which is meant).
  int Holder(std::string_view role, std::string_view country, int32_t day = 0) const;
  // Whether a CAMEO agent code is a part of the state (government, military, police, courts,
  // legislature, intelligence): such agents speak for their country.
  static bool IsStateSector(std::string_view sector);

 private:
  struct NameRef {
    int actor;
    How how;
    std::string sector;
  };
  Status AddJsonFile(const std::string& path, const std::string& text, bool user);
  Status AddPetrarchActors(const std::string& path, const std::string& text);
  Status AddPetrarchAgents(const std::string& path, const std::string& text, bool user);
  Status AddFile(const std::string& path, bool user);
  void AddName(const std::string& name, int actor, How how);
  // A PETRARCH phrase (upper case, words joined by ' ') naming `actor`; false if taken.
  bool AddFoldedName(const std::string& phrase, int actor, const std::string& sector);
  // The Parley id of the country or organisation a CAMEO code starts with, and the rest.
  void SplitCode(const std::string& code, std::string* country, std::string* sector) const;
  int IndexRoles();
  // Whether a bare three-letter code can be a country the PETRARCH file itself introduces.
  bool IsNewCountryCode(const std::string& code) const;

  std::vector<ActorEntry> actors_;
  std::vector<RoleEntry> roles_;
  std::unordered_map<std::string, int> by_id_;
  // Token sequence (texts joined by '\x1f') -> (actor, how); first added wins.
  std::unordered_map<std::string, std::pair<int, How>> names_;
  // The same, lower-cased, for names from PETRARCH files.
  std::unordered_map<std::string, NameRef> folded_names_;
  std::unordered_map<std::string, int> role_names_;  // lower-cased token sequence -> role
  std::unordered_map<std::string, std::pair<std::string, bool>>
      agents_;                                   // lower-cased -> code, before
  std::unordered_set<std::string> agent_units_;  // three-letter parts of agent codes: GOV, MED, ...
  std::unordered_map<std::string, std::string> by_cameo_;  // CAMEO code -> first actor id with it
  // First tokens of every name and role, so that most tokens are dismissed with one lookup.
  std::unordered_set<std::string> name_starts_, folded_starts_, role_starts_, agent_starts_;
  // People who hold a role in some term: role -> actor indexes.
  std::unordered_map<std::string, std::vector<int>> holders_;
  size_t max_name_tokens_ = 1;
  size_t max_folded_tokens_ = 1;
  size_t max_role_tokens_ = 1;
  size_t max_agent_tokens_ = 1;
};

// The PETRARCH dictionaries loaded by default (data/petrarch/): the agents, then the actors.
std::vector<std::string> PetrarchDictionaries();

// "2026-03-14", "2026-03-14T10:00:00Z", "20260314" or "2026" as YYYYMMDD (a year alone: its
// first day); 0 if `date` is empty or none of these.
int32_t DayOf(std::string_view date);

}  // namespace parley

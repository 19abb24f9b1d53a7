// ActorDictionary: the actors Parley knows by name — every country (names, codes, demonyms,
// capitals and seats of government as metonyms), international organisations, armed and
// political groups, well-known leaders — and the roles people hold (data/actors.json), plus a
// user's own dictionary in the same format (--actors FILE).
//
// Names are matched on token sequences, case-sensitively (so "US" is not "us"), longest match
// first; role words are matched case-insensitively.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "core/text.h"

namespace parley {

struct ActorEntry {
  std::string id;    // canonical id: "IRN", "EU", "IRN-ali-khamenei"
  std::string name;  // canonical name
  std::string kind;  // country, organization, group, person
  std::string country;
  std::string role;
  std::string cameo;
  std::vector<std::string> aliases;
};

struct RoleEntry {
  std::string name;   // canonical: "Supreme Leader", "Foreign Minister"
  std::string kind;   // "title" (written before a name) or "office"
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
  };

  // Loads `builtin` (data/actors.json) and, if not empty, `user` (same format; an entry with an
  // id already known adds names to it). Errors name the file and the entry.
  static Status Load(const std::string& builtin, const std::string& user, ActorDictionary* out);

  // The longest actor name starting at tokens[i]; false if none.
  bool MatchActor(const std::vector<Token>& tokens, size_t i, Match* m) const;
  // The longest role name starting at tokens[i] (case-insensitive); `*role` is its index.
  bool MatchRole(const std::vector<Token>& tokens, size_t i, int* length, int* role) const;

  const ActorEntry& actor(int i) const { return actors_[i]; }
  const RoleEntry& role(int i) const { return roles_[i]; }
  int num_actors() const { return static_cast<int>(actors_.size()); }
  // The index of actor `id`, or -1.
  int Find(std::string_view id) const;
  // The one person the dictionary lists as holding `role` in `country`, or -1 (none, or several).
  int Holder(std::string_view role, std::string_view country) const;

 private:
  Status AddFile(const std::string& path, bool user);
  void AddName(const std::string& name, int actor, How how);

  std::vector<ActorEntry> actors_;
  std::vector<RoleEntry> roles_;
  std::unordered_map<std::string, int> by_id_;
  // Token sequence (texts joined by '\x1f') -> (actor, how); first added wins.
  std::unordered_map<std::string, std::pair<int, How>> names_;
  std::unordered_map<std::string, int> role_names_;  // lower-cased token sequence -> role
  // First tokens of every name and role, so that most tokens are dismissed with one lookup.
  std::unordered_set<std::string> name_starts_, role_starts_;
  size_t max_name_tokens_ = 1;
  size_t max_role_tokens_ = 1;
};

}  // namespace parley

#include "core/mentions.h"
#include "core/strings.h"

#include <algorithm>
#include <set>

namespace parley {
namespace {

bool IsCapitalized(const Token& t) {
  unsigned char c = static_cast<unsigned char>(t.text[0]);
  return (c >= 'A' && c <= 'Z') || (c >= 0xc3 && c <= 0xc5 && t.text.size() > 1);
}

bool IsNameToken(const Token& t) {
  if (!IsCapitalized(t) || t.text.size() < 2) return false;
  // Words that start sentences or titles but do not name anyone.
  static const std::set<std::string> kStop = {
      "The", "A", "An", "In", "On", "At", "But", "And", "Or", "He", "She", "It", "They", "We",
      "This", "That", "These", "Those", "His", "Her", "Its", "Their", "If", "When", "While",
      "After", "Before", "As", "By", "For", "From", "With", "Without", "Under", "Over", "Some",
      "Many", "Most", "Both", "All", "No", "Not", "There", "Here", "Monday", "Tuesday",
      "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
      "April", "May", "June", "July", "August", "September", "October", "November", "December",
      "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "I"};
  if (kStop.count(t.text)) return false;
  for (unsigned char c : t.text) {
    if (c == ',' || c == ';' || c == ':' || c == '"') return false;
  }
  return true;
}

// Honorifics written before a name that are not roles of their own.
bool IsHonorific(const std::string& s) {
  static const std::set<std::string> kHon = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sir", "Dame",
                                             "Mr", "Mrs", "Ms", "Dr", "Sheikh", "Ayatollah",
                                             "Hojatoleslam", "Rev.", "Lord", "Lady"};
  return kHon.count(s) > 0;
}

bool IsPronoun(const std::string& lw) {
  return lw == "he" || lw == "she" || lw == "his" || lw == "her" || lw == "him" || lw == "hers";
}

// Roles that stand for their government rather than for one person ("Iranian officials").
bool IsCollectiveRole(const std::string& role) {
  static const std::set<std::string> kCollective = {
      "official", "officials", "government", "ministry", "foreign ministry", "authorities",
      "diplomats", "diplomat", "leaders", "negotiators", "forces", "military", "troops"};
  std::string lr = role;
  for (char& c : lr) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kCollective.count(lr) > 0;
}


class Resolver {
 public:
  Resolver(const ActorDictionary& dict, std::string_view text, int32_t day) : dict_(dict), text_(text), day_(day) {}

  void Sentence(int index, const std::vector<Token>& toks) {
    size_t i = 0;
    while (i < toks.size()) {
      size_t next = Step(index, toks, i);
      i = next > i ? next : i + 1;
    }
  }

  DocumentActors Done() {
    std::sort(out_.mentions.begin(), out_.mentions.end(),
              [](const ActorMention& a, const ActorMention& b) { return a.start < b.start; });
    for (const ActorMention& m : out_.mentions) {
      Entity& e = out_.entities[m.actor];
      e.mentions.push_back({m.start, m.end, std::string(text_.substr(m.start, m.end - m.start)), m.code});
    }
    return std::move(out_);
  }

 private:
  // Handles the token at `i`; returns the index after what it consumed.
  size_t Step(int sentence, const std::vector<Token>& t, size_t i) {
    // A role, possibly with a country before it and a name after it.
    int rlen, role;
    ActorDictionary::Match m;
    bool actor_here = dict_.MatchActor(t, i, &m);
    if (!actor_here && dict_.MatchRole(t, i, &rlen, &role)) return RoleAt(sentence, t, i, rlen, role);
    if (actor_here) {
      const ActorEntry& a = dict_.actor(m.actor);
      size_t end = i + m.length;
      // The surname of a namesake the article has introduced is the namesake's, not the
      // dictionary's person of that surname.
      if (a.kind == "person" && m.length == 1) {
        auto it = known_names_.find(t[i].text);
        if (it != known_names_.end() && it->second != a.id) {
          Add(sentence, t, i, i, it->second, ActorMention::kSurname, false);
          last_person_ = it->second;
          return end;
        }
      }
      // "Iranian Foreign Minister X", "U.S. President X": an actor qualifying a role.
      if (end < t.size() && dict_.MatchRole(t, end, &rlen, &role) && a.kind != "person") {
        return RoleAt(sentence, t, end, rlen, role, i, m.actor);
      }
      if (end + 1 < t.size() && (t[end].text == "'s" || t[end].text == "’s") &&
          dict_.MatchRole(t, end + 1, &rlen, &role) && a.kind != "person") {
        Add(sentence, t, i, end - 1, a.id, KindOf(m.how), true);
        return RoleAt(sentence, t, end + 1, rlen, role, i, m.actor);
      }
      // "Syrian protesters", "Iraqi troops": a country and an agent noun of the PETRARCH
      // agents dictionary, coded as event coders code them (SYR + CVL).
      int alen;
      std::string acode;
      if (a.kind == "country" && end < t.size() && dict_.MatchAgent(t, end, &alen, &acode)) {
        return Sectored(sentence, t, i, end + alen - 1, a.id, acode);
      }
      // A demonym before a name or noun it does not stand for ("the Russian Agricultural
      // Bank", "Iranian assets") only qualifies it; a demonym on its own or before a role does.
      if (m.how == ActorDictionary::How::kDemonym && end < t.size() && IsNameToken(t[end])) return end;
      Add(sentence, t, i, end - 1, EntityFor(m.actor), KindOf(m.how),
          end < t.size() && (t[end].text == "'s" || t[end].text == "’s"));
      // A name that is a state body of its country ("Bundesregierung": DEU + GOV).
      if (!m.sector.empty()) out_.mentions.back().code = CodeFor(a.id, std::string(m.sector));
      // "the European Commission" ... "the Commission": an organisation's last name word
      // refers to it later in the article.
      if ((a.kind == "organization" || a.kind == "group") && m.length >= 2 && IsNameToken(t[end - 1])) {
        known_names_.emplace(t[end - 1].text, a.id);
      }
      if (a.kind == "person") last_person_ = a.id;
      return end;
    }
    std::string lw = Lower(t[i].text);
    if (IsPronoun(lw) && !last_person_.empty()) {
      Add(sentence, t, i, i, last_person_, ActorMention::kPronoun, false);
      return i + 1;
    }
    // "Turkey said it had asked ...": "it" and "they" within a sentence refer back to the
    // last country, organisation or group named in it.
    if ((lw == "it" || lw == "they") && !last_group_.empty() && last_group_sentence_ == sentence) {
      Add(sentence, t, i, i, last_group_, ActorMention::kPronoun, false);
      return i + 1;
    }
    // A surname (or whole name) of someone the article has introduced.
    if (IsNameToken(t[i])) {
      size_t j = i;
      while (j + 1 < t.size() && IsNameToken(t[j + 1])) ++j;
      auto it = known_names_.find(t[j].text);
      if (it != known_names_.end()) {
        Add(sentence, t, i, j, it->second, j > i ? ActorMention::kPerson : ActorMention::kSurname, false);
        last_person_ = it->second;
        return j + 1;
      }
      return j + 1;
    }
    return i + 1;
  }

  static ActorMention::Kind KindOf(ActorDictionary::How how) {
    switch (how) {
      case ActorDictionary::How::kDemonym:
      case ActorDictionary::How::kPluralDemonym: return ActorMention::kDemonym;
      case ActorDictionary::How::kCapital:
      case ActorDictionary::How::kMetonym: return ActorMention::kCapital;
      default: return ActorMention::kName;
    }
  }

  // A role at t[i, i+len), qualified by the actor at t[qual_first...] if any.
  size_t RoleAt(int sentence, const std::vector<Token>& t, size_t i, int len, int role,
                int qual_first = -1, int qual_actor = -1) {
    const RoleEntry& r = dict_.role(role);
    size_t end = i + len;
    std::string country = qual_actor >= 0 ? CountryOf(qual_actor) : "";
    // "President of France"
    ActorDictionary::Match m;
    if (country.empty() && OfActor(t, end, &m)) {
      country = CountryOf(m.actor);
      Add(sentence, t, end + 1, end + m.length, dict_.actor(m.actor).id, ActorMention::kName, false);
      end = end + 1 + m.length;
    }
    size_t first = qual_first >= 0 ? static_cast<size_t>(qual_first) : i;
    // The role's sector: the agents dictionary's code for its words, else the role's own.
    int alen;
    std::string sector;
    if (!dict_.MatchAgent(t, i, &alen, &sector) || static_cast<size_t>(alen) != static_cast<size_t>(len)) {
      sector = r.agent;
    }
    // "Syrian rebels", "the opposition": a body outside the state is a group of its own.
    if (r.kind == "body" && !sector.empty() && !ActorDictionary::IsStateSector(sector)) {
      return Sectored(sentence, t, first, end - 1, country, sector);
    }
    // "the police": a state body with no country named stands for no country.
    if (r.kind == "body" && country.empty() && sector.substr(0, 3) == "COP") {
      return Sectored(sentence, t, first, end - 1, country, sector);
    }
    // "Iranian officials", "Iranian leaders": a plural role speaks for its government.
    const std::string& last_word = t[end - 1].text;
    bool plural = last_word.size() > 3 && last_word.back() == 's' && Lower(last_word) != Lower(r.name);
    if (IsCollectiveRole(r.name) || plural) {
      // "Iranian officials" speak for Iran.
      if (!country.empty()) {
        Add(sentence, t, first, end - 1, country, ActorMention::kRole, false);
        out_.mentions.back().code = CodeFor(country, sector);
      }
      return end;
    }
    // A name after the role: "Foreign Minister Kemal Arslan", "Supreme Leader, Ayatollah Ali
    // Khamenei" (an apposition), skipping honorifics.
    size_t j = end;
    bool comma = j < t.size() && t[j].text == "," && j + 1 < t.size();
    if (comma) ++j;
    // The appositive part, from the comma to the name's end and a closing comma.
    auto apposition = [&](size_t name_end) {
      if (!comma || out_.mentions.empty()) return;
      ActorMention& m = out_.mentions.back();
      m.apposition_start = t[end].start;
      m.apposition_end = t[name_end - 1].end;
      if (name_end < t.size() && t[name_end].text == ",") m.apposition_end = t[name_end].end;
    };
    int tl, tr;
    while (j < t.size() && (IsHonorific(t[j].text) ||
                            (dict_.MatchRole(t, j, &tl, &tr) && dict_.role(tr).kind == "title" && tl == 1 &&
                             j + 1 < t.size() && IsNameToken(t[j + 1])))) {
      ++j;
    }
    bool known = j < t.size() && dict_.MatchActor(t, j, &m) && dict_.actor(m.actor).kind == "person";
    // A surname the dictionary knows, after a role held in another country, is a namesake:
    // "Britain's Foreign Minister Harris" is not the American Harris.
    bool namesake = known && m.length == 1 && !country.empty() && !dict_.actor(m.actor).country.empty() &&
                    dict_.actor(m.actor).country != country;
    if (known && !namesake) {
      std::string id = EntityFor(m.actor);
      Note(id, r.name, country.empty() ? dict_.actor(m.actor).country : country);
      Add(sentence, t, first, j + m.length - 1, id, ActorMention::kPerson, false);
      apposition(j + m.length);
      last_person_ = id;
      return j + m.length;
    }
    size_t k = j;
    while (k < t.size() && IsNameToken(t[k]) && ((namesake && k == j) || !dict_.MatchActor(t, k, &m))) ++k;
    if (k > j && (k - j >= 2 || end == j)) {
      // A new person: the name's tokens from j to k-1.
      std::string name(text_.substr(t[j].start, t[k - 1].end - t[j].start));
      // "Foreign Minister Samir Haddad of Egypt": the country after the name.
      ActorDictionary::Match of;
      bool of_country = country.empty() && OfActor(t, k, &of);
      if (of_country) country = CountryOf(of.actor);
      // Two people of one name serving different countries are two actors: the country the
      // role is held in is part of the id ("samir_haddad@egy"), so that articles about the
      // Egyptian and the Lebanese minister never merge them. Without a country only the name is.
      std::string id = Slug(name, '_');
      if (!country.empty()) id += "@" + Slug(country, '_');
      // One article naming the person twice means one person, with or without the country.
      auto named = known_names_.find(name);
      if (named != known_names_.end()) {
        const Entity& seen = out_.entities[named->second];
        if (country.empty() || seen.country.empty() || seen.country == country) id = named->second;
      }
      Entity& e = Introduce(id, name, "person");
      if (e.role.empty()) e.role = r.name;
      if (e.country.empty()) e.country = country;
      Add(sentence, t, first, of_country ? k + of.length : k - 1, id, ActorMention::kPerson, false);
      apposition(k);
      known_names_[t[k - 1].text] = id;
      known_names_[name] = id;
      last_person_ = id;
      if (of_country) {
        Add(sentence, t, k + 1, k + of.length, dict_.actor(of.actor).id, ActorMention::kName, false);
        return k + 1 + of.length;
      }
      return k;
    }
    // The role alone: someone the article introduced with it, else the dictionary's holder,
    // else the office itself as an actor ("the Supreme Leader of Iran").
    std::string id;
    for (auto it = people_by_role_.rbegin(); it != people_by_role_.rend(); ++it) {
      if (it->first == r.name && (country.empty() || out_.entities[it->second].country == country)) {
        id = it->second;
        break;
      }
    }
    bool unnamed = false;
    if (id.empty() && !country.empty()) {
      // The holder on the article's date: "the Chancellor" of a 1987 article is not today's.
      int h = dict_.Holder(r.name, country, day_);
      if (h >= 0) {
        id = EntityFor(h);
        Note(id, r.name, country);
      } else {
        // An office holder the text does not name ("a senior British minister", "a State
        // Department spokesman") speaks for the government, as event coders code it.
        id = country;
        unnamed = true;
      }
    }
    if (!id.empty()) {
      Add(sentence, t, first, end - 1, id, ActorMention::kRole, false);
      if (unnamed) out_.mentions.back().code = CodeFor(country, sector);
      if (out_.entities[id].kind == "person") last_person_ = id;
    } else if (qual_actor >= 0) {
      Add(sentence, t, qual_first, qual_first, dict_.actor(qual_actor).id, ActorMention::kName, false);
    }
    return end;
  }

  // Whether t[i] is "of" followed by an actor that is not a person ("of France", "of the
  // African Union"); the actor's match in *m.
  bool OfActor(const std::vector<Token>& t, size_t i, ActorDictionary::Match* m) const {
    return i + 1 < t.size() && t[i].text == "of" && dict_.MatchActor(t, i + 1, m) &&
           dict_.actor(m->actor).kind != "person";
  }

  std::string CountryOf(int actor) const {
    const ActorEntry& a = dict_.actor(actor);
    if (a.kind == "country" || a.country.empty()) return a.id;
    return a.country;
  }

  // The entity of dictionary actor `i`, registered with its names for later surname matches.
  std::string EntityFor(int i) {
    const ActorEntry& a = dict_.actor(i);
    Entity& e = Introduce(a.id, a.name, a.kind);
    if (a.kind == "person") {
      // The person's role, country and sector on the article's date (none when no term of
      // theirs holds then: a former office holder holds no role).
      const ActorTerm* term = dict_.TermAt(i, day_);
      if (e.role.empty() && term) e.role = term->role;
      if (e.country.empty()) e.country = term && !term->country.empty() ? term->country : a.country;
      if (e.sector.empty() && term) e.sector = term->sector;
      if (e.code.empty() && !e.country.empty()) e.code = CodeFor(e.country, e.sector);
      auto space = a.name.rfind(' ');
      known_names_[space == std::string::npos ? a.name : a.name.substr(space + 1)] = a.id;
      if (!e.role.empty()) people_by_role_.emplace_back(e.role, a.id);
    } else {
      if (e.role.empty()) e.role = a.role;
      if (e.sector.empty()) e.sector = a.sector;
      if (e.code.empty() && !a.cameo.empty() && a.cameo != a.id) e.code = a.cameo;
    }
    return a.id;
  }

  // The CAMEO code of `actor` (a country's or organisation's id) with `sector` after it.
  std::string CodeFor(const std::string& actor, const std::string& sector) const {
    int d = dict_.Find(actor);
    std::string base = d >= 0 && !dict_.actor(d).cameo.empty() ? dict_.actor(d).cameo : actor;
    if (actor.empty()) base = "---";
    return sector.empty() ? "" : base + sector;
  }

  // A country's agent or a body outside the state, t[first..last]: a state agent of a named
  // country is the country, with the code on the mention ("Iraqi troops": IRQ, IRQMIL); any
  // other is a group of its own keyed by its code ("Syrian rebels": SYRREB), or, with no
  // country named, by its words ("the police": police, code ---COP). Returns the index after it.
  size_t Sectored(int sentence, const std::vector<Token>& t, size_t first, size_t last,
                  const std::string& country, const std::string& sector) {
    if (!country.empty() && ActorDictionary::IsStateSector(sector)) {
      Add(sentence, t, first, last, country, ActorMention::kRole, false);
      out_.mentions.back().code = CodeFor(country, sector);
      return last + 1;
    }
    size_t from = first;
    while (from < last && IsDeterminer(t[from].text)) ++from;
    std::string name(text_.substr(t[from].start, t[last].end - t[from].start));
    std::string code = CodeFor(country, sector);
    std::string id = country.empty() ? Slug(name, '-') : code;
    Entity& e = Introduce(id, name, "group");
    if (e.country.empty()) e.country = country;
    if (e.sector.empty()) e.sector = sector;
    if (e.code.empty()) e.code = code;
    Add(sentence, t, first, last, id, ActorMention::kRole, false);
    return last + 1;
  }

  static bool IsDeterminer(const std::string& w) {
    std::string lw = Lower(w);
    return lw == "the" || lw == "a" || lw == "an";
  }

  Entity& Introduce(const std::string& id, const std::string& name, const std::string& kind) {
    Entity& e = out_.entities[id];
    if (e.id.empty()) {
      e.id = id;
      e.name = name;
      e.kind = kind;
    }
    return e;
  }

  void Note(const std::string& id, const std::string& role, const std::string& country) {
    Entity& e = out_.entities[id];
    if (e.role.empty()) e.role = role;
    if (e.country.empty()) e.country = country;
    people_by_role_.emplace_back(role, id);
  }

  void Add(int sentence, const std::vector<Token>& t, size_t first, size_t last, const std::string& actor,
           ActorMention::Kind kind, bool possessive) {
    ActorMention m;
    m.sentence = sentence;
    m.first_token = static_cast<int>(first);
    m.last_token = static_cast<int>(last);
    m.start = t[first].start;
    m.end = t[last].end;
    m.actor = actor;
    m.kind = kind;
    m.possessive = possessive;
    if (out_.entities.find(actor) == out_.entities.end()) {
      int d = dict_.Find(actor);
      if (d >= 0) {
        EntityFor(d);
      } else {
        Introduce(actor, actor, "group");
      }
    }
    out_.mentions.push_back(m);
    const Entity& e = out_.entities[actor];
    if (kind != ActorMention::kPronoun && e.kind != "person") {
      last_group_ = actor;
      last_group_sentence_ = sentence;
    }
  }

  const ActorDictionary& dict_;
  std::string_view text_;
  int32_t day_ = 0;  // the article's date, YYYYMMDD; 0 if unknown
  DocumentActors out_;
  std::map<std::string, std::string> known_names_;  // surname or full name -> id
  std::vector<std::pair<std::string, std::string>> people_by_role_;  // (role, id), in order
  std::string last_person_;
  std::string last_group_;  // the last country, organisation or group named
  int last_group_sentence_ = -1;
};

}  // namespace

DocumentActors FindActors(const ActorDictionary& dict, std::string_view text,
                          const std::vector<Sentence>& sentences, std::string_view date) {
  Resolver r(dict, text, DayOf(date));
  for (size_t s = 0; s < sentences.size(); ++s) r.Sentence(static_cast<int>(s), sentences[s].tokens);
  return r.Done();
}

}  // namespace parley

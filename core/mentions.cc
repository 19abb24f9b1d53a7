#include "core/mentions.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/lemmatizer.h"
#include "core/name_finder.h"
#include "core/noun_classes.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace parley {
namespace {

// True if the token's first character is an upper-case (or title-case) letter, in any script.
bool IsCapitalized(const Token& t) {
  size_t i = 0;
  return !t.text.empty() && IsUpperCaseLetter(NextCodePoint(t.text, &i));
}

bool IsNameToken(const Token& t) {
  if (!IsCapitalized(t) || t.text.size() < 2) return false;
  // Words that start sentences or titles but do not name anyone.
  static const std::set<std::string> kStop = {
      "The",     "A",        "An",     "In",        "On",       "At",       "But",       "And",
      "Or",      "He",       "She",    "It",        "They",     "We",       "This",      "That",
      "These",   "Those",    "His",    "Her",       "Its",      "Their",    "If",        "When",
      "While",   "After",    "Before", "As",        "By",       "For",      "From",      "With",
      "Without", "Under",    "Over",   "Some",      "Many",     "Most",     "Both",      "All",
      "No",      "Not",      "There",  "Here",      "Monday",   "Tuesday",  "Wednesday", "Thursday",
      "Friday",  "Saturday", "Sunday", "January",   "February", "March",    "April",     "May",
      "June",    "July",     "August", "September", "October",  "November", "December",  "Jan.",
      "Feb.",    "Mar.",     "Apr.",   "Aug.",      "Sept.",    "Sep.",     "Oct.",      "Nov.",
      "Dec.",    "I"};
  if (kStop.count(t.text)) return false;
  for (unsigned char c : t.text) {
    if (c == ',' || c == ';' || c == ':' || c == '"') return false;
  }
  return true;
}

// Honorifics written before a name that are not roles of their own.
bool IsHonorific(const std::string& s) {
  static const std::set<std::string> kHon = {
      "Mr.", "Mrs.", "Ms.",    "Dr.",       "Prof.",        "Sir",  "Dame", "Mr",  "Mrs",
      "Ms",  "Dr",   "Sheikh", "Ayatollah", "Hojatoleslam", "Rev.", "Lord", "Lady"};
  return kHon.count(s) > 0;
}

bool IsPronoun(const std::string& lw) {
  return lw == "he" || lw == "she" || lw == "his" || lw == "her" || lw == "him" || lw == "hers";
}

// Roles that stand for their government rather than for one person ("Iranian officials").
bool IsCollectiveRole(const std::string& role) {
  static const std::set<std::string> kCollective = {
      "official",    "officials", "government", "ministry", "foreign ministry",
      "authorities", "diplomats", "diplomat",   "leaders",  "negotiators",
      "forces",      "military",  "troops"};
  std::string lr = Lower(role);
  return kCollective.count(lr) > 0;
}

class Resolver {
 public:
  // `open`: also find actors no dictionary holds from the shape of their names and WordNet's
  // classes of nouns (PARLEY_OPEN_ACTORS=1).
  Resolver(const ActorDictionary& dict, std::string_view text, int32_t day)
      : dict_(dict), text_(text), day_(day) {}

  void Sentence(int index, const std::vector<Token>& toks) {
    title_case_ = TitleCase(toks);
    all_caps_ = AllCaps(toks);
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
      e.mentions.push_back(
          {m.start, m.end, std::string(text_.substr(m.start, m.end - m.start)), m.code});
    }
    return std::move(out_);
  }

 private:
  // Whether t[i] can be part of a name here: a capitalised word, not a common word in a
  // title-case line ("Leader Says No Barriers": "Says" is no name), nothing in an all-capitals
  // line.
  bool NameTok(const std::vector<Token>& t, size_t i) const {
    if (all_caps_ || !IsNameToken(t[i])) return false;
    return !title_case_ || !CommonWord(t[i].text);
  }

  // Whether t[i] opens its sentence (only quotes and dashes before it).
  static bool Initial(const std::vector<Token>& t, size_t i) {
    for (size_t k = 0; k < i; ++k) {
      const std::string& w = t[k].text;
      if (w != "\"" && w != "``" && w != "\xe2\x80\x9c" && w != "'" && w != "\xe2\x80\x98" &&
          w != "-" && w != "--" && w != "\xe2\x80\x94" && w != "(" && w != ":") {
        return false;
      }
    }
    return true;
  }

  // Handles the token at `i`; returns the index after what it consumed.
  size_t Step(int sentence, const std::vector<Token>& t, size_t i) {
    // A role, possibly with a country before it and a name after it.
    int rlen, role;
    ActorDictionary::Match m;
    bool actor_here = dict_.MatchActor(t, i, &m);
    if (!actor_here && dict_.MatchRole(t, i, &rlen, &role))
      return RoleAt(sentence, t, i, rlen, role);
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
      // "Iranian protesters", "EU farm ministers": a group the actor qualifies.
      if (a.kind != "person") {
        size_t g = GroupAt(sentence, t, end, false, static_cast<int>(i), m.actor);
        if (g > end) return g;
      }
      if (m.how == ActorDictionary::How::kDemonym && end < t.size() && NameTok(t, end)) return end;
      Add(sentence, t, i, end - 1, EntityFor(m.actor), KindOf(m.how),
          end < t.size() && (t[end].text == "'s" || t[end].text == "’s"));
      // A name that is a state body of its country ("Bundesregierung": DEU + GOV).
      if (!m.sector.empty()) out_.mentions.back().code = CodeFor(a.id, std::string(m.sector));
      // "the European Commission" ... "the Commission": an organisation's last name word
      // refers to it later in the article.
      if ((a.kind == "organization" || a.kind == "group") && m.length >= 2 &&
          IsNameToken(t[end - 1])) {
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
    // "They" opening a sentence after one that named a group ("The unions ... They want"):
    // that group.
    if (open_ && (lw == "they" || lw == "their") && !last_plural_.empty() &&
        last_plural_sentence_ + 1 >= sentence && last_group_sentence_ != sentence) {
      Add(sentence, t, i, i, last_plural_, ActorMention::kPronoun, false);
      return i + 1;
    }
    if (lw == "the") {
      size_t g = GroupAt(sentence, t, i + 1, true);
      if (g > i + 1) return g;
      return i + 1;
    }
    // A person introduced by an honorific: "Mr Hartley", "Lady Brennan", "Dr. Ruth Okafor".
    if (Honorific(t[i].text) && i + 1 < t.size() && IsNameToken(t[i + 1]) && !all_caps_) {
      size_t k = i + 1;
      while (k < t.size() && (k == i + 1 || NameTok(t, k) ||
                              (NameParticle(t[k].text) && k + 1 < t.size() && NameTok(t, k + 1)))) {
        ActorDictionary::Match dm;
        if (k > i + 1 && dict_.MatchActor(t, k, &dm)) break;
        ++k;
      }
      return NewPerson(sentence, t, i, i + 1, k);
    }
    // A surname (or whole name) of someone the article has introduced.
    if (NameTok(t, i)) {
      size_t j = i;
      while (j + 1 < t.size() && NameTok(t, j + 1)) ++j;
      std::string whole(text_.substr(t[i].start, t[j].end - t[i].start));
      auto it = known_names_.find(whole);
      if (it == known_names_.end()) it = known_names_.find(t[j].text);
      // "Azmat Lee" after "Ann Lee": a namesake, not Ann Lee.
      if (it != known_names_.end() && j > i && !known_names_.count(whole)) {
        const Entity& e = out_.entities[it->second];
        if (e.kind == "person" && e.name.find(' ') != std::string::npos &&
            e.name.find(t[i].text) == std::string::npos && whole.find(' ') != std::string::npos &&
            e.name.size() > whole.size() / 2 && !Honorific(t[i].text) && !CommonWord(t[i].text)) {
          it = known_names_.end();
        }
      }
      if (it != known_names_.end()) {
        Add(sentence, t, i, j, it->second, j > i ? ActorMention::kPerson : ActorMention::kSurname,
            false);
        if (out_.entities[it->second].kind == "person") last_person_ = it->second;
        return j + 1;
      }
      // A sentence's first word is capitalised whatever it is: a common word there ("Protesters
      // gathered", "Yesterday Tom Reyes") is read as lower case.
      if (Initial(t, i) && CommonWord(t[i].text) && (j == i || CommonWord(t[i + 1].text))) {
        size_t g = GroupAt(sentence, t, i, false);
        if (g > i) return g;
        return i + 1;
      }
      // "Two DEMONYM students", "Angry DEMONYM workers": with no open names, a common word
      // opening the sentence leaves the words after it to be read on their own.
      if (!open_) return Initial(t, i) && CommonWord(t[i].text) ? i + 1 : j + 1;
      return NameAt(sentence, t, i, j + 1);
    }
    // "protesters", "striking farm workers", "EU farm ministers": people or bodies named by
    // a common noun.
    if (!t[i].text.empty() && std::islower(static_cast<unsigned char>(t[i].text[0]))) {
      size_t g = GroupAt(sentence, t, i, false);
      if (g > i) return g;
    }
    return i + 1;
  }

  // The capitalised words t[i, j) that no dictionary holds: a body ("the Competition
  // Authority", "Semiconductor Industry Association", "the Bank of Ruritania"), a group
  // ("Liberal Democrats"), a person ("Tom Reyes"), an acronym ("CMA"); returns the index after
  // what it consumed, `j` if nothing.
  size_t NameAt(int sentence, const std::vector<Token>& t, size_t i, size_t j) {
    const NounClasses& nc = NounClasses::Get();
    // A body's name may run on over "of", "and", "for" to capitalised words ending in a body
    // noun ("Competition and Markets Authority"), or name its seat after "of" ("Bank of X").
    auto body = [&](size_t last, bool several) {
      uint8_t bits = nc.Of(NounLemma(t[last].text));
      return several ? (bits & NounClasses::kGroupSome) != 0
                     : (bits & NounClasses::kGroupFirst) != 0;
    };
    // A dictionary name or role inside ends the name before it ("North American", "Labour MP
    // Ann Lee").
    for (size_t k = i + 1; k < j; ++k) {
      ActorDictionary::Match dm;
      int rlen, role;
      if (dict_.MatchActor(t, k, &dm) || dict_.MatchRole(t, k, &rlen, &role)) {
        j = k;
        break;
      }
    }
    size_t end = j, head_at = j - 1;
    while (end + 1 < t.size() &&
           (t[end].text == "of" || t[end].text == "and" || t[end].text == "for" ||
            t[end].text == "&") &&
           NameTok(t, end + 1)) {
      size_t k = end + 1;
      while (k < t.size() && NameTok(t, k)) ++k;
      bool head_after = body(k - 1, true);
      bool seat = t[end].text == "of" && body(end - 1, true);
      if (!head_after && !seat) break;
      if (!head_after) head_at = end - 1;  // "Bank of X": the bank
      end = k;
      head_at = head_after ? k - 1 : head_at;
    }
    size_t n = end - i;
    std::string name(text_.substr(t[i].start, t[end - 1].end - t[i].start));
    std::string head = Lower(t[head_at].text);
    std::string lemma = NounLemma(head);
    uint8_t bits = nc.Of(lemma);
    bool plural = lemma != head && !(bits & NounClasses::kLocationAny);
    bool initial = Initial(t, i);
    const Lemmatizer& lem = Lemmatizer::Get();
    // One all-capitals word no dictionary knows is a body, unless WordNet knows it as
    // something else ("GDP").
    if (n == 1 && Acronym(t[i].text)) {
      std::string lower = Lower(t[i].text);
      if (Lemmatizer::Get().Knows(lower, WordClass::kNoun) &&
          !(nc.Of(lower) & NounClasses::kGroupAny))
        return end;
      return NewBody(sentence, t, i, end, name, "organization", "");
    }
    if (plural && (bits & NounClasses::kPersonFirst) && (n > 1 || !initial)) {
      return NewBody(sentence, t, i, end, name, "group", "");
    }
    if ((n > 1 && body(head_at, true)) || (n == 1 && !initial && body(head_at, false))) {
      return NewBody(sentence, t, i, end, name, "organization", lemma);
    }
    // A person's name: two to four capitalised words, the last no word WordNet knows unless
    // as a person's name, and the whole no place WordNet knows ("Tom Reyes", "Ruth Okafor";
    // not "Buenos Aires", "Eastern Mediterranean"). Common words and places before the name
    // are not part of it ("Podcaster Ann Lee", "Lagos resident Ann Lee").
    size_t b = i, k = j;
    while (k - b > 2 && (CommonWord(t[b].text) || Acronym(t[b].text) ||
                         (nc.Of(Lower(t[b].text)) & NounClasses::kLocationAny)))
      ++b;
    if (k - b < 2 || k - b > 4 || Acronym(t[k - 1].text)) return j;
    std::string last = Lower(t[k - 1].text);
    bool known = false;
    for (WordClass c :
         {WordClass::kNoun, WordClass::kVerb, WordClass::kAdjective, WordClass::kAdverb}) {
      known |= lem.Knows(lem.Lemma(last, c), c);
    }
    if (known && !(nc.Of(last) & NounClasses::kNamedPerson)) return j;
    std::string joined = Lower(std::string(text_.substr(t[b].start, t[k - 1].end - t[b].start)));
    for (char& c : joined) c = c == ' ' ? '_' : c;
    if (nc.Of(joined) & NounClasses::kLocationAny) return k;
    if (nc.Of(last) & NounClasses::kLocationAny) return k;
    return NewPerson(sentence, t, i, b, k);
  }

  // A person whose name is t[name_first, name_end), the mention starting at t[first]
  // (an honorific before the name); reads an apposition after the name (", the union's
  // general secretary,") as the person's role. Returns the index after the name.
  size_t NewPerson(int sentence, const std::vector<Token>& t, size_t first, size_t name_first,
                   size_t name_end) {
    std::string name(text_.substr(t[name_first].start, t[name_end - 1].end - t[name_first].start));
    std::string country;
    ActorDictionary::Match of;
    bool of_country = OfActor(t, name_end, &of);
    if (of_country) country = CountryOf(of.actor);
    std::string id = Slug(name, '_');
    if (!country.empty()) id += "@" + Slug(country, '_');
    auto named = known_names_.find(name);
    if (named == known_names_.end() && name_end - name_first == 1)
      named = known_names_.find(t[name_first].text);
    if (named != known_names_.end() && out_.entities[named->second].kind == "person")
      id = named->second;
    Entity& e = Introduce(id, name, "person");
    if (e.country.empty()) e.country = country;
    Add(sentence, t, first, name_end - 1, id, ActorMention::kPerson, false);
    known_names_[t[name_end - 1].text] = id;
    known_names_[name] = id;
    last_person_ = id;
    size_t end = name_end;
    if (of_country) {
      Add(sentence, t, name_end + 1, name_end + of.length, dict_.actor(of.actor).id,
          ActorMention::kName, false);
      end = name_end + 1 + of.length;
    }
    Apposition(t, end, id);
    return end;
  }

  // ", general secretary of the transport union," / ", the foreign minister," after person
  // `id` at t[i]: the role it names, remembered so that "the general secretary" refers back.
  void Apposition(const std::vector<Token>& t, size_t i, const std::string& id) {
    if (i + 1 >= t.size() || t[i].text != ",") return;
    const NounClasses& nc = NounClasses::Get();
    // The phrase runs to "of", a comma or the sentence's end; its head is its last word, its
    // role the words after any determiner or possessive.
    size_t b = i + 1, e = i + 1;
    while (e < t.size() && e < i + 8 && t[e].text != "of" && t[e].text != "," && t[e].text != "." &&
           t[e].text != "for" && t[e].text != "at") {
      if (t[e].text == "the" || t[e].text == "a" || t[e].text == "an" || t[e].text == "'s" ||
          t[e].text == "\xe2\x80\x99s")
        b = e + 1;
      ++e;
    }
    if (e <= b || e - b > 4) return;
    const std::string& w = t[e - 1].text;
    std::string lemma = NounLemma(w);
    for (size_t k = b; k < e; ++k) {
      int rlen, role;
      if (dict_.MatchRole(t, k, &rlen, &role) && k + static_cast<size_t>(rlen) == e) {
        Note(id, dict_.role(role).name, "");
        return;
      }
    }
    if (!std::islower(static_cast<unsigned char>(w[0])) ||
        !(nc.Of(lemma) & NounClasses::kPersonFirst) || lemma != Lower(w))
      return;
    Entity& en = out_.entities[id];
    if (en.role.empty()) en.role = std::string(text_.substr(t[b].start, t[e - 1].end - t[b].start));
    role_heads_[lemma] = id;
  }

  // A body or group the text names that no dictionary holds, at t[i, end); `head` is the
  // lemma later mentions may use ("the authority"). Reads a defined acronym after it
  // ("(CMA)"). Returns the index after what it consumed.
  size_t NewBody(int sentence, const std::vector<Token>& t, size_t i, size_t end,
                 const std::string& name, const std::string& kind, const std::string& head) {
    std::string id = Slug(name, '_');
    auto known = known_names_.find(name);
    if (known != known_names_.end()) id = known->second;
    Introduce(id, name, kind);
    Add(sentence, t, i, end - 1, id, ActorMention::kName,
        end < t.size() && (t[end].text == "'s" || t[end].text == "\xe2\x80\x99s"));
    known_names_[name] = id;
    if (!head.empty()) body_heads_[head] = id;
    if (end - i >= 2) {
      // The initials of a name of several words stand for it ("CMA").
      std::string initials;
      for (size_t k = i; k < end; ++k) {
        unsigned char c = static_cast<unsigned char>(t[k].text[0]);
        if (c >= 'A' && c <= 'Z') initials.push_back(static_cast<char>(c));
      }
      if (initials.size() >= 2) known_names_.emplace(initials, id);
    }
    if (end + 2 < t.size() && t[end].text == "(" && t[end + 2].text == ")" &&
        Acronym(t[end + 1].text)) {
      known_names_[t[end + 1].text] = id;
      Entity& e = out_.entities[id];
      if (std::find(e.aliases.begin(), e.aliases.end(), t[end + 1].text) == e.aliases.end())
        e.aliases.push_back(t[end + 1].text);
      Add(sentence, t, end + 1, end + 1, id, ActorMention::kName, false);
      return end + 3;
    }
    return end;
  }

  // People or bodies named by common nouns from t[i]: "protesters", "the unions", "the appeals
  // court", "farm ministers" after "EU" (the actor at t[qual_first], which gives the group its
  // country). `definite`: "the" stands before t[i]. Returns the index after the phrase, or `i`
  // if it names no actor.
  size_t GroupAt(int sentence, const std::vector<Token>& t, size_t i, bool definite,
                 int qual_first = -1, int qual_actor = -1) {
    if (!open_) return i;
    const Lemmatizer& lem = Lemmatizer::Get();
    const NounClasses& nc = NounClasses::Get();
    size_t k = i, start = i;  // the phrase's words; those from `start` name it
    while (k < t.size() && k < i + 4) {
      const std::string& w = t[k].text;
      unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
      bool lower = c >= 'a' && c <= 'z';
      bool initial_common = k == i && Initial(t, k) && CommonWord(w);
      if (!lower && !initial_common) break;
      std::string lw = Lower(w);
      if (lw.size() < 3 || !lem.Knows(NounLemma(lw), WordClass::kNoun)) break;
      // A word that is also an adverb ("why", "now") is no part of a name of people.
      if (lem.Knows(lw, WordClass::kAdverb)) break;
      // An adjective before a noun ("four", "general") is no part of the name.
      if (lem.Knows(lw, WordClass::kAdjective) && k + 1 < t.size() &&
          std::islower(static_cast<unsigned char>(t[k + 1].text[0])) &&
          lem.Knows(NounLemma(t[k + 1].text), WordClass::kNoun)) {
        start = k + 1;
      }
      ++k;
    }
    // The head is the last noun of the phrase that names people or a body ("workers" in
    // "workers demand"; "ministers" in "farm ministers").
    size_t end = k;
    std::string head, lemma;
    uint8_t bits = 0;
    bool plural = false;
    for (; end > start; --end) {
      head = Lower(t[end - 1].text);
      lemma = NounLemma(head);
      bits = nc.Of(lemma);
      plural = lemma != head;
      if (lemma == "person" || lemma == "people") continue;
      // "the country" is a country, "countries" no actor.
      if (bits & NounClasses::kCountryFirst) {
        if (!plural && definite && !last_country_.empty()) break;
        continue;
      }
      if (!plural && definite && body_heads_.count(lemma)) break;
      if (plural && (bits & (NounClasses::kPersonFirst | NounClasses::kGroupFirst))) break;
      if (!plural && (bits & (NounClasses::kPersonFirst | NounClasses::kGroupFirst)) &&
          (definite || qual_actor >= 0))
        break;
    }
    if (end == start) return i;
    // A dictionary role is the role finder's ("the foreign minister", "officials").
    int rlen, role;
    for (size_t r = start; r < end; ++r) {
      if (dict_.MatchRole(t, r, &rlen, &role) && r + static_cast<size_t>(rlen) >= end) {
        if (r == start) return i;
        break;
      }
    }
    // "the teachers' union": a plural owner before the head makes one name with it.
    if (end == k && k + 1 < t.size() && (t[k].text == "'" || t[k].text == "\xe2\x80\x99") &&
        plural && std::islower(static_cast<unsigned char>(t[k + 1].text[0]))) {
      std::string owned = Lower(t[k + 1].text);
      uint8_t owned_bits = nc.Of(NounLemma(owned));
      if (NounLemma(owned) == owned && (owned_bits & NounClasses::kGroupFirst)) {
        end = k + 2;
        head = owned;
        lemma = owned;
        bits = owned_bits;
        plural = false;
      }
    }
    std::string phrase(text_.substr(t[start].start, t[end - 1].end - t[start].start));
    // A common noun names its actor with its article ("the council"); a demonym or actor
    // before it does instead ("EU farm ministers").
    size_t first = qual_first >= 0     ? static_cast<size_t>(qual_first)
                   : definite && i > 0 ? i - 1
                                       : i;
    if (bits & NounClasses::kCountryFirst) {
      Add(sentence, t, first, end - 1, last_country_, ActorMention::kRole, false);
      return end;
    }
    std::string country = qual_actor >= 0 ? CountryOf(qual_actor) : "";
    if (plural && (bits & (NounClasses::kPersonFirst | NounClasses::kGroupFirst))) {
      std::string id = Slug(phrase, '_');
      if (!country.empty()) id += "@" + Slug(country, '_');
      Entity& e = Introduce(id, Lower(phrase), "group");
      if (e.country.empty()) e.country = country;
      Add(sentence, t, first, end - 1, id, ActorMention::kRole, false);
      last_plural_ = id;
      last_plural_sentence_ = sentence;
      return end;
    }
    auto known_body = body_heads_.find(lemma);
    if (!plural && ((bits & NounClasses::kGroupFirst) || known_body != body_heads_.end()) &&
        (definite || qual_actor >= 0)) {
      auto known = known_body;
      std::string id;
      if (known != body_heads_.end() && country.empty()) {
        id = known->second;
      } else {
        id = Slug(phrase, '_');
        if (!country.empty()) id += "@" + Slug(country, '_');
        Entity& e = Introduce(id, Lower(phrase), "organization");
        if (e.country.empty()) e.country = country;
        body_heads_.emplace(lemma, id);
      }
      Add(sentence, t, first, end - 1, id, ActorMention::kRole, false);
      return end;
    }
    if (!plural && definite && (bits & NounClasses::kPersonFirst)) {
      auto known = role_heads_.find(lemma);
      if (known != role_heads_.end()) {
        Add(sentence, t, first, end - 1, known->second, ActorMention::kRole, false);
        last_person_ = known->second;
        return end;
      }
    }
    return i;
  }

  static ActorMention::Kind KindOf(ActorDictionary::How how) {
    switch (how) {
      case ActorDictionary::How::kDemonym:
      case ActorDictionary::How::kPluralDemonym:
        return ActorMention::kDemonym;
      case ActorDictionary::How::kCapital:
      case ActorDictionary::How::kMetonym:
        return ActorMention::kCapital;
      default:
        return ActorMention::kName;
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
      Add(sentence, t, end + 1, end + m.length, dict_.actor(m.actor).id, ActorMention::kName,
          false);
      end = end + 1 + m.length;
    }
    size_t first = qual_first >= 0 ? static_cast<size_t>(qual_first) : i;
    // The role's sector: the agents dictionary's code for its words, else the role's own.
    int alen;
    std::string sector;
    if (!dict_.MatchAgent(t, i, &alen, &sector) ||
        static_cast<size_t>(alen) != static_cast<size_t>(len)) {
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
    bool plural =
        last_word.size() > 3 && last_word.back() == 's' && Lower(last_word) != Lower(r.name);
    if (IsCollectiveRole(r.name) || plural) {
      // "Iranian officials" speak for Iran; "the government", "rebels", "officials" of no
      // country named are a body or group of their own, keyed by the words.
      if (!country.empty()) {
        Add(sentence, t, first, end - 1, country, ActorMention::kRole, false);
        out_.mentions.back().code = CodeFor(country, sector);
      } else if (open_ &&
                 (plural || (r.kind == "body" && i > 0 && Lower(t[i - 1].text) == "the"))) {
        std::string words =
            Lower(std::string(text_.substr(t[i].start, t[end - 1].end - t[i].start)));
        std::string id = Slug(words, '_');
        Introduce(id, words, plural ? "group" : "organization");
        Add(sentence, t, first == i && i > 0 && Lower(t[i - 1].text) == "the" ? i - 1 : first,
            end - 1, id, ActorMention::kRole, false);
        if (plural) {
          last_plural_ = id;
          last_plural_sentence_ = sentence;
        }
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
                            (dict_.MatchRole(t, j, &tl, &tr) && dict_.role(tr).kind == "title" &&
                             tl == 1 && j + 1 < t.size() && NameTok(t, j + 1)))) {
      ++j;
    }
    bool known =
        j < t.size() && dict_.MatchActor(t, j, &m) && dict_.actor(m.actor).kind == "person";
    // A surname the dictionary knows, after a role held in another country, is a namesake:
    // "Britain's Foreign Minister Harris" is not the American Harris. So is a whole name the
    // dictionary gives another country than the one the text places the person in after the
    // name ("Senator Ana Costa of Ohio" is not the dictionary's Brazilian Ana Costa).
    const std::string& known_country = known ? dict_.actor(m.actor).country : std::string();
    bool namesake = known && m.length == 1 && !country.empty() && !known_country.empty() &&
                    known_country != country;
    if (known && !namesake && country.empty() && !known_country.empty()) {
      ActorDictionary::Match of;
      if (OfActor(t, j + m.length, &of)) {
        std::string of_country = CountryOf(of.actor);
        namesake = !of_country.empty() && of_country != known_country;
      }
    }
    if (known && !namesake) {
      std::string id = EntityFor(m.actor);
      Note(id, r.name, country.empty() ? dict_.actor(m.actor).country : country);
      Add(sentence, t, first, j + m.length - 1, id, ActorMention::kPerson, false);
      apposition(j + m.length);
      last_person_ = id;
      return j + m.length;
    }
    // A namesake's name is the words the dictionary matched, read whole.
    const size_t own_name_end = namesake ? j + m.length : j;
    size_t k = j;
    while (k < t.size() && (k < own_name_end || (NameTok(t, k) && !dict_.MatchActor(t, k, &m))))
      ++k;
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
        Add(sentence, t, k + 1, k + of.length, dict_.actor(of.actor).id, ActorMention::kName,
            false);
        return k + 1 + of.length;
      }
      return k;
    }
    // The role alone: someone the article introduced with it, else the dictionary's holder,
    // else the office itself as an actor ("the Supreme Leader of Iran").
    std::string id;
    for (auto it = people_by_role_.rbegin(); it != people_by_role_.rend(); ++it) {
      if (it->first == r.name &&
          (country.empty() || out_.entities[it->second].country == country)) {
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
    // "the chancellor" in an article that names no chancellor: the office as a person actor.
    if (open_ && id.empty() && qual_actor < 0 && i > 0 && Lower(t[i - 1].text) == "the" &&
        r.kind != "body") {
      id = Slug(r.name, '_');
      Introduce(id, r.name, "person");
      first = i - 1;  // "the chancellor", with its article as a common noun's
    }
    if (!id.empty()) {
      Add(sentence, t, first, end - 1, id, ActorMention::kRole, false);
      if (unnamed) out_.mentions.back().code = CodeFor(country, sector);
      if (out_.entities[id].kind == "person") last_person_ = id;
    } else if (qual_actor >= 0) {
      Add(sentence, t, qual_first, qual_first, dict_.actor(qual_actor).id, ActorMention::kName,
          false);
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

  void Add(int sentence, const std::vector<Token>& t, size_t first, size_t last,
           const std::string& actor, ActorMention::Kind kind, bool possessive) {
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
    if (e.kind == "country") last_country_ = actor;
    if (kind != ActorMention::kPronoun && e.kind != "person") {
      last_group_ = actor;
      last_group_sentence_ = sentence;
    }
  }

  const ActorDictionary& dict_;
  std::string_view text_;
  int32_t day_ = 0;  // the article's date, YYYYMMDD; 0 if unknown
  DocumentActors out_;
  std::map<std::string, std::string> known_names_;                   // surname or full name -> id
  std::vector<std::pair<std::string, std::string>> people_by_role_;  // (role, id), in order
  std::map<std::string, std::string> body_heads_;  // a body's head noun ("authority") -> id
  std::map<std::string, std::string> role_heads_;  // a person's role noun ("secretary") -> id
  std::string last_plural_;                        // the last group or body named by a common noun
  std::string last_country_;                       // the last country named
  int last_plural_sentence_ = -1;
  // Whether actors no dictionary holds are found from name shapes, common nouns of people and
  // bodies, and dictionary roles with no holder (PARLEY_OPEN_ACTORS=1); honorifics, title-case
  // lines and "the country" are read either way.
  const bool open_ = [] {
    const char* v = std::getenv("PARLEY_OPEN_ACTORS");
    return v && std::string_view(v) == "1";
  }();
  bool title_case_ = false;
  bool all_caps_ = false;
  std::string last_person_;
  std::string last_group_;  // the last country, organisation or group named
  int last_group_sentence_ = -1;
};

}  // namespace

DocumentActors FindActors(const ActorDictionary& dict, std::string_view text,
                          const std::vector<Sentence>& sentences, std::string_view date) {
  Resolver r(dict, text, DayOf(date));
  for (size_t s = 0; s < sentences.size(); ++s)
    r.Sentence(static_cast<int>(s), sentences[s].tokens);
  return r.Done();
}

}  // namespace parley

#include "core/occurrences.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <set>

#include "core/lemmatizer.h"
#include "core/wordnet.h"
#include "util/strings.h"

namespace parley {
namespace {

// The most WordNet senses a verb may have to name one kind of act of its own (without its
// object saying which).
constexpr size_t kMostSensesOfGeneralVerb = 4;
// The most senses any happening verb may have: English's most polysemous verbs (more than 25
// senses: "take", "break", "cut", "run") name nothing without their object, whatever code the
// dictionary gives their bare form.
constexpr size_t kMostSensesOfAnyHappeningVerb = 25;

// Words that name any happening ("case", "incident"), or a change of a quantity rather than a
// happening ("prices rose", "an increase"): nouns and verbs read as no occurrence of their own.
const std::set<std::string, std::less<>>& GeneralWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "case",     "instance", "example", "result",   "consequence", "effect",   "outcome",
      "change",   "success",  "failure", "occasion", "event",       "incident", "development",
      "moment",   "issue",    "thing",   "matter",   "rise",        "increase", "decline",
      "fall",     "drop",     "gain",    "growth",   "loss",        "jump",     "surge",
      "decrease", "climb",    "slide",   "recovery", "turn",        "time",     "act",
      "action",   "activity", "move",    "step",     "measure",     "effort",   "process"};
  return kWords;
}

// Words after which the next word is a noun: articles, possessives, quantifiers.
bool Determiner(const std::string& lower) {
  static const std::set<std::string, std::less<>> kWords = {
      "the",   "a",    "an",      "this", "that", "these",   "those", "its", "their",
      "his",   "her",  "our",     "my",   "your", "'s",      "’s",    "any", "no",
      "every", "each", "another", "such", "of",   "several", "many",  "two", "three"};
  if (kWords.count(lower)) return true;
  // A number ("26", "1,200").
  return !lower.empty() && std::isdigit(static_cast<unsigned char>(lower.front())) &&
         std::all_of(lower.begin(), lower.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
         });
}

// A noun sense of a thing, a living being, a person or a group ("forces", "police", "bomb"),
// by its lexicographer file: a word that reads as such a noun is not read as a verb.
bool ThingFile(int file) {
  switch (file) {
    case WordNet::kNounAnimal:
    case WordNet::kNounArtifact:
    case WordNet::kNounBody:
    case WordNet::kNounFood:
    case WordNet::kNounGroup:
    case WordNet::kNounLocation:
    case WordNet::kNounObject:
    case WordNet::kNounPerson:
    case WordNet::kNounPlant:
    case WordNet::kNounSubstance:
      return true;
    default:
      return false;
  }
}

// A noun sense of an act, an event or a phenomenon.
bool HappeningFile(int file) {
  return file == WordNet::kNounAct || file == WordNet::kNounEvent ||
         file == WordNet::kNounPhenomenon;
}

// The key word of a WordNet synset's word: lower case, words joined by '-'.
std::string KeyWord(const std::string& wordnet_word) {
  std::string w = wordnet_word;
  std::replace(w.begin(), w.end(), '_', '-');
  return w;
}

// What a happening named by the verb `lemma` is compared by: the first word of its first
// sense's synset ("bomb" -> "bombard", as "bombard" and "bomb" are one sense), or of the sense
// that one causes where WordNet says it causes one ("kill" -> "die": "killed ten" and "ten
// died" tell one happening).
std::string VerbKey(const std::string& lemma) {
  WordNet::Synset s;
  if (!WordNet::Get().FirstSense(lemma, WordClass::kVerb, &s) || s.words.empty()) return lemma;
  for (const WordNet::Synset::Pointer& p : s.pointers) {
    WordNet::Synset caused;
    if (p.symbol == ">" && p.pos == "v" &&
        WordNet::Get().ReadSynset(WordClass::kVerb, p.offset, &caused) && !caused.words.empty())
      return KeyWord(caused.words[0]);
  }
  return KeyWord(s.words[0]);
}

}  // namespace

bool HappeningWords::HappeningVerb(const std::string& lemma) const {
  if (GeneralWords().count(lemma)) return false;
  const VerbEntry* entry = verbs_.Find(lemma);
  if (!entry) return false;
  // A verb of few senses names one kind of act ("elect", "resign"); one of many ("make",
  // "give", "report") names whatever its object makes it.
  const std::vector<uint32_t>* senses = WordNet::Get().Senses(lemma, WordClass::kVerb);
  bool specific = senses && senses->size() <= kMostSensesOfGeneralVerb;
  if (!entry->code.empty() && entry->code != "---") {
    // Coded: material conflict ("shell", "kill"); material cooperation ("resign",
    // "evacuate") when specific; verbal acts never (those are statements, not happenings).
    EventCode code;
    if (!coding_.Code(entry->code, &code)) return false;
    return (code.quad_class == 4 && senses && senses->size() <= kMostSensesOfAnyHappeningVerb) ||
           (code.quad_class == 2 && specific);
  }
  if (!specific) return false;
  int file = WordNet::Get().FirstSenseFile(lemma, WordClass::kVerb);
  return file == WordNet::kVerbCommunication || file == WordNet::kVerbCompetition ||
         file == WordNet::kVerbContact || file == WordNet::kVerbSocial;
}

std::string HappeningWords::What(std::string_view word, bool after_determiner) const {
  std::string lower = Lower(word);
  if (lower.size() < 3 ||
      !std::all_of(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return "";
  std::string key = after_determiner ? lower + '\1' : lower;
  {
    std::shared_lock lock(memo_mutex_);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  }
  std::string what = Read(lower, after_determiner);
  std::unique_lock lock(memo_mutex_);
  if (memo_.size() < kMemoWords) memo_.emplace(std::move(key), what);
  return what;
}

std::string HappeningWords::Read(const std::string& lower, bool after_determiner) const {
  const Lemmatizer& lem = Lemmatizer::Get();
  std::string noun = lem.Lemma(lower, WordClass::kNoun);
  // The noun's first sense, read once: it decides both readings.
  WordNet::Synset s;
  bool is_noun = lem.Knows(noun, WordClass::kNoun) &&
                 WordNet::Get().FirstSense(noun, WordClass::kNoun, &s) && !s.words.empty();
  // A plural of a noun that is not a happening ("forces") is that noun, not the verb it spells.
  bool plural_thing = is_noun && noun != lower && !HappeningFile(s.lexicographer_file);
  if (!after_determiner && !plural_thing && !(is_noun && ThingFile(s.lexicographer_file))) {
    std::string verb = lem.Lemma(lower, WordClass::kVerb);
    if (lem.Knows(verb, WordClass::kVerb) && HappeningVerb(verb)) return VerbKey(verb);
  }
  if (!is_noun || GeneralWords().count(noun)) return "";
  if (s.lexicographer_file == WordNet::kNounEvent ||
      s.lexicographer_file == WordNet::kNounPhenomenon) {
    // Compared by its sense ("temblor" -> "earthquake"), and by the verb that sense derives
    // from where there is one ("death" -> "die"), as a verb tells the same happening.
    std::string first = s.words[0];
    if (GeneralWords().count(first)) return "";
    std::string verb = WordNet::Get().VerbOf(first);
    return verb.empty() ? KeyWord(first) : VerbKey(verb);
  }
  // An act ("shelling", "election"), or one told ("protest"), by the verb it derives from.
  if (s.lexicographer_file == WordNet::kNounAct ||
      s.lexicographer_file == WordNet::kNounCommunication) {
    std::string verb = WordNet::Get().VerbOf(noun);
    if (!verb.empty() && HappeningVerb(verb)) return VerbKey(verb);
  }
  return "";
}

namespace {

// The alpha-2 code of the country of actor `id`: its own for a country, else the one it
// belongs to; empty when none is known.
std::string ActorCountry(const DocumentActors& actors, const std::string& id,
                         const Gazetteer& gazetteer) {
  auto it = actors.entities.find(id);
  if (it == actors.entities.end()) return "";
  const Entity& e = it->second;
  std::string country = e.kind == "country" ? e.id : e.country;
  if (country.size() < 3) return "";
  return std::string(gazetteer.Alpha2(Upper(country.substr(0, 3))));
}

}  // namespace

std::vector<Occurrence> FindOccurrences(const HappeningWords& words,
                                        const std::vector<Sentence>& sentences, size_t lead_end,
                                        const DocumentPlaces& places, const DocumentActors& actors,
                                        const Gazetteer& gazetteer) {
  std::vector<Occurrence> out;
  lead_end = std::min(lead_end, sentences.size());
  // The country of the first actor each lead sentence names, for a word no place is given for;
  // and the lead's own country, for a sentence that names neither place nor actor (the lead
  // sets the scene once: "Riots broke out ... in Lyon", then "Police arrested 40 people").
  std::vector<std::string> actor_country(lead_end);
  for (const ActorMention& m : actors.mentions) {
    if (m.sentence < 0 || static_cast<size_t>(m.sentence) >= lead_end ||
        m.kind == ActorMention::kPronoun || !actor_country[m.sentence].empty())
      continue;
    actor_country[m.sentence] = ActorCountry(actors, m.actor, gazetteer);
  }
  // The first place the lead names (not the dateline's, which says where the report was filed).
  const PlaceMention* lead_place = nullptr;
  for (const PlaceMention& p : places.mentions) {
    if (!p.dateline && p.sentence >= 0 && static_cast<size_t>(p.sentence) < lead_end &&
        !p.place.country.empty()) {
      lead_place = &p;
      break;
    }
  }
  std::string lead_country;
  if (lead_place) lead_country = lead_place->place.country;
  if (lead_country.empty() && places.dateline >= 0)
    lead_country = places.mentions[places.dateline].place.country;
  for (size_t i = 0; i < lead_end && lead_country.empty(); ++i) lead_country = actor_country[i];
  for (size_t i = 0; i < lead_end; ++i) {
    const Sentence& s = sentences[i];
    for (size_t t = 0; t < s.tokens.size(); ++t) {
      const Token& token = s.tokens[t];
      // A word inside an actor's name ("the Election Commission") names the actor.
      bool in_name = std::any_of(
          actors.mentions.begin(), actors.mentions.end(),
          [&](const ActorMention& m) { return m.start <= token.start && token.end <= m.end; });
      if (in_name) continue;
      bool after_determiner = t > 0 && Determiner(Lower(s.tokens[t - 1].text));
      std::string what = words.What(token.text, after_determiner);
      if (what.empty()) continue;
      Occurrence o;
      o.what = std::move(what);
      o.text = token.text;
      o.sentence = static_cast<int64_t>(i);
      o.start = token.start;
      o.end = token.end;
      // The place its sentence names, else the one the lead names (where it happened), else
      // the dateline's (where it was reported from).
      const PlaceMention* p = PlaceOf(places, o.sentence, o.start, o.end);
      if ((!p || p->dateline) && lead_place) p = lead_place;
      if (p) o.place = p->place;
      o.country = !o.place.country.empty()    ? o.place.country
                  : !actor_country[i].empty() ? actor_country[i]
                                              : lead_country;
      if (o.country.empty()) continue;
      out.push_back(std::move(o));
    }
  }
  return out;
}

}  // namespace parley

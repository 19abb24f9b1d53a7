// Places: the dateline, place names after locative words, and choosing among namesakes.
#include "core/places.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/wordnet.h"
#include "util/strings.h"

namespace parley {
namespace {

// Candidates narrowed by the words before a name ("the state of", "the city of").
enum class Want { kAny, kCity, kRegion, kCountry };

struct Found {
  int sentence = 0;
  int32_t start = 0, end = 0;
  bool dateline = false;
  std::vector<uint32_t> candidates;
};

bool Capitalised(std::string_view w) {
  return !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) ||
                        static_cast<unsigned char>(w[0]) >= 0x80);
}

bool AllCapitals(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letter = letter || std::isalpha(static_cast<unsigned char>(c));
  }
  return letter;
}

// A month's name or its abbreviation ("Oct", "Sept."), as a dateline's date starts.
bool IsMonth(std::string_view w) {
  static const std::set<std::string> kMonths = {
      "jan",  "january",   "feb",  "february", "mar",  "march",    "apr",    "april",
      "may",  "jun",       "june", "jul",      "july", "aug",      "august", "sep",
      "sept", "september", "oct",  "october",  "nov",  "november", "dec",    "december"};
  std::string l = Lower(w);
  while (!l.empty() && l.back() == '.') l.pop_back();
  return kMonths.count(l) > 0;
}

// Words after which a name says where something is or happens.
bool IsLocative(const std::string& w) {
  static const std::set<std::string> kWords = {"in",     "at",     "near",   "outside",
                                               "inside", "across", "around", "throughout"};
  return kWords.count(w) > 0;
}

// "northern", "south-eastern", "central": a part of the place that follows.
bool IsDirection(const std::string& w) {
  static const std::set<std::string> kWords = {
      "north",        "south",         "east",          "west",          "northern",
      "southern",     "eastern",       "western",       "central",       "northeast",
      "northwest",    "southeast",     "southwest",     "northeastern",  "northwestern",
      "southeastern", "southwestern",  "north-east",    "north-west",    "south-east",
      "south-west",   "north-eastern", "north-western", "south-eastern", "south-western",
      "downtown",     "rural",         "occupied",      "war-torn",      "neighbouring",
      "neighboring"};
  return kWords.count(w) > 0;
}

// "the city of", "the state of": what kind of place follows.
bool KindWord(const std::string& w, Want* want) {
  if (w == "city" || w == "town" || w == "village" || w == "capital" || w == "port") {
    *want = Want::kCity;
  } else if (w == "state" || w == "province" || w == "region" || w == "district") {
    *want = Want::kRegion;
  } else if (w == "country" || w == "republic" || w == "nation") {
    *want = Want::kCountry;
  } else {
    return false;
  }
  return true;
}

// True if the first WordNet sense of `word` (lower-cased) is a made thing (lexicographer file
// noun.artifact: "garden", "street", "palace", "airport", "station").
bool Artifact(std::string_view word) {
  return WordNet::Get().FirstSenseFile(Lower(word), WordClass::kNoun) == WordNet::kNounArtifact;
}

// Lower-case words inside a place's name ("Rio de Janeiro", "Frankfurt am Main").
bool IsNameJoiner(std::string_view w) {
  return w == "de" || w == "da" || w == "do" || w == "del" || w == "la" || w == "of" || w == "am" ||
         w == "al" || w == "el" || w == "es" || w == "upon";
}

bool Fits(const GazetteerPlace& p, Want want) {
  switch (want) {
    case Want::kCity:
      return p.kind == GazetteerPlace::kCity;
    case Want::kRegion:
      return p.kind == GazetteerPlace::kRegion;
    case Want::kCountry:
      return p.kind == GazetteerPlace::kCountry;
    default:
      return true;
  }
}

class Finder {
 public:
  Finder(const Gazetteer& g, std::string_view text, const std::vector<Sentence>& sentences,
         size_t article_start)
      : g_(g), text_(text), sentences_(sentences), article_start_(article_start) {}

  // The dateline at the text's start: its place name's candidates, narrowed by its qualifier.
  bool Dateline(Found* out) {
    if (article_start_ >= sentences_.size()) return false;
    size_t b = sentences_[article_start_].start;
    while (b < text_.size() && IsSpace(text_[b])) ++b;
    std::string_view head = text_.substr(b, std::min<size_t>(120, text_.size() - b));
    // The dash ending a dateline: an em or en dash, " - " or "--".
    size_t sep = std::string_view::npos;
    for (std::string_view d : {"\xe2\x80\x94", "\xe2\x80\x93", " - ", "--"}) {
      size_t at = head.find(d);
      if (at != std::string_view::npos && at < sep) sep = at;
    }
    if (sep == std::string_view::npos || sep < 3) return false;
    head = head.substr(0, sep);
    bool agency = false;  // "(AP)", "(Reuters)"
    if (size_t paren = head.find('('); paren != std::string_view::npos) {
      agency = true;
      head = head.substr(0, paren);
    }
    // Pieces between commas: the place, then its qualifier and a date in any order.
    std::vector<std::pair<size_t, std::string_view>> pieces;  // offset in text, trimmed piece
    size_t from = 0;
    while (from <= head.size()) {
      size_t comma = head.find(',', from);
      if (comma == std::string_view::npos) comma = head.size();
      std::string_view piece = head.substr(from, comma - from);
      size_t lead = piece.size() - TrimLeft(piece).size();
      pieces.emplace_back(b + from + lead, Trim(piece));
      from = comma + 1;
    }
    std::string_view place = pieces[0].second;
    bool dated = false;
    std::string_view qualifier;
    for (size_t i = 1; i < pieces.size(); ++i) {
      std::string_view p = pieces[i].second;
      if (p.empty()) continue;
      std::string_view first = p.substr(0, p.find(' '));
      if (IsMonth(first) || std::isdigit(static_cast<unsigned char>(p[0]))) {
        dated = true;
      } else if (qualifier.empty()) {
        // "N.Y. March 3": a date after the qualifier with no comma between.
        for (size_t sp = p.find(' '); sp != std::string_view::npos; sp = p.find(' ', sp + 1)) {
          std::string_view rest = p.substr(sp + 1);
          if (IsMonth(rest.substr(0, rest.find(' ')))) {
            p = Trim(p.substr(0, sp));
            dated = true;
            break;
          }
        }
        qualifier = p;
      }
    }
    // The place: one to four words, each capitalised; in capitals unless the dateline is
    // marked as one by a date or an agency ("Paris, March 3 (Reuters) -").
    std::vector<std::string_view> words;
    for (size_t at = 0; at < place.size();) {
      size_t sp = place.find(' ', at);
      if (sp == std::string_view::npos) sp = place.size();
      if (sp > at) words.push_back(place.substr(at, sp - at));
      at = sp + 1;
    }
    if (words.empty() || words.size() > 4) return false;
    for (std::string_view w : words) {
      if (!Capitalised(w) && !IsNameJoiner(w)) return false;
    }
    if (!AllCapitals(place) && !dated && !agency) return false;
    std::vector<uint32_t> c = g_.Lookup(place);
    bool narrowed = !qualifier.empty() && Qualify(qualifier, &c);
    // A town too small for the list ("SUFFIELD, Conn.") is placed in its region or country.
    if (!narrowed && !qualifier.empty()) {
      std::vector<uint32_t> areas = Areas(qualifier);
      if (!areas.empty()) {
        c = {areas.front()};
        narrowed = true;
      }
    }
    // A bare name in capitals may be a word of a wire's heading ("LEAD -", "SILVER -"): a
    // small town needs its qualifier.
    if (!narrowed) {
      c.erase(std::remove_if(c.begin(), c.end(),
                             [this](uint32_t i) {
                               GazetteerPlace p = g_.Get(i);
                               return p.kind == GazetteerPlace::kCity && p.population < 20000 &&
                                      !p.capital;
                             }),
              c.end());
    }
    // A dateline names a city: where a name is a city and a subdivision ("GREENWICH"), the city.
    bool has_city = std::any_of(
        c.begin(), c.end(), [this](uint32_t i) { return g_.Get(i).kind == GazetteerPlace::kCity; });
    if (has_city) {
      c.erase(
          std::remove_if(c.begin(), c.end(),
                         [this](uint32_t i) { return g_.Get(i).kind == GazetteerPlace::kRegion; }),
          c.end());
    }
    if (c.empty()) return false;
    // A country's name as a dateline ("KUWAIT", "SINGAPORE") is its capital when the capital
    // is called by it ("Kuwait City"); other countries' ("BAHRAIN") stay countries.
    std::vector<uint32_t> capitals;
    for (const std::string& n : {std::string(place), std::string(place) + " City"}) {
      for (uint32_t i : g_.Lookup(n)) {
        GazetteerPlace p = g_.Get(i);
        if (p.kind != GazetteerPlace::kCity || !p.capital) continue;
        for (uint32_t k : c) {
          GazetteerPlace q = g_.Get(k);
          if (q.kind == GazetteerPlace::kCountry && q.country == p.country) capitals.push_back(i);
        }
      }
    }
    c.insert(c.end(), capitals.begin(), capitals.end());
    capital_for_country_ = !capitals.empty();
    out->sentence = 0;
    out->start = static_cast<int32_t>(pieces[0].first);
    out->end = static_cast<int32_t>(pieces[0].first + place.size());
    out->dateline = true;
    out->candidates = std::move(c);
    return true;
  }

  // Names after locative words in sentence `si`.
  void InSentence(int si, std::vector<Found>* out) {
    const std::vector<Token>& t = sentences_[si].tokens;
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if (!IsLocative(Lower(t[i].text))) continue;
      size_t j = i + 1;
      Want want = Want::kAny;
      for (bool more = true; more && j < t.size();) {
        std::string w = Lower(t[j].text);
        Want kind;
        more = false;
        if (w == "the" || IsDirection(w)) {
          ++j;
          more = true;
        } else if (KindWord(w, &kind) && j + 1 < t.size() && Lower(t[j + 1].text) == "of") {
          want = kind;
          j += 2;
          more = true;
        }
      }
      if (j >= t.size() || !Capitalised(t[j].text)) continue;
      // The longest name from t[j]: capitalised words and the joiners inside them.
      size_t last = j;
      while (last + 1 < t.size() && last - j < 4 &&
             (Capitalised(t[last + 1].text) || IsNameJoiner(t[last + 1].text)))
        ++last;
      for (size_t k = last + 1; k-- > j;) {
        if (!Capitalised(t[k].text)) continue;
        // A name that runs on with "of" and a name ("Gulf of Aden", "Bay of Biscay") is one
        // name: known whole it was taken above; its first words alone name no place.
        if (k + 2 <= last && Lower(t[k + 1].text) == "of") break;
        // Nor does one followed by the word for a building or a way ("the Rose Garden", "Bank
        // Street", "Ridge Airport"): the words name the facility, not the town they start with.
        if (k + 1 <= last && Capitalised(t[k + 1].text) && Artifact(t[k + 1].text)) break;
        std::string_view name = text_.substr(t[j].start, t[k].end - t[j].start);
        if (k == j && g_.NotAPlace(name)) break;
        std::vector<uint32_t> c = g_.Lookup(name);
        c.erase(
            std::remove_if(c.begin(), c.end(), [&](uint32_t p) { return !Fits(g_.Get(p), want); }),
            c.end());
        if (c.empty()) continue;
        Found f;
        f.sentence = si;
        f.start = t[j].start;
        f.end = t[k].end;  // the name alone, without a qualifier
        // "Paris, Texas", "Kharkiv, Ukraine": the qualifier after a comma narrows the name.
        if (k + 2 < t.size() && t[k + 1].text == ",") {
          for (size_t q = std::min(k + 4, t.size() - 1); q >= k + 2; --q) {
            if (!Capitalised(t[k + 2].text)) break;
            std::string_view qual = text_.substr(t[k + 2].start, t[q].end - t[k + 2].start);
            if (Qualify(qual, &c)) {
              k = q;  // the qualifier is no place of its own
              break;
            }
          }
        }
        f.candidates = std::move(c);
        out->push_back(std::move(f));
        i = k;
        break;
      }
    }
  }

  bool capital_for_country() const { return capital_for_country_; }

 private:
  // Narrows `c` to the places inside the region or country `qualifier` names; false (and `c`
  // unchanged) if it names none or none of `c` is inside it.
  // The regions and countries `qualifier` may name ("Texas", "Calif.", "Ukraine").
  std::vector<uint32_t> Areas(std::string_view qualifier) const {
    std::vector<uint32_t> areas;
    if (int64_t a = g_.FindAbbreviation(qualifier); a >= 0) {
      areas.push_back(static_cast<uint32_t>(a));
    } else {
      for (uint32_t i : g_.Lookup(qualifier)) {
        if (g_.Get(i).kind != GazetteerPlace::kCity) areas.push_back(i);
      }
    }
    // A country before a region of the same name.
    std::stable_sort(areas.begin(), areas.end(), [this](uint32_t a, uint32_t b) {
      return g_.Get(a).kind == GazetteerPlace::kCountry &&
             g_.Get(b).kind != GazetteerPlace::kCountry;
    });
    return areas;
  }

  bool Qualify(std::string_view qualifier, std::vector<uint32_t>* c) const {
    std::vector<uint32_t> areas = Areas(qualifier);
    std::vector<uint32_t> kept;
    for (uint32_t i : *c) {
      GazetteerPlace p = g_.Get(i);
      for (uint32_t a : areas) {
        GazetteerPlace q = g_.Get(a);
        if (a == i || p.kind == GazetteerPlace::kCountry) continue;
        bool inside =
            q.kind == GazetteerPlace::kCountry
                ? p.country == q.country
                : (p.region == q.region ||
                   (p.region.empty() && p.kind == GazetteerPlace::kCity && p.country == q.country));
        if (inside) {
          kept.push_back(i);
          break;
        }
      }
    }
    if (kept.empty()) return false;
    *c = std::move(kept);
    return true;
  }

  const Gazetteer& g_;
  std::string_view text_;
  const std::vector<Sentence>& sentences_;
  size_t article_start_;  // the sentence the article's own text starts with
  bool capital_for_country_ = false;
};

// A candidate's size: a city by its population (log10: Paris 6.3, Paris, Texas 4.4), a region
// 5, a country 8 (above any city but the largest); a country's capital a little more.
double Prior(const GazetteerPlace& p) {
  switch (p.kind) {
    case GazetteerPlace::kCountry:
      return 8;
    case GazetteerPlace::kRegion:
      return 5;
    default:
      return std::log10(double(p.population) + 1) + (p.capital ? 0.5 : 0);
  }
}

// Prior, and more for a city that news style names without its state or country (Geneva,
// Vienna): named alone, it is that city even in an article datelined in the country of a
// smaller namesake, since it outweighs what the dateline's and the actors' countries add (3),
// though not a namesake in the dateline's own state (news names a place of that state
// without the state: "Paris" under a Dallas dateline is in Texas). Not where the name is also
// a country's or a region's ("Luxembourg", "Djibouti", "Washington"): the sizes decide there.
double Size(const Gazetteer& g, const Found& f, uint32_t place) {
  GazetteerPlace p = g.Get(place);
  if (!p.standalone) return Prior(p);
  bool area = std::any_of(f.candidates.begin(), f.candidates.end(),
                          [&g](uint32_t i) { return g.Get(i).kind != GazetteerPlace::kCity; });
  return Prior(p) + (area ? 0 : 3);
}

EventPlace ToEventPlace(const GazetteerPlace& p) {
  EventPlace e;
  e.feature = p.feature;
  e.name = std::string(p.name);
  e.country = std::string(p.country);
  e.region = std::string(p.region);
  e.precision = p.kind == GazetteerPlace::kCity     ? "city"
                : p.kind == GazetteerPlace::kRegion ? "region"
                                                    : "country";
  if (p.kind == GazetteerPlace::kCity) e.city = e.name;
  e.located = p.has_point;
  if (p.has_point) {
    e.lat = std::round(p.lat * 1e5) / 1e5;
    e.lon = std::round(p.lon * 1e5) / 1e5;
  }
  return e;
}

}  // namespace

DocumentPlaces FindPlaces(const Gazetteer& g, std::string_view text,
                          const std::vector<Sentence>& sentences, const DocumentActors& actors,
                          size_t article_start) {
  DocumentPlaces out;
  Finder finder(g, text, sentences, article_start);
  std::vector<Found> found;
  Found dl;
  bool has_dateline = finder.Dateline(&dl);
  for (size_t si = 0; si < sentences.size(); ++si) finder.InSentence(static_cast<int>(si), &found);
  if (found.empty() && !has_dateline) return out;

  // The countries of the actors named outside the place names (a capital after "in" is a
  // place, not its government).
  std::set<std::string> actor_countries;
  for (const ActorMention& m : actors.mentions) {
    bool inside = std::any_of(found.begin(), found.end(),
                              [&m](const Found& f) { return m.start < f.end && f.start < m.end; });
    if (inside) continue;
    auto it = actors.entities.find(m.actor);
    if (it == actors.entities.end()) continue;
    const Entity& e = it->second;
    std::string_view a2 = g.Alpha2(e.kind == "country" ? e.id : e.country);
    if (!a2.empty()) actor_countries.emplace(a2);
  }
  // The country (and region) each name most likely is by size alone, where its namesakes
  // in other countries are much smaller ("Atlanta", "Tbilisi"): the other names' context.
  struct Sure {
    std::string country, region;
  };
  auto sure_of = [&g](const Found& f) -> Sure {
    double best = -1, other = -1;
    Sure sure;
    for (uint32_t i : f.candidates) {
      GazetteerPlace p = g.Get(i);
      double s = Size(g, f, i);
      if (s > best) {
        if (!sure.country.empty() && p.country != sure.country) other = std::max(other, best);
        best = s;
        sure = {std::string(p.country), std::string(p.region)};
      } else if (p.country != sure.country) {
        other = std::max(other, s);
      }
    }
    return best - other >= 1.5 ? sure : Sure{};
  };
  std::vector<Sure> sure(found.size());
  for (size_t i = 0; i < found.size(); ++i) sure[i] = sure_of(found[i]);

  std::string dl_country, dl_region;
  auto choose = [&](const Found& f, int self) {
    double best = -1e9;
    GazetteerPlace chosen;
    for (uint32_t i : f.candidates) {
      GazetteerPlace p = g.Get(i);
      double s = Size(g, f, i);
      // The dateline's state counts twice its country: news names that state's places bare.
      if (!f.dateline && p.country == dl_country) s += 2;
      if (!f.dateline && !dl_region.empty() && p.region == dl_region) s += 4;
      bool country = false, region = false;
      for (size_t k = 0; k < found.size(); ++k) {
        if (static_cast<int>(k) == self || sure[k].country != p.country) continue;
        country = true;
        region = region || (!p.region.empty() && sure[k].region == p.region);
      }
      s += (country ? 2 : 0) + (region ? 2 : 0);
      if (actor_countries.count(std::string(p.country))) s += 1;
      if (s > best) {
        best = s;
        chosen = std::move(p);
      }
    }
    return chosen;
  };
  if (has_dateline) {
    GazetteerPlace p = choose(dl, -1);
    // A dateline naming a country that its capital is called by is the capital.
    if (p.kind == GazetteerPlace::kCountry && finder.capital_for_country()) {
      for (uint32_t i : dl.candidates) {
        GazetteerPlace c = g.Get(i);
        if (c.kind == GazetteerPlace::kCity && c.capital && c.country == p.country) p = c;
      }
    }
    dl_country = std::string(p.country);
    dl_region = std::string(p.region);
    PlaceMention m;
    m.sentence = dl.sentence;
    m.start = dl.start;
    m.end = dl.end;
    m.dateline = true;
    m.place = ToEventPlace(p);
    out.dateline = 0;
    out.mentions.push_back(std::move(m));
  }
  for (size_t i = 0; i < found.size(); ++i) {
    PlaceMention m;
    m.sentence = found[i].sentence;
    m.start = found[i].start;
    m.end = found[i].end;
    m.place = ToEventPlace(choose(found[i], static_cast<int>(i)));
    out.mentions.push_back(std::move(m));
  }
  return out;
}

const PlaceMention* PlaceOf(const DocumentPlaces& places, int64_t sentence, int64_t start,
                            int64_t end) {
  const PlaceMention* best = nullptr;
  int64_t best_distance = 0;
  for (const PlaceMention& m : places.mentions) {
    if (m.dateline || m.sentence != sentence) continue;
    int64_t d = m.end <= start ? start - m.end : (m.start >= end ? m.start - end : 0);
    if (!best || d < best_distance) {
      best = &m;
      best_distance = d;
    }
  }
  if (!best && places.dateline >= 0) best = &places.mentions[places.dateline];
  return best;
}

void PlaceEvents(const DocumentPlaces& places, std::vector<Event>* events) {
  for (Event& e : *events) {
    if (const PlaceMention* m = PlaceOf(places, e.sentence, e.start, e.end)) e.place = m->place;
  }
}

}  // namespace parley

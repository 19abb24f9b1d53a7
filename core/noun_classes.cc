#include "core/noun_classes.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/wordnet.h"
#include "util/strings.h"

namespace parley {
namespace {

// The whitespace-separated fields of `line`.
void Fields(std::string_view line, std::vector<std::string_view>* f) {
  f->clear();
  for (size_t i = 0; i < line.size();) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) f->push_back(line.substr(i, j - i));
    i = j + 1;
  }
}

template <typename T>
bool Number(std::string_view s, T* out, int base = 10) {
  return std::from_chars(s.data(), s.data() + s.size(), *out, base).ec == std::errc();
}

// Calls fn(line) for every line of `text` that is not part of the licence header.
template <typename Fn>
void Lines(std::string_view text, Fn fn) {
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (!line.empty() && line[0] != ' ') fn(line);
  }
}

}  // namespace

const NounClasses& NounClasses::Get() {
  static const NounClasses instance;
  return instance;
}

uint8_t NounClasses::Of(std::string_view lemma) const {
  auto it = classes_.find(std::string(lemma));
  return it == classes_.end() ? 0 : it->second;
}

bool NounClasses::Proper(std::string_view lemma) const {
  return proper_.count(std::string(lemma)) > 0;
}

NounClasses::NounClasses() {
  const WordNet& wordnet = WordNet::Get();
  std::string_view data = wordnet.Data(WordClass::kNoun);
  // Lemma -> sense offsets.
  const std::unordered_map<std::string, std::vector<uint32_t>>& senses =
      wordnet.Index(WordClass::kNoun);
  if (data.empty() || senses.empty()) return;

  // Synsets: their hypernyms (class and instance), and the words written with a capital.
  std::unordered_map<uint32_t, uint32_t> at;          // offset -> synset number
  std::vector<std::vector<uint32_t>> parents;         // offsets
  std::vector<uint8_t> lexfile;                       // WordNet's lexicographer file of each synset
  std::vector<std::vector<std::string>> capitalised;  // words a synset writes with a capital
  std::vector<bool> instance;                         // an instance of its hypernym ("@i")
  std::vector<std::string_view> f;
  Lines(data, [&](std::string_view line) {
    size_t bar = line.find(" | ");
    Fields(line.substr(0, bar), &f);
    uint32_t offset = 0, file = 0, words = 0, pointers = 0;
    if (f.size() < 4 || !Number(f[0], &offset) || !Number(f[1], &file) || !Number(f[3], &words, 16))
      return;
    size_t k = 4;
    std::vector<std::string> caps;
    for (uint32_t w = 0; w < words && k + 1 < f.size(); ++w, k += 2) {
      std::string_view word = f[k];
      bool upper = false;
      for (char c : word) upper |= c >= 'A' && c <= 'Z';
      if (!upper) continue;
      std::string lower = Lower(word);
      caps.push_back(lower);
      proper_.insert(std::move(lower));
    }
    if (k >= f.size() || !Number(f[k], &pointers)) return;
    ++k;
    std::vector<uint32_t> up;
    bool is_instance = false;
    for (uint32_t p = 0; p < pointers && k + 3 < f.size(); ++p, k += 4) {
      uint32_t target = 0;
      if ((f[k] == "@" || f[k] == "@i") && f[k + 2] == "n" && Number(f[k + 1], &target))
        up.push_back(target);
      is_instance |= f[k] == "@i";
    }
    at.emplace(offset, static_cast<uint32_t>(parents.size()));
    parents.push_back(std::move(up));
    lexfile.push_back(static_cast<uint8_t>(file));
    capitalised.push_back(std::move(caps));
    instance.push_back(is_instance);
  });

  // The roots: the first sense of each word that WordNet files among its top concepts (03),
  // groups (14) or locations (15): person.n.01, social_group.n.01, organization.n.01,
  // assembly.n.04 (a legislature, a court), gathering.n.01 (a meeting, a crowd), location.n.01,
  // country.n.01 (a state, a nation).
  enum : uint8_t {
    kPerson = 1,
    kSocial = 2,
    kBody = 4,
    kGathering = 8,
    kLocation = 16,
    kCountry = 32
  };
  std::vector<int16_t> memo(parents.size(), -1);
  std::vector<std::pair<uint32_t, uint8_t>> roots;
  for (auto [word, bit] : {std::pair<const char*, uint8_t>{"person", kPerson},
                           {"social_group", kSocial},
                           {"organization", kBody},
                           {"assembly", kBody},
                           {"gathering", kGathering},
                           {"location", kLocation},
                           {"country", kCountry}}) {
    auto s = senses.find(word);
    if (s == senses.end()) continue;
    for (uint32_t offset : s->second) {
      auto a = at.find(offset);
      if (a == at.end() ||
          (lexfile[a->second] != WordNet::kNounTops && lexfile[a->second] != WordNet::kNounGroup &&
           lexfile[a->second] != WordNet::kNounLocation))
        continue;
      roots.emplace_back(a->second, bit);
      break;
    }
  }
  // A synset's classes are those of its roots among its hypernyms, transitively (WordNet's
  // noun hierarchy is a DAG of depth under 20, so recursion is shallow).
  auto classes = [&](auto&& self, uint32_t synset) -> uint8_t {
    if (memo[synset] >= 0) return static_cast<uint8_t>(memo[synset]);
    memo[synset] = 0;  // a cycle, should WordNet hold one, ends here
    uint8_t bits = 0;
    for (auto [root, bit] : roots) bits |= root == synset ? bit : 0;
    for (uint32_t offset : parents[synset]) {
      auto a = at.find(offset);
      if (a != at.end()) bits |= self(self, a->second);
    }
    memo[synset] = bits;
    return bits;
  };
  // A group is an organisation or an assembly, or another social group that is not a mere
  // gathering (a meeting, a crowd, an audience).
  auto group = [](uint8_t bits) {
    return (bits & kBody) || ((bits & kSocial) && !(bits & kGathering));
  };
  auto agent = [](int file) { return file == WordNet::kNounPerson || file == WordNet::kNounGroup; };
  for (const auto& [lemma, offsets] : senses) {
    std::vector<int> files;
    for (uint32_t offset : offsets) {
      auto a = at.find(offset);
      files.push_back(a == at.end() ? -1 : lexfile[a->second]);
    }
    if (std::any_of(files.begin(), files.end(), agent)) any_agent_.insert(lemma);
    bool yes = agent(files[0]) ||
               (files.size() > 1 && agent(files[1]) &&
                (files[0] == WordNet::kNounArtifact || files[0] == WordNet::kNounLocation));
    // The roots of the two hierarchies sit in noun.Tops: "group" and "person" themselves.
    if (yes || lemma == "group" || lemma == "person") agents_.insert(lemma);
    if (lemma == "group" || lemma == "person") any_agent_.insert(lemma);
    uint8_t out = 0;
    size_t lower = 0;  // senses in which the word is written in lower case
    for (size_t k = 0; k < offsets.size(); ++k) {
      auto a = at.find(offsets[k]);
      if (a == at.end()) continue;
      uint8_t bits = classes(classes, a->second);
      out |= (group(bits) ? kGroupSome : 0) |
             (bits & kPerson && instance[a->second] ? kNamedPerson : 0) |
             (bits & kLocation ? kLocationAny : 0);
      const auto& caps = capitalised[a->second];
      if (std::find(caps.begin(), caps.end(), lemma) != caps.end() || lower >= 3) continue;
      if (lower++ == 0) {
        out |= (bits & kPerson ? kPersonFirst : 0) | (group(bits) ? kGroupFirst : 0) |
               (bits & kCountry ? kCountryFirst : 0);
      }
      out |= (bits & kPerson ? kPersonAny : 0) | (group(bits) ? kGroupAny : 0);
    }
    if (out) classes_.emplace(lemma, out);
  }
}

}  // namespace parley

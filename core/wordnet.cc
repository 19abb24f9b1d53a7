#include "core/wordnet.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/strings.h"

namespace parley {
namespace {

const char* const kNames[4] = {"noun", "verb", "adj", "adv"};

// Maps `path` read-only; an empty view when it cannot be opened or is empty.
std::string_view Map(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  struct stat st;
  void* p = MAP_FAILED;
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  if (p == MAP_FAILED) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(st.st_size)};
}

// Reads an index file: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt
// synset_offset... Split by hand: the four index files hold 150,000 lines, read on every run.
void ReadIndex(std::string_view text,
               std::unordered_map<std::string, std::vector<uint32_t>>* index) {
  std::vector<std::string_view> f;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (line.empty() || line[0] == ' ') continue;  // licence header lines start with a space
    f.clear();
    for (size_t i = 0; i < line.size();) {
      size_t j = line.find(' ', i);
      if (j == std::string_view::npos) j = line.size();
      if (j > i) f.push_back(line.substr(i, j - i));
      i = j + 1;
    }
    if (f.size() < 4) continue;
    size_t pointers = 0;
    if (std::from_chars(f[3].data(), f[3].data() + f[3].size(), pointers).ec != std::errc()) {
      continue;
    }
    std::vector<uint32_t> offsets;
    for (size_t k = 4 + pointers + 2; k < f.size(); ++k) {
      uint32_t offset = 0;
      if (std::from_chars(f[k].data(), f[k].data() + f[k].size(), offset).ec == std::errc()) {
        offsets.push_back(offset);
      }
    }
    if (offsets.empty()) continue;
    index->emplace(std::string(f[0]), std::move(offsets));
  }
}

// The whole of `s` as a hexadecimal number (WordNet's word and pointer counts); false if it
// is not one, rather than the exception std::stoi would throw on a damaged file.
bool Hex(std::string_view s, int* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out, 16);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

const WordNet& WordNet::Get() {
  static const WordNet instance;
  return instance;
}

WordNet::WordNet() {
  const char* env = std::getenv("WNSEARCHDIR");
  std::string dir = env && *env ? env : "/usr/share/wordnet";
  bool all = true;
  for (int c = 0; c < 4; ++c) {
    std::string_view index = Map(dir + "/index." + kNames[c]);
    ReadIndex(index, &index_[c]);
    if (!index.empty()) munmap(const_cast<char*>(index.data()), index.size());
    data_[c] = Map(dir + "/data." + kNames[c]);
    all = all && !index_[c].empty() && !data_[c].empty();
    // Inflected form and base form, first listing first: "went go".
    std::ifstream exc(dir + "/" + kNames[c] + ".exc");
    std::string line;
    while (std::getline(exc, line)) {
      std::istringstream ss(line);
      std::string inflected, base;
      if (ss >> inflected >> base) exceptions_[c].emplace(inflected, base);
    }
  }
  loaded_ = all;
}

WordNet::~WordNet() {
  for (std::string_view d : data_) {
    if (!d.empty()) munmap(const_cast<char*>(d.data()), d.size());
  }
}

const std::vector<uint32_t>* WordNet::Senses(const std::string& lemma, WordClass cls) const {
  const auto& index = index_[static_cast<int>(cls)];
  auto it = index.find(lemma);
  return it == index.end() ? nullptr : &it->second;
}

const std::string* WordNet::Exception(const std::string& word, WordClass cls) const {
  const auto& exceptions = exceptions_[static_cast<int>(cls)];
  auto it = exceptions.find(word);
  return it == exceptions.end() ? nullptr : &it->second;
}

std::string_view WordNet::Data(WordClass cls) const {
  return data_[static_cast<int>(cls)];
}

bool WordNet::ReadSynset(WordClass cls, size_t offset, Synset* out) const {
  // offset lex_filenum ss_type w_cnt (hex) [word lex_id]... p_cnt [ptr_symbol offset pos
  // source/target (hex)]... [frames] | gloss
  std::string_view data = Data(cls);
  if (offset >= data.size()) return false;
  size_t eol = data.find('\n', offset);
  std::istringstream f(std::string(data.substr(offset, eol - offset)));
  std::string off, lexfile, type, count_hex;
  if (!(f >> off >> lexfile >> type >> count_hex)) return false;
  if (lexfile.empty() || lexfile.find_first_not_of("0123456789") != std::string::npos ||
      lexfile.size() > 2)
    return false;
  out->lexicographer_file = std::stoi(lexfile);
  int words = 0;
  if (!Hex(count_hex, &words)) return false;
  for (int i = 0; i < words; ++i) {
    std::string word, lex_id;
    f >> word >> lex_id;
    out->words.push_back(Lower(word));
  }
  int pointers = 0;
  f >> pointers;
  for (int i = 0; i < pointers; ++i) {
    Synset::Pointer p;
    std::string source_target;
    if (!(f >> p.symbol >> p.offset >> p.pos >> source_target) || source_target.size() != 4) {
      return false;
    }
    if (!Hex(std::string_view(source_target).substr(0, 2), &p.source) ||
        !Hex(std::string_view(source_target).substr(2), &p.target)) {
      return false;
    }
    out->pointers.push_back(p);
  }
  return true;
}

bool WordNet::FirstSense(const std::string& lemma, WordClass cls, Synset* out) const {
  const std::vector<uint32_t>* senses = Senses(lemma, cls);
  return senses && !senses->empty() && ReadSynset(cls, (*senses)[0], out);
}

int WordNet::FirstSenseFile(const std::string& lemma, WordClass cls) const {
  Synset s;
  return FirstSense(lemma, cls, &s) ? s.lexicographer_file : -1;
}

std::string WordNet::VerbOf(const std::string& lemma) const {
  const std::vector<uint32_t>* senses = Senses(lemma, WordClass::kNoun);
  if (!senses) return "";
  Synset noun;
  if (!ReadSynset(WordClass::kNoun, (*senses)[0], &noun)) return "";
  auto at = std::find(noun.words.begin(), noun.words.end(), lemma);
  if (at == noun.words.end()) return "";
  int word = static_cast<int>(at - noun.words.begin()) + 1;
  for (const auto& p : noun.pointers) {
    if (p.symbol != "+" || p.pos != "v" || (p.source != word && p.source != 0)) continue;
    Synset verb;
    if (!ReadSynset(WordClass::kVerb, p.offset, &verb) || verb.words.empty()) return "";
    int t = p.target ? p.target - 1 : 0;
    return t < static_cast<int>(verb.words.size()) ? verb.words[t] : "";
  }
  return "";
}

}  // namespace parley

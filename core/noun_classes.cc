#include "core/noun_classes.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace parley {
namespace {

// WordNet's lexicographer file numbers (lexnames(5WN)).
constexpr int kArtifact = 6, kGroup = 14, kLocation = 15, kPerson = 18;

}  // namespace

const NounClasses& NounClasses::Get() {
  static const NounClasses instance;
  return instance;
}

NounClasses::NounClasses() {
  const char* env = std::getenv("WNSEARCHDIR");
  std::string dir = env && *env ? env : "/usr/share/wordnet";
  // data.noun: "offset lex_filenum ss_type ..." per synset.
  std::unordered_map<long, int> lexfile;
  std::ifstream data(dir + "/data.noun");
  std::string line;
  while (std::getline(data, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream ss(line);
    long offset = 0;
    int file = 0;
    if (ss >> offset >> file) lexfile[offset] = file;
  }
  // index.noun: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets...",
  // offsets in order of sense frequency.
  std::ifstream index(dir + "/index.noun");
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream ss(line);
    std::string lemma, pos, token;
    int synsets = 0, pointers = 0;
    if (!(ss >> lemma >> pos >> synsets >> pointers)) continue;
    for (int i = 0; i < pointers + 2 && ss >> token; ++i) {
    }
    std::vector<int> files;
    long offset = 0;
    while (ss >> offset) {
      auto it = lexfile.find(offset);
      files.push_back(it == lexfile.end() ? -1 : it->second);
    }
    if (files.empty()) continue;
    auto agent = [](int f) { return f == kPerson || f == kGroup; };
    if (std::any_of(files.begin(), files.end(), agent)) any_agent_.insert(lemma);
    bool yes = agent(files[0]) ||
               (files.size() > 1 && agent(files[1]) && (files[0] == kArtifact || files[0] == kLocation));
    // The roots of the two hierarchies sit in noun.Tops: "group" and "person" themselves.
    if (yes || lemma == "group" || lemma == "person") agents_.insert(lemma);
    if (lemma == "group" || lemma == "person") any_agent_.insert(lemma);
  }
}

}  // namespace parley

// Prints the dateline and the place the place finder gives it for the first N articles of a
// JSONL corpus that open with a dateline, one tab-separated line each (id, dateline words,
// feature, name, region, country, precision), so that a person can check them by hand.
//
// Usage: parley_bench_datelines CORPUS.jsonl [N]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/actor_dictionary.h"
#include "core/gazetteer.h"
#include "core/mentions.h"
#include "core/places.h"
#include "core/segmenter.h"
#include "util/data_path.h"

using namespace parley;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: parley_bench_datelines CORPUS.jsonl [N]\n";
    return 2;
  }
  size_t limit = argc > 2 ? std::stoul(argv[2]) : 40;
  Gazetteer g;
  ActorDictionary actors;
  Status s = Gazetteer::LoadDefault(&g);
  if (s.ok())
    s = ActorDictionary::Load(DataPath("actors.json"), PetrarchDictionaries(), "", &actors);
  if (!s.ok()) {
    std::cerr << s.message() << "\n";
    return 1;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 1;
  }
  std::string line;
  size_t shown = 0, placed = 0;
  while (shown < limit && std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j["text"].is_string()) continue;
    std::string text = j["text"];
    // An opening in capitals before a dash: what a reader would call a dateline.
    size_t dash = text.find(" - ");
    for (const char* d : {"\xe2\x80\x94", "\xe2\x80\x93"}) dash = std::min(dash, text.find(d));
    if (dash == std::string::npos || dash > 80 || dash < 3 ||
        !std::isupper((unsigned char)text[0]) || !std::isupper((unsigned char)text[1]))
      continue;
    ++shown;
    std::vector<Sentence> sentences = SplitSentences(text);
    DocumentPlaces p = FindPlaces(g, text, sentences, FindActors(actors, text, sentences));
    std::string id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
    std::cout << id << '\t' << text.substr(0, dash);
    if (p.dateline >= 0) {
      const EventPlace& e = p.mentions[p.dateline].place;
      ++placed;
      std::cout << '\t' << e.feature << '\t' << e.name << '\t' << e.region << '\t' << e.country
                << '\t' << e.precision;
    } else {
      std::cout << "\t-";
    }
    std::cout << '\n';
  }
  std::cerr << shown << " articles with a dateline, " << placed << " placed\n";
  return 0;
}

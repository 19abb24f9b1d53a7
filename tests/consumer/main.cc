// consumer DB ARTICLE: ingests the article file ARTICLE into the database DB through Parley's
// installed C++ API and prints where the library reads its data from, each article's outcome,
// then the stored articles' titles and the demands' sources, one a line.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "parley/parley.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer DB ARTICLE\n";
    return 2;
  }
  std::unique_ptr<parley::Database> db;
  parley::Result r = parley::Database::Open(argv[1], {}, &db);
  std::vector<parley::ArticleResult> outcomes;
  if (r.ok()) r = db->Ingest({argv[2]}, &outcomes);
  if (r.ok()) {
    std::cout << "data " << parley::DataFolder() << "\n";
    for (const auto& a : outcomes)
      std::cout << "article " << a.id << " "
                << (a.kind == parley::ArticleResult::Kind::kAdded ? "added" : "not added") << "\n";
    r = db->Query("MATCH (a:Article) RETURN a.title AS title", "", [](const parley::Row& row) {
      std::cout << "row " << row.json() << "\n";
      return true;
    });
  }
  std::string demands;
  if (r.ok()) r = db->Demands({}, &demands);
  if (r.ok()) r = db->Close();
  if (!r.ok()) {
    std::cerr << "consumer: " << r.message() << "\n";
    return 1;
  }
  std::cout << "demands " << demands << "\n";
  return 0;
}

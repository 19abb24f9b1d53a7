// The bulk path of ingest (graph/bulk_ingest.h) gives the store the article-by-article path
// gives for the same facts in the same order: every column family compared key by key and
// value by value, with actors shared between articles, a wire copy linked to its original as a
// near-duplicate, an article given twice, extraction keys, and a loader budget small enough to
// spill many sorted runs. And what it refuses: a store that holds anything, an article given
// again with other facts.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <map>

#include "core/extractor.h"
#include "graph/bulk_ingest.h"
#include "graph/ingest.h"
#include "storage/keys.h"
#include "test_util.h"

namespace parley {
namespace {

Document Article(const std::string& id, const std::string& date, const std::string& text) {
  Document d;
  d.id = id;
  d.title = "Report " + id;
  d.date = date;
  d.source = "test-wire";
  d.text = text;
  return d;
}

const std::string kHarbour =
    "The dock workers' union demanded that the port authority restore the night shift. "
    "Union leaders said the strike would continue until the authority agreed. "
    "The port authority rejected the demand on Tuesday and accused the union of blocking "
    "shipments of grain. The transport minister urged both sides to return to talks. "
    "Shipping companies warned that exports would fall if the dispute dragged on.";

std::vector<Document> Articles() {
  return {
      Article("harbour-1", "2026-03-02", kHarbour),
      // A wire copy with one sentence added: a near-duplicate of the first.
      Article("harbour-2", "2026-03-02",
              kHarbour + " The union plans a rally on Friday outside the ministry."),
      Article("grain", "2026-03-03",
              "The transport minister called on the port authority to reopen the grain "
              "terminal. Farmers' associations demanded compensation for lost exports."),
      Article("talks", "2026-03-05",
              "The dock workers' union and the port authority agreed to hold talks next week. "
              "The transport minister welcomed the agreement."),
      Article("budget", "2026-03-06",
              "The finance ministry rejected calls from the city council to raise the port's "
              "budget. Opposition lawmakers demanded that the government publish the accounts."),
  };
}

// Every key and value of every column family of the store in `dir`.
std::map<std::string, std::map<std::string, std::string>> Contents(const std::string& dir) {
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (int cf = 0; cf < keys::kNumColumnFamilies; ++cf)
    cfs.emplace_back(keys::ColumnFamilyName(cf), rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), dir, cfs, &handles, &raw);
  REQUIRE(s.ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::map<std::string, std::map<std::string, std::string>> out;
  for (auto* h : handles) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    auto& m = out[h->GetName()];
    for (it->SeekToFirst(); it->Valid(); it->Next())
      m[it->key().ToString()] = it->value().ToString();
    REQUIRE(it->status().ok());
  }
  for (auto* h : handles) REQUIRE(db->DestroyColumnFamilyHandle(h).ok());
  return out;
}

}  // namespace

TEST_CASE("a bulk load gives the store that article-by-article writes give", "[ingest][bulk]") {
  const Extractor* extractor = &test::SharedExtractor();
  std::vector<DocumentFacts> facts;
  for (const Document& d : Articles()) {
    facts.emplace_back();
    extractor->Extract(d, &facts.back());
    facts.back().extracted_with = "key-" + d.id;
  }
  std::vector<std::string> keys;
  for (const auto& f : facts) keys.push_back(f.extracted_with);
  // The first article again: the same facts, recorded under another extraction key.
  facts.push_back(facts[0]);
  keys.push_back("key-again");

  test::TempDir dir;
  std::vector<ArticleOutcome> by_write, by_bulk;
  {
    auto store = test::OpenTestStore(dir / "write");
    std::unique_ptr<ArticleWriter> writer;
    REQUIRE(ArticleWriter::Open(store.get(), ArticleWriter::Options(), &writer).ok());
    for (size_t i = 0; i < facts.size(); ++i) {
      IngestedArticle r;
      REQUIRE(writer->Write(facts[i], keys[i], &r).ok());
      by_write.push_back(r.outcome);
    }
    REQUIRE(store->Close().ok());
  }
  BulkLoader::Stats stats;
  {
    auto store = test::OpenTestStore(dir / "bulk");
    BulkLoader::Options options;
    options.temp_dir = dir / "tmp";
    options.memory_budget_bytes = 16 << 10;  // many spilled runs
    std::unique_ptr<BulkIngest> bulk;
    REQUIRE(BulkIngest::Open(store.get(), options, &bulk).ok());
    for (size_t i = 0; i < facts.size(); ++i) {
      IngestedArticle r;
      Status added = bulk->Add(facts[i], keys[i], &r);
      INFO(added.message());
      REQUIRE(added.ok());
      by_bulk.push_back(r.outcome);
    }
    // Nothing is visible before Finish.
    GraphStats before;
    REQUIRE(store->GetStats(&before).ok());
    CHECK(before.nodes == 0);
    Status finished = bulk->Finish(&stats);
    INFO(finished.message());
    REQUIRE(finished.ok());
    REQUIRE(store->Close().ok());
  }
  CHECK(by_write == by_bulk);
  CHECK(by_bulk.back() == ArticleOutcome::kUnchanged);
  CHECK(stats.articles == 5);
  CHECK(stats.runs_spilled > 1);

  auto a = Contents(dir / "write");
  auto b = Contents(dir / "bulk");
  REQUIRE(a.size() == b.size());
  for (const auto& [cf, entries] : a) {
    INFO("column family " << cf);
    CHECK(entries.size() == b[cf].size());
    CHECK(entries == b[cf]);
  }
  CHECK(a["contrib"].size() > 15);
  CHECK(a["rels"].size() > 5);
  CHECK_FALSE(a["fulltext"].empty());

  // The wire copy was linked to its original, the shared actors kept one node each.
  auto store = test::OpenTestStore(dir / "bulk", /*read_only=*/true);
  Node original;
  REQUIRE(store->GetNode(IdFor("Article:harbour-1"), &original).ok());
  CHECK(original.properties["near_duplicates"] == Value(ValueList{Value("harbour-2")}));
  CHECK(StringProperty(original.properties, "extracted_with") == "key-again");
  std::vector<std::string> sources;
  REQUIRE(store->Sources(false, IdFor("Article:harbour-1"), &sources).ok());
  CHECK(sources == std::vector<std::string>{"harbour-1", "harbour-2"});
}

TEST_CASE("a bulk load refuses a store that holds anything, and a changed repeat",
          "[ingest][bulk]") {
  const Extractor* extractor = &test::SharedExtractor();
  std::vector<Document> docs = Articles();
  DocumentFacts first, changed;
  extractor->Extract(docs[2], &first);
  docs[2].text += " The minister resigned.";
  extractor->Extract(docs[2], &changed);

  test::TempDir dir;
  auto store = test::OpenTestStore(dir / "db");
  {
    std::unique_ptr<BulkIngest> bulk;
    REQUIRE(BulkIngest::Open(store.get(), BulkLoader::Options(), &bulk).ok());
    IngestedArticle r;
    REQUIRE(bulk->Add(first, "", &r).ok());
    Status s = bulk->Add(changed, "", &r);
    CHECK(s.code() == Status::Code::kInvalidInput);
    CHECK_THAT(s.message(), Catch::Contains("grain") && Catch::Contains("twice"));
    REQUIRE(bulk->Finish(nullptr).ok());
  }
  GraphStats stats;
  REQUIRE(store->GetStats(&stats).ok());
  CHECK(stats.articles == 1);
  std::unique_ptr<BulkIngest> again;
  Status s = BulkIngest::Open(store.get(), BulkLoader::Options(), &again);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK_THAT(s.message(), Catch::Contains("not empty"));
  // What was loaded is still there.
  REQUIRE(store->GetStats(&stats).ok());
  CHECK(stats.articles == 1);
}

}  // namespace parley

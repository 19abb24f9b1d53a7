// The full-text index (storage/fulltext_index.h): tokens and queries, BM25 rankings on a corpus
// of five articles written for these tests (tests/data/search), the index kept in step by
// re-ingest, deletion and the bulk loader, a failing write that leaves it as it was, a store
// written before it existed, and `parley search` / `parley reindex`; a change writes only the
// entries that differ, and what the writes keep equals an index rebuilt from scratch.
#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>

#include "storage/bulk_loader.h"
#include "storage/fulltext_index.h"
#include "storage/graph_store.h"
#include "storage/keys.h"
#include "tests/test_util.h"

using namespace parley;
using parley::test::RunParley;
using parley::test::TempDir;

namespace {

const std::string kCorpus = std::string(PARLEY_TEST_DATA) + "/search/corpus.jsonl";
const std::string kChanged = std::string(PARLEY_TEST_DATA) + "/search/corpus_s1_changed.jsonl";

// The store in `db` with the test corpus ingested through `parley ingest --facts`.
void IngestCorpus(const std::string& db) {
  auto r = RunParley({"ingest", "--db", db, "--facts", kCorpus});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// What a node is, as a test names it: "Label:id", a demand "Demand:its text".
std::string NodeName(const GraphStore& store, NodeId id) {
  Node n;
  if (!store.GetNode(id, &n).ok()) return "?";
  const std::string& label = n.labels.front();
  return label + ":" + StringProperty(n.properties, label == "Demand" ? "text" : "id");
}

// A hit as a test names it: a node by NodeName, a relationship "TYPE:" and its start's name.
std::string Name(const GraphStore& store, const fulltext::Hit& h) {
  if (h.kind == fulltext::kNodeKind) return NodeName(store, h.id);
  Relationship r;
  if (!store.GetRelationship(h.id, &r).ok()) return "?";
  return r.type + ":" + NodeName(store, r.start);
}

// The names of the hits of `query`, best first.
std::vector<std::string> Ranked(const GraphStore& store, const std::string& query, size_t limit = 0,
                                std::vector<double>* scores = nullptr) {
  std::vector<fulltext::Hit> hits;
  Status s = store.SearchText(query, limit, &hits);
  INFO(s.message());
  REQUIRE(s.ok());
  std::vector<std::string> out;
  for (const auto& h : hits) {
    out.push_back(Name(store, h));
    if (scores) scores->push_back(h.score);
  }
  return out;
}

// Every hit of every word of `words` with its score, for comparing two indexes.
std::vector<std::pair<std::string, double>> Everything(const GraphStore& store,
                                                       const std::vector<std::string>& words) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& w : words) {
    std::vector<fulltext::Hit> hits;
    REQUIRE(store.SearchText(w, 0, &hits).ok());
    for (const auto& h : hits) {
      out.emplace_back(w + " " + h.kind + std::to_string(h.id), h.score);
    }
  }
  return out;
}

// Every entry of the store's full-text column family and its two counters, read with RocksDB
// itself from the closed store in `db`: two stores whose dumps are equal have equal indexes.
std::map<std::string, std::string> DumpIndex(const std::string& db) {
  rocksdb::Options opt;
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(opt, db, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfds;
  for (const auto& n : names) cfds.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::OpenForReadOnly(opt, db, cfds, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> rdb(raw);
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == keys::ColumnFamilyName(keys::kFulltext)) {
      std::unique_ptr<rocksdb::Iterator> it(rdb->NewIterator(rocksdb::ReadOptions(), handles[i]));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        out[it->key().ToString()] = it->value().ToString();
      }
      REQUIRE(it->status().ok());
    }
    if (names[i] == keys::ColumnFamilyName(keys::kMeta)) {
      for (const char* counter : {"count:text:documents", "count:text:words"}) {
        std::string v;
        if (rdb->Get(rocksdb::ReadOptions(), handles[i], counter, &v).ok()) out[counter] = v;
      }
    }
  }
  for (auto* h : handles) REQUIRE(rdb->DestroyColumnFamilyHandle(h).ok());
  return out;
}

const std::vector<std::string> kVocabulary = {
    "water",       "rights",     "river",    "authority", "farmers",   "union",
    "valley",      "irrigation", "canal",    "sanctions", "relief",    "grain",
    "dockworkers", "guild",      "ministry", "tariff",    "teachers",  "classes",
    "ortega",      "lucía",      "mayor",    "calm",      "residents", "demand"};

}  // namespace

TEST_CASE("tokens are words lower-cased by the Unicode database", "[fulltext]") {
  CHECK(fulltext::Tokens("Lucía ORTEGA's ÉTAT, 2026-04!") ==
        std::vector<std::string>{"lucía", "ortega", "s", "état", "2026", "04"});
  fulltext::Query q;
  REQUIRE(fulltext::ParseQuery("Water \"Sanctions  Relief\" water", &q).ok());
  CHECK(q.parts == std::vector<std::vector<std::string>>{{"water"}, {"sanctions", "relief"}});
  CHECK(fulltext::ParseQuery("\"sanctions relief", &q).message().find("not closed") !=
        std::string::npos);
  CHECK(fulltext::ParseQuery(" ,; \"\" ", &q).code() == Status::Code::kInvalidInput);
}

TEST_CASE("a document numbers its words with a gap between values", "[fulltext]") {
  fulltext::Document d =
      fulltext::DocumentOf({{"name", "Farmers Union"},
                            {"aliases", Value(ValueList{"the union", "farm lobby"})},
                            {"kind", "organization"},
                            {"text", "restore water"}});
  CHECK(d.length == 8);
  // name 0-1, gap, aliases 3-4, gap, 6-7, gap, text 9-10: "union" never follows "the union".
  std::map<std::string, std::vector<uint32_t>> words(d.words.begin(), d.words.end());
  CHECK(words["union"] == std::vector<uint32_t>{1, 4});
  CHECK(words["water"] == std::vector<uint32_t>{10});
  CHECK(words.count("organization") == 0);
}

TEST_CASE("a changed document rewrites only the words that moved", "[fulltext]") {
  fulltext::Document old = fulltext::DocumentOf(
      {{"name", "Harbour Board"}, {"aliases", Value(ValueList{"port board", "the wharf"})}});
  // An alias added at the end, one dropped: the name's words keep their positions.
  fulltext::Document now = fulltext::DocumentOf(
      {{"name", "Harbour Board"}, {"aliases", Value(ValueList{"port board", "quay office"})}});
  std::vector<std::string> put, dropped;
  fulltext::DiffDocuments(
      old, now, [&](const std::string& w, const std::vector<uint32_t>&) { put.push_back(w); },
      [&](const std::string& w) { dropped.push_back(w); });
  CHECK(put == std::vector<std::string>{"office", "quay"});
  CHECK(dropped == std::vector<std::string>{"the", "wharf"});
  // "board" is at 1 and 4 in both; a longer name moves it, and every later word, so those
  // postings are written again; "harbour" stays at 0.
  put.clear();
  dropped.clear();
  fulltext::Document longer = fulltext::DocumentOf(
      {{"name", "Harbour Board Trustees"}, {"aliases", Value(ValueList{"port board"})}});
  fulltext::DiffDocuments(
      old, longer, [&](const std::string& w, const std::vector<uint32_t>&) { put.push_back(w); },
      [&](const std::string& w) { dropped.push_back(w); });
  CHECK(put == std::vector<std::string>{"board", "port", "trustees"});
  CHECK(dropped == std::vector<std::string>{"the", "wharf"});
  put.clear();
  fulltext::DiffDocuments(
      now, now, [&](const std::string& w, const std::vector<uint32_t>&) { put.push_back(w); },
      [&](const std::string& w) { dropped.push_back(w); });
  CHECK(put.empty());
}

TEST_CASE("re-ingesting articles with merged elements keeps the index a rebuild would make",
          "[fulltext][store][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  // The harbour board is in both articles, with other aliases and a longer name in the
  // second: its node is merged across them, its document changes at each ingest.
  auto article = [](const std::string& doc, const std::string& name, const std::string& aliases,
                    const std::string& demand) {
    return "{\"doc\": \"" + doc + "\", \"title\": \"Board asks about " + demand +
           "\", \"date\": \"2026-05-0" + doc.substr(1) +
           "\", \"source\": \"Merge Wire\", \"text\": \"The board asked the council to " + demand +
           ".\", \"entities\": [{\"id\": \"harbour-board\", \"name\": \"" + name +
           "\", \"kind\": \"organization\", \"mentions\": [], \"aliases\": [" + aliases +
           "]}, {\"id\": \"city-council\", \"name\": \"City Council\", \"kind\": "
           "\"organization\", \"mentions\": []}], \"triples\": [], \"events\": [{\"type\": "
           "\"demand\", \"cameo\": \"\", \"source\": {\"text\": \"The board\", \"entity\": "
           "\"harbour-board\"}, \"target\": {\"text\": \"the council\", \"entity\": "
           "\"city-council\"}, \"content\": {\"text\": \"" +
           demand +
           "\"}, \"policies\": [], \"negated\": false, \"modality\": null, \"confidence\": "
           "0.9, \"sentence\": 0, \"start\": 0, \"end\": 40, \"quote\": \"The board asked the "
           "council to " +
           demand + ".\"}]}\n";
  };
  test::WriteFile(dir / "m.jsonl",
                  article("m1", "Harbour Board", "\"port board\"", "dredge the north channel") +
                      article("m2", "Harbour Board of Trustees", "\"the trustees\", \"port board\"",
                              "light the outer pier"));
  test::WriteFile(dir / "m1.jsonl", article("m1", "Harbour Board", "\"anchorage committee\"",
                                            "close the north channel at night"));
  for (const std::string& file : {dir / "m.jsonl", dir / "m1.jsonl"}) {
    auto r = RunParley({"ingest", "--db", db, "--facts", file});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  {
    auto store = test::OpenTestStore(db, /*read_only=*/true);
    CHECK(Ranked(*store, "dredge").empty());
    CHECK(Ranked(*store, "\"anchorage committee\"") ==
          std::vector<std::string>{"Actor:harbour-board"});
    CHECK(Ranked(*store, "\"board of trustees\"") ==
          std::vector<std::string>{"Actor:harbour-board"});
  }
  const auto kept = DumpIndex(db);
  CHECK(kept.size() > 40);
  auto r = RunParley({"reindex", "--db", db});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(DumpIndex(db) == kept);
}

TEST_CASE("scores are BM25's", "[fulltext][store]") {
  TempDir dir;
  auto store = test::OpenTestStore(dir / "db");
  GraphBatch b;
  b.PutNode(1, {"Note"}, {{"text", "relief relief now"}});
  b.PutNode(2, {"Note"}, {{"text", "relief for the port workers"}});
  b.PutNode(3, {"Note"}, {{"title", "port"}, {"kind", "relief is not indexed here"}});
  REQUIRE(store->Apply(b).ok());
  std::vector<fulltext::Hit> hits;
  REQUIRE(store->SearchText("relief", 0, &hits).ok());
  REQUIRE(hits.size() == 2);
  // N 3 documents, 3 + 5 + 1 words: mean 3; "relief" in 2 of them.
  const double idf = std::log(1 + (3 - 2 + 0.5) / (2 + 0.5));
  auto bm25 = [&](double tf, double len) {
    return idf * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * len / 3.0));
  };
  CHECK(hits[0].id == 1);
  CHECK(hits[0].score == Approx(bm25(2, 3)));
  CHECK(hits[1].id == 2);
  CHECK(hits[1].score == Approx(bm25(1, 5)));
  // Two parts add up; a phrase is one term with its own document frequency.
  REQUIRE(store->SearchText("relief port", 0, &hits).ok());
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].id == 2);
  CHECK(hits[0].score == Approx(bm25(1, 5) + bm25(1, 5)));
  REQUIRE(store->SearchText("\"relief now\"", 0, &hits).ok());
  REQUIRE(hits.size() == 1);
  const double idf1 = std::log(1 + (3 - 1 + 0.5) / (1 + 0.5));
  CHECK(hits[0].score == Approx(idf1 * 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 3 / 3.0))));
}

TEST_CASE("BM25 rankings on the test corpus", "[fulltext][store]") {
  TempDir dir;
  IngestCorpus(dir / "db");
  auto store = test::OpenTestStore(dir / "db", /*read_only=*/true);

  SECTION("one word") {
    std::vector<double> scores;
    auto r = Ranked(*store, "water", 0, &scores);
    REQUIRE(r.size() == 5);
    // Two demand texts of six words, the word once each: one score, first.
    CHECK(std::set<std::string>(r.begin(), r.begin() + 2) ==
          std::set<std::string>{"Demand:restore water rights to the valley",
                                "Demand:stay calm during the water shortage"});
    CHECK(scores[0] == Approx(scores[1]));
    // Then the eight-word title, then the two quotes, the shorter first.
    CHECK(std::vector<std::string>(r.begin() + 2, r.end()) ==
          std::vector<std::string>{"Article:s1",
                                   "REPORTED_IN:Demand:stay calm during the water shortage",
                                   "REPORTED_IN:Demand:restore water rights to the valley"});
    for (size_t i = 1; i < scores.size(); ++i) CHECK(scores[i - 1] > scores[i] - 1e-12);
  }
  SECTION("two words, or-ed") {
    auto r = Ranked(*store, "sanctions relief");
    // Both words in a short text first; a two-word policy name with the rarer word above a
    // long quote with both; "relief" alone last.
    CHECK(r == std::vector<std::string>{
                   "Article:s2", "Demand:grant sanctions relief for grain shipments",
                   "Policy:grain-sanctions",
                   "REPORTED_IN:Demand:grant sanctions relief for grain shipments", "Article:s3",
                   "REJECTS:Actor:trade-ministry"});
  }
  SECTION("a phrase") {
    auto r = Ranked(*store, "\"sanctions relief\"");
    CHECK(r == std::vector<std::string>{
                   "Article:s2", "Demand:grant sanctions relief for grain shipments",
                   "REPORTED_IN:Demand:grant sanctions relief for grain shipments"});
    // "tariff relief" and the article text's other sanctions do not match the phrase.
    CHECK(Ranked(*store, "\"relief sanctions\"").empty());
  }
  SECTION("a name, and an alias") {
    CHECK(Ranked(*store, "Ortega", 2) ==
          std::vector<std::string>{"Actor:lucia-ortega", "Article:s5"});
    // Any case; the actor's name and alias ("Mayor Ortega") are shorter than the quote.
    CHECK(Ranked(*store, "LUCÍA") ==
          std::vector<std::string>{"Actor:lucia-ortega",
                                   "REPORTED_IN:Demand:stay calm during the water shortage"});
  }
  SECTION("a title word") {
    CHECK(
        Ranked(*store, "dockworkers") ==
        std::vector<std::string>{"Actor:dockworkers-guild", "Article:s2",
                                 "REPORTED_IN:Demand:grant sanctions relief for grain shipments"});
  }
  SECTION("a word in no document") {
    CHECK(Ranked(*store, "volcano").empty());
  }
  SECTION("a limit") {
    CHECK(Ranked(*store, "water", 2).size() == 2);
  }
}

TEST_CASE("a re-ingest that changes an article keeps the index in step", "[fulltext][store]") {
  TempDir dir;
  IngestCorpus(dir / "db");
  {
    auto store = test::OpenTestStore(dir / "db", /*read_only=*/true);
    CHECK(!Ranked(*store, "river").empty());
    CHECK(Ranked(*store, "irrigation").empty());
  }
  auto r = RunParley({"ingest", "--db", dir / "db", "--facts", kChanged});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto store = test::OpenTestStore(dir / "db");
  // The river authority, its demand, the old title and quote were only in s1: all gone.
  CHECK(Ranked(*store, "river").empty());
  CHECK(Ranked(*store, "rights").empty());
  CHECK(Ranked(*store, "irrigation canal") ==
        std::vector<std::string>{"Article:s1", "Demand:a new irrigation canal for the valley",
                                 "REPORTED_IN:Demand:a new irrigation canal for the valley"});
  // Water is still in s5.
  for (const auto& hit : Ranked(*store, "water")) CHECK(hit.find("s1") == std::string::npos);
  // What the writes kept equals the index built from scratch: postings and counters (scores
  // depend on the number of documents and their mean length).
  auto kept = Everything(*store, kVocabulary);
  REQUIRE(store->RebuildTextIndex().ok());
  CHECK(Everything(*store, kVocabulary) == kept);
}

TEST_CASE("deleting facts takes them out of the index", "[fulltext][store]") {
  TempDir dir;
  IngestCorpus(dir / "db");
  auto store = test::OpenTestStore(dir / "db");
  CHECK(Ranked(*store, "grain").size() >= 2);
  REQUIRE(store->RemoveArticle("s2").ok());
  // The demand and its report were s2's alone; the guild stays, s3 names it too.
  CHECK(Ranked(*store, "grain").empty());
  CHECK(Ranked(*store, "dockworkers") == std::vector<std::string>{"Actor:dockworkers-guild"});
  // A node deleted by hand, with its relationships.
  std::vector<NodeId> ids;
  REQUIRE(store->FindNodes("Actor", "id", Value("lucia-ortega"), &ids).ok());
  REQUIRE(ids.size() == 1);
  GraphBatch b;
  b.DeleteNode(ids[0], /*detach=*/true);
  REQUIRE(store->Apply(b).ok());
  // The actor is gone; the quote that names her stays with the demand it reports.
  CHECK(Ranked(*store, "lucía") ==
        std::vector<std::string>{"REPORTED_IN:Demand:stay calm during the water shortage"});
  auto kept = Everything(*store, kVocabulary);
  REQUIRE(store->RebuildTextIndex().ok());
  CHECK(Everything(*store, kVocabulary) == kept);
}

TEST_CASE("a write that fails leaves the index and the facts as they were", "[fulltext][store]") {
  TempDir dir;
  IngestCorpus(dir / "db");
  auto store = test::OpenTestStore(dir / "db");
  auto before = Everything(*store, kVocabulary);
  GraphStats stats_before;
  REQUIRE(store->GetStats(&stats_before).ok());
  GraphBatch b;
  NodeId note = IdFor("Note:zebra");
  b.PutNode(note, {"Note"}, {{"text", "zebra crossing near the water works"}});
  std::vector<NodeId> ids;
  REQUIRE(store->FindNodes("Actor", "id", Value("farmers-union"), &ids).ok());
  REQUIRE(ids.size() == 1);
  b.SetNodeProperty(ids[0], "name", Value("Zebra Growers"));
  // Its end does not exist: the whole batch fails.
  b.PutRelationship(IdFor("NOTES:zebra"), "NOTES", note, IdFor("Note:missing"), {});
  CHECK(!store->Apply(b).ok());
  CHECK(Ranked(*store, "zebra").empty());
  CHECK(Everything(*store, kVocabulary) == before);
  GraphStats stats_after;
  REQUIRE(store->GetStats(&stats_after).ok());
  CHECK(stats_after.nodes == stats_before.nodes);
  Node n;
  CHECK(store->GetNode(note, &n).IsNotFound());
  // The same changes without the bad relationship are found at once.
  GraphBatch good;
  good.PutNode(note, {"Note"}, {{"text", "zebra crossing near the water works"}});
  REQUIRE(store->Apply(good).ok());
  CHECK(Ranked(*store, "\"zebra crossing\"") == std::vector<std::string>{"Note:"});
}

TEST_CASE("the bulk loader writes the index the write path writes", "[fulltext][store][bulk]") {
  TempDir dir;
  std::vector<std::tuple<NodeId, std::vector<std::string>, PropertyMap>> nodes;
  for (int i = 0; i < 60; ++i) {
    PropertyMap p{{"id", "n" + std::to_string(i)},
                  {"name", "Group " + std::to_string(i % 7) + " of the coast"}};
    if (i % 3 == 0) p["aliases"] = Value(ValueList{"coastal union " + std::to_string(i)});
    if (i % 4 == 0) p["text"] = "wants sanctions relief for fishing boats";
    nodes.emplace_back(IdFor("N" + std::to_string(i)), std::vector<std::string>{"Actor"}, p);
  }
  auto by_batch = test::OpenTestStore(dir / "batch");
  GraphBatch b;
  for (const auto& [id, labels, props] : nodes) b.PutNode(id, labels, props);
  b.PutRelationship(IdFor("R"), "SUPPORTS", std::get<0>(nodes[0]), std::get<0>(nodes[1]),
                    {{"quote", "The coast supports relief."}});
  REQUIRE(by_batch->Apply(b).ok());
  auto by_bulk = test::OpenTestStore(dir / "bulk");
  {
    BulkLoader::Options o;
    o.temp_dir = dir / "tmp";
    o.memory_budget_bytes = 4 << 10;
    BulkLoader loader(by_bulk.get(), o);
    for (const auto& [id, labels, props] : nodes) REQUIRE(loader.AddNode(id, labels, props).ok());
    REQUIRE(loader
                .AddRelationship(IdFor("R"), "SUPPORTS", std::get<0>(nodes[0]),
                                 std::get<0>(nodes[1]), {{"quote", "The coast supports relief."}})
                .ok());
    REQUIRE(loader.Finish().ok());
  }
  std::vector<std::string> words = {"coast",
                                    "group",
                                    "3",
                                    "union",
                                    "relief",
                                    "sanctions",
                                    "\"sanctions relief\"",
                                    "\"of the coast\"",
                                    "supports"};
  auto a = Everything(*by_batch, words);
  CHECK(a.size() > 100);
  CHECK(a == Everything(*by_bulk, words));
}

TEST_CASE("a store written before the index gets it at its first open for writing",
          "[fulltext][store]") {
  TempDir dir;
  const std::string db = dir / "db";
  IngestCorpus(db);
  std::vector<std::pair<std::string, double>> built;
  {
    auto store = test::OpenTestStore(db);
    built = Everything(*store, kVocabulary);
  }
  // Make it what an older parley left: schema version 2, no fulltext column family, no
  // index version.
  {
    rocksdb::Options opt;
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies(opt, db, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> cfds;
    for (const auto& n : names) cfds.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(opt, db, cfds, &handles, &raw).ok());
    std::unique_ptr<rocksdb::DB> rdb(raw);
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == keys::ColumnFamilyName(keys::kMeta)) {
        REQUIRE(rdb->Put(rocksdb::WriteOptions(), handles[i], "schema_version", "2").ok());
        REQUIRE(rdb->Delete(rocksdb::WriteOptions(), handles[i], "fulltext_version").ok());
      }
      if (names[i] == keys::ColumnFamilyName(keys::kFulltext)) {
        REQUIRE(rdb->DropColumnFamily(handles[i]).ok());
      }
    }
    for (auto* h : handles) REQUIRE(rdb->DestroyColumnFamilyHandle(h).ok());
    REQUIRE(rdb->Close().ok());
  }
  {
    auto reader = test::OpenTestStore(db, /*read_only=*/true);
    GraphStats stats;
    REQUIRE(reader->GetStats(&stats).ok());
    CHECK(stats.articles == 5);
    std::vector<fulltext::Hit> hits;
    Status s = reader->SearchText("water", 10, &hits);
    CHECK(s.code() == Status::Code::kIncompatible);
    CHECK(s.message().find("parley reindex --db " + db) != std::string::npos);
  }
  auto cli = RunParley({"search", "--db", db, "water"});
  CHECK(cli.exit_code == 1);
  CHECK(cli.err.find("has no full-text index") != std::string::npos);
  CHECK(std::count(cli.err.begin(), cli.err.end(), '\n') == 1);
  {
    auto store = test::OpenTestStore(db);  // builds it
    CHECK(Everything(*store, kVocabulary) == built);
  }
  auto reader = test::OpenTestStore(db, /*read_only=*/true);
  CHECK(Everything(*reader, kVocabulary) == built);
}

TEST_CASE("parley search and parley reindex", "[fulltext][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  IngestCorpus(db);
  auto r =
      RunParley({"search", "--db", db, "--format", "csv", "--limit", "3", "\"sanctions relief\""});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(
      r.out.starts_with("score,kind,id,text,article,quote\r\n"
                        "2.0438,Article,s2,Dockworkers call for sanctions relief,s2,\r\n"));
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 4);
  CHECK(r.out.find(",REPORTED_IN,") != std::string::npos);
  r = RunParley({"search", "--db", db, "--format", "jsonl", "Ortega"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"kind\":\"Actor\"") != std::string::npos);
  r = RunParley({"search", "--db", db, "volcano"});
  CHECK(r.exit_code == 0);

  r = RunParley({"search", "--db", db});
  CHECK(r.exit_code == 2);
  r = RunParley({"search", "--db", db, "--limit", "0", "water"});
  CHECK(r.exit_code == 2);
  r = RunParley({"search", "--db", db, "\"water"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("not closed") != std::string::npos);

  auto before = RunParley({"search", "--db", db, "--format", "csv", "water rights"});
  r = RunParley({"reindex", "--db", db});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(RunParley({"search", "--db", db, "--format", "csv", "water rights"}).out == before.out);
}

TEST_CASE("articles ingested from text are found by title and by name", "[fulltext][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  test::WriteFile(
      dir / "a.jsonl",
      "{\"id\": \"harbour-1\", \"title\": \"Harbour pilots strike over night shifts\", "
      "\"date\": \"2026-05-02\", \"text\": \"The harbour pilots union demanded that "
      "the port authority end night shifts. The union said pilots were exhausted.\"}\n");
  auto r = RunParley({"ingest", "--db", db, dir / "a.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto store = test::OpenTestStore(db, /*read_only=*/true);
  auto hits = Ranked(*store, "pilots strike");
  REQUIRE(!hits.empty());
  CHECK(std::find(hits.begin(), hits.end(), "Article:harbour-1") != hits.end());
}

TEST_CASE("CALL parley.search and parley.searchRelationships", "[fulltext][procedures]") {
  TempDir dir;
  const std::string db = dir / "db";
  IngestCorpus(db);
  auto r = RunParley({"query", "--db", db, "--format", "csv",
                      "CALL parley.search('\"sanctions relief\"') YIELD node, score "
                      "RETURN labels(node)[0] AS kind, coalesce(node.title, node.text) AS text, "
                      "round(score * 10000) / 10000 AS score"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The nodes of the phrase's ranking on the corpus, best first; the quote is a relationship.
  CHECK(r.out ==
        "kind,text,score\r\nArticle,Dockworkers call for sanctions relief,2.0438\r\n"
        "Demand,grant sanctions relief for grain shipments,1.9021\r\n");
  r = RunParley({"query", "--db", db, "--format", "csv",
                 "CALL parley.searchRelationships('lucía') YIELD relationship AS rel, score "
                 "MATCH (d:Demand)-[rel]->(a:Article) RETURN type(rel), d.text, a.id"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "type(rel),d.text,a.id\r\nREPORTED_IN,stay calm during the water shortage,s5\r\n");
  // Inside a query, with LIMIT, and a word found nowhere.
  r = RunParley({"query", "--db", db, "--format", "csv",
                 "MATCH (a:Actor) WHERE a.id = 'dockworkers-guild' "
                 "CALL parley.search(a.name) YIELD node RETURN node.id LIMIT 1"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "node.id\r\ndockworkers-guild\r\n");
  r = RunParley({"query", "--db", db, "--format", "csv",
                 "CALL parley.search('volcano') YIELD node RETURN count(node) AS n"});
  CHECK(r.out == "n\r\n0\r\n");
  r = RunParley({"query", "--db", db, "CALL parley.search('\"open') YIELD node RETURN node"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("not closed") != std::string::npos);
}

TEST_CASE("SET, REMOVE and DETACH DELETE keep the index", "[fulltext][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  IngestCorpus(db);
  auto r = RunParley({"query", "--db", db,
                      "MATCH (d:Demand {text: 'smaller classes and higher pay'}) "
                      "SET d.text = 'a flood barrier for the school'"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = RunParley({"query", "--db", db, "MATCH (a:Actor {id: 'river-authority'}) DETACH DELETE a"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto store = test::OpenTestStore(db);
  CHECK(Ranked(*store, "barrier") ==
        std::vector<std::string>{"Demand:a flood barrier for the school"});
  // "classes" is left in the title and the quote only.
  CHECK(
      Ranked(*store, "classes") ==
      std::vector<std::string>{"Article:s4", "REPORTED_IN:Demand:a flood barrier for the school"});
  for (const auto& hit : Ranked(*store, "authority")) CHECK(hit.find("Actor") == std::string::npos);
  auto kept = Everything(*store, kVocabulary);
  REQUIRE(store->RebuildTextIndex().ok());
  CHECK(Everything(*store, kVocabulary) == kept);
}

TEST_CASE("parley ingest --no-text-index leaves the index to parley reindex", "[fulltext][cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  IngestCorpus(dir / "kept");
  auto r = RunParley({"ingest", "--db", db, "--no-text-index", "--facts", kCorpus});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = RunParley({"search", "--db", db, "water"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("parley reindex --db " + db) != std::string::npos);
  r = RunParley({"reindex", "--db", db});
  REQUIRE(r.exit_code == 0);
  CHECK(DumpIndex(db) == DumpIndex(dir / "kept"));
}

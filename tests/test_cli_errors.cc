// End-to-end behaviour of `parley ingest` and `parley stats` through the real binary:
// idempotent re-ingest, replacement of a changed article, actors merged across articles, and
// every kind of bad input ending with exit status 1, one line on stderr that says what is
// wrong and where, and the store exactly as it was; bad usage ends with exit status 2.
#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/facts.h"
#include "graph/event_key.h"
#include "graph/graph_model.h"
#include "storage/graph_store.h"
#include "storage/keys.h"
#include "tests/test_util.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using test::ReadFileText;
using test::RunParley;
using test::RunResult;
using test::TempDir;
using test::WriteFile;

const std::string kIranFacts = std::string(PARLEY_TEST_DATA) + "/iran_facts.jsonl";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

DocumentFacts Parse(const std::string& line) {
  DocumentFacts f;
  Status s = ParseFacts(line, &f);
  INFO(s.message());
  REQUIRE(s.ok());
  return f;
}

// Stats as JSON; they must be readable.
std::string StatsJson(const std::string& db) {
  RunResult r = RunParley({"stats", "--db", db, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// A store filled by a good ingest of the two Iran articles.
void FillStore(const std::string& db) {
  RunResult r = RunParley({"ingest", "--db", db, "--facts", kIranFacts});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// The run failed as a user error should: status 1 and one line, "parley: ...", on stderr
// that holds every one of `needles`, in well-formed UTF-8.
void RequireOneLineError(const RunResult& r, const std::vector<std::string>& needles) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("parley: ", 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK((!r.err.empty() && r.err.back() == '\n'));
  CHECK(IsValidUtf8(r.err));
  for (const auto& n : needles) CHECK(r.err.find(n) != std::string::npos);
}

std::unique_ptr<GraphStore> OpenReadOnly(const std::string& db) {
  return parley::test::OpenTestStore(db, true);
}

bool HasNode(GraphStore* store, const std::string& key) {
  Node n;
  return store->GetNode(IdFor(key), &n).ok();
}

// True if a Demand node has `text` (demands are keyed by their event, not by article).
bool HasDemand(GraphStore* store, const std::string& text) {
  auto scan = store->ScanLabel("Demand");
  for (; scan->Valid(); scan->Next()) {
    Node n;
    if (store->GetNode(scan->id(), &n).ok() && StringProperty(n.properties, "text") == text)
      return true;
  }
  return false;
}

// True if the Demand with `text` is REPORTED_IN article `article`.
bool HasReport(GraphStore* store, const std::string& text, const std::string& article) {
  auto scan = store->ScanLabel("Demand");
  for (; scan->Valid(); scan->Next()) {
    Node n;
    if (!store->GetNode(scan->id(), &n).ok() || StringProperty(n.properties, "text") != text)
      continue;
    for (auto c = store->Neighbours(n.id, Direction::kOutgoing, "REPORTED_IN"); c->Valid();
         c->Next()) {
      if (c->entry().other == IdFor("Article:" + article)) return true;
    }
  }
  return false;
}

// Opens the store at `db` straight through RocksDB, with every column family, and calls `fn`
// with the database and its meta family.
void WithMeta(const std::string& db, bool read_only,
              const std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle*)>& fn) {
  std::vector<std::string> names;
  rocksdb::Options opt;
  REQUIRE(rocksdb::DB::ListColumnFamilies(opt, db, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfds;
  for (const auto& n : names) cfds.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = read_only ? rocksdb::DB::OpenForReadOnly(opt, db, cfds, &handles, &raw)
                                : rocksdb::DB::Open(opt, db, cfds, &handles, &raw);
  INFO(s.ToString());
  REQUIRE(s.ok());
  std::unique_ptr<rocksdb::DB> dbp(raw);
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == keys::ColumnFamilyName(keys::kMeta)) meta = handles[i];
  }
  REQUIRE(meta != nullptr);
  fn(dbp.get(), meta);
  for (auto* h : handles) dbp->DestroyColumnFamilyHandle(h);
  if (!read_only) CHECK(dbp->Close().ok());
}

// Writes meta key "schema_version" of the store at `db` straight through RocksDB.
void SetSchemaVersion(const std::string& db, const std::string& version) {
  WithMeta(db, /*read_only=*/false, [&](rocksdb::DB* d, rocksdb::ColumnFamilyHandle* meta) {
    std::string old;
    REQUIRE(d->Get(rocksdb::ReadOptions(), meta, "schema_version", &old).ok());
    CHECK(d->Put(rocksdb::WriteOptions(), meta, "schema_version", version).ok());
  });
}

std::string GetSchemaVersion(const std::string& db) {
  std::string v;
  WithMeta(db, /*read_only=*/true, [&](rocksdb::DB* d, rocksdb::ColumnFamilyHandle* meta) {
    CHECK(d->Get(rocksdb::ReadOptions(), meta, "schema_version", &v).ok());
  });
  return v;
}

// ---------------------------------------------------------------------------- good input

TEST_CASE("re-ingesting the same facts changes nothing", "[cli][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  RunResult first = RunParley({"ingest", "--db", db, "--facts", kIranFacts});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.err.find("2 added, 0 replaced, 0 unchanged") != std::string::npos);
  RunResult table = RunParley({"stats", "--db", db});
  std::string json = StatsJson(db);

  RunResult second = RunParley({"ingest", "--db", db, "--facts", kIranFacts});
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  CHECK(second.err.find("0 added, 0 replaced, 2 unchanged") != std::string::npos);
  CHECK(RunParley({"stats", "--db", db}).out == table.out);
  CHECK(StatsJson(db) == json);

  // The same facts read from standard input are the same articles too.
  RunResult third = RunParley({"ingest", "--db", db, "--facts", "-"}, ReadFileText(kIranFacts));
  INFO(third.err);
  REQUIRE(third.exit_code == 0);
  CHECK(third.err.find("0 added, 0 replaced, 2 unchanged") != std::string::npos);
  CHECK(StatsJson(db) == json);
}

TEST_CASE("a changed article replaces its old facts and leaves the others'", "[cli][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);
  std::vector<std::string> lines = Lines(ReadFileText(kIranFacts));
  REQUIRE(lines.size() == 2);
  {
    auto store = OpenReadOnly(db);
    REQUIRE(HasDemand(store.get(), "lift sanctions"));
    REQUIRE(HasDemand(store.get(), "return to the nuclear accord"));
    REQUIRE(HasNode(store.get(), "Policy:sanctions"));
  }

  // a1 again, with one demand reworded and without its policy, and the other dropped.
  DocumentFacts a1 = Parse(lines[0]);
  REQUIRE(a1.doc == "a1");
  std::vector<Event> events;
  for (Event e : a1.events) {
    if (e.content == "lift sanctions") {
      e.content = "lift all sanctions";
      e.policies.clear();
      events.push_back(e);
    } else if (e.type != "demand") {
      events.push_back(e);
    }
  }
  REQUIRE(events.size() == 2);
  a1.events = events;
  std::string changed = tmp / "changed.jsonl";
  WriteFile(changed, FactsToJson(a1) + "\n" + lines[1] + "\n");

  RunResult r = RunParley({"ingest", "--db", db, "--facts", changed});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("0 added, 1 replaced, 1 unchanged") != std::string::npos);
  {
    auto store = OpenReadOnly(db);
    // a1's old facts are gone, its new one is there.
    CHECK_FALSE(HasDemand(store.get(), "lift sanctions"));
    CHECK_FALSE(HasDemand(store.get(), "return to the nuclear accord"));
    CHECK_FALSE(HasReport(store.get(), "lift sanctions", "a1"));
    CHECK_FALSE(HasNode(store.get(), "Policy:sanctions"));  // only the old a1 named it
    CHECK(HasDemand(store.get(), "lift all sanctions"));
    CHECK(HasReport(store.get(), "lift all sanctions", "a1"));
    CHECK(HasNode(store.get(), "Article:a1"));
    ArticleRecord rec;
    REQUIRE(store->GetArticle("a1", &rec).ok());
    CHECK(rec.facts_hash == FactsHash(Parse(FactsToJson(a1)), kEventKeyVersion));
    // a2's facts are all still there, among them the policy both articles named.
    CHECK(HasDemand(store.get(), "return to full compliance with the nuclear deal"));
    CHECK(HasNode(store.get(), "Article:a2"));
    CHECK(HasNode(store.get(), "Policy:jcpoa"));
    CHECK(HasNode(store.get(), "Actor:IRN"));
    CHECK(HasNode(store.get(), "Actor:EU"));
    std::vector<std::string> sources;
    REQUIRE(store->Sources(false, IdFor("Policy:jcpoa"), &sources).ok());
    CHECK(sources == std::vector<std::string>{"a2"});
  }

  // The store reads as if the changed facts had been ingested into an empty one.
  std::string fresh = tmp / "fresh";
  RunResult f = RunParley({"ingest", "--db", fresh, "--facts", changed});
  REQUIRE(f.exit_code == 0);
  CHECK(StatsJson(db) == StatsJson(fresh));
  CHECK(RunParley({"stats", "--db", db}).out == RunParley({"stats", "--db", fresh}).out);
}

TEST_CASE("one actor named in several articles is one node with every alias", "[cli][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);
  // A third article that calls Iran "Persia".
  DocumentFacts a3;
  a3.doc = "a3";
  a3.text = "Persia said no.";
  Entity irn;
  irn.id = "IRN";
  irn.name = "Iran";
  irn.kind = "country";
  irn.aliases = {"Persia"};
  irn.mentions = {{0, 6, "Persia"}};
  a3.entities = {irn};
  std::string more = tmp / "a3.jsonl";
  WriteFile(more, FactsToJson(a3) + "\n");
  RunResult r = RunParley({"ingest", "--db", db, "--facts", more});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  auto store = OpenReadOnly(db);
  std::vector<NodeId> ids;
  REQUIRE(store->FindNodes("Actor", "id", Value("IRN"), &ids).ok());
  REQUIRE(ids.size() == 1);
  CHECK(ids[0] == IdFor("Actor:IRN"));
  Node irn_node;
  REQUIRE(store->GetNode(ids[0], &irn_node).ok());
  CHECK(irn_node.properties.at("name") == Value("Iran"));
  REQUIRE(irn_node.properties.count("aliases"));
  const Value& aliases = irn_node.properties.at("aliases");
  REQUIRE(aliases.is_list());
  std::vector<std::string> got;
  for (const Value& v : aliases.as_list()) got.push_back(v.as_string());
  // a2 said "Islamic Republic of Iran" and "Tehran", a3 "Persia"; a1 only "Iran", its name.
  CHECK(got == std::vector<std::string>{"Islamic Republic of Iran", "Persia", "Tehran"});
  for (const char* alias : {"Islamic Republic of Iran", "Persia", "Tehran"}) {
    REQUIRE(store->FindNodes("Actor", "aliases", Value(alias), &ids).ok());
    CHECK(ids == std::vector<NodeId>{IdFor("Actor:IRN")});
  }
  std::vector<std::string> sources;
  REQUIRE(store->Sources(false, IdFor("Actor:IRN"), &sources).ok());
  CHECK(sources == std::vector<std::string>{"a1", "a2", "a3"});
  GraphStats stats;
  REQUIRE(store->GetStats(&stats).ok());
  CHECK(stats.labels.at("Actor") == 4);  // IRN, USA, ali-khamenei, EU
  int64_t actors = 0;
  for (auto c = store->ScanLabel("Actor"); c->Valid(); c->Next()) ++actors;
  CHECK(actors == 4);
}

TEST_CASE("ingest of the sample articles, with unreadable files among them", "[cli][e2e]") {
  TempDir tmp;
  int samples = 0;
  for (const auto& e : fs::directory_iterator(PARLEY_SAMPLES)) {
    std::string ext = e.path().extension().string();
    bool readme = e.path().stem().string().rfind("README", 0) == 0;
    if ((ext == ".txt" || ext == ".md") && !readme) ++samples;
  }
  REQUIRE(samples >= 3);

  SECTION("the samples folder as it is") {
    std::string db = tmp / "db";
    RunResult r = RunParley({"ingest", "--db", db, PARLEY_SAMPLES});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("warning") == std::string::npos);
    CHECK(r.err.find(std::to_string(samples) + " added") != std::string::npos);
    CHECK(StatsJson(db).find("[\"total\",\"articles\"," + std::to_string(samples) + "]") !=
          std::string::npos);
  }

  SECTION("binary junk, an empty file and invalid UTF-8 are skipped with a warning each") {
    std::string in = tmp / "in";
    fs::copy(PARLEY_SAMPLES, in, fs::copy_options::recursive);
    WriteFile(in + "/junk.txt", std::string("GIF89a\0\0\x01\x02garbage\0", 18));
    WriteFile(in + "/empty.txt", "");
    WriteFile(in + "/latin1.md", "Title\n\nCaf\xe9 cr\xe8me, by a Latin-1 editor.\n");
    WriteFile(in + "/picture.png", "\x89PNG\r\n");
    std::string db = tmp / "db";
    RunResult r = RunParley({"ingest", "--db", db, in});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> warnings;
    for (const auto& line : Lines(r.err)) {
      if (line.find("warning") != std::string::npos) warnings.push_back(line);
    }
    CHECK(warnings.size() == 3);
    for (const char* f : {"junk.txt", "empty.txt", "latin1.md"}) {
      CHECK(std::count_if(warnings.begin(), warnings.end(), [&](const std::string& w) {
              return w.find(f) != std::string::npos;
            }) == 1);
    }
    CHECK(r.err.find("picture.png") == std::string::npos);  // not an article file: not read
    CHECK(IsValidUtf8(r.err));
    CHECK(r.err.find(std::to_string(samples) + " added") != std::string::npos);
    CHECK(StatsJson(db).find("[\"total\",\"articles\"," + std::to_string(samples) + "]") !=
          std::string::npos);
  }
}

// ---------------------------------------------------------------------------- bad input

TEST_CASE("bad input fails with one line naming what and where, and stores nothing", "[cli][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);
  const std::string before = StatsJson(db);
  std::vector<std::string> lines = Lines(ReadFileText(kIranFacts));
  // Two good articles that the store does not hold yet: b1 and b2.
  DocumentFacts b1 = Parse(lines[0]), b2 = Parse(lines[1]);
  b1.doc = "b1";
  b2.doc = "b2";
  const std::string good = FactsToJson(b1) + "\n" + FactsToJson(b2) + "\n";

  SECTION("a missing facts file") {
    std::string missing = tmp / "missing.jsonl";
    RequireOneLineError(RunParley({"ingest", "--db", db, "--facts", missing}), {missing});
  }
  SECTION("a missing article file") {
    std::string missing = tmp / "nowhere/article.txt";
    RequireOneLineError(RunParley({"ingest", "--db", db, missing}), {missing});
  }
  SECTION("a folder with nothing readable") {
    std::string pics = tmp / "pictures";
    WriteFile(pics + "/photo.png", "\x89PNG\r\n\x1a\n");
    RequireOneLineError(RunParley({"ingest", "--db", db, pics}), {pics, "nothing to read"});
  }
  SECTION("a folder given to --facts") {
    std::string dir = tmp / "facts-dir";
    fs::create_directories(dir);
    RequireOneLineError(RunParley({"ingest", "--db", db, "--facts", dir}), {dir});
  }
  SECTION("a malformed JSONL line after good ones") {
    std::string bad = tmp / "bad.jsonl";
    WriteFile(bad, good + "{\"doc\": \"b3\", \"events\": [\n" + FactsToJson(b1) + "\n");
    RunResult r = RunParley({"ingest", "--db", db, "--facts", bad});
    RequireOneLineError(r, {"bad.jsonl:3", "JSON"});
    CHECK(StatsJson(db) == before);

    // With --skip-bad the good lines are stored, the bad one counted.
    RunResult skip = RunParley({"ingest", "--db", db, "--skip-bad", "--facts", bad});
    INFO(skip.err);
    CHECK(skip.exit_code == 0);
    CHECK(skip.err.find("bad.jsonl:3") != std::string::npos);
    CHECK(skip.err.find("2 added, 0 replaced, 1 unchanged") != std::string::npos);
    CHECK(skip.err.find("1 bad line") != std::string::npos);
    auto store = OpenReadOnly(db);
    ArticleRecord rec;
    CHECK(store->GetArticle("b1", &rec).ok());
    CHECK(store->GetArticle("b2", &rec).ok());
    CHECK(store->GetArticle("b3", &rec).IsNotFound());
    GraphStats stats;
    REQUIRE(store->GetStats(&stats).ok());
    CHECK(stats.articles == 4);
    return;  // the store was meant to change
  }
  SECTION("a line that is JSON but not a facts record") {
    std::string bad = tmp / "wrong.jsonl";
    WriteFile(bad,
              good + "{\"doc\": \"b4\", \"events\": [{\"type\": \"demand\", \"source\": 7}]}\n");
    RequireOneLineError(RunParley({"ingest", "--db", db, "--facts", bad}),
                        {"wrong.jsonl:3", "events[0].source"});
  }
  SECTION("invalid UTF-8 inside a facts line") {
    std::string bad = tmp / "latin1.jsonl";
    WriteFile(bad,
              FactsToJson(b1) + "\n{\"doc\": \"b5\", \"title\": \"Caf\xe9\", \"text\": \"x\"}\n");
    RequireOneLineError(RunParley({"ingest", "--db", db, "--facts", bad}),
                        {"latin1.jsonl:2", "UTF-8"});
  }
  SECTION("facts on standard input with a bad line") {
    RunResult r = RunParley({"ingest", "--db", db, "--facts", "-"}, good + "not json\n");
    RequireOneLineError(r, {"stdin:3"});
  }
  SECTION("a database folder that holds other files") {
    std::string other = tmp / "other";
    WriteFile(other + "/notes.txt", "not a database");
    RequireOneLineError(RunParley({"ingest", "--db", other, "--facts", kIranFacts}), {other});
    RequireOneLineError(RunParley({"stats", "--db", other}), {other});
    CHECK(fs::exists(other + "/notes.txt"));
  }
  SECTION("stats of a database that does not exist") {
    std::string none = tmp / "none";
    RequireOneLineError(RunParley({"stats", "--db", none}), {none});
    CHECK_FALSE(fs::exists(none));  // reading never creates a store
  }
  CHECK(StatsJson(db) == before);
}

TEST_CASE("a database in use by another writer is refused, not waited for", "[cli][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);
  const std::string before = StatsJson(db);
  std::string more = tmp / "more.jsonl";
  DocumentFacts b1 = Parse(Lines(ReadFileText(kIranFacts))[0]);
  b1.doc = "b1";
  WriteFile(more, FactsToJson(b1) + "\n");
  {
    std::unique_ptr<GraphStore> writer;
    REQUIRE(GraphStore::Open(db, GraphStore::Options(), &writer).ok());
    RequireOneLineError(RunParley({"ingest", "--db", db, "--facts", more}), {db, "in use"});
    RequireOneLineError(RunParley({"ingest", "--db", db, PARLEY_SAMPLES}), {db, "in use"});
    // Reading does not need the lock.
    RunResult stats = RunParley({"stats", "--db", db, "--format", "json"});
    CHECK(stats.exit_code == 0);
    CHECK(stats.out == before);
  }
  CHECK(StatsJson(db) == before);
  // Once the writer is gone, the same ingest works.
  RunResult r = RunParley({"ingest", "--db", db, "--facts", more});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("1 added") != std::string::npos);
}

TEST_CASE("a database of a newer schema version is refused and left alone", "[cli][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);
  const std::string before = StatsJson(db);
  SetSchemaVersion(db, "99");

  RequireOneLineError(RunParley({"stats", "--db", db}), {db, "99"});
  RequireOneLineError(RunParley({"ingest", "--db", db, "--facts", kIranFacts}), {db, "99"});
  std::string more = tmp / "more.jsonl";
  DocumentFacts b1 = Parse(Lines(ReadFileText(kIranFacts))[0]);
  b1.doc = "b1";
  WriteFile(more, FactsToJson(b1) + "\n");
  RequireOneLineError(RunParley({"ingest", "--db", db, "--facts", more}), {db, "99"});
  {
    GraphStore::Options opt;
    std::unique_ptr<GraphStore> store;
    Status s = GraphStore::Open(db, opt, &store);
    CHECK(s.code() == Status::Code::kIncompatible);
  }
  CHECK(GetSchemaVersion(db) == "99");

  // Nothing was written: set back to this version, it reads as before.
  SetSchemaVersion(db, std::to_string(kSchemaVersion));
  CHECK(StatsJson(db) == before);
}

// ---------------------------------------------------------------------------- bad usage

TEST_CASE("bad usage exits with status 2", "[cli][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  auto usage = [](const RunResult& r, const std::string& needle) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(needle) != std::string::npos);
  };
  usage(RunParley({"ingest", "--db", db, "--bogus", kIranFacts}), "--bogus");
  usage(RunParley({"stats", "--db", db, "--verbose"}), "--verbose");
  usage(RunParley({"frobnicate"}), "frobnicate");
  usage(RunParley({"ingest", "--db", db}), "ingest");
  usage(RunParley({"ingest", "--db"}), "--db");
  usage(RunParley({}), "Usage");
  CHECK_FALSE(fs::exists(db));  // no store is made by a command that was never run
  RunResult help = RunParley({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("ingest") != std::string::npos);
}

}  // namespace
}  // namespace parley

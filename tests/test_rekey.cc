// The event key version a store records, ingest refusing a store of another version, and
// `parley rekey` re-keying one as ingest would have keyed it. Articles:
// tests/data/linking/reports.jsonl (two reports of one demand, two days apart in one month).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/facts.h"
#include "graph/graph_model.h"
#include "graph/near_duplicate_index.h"
#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

const std::string kReports = std::string(PARLEY_TEST_DATA) + "/linking/reports.jsonl";

// The export of the store in `db` as JSON.
std::string Export(const std::string& db) {
  auto r = RunParley({"export", "--db", db, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The largest number of articles reporting one demand in `db`.
int MostReports(const std::string& db) {
  auto r = RunParley({"query", "--db", db, "--format", "json",
                      "MATCH (d:Demand)-[:REPORTED_IN]->(x:Article) WITH d, count(x) AS n "
                      "RETURN max(n)"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out)["rows"][0][0].get<int>();
}

std::string StoredSetting(const std::string& db) {
  auto store = test::OpenTestStore(db, /*read_only=*/true);
  std::string v;
  bool found = false;
  REQUIRE(store->GetSetting(kEventKeyVersionSetting, &v, &found).ok());
  return found ? v : "(none)";
}

// A store in `db` of the report articles, written as an ingest of another key version would
// have: their facts (extracted by the parley binary) keyed by `keys`, that version recorded.
void WriteStore(const std::string& db, const EventKeys& keys, bool record_version = true) {
  auto r = RunParley({"extract", "--format", "jsonl", kReports});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  GraphModel model;
  REQUIRE(GraphModel::LoadDefault(&model).ok());
  model.keys = keys;
  auto store = test::OpenTestStore(db);
  REQUIRE(PrepareNearDuplicateIndex(store.get()).ok());
  std::istringstream lines(r.out);
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    DocumentFacts facts;
    REQUIRE(ParseFacts(line, &facts).ok());
    ArticleRecord article;
    GraphBatch batch;
    REQUIRE(FactsToGraph(facts, model, &article, &batch).ok());
    REQUIRE(LinkNearDuplicates(*store, model.duplicates, facts, &batch).ok());
    batch.SetNodeProperty(IdFor("Article:" + facts.doc), "extracted_with", "an older parley");
    ArticleOutcome outcome;
    REQUIRE(store->WriteArticle(article, batch, &outcome).ok());
    ++n;
  }
  REQUIRE(n == 3);
  if (record_version) REQUIRE(RecordEventKeyVersion(store.get(), keys.version()).ok());
  REQUIRE(store->Close().ok());
}

// The key of another version: events placed by day, not by month.
EventKeys ByDay() {
  EventKeys::Rules rules = EventKeys::Current();
  rules.version = kEventKeyVersion + 1;
  rules.period_length = 10;
  return EventKeys(rules);
}

}  // namespace

TEST_CASE("a store records the event key version its events were keyed by", "[rekey]") {
  test::TempDir tmp;
  auto r = RunParley({"ingest", "--db", tmp / "db", kReports});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(StoredSetting(tmp / "db") == std::to_string(kEventKeyVersion));

  // A store that records none: version 1 when it holds articles (it was made before versions
  // were recorded), the current version when it holds none.
  WriteStore(tmp / "old", EventKeys(), /*record_version=*/false);
  int version = 0;
  {
    auto store = test::OpenTestStore(tmp / "old", /*read_only=*/true);
    REQUIRE(StoredEventKeyVersion(*store, &version).ok());
    CHECK(version == 1);
    auto empty = test::OpenTestStore(tmp / "empty");
    REQUIRE(StoredEventKeyVersion(*empty, &version).ok());
    CHECK(version == kEventKeyVersion);
  }
  // Ingest refuses such a store, since version 1 is not this one's, and writes nothing; rekey
  // brings it to this version.
  static_assert(kEventKeyVersion > 1);
  r = RunParley({"ingest", "--db", tmp / "old", kReports});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("event key version 1"));
  CHECK(StoredSetting(tmp / "old") == "(none)");
  r = RunParley({"rekey", "--db", tmp / "old"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(StoredSetting(tmp / "old") == std::to_string(kEventKeyVersion));
  r = RunParley({"ingest", "--db", tmp / "old", kReports});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE("ingest refuses a store of another key version; rekey keys it as ingest would",
          "[rekey]") {
  test::TempDir tmp;
  const std::string db = tmp / "db";
  WriteStore(db, ByDay());
  // By day, the two reports of one demand in May are two events.
  CHECK(MostReports(db) == 1);
  const std::string before = Export(db);

  // Ingest of articles or of facts: one line naming the command that re-keys, nothing stored.
  std::string other = tmp / "other.jsonl";
  test::WriteFile(other,
                  R"({"id": "note-1", "date": "2026-05-21", "text": "Iran demanded that the )"
                  R"(United States lift the sanctions."})"
                  "\n");
  for (std::vector<std::string> args :
       {std::vector<std::string>{"ingest", "--db", db, other},
        std::vector<std::string>{"ingest", "--db", db, "--facts",
                                 std::string(PARLEY_TEST_DATA) + "/iran_facts.jsonl"}}) {
    auto r = RunParley(args);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "parley: database " + db + " holds events keyed by event key version " +
                       std::to_string(kEventKeyVersion + 1) + ", this parley keys version " +
                       std::to_string(kEventKeyVersion) + "; run `parley rekey --db " + db +
                       "` to re-key it (nothing was stored)\n");
  }
  CHECK(Export(db) == before);
  CHECK(StoredSetting(db) == std::to_string(kEventKeyVersion + 1));

  // Re-keyed: the same graph as a fresh ingest of the same articles, the version recorded.
  auto r = RunParley({"rekey", "--db", db});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "parley: re-keyed 3 articles from event key version " +
                     std::to_string(kEventKeyVersion + 1) + " to " +
                     std::to_string(kEventKeyVersion) + " (3 replaced, 0 unchanged, 0 added)\n");
  CHECK(StoredSetting(db) == std::to_string(kEventKeyVersion));
  CHECK(MostReports(db) == 2);
  r = RunParley({"ingest", "--db", tmp / "fresh", kReports});
  REQUIRE(r.exit_code == 0);
  CHECK(Export(db) == Export(tmp / "fresh"));

  // Ingest goes on; a second re-key has nothing to do.
  r = RunParley({"ingest", "--db", db, kReports});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("(0 added, 0 replaced, 3 unchanged)") != std::string::npos);
  r = RunParley({"rekey", "--db", db});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("already; nothing to re-key") != std::string::npos);
  CHECK(Export(db) == Export(tmp / "fresh"));
}

TEST_CASE("rekey refuses a store of given facts, and a missing store", "[rekey]") {
  test::TempDir tmp;
  const std::string db = tmp / "db";
  auto r = RunParley(
      {"ingest", "--db", db, "--facts", std::string(PARLEY_TEST_DATA) + "/iran_facts.jsonl"});
  REQUIRE(r.exit_code == 0);
  {
    auto store = test::OpenTestStore(db);
    REQUIRE(RecordEventKeyVersion(store.get(), kEventKeyVersion + 1).ok());
    REQUIRE(store->Close().ok());
  }
  const std::string before = Export(db);
  r = RunParley({"rekey", "--db", db});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("was stored from given facts (ingest --facts)") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(Export(db) == before);
  CHECK(StoredSetting(db) == std::to_string(kEventKeyVersion + 1));

  r = RunParley({"rekey", "--db", tmp / "missing"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "parley: no database at " + (tmp / "missing") + "\n");
}

}  // namespace parley

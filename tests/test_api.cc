// Tests of the public C++ API (include/parley/parley.h): every call of parley::Database, with
// the errors each gives, from the calling thread and from others.
#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "parley/parley.h"
#include "test_util.h"

namespace parley {
namespace {

using Json = nlohmann::json;

const char* kStory =
    "Fishermen protest quota\n"
    "By A. Writer | 2026-03-14\n"
    "\n"
    "Norway demanded that Russia stop fishing in the Barents Sea. "
    "The Russian government rejected the demand on Friday.";

std::unique_ptr<Database> OpenDb(const std::string& dir, OpenOptions options = {}) {
  std::unique_ptr<Database> db;
  Result r = Database::Open(dir, options, &db);
  INFO(r.message());
  REQUIRE(r.ok());
  return db;
}

Json QueryJson(Database& db, const std::string& query, const std::string& params = "") {
  std::string out;
  Result r = db.QueryJson(query, params, &out);
  INFO(r.message());
  REQUIRE(r.ok());
  return Json::parse(out);
}

}  // namespace

TEST_CASE("API: a text ingested is queried, reported as demands and extracted", "[api]") {
  test::TempDir tmp;
  auto db = OpenDb(tmp / "db");
  std::vector<ArticleResult> outcomes;
  Result r = db->IngestTexts({kStory}, &outcomes);
  INFO(r.message());
  REQUIRE(r.ok());
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].kind == ArticleResult::Kind::kAdded);
  CHECK(outcomes[0].id.rfind("text:", 0) == 0);

  Json articles = QueryJson(*db, "MATCH (a:Article) RETURN a.id AS id, a.title AS title");
  CHECK(articles["columns"] == Json::array({"id", "title"}));
  REQUIRE(articles["rows"].size() == 1);
  CHECK(articles["rows"][0][0] == outcomes[0].id);
  CHECK(articles["rows"][0][1] == "Fishermen protest quota");

  // The same text again is the same article, stored already.
  r = db->IngestTexts({kStory}, &outcomes);
  REQUIRE(r.ok());
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].kind == ArticleResult::Kind::kUnchanged);
  CHECK(outcomes[0].reused);

  std::string demands;
  r = db->Demands({}, &demands);
  INFO(r.message());
  REQUIRE(r.ok());
  Json d = Json::parse(demands);
  CHECK(d["columns"][0] == "source");
  REQUIRE(d["rows"].size() >= 1);
  CHECK(d["rows"][0][0] == "Norway");
  DemandFilter by_norway;
  by_norway.by = "Norway";
  REQUIRE(db->Demands(by_norway, &demands).ok());
  CHECK(Json::parse(demands)["rows"].size() == d["rows"].size());
  DemandFilter timeline;
  timeline.timeline = true;
  REQUIRE(db->Demands(timeline, &demands).ok());
  CHECK(Json::parse(demands)["columns"][1] == "relation");

  std::string facts;
  r = db->Extract(kStory, &facts);
  REQUIRE(r.ok());
  Json f = Json::parse(facts);
  CHECK(f["title"] == "Fishermen protest quota");
  CHECK(f.contains("triples"));
  CHECK(f["doc"] == outcomes[0].id);  // the id ingest gave the same text
}

TEST_CASE("API: extract without a database, from several threads", "[api]") {
  // The demand of kStory, and nothing stored anywhere: two threads extract at once.
  auto demand_of = [](const std::string& facts_json) {
    Json f = Json::parse(facts_json);
    std::string pair;
    for (const Json& e : f["events"])
      if (e["type"] == "demand")
        pair = e["source"]["entity"].get<std::string>() + ">" +
               e["target"]["entity"].get<std::string>();
    return pair;
  };
  std::string a, b;
  Result ra, rb;
  std::thread other([&] { rb = Extract(kStory, &b); });
  ra = Extract(kStory, &a);
  other.join();
  INFO(ra.message() << " / " << rb.message());
  REQUIRE(ra.ok());
  REQUIRE(rb.ok());
  CHECK(a == b);
  CHECK(Json::parse(a)["title"] == "Fishermen protest quota");
  CHECK(demand_of(a) == "NOR>RUS");
  CHECK(Extract(" \n", &a).code() == Result::Code::kInvalidInput);
}

TEST_CASE("API: query rows through the callback, parameters, stopping and errors", "[api]") {
  test::TempDir tmp;
  auto db = OpenDb(tmp / "db");
  std::vector<std::string> columns;
  std::vector<std::string> seen;
  Result r = db->Query(
      "UNWIND range(1, 5) AS x RETURN x, x * $k AS y", R"({"k": 1.5})",
      [&](const Row& row) {
        seen.push_back(row.json());
        return true;
      },
      &columns);
  INFO(r.message());
  REQUIRE(r.ok());
  CHECK(columns == std::vector<std::string>{"x", "y"});
  REQUIRE(seen.size() == 5);
  CHECK(seen[0] == R"({"x":1,"y":1.5})");

  // false from the callback stops the query: no more rows, and no error.
  int calls = 0;
  r = db->Query("UNWIND range(1, 100000) AS x RETURN x", "", [&](const Row&) {
    ++calls;
    return calls < 3;
  });
  CHECK(r.ok());
  CHECK(calls == 3);

  // What the callback throws comes out of Query, the query stopped.
  CHECK_THROWS_AS(db->Query("UNWIND range(1, 10) AS x RETURN x", "",
                            [](const Row&) -> bool { throw std::runtime_error("enough"); }),
                  std::runtime_error);

  auto none = [](const Row&) { return true; };
  r = db->Query("MATCH (n RETURN n", "", none);
  CHECK(r.code() == Result::Code::kInvalidInput);
  CHECK_FALSE(r.message().empty());
  r = db->Query("RETURN $x", "[1, 2]", none);
  CHECK(r.code() == Result::Code::kInvalidInput);
  CHECK(r.message().rfind("params", 0) == 0);

  // A writing query, then what it wrote.
  REQUIRE(db->Query("CREATE (:Note {text: 'hello'})", "{}", none).ok());
  Json notes = QueryJson(*db, "MATCH (n:Note) RETURN n.text AS t");
  CHECK(notes["rows"] == Json::array({Json::array({"hello"})}));
}

TEST_CASE("API: ingest of files and folders, with per-article outcomes", "[api]") {
  test::TempDir tmp;
  test::WriteFile(tmp / "in/a.jsonl",
                  R"({"id":"n1","title":"Quota","date":"2026-03-14","text":"Norway demanded )"
                  R"(that Russia stop fishing in the Barents Sea."})"
                  "\n"
                  R"({"id":"n2","title":"Talks","text":"Germany called on France to lower )"
                  R"(tariffs."})"
                  "\n");
  auto db = OpenDb(tmp / "db");
  std::vector<ArticleResult> outcomes;
  Result r = db->Ingest({tmp / "in"}, &outcomes);
  INFO(r.message());
  REQUIRE(r.ok());
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[0].id == "n1");
  CHECK(outcomes[1].id == "n2");
  CHECK(outcomes[1].kind == ArticleResult::Kind::kAdded);

  // A missing path fails before anything is read; nothing changes.
  r = db->Ingest({tmp / "in", tmp / "missing.txt"}, &outcomes);
  CHECK(r.code() == Result::Code::kNotFound);
  CHECK(r.message().find("missing.txt") != std::string::npos);
  CHECK(outcomes.empty());
  r = db->Ingest({}, nullptr);
  CHECK(r.code() == Result::Code::kInvalidInput);

  // A bad article among texts stores none of them.
  r = db->IngestTexts({"Some plain text.", R"({"id":"x","title":"no text"})"}, &outcomes);
  CHECK(r.code() == Result::Code::kInvalidInput);
  CHECK(r.message().find("article 1") != std::string::npos);
  CHECK(QueryJson(*db, "MATCH (a:Article) RETURN count(a) AS n")["rows"][0][0] == 2);
  r = db->IngestTexts({"  \n"}, nullptr);
  CHECK(r.code() == Result::Code::kInvalidInput);

  // A changed text replaces its article's facts.
  r = db->IngestTexts({R"({"id":"n2","title":"Talks","text":"Germany praised France."})"},
                      &outcomes);
  REQUIRE(r.ok());
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].kind == ArticleResult::Kind::kReplaced);

  std::string json;
  DemandFilter unknown;
  unknown.by = "Narnia";
  r = db->Demands(unknown, &json);
  CHECK(r.code() == Result::Code::kNotFound);
  CHECK(r.message().find("Narnia") != std::string::npos);
  DemandFilter bad_date;
  bad_date.since = "2026-02-30";
  r = db->Demands(bad_date, &json);
  CHECK(r.code() == Result::Code::kInvalidInput);
  CHECK(r.message().find("since") != std::string::npos);
  CHECK(db->Extract(" ", &json).code() == Result::Code::kInvalidInput);
}

TEST_CASE("API: open options, read-only use, closing", "[api]") {
  test::TempDir tmp;
  std::unique_ptr<Database> db;
  CHECK(Database::Open("", {}, &db).code() == Result::Code::kInvalidInput);
  OpenOptions read_only;
  read_only.read_only = true;
  Result r = Database::Open(tmp / "none", read_only, &db);
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.message().empty());
  CHECK(db == nullptr);
  OpenOptions jobs;
  jobs.jobs = -1;
  CHECK(Database::Open(tmp / "db", jobs, &db).code() == Result::Code::kInvalidInput);

  {
    auto writer = OpenDb(tmp / "db");
    REQUIRE(writer->Query("CREATE (:Note {n: 1})", "", [](const Row&) { return true; }).ok());
    // One writer per folder: a second one is refused while the first holds it.
    std::unique_ptr<Database> second;
    CHECK(Database::Open(tmp / "db", {}, &second).code() == Result::Code::kBusy);
    REQUIRE(writer->Close().ok());
    CHECK(writer->Close().code() == Result::Code::kInvalidInput);
    std::string out;
    CHECK(writer->QueryJson("RETURN 1", "", &out).message() == "the database is closed");
  }
  auto reader = OpenDb(tmp / "db", read_only);
  CHECK(QueryJson(*reader, "MATCH (n:Note) RETURN n.n AS n")["rows"][0][0] == 1);
  r = reader->Query("CREATE (:Note)", "", [](const Row&) { return true; });
  CHECK(r.code() == Result::Code::kInvalidInput);
  r = reader->IngestTexts({kStory}, nullptr);
  CHECK(r.code() == Result::Code::kInvalidInput);
  CHECK(r.message().find("read-only") != std::string::npos);
  CHECK(std::string(Version()).find('.') != std::string::npos);
}

TEST_CASE("API: ingest on one thread while others query", "[api]") {
  test::TempDir tmp;
  auto db = OpenDb(tmp / "db");
  std::atomic<bool> done{false};
  Result ingest;
  // Not the opening thread: the database belongs to no thread.
  std::thread writer([&] {
    std::vector<std::string> texts;
    for (int i = 0; i < 6; ++i)
      texts.push_back("Story " + std::to_string(i) + "\n\nNorway demanded that Russia stop " +
                      "fishing near island " + std::to_string(i) + ".");
    ingest = db->IngestTexts(texts, nullptr);
    done = true;
  });
  std::vector<std::thread> readers;
  std::atomic<int> failures{0};
  for (int t = 0; t < 2; ++t) {
    readers.emplace_back([&] {
      do {
        std::string out;
        if (!db->QueryJson("MATCH (a:Article) RETURN count(a)", "", &out).ok()) ++failures;
      } while (!done);
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  INFO(ingest.message());
  CHECK(ingest.ok());
  CHECK(failures == 0);
  CHECK(QueryJson(*db, "MATCH (a:Article) RETURN count(a)")["rows"][0][0] == 6);
}

}  // namespace parley

// parley serve's POST /ingest end to end (tests/serve_fixture.h): articles, a text and facts
// stored as `parley ingest` stores them, each article's outcome in the answer; reads going on
// during a long ingest, each on one snapshot; SIGTERM in the middle of an ingest, which is
// finished before the server exits.
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "serve_fixture.h"

namespace parley {
namespace {

using test::Cli;
using test::ExpectError;
using test::kIranFacts;
using test::PostQuery;
using test::QueryBody;
using test::Server;
using test::TempDir;
using test::TokenFile;

// Articles of our own, one JSON object a line as `parley ingest` reads them.
std::string Articles() {
  nlohmann::json a = {{"id", "own-1"},
                      {"date", "2026-04-02"},
                      {"source", "Test Wire"},
                      {"title", "Minister presses neighbour on water"},
                      {"text",
                       "Cairo, April 2. Egypt's foreign minister Sameh Shoukry demanded that "
                       "Ethiopia stop filling the dam on the Blue Nile until a binding "
                       "agreement is signed."}};
  nlohmann::json b = {{"id", "own-2"},
                      {"date", "2026-04-03"},
                      {"source", "Test Wire"},
                      {"title", "Union calls for talks"},
                      {"text",
                       "Brussels, April 3. The European Union urged Serbia and Kosovo to "
                       "resume talks on normalising their relations, its foreign policy chief "
                       "said on Friday."}};
  return a.dump() + "\n" + b.dump() + "\n";
}

httplib::Result PostIngest(const Server& s, const std::string& body, const std::string& type,
                           const std::string& query = "") {
  return s.Client()->Post("/ingest" + query, s.Auth(), body, type);
}

// The outcomes of an answer of POST /ingest, "id:outcome" in order.
std::vector<std::string> Outcomes(const std::string& body) {
  std::vector<std::string> out;
  nlohmann::json answer = nlohmann::json::parse(body);
  for (const auto& a : answer["articles"])
    out.push_back(a["id"].get<std::string>() + ":" + a["outcome"].get<std::string>());
  return out;
}

TEST_CASE("serve: POST /ingest stores as parley ingest does and says what became of each",
          "[serve][ingest]") {
  TempDir dir;
  test::WriteFile(dir / "articles.jsonl", Articles());
  // The same articles through the command, for comparison.
  auto cli = test::RunParley({"ingest", "--db", dir / "cli", dir / "articles.jsonl"});
  INFO(cli.err);
  REQUIRE(cli.exit_code == 0);
  std::string cli_stats = Cli({"stats", "--db", dir / "cli", "--format", "json"});

  std::string db = dir / "db";
  std::string token = "ingest-token";
  std::string file = TokenFile(dir, token);
  {
    Server s({"--db", db, "--token-file", file}, token);
    // A write: the token is needed.
    ExpectError(s.Client()->Post("/ingest", Articles(), "application/x-ndjson"), 401, db);
    auto r = PostIngest(s, Articles(), "application/x-ndjson");
    REQUIRE(r);
    INFO(r->body);
    CHECK(r->status == 200);
    CHECK(Outcomes(r->body) == std::vector<std::string>{"own-1:added", "own-2:added"});
    CHECK(nlohmann::json::parse(r->body)["added"] == 2);
    auto stats = s.Client()->Get("/stats");
    REQUIRE(stats);
    CHECK(stats->body == cli_stats);
    // Sent again: unchanged, not extracted again.
    r = PostIngest(s, Articles(), "application/x-ndjson");
    REQUIRE(r);
    CHECK(Outcomes(r->body) == std::vector<std::string>{"own-1:unchanged", "own-2:unchanged"});
    CHECK(nlohmann::json::parse(r->body)["articles"][0]["reused"] == true);
    // A new text under an id already stored replaces that article.
    nlohmann::json changed = {{"id", "own-2"},
                              {"date", "2026-04-03"},
                              {"text",
                               "Brussels, April 3. Kosovo asked the European Union to "
                               "lift the measures it imposed last year."}};
    r = PostIngest(s, changed.dump() + "\n", "application/x-ndjson");
    REQUIRE(r);
    CHECK(Outcomes(r->body) == std::vector<std::string>{"own-2:replaced"});
    // One plain text, named by its hash as standard input's would be.
    r = PostIngest(s,
                   "Ankara, May 5. Turkey demanded that Sweden extradite the journalists it "
                   "named.",
                   "text/plain");
    REQUIRE(r);
    CHECK(r->status == 200);
    auto text = Outcomes(r->body);
    REQUIRE(text.size() == 1);
    CHECK(text[0].rfind("http:", 0) == 0);
    CHECK(text[0].substr(text[0].size() - 6) == ":added");
    // Facts extracted elsewhere, as ingest --facts reads them.
    r = PostIngest(s, test::ReadFileText(kIranFacts), "application/x-ndjson", "?format=facts");
    REQUIRE(r);
    CHECK(Outcomes(r->body) == std::vector<std::string>{"a1:added", "a2:added"});

    // Bad input: refused whole, with the line named, nothing stored.
    auto before = s.Client()->Get("/stats");
    REQUIRE(before);
    auto j = ExpectError(
        PostIngest(s, "{\"id\": \"own-3\", \"text\": \"Fine.\"}\n\n{\"id\": \"own-4\", \"text\": ",
                   "application/x-ndjson"),
        400, db);
    CHECK(j["error"].get<std::string>().rfind("line 3: ", 0) == 0);
    CHECK(j["error"].get<std::string>().find("nothing was stored") != std::string::npos);
    ExpectError(
        PostIngest(s, "{\"doc\": \"x\", \"events\": 5}\n", "application/x-ndjson", "?format=facts"),
        400, db);
    ExpectError(PostIngest(s, "", "application/x-ndjson"), 400, db);
    ExpectError(PostIngest(s, " \n", "text/plain"), 400, db);
    ExpectError(PostIngest(s, Articles(), "application/x-ndjson", "?format=pdf"), 400, db);
    ExpectError(s.Client()->Get("/ingest"), 405, db);
    auto after = s.Client()->Get("/stats");
    REQUIRE(after);
    CHECK(after->body == before->body);
    CHECK(s.Stop() == 0);
  }
  {
    Server s({"--db", db, "--token-file", file, "--read-only"}, token);
    ExpectError(PostIngest(s, Articles(), "application/x-ndjson"), 403, db);
    CHECK(s.Stop() == 0);
  }
}

// `n` articles of facts, bulk-0 ... bulk-(n-1): the first article of the Iran test facts under
// another id, dated a day later each, with words of its own after its text, so that no two are
// near-duplicates and a demand is not reported in more than a month's articles.
std::string BulkFacts(int n, const std::string& prefix = "bulk-") {
  std::ifstream in(kIranFacts);
  std::string first;
  std::getline(in, first);
  nlohmann::json base = nlohmann::json::parse(first);
  const std::string text = base["text"];
  const std::vector<std::string> words = {"amber", "basin",  "cedar",  "delta",  "ember",
                                          "fjord", "grove",  "harbor", "inlet",  "jungle",
                                          "karst", "lagoon", "meadow", "nectar", "orchard"};
  std::string out;
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < n; ++i) {
    base["doc"] = prefix + std::to_string(i);
    int y = 2000 + i / 336, m = 1 + (i / 28) % 12, d = 1 + i % 28;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
    base["date"] = date;
    std::string more;
    for (int w = 0; w < 60; ++w) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      more += " " + words[x % words.size()];
    }
    base["text"] = text + more + ".";
    out += base.dump() + "\n";
  }
  return out;
}

// Two counts of one snapshot that agree when every article is whole: the bulk articles, and
// those a demand is reported in (the Article node and its REPORTED_IN come in one write).
const std::string kPair =
    "MATCH (a:Article) WHERE a.id STARTS WITH 'bulk-' WITH count(a) AS articles "
    "OPTIONAL MATCH (:Demand)-[:REPORTED_IN]->(x:Article) WHERE x.id STARTS WITH 'bulk-' "
    "RETURN articles, count(DISTINCT x) AS reported";

std::pair<int64_t, int64_t> Pair(const Server& s) {
  auto r = PostQuery(s, QueryBody(kPair));
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto row = nlohmann::json::parse(r->body)["rows"][0];
  return {row[0].get<int64_t>(), row[1].get<int64_t>()};
}

TEST_CASE("serve: reads during an ingest each see one snapshot", "[serve][ingest]") {
  TempDir dir;
  std::string db = dir / "db";
  std::string token = "t";
  Server s({"--db", db, "--token-file", TokenFile(dir, token), "--max-body", "100000000"}, token);
  const int kArticles = 1500;
  std::string body = BulkFacts(kArticles);
  std::atomic<bool> done{false};
  int status = 0;
  std::string answer;
  std::thread writer([&] {
    auto r = PostIngest(s, body, "application/x-ndjson", "?format=facts");
    if (r) {
      status = r->status;
      answer = r->body;
    }
    done = true;
  });
  int64_t last = 0;
  int partial = 0, reads = 0;
  bool agreed = true, monotone = true;
  while (!done) {
    auto [articles, reported] = Pair(s);
    ++reads;
    if (articles != reported) agreed = false;
    if (articles < last) monotone = false;
    if (articles > 0 && articles < kArticles) ++partial;
    last = articles;
  }
  writer.join();
  INFO("reads " << reads << ", of them during the ingest with part of it stored " << partial);
  CHECK(status == 200);
  auto outcomes = Outcomes(answer);
  CHECK(outcomes.size() == static_cast<size_t>(kArticles));
  CHECK(nlohmann::json::parse(answer)["added"] == kArticles);
  CHECK(agreed);
  CHECK(monotone);
  CHECK(partial >= 3);
  CHECK(Pair(s) == std::pair<int64_t, int64_t>{kArticles, kArticles});
  CHECK(s.Stop() == 0);
}

TEST_CASE(
    "serve: SIGTERM during an ingest finishes it, then the server exits; a late one is refused",
    "[serve][ingest]") {
  TempDir dir;
  std::string db = dir / "db";
  std::string token = "t";
  std::string file = TokenFile(dir, token);
  const int kArticles = 1500;
  std::string body = BulkFacts(kArticles);
  {
    Server s({"--db", db, "--token-file", file, "--max-body", "100000000"}, token);
    int status = 0;
    std::string answer;
    std::thread writer([&] {
      auto r = PostIngest(s, body, "application/x-ndjson", "?format=facts");
      if (r) {
        status = r->status;
        answer = r->body;
      }
    });
    // The signal goes once some articles are stored, and not all.
    int64_t seen = 0;
    while (seen == 0) seen = Pair(s).first;
    REQUIRE(seen < kArticles);
    ::kill(s.pid(), SIGTERM);
    writer.join();
    INFO(answer);
    // The request in flight is finished and answered whole.
    CHECK(status == 200);
    auto j = nlohmann::json::parse(answer);
    CHECK(j["articles"].size() == kArticles);
    CHECK(j["added"] == kArticles);
    CHECK(!j.contains("error"));
    CHECK(s.Wait() == 0);
    // Stopped: nothing more is taken.
    CHECK(!PostIngest(s, Articles(), "application/x-ndjson", ""));
  }
  // The store holds every article, each whole; sent again, each is unchanged.
  std::string counts = Cli({"query", "--db", db, "--format", "jsonl", kPair});
  CHECK(counts == "{\"articles\":" + std::to_string(kArticles) +
                      ",\"reported\":" + std::to_string(kArticles) + "}\n");
  {
    Server s({"--db", db, "--token-file", file, "--max-body", "100000000"}, token);
    auto r = PostIngest(s, body, "application/x-ndjson", "?format=facts");
    REQUIRE(r);
    CHECK(r->status == 200);
    auto j = nlohmann::json::parse(r->body);
    CHECK(j["unchanged"] == kArticles);
    CHECK(s.Stop() == 0);
  }
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST_CASE("serve: ingests wait in one queue, up to 4 behind the one being stored",
          "[serve][ingest]") {
  TempDir dir;
  std::string db = dir / "db";
  std::string token = "t";
  Server s({"--db", db, "--token-file", TokenFile(dir, token), "--max-body", "100000000"}, token);
  // Seven requests at once: one is stored, four wait and are stored after it, two are refused
  // with nothing stored. So that all seven arrive while the first waits, however slowly they
  // come, a writing query holds the store's write lock for seconds first (it walks millions of
  // rows and creates nothing); the ingest in hand waits for it.
  const int kRequests = 7, kArticles = 600;
  std::vector<int> status(kRequests);
  std::vector<std::string> answers(kRequests), bodies(kRequests);
  for (int i = 0; i < kRequests; ++i)
    bodies[i] = BulkFacts(kArticles, "q" + std::to_string(i) + "-");
#if defined(__SANITIZE_ADDRESS__)
  const int kRows = 1500;  // thousands of rows: about 10 s with the sanitizers
#else
  const int kRows = 6000;  // about 5 s
#endif
  int hold_status = 0;
  std::thread hold([&] {
    auto r = PostQuery(s,
                       QueryBody("UNWIND range(1, " + std::to_string(kRows) +
                                 ") AS a UNWIND range(1, 5000) AS b WITH a WHERE a < 0 CREATE "
                                 "(:Never)"),
                       s.Auth());
    if (r) hold_status = r->status;
  });
  std::this_thread::sleep_for(std::chrono::seconds(1));
  std::vector<std::thread> senders;
  for (int i = 0; i < kRequests; ++i) {
    senders.emplace_back([&, i] {
      auto r = PostIngest(s, bodies[i], "application/x-ndjson", "?format=facts");
      if (r) {
        status[i] = r->status;
        answers[i] = r->body;
      }
    });
  }
  for (auto& t : senders) t.join();
  hold.join();
  CHECK(hold_status == 200);
  int stored = 0, refused = 0;
  for (int i = 0; i < kRequests; ++i) {
    INFO(answers[i].substr(0, 300));
    auto j = nlohmann::json::parse(answers[i]);
    if (status[i] == 200) {
      ++stored;
      CHECK(j["added"] == kArticles);
    } else {
      ++refused;
      CHECK(status[i] == 503);
      CHECK(j["articles"].empty());
      CHECK(j["error"].get<std::string>().find("waiting") != std::string::npos);
    }
  }
  CHECK(stored == 5);
  CHECK(refused == 2);
  auto r = PostQuery(s, QueryBody("MATCH (a:Article) RETURN count(a) AS n"));
  REQUIRE(r);
  CHECK(nlohmann::json::parse(r->body)["rows"][0][0] == 5 * kArticles);
  CHECK(s.Stop() == 0);
}

}  // namespace
}  // namespace parley

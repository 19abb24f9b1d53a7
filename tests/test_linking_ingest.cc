// Linking at ingest: reports of one event in several articles become one event with a source
// per article, a different event between the same actors stays apart, wire copies are marked
// and counted once, the timeline spans the reports, and the graph does not depend on the
// order (or the repetition) of ingests. Articles: tests/data/linking/reports.jsonl.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

const std::string kReports = std::string(PARLEY_TEST_DATA) + "/linking/reports.jsonl";

std::vector<std::string> ReportLines() {
  std::vector<std::string> lines;
  std::istringstream in(test::ReadFileText(kReports));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  REQUIRE(lines.size() == 3);
  return lines;
}

// The Herald's article again under another id, one word changed: a wire copy.
std::string WireCopy() {
  auto j = nlohmann::json::parse(ReportLines()[0]);
  j["id"] = "wire-copy-2026-05-04";
  j["source"] = "Wire";
  std::string text = j["text"];
  text.replace(text.find("Monday"), 6, "Tuesday");
  j["text"] = text;
  return j.dump();
}

void Ingest(const std::string& db, const std::vector<std::string>& files) {
  std::vector<std::string> args = {"ingest", "--db", db};
  args.insert(args.end(), files.begin(), files.end());
  auto r = RunParley(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

nlohmann::json Query(const std::string& db, const std::string& q) {
  auto r = RunParley({"query", "--db", db, "--format", "json", q});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out)["rows"];
}

}  // namespace

TEST_CASE("two reports of one demand are one demand with two sources, another demand stays apart",
          "[link][ingest]") {
  test::TempDir tmp;
  Ingest(tmp / "db", {kReports});
  auto rows = Query(
      tmp / "db",
      "MATCH (:Actor {id: 'ali_khamenei'})-[:DEMANDS]->(d:Demand)-[:OF]->(:Actor {id: 'USA'}) "
      "MATCH (d)-[:REPORTED_IN]->(x:Article) "
      "WITH d, count(x) AS n, collect(x.id) AS articles "
      "RETURN d.text, n, articles ORDER BY n DESC");
  REQUIRE(rows.size() == 2);
  // The Herald's and the Courier's reports of the sanctions demand, in different words.
  CHECK_THAT(rows[0][0].get<std::string>(), Catch::Contains("lift"));
  CHECK(rows[0][1] == 2);
  auto articles = rows[0][2].get<std::vector<std::string>>();
  std::sort(articles.begin(), articles.end());
  CHECK(articles == std::vector<std::string>{"courier-2026-05-06", "herald-2026-05-04"});
  // The Gazette's demand between the same actors that month is another event.
  CHECK_THAT(rows[1][0].get<std::string>(), Catch::Contains("release"));
  CHECK(rows[1][1] == 1);
}

TEST_CASE("a wire copy is marked as a near-duplicate and counted once among the sources",
          "[link][ingest]") {
  test::TempDir tmp;
  test::WriteFile(tmp / "copy.jsonl", WireCopy() + "\n");
  Ingest(tmp / "db", {kReports, tmp / "copy.jsonl"});
  auto rows = Query(tmp / "db", "MATCH (x:Article) RETURN x.id, x.near_duplicates ORDER BY x.id");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0][0] == "courier-2026-05-06");
  CHECK(rows[0][1].is_null());
  CHECK(rows[2][0] == "herald-2026-05-04");
  CHECK(rows[2][1] == nlohmann::json::array({"wire-copy-2026-05-04"}));
  CHECK(rows[3][1] == nlohmann::json::array({"herald-2026-05-04"}));

  auto r = RunParley({"demands", "--db", tmp / "db", "--by", "Khamenei", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto demands = nlohmann::json::parse(r.out);
  auto cols = demands["columns"];
  size_t sources = std::find(cols.begin(), cols.end(), "sources") - cols.begin();
  size_t reports = std::find(cols.begin(), cols.end(), "reports") - cols.begin();
  bool found = false;
  for (const auto& row : demands["rows"]) {
    if (row[1].get<std::string>().find("lift") == std::string::npos) continue;
    found = true;
    CHECK(row[reports] == 3);  // Herald, its copy, Courier
    CHECK(row[sources] == 2);  // the copy adds no source
  }
  CHECK(found);
}

TEST_CASE("the timeline gives each event between two actors its first and last report",
          "[link][ingest]") {
  test::TempDir tmp;
  Ingest(tmp / "db", {kReports});
  auto r = RunParley({"demands", "--db", tmp / "db", "--timeline", "--by", "Khamenei", "--of",
                      "United States", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto t = nlohmann::json::parse(r.out);
  CHECK(t["columns"] == nlohmann::json::array({"source", "relation", "target", "what", "first_seen",
                                               "last_seen", "sources", "reports", "quote"}));
  std::vector<std::string> firsts;
  for (const auto& row : t["rows"]) {
    if (row[1] != "DEMANDS") continue;
    firsts.push_back(row[4]);
    if (row[3].get<std::string>().find("lift") != std::string::npos) {
      CHECK(row[4] == "2026-05-04");
      CHECK(row[5] == "2026-05-06");
      CHECK(row[6] == 2);
    }
  }
  // In order of first report within the pair.
  CHECK(firsts == std::vector<std::string>{"2026-05-04", "2026-05-20"});
}

TEST_CASE("ingesting in another order, one article at a time, or twice gives the same graph",
          "[link][ingest]") {
  test::TempDir tmp;
  std::vector<std::string> files;
  auto lines = ReportLines();
  lines.push_back(WireCopy());
  for (size_t i = 0; i < lines.size(); ++i) {
    files.push_back(tmp / ("a" + std::to_string(i) + ".jsonl"));
    test::WriteFile(files.back(), lines[i] + "\n");
  }
  // All at once, twice.
  Ingest(tmp / "once", files);
  Ingest(tmp / "once", files);
  // One at a time, forwards and backwards.
  for (const auto& f : files) Ingest(tmp / "forwards", {f});
  for (auto it = files.rbegin(); it != files.rend(); ++it) Ingest(tmp / "backwards", {*it});

  auto dump = [&](const std::string& db) {
    auto r = RunParley({"export", "--db", tmp / db, "--format", "json"});
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  std::string once = dump("once");
  CHECK(once.size() > 1000);
  CHECK(dump("forwards") == once);
  CHECK(dump("backwards") == once);
}

TEST_CASE("namesakes serving different countries stay two actors, one across articles is one",
          "[link][ingest]") {
  // Samir Haddad, Egypt's foreign minister (two articles), Samir Haddad, Lebanon's, and a
  // British minister Harris (tests/data/linking/namesakes.jsonl, written for this test).
  test::TempDir tmp;
  Ingest(tmp / "db", {std::string(PARLEY_TEST_DATA) + "/linking/namesakes.jsonl"});
  auto rows = Query(tmp / "db",
                    "MATCH (p:Actor {name: 'Samir Haddad'})-[:HOLDS_ROLE]->(c:Actor) "
                    "RETURN c.id, p.id, p.aliases ORDER BY c.id");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == "EGY");
  CHECK(rows[1][0] == "LBN");
  CHECK(rows[0][1] != rows[1][1]);
  // The Egyptian minister of both Cairo articles, however each names him, is one actor.
  auto aliases = rows[0][2].get<std::vector<std::string>>();
  CHECK(std::count(aliases.begin(), aliases.end(), "Egypt's Foreign Minister Samir Haddad") == 1);
  CHECK(std::count(aliases.begin(), aliases.end(), "Foreign Minister Samir Haddad of Egypt") == 1);
  // Each one's demand stays his.
  auto demands =
      Query(tmp / "db",
            "MATCH (p:Actor {name: 'Samir Haddad'})-[:DEMANDS]->(:Demand)-[:OF]->(t:Actor) "
            "RETURN DISTINCT p.id, t.id ORDER BY t.id");
  REQUIRE(demands.size() == 2);
  CHECK(demands[0] == nlohmann::json::array({rows[0][1], "ISR"}));
  CHECK(demands[1] == nlohmann::json::array({rows[1][1], "SYR"}));

  // A surname the actor dictionary knows (Kamala Harris's), after a British role, is a
  // British namesake — and so is the bare surname later in that article.
  auto harris =
      Query(tmp / "db",
            "MATCH (p:Actor)-[:HOLDS_ROLE]->(:Actor {id: 'GBR'}) "
            "OPTIONAL MATCH (p)-[:DEMANDS]->(:Demand)-[:OF]->(t:Actor) RETURN p.id, p.name, t.id");
  REQUIRE(harris.size() == 1);
  CHECK(harris[0] == nlohmann::json::array({"harris@gbr", "Harris", "IRN"}));
  CHECK(Query(tmp / "db", "MATCH (p:Actor {id: 'kamala_harris'}) RETURN p").empty());
}

}  // namespace parley

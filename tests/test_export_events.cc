// The event-data exports: `parley export --format gdelt` read by Python's csv module (61
// fields a line, each column as the stored event has it, NumSources and NumArticles as
// `parley demands` counts them) and `--format plover` read as JSON lines. The sample articles
// are stored, then one demand and one stance are given the coding, date and place fields (as
// `parley query` sets them) so that those columns are checked filled as well as empty.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

const std::string kTools = std::string(PARLEY_TEST_DATA) + "/../tools";

std::string Query(const std::string& db, const std::string& text,
                  const std::string& format = "jsonl") {
  auto r = RunParley({"query", "--db", db, "--format", format, text});
  INFO(text << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string ExportText(const std::string& db, const std::string& format) {
  auto r = RunParley({"export", "--db", db, "--format", format});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// The export's line whose column `col` is `value`.
std::vector<std::string> LineWith(const std::string& tsv, size_t col, const std::string& value) {
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) {
    auto f = Split(line, '\t');
    if (f.size() > col && f[col] == value) return f;
  }
  FAIL("no line has '" << value << "' in column " << col);
  return {};
}

// The sample store, with the Khamenei demand coded, dated and placed in Tehran and the
// sanctions stance coded and dated to a month. Returns the demand's and the stance's ids.
std::string CodedSampleStore(const test::TempDir& tmp, std::string* demand, std::string* stance) {
  std::string db = tmp / "db";
  auto r = RunParley({"ingest", "--db", db, PARLEY_SAMPLES});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The places the articles' datelines gave are dropped, so that the place checked is this one.
  Query(db, "MATCH (d:Demand)-[i:IN]->() WHERE d.text STARTS WITH 'lift the sanctions' DELETE i");
  auto d = nlohmann::json::parse(Query(
      db,
      "MATCH (d:Demand) WHERE d.text STARTS WITH 'lift the sanctions' SET d.quad_class = 3, "
      "d.goldstein = -5.5, d.event_date = date('2026-03-13'), d.plover_type = 'DEMAND' CREATE "
      "(p:Place {id: 'tehran', name: 'Tehran', kind: 'city', country: 'IR', region: 'IR-23', lat: "
      "35.6944, lon: 51.4215, feature_id: '112931'}) CREATE (d)-[:IN]->(p) RETURN id(d) AS id"));
  auto s = nlohmann::json::parse(
      Query(db,
            "MATCH (:Actor {id: 'ali_khamenei'})-[r:SANCTIONS]->() SET r.quad_class = 4, "
            "r.goldstein = -8, r.event_date = '2025-11' REMOVE r.place RETURN id(r) AS id"));
  *demand = std::to_string(d["id"].get<int64_t>());
  *stance = std::to_string(s["id"].get<int64_t>());
  return db;
}

// Runs check_gdelt.py on the store's export against the stored events and `parley demands`.
void CheckAgainstStore(const test::TempDir& tmp, const std::string& db) {
  test::WriteFile(tmp / "events.tsv", ExportText(db, "gdelt"));
  test::WriteFile(
      tmp / "nodes.jsonl",
      Query(db,
            "MATCH (d) WHERE d:Demand OR d:Event OPTIONAL MATCH (s:Actor)-[:DEMANDS|PERFORMS]->(d) "
            "WITH d, s ORDER BY id(s) WITH d, collect(s)[0] AS s OPTIONAL MATCH "
            "(d)-[:OF|TARGETS]->(t:Actor) WITH d, s, t ORDER BY "
            "id(t) WITH d, s, collect(t)[0] AS t OPTIONAL MATCH (d)-[:REPORTED_IN]->(x:Article) "
            "WITH d, s, t, collect(x.id) AS articles OPTIONAL MATCH (d)-[:IN]->(p:Place) WITH d, "
            "s, t, articles, p ORDER BY id(p) WITH d, s, t, articles, collect(p)[0] AS p RETURN "
            "id(d) AS id, labels(d) AS labels, properties(d) AS props, properties(s) AS src, "
            "properties(t) AS dst, articles, properties(p) AS place"));
  test::WriteFile(tmp / "stances.jsonl",
                  Query(db,
                        "MATCH (a:Actor)-[r]->(b) WHERE NOT type(r) IN ['DEMANDS', 'PERFORMS', "
                        "'HOLDS_ROLE'] "
                        "OPTIONAL MATCH (p:Place) WHERE p.id = r.place RETURN id(r) AS id, "
                        "type(r) AS type, properties(r) AS props, properties(a) AS src, "
                        "properties(b) AS dst, labels(b) AS dstlabels, properties(p) AS place"));
  auto t = RunParley({"demands", "--db", db, "--timeline", "--format", "jsonl"});
  REQUIRE(t.exit_code == 0);
  test::WriteFile(tmp / "timeline.jsonl", t.out);
  std::string report = tmp / "check.txt";
  int rc =
      std::system(("/usr/bin/python3 '" + kTools + "/check_gdelt.py' '" + (tmp / "events.tsv") +
                   "' '" + (tmp / "nodes.jsonl") + "' '" + (tmp / "stances.jsonl") + "' '" +
                   (tmp / "timeline.jsonl") + "' >'" + report + "' 2>&1")
                      .c_str());
  INFO(test::ReadFileText(report));
  CHECK(rc == 0);
}

}  // namespace

TEST_CASE("the GDELT export: 61 fields a line, each column as stored, sources as demands counts",
          "[export][events]") {
  test::TempDir tmp;
  std::string demand, stance;
  std::string db = CodedSampleStore(tmp, &demand, &stance);
  CheckAgainstStore(tmp, db);

  // The coded, dated and placed demand, column by column, with values written out here.
  std::string tsv = ExportText(db, "gdelt");
  auto d = LineWith(tsv, 0, demand);
  REQUIRE(d.size() == 61);
  CHECK(d[1] == "20260313");
  CHECK(d[2] == "202603");
  CHECK(d[3] == "2026");
  CHECK(d[4] == "2026.1973");  // 72 days of 365
  CHECK(d[5] == "IRNGOV");     // a person holding a government role in Iran
  CHECK(d[6] == "Ali Khamenei");
  CHECK(d[7] == "IRN");
  CHECK(d[12] == "GOV");
  CHECK(d[15] == "USA");
  CHECK(d[16] == "United States");
  CHECK(d[17] == "USA");
  CHECK(d[25] == "0");  // stated in the third paragraph, not the lead
  CHECK(d[29] == "3");
  CHECK(d[30] == "-5.5");
  // Reported by the article and its wire copy: two articles, and two sources as demands says.
  auto by = nlohmann::json::parse(
      RunParley({"demands", "--db", db, "--by", "Khamenei", "--format", "json"}).out);
  bool found = false;
  // Columns: source, demand, target, about, sources, reports, date, quote.
  for (const auto& row : by["rows"]) {
    if (row[1].get<std::string>().rfind("lift the sanctions", 0) != 0) continue;
    found = true;
    CHECK(d[32] == std::to_string(row[4].get<int64_t>()));
    CHECK(d[33] == std::to_string(row[5].get<int64_t>()));
  }
  CHECK(found);
  CHECK(d[31] == d[33]);
  CHECK(d[51] == "4");  // a city outside the US
  CHECK(d[52] == "Tehran");
  CHECK(d[53] == "IR");
  CHECK(d[54] == "IR-23");
  CHECK(d[56] == "35.6944");
  CHECK(d[57] == "51.4215");
  CHECK(d[58] == "112931");
  CHECK(d[59] == "20260314000000");  // the report's date
  // SOURCEURL: the article's id, its path (relative to the folder ingest ran in where it lies
  // inside it, else absolute).
  auto article = nlohmann::json::parse(
      Query(db, "MATCH (x:Article) WHERE x.id ENDS WITH 'iran-us-talks.txt' RETURN x.id AS id"));
  CHECK(d[60] == article["id"].get<std::string>());
  CHECK_THAT(d[60], Catch::EndsWith("samples/iran-us-talks.txt"));

  // The stance: a relationship to a policy, dated to a month only.
  auto s = LineWith(tsv, 0, stance);
  REQUIRE(s.size() == 61);
  CHECK(s[1].empty());
  CHECK(s[2] == "202511");
  CHECK(s[3] == "2025");
  CHECK(s[4].empty());
  CHECK(s[5] == "IRNGOV");
  CHECK(s[15].empty());  // the target is a policy, not an actor: a name and no code
  CHECK_FALSE(s[16].empty());
  CHECK(s[28] == "16");
  CHECK(s[29] == "4");
  CHECK(s[30] == "-8");
  for (size_t k = 51; k <= 58; ++k) CHECK(s[k].empty());
}

TEST_CASE("the GDELT export of an article written to attack it keeps 61 fields a line",
          "[export][events]") {
  test::TempDir tmp;
  std::string dir = std::string(PARLEY_TEST_DATA) + "/hostile";
  auto r = RunParley(
      {"ingest", "--db", tmp / "db", "--actors", dir + "/actors.json", dir + "/article.txt"});
  REQUIRE(r.exit_code == 0);
  // Names with quotes, markup and control characters stay inside their fields.
  CheckAgainstStore(tmp, tmp / "db");
  auto p = RunParley({"export", "--db", tmp / "db", "--format", "plover"});
  REQUIRE(p.exit_code == 0);
  std::istringstream in(p.out);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    CHECK(nlohmann::json::accept(line));
  }
  CHECK(lines > 0);
}

TEST_CASE("the PLOVER export: one JSON line per event with its codes, dates, actors and place",
          "[export][events]") {
  test::TempDir tmp;
  std::string demand, stance;
  std::string db = CodedSampleStore(tmp, &demand, &stance);
  std::string gdelt = ExportText(db, "gdelt");
  std::string text = ExportText(db, "plover");
  std::istringstream in(text);
  int lines = 0;
  nlohmann::json d, s;
  for (std::string line; std::getline(in, line); ++lines) {
    auto j = nlohmann::json::parse(line);
    if (j["event_id"] == demand) d = j;
    if (j["event_id"] == stance) s = j;
  }
  // As many events as the GDELT table has.
  CHECK(lines == std::count(gdelt.begin(), gdelt.end(), '\n'));
  REQUIRE(d.is_object());
  CHECK(d["event_type"] == "DEMAND");
  CHECK(d["quad_class"] == 3);
  CHECK(d["goldstein"] == -5.5);
  CHECK(d["event_date"] == "2026-03-13");
  CHECK(d["story_date"] == "2026-03-14");
  CHECK(d["actor"]["name"] == "Ali Khamenei");
  CHECK(d["actor"]["code"] == "IRNGOV");
  CHECK(d["recipient"]["id"] == "USA");
  CHECK(d["location"]["name"] == "Tehran");
  CHECK(d["location"]["precision"] == "city");
  CHECK(d["location"]["lat"] == 35.6944);
  CHECK(d["num_articles"] == 2);
  CHECK(d["num_sources"] == 2);
  CHECK(d["source_sentence"].get<std::string>().rfind("The Supreme Leader demanded", 0) == 0);
  REQUIRE(s.is_object());
  CHECK(s["relation"] == "SANCTIONS");
  CHECK(s["event_date"] == "2025-11");
  CHECK(s["recipient"]["kind"] == "policy");
  CHECK(s["location"].is_null());
}

}  // namespace parley

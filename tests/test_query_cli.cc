// `parley query` as users run it: output formats, parameters, query files, exit codes and
// one-line errors with a caret, reading while another process writes, and the mission's
// question asked in Cypher of the ingested sample articles.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

// A store with three actors and two demands, made through `parley query` itself.
std::string MakeGraph(const test::TempDir& tmp) {
  std::string db = tmp / "db";
  auto r = RunParley({"query", "--db", db,
                      "CREATE (k:Actor {name: 'Ali Khamenei'})-[:DEMANDS]->(d:Demand {text: 'lift "
                      "sanctions'})-[:OF]->(u:Actor {name: 'United States'}), "
                      "(k)-[:DEMANDS]->(:Demand {text: 'return to the deal'})-[:OF]->(u), "
                      "(:Actor {name: 'Oman'})"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("query prints json, jsonl, csv and table", "[query][cli]") {
  test::TempDir tmp;
  std::string db = MakeGraph(tmp);
  const std::string q =
      "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) RETURN a.name, d.text, b.name "
      "ORDER BY d.text";
  auto json = RunParley({"query", "--db", db, "--format", "json", q});
  REQUIRE(json.exit_code == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["columns"] == nlohmann::json({"a.name", "d.text", "b.name"}));
  REQUIRE(j["rows"].size() == 2);
  CHECK(j["rows"][0] == nlohmann::json({"Ali Khamenei", "lift sanctions", "United States"}));

  auto jsonl = RunParley({"query", "--db", db, "--format", "jsonl", q});
  REQUIRE(jsonl.exit_code == 0);
  CHECK(jsonl.out ==
        "{\"a.name\":\"Ali Khamenei\",\"d.text\":\"lift sanctions\",\"b.name\":\"United States\"}\n"
        "{\"a.name\":\"Ali Khamenei\",\"d.text\":\"return to the deal\",\"b.name\":\"United "
        "States\"}\n");

  auto csv = RunParley({"query", "--db", db, "--format", "csv", q});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("a.name,d.text,b.name\r\n", 0) == 0);  // RFC 4180 line ends

  auto table = RunParley({"query", "--db", db, "--format", "table", q});
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::Contains("Ali Khamenei") && Catch::Contains("return to the deal"));

  // Nodes print by the JSON contract.
  auto node = RunParley(
      {"query", "--db", db, "--format", "json", "MATCH (o:Actor {name: 'Oman'}) RETURN o"});
  REQUIRE(node.exit_code == 0);
  auto n = nlohmann::json::parse(node.out)["rows"][0][0];
  CHECK(n["$type"] == "node");
  CHECK(n["labels"] == nlohmann::json({"Actor"}));
  CHECK(n["properties"]["name"] == "Oman");
  CHECK(n["id"].is_number_integer());
}

TEST_CASE("query takes --params, -f files and stdin", "[query][cli]") {
  test::TempDir tmp;
  std::string db = MakeGraph(tmp);
  auto r = RunParley({"query", "--db", db, "--format", "jsonl", "--params", "{\"who\": \"Oman\"}",
                      "MATCH (a:Actor {name: $who}) RETURN a.name AS name"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "{\"name\":\"Oman\"}\n");

  test::WriteFile(tmp / "q.cypher",
                  "// two statements\nMATCH (a:Actor) RETURN count(*) AS actors;\n"
                  "MATCH (d:Demand) WHERE d.text CONTAINS ';' RETURN count(*) AS odd;\n");
  r = RunParley({"query", "--db", db, "--format", "jsonl", "-f", tmp / "q.cypher"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "{\"actors\":3}\n{\"odd\":0}\n");

  r = RunParley({"query", "--db", db, "--format", "jsonl"},
                "MATCH (d:Demand) RETURN count(d) AS n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "{\"n\":2}\n");

  r = RunParley({"query", "--db", db, "--params", "{not json", "RETURN 1"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("--params"));
}

TEST_CASE("query errors: one message with line, column and caret, exit 1, nothing written",
          "[query][cli][errors]") {
  test::TempDir tmp;
  std::string db = MakeGraph(tmp);
  auto r = RunParley({"query", "--db", db, "MATCH (n)\nRETURN cout(n)"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("Unknown function 'cout' at 2:8"));
  CHECK_THAT(r.err, Catch::Contains("RETURN cout(n)\n         ^"));

  r = RunParley({"query", "--db", db, "MATCH (n) RETRUN n"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("1:11"));

  // A CREATE that fails on its second row writes nothing at all.
  r = RunParley({"query", "--db", db, "UNWIND [1, 0] AS x CREATE (:Bad {v: 1 / x})"});
  CHECK(r.exit_code == 1);
  auto count =
      RunParley({"query", "--db", db, "--format", "jsonl", "MATCH (n) RETURN count(n) AS n"});
  CHECK(count.out == "{\"n\":5}\n");

  // Temporal values are stored whole: written by one process, read back by the next, equal to
  // what was written and ordered in time (not as text: '+10000-01-01' sorts last).
  r = RunParley(
      {"query", "--db", db,
       "CREATE (:Dated {d: date('2020-01-02'), at: datetime('2031-03-30T02:30:00.000000001"
       "[Europe/Paris]'), span: duration('P1Y2M3DT4.5S'), times: [localtime('07:15'), "
       "time('23:59:59.5-03:30')]}), (:Dated {d: date('+10000-01-01')}), "
       "(:Dated {d: date('1999-12-31')})"});
  CHECK(r.exit_code == 0);
  INFO(r.err);
  auto back = RunParley({"query", "--db", db, "--format", "jsonl",
                         "MATCH (n:Dated) WHERE n.at IS NOT NULL RETURN n.d = date('2020-01-02') "
                         "AS same, n.at AS at, "
                         "n.at.nanosecond AS ns, n.span.days AS days, n.times AS times"});
  CHECK(back.out ==
        "{\"same\":true,\"at\":\"2031-03-30T03:30:00.000000001+02:00[Europe/Paris]\","
        "\"ns\":1,\"days\":3,\"times\":[\"07:15\",\"23:59:59.500-03:30\"]}\n");
  auto ordered = RunParley({"query", "--db", db, "--format", "jsonl",
                            "MATCH (n:Dated) RETURN toString(n.d) AS d ORDER BY n.d"});
  CHECK(ordered.out ==
        "{\"d\":\"1999-12-31\"}\n{\"d\":\"2020-01-02\"}\n{\"d\":\"+10000-01-01\"}\n");
  // A missing database is an empty graph (openCypher: MATCH on nothing has no rows), with a
  // note for a mistyped --db.
  r = RunParley(
      {"query", "--db", tmp / "missing", "--format", "jsonl", "MATCH (n) RETURN count(n) AS n"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"n\":0}\n");
  CHECK_THAT(r.err, Catch::Contains("no database"));
  CHECK(!std::filesystem::exists(tmp / "missing"));

  r = RunParley({"query", "--db", db, "--format", "yaml", "RETURN 1"});
  CHECK(r.exit_code != 0);
}

TEST_CASE("a query reads while another process holds the store for writing", "[query][cli]") {
  test::TempDir tmp;
  std::string db = MakeGraph(tmp);
  auto writer = test::OpenTestStore(db);  // holds RocksDB's lock, as an ingest would
  auto r =
      RunParley({"query", "--db", db, "--format", "jsonl", "MATCH (a:Actor) RETURN count(*) AS n"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"n\":3}\n");
  // A query that writes needs the lock and says so.
  r = RunParley({"query", "--db", db, "CREATE (:X)"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("the sample articles answer who demands what of whom in Cypher", "[query][cli][e2e]") {
  test::TempDir tmp;
  std::string db = tmp / "samples.db";
  auto ingest = RunParley({"ingest", "--db", db, PARLEY_SAMPLES});
  INFO(ingest.err);
  REQUIRE(ingest.exit_code == 0);
  auto r = RunParley({"query", "--db", db, "--format", "json",
                      "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) "
                      "WHERE a.name CONTAINS 'Khamenei' AND b.name = 'United States' "
                      "RETURN a.name, d.text, b.name ORDER BY d.text"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto rows = nlohmann::json::parse(r.out)["rows"];
  std::string texts;
  for (const auto& row : rows) texts += row[1].get<std::string>() + "\n";
  CHECK_THAT(texts, Catch::Contains("lift") && Catch::Contains("sanctions"));
  CHECK_THAT(texts, Catch::Contains("nuclear deal"));
  // The policies a demand concerns, and the sentence that states it.
  r = RunParley({"query", "--db", db, "--format", "json",
                 "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:ABOUT]->(p:Policy), "
                 "(d)-[rep:REPORTED_IN]->(x:Article) WHERE a.name CONTAINS 'Khamenei' "
                 "RETURN DISTINCT p.name, rep.quote IS NOT NULL AS quoted"});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["rows"].size() >= 2);
  // The same question through `parley demands`.
  auto d = RunParley(
      {"demands", "--db", db, "--by", "Khamenei", "--of", "United States", "--format", "jsonl"});
  REQUIRE(d.exit_code == 0);
  CHECK_THAT(d.out, Catch::Contains("sanctions") && Catch::Contains("\"sources\":"));
}

}  // namespace parley

namespace parley {

// The prompt needs a terminal: util-linux `script` gives it one (skipped where it is missing).
TEST_CASE("the prompt runs multi-line statements, switches format and keeps history",
          "[query][cli][repl]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("no `script` command: the prompt is not tested here");
    return;
  }
  test::TempDir tmp;
  test::WriteFile(tmp / "input", "RETURN 1 +\n 1 AS two;\n:format json\nRETURN 'x' AS y;\n:quit\n");
  std::string cmd = "cd '" + tmp.path() + "' && HOME='" + tmp.path() + "' script -qec \"'" +
                    std::string(PARLEY_BIN) + "' query --db '" + (tmp / "db") +
                    "'\" /dev/null < input > output 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string out = test::ReadFileText(tmp / "output");
  CHECK_THAT(out, Catch::Contains("two") && Catch::Contains("(1 row)"));
  CHECK_THAT(out, Catch::Contains("{\"columns\":[\"y\"],\"rows\":[[\"x\"]]}"));
  std::string history = test::ReadFileText(tmp / ".parley_history");
  CHECK_THAT(history, Catch::Contains("RETURN 1 +\n 1 AS two;") && Catch::Contains(":format json"));
}

}  // namespace parley

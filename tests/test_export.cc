// parley export: every format carries the whole graph and stays well-formed when the text in
// it is hostile (markup, quotes, CDATA ends, control characters). Python's own XML parser
// reads the GraphML back.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

// A graph whose names and texts are untrusted article text.
std::string HostileGraph(const test::TempDir& tmp) {
  std::string db = tmp / "db";
  auto r = RunParley(
      {"query", "--db", db,
       "CREATE (a:Actor {name: '<script>alert(1)</script>', kind: 'person', n: 3})"
       "-[:DEMANDS {confidence: 0.75, quote: 'He said \"stop\" ]]> & left\\u0001\\u0007'}]->"
       "(d:Demand {text: 'lift \\'sanctions\\'\\nnow', date: '2026-01-02'})"
       "-[:OF]->(b:Actor {name: 'A \\\\ B', aliases: ['x\\u0000y', 'z']})"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

// Parses `file` with rapper as `syntax` and checks the triple count (warns if rapper is
// missing).
void CheckRapper(const test::TempDir& tmp, const std::string& file, const char* syntax,
                 int triples) {
  if (std::system("command -v rapper >/dev/null 2>&1") != 0) {
    WARN("rapper missing: " << syntax << " not parsed");
    return;
  }
  std::string parse = std::string("rapper -i ") + syntax + " -c 'file://" + file + "' 2>'" +
                      (tmp / "rapper.txt") + "'";
  CHECK(std::system(parse.c_str()) == 0);
  CHECK_THAT(test::ReadFileText(tmp / "rapper.txt"),
             Catch::Contains("returned " + std::to_string(triples) + " triples"));
}

}  // namespace

TEST_CASE("GraphML export is well-formed XML with every node and edge", "[export]") {
  test::TempDir tmp;
  std::string db = HostileGraph(tmp);
  auto r = RunParley({"export", "--db", db, "--format", "graphml", "-o", tmp / "g.graphml"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string check =
      "python3 -c \"import xml.etree.ElementTree as ET,sys; "
      "t=ET.parse(sys.argv[1]); ns={'g':'http://graphml.graphdrawing.org/xmlns'}; "
      "n=t.findall('.//g:node',ns); e=t.findall('.//g:edge',ns); "
      "names=[d.text for d in t.iter('{http://graphml.graphdrawing.org/xmlns}data')]; "
      "sys.exit(0 if len(n)==3 and len(e)==2 and '<script>alert(1)</script>' in names "
      "else 1)\" '" +
      (tmp / "g.graphml") + "'";
  CHECK(std::system(check.c_str()) == 0);
  std::string xml = test::ReadFileText(tmp / "g.graphml");
  CHECK_THAT(xml, Catch::Contains("attr.name=\"confidence\" attr.type=\"double\""));
  CHECK_THAT(xml, Catch::Contains("attr.name=\"n\" attr.type=\"long\""));
  CHECK_THAT(xml, !Catch::Contains("<script>"));
  CHECK(xml.find('\x01') == std::string::npos);
}

TEST_CASE("DOT and N-Triples exports escape hostile text", "[export]") {
  test::TempDir tmp;
  std::string db = HostileGraph(tmp);
  auto dot = RunParley({"export", "--db", db, "--format", "dot"});
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.rfind("digraph parley {", 0) == 0);
  CHECK(std::count(dot.out.begin(), dot.out.end(), '\n') == 2 + 3 + 2 + 1);
  CHECK_THAT(dot.out, Catch::Contains("\\\"stop\\\"") && Catch::Contains("A \\\\ B"));
  CHECK(dot.out.find('\x01') == std::string::npos);

  auto nt = RunParley({"export", "--db", db, "--format", "ntriples"});
  REQUIRE(nt.exit_code == 0);
  // Every line is one triple: <iri> <iri> (<iri> | "literal"[^^<iri>]) .
  std::regex triple(
      R"(^<[^<>"\s]+> <[^<>"\s]+> (<[^<>"\s]+>|"([^"\\]|\\.)*"(\^\^<[^<>"\s]+>)?) \.$)");
  std::istringstream lines(nt.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(std::regex_match(line, triple));
    ++count;
  }
  // 3 nodes: 3 type triples, 3 + 2 + 3 property triples (aliases: one per item);
  // 2 relationships: 4 triples each, plus 2 properties on DEMANDS.
  CHECK(count == 3 + 8 + 8 + 2);
  CHECK_THAT(nt.out, Catch::Contains("\\u0001"));
}

TEST_CASE("export writes its file only when complete, and refuses bad arguments", "[export]") {
  test::TempDir tmp;
  std::string db = HostileGraph(tmp);
  auto r = RunParley({"export", "--db", db, "--format", "svg"});
  CHECK(r.exit_code == 2);
  r = RunParley({"export", "--db", db});
  CHECK(r.exit_code == 2);
  r = RunParley({"export", "--db", tmp / "nowhere", "--format", "dot", "-o", tmp / "x.dot"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(tmp / "x.dot"));
  r = RunParley({"export", "--db", db, "--format", "dot", "-o", tmp / "x.dot"});
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(tmp / "x.dot"));
  CHECK_FALSE(std::filesystem::exists(tmp / "x.dot.partial"));
}

}  // namespace parley

namespace parley {

TEST_CASE("neo4j-csv writes admin-import headers with typed columns and one row per element",
          "[export]") {
  test::TempDir tmp;
  std::string db = HostileGraph(tmp);
  auto r = RunParley({"export", "--db", db, "--format", "neo4j-csv", "-o", tmp / "neo"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string nodes = test::ReadFileText(tmp / "neo/nodes.csv");
  std::string rels = test::ReadFileText(tmp / "neo/relationships.csv");
  CHECK(nodes.rfind(":ID,:LABEL,aliases:string[],date:string,kind:string,n:long,name:string,"
                    "text:string\n",
                    0) == 0);
  CHECK(rels.rfind(":START_ID,:END_ID,:TYPE,confidence:double,quote:string\n", 0) == 0);
  // Python's csv module reads every row with as many fields as its header.
  std::string check =
      "python3 -c \"import csv,sys; rows=[list(csv.reader(open(f, newline=''))) for f in "
      "sys.argv[1:]]; ok=all(len(r)==len(rs[0]) for rs in rows for r in rs); "
      "sys.exit(0 if ok and len(rows[0])==4 and len(rows[1])==3 else 1)\" '" +
      (tmp / "neo/nodes.csv") + "' '" + (tmp / "neo/relationships.csv") + "'";
  CHECK(std::system(check.c_str()) == 0);
  CHECK_THAT(nodes, Catch::Contains(",xy;z,"));  // list items joined by ';', NUL dropped
  // The folder must be new, and a stream is not a folder.
  CHECK(RunParley({"export", "--db", db, "--format", "neo4j-csv", "-o", tmp / "neo"}).exit_code ==
        1);
  CHECK(RunParley({"export", "--db", db, "--format", "neo4j-csv"}).exit_code == 2);
}

}  // namespace parley

namespace parley {

TEST_CASE("Turtle, Cytoscape.js JSON and plain JSON carry the whole graph", "[export]") {
  test::TempDir tmp;
  std::string db = HostileGraph(tmp);
  for (const char* f : {"turtle", "cytoscape", "json"}) {
    auto r = RunParley({"export", "--db", db, "--format", f, "-o", tmp / (std::string("g.") + f)});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  std::string check =
      "python3 -c \"import json,sys; c=json.load(open(sys.argv[1])); "
      "j=json.load(open(sys.argv[2])); "
      "n=c['elements']['nodes']; e=c['elements']['edges']; "
      "ids={x['data']['id'] for x in n}; "
      "ok=len(n)==3 and len(e)==2 and all(x['data']['source'] in ids and x['data']['target'] in "
      "ids "
      "for x in e) and len(j['nodes'])==3 and len(j['relationships'])==2 and "
      "any(x['data'].get('name')=='<script>alert(1)</script>' for x in n); sys.exit(0 if ok else "
      "1)\" '" +
      (tmp / "g.cytoscape") + "' '" + (tmp / "g.json") + "'";
  CHECK(std::system(check.c_str()) == 0);
  std::string ttl = test::ReadFileText(tmp / "g.turtle");
  CHECK(ttl.rfind("@prefix parley: <https://parley.dev/ns#> .", 0) == 0);
  CheckRapper(tmp, tmp / "g.turtle", "turtle", 21);
}

}  // namespace parley

namespace parley {
namespace {

// The number of elements a JSON export holds: "NODES RELATIONSHIPS".
std::string Sizes(const std::string& json) {
  auto j = nlohmann::json::parse(json);
  return std::to_string(j["nodes"].size()) + " " + std::to_string(j["relationships"].size());
}

// A single number a query returns.
std::string One(const std::string& db, const std::string& query) {
  auto r = RunParley({"query", "--db", db, "--format", "csv", query});
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string header, value;
  std::getline(lines, header);
  std::getline(lines, value);
  if (!value.empty() && value.back() == '\r') value.pop_back();
  return value;
}

}  // namespace

TEST_CASE("export writes a part of the graph: a query's answer, a neighbourhood, recent facts",
          "[export]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  // Two actors dealing in March, one of them earlier with a third; an article reports one.
  auto made =
      RunParley({"query", "--db", db,
                 "CREATE (a:Actor {id: 'AAA', name: 'Aland', aliases: ['Alanders']}),"
                 "(b:Actor {id: 'BBB', name: 'Borduria'}), (c:Actor {id: 'CCC', name: 'Carpania'}),"
                 "(x:Article {title: 'March talks', date: '2026-03-02'}),"
                 "(d:Demand {text: 'open the border', date: '2026-03-01'}),"
                 "(e:Demand {text: 'pay the debt', date: '2026-01-05'}),"
                 "(a)-[:DEMANDS {date: '2026-03-01'}]->(d)-[:OF {date: '2026-03-01'}]->(b),"
                 "(d)-[:REPORTED_IN]->(x),"
                 "(b)-[:DEMANDS {date: '2026-01-05'}]->(e)-[:OF {date: '2026-01-05'}]->(c),"
                 "(a)-[:SUPPORTS {date: '2026-03-03'}]->(b), (b)-[:OPPOSES]->(c)"});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  auto json = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"export", "--db", db, "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = RunParley(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  CHECK(Sizes(json({})) == "6 7");

  SECTION("a query: the nodes, relationships and paths it returns, with the ends of each") {
    CHECK(Sizes(json(
              {"--query", "MATCH p = (:Actor)-[:DEMANDS]->(:Demand)-[:OF]->(:Actor) RETURN p"})) ==
          One(db,
              "MATCH p = (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) "
              "WITH collect(DISTINCT a) + collect(DISTINCT d) + collect(DISTINCT b) AS n "
              "UNWIND n AS x RETURN count(DISTINCT x)") +
              " 4");
    // A relationship brings its ends; nodes alone bring no relationships.
    CHECK(Sizes(json({"--query", "MATCH ()-[r:SUPPORTS]->() RETURN r"})) == "2 1");
    CHECK(Sizes(json({"--query", "MATCH (a:Actor) RETURN a.name, a"})) == "3 0");
    CHECK(Sizes(json({"--query", "MATCH (a:Actor {id: $id}) RETURN a", "--params",
                      "{\"id\": \"CCC\"}"})) == "1 0");
  }
  SECTION("a neighbourhood: nodes within N hops of an actor, and the relationships among them") {
    // One hop from Aland: the March demand and Borduria; the demand's OF and the support and
    // the demand itself join them.
    CHECK(Sizes(json({"--around", "Aland", "--hops", "1"})) == "3 3");
    // Two hops: everything, the article reached from the demand.
    CHECK(Sizes(json({"--around", "alanders", "--hops", "2"})) == "6 7");
    CHECK(Sizes(json({"--around", "AAA", "--hops", "0"})) == "1 0");
  }
  SECTION("recent facts: what is dated on or after the day, and the undated facts among them") {
    // The January demand goes with its DEMANDS and OF; Carpania stays through the undated
    // OPPOSES.
    CHECK(Sizes(json({"--since", "2026-03-01"})) == "5 5");
    // Only the support and the undated opposition are left, and the three actors they join.
    CHECK(Sizes(json({"--since", "2026-03-03"})) == "3 2");
    CHECK(Sizes(json({"--around", "Aland", "--hops", "1", "--since", "2026-03-02"})) == "2 1");
  }
  SECTION("bad choices are refused with one line") {
    auto r = RunParley({"export", "--db", db, "--format", "json", "--around", "Narnia"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("unknown actor 'Narnia'"));
    r = RunParley({"export", "--db", db, "--format", "json", "--around", "an"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("actor 'an' is ambiguous: AAA (Aland), CCC (Carpania)"));
    CHECK(RunParley({"export", "--db", db, "--format", "json", "--hops", "2"}).exit_code == 2);
    CHECK(RunParley({"export", "--db", db, "--format", "json", "--around", "AAA", "--hops", "x"})
              .exit_code == 2);
    CHECK(RunParley({"export", "--db", db, "--format", "json", "--since", "March"}).exit_code == 2);
    CHECK(
        RunParley({"export", "--db", db, "--format", "json", "--query", "CREATE (n)"}).exit_code ==
        2);
    r = RunParley({"export", "--db", db, "--format", "json", "--query", "MATCH (n) RETRN n"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("1:11"));
    CHECK(RunParley({"export", "--db", db, "--format", "json", "--query", "MATCH (n) RETURN n",
                     "--around", "AAA"})
              .exit_code == 2);
  }
}

}  // namespace parley

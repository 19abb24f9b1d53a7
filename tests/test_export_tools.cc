// The exports as the tools analysts use read them: networkx (GraphML, GEXF), Graphviz (DOT),
// rapper (N-Triples, Turtle), Cytoscape.js in Node, Python's csv module (Neo4j CSV) and
// headless Chromium (the HTML view). Run on the sample articles and on an article written to
// attack the exports (tests/data/hostile). The set-up installs every tool; where one is
// missing its check is skipped with a warning.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

const std::string kTools = std::string(PARLEY_TEST_DATA) + "/../tools";
const std::string kCytoscape = std::string(PARLEY_DATA_DIR) + "/view/node_modules/cytoscape";

bool Have(const std::string& probe) {
  return std::system((probe + " >/dev/null 2>&1").c_str()) == 0;
}

// Runs a shell command, its output to `out` (a file in the test's folder); true on exit 0.
bool Run(const std::string& command, const std::string& out) {
  return std::system((command + " >'" + out + "' 2>&1").c_str()) == 0;
}

std::string Ingest(const test::TempDir& tmp, const std::vector<std::string>& extra) {
  std::string db = tmp / "db";
  std::vector<std::string> args = {"ingest", "--db", db};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = RunParley(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

std::string SampleStore(const test::TempDir& tmp) {
  return Ingest(tmp, {PARLEY_SAMPLES});
}

std::string HostileStore(const test::TempDir& tmp) {
  std::string dir = std::string(PARLEY_TEST_DATA) + "/hostile";
  return Ingest(tmp, {"--actors", dir + "/actors.json", dir + "/article.txt"});
}

// The store's count of nodes or relationships, from `parley stats`.
int Count(const std::string& db, const std::string& what) {
  auto r = RunParley({"stats", "--db", db, "--format", "csv"});
  REQUIRE(r.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("total," + what + ",([0-9]+)")));
  return std::stoi(m[1]);
}

// Writes the store's nodes and relationships as the query engine reads them, for
// compare_graph.py.
void DumpStore(const test::TempDir& tmp, const std::string& db) {
  auto nodes =
      RunParley({"query", "--db", db, "--format", "jsonl",
                 "MATCH (n) RETURN id(n) AS id, labels(n) AS labels, properties(n) AS props"});
  auto rels = RunParley({"query", "--db", db, "--format", "jsonl",
                         "MATCH (a)-[r]->(b) RETURN id(r) AS id, type(r) AS type, id(a) AS src, "
                         "id(b) AS dst, properties(r) AS props"});
  REQUIRE(nodes.exit_code == 0);
  REQUIRE(rels.exit_code == 0);
  test::WriteFile(tmp / "nodes.jsonl", nodes.out);
  test::WriteFile(tmp / "rels.jsonl", rels.out);
}

void Export(const std::string& db, const std::string& format, const std::string& path) {
  auto r = RunParley({"export", "--db", db, "--format", format, "-o", path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// networkx reads the GraphML and GEXF exports with every node, edge and attribute the store has.
void CheckNetworkx(const test::TempDir& tmp, const std::string& db) {
  if (!Have("/usr/bin/python3 -c 'import networkx'")) {
    WARN("networkx missing: GraphML and GEXF not read by it");
    return;
  }
  DumpStore(tmp, db);
  for (const char* format : {"graphml", "gexf"}) {
    std::string file = tmp / (std::string("g.") + format);
    Export(db, format, file);
    std::string report = tmp / "networkx.txt";
    bool ok = Run("/usr/bin/python3 '" + kTools + "/compare_graph.py' " + format + " '" + file +
                      "' '" + (tmp / "nodes.jsonl") + "' '" + (tmp / "rels.jsonl") + "'",
                  report);
    INFO(format << ": " << test::ReadFileText(report));
    CHECK(ok);
  }
}

// Cytoscape.js, in Node, loads the cytoscape export: as many nodes and edges as the store.
void CheckCytoscapeJs(const test::TempDir& tmp, const std::string& db) {
  if (!Have("command -v node") || !std::filesystem::exists(kCytoscape)) {
    WARN("Node.js or Cytoscape.js missing (scripts/install-deps.sh installs them)");
    return;
  }
  std::string file = tmp / "g.cyjs";
  Export(db, "cytoscape", file);
  std::string out = tmp / "cy.txt";
  bool ok = Run("node '" + kTools + "/cytoscape_load.js' '" + kCytoscape + "' '" + file + "'", out);
  std::string text = test::ReadFileText(out);
  INFO(text);
  REQUIRE(ok);
  CHECK(text.rfind(std::to_string(Count(db, "nodes")) + " " +
                       std::to_string(Count(db, "relationships")) + "\n",
                   0) == 0);
}

void CheckGraphvizAndRapper(const test::TempDir& tmp, const std::string& db) {
  Export(db, "dot", tmp / "g.dot");
  if (Have("command -v dot")) {
    CHECK(Run("dot -Tsvg '" + (tmp / "g.dot") + "' -o '" + (tmp / "g.svg") + "'", tmp / "dot.txt"));
    CHECK_THAT(test::ReadFileText(tmp / "g.svg"), Catch::Contains("<svg"));
  } else {
    WARN("Graphviz missing: DOT not rendered");
  }
  if (!Have("command -v rapper")) {
    WARN("rapper missing: RDF not parsed");
    return;
  }
  // The same triples in both syntaxes: as many as N-Triples has lines.
  Export(db, "ntriples", tmp / "g.nt");
  Export(db, "turtle", tmp / "g.ttl");
  std::string nt = test::ReadFileText(tmp / "g.nt");
  size_t triples = std::count(nt.begin(), nt.end(), '\n');
  for (auto [file, syntax] : {std::pair{"g.nt", "ntriples"}, std::pair{"g.ttl", "turtle"}}) {
    std::string report = tmp / "rapper.txt";
    CHECK(Run(std::string("rapper -i ") + syntax + " -c 'file://" + (tmp / file) + "'", report));
    CHECK_THAT(test::ReadFileText(report),
               Catch::Contains("returned " + std::to_string(triples) + " triples"));
  }
}

void CheckNeo4jCsv(const test::TempDir& tmp, const std::string& db) {
  Export(db, "neo4j-csv", tmp / "neo");
  // Every row has as many fields as its header, and there is a row per element.
  std::string check =
      "python3 -c \"import csv,sys; rows=[list(csv.reader(open(f, newline='', encoding='utf-8'))) "
      "for f in sys.argv[1:3]]; ok=all(len(r)==len(rs[0]) for rs in rows for r in rs); "
      "sys.exit(0 if ok and len(rows[0])-1==int(sys.argv[3]) and len(rows[1])-1==int(sys.argv[4]) "
      "else 1)\" '" +
      (tmp / "neo/nodes.csv") + "' '" + (tmp / "neo/relationships.csv") + "' " +
      std::to_string(Count(db, "nodes")) + " " + std::to_string(Count(db, "relationships"));
  CHECK(std::system(check.c_str()) == 0);
}

// Headless Chromium with the flags the view is checked with; `what` is --dump-dom or
// --screenshot=PATH. Its output goes to `out`.
bool Chromium(const test::TempDir& tmp, const std::string& page, const std::string& what,
              const std::string& out) {
  std::string profile = tmp / ("chromium-profile-" + std::to_string(std::rand()));
  return Run(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir='" +
          profile + "' --window-size=1200,800 --virtual-time-budget=10000 " + what + " 'file://" +
          page + "' 2>/dev/null",
      out);
}

std::string BodyAttribute(const std::string& dom, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(dom, m, std::regex("<body[^>]* " + name + "=\"([^\"]*)\""))) return "";
  return m[1];
}

}  // namespace

TEST_CASE("networkx, Graphviz, rapper, Cytoscape.js and csv read the sample graph's exports",
          "[export][tools]") {
  test::TempDir tmp;
  std::string db = SampleStore(tmp);
  REQUIRE(Count(db, "nodes") > 50);
  CheckNetworkx(tmp, db);
  CheckGraphvizAndRapper(tmp, db);
  CheckCytoscapeJs(tmp, db);
  CheckNeo4jCsv(tmp, db);
}

TEST_CASE("the HTML view draws the sample graph in Chromium", "[export][tools][html]") {
  if (!Have("command -v chromium")) {
    WARN("chromium missing: the HTML view is not opened");
    return;
  }
  test::TempDir tmp;
  std::string db = SampleStore(tmp);
  std::string page = tmp / "view.html";
  Export(db, "html", page);
  // Self-contained: nothing is loaded from elsewhere.
  std::string html = test::ReadFileText(page);
  CHECK_THAT(html, !Catch::Contains("src=\"http") && !Catch::Contains("href=\"http"));

  REQUIRE(Chromium(tmp, page, "--dump-dom", tmp / "dom.html"));
  std::string dom = test::ReadFileText(tmp / "dom.html");
  CHECK(BodyAttribute(dom, "data-ready") == "true");
  CHECK(BodyAttribute(dom, "data-node-count") == std::to_string(Count(db, "nodes")));
  CHECK(BodyAttribute(dom, "data-rendered-nodes") == std::to_string(Count(db, "nodes")));
  CHECK(BodyAttribute(dom, "data-edge-count") == std::to_string(Count(db, "relationships")));
  CHECK_FALSE(BodyAttribute(dom, "data-map-places").empty());
  // The demands are listed as sentences.
  CHECK_THAT(dom, Catch::Contains("Ali Khamenei demands"));

  // The screenshot shows nodes: pixels of the actor and demand colours in the drawing area
  // (left of the side panel), where the view of an empty graph has none. The count depends
  // on the zoom the layout fits the graph to (the map below takes half the height), so the
  // bound is that of a few dozen nodes, not of all of them.
  auto coloured = [&](const std::string& shot) {
    std::string counts = tmp / "counts.txt";
    REQUIRE(Run("/usr/bin/python3 '" + kTools + "/png_colours.py' '" + shot +
                    "' --box 0,60,700,800 '#1f77b4' '#d62728' '#2ca02c' '#ff7f0e'",
                counts));
    int total = 0;
    std::istringstream in(test::ReadFileText(counts));
    for (int n; in >> n;) total += n;
    return total;
  };
  REQUIRE(Chromium(tmp, page, "--screenshot=" + (tmp / "shot.png"), tmp / "shot.txt"));
  CHECK(coloured(tmp / "shot.png") > 500);
  test::TempDir empty;
  auto made = RunParley({"query", "--db", empty / "db", "CREATE (:Note {text: 'empty'})"});
  REQUIRE(made.exit_code == 0);
  Export(empty / "db", "html", empty / "view.html");
  REQUIRE(Chromium(empty, empty / "view.html", "--screenshot=" + (empty / "shot.png"),
                   empty / "shot.txt"));
  CHECK(coloured(empty / "shot.png") == 0);
}

TEST_CASE("the HTML view puts events with coordinates on a map of country outlines",
          "[export][tools][html]") {
  if (!Have("command -v chromium")) {
    WARN("chromium missing: the HTML view is not opened");
    return;
  }
  test::TempDir tmp;
  std::string db = SampleStore(tmp);
  // The places the datelines gave are dropped; then a demand placed in Tehran through
  // (:Place) and IN, a stance through its `place`, and a demand placed in Kyiv: two places,
  // three events.
  for (const char* q :
       {"MATCH ()-[i:IN]->() DELETE i", "MATCH ()-[r]->() WHERE r.place IS NOT NULL REMOVE r.place",
        "MATCH (d:Demand) WHERE d.text STARTS WITH 'lift the sanctions' CREATE (p:Place {id: "
        "'tehran', name: 'Tehran', kind: 'city', country: 'IR', lat: 35.69, lon: 51.42}) CREATE "
        "(d)-[:IN]->(p)",
        "MATCH ()-[r:SANCTIONS]->() SET r.place = 'tehran'",
        "MATCH (d:Demand) WHERE d.text STARTS WITH 'supply additional air defense' CREATE (p:Place "
        "{id: 'kyiv', name: 'Kyiv', kind: 'city', country: 'UA', lat: 50.45, lon: 30.52}) CREATE "
        "(d)-[:IN]->(p)"}) {
    auto r = RunParley({"query", "--db", db, q});
    INFO(q << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
  }
  std::string page = tmp / "view.html";
  Export(db, "html", page);
  std::string html = test::ReadFileText(page);
  CHECK_THAT(html, !Catch::Contains("src=\"http") && !Catch::Contains("href=\"http"));
  REQUIRE(Chromium(tmp, page, "--dump-dom", tmp / "dom.html"));
  std::string dom = test::ReadFileText(tmp / "dom.html");
  CHECK(BodyAttribute(dom, "data-ready") == "true");
  CHECK(BodyAttribute(dom, "data-map-places") == "2");
  CHECK(BodyAttribute(dom, "data-map-events") == "3");
  // Natural Earth's 1:110m countries: about 175 outlines drawn.
  CHECK(std::stoi("0" + BodyAttribute(dom, "data-map-countries")) > 150);
  CHECK_THAT(dom,
             Catch::Contains("Tehran \u00b7 2 events") || Catch::Contains("Tehran · 2 events"));
  // The screenshot: land and the places' dots in the map's area (the lower part of the
  // drawing, left of the side panel).
  REQUIRE(Chromium(tmp, page, "--screenshot=" + (tmp / "shot.png"), tmp / "shot.txt"));
  std::string counts = tmp / "counts.txt";
  REQUIRE(Run("/usr/bin/python3 '" + kTools + "/png_colours.py' '" + (tmp / "shot.png") +
                  "' --box 0,450,780,800 '#e8e4d8' '#c51b8a'",
              counts));
  std::istringstream in(test::ReadFileText(counts));
  int land = 0, dots = 0;
  in >> land >> dots;
  CHECK(land > 20000);
  CHECK(dots > 50);
}

TEST_CASE("an article written to attack the exports leaves every one well-formed and runs no code",
          "[export][tools][html]") {
  test::TempDir tmp;
  std::string db = HostileStore(tmp);
  // The attack reached the store: names, the demand and its quote carry markup.
  auto q = RunParley(
      {"query", "--db", db, "--format", "csv",
       "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) RETURN a.name, d.text, b.name"});
  REQUIRE(q.exit_code == 0);
  REQUIRE_THAT(q.out, Catch::Contains("<script>") && Catch::Contains("onerror"));

  CheckNetworkx(tmp, db);
  CheckGraphvizAndRapper(tmp, db);
  CheckCytoscapeJs(tmp, db);
  CheckNeo4jCsv(tmp, db);
  Export(db, "json", tmp / "g.json");
  CHECK(std::system(("python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '" +
                     (tmp / "g.json") + "'")
                        .c_str()) == 0);

  std::string page = tmp / "view.html";
  Export(db, "html", page);
  std::string html = test::ReadFileText(page);
  // One opening and one closing tag per script element of the page (graph, library, view):
  // the article's "<script>" is not among them.
  CHECK(std::count(html.begin(), html.end(), '<') > 0);
  size_t scripts = 0;
  for (size_t at = 0; (at = html.find("<script", at)) != std::string::npos; ++at) ++scripts;
  CHECK(scripts == 5);  // graph, country outlines, Cytoscape.js, map libraries, view
  if (!Have("command -v chromium")) {
    WARN("chromium missing: the HTML view is not opened");
    return;
  }
  REQUIRE(Chromium(tmp, page, "--dump-dom", tmp / "dom.html"));
  std::string dom = test::ReadFileText(tmp / "dom.html");
  CHECK(BodyAttribute(dom, "data-ready") == "true");
  CHECK(BodyAttribute(dom, "data-pwned").empty());
  CHECK(BodyAttribute(dom, "data-node-count") == std::to_string(Count(db, "nodes")));
  // The hostile text is shown as text.
  CHECK_THAT(dom, Catch::Contains("&lt;script&gt;document.body.setAttribute"));
  CHECK_THAT(dom, !Catch::Contains("<img src=\"x\""));
}

}  // namespace parley

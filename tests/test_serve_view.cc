// parley serve's graph endpoints, end to end (tests/serve_fixture.h): GET /export answers
// what `parley export` prints, bounded; GET / is the graph view working against the live
// store, opened in headless Chromium from the running server.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "serve_fixture.h"

namespace parley {
namespace {

using test::Cli;
using test::ExpectError;
using test::Ingest;
using test::PostQuery;
using test::QueryBody;
using test::Server;
using test::TempDir;
using test::TokenFile;

TEST_CASE("serve: GET /export answers what parley export prints, with its media type",
          "[serve][export]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"graphml", "application/xml"},
      {"gexf", "application/xml"},
      {"dot", "text/vnd.graphviz; charset=utf-8"},
      {"ntriples", "application/n-triples"},
      {"turtle", "text/turtle; charset=utf-8"},
      {"cytoscape", "application/json"},
      {"json", "application/json"},
      {"html", "text/html; charset=utf-8"},
      {"gdelt", "text/tab-separated-values; charset=utf-8"},
      {"plover", "application/x-ndjson"}};
  std::map<std::string, std::string> whole, around;
  for (const auto& [format, type] : formats) {
    whole[format] = Cli({"export", "--db", db, "--format", format});
    around[format] =
        Cli({"export", "--db", db, "--format", format, "--around", "Khamenei", "--hops", "1"});
  }
  std::string since = Cli({"export", "--db", db, "--format", "json", "--since", "2026-03-04"});
  std::string queried = Cli({"export", "--db", db, "--format", "json", "--query",
                             "MATCH (a:Actor {id: 'IRN'}) RETURN a"});
  REQUIRE(around["json"] != whole["json"]);
  REQUIRE(since != whole["json"]);

  Server s({"--db", db});
  auto c = s.Client();
  for (const auto& [format, type] : formats) {
    INFO(format);
    auto r = c->Get("/export?format=" + format);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == type);
    CHECK(r->body == whole[format]);
    r = c->Get("/export?format=" + format + "&around=Khamenei&hops=1");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == around[format]);
  }
  auto r = c->Get("/export?format=json&since=2026-03-04");
  REQUIRE(r);
  CHECK(r->body == since);
  r = c->Get("/export?format=json&query=" +
             httplib::detail::encode_query_param("MATCH (a:Actor {id: 'IRN'}) RETURN a"));
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == queried);

  // Refused, each with a line saying why.
  ExpectError(c->Get("/export"), 400, db);
  ExpectError(c->Get("/export?format=xls"), 400, db);
  auto j = ExpectError(c->Get("/export?format=neo4j-csv"), 400, db);
  CHECK(j["error"].get<std::string>().find("folder") != std::string::npos);
  j = ExpectError(c->Get("/export?format=json&around=Narnia"), 400, db);
  CHECK(j["error"] == "unknown actor 'Narnia'");
  ExpectError(c->Get("/export?format=json&around=Iran&hops=many"), 400, db);
  ExpectError(c->Get("/export?format=json&file=/etc/passwd"), 400, db);
  ExpectError(c->Get("/export?format=json&query=" +
                     httplib::detail::encode_query_param("CREATE (:Note) RETURN 1")),
              400, db);
  ExpectError(c->Post("/export", "", "text/plain"), 405, db);
  CHECK(s.Stop() == 0);

  // --max-export bounds the answer: the whole graph is refused, a part of it is not.
  REQUIRE(whole["json"].size() > 2000);
  REQUIRE(around["json"].size() < 2000);
  Server small({"--db", db, "--max-export", "2000"});
  j = ExpectError(small.Client()->Get("/export?format=json"), 422, db);
  CHECK(j["error"].get<std::string>().find("--max-export") != std::string::npos);
  r = small.Client()->Get("/export?format=json&around=Khamenei&hops=1");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == around["json"]);
  CHECK(small.Stop() == 0);
}

// The DOM of `url` in headless Chromium once its scripts and their requests have run (a
// virtual-time budget: the clock waits while requests are in flight); empty if Chromium is
// missing or fails.
std::string ChromiumDom(const TempDir& tmp, const std::string& url) {
  static int runs = 0;
  std::string profile = tmp / ("chromium-profile-" + std::to_string(++runs));
  std::string out = tmp / "dom.html";
  std::string command =
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir='" +
      profile + "' --window-size=1200,800 --virtual-time-budget=10000 --dump-dom '" + url + "' >'" +
      out + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return "";
  return test::ReadFileText(out);
}

std::string BodyAttribute(const std::string& dom, const std::string& name) {
  std::smatch m;
  if (!std::regex_search(dom, m, std::regex("<body[^>]* " + name + "=\"([^\"]*)\""))) return "";
  return m[1];
}

TEST_CASE("serve: GET / is the graph view, fetching from the live store", "[serve][html]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  std::string around =
      Cli({"export", "--db", db, "--format", "cytoscape", "--around", "Khamenei", "--hops", "1"});
  size_t around_nodes = nlohmann::json::parse(around)["elements"]["nodes"].size();
  REQUIRE(around_nodes > 1);
  std::string token = "view-token";
  Server s({"--db", db, "--token-file", TokenFile(dir, token)}, token);
  auto c = s.Client();
  auto r = c->Get("/");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
  // No graph is embedded: the page asks the server, and may ask nothing else.
  std::smatch graph;
  REQUIRE(std::regex_search(r->body, graph,
                            std::regex("<script id=\"parley-graph\" type=\"application/json\">"
                                       "([^<]*)</script>")));
  auto embedded = nlohmann::json::parse(graph[1].str());
  CHECK(embedded["elements"]["nodes"].empty());
  CHECK(embedded["elements"]["edges"].empty());
  CHECK(r->body.find("connect-src 'self'") != std::string::npos);
  CHECK(r->body.find("src=\"http") == std::string::npos);
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) {
    WARN("chromium missing: the live view is not opened");
    return;
  }
  std::string base = "http://127.0.0.1:" + std::to_string(s.port()) + "/";

  // Opened bare, the panel lists the store's demands, fetched from GET /demands.
  std::string dom = ChromiumDom(dir, base);
  INFO(dom.substr(0, 2000));
  REQUIRE(BodyAttribute(dom, "data-live-ready") == "true");
  CHECK(BodyAttribute(dom, "data-live-demands") == "3");
  CHECK(dom.find("lift sanctions") != std::string::npos);
  CHECK(BodyAttribute(dom, "data-node-count") == "0");

  // ?around= draws the actor's neighbourhood (GET /export) and ?query= runs a query in the
  // Cypher box (POST /query): a note the store does not hold yet.
  std::string query = "MATCH (n:Note) RETURN n.text AS text";
  std::string url =
      base + "?around=Khamenei&hops=1&query=" + httplib::detail::encode_query_param(query);
  dom = ChromiumDom(dir, url);
  REQUIRE(BodyAttribute(dom, "data-live-ready") == "true");
  CHECK(BodyAttribute(dom, "data-live-around") == "Khamenei");
  CHECK(BodyAttribute(dom, "data-node-count") == std::to_string(around_nodes));
  CHECK(BodyAttribute(dom, "data-rendered-nodes") == std::to_string(around_nodes));
  CHECK(BodyAttribute(dom, "data-query-rows") == "0");
  CHECK(BodyAttribute(dom, "data-live-error").empty());

  // Written while the server runs, then seen by the same page opened again.
  r = PostQuery(s, QueryBody("CREATE (:Note {text: 'written live <b>bold</b>'})"), s.Auth());
  REQUIRE(r);
  REQUIRE(r->status == 200);
  dom = ChromiumDom(dir, url);
  REQUIRE(BodyAttribute(dom, "data-live-ready") == "true");
  CHECK(BodyAttribute(dom, "data-query-rows") == "1");
  // Shown as text, not as markup.
  CHECK(dom.find("<td>written live &lt;b&gt;bold&lt;/b&gt;</td>") != std::string::npos);

  // &draw=1 draws what the query returns (GET /export?query=): the demands and whom of.
  std::string drawn = "MATCH (d:Demand)-[r:OF]->(b:Actor) RETURN d, r, b";
  auto drawn_graph =
      nlohmann::json::parse(Cli({"export", "--db", db, "--format", "cytoscape", "--query", drawn}));
  size_t drawn_nodes = drawn_graph["elements"]["nodes"].size();
  REQUIRE(drawn_nodes > 1);
  REQUIRE(drawn_nodes != around_nodes);
  dom = ChromiumDom(dir, base + "?draw=1&query=" + httplib::detail::encode_query_param(drawn));
  REQUIRE(BodyAttribute(dom, "data-live-ready") == "true");
  CHECK(BodyAttribute(dom, "data-live-drawn") == "query");
  CHECK(BodyAttribute(dom, "data-rendered-nodes") == std::to_string(drawn_nodes));
  CHECK_FALSE(BodyAttribute(dom, "data-query-rows").empty());

  // What the server refuses is shown, not drawn.
  dom = ChromiumDom(dir, base + "?around=Narnia&query=" +
                             httplib::detail::encode_query_param("MATCH (n) RETURN cout(n)"));
  REQUIRE(BodyAttribute(dom, "data-live-ready") == "true");
  CHECK(BodyAttribute(dom, "data-live-error") == "unknown actor 'Narnia'");
  CHECK(BodyAttribute(dom, "data-query-error").find("cout") != std::string::npos);
  CHECK(s.Stop() == 0);
}

}  // namespace
}  // namespace parley

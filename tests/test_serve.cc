// parley serve end to end (tests/serve_fixture.h): the endpoints that read and query the store,
// the token, the limits, writes beside reads, and stopping on a signal.
#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "serve_fixture.h"

namespace parley {
namespace {

using test::Cli;
using test::ExpectError;
using test::Ingest;
using test::kIranFacts;
using test::kNdjson;
using test::PostQuery;
using test::QueryBody;
using test::RunParley;
using test::Server;
using test::TempDir;
using test::TokenFile;
using Clock = std::chrono::steady_clock;

TEST_CASE("serve: every endpoint answers what its command prints", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  const std::string demands =
      "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) RETURN a.name, d.text, b.name "
      "ORDER BY d.text";
  const std::string nodes = "MATCH (a:Actor {id: $id}) RETURN a, 1.5 AS f, [1, 'x'] AS l";
  const std::string params = R"({"id": "IRN"})";
  std::string json1 = Cli({"query", "--db", db, "--format", "json", demands});
  std::string json2 = Cli({"query", "--db", db, "--format", "json", "--params", params, nodes});
  std::string jsonl1 = Cli({"query", "--db", db, "--format", "jsonl", demands});
  std::string stats = Cli({"stats", "--db", db, "--format", "json"});
  std::string all = Cli({"demands", "--db", db, "--format", "json"});
  std::string some =
      Cli({"demands", "--db", db, "--by", "Khamenei", "--of", "United States", "--format", "json"});
  auto unknown = RunParley({"demands", "--db", db, "--by", "Narnia", "--format", "json"});
  REQUIRE(unknown.exit_code == 1);
  REQUIRE(json1.find("lift sanctions") != std::string::npos);

  Server s({"--db", db});
  auto r = PostQuery(s, QueryBody(demands));
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  CHECK(r->body == json1);
  r = PostQuery(s, QueryBody(nodes, params));
  REQUIRE(r);
  CHECK(r->body == json2);
  r = PostQuery(s, QueryBody(demands), {{"Accept", kNdjson}});
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == kNdjson);
  CHECK(r->body == jsonl1);

  auto c = s.Client();
  r = c->Get("/stats");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == stats);
  r = c->Get("/demands");
  REQUIRE(r);
  CHECK(r->body == all);
  r = c->Get("/demands?by=Khamenei&of=United%20States");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == some);
  CHECK(some != all);
  // An unknown actor: the command's own line, without its "parley: ".
  auto j = ExpectError(c->Get("/demands?by=Narnia"), 400, db);
  CHECK("parley: " + j["error"].get<std::string>() + "\n" == unknown.err);
  ExpectError(c->Get("/demands?who=Iran"), 400, db);
  ExpectError(c->Get("/demands?since=2026-02-30"), 400, db);
  r = c->Get("/health");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(nlohmann::json::parse(r->body) == nlohmann::json{{"status", "ok"}});

  // Paths name endpoints, never files.
  for (const char* path : {"/nothing", "/index.html", "/../../../../etc/passwd",
                           "/..%2F..%2Fetc%2Fpasswd", "/stats/../../etc/passwd"}) {
    INFO(path);
    auto e = c->Get(path);
    ExpectError(e, 404, db);
    CHECK(e->body.find("root:") == std::string::npos);
  }
  // A known endpoint asked with the wrong method.
  auto wrong = ExpectError(c->Get("/query"), 405, db);
  r = c->Get("/query");
  CHECK(r->get_header_value("Allow") == "POST");
  ExpectError(c->Post("/stats", "{}", "application/json"), 405, db);
  ExpectError(c->Delete("/health"), 405, db);
  ExpectError(c->Put("/query", QueryBody("RETURN 1"), "application/json"), 405, db);
  CHECK(s.Stop() == 0);
}

TEST_CASE("serve: a malformed body or a bad query is a 400 saying where", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  auto cli = RunParley({"query", "--db", db, "MATCH (n) RETURN cout(n)"});
  REQUIRE(cli.exit_code == 1);
  Server s({"--db", db});

  auto j = ExpectError(PostQuery(s, "{\"query\": \"RETURN 1\",\n \"params\": }"), 400, db);
  CHECK(j["error"].get<std::string>().find("not JSON") != std::string::npos);
  CHECK(j["line"] == 2);
  CHECK(j["column"] == 12);
  ExpectError(PostQuery(s, ""), 400, db);
  ExpectError(PostQuery(s, "[\"RETURN 1\"]"), 400, db);
  ExpectError(PostQuery(s, "{\"query\": 5}"), 400, db);
  ExpectError(PostQuery(s, "{\"text\": \"RETURN 1\"}"), 400, db);
  ExpectError(PostQuery(s, QueryBody("RETURN $x", "[1]")), 400, db);
  // Nesting past what --params takes is refused before any parser recurses into it.
  std::string deep = std::string(5000, '[') + std::string(5000, ']');
  j = ExpectError(PostQuery(s, QueryBody("RETURN $x", "{\"x\": " + deep + "}")), 400, db);
  CHECK(j["error"].get<std::string>().find("nested") != std::string::npos);

  // A query error: the command's message, with its line and column as numbers too.
  j = ExpectError(PostQuery(s, QueryBody("MATCH (n) RETURN cout(n)")), 400, db);
  CHECK("parley: " + j["error"].get<std::string>() + "\n" == cli.err);
  CHECK(j["line"] == 1);
  CHECK(j["column"] == 18);
  j = ExpectError(PostQuery(s, QueryBody("MATCH (n)\nRETURN m"), {{"Accept", kNdjson}}), 400, db);
  CHECK(j["line"] == 2);
  // An error when the query runs (not when it is read) is a 400 too.
  ExpectError(PostQuery(s, QueryBody("RETURN 1 / 0")), 400, db);
  // The server goes on serving.
  auto r = PostQuery(s, QueryBody("RETURN 1 AS one"));
  REQUIRE(r);
  CHECK(r->body == "{\"columns\":[\"one\"],\"rows\":[[1]]}\n");
  CHECK(s.Stop() == 0);
}

// How many Note nodes the server sees.
int64_t CountNotes(const Server& s) {
  auto r = PostQuery(s, QueryBody("MATCH (n:Note) RETURN count(n) AS c"), s.Auth());
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return nlohmann::json::parse(r->body)["rows"][0][0].get<int64_t>();
}

TEST_CASE("serve: a write needs the server's token; a read on loopback does not", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  std::string token = "s3cret-token-for-tests";
  std::string file = TokenFile(dir, token);
  const std::string write = QueryBody("CREATE (:Note {text: 'by hand'})");
  {
    Server s({"--db", db, "--token-file", file}, token);
    auto r = PostQuery(s, write);
    ExpectError(r, 401, db);
    CHECK(r->get_header_value("WWW-Authenticate") == "Bearer");
    ExpectError(PostQuery(s, write, {{"Authorization", "Bearer wrong"}}), 403, db);
    ExpectError(PostQuery(s, write, {{"Authorization", "Bearer " + token + "x"}}), 403, db);
    ExpectError(PostQuery(s, write, {{"Authorization", "Basic " + token}}), 401, db);
    // Streamed or not, a write is a write.
    ExpectError(PostQuery(s, write, {{"Accept", kNdjson}}), 401, db);
    ExpectError(PostQuery(s, QueryBody("MATCH (a:Actor) SET a.seen = true")), 401, db);
    CHECK(CountNotes(s) == 0);
    auto ok = PostQuery(s, write, s.Auth());
    REQUIRE(ok);
    CHECK(ok->status == 200);
    // A read needs no token here.
    auto read = PostQuery(s, QueryBody("MATCH (n:Note) RETURN n.text AS t"));
    REQUIRE(read);
    CHECK(read->status == 200);
    CHECK(read->body == "{\"columns\":[\"t\"],\"rows\":[[\"by hand\"]]}\n");
    CHECK(s.Stop() == 0);
  }
  // The write is in the store once the server has stopped.
  CHECK(Cli({"query", "--db", db, "--format", "jsonl", "MATCH (n:Note) RETURN count(n) AS c"}) ==
        "{\"c\":1}\n");
  {
    // No token file: no writes at all.
    Server s({"--db", db});
    auto j = ExpectError(PostQuery(s, write, {{"Authorization", "Bearer " + token}}), 403, db);
    CHECK(j["error"].get<std::string>().find("--token-file") != std::string::npos);
    CHECK(CountNotes(s) == 1);
    CHECK(s.Stop() == 0);
  }
  {
    // Read-only: not even with the token.
    Server s({"--db", db, "--token-file", file, "--read-only"}, token);
    auto j = ExpectError(PostQuery(s, write, s.Auth()), 403, db);
    CHECK(j["error"].get<std::string>().find("read-only") != std::string::npos);
    CHECK(CountNotes(s) == 1);
    CHECK(s.Stop() == 0);
  }
}

TEST_CASE("serve: off loopback every request needs the token, and the server one", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  auto refused = RunParley({"serve", "--db", db, "--listen", "0.0.0.0:0"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--token-file") != std::string::npos);
  refused = RunParley({"serve", "--db", db, "--listen", "example.org:80"});
  CHECK(refused.exit_code == 2);
  test::WriteFile(dir / "empty", "\n");
  refused =
      RunParley({"serve", "--db", db, "--listen", "0.0.0.0:0", "--token-file", dir / "empty"});
  CHECK(refused.exit_code == 1);

  std::string token = "another-token";
  Server s({"--db", db, "--token-file", TokenFile(dir, token)}, token, "0.0.0.0");
  auto c = s.Client();
  for (const char* path : {"/health", "/stats", "/demands", "/nothing"}) {
    INFO(path);
    ExpectError(c->Get(path), 401, db);
    ExpectError(c->Get(path, {{"Authorization", "Bearer nope"}}), 403, db);
  }
  ExpectError(PostQuery(s, QueryBody("RETURN 1")), 401, db);
  auto r = c->Get("/stats", s.Auth());
  REQUIRE(r);
  CHECK(r->status == 200);
  r = PostQuery(s, QueryBody("RETURN 1 AS one"), s.Auth());
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(s.Stop() == 0);
}

// Sends `head` (request line and headers) on a new connection to `port` and returns what the
// server answers within `seconds`, up to the end of its first response's headers.
std::string RawHead(int port, const std::string& head, int seconds) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
  timeval tv{seconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string got;
  char buf[4096];
  while (got.find("\r\n\r\n") == std::string::npos) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, n);
  }
  ::close(fd);
  return got;
}

TEST_CASE("serve: each limit is a JSON error with its own status", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  Server s({"--db", db, "--max-body", "2048", "--max-rows", "10", "--max-memory", "1", "--timeout",
            "2"});
  // Body size.
  auto j = ExpectError(PostQuery(s, QueryBody("RETURN '" + std::string(4096, 'x') + "'")), 413, db);
  CHECK(j["error"].get<std::string>().find("--max-body") != std::string::npos);
  // A body announced too large is refused from its headers, before any of it is sent (the
  // server would otherwise wait for it until its 10 s read timeout).
  std::string head = RawHead(s.port(),
                             "POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Content-Length: 100000000\r\n\r\n",
                             8);
  CHECK(head.rfind("HTTP/1.1 413", 0) == 0);
  // Rows: a reading query may answer 10, not 11.
  j = ExpectError(PostQuery(s, QueryBody("UNWIND range(1, 11) AS x RETURN x")), 422, db);
  CHECK(j["error"].get<std::string>().find("--max-rows") != std::string::npos);
  auto r = PostQuery(s, QueryBody("UNWIND range(1, 1000) AS x RETURN x LIMIT 10"));
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(nlohmann::json::parse(r->body)["rows"].size() == 10);
  // Streamed, the rows sent stay sent and a last line says why the rest is not.
  r = PostQuery(s, QueryBody("UNWIND range(1, 100) AS x RETURN x"), {{"Accept", kNdjson}});
  REQUIRE(r);
  CHECK(r->status == 200);
  std::vector<std::string> lines;
  std::istringstream in(r->body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 11);
  CHECK(lines[9] == "{\"x\":10}");
  CHECK(nlohmann::json::parse(lines[10])["error"].get<std::string>().find("--max-rows") !=
        std::string::npos);
  // Memory.
  j = ExpectError(PostQuery(s, QueryBody("RETURN size([x IN range(1, 1000000) | x]) AS n")), 422,
                  db);
  CHECK(j["error"].get<std::string>().find("--max-memory") != std::string::npos);
  // Time.
  j = ExpectError(PostQuery(s, QueryBody("UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 "
                                         "RETURN count(*) AS n")),
                  503, db);
  CHECK(j["error"].get<std::string>().find("--timeout") != std::string::npos);
  CHECK(s.Stop() == 0);
}

TEST_CASE("serve: reads go on during a write and see all of it or none; writes queue", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  std::string token = "tok";
  Server s({"--db", db, "--token-file", TokenFile(dir, token), "--max-rows", "0"}, token);
  // One write of 20,000 nodes, which then spins a while before it is stored: the time in
  // which the reads below must go on, each seeing none of the nodes or all of them.
  const int64_t kNodes = 20000;
  std::atomic<bool> written{false};
  int write_status = 0;
  std::string write_body;
  std::thread writer([&] {
    auto r = PostQuery(
        s,
        QueryBody("UNWIND range(1, " + std::to_string(kNodes) +
                  ") AS i CREATE (:Bulk {i: i}) WITH count(*) AS made UNWIND range(1, 3000000) "
                  "AS j WITH made, count(j) AS spun RETURN made"),
        s.Auth());
    if (r) {
      write_status = r->status;
      write_body = r->body;
    }
    written = true;
  });
  std::set<int64_t> seen;
  int answered_during_write = 0;
  while (!written) {
    auto r = PostQuery(s, QueryBody("MATCH (n:Bulk) RETURN count(n) AS c"));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    seen.insert(nlohmann::json::parse(r->body)["rows"][0][0].get<int64_t>());
    if (!written) ++answered_during_write;
  }
  writer.join();
  INFO(write_body);
  CHECK(write_status == 200);
  CHECK(write_body == "{\"columns\":[\"made\"],\"rows\":[[" + std::to_string(kNodes) + "]]}\n");
  INFO("reads answered during the write: " << answered_during_write);
  CHECK(answered_during_write >= 3);
  for (int64_t n : seen) CHECK((n == 0 || n == kNodes));

  // Writes that read what they change: none may be lost to another running beside it.
  auto made = PostQuery(s, QueryBody("CREATE (:Counter {n: 0})"), s.Auth());
  REQUIRE(made);
  REQUIRE(made->status == 200);
  std::vector<std::thread> threads;
  std::mutex mu;
  std::set<int64_t> values;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        auto r = PostQuery(s, QueryBody("MATCH (c:Counter) SET c.n = c.n + 1 RETURN c.n AS n"),
                           s.Auth());
        std::lock_guard<std::mutex> lock(mu);
        if (r && r->status == 200)
          values.insert(nlohmann::json::parse(r->body)["rows"][0][0].get<int64_t>());
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<int64_t> expected;
  for (int64_t i = 1; i <= 30; ++i) expected.insert(i);
  CHECK(values == expected);
  CHECK(s.Stop() == 0);
}

TEST_CASE("serve: more kept-alive clients than requests at work do not shut out another",
          "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  Server s({"--db", db});
  // 12 clients, more than the 8 requests at work at once, each sending a query of about 0.1 s
  // (alone) after another on its own kept-alive connection. A connection held by a thread of
  // its own until it ended (100 requests) would keep a 13th client waiting for tens of seconds.
  const std::string slow =
      QueryBody("UNWIND range(1, 1000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n");
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};
  std::vector<std::thread> load;
  for (int i = 0; i < 12; ++i) {
    load.emplace_back([&] {
      auto c = s.Client();
      c->set_keep_alive(true);
      while (!stop) {
        auto r = c->Post("/query", slow, "application/json");
        if (r && r->status == 200) ++answered;
      }
    });
  }
  auto deadline = Clock::now() + std::chrono::seconds(60);
  while (answered < 12 && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  auto start = Clock::now();
  auto r = PostQuery(s, QueryBody("RETURN 1 AS one"));
  double waited = std::chrono::duration<double>(Clock::now() - start).count();
  stop = true;
  for (auto& t : load) t.join();
  REQUIRE(r);
  CHECK(r->status == 200);
  INFO("answered while loaded after " << waited << " s");
  CHECK(answered >= 12);
  CHECK(waited < 10);
  CHECK(s.Stop() == 0);
}

TEST_CASE("serve: SIGTERM answers the request in flight, then exits 0", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  Server s({"--db", db, "--max-rows", "0"});
  // A streamed answer long enough to arrive in many pieces; the signal goes once the first
  // has arrived, so the request is surely being answered.
  const int kRows = 300000;
  httplib::Request req;
  req.method = "POST";
  req.path = "/query";
  req.headers = {{"Accept", kNdjson}, {"Content-Type", "application/json"}};
  req.body = QueryBody("UNWIND range(1, " + std::to_string(kRows) + ") AS x RETURN x");
  std::string body;
  bool signalled = false;
  req.content_receiver = [&](const char* data, size_t n, uint64_t, uint64_t) {
    body.append(data, n);
    if (!signalled) {
      ::kill(s.pid(), SIGTERM);
      signalled = true;
    }
    return true;
  };
  auto r = s.Client()->send(req);
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(signalled);
  size_t lines = std::count(body.begin(), body.end(), '\n');
  CHECK(lines == static_cast<size_t>(kRows));
  CHECK(body.find("error") == std::string::npos);
  CHECK(body.substr(body.size() - 13) == "{\"x\":300000}\n");
  CHECK(s.Wait() == 0);
}

TEST_CASE("serve: SIGINT stops an idle server with exit 0 and the store closed", "[serve]") {
  TempDir dir;
  std::string db = dir / "db";
  Ingest(db);
  std::string token = "t";
  Server s({"--db", db, "--token-file", TokenFile(dir, token)}, token);
  auto r = PostQuery(s, QueryBody("CREATE (:Note {text: 'kept'})"), s.Auth());
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(s.Stop(SIGINT) == 0);
  CHECK(s.err().find("parley: stopped") != std::string::npos);
  // Closed cleanly: a writer may open the store at once.
  CHECK(Cli({"query", "--db", db, "--format", "jsonl",
             "CREATE (n:Note {text: 'after'}) RETURN "
             "count(*) AS c"}) == "{\"c\":1}\n");
}

}  // namespace
}  // namespace parley

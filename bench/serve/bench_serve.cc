// parley_bench_serve: `parley serve` under load on loopback, and what a query costs over HTTP
// against the same query in process.
//
//  1. Overhead: a small query (an actor's first three demands, by name) run --overhead-runs
//     times after 100 warm-up runs with query::RunQuery into the JSON writer on the store
//     opened read-only (what `parley query --format json` does, without starting a process),
//     then the store is closed, `parley serve` started on it, and the same query sent as many
//     times over one kept-alive connection; p50 and p90 of each, and the answers compared.
//  2. Load: for each N of --clients, N client threads for --duration seconds, each on its own
//     kept-alive connection, sending POST /query round robin: a `parley demands`-style query
//     (the 20 latest demands made by an actor, the actor drawn from 200 of the store's), Q1
//     (demands of the popular actor, LIMIT 100) and Q5 (demands about a policy reported in two
//     articles: 726 rows on the anchor data) of bench/query; every answer is checked (status
//     200, its row count). Beside them one more client sends the articles of --articles, one
//     POST /ingest each, in order, resuming where the last phase stopped. Throughput, p50 and
//     p99 per kind, and errors (a failed request, a status other than 200, a wrong row count).
//  3. After the last phase: every article the server said it stored is looked up, through the
//     server, and again in process after the server has stopped on SIGTERM (exit status 0).
//
// Output: the report on stderr, one JSON line on stdout. It exits 1 when it cannot run (no
// store, no server), not when a figure is bad: errors are counted and reported.
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_report.h"
#include "query/engine.h"
#include "query/result_format.h"
#include "storage/graph_store.h"

namespace {

using nlohmann::json;
using parley::GraphStore;
using parley::Status;
using parley::ValueMap;
using parley::bench::Clock;
using parley::bench::Since;

// The server this program started, killed if the program dies before stopping it.
pid_t g_server = -1;

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "parley_bench_serve: %s\n", msg.c_str());
  if (g_server > 0) {
    kill(g_server, SIGKILL);
    waitpid(g_server, nullptr, 0);
  }
  std::exit(1);
}

void Say(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void Say(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

const char* kSmall =
    "MATCH (a:Actor {name: $x})-[:DEMANDS]->(d:Demand) RETURN d.text AS text ORDER BY text LIMIT 3";
const char* kDemandsBy =
    "MATCH (a:Actor {name: $x})-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) RETURN b.name AS target, "
    "d.text AS demand, d.date AS date ORDER BY date DESC LIMIT 20";
const char* kQ1 =
    "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor {name:$x}) RETURN a.name, d.text "
    "LIMIT 100";
const char* kQ5 =
    "MATCH (p:Policy {name:$p})<-[:ABOUT]-(d:Demand)-[:REPORTED_IN]->(a1:Article), "
    "(d)-[:REPORTED_IN]->(a2:Article) WHERE a1 <> a2 RETURN DISTINCT d.id, d.text";

std::string Body(const std::string& query, const json& params) {
  return json{{"query", query}, {"params", params}}.dump();
}

// ------------------------------------------------------------------ the server process

struct Server {
  pid_t pid = -1;
  int port = 0;
};

Server StartServer(const std::string& parley, const std::string& db, const std::string& token,
                   const std::string& log) {
  Server s;
  s.pid = fork();
  if (s.pid < 0) Die("fork failed");
  if (s.pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(fd, 2);
    std::vector<std::string> args = {parley,       "serve",       "--db",         db,
                                     "--listen",   "127.0.0.1:0", "--token-file", token,
                                     "--max-rows", "0",           "--max-body",   "67108864"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(parley.c_str(), argv.data());
    _exit(127);
  }
  g_server = s.pid;
  auto deadline = Clock::now() + std::chrono::seconds(300);
  const std::string marker = "on http://127.0.0.1:";
  while (s.port == 0) {
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    std::string err = text.str();
    if (size_t at = err.find(marker); at != std::string::npos && err.find('\n', at) != err.npos)
      s.port = std::stoi(err.substr(at + marker.size()));
    int status = 0;
    if (s.port == 0 && waitpid(s.pid, &status, WNOHANG) == s.pid)
      Die("parley serve ended before listening: " + err);
    if (Clock::now() > deadline) Die("parley serve did not listen within 300 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return s;
}

std::unique_ptr<httplib::Client> Connect(int port) {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
  c->set_keep_alive(true);
  c->set_tcp_nodelay(true);
  c->set_read_timeout(600, 0);
  c->set_write_timeout(60, 0);
  return c;
}

// ------------------------------------------------------------------ 1. overhead

struct Overhead {
  double in_process_p50 = 0, in_process_p90 = 0, http_p50 = 0, http_p90 = 0;
  bool same = false;
  size_t bytes = 0;
};

void InProcess(const std::string& db, const std::string& actor, int runs, Overhead* o,
               std::string* answer) {
  std::unique_ptr<GraphStore> store;
  GraphStore::Options opt;
  opt.read_only = true;
  Status s = GraphStore::Open(db, opt, &store);
  if (!s.ok()) Die("cannot open " + db + ": " + s.message());
  ValueMap params;
  params["x"] = parley::Value(actor);
  std::vector<double> us;
  for (int i = 0; i < runs + 100; ++i) {
    std::ostringstream out;
    auto start = Clock::now();
    auto writer = parley::ResultWriter::Make(parley::OutputFormat::kJson, out);
    s = parley::query::RunQuery(store.get(), kSmall, params, writer.get());
    double t = Since(start) * 1e6;
    if (!s.ok()) Die("the small query failed in process: " + s.message());
    if (i >= 100) us.push_back(t);
    *answer = out.str();
  }
  o->in_process_p50 = Percentile(us, 0.5);
  o->in_process_p90 = Percentile(us, 0.9);
  o->bytes = answer->size();
  s = store->Close();
  if (!s.ok()) Die("closing the store: " + s.message());
}

void OverHttp(int port, const std::string& actor, int runs, const std::string& expected,
              Overhead* o) {
  auto c = Connect(port);
  std::string body = Body(kSmall, json{{"x", actor}});
  std::vector<double> us;
  o->same = true;
  for (int i = 0; i < runs + 100; ++i) {
    auto start = Clock::now();
    auto r = c->Post("/query", body, "application/json");
    double t = Since(start) * 1e6;
    if (!r || r->status != 200) Die("the small query failed over HTTP");
    if (i >= 100) us.push_back(t);
    if (r->body != expected) o->same = false;
  }
  o->http_p50 = Percentile(us, 0.5);
  o->http_p90 = Percentile(us, 0.9);
}

// ------------------------------------------------------------------ 2. load

struct KindStats {
  std::vector<double> ms;
  int errors = 0;
};

struct Phase {
  int clients = 0;
  double seconds = 0;
  std::map<std::string, KindStats> kinds;  // "demands", "Q1", "Q5", "ingest"
  std::string load_before, load_after;
  std::vector<std::string> error_samples;
};

// The ingesting client: sends articles[next...] one a request until `stop`.
struct Ingester {
  std::vector<std::string> lines;  // one article a line, as `parley ingest` reads them
  size_t next = 0;
  std::set<std::string> stored;  // ids the server said it added, replaced or kept
  std::map<std::string, int> outcomes;
};

void RunPhase(int port, int clients, double seconds, const std::vector<std::string>& actors,
              const json& meta, const std::string& token, Ingester* ingest, Phase* phase) {
  phase->clients = clients;
  phase->load_before = LoadAverage();
  std::mutex mu;
  std::atomic<bool> stop{false};
  auto record = [&](const std::string& kind, double ms, bool ok, const std::string& why) {
    std::lock_guard<std::mutex> lock(mu);
    KindStats& k = phase->kinds[kind];
    if (ok) {
      k.ms.push_back(ms);
    } else {
      ++k.errors;
      if (phase->error_samples.size() < 5) phase->error_samples.push_back(kind + ": " + why);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      auto c = Connect(port);
      std::mt19937 rng(1234 + t);
      for (uint64_t i = t; !stop; ++i) {
        std::string kind, body;
        size_t want = 0;  // rows expected; 0: up to 20
        switch (i % 3) {
          case 0:
            kind = "demands";
            body = Body(kDemandsBy, json{{"x", actors[rng() % actors.size()]}});
            break;
          case 1:
            kind = "Q1";
            body = Body(kQ1, json{{"x", meta["popular_actor"]}});
            want = 100;
            break;
          default:
            kind = "Q5";
            body = Body(kQ5, json{{"p", meta["policy"]}});
            want = meta.value("seed", 0) == 42 && meta.value("scale", 0.0) == 1.0 ? 726 : 0;
            break;
        }
        auto start = Clock::now();
        auto r = c->Post("/query", body, "application/json");
        double ms = Since(start) * 1e3;
        if (!r) {
          record(kind, ms, false, "request failed: " + httplib::to_string(r.error()));
          continue;
        }
        if (r->status != 200) {
          record(kind, ms, false, std::to_string(r->status) + " " + r->body.substr(0, 200));
          continue;
        }
        size_t rows = json::parse(r->body)["rows"].size();
        bool ok = want ? rows == want : rows <= 20;
        record(kind, ms, ok, "rows " + std::to_string(rows));
      }
    });
  }
  std::thread writer;
  if (ingest && ingest->next < ingest->lines.size()) {
    writer = std::thread([&] {
      auto c = Connect(port);
      httplib::Headers auth = {{"Authorization", "Bearer " + token}};
      while (!stop && ingest->next < ingest->lines.size()) {
        const std::string& line = ingest->lines[ingest->next++];
        auto start = Clock::now();
        auto r = c->Post("/ingest", auth, line + "\n", "application/x-ndjson");
        double ms = Since(start) * 1e3;
        if (!r || r->status != 200) {
          record("ingest", ms, false,
                 r ? std::to_string(r->status) + " " + r->body.substr(0, 200) : "request failed");
          continue;
        }
        json answer = json::parse(r->body, nullptr, false);
        bool ok = answer.is_object() && answer.contains("articles");
        if (ok) {
          std::lock_guard<std::mutex> lock(mu);
          for (const auto& a : answer["articles"]) {
            std::string outcome = a.value("outcome", "");
            ++ingest->outcomes[outcome];
            if (outcome == "added" || outcome == "replaced" || outcome == "unchanged")
              ingest->stored.insert(a.value("id", ""));
          }
        }
        record("ingest", ms, ok, r->body.substr(0, 200));
      }
    });
  }
  auto start = Clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  if (writer.joinable()) writer.join();
  phase->seconds = Since(start);
  phase->load_after = LoadAverage();
}

// The ids of `ids` that the store holds an Article for, asked through the server.
std::set<std::string> PresentOverHttp(int port, const std::set<std::string>& ids) {
  auto c = Connect(port);
  json list = json::array();
  for (const auto& id : ids) list.push_back(id);
  auto r = c->Post("/query",
                   Body("MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id", {{"ids", list}}),
                   "application/json");
  if (!r || r->status != 200) Die("the check of the ingested articles failed");
  std::set<std::string> found;
  json answer = json::parse(r->body);
  for (const auto& row : answer["rows"]) found.insert(row[0].get<std::string>());
  return found;
}

size_t PresentInProcess(const std::string& db, const std::set<std::string>& ids) {
  std::unique_ptr<GraphStore> store;
  GraphStore::Options opt;
  opt.read_only = true;
  Status s = GraphStore::Open(db, opt, &store);
  if (!s.ok()) Die("cannot open " + db + " after the server: " + s.message());
  std::vector<parley::Value> list;
  for (const auto& id : ids) list.push_back(parley::Value(id));
  ValueMap params;
  params["ids"] = parley::Value(list);
  std::ostringstream out;
  auto writer = parley::ResultWriter::Make(parley::OutputFormat::kJson, out);
  s = parley::query::RunQuery(store.get(), "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id",
                              params, writer.get());
  if (!s.ok()) Die("the check in process failed: " + s.message());
  return json::parse(out.str())["rows"].size();
}

json KindJson(const KindStats& k, double seconds) {
  return {{"requests", k.ms.size()},
          {"per_s", static_cast<double>(k.ms.size()) / seconds},
          {"p50_ms", Percentile(k.ms, 0.5)},
          {"p99_ms", Percentile(k.ms, 0.99)},
          {"errors", k.errors}};
}

}  // namespace

int main(int argc, char** argv) {
  std::string parley, db, meta_path, articles, token;
  double duration = 30;
  int overhead_runs = 2000;
  std::vector<int> clients = {1, 8, 32};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--parley") {
      parley = value();
    } else if (a == "--db") {
      db = value();
    } else if (a == "--meta") {
      meta_path = value();
    } else if (a == "--articles") {
      articles = value();
    } else if (a == "--token-file") {
      token = value();
    } else if (a == "--duration") {
      duration = std::stod(value());
    } else if (a == "--overhead-runs") {
      overhead_runs = std::stoi(value());
    } else if (a == "--clients") {
      clients.clear();
      std::stringstream in(value());
      for (std::string n; std::getline(in, n, ',');) clients.push_back(std::stoi(n));
    } else {
      Die("usage: parley_bench_serve --parley BIN --db DIR --meta META.json --token-file FILE "
          "[--articles FILE.jsonl] [--duration S] [--clients 1,8,32] [--overhead-runs N]");
    }
  }
  if (parley.empty() || db.empty() || meta_path.empty() || token.empty())
    Die("--parley, --db, --meta and --token-file are required");
  std::ifstream meta_in(meta_path);
  if (!meta_in) Die("cannot read " + meta_path);
  json meta = json::parse(meta_in);
  std::string token_text;
  {
    std::ifstream in(token);
    std::getline(in, token_text);
  }
  Ingester ingest;
  if (!articles.empty()) {
    std::ifstream in(articles);
    if (!in) Die("cannot read " + articles);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) ingest.lines.push_back(line);
  }
  json report = {{"load_start", LoadAverage()}, {"duration_s", duration}};

  // 1. Overhead.
  Overhead o;
  std::string expected;
  std::string actor = meta["mid_actor"];
  Say("in process: %d runs of the small query...\n", overhead_runs);
  InProcess(db, actor, overhead_runs, &o, &expected);
  std::string log = db + ".serve.log";
  Server server = StartServer(parley, db, token, log);
  Say("parley serve on port %d; over HTTP: %d runs...\n", server.port, overhead_runs);
  OverHttp(server.port, actor, overhead_runs, expected, &o);
  Say("small query (%zu bytes of JSON): in process p50 %.0f us (p90 %.0f), over HTTP p50 %.0f us "
      "(p90 %.0f), difference %.0f us; answers %s\n",
      o.bytes, o.in_process_p50, o.in_process_p90, o.http_p50, o.http_p90,
      o.http_p50 - o.in_process_p50, o.same ? "identical" : "DIFFERENT");
  report["overhead"] = {{"bytes", o.bytes},
                        {"in_process_p50_us", o.in_process_p50},
                        {"in_process_p90_us", o.in_process_p90},
                        {"http_p50_us", o.http_p50},
                        {"http_p90_us", o.http_p90},
                        {"same_answer", o.same}};

  // 2. Load.
  std::vector<std::string> actors;
  {
    auto c = Connect(server.port);
    auto r = c->Post("/query",
                     Body("MATCH (a:Actor)-[:DEMANDS]->(:Demand) RETURN DISTINCT a.name LIMIT 200",
                          json::object()),
                     "application/json");
    if (!r || r->status != 200) Die("cannot list actors");
    json answer = json::parse(r->body);
    for (const auto& row : answer["rows"]) actors.push_back(row[0]);
    if (actors.empty()) Die("the store has no actor making demands");
  }
  report["phases"] = json::array();
  int total_errors = 0;
  for (int n : clients) {
    Phase p;
    Say("%d client%s for %.0f s, one more ingesting (load %s)...\n", n, n == 1 ? "" : "s", duration,
        LoadAverage().c_str());
    RunPhase(server.port, n, duration, actors, meta, token_text,
             ingest.lines.empty() ? nullptr : &ingest, &p);
    size_t reads = 0;
    std::vector<double> all;
    json pj = {{"clients", n},
               {"seconds", p.seconds},
               {"load_before", p.load_before},
               {"load_after", p.load_after}};
    for (const auto& [kind, k] : p.kinds) {
      pj[kind] = KindJson(k, p.seconds);
      total_errors += k.errors;
      if (kind != "ingest") {
        reads += k.ms.size();
        all.insert(all.end(), k.ms.begin(), k.ms.end());
      }
      Say("  %-8s %6zu requests %8.1f/s  p50 %8.2f ms  p99 %8.2f ms  errors %d\n", kind.c_str(),
          k.ms.size(), static_cast<double>(k.ms.size()) / p.seconds, Percentile(k.ms, 0.5),
          Percentile(k.ms, 0.99), k.errors);
    }
    Say("  reads    %6zu requests %8.1f/s  p50 %8.2f ms  p99 %8.2f ms  (load after %s)\n", reads,
        static_cast<double>(reads) / p.seconds, Percentile(all, 0.5), Percentile(all, 0.99),
        p.load_after.c_str());
    for (const auto& e : p.error_samples) Say("  error: %s\n", e.c_str());
    pj["reads"] = {{"requests", reads},
                   {"per_s", static_cast<double>(reads) / p.seconds},
                   {"p50_ms", Percentile(all, 0.5)},
                   {"p99_ms", Percentile(all, 0.99)}};
    report["phases"].push_back(pj);
  }

  // 3. The ingested articles, through the server, then in process once it has stopped.
  size_t over_http = 0, in_process = 0;
  int exit_status = -1;
  if (!ingest.lines.empty()) over_http = PresentOverHttp(server.port, ingest.stored).size();
  kill(server.pid, SIGTERM);
  int status = 0;
  waitpid(server.pid, &status, 0);
  g_server = -1;
  exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (!ingest.lines.empty()) in_process = PresentInProcess(db, ingest.stored);
  Say("ingest: %zu articles sent, %zu stored by the server's answers, %zu found over HTTP, %zu "
      "found in process after SIGTERM; server exit status %d\n",
      ingest.next, ingest.stored.size(), over_http, in_process, exit_status);
  report["ingest"] = {{"sent", ingest.next},
                      {"stored", ingest.stored.size()},
                      {"outcomes", ingest.outcomes},
                      {"found_over_http", over_http},
                      {"found_in_process", in_process}};
  report["server_exit"] = exit_status;
  report["errors"] = total_errors;
  report["load_end"] = LoadAverage();
  std::remove(log.c_str());
  std::printf("%s\n", report.dump().c_str());
  return 0;
}

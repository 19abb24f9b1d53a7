// parley_bench_query: warm query latency of Parley's query engine (what `parley query` runs) on
// the synthetic news graph, for comparison with Kuzu on the same data (run.sh runs both).
//
//  1. Makes sure the store folder (--db) holds the graph of DATA_DIR: if its counts per label
//     and type are not those of DATA_DIR/meta.json, the folder is emptied and the CSV files are
//     bulk-loaded (bench/graph_data.h, the store benchmark's loader); otherwise it is reused.
//     Then the property indexes the queries seek through are made if missing
//     (Actor.name, Policy.name, Demand.date; creating an index backfills it).
//  2. Runs each query of ../shared/bench/graph/ANCHORS.md (Q1, Q2, Q3, Q4, Q4c, Q4p, Q5, Q5w;
//     Q4, Kuzu's `SHORTEST 1..4`, as shortestPath(...)) with Parley's names (DEMANDS, OF,
//     ABOUT) and the parameters of meta.json, the way kuzu_bench.js runs Kuzu's: 2 warm-up
//     runs, then --runs timed runs (3 if a warm-up run took over 5 s), every row copied out of
//     the engine (getAll() in Kuzu's JS materialises all rows too). Reports median, min and max
//     ms, the row count and the first row, and checks the known answers (Q2's top pair, Q3's
//     406,864, Q4's length 2, Q4c's 64, Q5's 726 rows), and
//     QD, Parley's own: a month of Demand.date, answered by an index range seek.
//
// Each query runs in a child process (this program again, with --child), which opens the store
// read-only as `parley query` does and warms its own block cache; the parent kills a child
// whose current execution has run for longer than --timeout-s (the time restarts at every
// finished execution, like Kuzu's per-query timeout in kuzu_bench.js), and records a timeout or
// a crash for that query instead of hanging or dying. The parent never has the store open
// while children run.
//
// Output: the report on stderr, one JSON line on stdout. A benchmark, not a test: it exits 1
// only when it cannot run (no data, load failed), not for a slow or wrong query, which is
// reported in the JSON ("check": "MISMATCH ...", "error", "timeout").
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/bench_report.h"
#include "bench/graph_data.h"
#include "query/engine.h"
#include "query/result_format.h"
#include "storage/bulk_loader.h"
#include "storage/graph_store.h"

namespace fs = std::filesystem;
using nlohmann::json;
using parley::BulkLoader;
using parley::GraphStore;
using parley::Status;
using parley::Value;
using parley::ValueMap;
using parley::bench::Check;
using parley::bench::Clock;
using parley::bench::Die;
using parley::bench::Say;
using parley::bench::Since;

namespace {

// ---------------------------------------------------------------------------- the queries

struct QuerySpec {
  const char* name;
  const char* text;                 // with Parley's relationship types
  std::vector<const char*> params;  // $name -> meta.json key, in pairs
};

// ANCHORS.md / kuzu_bench.js, MAKES -> DEMANDS, TARGETS -> OF, CONCERNS -> ABOUT.
const std::vector<QuerySpec> kQueries = {
    {"Q1",
     "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor {name:$x}) RETURN a.name, d.text "
     "LIMIT 100",
     {"x", "popular_actor"}},
    {"Q2",
     "MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor) RETURN a.name AS source, b.name AS "
     "target, count(*) AS n ORDER BY n DESC LIMIT 20",
     {}},
    {"Q3",
     "MATCH (a:Actor {name:$x})-[*1..2]-(n) WHERE n <> a RETURN count(DISTINCT n) AS size",
     {"x", "popular_actor"}},
    {"Q4",
     "MATCH p = shortestPath((a:Actor {name:$x})-[:DEMANDS|OF*1..4]->(b:Actor {name:$y})) "
     "RETURN length(p) AS len",
     {"x", "popular_actor", "y", "second_actor"}},
    {"Q4c",
     "MATCH p = (a:Actor {name:$x})-[:DEMANDS|OF*1..4]->(b:Actor {name:$y}) RETURN count(*) AS "
     "paths",
     {"x", "mid_actor", "y", "mid_actor2"}},
    {"Q4p",
     "MATCH p = (a:Actor {name:$x})-[:DEMANDS|OF*1..4]->(b:Actor {name:$y}) RETURN length(p) AS "
     "len LIMIT 1",
     {"x", "popular_actor", "y", "second_actor"}},
    {"Q5",
     "MATCH (p:Policy {name:$p})<-[:ABOUT]-(d:Demand)-[:REPORTED_IN]->(a1:Article), "
     "(d)-[:REPORTED_IN]->(a2:Article) WHERE a1 <> a2 RETURN DISTINCT d.id, d.text",
     {"p", "policy"}},
    {"Q5w",
     "MATCH (p:Policy {name:$p})<-[:ABOUT]-(d:Demand)-[:REPORTED_IN]->(a:Article) WITH d, "
     "count(a) AS c WHERE c > 1 RETURN d.text, c",
     {"p", "policy"}},
    // Parley's own: the demands of one month, through the Demand.date index (a range seek).
    {"QD",
     "MATCH (d:Demand) WHERE d.date >= date('2020-03-01') AND d.date < date('2020-04-01') "
     "RETURN count(*) AS n",
     {}},
};

const QuerySpec* FindQuery(std::string_view name) {
  for (const auto& q : kQueries) {
    if (name == q.name) return &q;
  }
  return nullptr;
}

json ReadMeta(const std::string& data_dir) {
  std::string path = data_dir + "/meta.json";
  std::ifstream in(path);
  if (!in) Die("cannot read " + path + " (run gen.py first)");
  json j = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) Die(path + " is not a JSON object");
  return j;
}

ValueMap ParamsFor(const QuerySpec& q, const json& meta) {
  ValueMap params;
  for (size_t i = 0; i + 1 < q.params.size(); i += 2) {
    auto it = meta.find(q.params[i + 1]);
    if (it == meta.end() || !it->is_string()) {
      Die(std::string("meta.json has no string \"") + q.params[i + 1] + "\"");
    }
    params[q.params[i]] = Value(it->get<std::string>());
  }
  return params;
}

// ---------------------------------------------------------------------------- the store

// The counts per Parley label and type that meta.json promises.
void ExpectedCounts(const json& meta, std::map<std::string, int64_t>* labels,
                    std::map<std::string, int64_t>* types) {
  for (const auto& [label, n] : meta.at("nodes").items()) (*labels)[label] = n.get<int64_t>();
  for (const auto& [file_type, n] : meta.at("edges").items()) {
    const char* type = nullptr;
    for (const auto& k : parley::bench::kEdgeKinds) {
      if (file_type == k.file_type) type = k.type;
    }
    if (!type) Die("meta.json: no mapping for edge type " + file_type);
    (*types)[type] = n.get<int64_t>();
  }
}

bool HoldsGraph(GraphStore* store, const json& meta) {
  std::map<std::string, int64_t> labels, types;
  ExpectedCounts(meta, &labels, &types);
  parley::GraphStats st;
  if (!store->GetStats(&st).ok()) return false;
  if (st.labels != labels || st.types != types) return false;
  // A store loaded before dates were loaded as dates holds them as strings: load it again.
  auto demands = store->ScanLabel("Demand");
  if (!demands->Valid()) return true;
  parley::Node d;
  if (!store->GetNode(demands->id(), &d).ok()) return false;
  auto date = d.properties.find("date");
  return date == d.properties.end() || date->second.is_temporal();
}

// Loads DATA_DIR into `db` unless it holds it already; then makes the indexes. Returns the load
// time in seconds (0 when the store was reused).
double PrepareStore(const std::string& data_dir, const std::string& db, const json& meta,
                    bool reload, double* index_s) {
  std::error_code ec;
  double load_s = 0;
  std::unique_ptr<GraphStore> store;
  if (!reload && fs::exists(db, ec)) {
    GraphStore::Options o;
    o.create_if_missing = false;
    if (GraphStore::Open(db, o, &store).ok() && HoldsGraph(store.get(), meta)) {
      Say("store: %s holds the graph of %s already; reused\n", db.c_str(), data_dir.c_str());
    } else {
      store.reset();
    }
  }
  if (!store) {
    parley::bench::GraphFiles files = parley::bench::FindFiles(data_dir);
    fs::remove_all(db, ec);
    fs::remove_all(db + ".bulk", ec);
    fs::create_directories(fs::path(db).parent_path(), ec);
    Check(GraphStore::Open(db, GraphStore::Options(), &store), "opening " + db);
    Say("store: bulk-loading %s into %s ...\n", data_dir.c_str(), db.c_str());
    auto t0 = Clock::now();
    {
      BulkLoader loader(store.get(), BulkLoader::Options());
      parley::bench::BulkSink sink(&loader);
      ReadGraph(files, nullptr, &sink);
      Check(loader.Finish(), "bulk load");
    }
    load_s = Since(t0);
    if (!HoldsGraph(store.get(), meta)) Die("the loaded store's counts differ from meta.json");
    Say("store: loaded in %.1f s\n", load_s);
  }
  auto t0 = Clock::now();
  for (const char* label : {"Actor", "Policy"}) {
    if (!store->IsIndexed(label, "name")) {
      Check(store->CreateIndex(label, "name"), std::string("CreateIndex ") + label + ".name");
      Say("store: indexed %s.name\n", label);
    }
  }
  if (!store->IsIndexed("Demand", "date")) {
    Check(store->CreateIndex("Demand", "date"), "CreateIndex Demand.date");
    Say("store: indexed Demand.date\n");
  }
  *index_s = Since(t0);
  Check(store->Flush(), "flush");
  return load_s;
}

// ---------------------------------------------------------------------------- the child

// Keeps every row, copied, as Kuzu's getAll() does; the rows are dropped after the run is timed.
class CollectingWriter : public parley::ResultWriter {
 public:
  void Begin(const std::vector<std::string>& columns) override { columns_ = columns; }
  void Row(const std::vector<Value>& row) override { rows_.push_back(row); }
  void End() override {}
  std::vector<std::vector<Value>>& rows() { return rows_; }
  const std::vector<std::string>& columns() const { return columns_; }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;
};

void Emit(const std::string& line) {
  std::string l = line + "\n";
  if (::write(STDOUT_FILENO, l.data(), l.size()) < 0) std::_Exit(3);
}

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// Runs one query 2 + runs times and reports on stdout (a pipe to the parent): "run <ms>" after
// each execution, "plan <line>" for EXPLAIN, then "result <json>" or "error <message>".
int ChildMain(const std::string& data_dir, const std::string& db, const std::string& name, int runs,
              bool explain) {
  const QuerySpec* q = FindQuery(name);
  if (!q) Die("no query " + name);
  json meta = ReadMeta(data_dir);
  ValueMap params = ParamsFor(*q, meta);
  std::unique_ptr<GraphStore> store;
  GraphStore::Options o;
  o.read_only = true;
  o.create_if_missing = false;
  Status s = GraphStore::Open(db, o, &store);
  if (!s.ok()) {
    Emit("error opening " + db + ": " + OneLine(s.message()));
    return 1;
  }
  if (explain) {
    CollectingWriter w;
    s = parley::query::RunQuery(store.get(), std::string("EXPLAIN ") + q->text, params, &w);
    if (!s.ok()) {
      Emit("error EXPLAIN: " + OneLine(s.message()));
      return 1;
    }
    for (const auto& r : w.rows()) {
      if (!r.empty() && r[0].is_string()) Emit("plan " + OneLine(r[0].as_string()));
    }
  }
  std::vector<double> ms;
  CollectingWriter w;
  size_t rows = 0;
  std::string first_row = "null";
  for (int i = 0; i < runs + 2; ++i) {
    w.rows().clear();
    auto t = Clock::now();
    s = parley::query::RunQuery(store.get(), q->text, params, &w);
    double dt = Since(t) * 1e3;
    if (!s.ok()) {
      Emit("error " + OneLine(s.message()));
      return 1;
    }
    if (i < 2 && dt > 5000) runs = std::min(runs, 3);
    if (i >= 2) ms.push_back(dt);
    rows = w.rows().size();
    if (!w.rows().empty()) {
      first_row.clear();
      std::string cells = "[";
      for (size_t c = 0; c < w.rows()[0].size(); ++c) {
        if (c) cells += ",";
        parley::AppendJson(w.rows()[0][c], &cells);
      }
      first_row = cells + "]";
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "run %.3f", dt);
    Emit(buf);
  }
  std::sort(ms.begin(), ms.end());
  json r;
  r["runs"] = ms.size();
  r["median_ms"] = ms[ms.size() / 2];
  r["min_ms"] = ms.front();
  r["max_ms"] = ms.back();
  r["rows"] = rows;
  r["columns"] = w.columns();
  r["first_row"] = json::parse(first_row);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  r["peak_rss_kib"] = ru.ru_maxrss;
  Emit("result " + r.dump());
  return 0;
}

// ---------------------------------------------------------------------------- the parent

double LoadAverage() {
  double l = 0;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &l) != 1) l = 0;
    std::fclose(f);
  }
  return l;
}

// The known answers (ANCHORS.md, the same for Kuzu): "" when `r` agrees or nothing is known.
std::string CheckAnswer(const std::string& name, const json& r, const json& meta) {
  const json& first = r.value("first_row", json());
  auto first_int = [&]() -> int64_t {
    return first.is_array() && !first.empty() && first[0].is_number_integer()
               ? first[0].get<int64_t>()
               : -1;
  };
  // The figures of ANCHORS.md hold for gen.py's default seed at scale 1.
  bool anchor_data = meta.value("seed", 0) == 42 && meta.value("scale", 0.0) == 1.0;
  if (name == "Q1" && r["rows"] != 100) return "expected 100 rows";
  if (name == "Q2") {
    if (r["rows"] != 20) return "expected 20 rows";
    if (anchor_data && first != json::array({"Kasaka #5117", "Elvebri #6573", 5047})) {
      return "expected first row [\"Kasaka #5117\",\"Elvebri #6573\",5047]";
    }
  }
  if (name == "Q3" && anchor_data && first_int() != 406864) return "expected 406864";
  if (name == "Q4" && (r["rows"] != 1 || (anchor_data && first_int() != 2))) {
    return "expected one row with length 2";
  }
  if (name == "Q4c" && anchor_data && first_int() != 64) return "expected 64";
  if (name == "Q4p" && (r["rows"] != 1 || first_int() < 1 || first_int() > 4)) {
    return "expected one row with a length of 1 to 4";
  }
  if (name == "Q5" && anchor_data && r["rows"] != 726) return "expected 726 rows";
  return "";
}

struct ChildOutcome {
  json result;  // the child's result, or {"error": ...} / {"timeout_s": ...}
  std::vector<std::string> plan;
};

ChildOutcome RunChild(const std::string& self, const std::vector<std::string>& args,
                      double timeout_s) {
  ChildOutcome out;
  int fds[2];
  if (pipe(fds) != 0) Die(std::string("pipe: ") + std::strerror(errno));
  pid_t pid = fork();
  if (pid < 0) Die(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    ::close(fds[0]);
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[1]);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(self.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(self.c_str(), argv.data());
    std::fprintf(stderr, "exec %s: %s\n", self.c_str(), std::strerror(errno));
    std::_Exit(127);
  }
  ::close(fds[1]);
  std::string buf;
  int finished_runs = 0;
  bool timed_out = false;
  auto since_progress = Clock::now();
  for (;;) {
    double left = timeout_s - Since(since_progress);
    if (left <= 0) {
      timed_out = true;
      break;
    }
    struct pollfd p = {fds[0], POLLIN, 0};
    int pr = ::poll(&p, 1, static_cast<int>(std::min(left, 1.0) * 1000) + 1);
    if (pr < 0 && errno == EINTR) continue;
    if (pr <= 0) continue;
    char chunk[4096];
    ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the child closed its end
    buf.append(chunk, static_cast<size_t>(n));
    size_t nl;
    while ((nl = buf.find('\n')) != std::string::npos) {
      std::string line = buf.substr(0, nl);
      buf.erase(0, nl + 1);
      if (line.starts_with("run ")) {
        ++finished_runs;
        since_progress = Clock::now();
      } else if (line.starts_with("plan ")) {
        out.plan.push_back(line.substr(5));
      } else if (line.starts_with("result ")) {
        out.result = json::parse(line.substr(7), nullptr, false);
      } else if (line.starts_with("error ")) {
        out.result = {{"error", line.substr(6)}};
      }
    }
  }
  if (timed_out) ::kill(pid, SIGKILL);
  ::close(fds[0]);
  int st = 0;
  while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    out.result = {{"timeout_s", timeout_s}, {"finished_runs", finished_runs}};
  } else if (out.result.is_null() || out.result.is_discarded()) {
    std::string why = WIFSIGNALED(st) ? "crashed with signal " + std::to_string(WTERMSIG(st))
                                      : "exited with status " + std::to_string(WEXITSTATUS(st)) +
                                            " and no result";
    out.result = {{"error", why}, {"finished_runs", finished_runs}};
  }
  return out;
}

std::string SelfPath(const char* argv0) {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string(argv0) : p.string();
}

}  // namespace

int main(int argc, char** argv) {
  parley::bench::g_program = "parley_bench_query";
  parley::bench::g_jsonl = true;  // the report on stderr, the JSON line on stdout
  std::string data_dir, db, child, only;
  int runs = 20;
  double timeout_s = 120;
  bool explain = false, reload = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die("missing value after " + a);
      return argv[++i];
    };
    if (a == "--db") {
      db = value();
    } else if (a == "--runs") {
      runs = std::stoi(value());
    } else if (a == "--timeout-s") {
      timeout_s = std::stod(value());
    } else if (a == "--only") {
      only = value();
    } else if (a == "--explain") {
      explain = true;
    } else if (a == "--reload") {
      reload = true;
    } else if (a == "--child") {
      child = value();
    } else if (a == "-h" || a == "--help") {
      std::printf(
          "usage: parley_bench_query DATA_DIR [--db DIR] [--runs 20] [--timeout-s 120]\n"
          "  [--only Q1,Q3] [--explain] [--reload]\n"
          "DATA_DIR: output of gen.py (csv/ and meta.json). --db (default "
          "DATA_DIR/parley-query-db)\n"
          "is loaded from the CSV unless it holds that graph already, and kept for the next run.\n"
          "Queries: Q1 Q2 Q3 Q4 Q4c Q4p Q5 Q5w (ANCHORS.md), QD (a month of Demand.date).\n"
          "--timeout-s bounds each execution;\n"
          "--explain adds each query's plan. Report on stderr, one JSON line on stdout.\n");
      return 0;
    } else if (!a.starts_with("--") && data_dir.empty()) {
      data_dir = a;
    } else {
      Die("unknown argument " + a + " (try --help)");
    }
  }
  if (data_dir.empty()) Die("usage: parley_bench_query DATA_DIR [options] (try --help)");
  if (db.empty()) db = data_dir + "/parley-query-db";
  if (runs < 1) Die("--runs must be at least 1");
  if (!child.empty()) return ChildMain(data_dir, db, child, runs, explain);

  json meta = ReadMeta(data_dir);
  std::vector<const QuerySpec*> chosen;
  if (only.empty()) {
    for (const auto& q : kQueries) chosen.push_back(&q);
  } else {
    std::stringstream ss(only);
    std::string n;
    while (std::getline(ss, n, ',')) {
      const QuerySpec* q = FindQuery(n);
      if (!q) Die("no query " + n + " (Q1 Q2 Q3 Q4 Q4c Q4p Q5 Q5w QD)");
      chosen.push_back(q);
    }
  }

  double index_s = 0;
  double load_s = PrepareStore(data_dir, db, meta, reload, &index_s);
  double load_avg = LoadAverage();
  Say("parley_bench_query: data %s, store %s, %d runs, timeout %.0f s per execution, load "
      "average %.2f\n",
      data_dir.c_str(), db.c_str(), runs, timeout_s, load_avg);

  std::string self = SelfPath(argv[0]);
  json results = json::object();
  for (const QuerySpec* q : chosen) {
    std::vector<std::string> args = {
        data_dir, "--db", db, "--child", q->name, "--runs", std::to_string(runs)};
    if (explain) args.push_back("--explain");
    ChildOutcome o = RunChild(self, args, timeout_s);
    json& r = o.result;
    r["query"] = q->text;
    if (explain) r["plan"] = o.plan;
    for (const auto& line : o.plan) Say("  %s plan: %s\n", q->name, line.c_str());
    if (r.contains("median_ms")) {
      std::string bad = CheckAnswer(q->name, r, meta);
      r["check"] = bad.empty() ? "ok" : "MISMATCH: " + bad;
      Say("%-4s median %9.1f ms  min %9.1f ms  (%d runs)  rows %zu  first %s  %s\n", q->name,
          r["median_ms"].get<double>(), r["min_ms"].get<double>(), r["runs"].get<int>(),
          r["rows"].get<size_t>(), r["first_row"].dump().c_str(),
          r["check"].get<std::string>().c_str());
    } else if (r.contains("timeout_s")) {
      Say("%-4s TIMEOUT: an execution ran over %.0f s (%d executions finished)\n", q->name,
          timeout_s, r["finished_runs"].get<int>());
    } else {
      Say("%-4s ERROR: %s\n", q->name, r.value("error", std::string("?")).c_str());
    }
    results[q->name] = r;
  }
  json line = {{"bench", "parley_query"},
               {"loadavg_start", load_avg},
               {"loadavg_end", LoadAverage()},
               {"runs", runs},
               {"timeout_s", timeout_s},
               {"load_s", load_s},
               {"index_s", index_s},
               {"db", db},
               {"scale", meta.value("scale", 0.0)},
               {"queries", results}};
  std::printf("%s\n", line.dump().c_str());
  return 0;
}

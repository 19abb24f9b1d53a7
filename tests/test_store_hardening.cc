// The store under stress, through the real binary on real folders: readers beside writers that
// open and close it, damaged logs and manifests, a deleted LOCK file, a full disk. Each either
// gives an answer the store held or stops with one line and a non-zero exit, and loses nothing.
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/facts.h"
#include "graph/graph_model.h"
#include "storage/graph_store.h"
#include "tests/test_util.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using test::RunParley;
using test::RunResult;
using test::TempDir;
using Clock = std::chrono::steady_clock;

// `count` small articles with ids store-<from>..., each naming two countries, one demand
// between them and `text_bytes` of filler text.
std::string MakeFacts(int from, int count, size_t text_bytes = 200) {
  std::string out;
  for (int i = from; i < from + count; ++i) {
    DocumentFacts f;
    f.doc = "store-" + std::to_string(i);
    f.title = "Report " + std::to_string(i);
    f.date = "2026-04-" + std::to_string(10 + i % 18);
    f.source = "Test Wire";
    std::string filler = "Delegates met again in the capital and the statement was read aloud. ";
    while (f.text.size() < text_bytes) f.text += filler;
    f.text += "(" + f.doc + ")";
    std::string a = "C" + std::to_string(i % 7), b = "C" + std::to_string((i + 3) % 7);
    for (const std::string& id : {a, b}) {
      Entity e;
      e.id = id;
      e.name = "Country " + id;
      e.kind = "country";
      e.mentions = {{0, 4, id}};
      f.entities.push_back(std::move(e));
    }
    Event e;
    e.type = "demand";
    e.cameo = "10";
    e.source = {"Country " + a, a};
    e.target = {"Country " + b, b};
    e.content = "release of the detained crew number " + std::to_string(i);
    e.confidence = 0.9;
    e.start = 0;
    e.end = 40;
    f.events.push_back(std::move(e));
    out += FactsToJson(f);
    out += '\n';
  }
  return out;
}

// The number in `{"n": N}`, the one row of a count query in JSONL; -1 if there is none.
long CountOf(const RunResult& r) {
  auto p = r.out.find("\"n\":");
  if (r.exit_code != 0 || p == std::string::npos) return -1;
  return std::strtol(r.out.c_str() + p + 4, nullptr, 10);
}

long Count(const std::string& db, const std::string& label) {
  return CountOf(RunParley(
      {"query", "--db", db, "--format", "jsonl", "MATCH (a:" + label + ") RETURN count(a) AS n"}));
}

// True if `text` is one line (a single trailing newline).
bool OneLine(const std::string& text) {
  return !text.empty() && text.find('\n') == text.size() - 1;
}

// Every file in `dir` with its size and content, to tell that nothing was changed.
std::map<std::string, std::string> Files(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    // RocksDB's info log is written by every open, read-only ones too.
    if (name == "LOG" || name.starts_with("LOG.old")) continue;
    out[name] = test::ReadFileText(e.path().string());
  }
  return out;
}

std::vector<std::string> WithSuffix(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().ends_with(suffix)) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Ingests `jsonl` into `db` in a child process that then exits without closing the store, as
// a killed ingest would: every article is in the log, none in a table file.
void IngestAndDie(const std::string& db, const std::string& jsonl) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    GraphModel model;
    if (!GraphModel::LoadDefault(&model).ok()) ::_exit(2);
    std::unique_ptr<GraphStore> store;
    if (!GraphStore::Open(db, GraphStore::Options(), &store).ok()) ::_exit(3);
    // As parley ingest does: the store records the event key version its events are keyed by.
    if (!CheckEventKeyVersion(store.get(), model.keys).ok()) ::_exit(7);
    size_t start = 0;
    while (start < jsonl.size()) {
      size_t end = jsonl.find('\n', start);
      DocumentFacts facts;
      if (!ParseFacts(std::string_view(jsonl).substr(start, end - start), &facts).ok()) ::_exit(4);
      ArticleRecord record;
      GraphBatch batch;
      if (!FactsToGraph(facts, model, &record, &batch).ok()) ::_exit(5);
      ArticleOutcome outcome;
      if (!store->WriteArticle(record, batch, &outcome).ok()) ::_exit(6);
      start = end + 1;
    }
    ::_exit(0);  // no Close(), no destructors: the memtables are never flushed
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
}

TEST_CASE("readers beside writers that open and close the store see only states it held",
          "[store-hardening][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  const int kBase = 200;
  REQUIRE(
      RunParley(
          {"query", "--db", db,
           "UNWIND range(1, " + std::to_string(kBase) +
               ") AS i CREATE (:Actor {id: 'base' + toString(i), name: 'Base ' + toString(i)})"})
          .exit_code == 0);
  std::string facts = tmp / "facts.jsonl";
  test::WriteFile(facts, MakeFacts(0, 3));
  REQUIRE(RunParley({"ingest", "--db", db, "--facts", facts}).exit_code == 0);
  const long base = Count(db, "Actor");
  REQUIRE(base >= kBase);

  // One writer after another: a CREATE that adds an actor, an alias, an ingest that changes
  // nothing. `created` counts finished CREATEs, `started` those begun: a read that starts
  // after k finished and ends before m began must answer between base + k and base + m.
  std::atomic<int> created{0}, started{0};
  std::atomic<bool> stop{false};
  std::vector<std::string> writer_failures;
  std::thread writer([&] {
    for (int k = 0; !stop; ++k) {
      RunResult r;
      if (k % 3 == 0) {
        ++started;
        r = RunParley({"query", "--db", db, "CREATE (:Actor {id: 'w" + std::to_string(k) + "'})"});
        if (r.exit_code == 0) ++created;
      } else if (k % 3 == 1) {
        r = RunParley({"actor", "alias", "base1", "Alias " + std::to_string(k), "--db", db});
      } else {
        r = RunParley({"ingest", "--db", db, "--facts", facts});
      }
      if (r.exit_code != 0) writer_failures.push_back(r.err);
    }
  });
  std::mutex mu;
  std::vector<std::string> wrong;
  int reads = 0;
  auto reader = [&] {
    long last = 0;
    while (!stop) {
      int low = created;
      RunResult r = RunParley(
          {"query", "--db", db, "--format", "jsonl", "MATCH (a:Actor) RETURN count(a) AS n"});
      int high = started;
      long n = CountOf(r);
      std::lock_guard lock(mu);
      ++reads;
      if (n < base + low || n > base + high || n < last) {
        wrong.push_back("read " + std::to_string(n) + " (exit " + std::to_string(r.exit_code) +
                        ", held " + std::to_string(base + low) + ".." +
                        std::to_string(base + high) + ", previous " + std::to_string(last) +
                        "): " + r.err);
      }
      last = std::max(last, n);
    }
  };
  std::thread r1(reader), r2(reader);
  std::this_thread::sleep_for(std::chrono::seconds(5));
  stop = true;
  writer.join();
  r1.join();
  r2.join();
  INFO(reads << " reads, " << created << " creates");
  for (const auto& w : wrong) UNSCOPED_INFO(w);
  CHECK(wrong.empty());
  for (const auto& w : writer_failures) UNSCOPED_INFO(w);
  CHECK(writer_failures.empty());
  CHECK(created > 0);
  CHECK(Count(db, "Actor") == base + created);
}

TEST_CASE("a store closed after writing is table files and an empty log",
          "[store-hardening][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db", facts = tmp / "facts.jsonl";
  test::WriteFile(facts, MakeFacts(0, 60, 2000));
  RunResult r = RunParley({"ingest", "--db", db, "--facts", facts});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(!WithSuffix(db, ".sst").empty());
  for (const auto& log : WithSuffix(db, ".log")) {
    INFO(log);
    CHECK(fs::file_size(log) == 0);
  }
  CHECK(fs::exists(db + "/PARLEY-DURABLE"));
  CHECK(Count(db, "Article") == 60);
}

TEST_CASE("a damaged log stops reads and writes with one line, and loses nothing",
          "[store-hardening][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db", facts = tmp / "facts.jsonl", more = tmp / "more.jsonl";
  test::WriteFile(facts, MakeFacts(0, 80, 1500));
  test::WriteFile(more, MakeFacts(1000, 5));
  IngestAndDie(db, MakeFacts(0, 80, 1500));
  REQUIRE(Count(db, "Article") == 80);

  auto logs = WithSuffix(db, ".log");
  REQUIRE(!logs.empty());
  std::string log = logs.back();
  for (const auto& l : logs) {
    if (fs::file_size(l) > fs::file_size(log)) log = l;
  }
  const auto size = fs::file_size(log);
  REQUIRE(size > 50000);
  std::string original = test::ReadFileText(log);
  {
    std::fstream f(log, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    f.write("XXXXXXXXXXXXXXXX", 16);
  }
  auto before = Files(db);

  RunResult stats = RunParley({"stats", "--db", db});
  INFO(stats.out << stats.err);
  CHECK(stats.exit_code == 1);
  CHECK(OneLine(stats.err));
  CHECK(stats.err.find("damaged") != std::string::npos);
  CHECK(stats.err.find(db) != std::string::npos);
  RunResult query = RunParley({"query", "--db", db, "MATCH (a:Article) RETURN count(a)"});
  CHECK(query.exit_code == 1);

  // A writer must not recover what it can and drop the rest for good.
  RunResult ingest = RunParley({"ingest", "--db", db, "--facts", more});
  INFO(ingest.err);
  CHECK(ingest.exit_code == 1);
  CHECK(OneLine(ingest.err));
  RunResult alias = RunParley({"actor", "alias", "C1", "Somewhere", "--db", db});
  CHECK(alias.exit_code == 1);
  CHECK(Files(db) == before);

  // Mended, the store has every article again.
  test::WriteFile(log, original);
  CHECK(Count(db, "Article") == 80);
  RunResult again = RunParley({"ingest", "--db", db, "--facts", more});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(Count(db, "Article") == 85);
}

TEST_CASE("a truncated MANIFEST is refused, and no writer changes the store",
          "[store-hardening][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db";
  // Several sessions, so that the MANIFEST lists many table files of every column family.
  for (int k = 0; k < 4; ++k) {
    std::string facts = tmp / ("facts" + std::to_string(k) + ".jsonl");
    test::WriteFile(facts, MakeFacts(k * 20, 20));
    RunResult r = RunParley({"ingest", "--db", db, "--facts", facts});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  REQUIRE(Count(db, "Article") == 80);
  auto manifests = WithSuffix(db, "");
  std::string manifest;
  for (const auto& m : manifests) {
    if (fs::path(m).filename().string().starts_with("MANIFEST-")) manifest = m;
  }
  REQUIRE(!manifest.empty());
  REQUIRE(fs::file_size(manifest) > 900);
  fs::resize_file(manifest, 900);
  auto before = Files(db);

  RunResult stats = RunParley({"stats", "--db", db});
  INFO(stats.out << stats.err);
  CHECK(stats.exit_code == 1);
  CHECK(OneLine(stats.err));
  CHECK(stats.err.find("damaged") != std::string::npos);
  RunResult query = RunParley({"query", "--db", db, "MATCH (a:Actor) RETURN a.id"});
  CHECK(query.exit_code == 1);

  std::string more = tmp / "more.jsonl";
  test::WriteFile(more, MakeFacts(500, 5));
  RunResult ingest = RunParley({"ingest", "--db", db, "--facts", more});
  INFO(ingest.err);
  CHECK(ingest.exit_code == 1);
  CHECK(OneLine(ingest.err));
  CHECK(RunParley({"query", "--db", db, "CREATE (:Actor {id: 'late'})"}).exit_code == 1);
  CHECK(Files(db) == before);
}

TEST_CASE("deleting LOCK under a writer lets no second writer in", "[store-hardening][e2e]") {
  TempDir tmp;
  std::string db = tmp / "db", facts = tmp / "facts.jsonl";
  test::WriteFile(facts, MakeFacts(0, 10));
  REQUIRE(RunParley({"ingest", "--db", db, "--facts", facts}).exit_code == 0);
  {
    std::unique_ptr<GraphStore> writer = test::OpenTestStore(db);
    REQUIRE(fs::remove(db + "/LOCK"));
    std::string more = tmp / "more.jsonl";
    test::WriteFile(more, MakeFacts(100, 3));
    RunResult ingest = RunParley({"ingest", "--db", db, "--facts", more});
    INFO(ingest.err);
    CHECK(ingest.exit_code == 1);
    CHECK(ingest.err.find("in use by another process") != std::string::npos);
    CHECK(RunParley({"actor", "alias", "C1", "Elsewhere", "--db", db}).exit_code == 1);
    // Readers still read.
    CHECK(Count(db, "Article") == 10);
    REQUIRE(writer->Close().ok());
  }
  CHECK(Count(db, "Article") == 10);
  RunResult again = RunParley({"ingest", "--db", db, "--facts", facts});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(Count(db, "Article") == 10);
}

// A tmpfs of `megabytes` at `dir`, unmounted on destruction; mounted() is false where this
// process may not mount (not root, or in a container without the capability).
class SmallDisk {
 public:
  SmallDisk(const std::string& dir, int megabytes) : dir_(dir) {
    fs::create_directories(dir);
    std::string opts = "size=" + std::to_string(megabytes) + "m";
    mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  // Gives the disk `megabytes` in all; false if it cannot.
  bool Grow(int megabytes) {
    std::string opts = "size=" + std::to_string(megabytes) + "m";
    return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, opts.c_str()) == 0;
  }

 private:
  std::string dir_;
  bool mounted_ = false;
};

TEST_CASE("writes on a full disk end with one line naming the store, and lose nothing",
          "[store-hardening][e2e]") {
  TempDir tmp;
  SmallDisk disk(tmp / "disk", 3);
  if (!disk.mounted()) {
    WARN("skipped: cannot mount a small tmpfs here (needs root)");
    return;
  }
  std::string db = tmp / "disk/db", facts = tmp / "facts.jsonl", big = tmp / "big.jsonl";
  test::WriteFile(facts, MakeFacts(0, 20));
  RunResult first = RunParley({"ingest", "--db", db, "--facts", facts});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  std::string export_before = RunParley({"export", "--db", db, "--format", "json"}).out;
  REQUIRE(!export_before.empty());

  // Fill the disk with articles of 20 kB each until a write fails.
  test::WriteFile(big, MakeFacts(100, 400, 20000));
  RunResult full = RunParley({"ingest", "--db", db, "--facts", big});
  INFO(full.err);
  CHECK(full.exit_code == 1);
  CHECK(OneLine(full.err));
  CHECK(full.err.find(db) != std::string::npos);
  CHECK(full.err.find("no space left") != std::string::npos);

  // Fill what space is left, so that the next writers have none.
  {
    std::ofstream pad(tmp / "disk/pad", std::ios::binary);
    std::string block(4096, 'x');
    while (pad.write(block.data(), block.size())) {
    }
  }
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"actor", "alias", "C1", "Faraway", "--db", db},
        std::vector<std::string>{"query", "--db", db, "CREATE (:Actor {id: 'late'})"},
        std::vector<std::string>{"ingest", "--db", db, "--facts", facts}}) {
    RunResult r = RunParley(cmd);
    INFO(cmd[0] << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(OneLine(r.err));
    CHECK(r.err.find(db) != std::string::npos);
  }

  // With space again, everything stored before the disk filled is there.
  fs::remove(tmp / "disk/pad");
  REQUIRE(disk.Grow(64));
  long articles = Count(db, "Article");
  CHECK(articles >= 20);
  RunResult again = RunParley({"ingest", "--db", db, "--facts", facts});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  std::string export_after = RunParley({"export", "--db", db, "--format", "json"}).out;
  for (int i = 0; i < 20; ++i) {
    CHECK(export_after.find("\"store-" + std::to_string(i) + "\"") != std::string::npos);
  }
}

}  // namespace
}  // namespace parley

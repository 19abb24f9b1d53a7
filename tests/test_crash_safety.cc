// Crash safety: `parley ingest` killed with SIGKILL at any moment leaves a store in which every
// article has all of its facts or none, whose counters agree with its contents, and which a
// re-run of the same ingest completes to exactly the store an uninterrupted run makes.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/facts.h"
#include "graph/graph_model.h"
#include "storage/graph_store.h"
#include "tests/test_util.h"
#include "util/hash.h"

#if defined(__SANITIZE_ADDRESS__)
#define PARLEY_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define PARLEY_TEST_SANITIZED 1
#endif
#endif
#ifndef PARLEY_TEST_SANITIZED
#define PARLEY_TEST_SANITIZED 0
#endif

namespace parley {
namespace {

using test::RunParley;
using test::TempDir;
using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------- generated input

// What one generated article must leave in the store, all of it or none of it.
struct Expected {
  std::string doc;
  std::string facts_hash;         // the article record's facts hash
  std::vector<NodeId> own_nodes;  // its Article node and its Demand nodes
  std::vector<RelId> own_rels;    // its stance relationships and its REPORTED_IN edges
};

struct Generated {
  std::string jsonl;
  std::vector<Expected> articles;
};

// `count` articles over a pool of 50 actors, 20 office holders and 30 policies, so that actors,
// policies and role relationships are shared by many articles, and each article has several
// demands (nodes only it contributes) and stances (relationships only it contributes).
Generated Generate(int count) {
  static const char* kStances[][2] = {{"support", "SUPPORTS"},
                                      {"oppose", "OPPOSES"},
                                      {"sanction", "SANCTIONS"},
                                      {"threaten", "THREATENS"},
                                      {"cooperate", "COOPERATES_WITH"}};
  std::mt19937 rng(20260303);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
  auto actor = [](int k) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "A%02d", k);
    return std::string(buf);
  };
  GraphModel model;
  REQUIRE(GraphModel::LoadDefault(&model).ok());
  Generated g;
  std::string words = "The minister said on Tuesday that talks would resume if the other side ";
  for (int i = 0; i < count; ++i) {
    DocumentFacts f;
    char id[24];
    std::snprintf(id, sizeof id, "crash-%05d", i);
    f.doc = id;
    f.title = "Article " + std::to_string(i);
    f.date = "2026-03-" + std::to_string(10 + i % 18);
    f.source = i % 2 ? "Test Wire" : "Other Wire";
    for (int k = 0; k < 5; ++k) f.text += words;
    f.text += "(" + f.doc + ")";

    // Five distinct actors from the pool, and one office holder in the first one's country.
    std::vector<int> who;
    while (who.size() < 5) {
      int a = pick(50);
      if (std::find(who.begin(), who.end(), a) == who.end()) who.push_back(a);
    }
    for (size_t k = 0; k < who.size(); ++k) {
      Entity e;
      e.id = actor(who[k]);
      e.name = "Country " + e.id;
      e.kind = "country";
      e.aliases = {"Alias " + std::to_string(i % 3) + " of " + e.id};
      e.mentions = {{static_cast<int64_t>(k * 10), static_cast<int64_t>(k * 10 + 3), e.id}};
      f.entities.push_back(std::move(e));
    }
    Entity person;
    int p = pick(20);
    person.id = "person-" + std::to_string(p);
    person.name = "Person " + std::to_string(p);
    person.kind = "person";
    person.role = "Minister";
    person.country = actor(p % 50);  // always the same country for one person
    f.entities.push_back(person);

    Triple t;
    t.subject = {person.name, person.id};
    t.predicate = "said";
    t.lemma = "say";
    t.object = {"talks would resume", ""};
    t.confidence = 0.8;
    t.start = 0;
    t.end = 60;
    f.triples.push_back(t);

    Expected x;
    x.doc = f.doc;
    // Four demands, each a node only this article contributes.
    for (int k = 0; k < 4; ++k) {
      Event e;
      e.type = "demand";
      e.cameo = "10";
      e.source = {"Country " + actor(who[k]), actor(who[k])};
      e.target = {"Country " + actor(who[k + 1]), actor(who[k + 1])};
      // A first word of its own: the event's key, and so its node, is this article's alone.
      e.content = "claim" + std::to_string(i) + "x" + std::to_string(k) + " of the article";
      int pol = pick(30);
      e.policies = {{"policy-" + std::to_string(pol), "Policy " + std::to_string(pol)}};
      e.modality = k % 2 ? "must" : "";
      e.confidence = 0.9;
      e.sentence = k;
      e.start = 100 * k;
      e.end = 100 * k + 50;
      e.quote = "quote of demand " + std::to_string(k);
      f.events.push_back(std::move(e));
    }
    // Three stances between actors, each a relationship only this article contributes: an
    // event other than a demand is one per actors, type and day, so each article's stances
    // and withdrawal happen on a day of its own.
    const std::chrono::year_month_day day{
        std::chrono::sys_days{std::chrono::year{2000} / std::chrono::January / 1} +
        std::chrono::days{i}};
    char day_text[16];
    std::snprintf(day_text, sizeof day_text, "%04d-%02u-%02u", int(day.year()),
                  unsigned(day.month()), unsigned(day.day()));
    for (int k = 0; k < 3; ++k) {
      Event e;
      int s = pick(5);
      e.type = kStances[s][0];
      e.event_date = day_text;
      e.date_granularity = "day";
      e.date_basis = "event";
      e.source = {"Country " + actor(who[k]), actor(who[k])};
      int to = who[(k + 3) % 5];
      e.target = {"Country " + actor(to), actor(to)};
      e.content = "stance" + std::to_string(i) + "x" + std::to_string(k);
      e.confidence = 0.7;
      e.sentence = k;
      e.start = 100 * k + 1;
      e.end = 100 * k + 40;
      f.events.push_back(std::move(e));
    }
    // A withdrawal from a policy (no target actor: the relationship goes to the policy).
    {
      Event e;
      e.type = "withdraw";
      e.event_date = day_text;
      e.date_granularity = "day";
      e.date_basis = "event";
      e.source = {"Country " + actor(who[0]), actor(who[0])};
      int pol = pick(30);
      e.policies = {{"policy-" + std::to_string(pol), "Policy " + std::to_string(pol)}};
      e.content = "withdrew" + std::to_string(i);
      e.confidence = 0.6;
      e.start = 500;
      e.end = 540;
      f.events.push_back(std::move(e));
    }
    std::string line = FactsToJson(f);
    // What ingest will hash: the facts as it parses them back.
    DocumentFacts parsed;
    REQUIRE(ParseFacts(line, &parsed).ok());
    x.facts_hash = FactsHash(parsed, kEventKeyVersion);
    // The elements only this article contributes, as ingest makes them: its Article and
    // Demand nodes, their REPORTED_IN, and its stances.
    ArticleRecord record;
    GraphBatch batch;
    REQUIRE(FactsToGraph(parsed, model, &record, &batch).ok());
    for (const auto& op : batch.ops()) {
      bool own_node =
          op.kind == GraphBatch::Op::kPutNode && (op.labels == std::vector<std::string>{"Demand"} ||
                                                  op.labels == std::vector<std::string>{"Article"});
      // The relationships of an event node are shared by every article that reports it.
      bool own_rel = op.kind == GraphBatch::Op::kPutRel && op.type != "DEMANDS" &&
                     op.type != "OF" && op.type != "ABOUT" && op.type != "HOLDS_ROLE" &&
                     op.type != model.types.one_actor().source_rel &&
                     op.type != model.types.one_actor().target_rel;
      if (own_node) x.own_nodes.push_back(op.id);
      if (own_rel) x.own_rels.push_back(op.id);
    }
    g.jsonl += line;
    g.jsonl += '\n';
    g.articles.push_back(std::move(x));
  }
  return g;
}

// ---------------------------------------------------------------------------- child processes

// Starts `parley args...` with stdout and stderr going to `log`. Everything the child needs is
// made before fork(), since the test process may have other threads (RocksDB's).
pid_t Spawn(const std::vector<std::string>& args, const std::string& log) {
  std::string bin = PARLEY_BIN;
  std::vector<std::string> copy = args;
  std::vector<char*> argv{bin.data()};
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    if (devnull >= 0) ::dup2(devnull, 0);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

struct KillResult {
  bool mid_run = false;  // the child was still running when the signal was sent
  int exit_code = 0;     // if it had finished on its own
};

// Runs `parley args...` and sends it SIGKILL `delay` after it started, unless it ended before.
KillResult RunAndKill(const std::vector<std::string>& args, const std::string& log,
                      Clock::duration delay) {
  Clock::time_point start = Clock::now();
  pid_t pid = Spawn(args, log);
  REQUIRE(pid > 0);
  std::this_thread::sleep_until(start + delay);
  KillResult r;
  int status = 0;
  pid_t done = ::waitpid(pid, &status, WNOHANG);
  if (done == pid) {
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
  }
  ::kill(pid, SIGKILL);
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
    r.mid_run = true;
  } else {
    // It finished between the check and the signal.
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  return r;
}

// ---------------------------------------------------------------------------- store checks

struct StoreCheck {
  int complete = 0;  // articles stored with all their facts
  int absent = 0;    // articles with neither record nor facts
  std::vector<std::string> problems;
  void Problem(std::string p) {
    if (problems.size() < 20) problems.push_back(std::move(p));
  }
};

// Opens the store read-only and checks that every generated article is all there or not at
// all, and that the stored counters equal what scans of the store find.
StoreCheck CheckStore(const std::string& dir, const std::vector<Expected>& articles) {
  StoreCheck c;
  GraphStore::Options opt;
  opt.read_only = true;
  opt.block_cache_bytes = 8u << 20;
  std::unique_ptr<GraphStore> store;
  Status s = GraphStore::Open(dir, opt, &store);
  if (!s.ok()) {
    c.Problem("cannot open the store: " + s.message());
    return c;
  }

  for (const Expected& x : articles) {
    ArticleRecord rec;
    Status as = store->GetArticle(x.doc, &rec);
    if (!as.ok() && !as.IsNotFound()) {
      c.Problem(x.doc + ": reading the record failed: " + as.message());
      continue;
    }
    bool has = as.ok();
    int nodes = 0, rels = 0;
    for (NodeId n : x.own_nodes) {
      Node node;
      Status ns = store->GetNode(n, &node);
      if (ns.ok())
        ++nodes;
      else if (!ns.IsNotFound())
        c.Problem(x.doc + ": node read failed: " + ns.message());
    }
    for (RelId r : x.own_rels) {
      Relationship rel;
      Status rs = store->GetRelationship(r, &rel);
      if (rs.ok())
        ++rels;
      else if (!rs.IsNotFound())
        c.Problem(x.doc + ": relationship read failed: " + rs.message());
    }
    std::string counts = std::to_string(nodes) + "/" + std::to_string(x.own_nodes.size()) +
                         " nodes, " + std::to_string(rels) + "/" +
                         std::to_string(x.own_rels.size()) + " relationships";
    if (has) {
      if (nodes != static_cast<int>(x.own_nodes.size()) ||
          rels != static_cast<int>(x.own_rels.size())) {
        c.Problem(x.doc + ": record stored but only " + counts);
      } else if (rec.facts_hash != x.facts_hash) {
        c.Problem(x.doc + ": record stored with another facts hash");
      } else {
        ++c.complete;
      }
    } else if (nodes || rels) {
      c.Problem(x.doc + ": no record but " + counts);
    } else {
      ++c.absent;
    }
  }

  // Counters against scans.
  GraphStats stats;
  s = store->GetStats(&stats);
  if (!s.ok()) {
    c.Problem("GetStats: " + s.message());
    return c;
  }
  int64_t stored_articles = 0;
  s = store->ScanArticles([&](const ArticleRecord&) {
    ++stored_articles;
    return true;
  });
  if (!s.ok()) c.Problem("ScanArticles: " + s.message());
  if (stored_articles != stats.articles) {
    c.Problem("articles counter " + std::to_string(stats.articles) + " but " +
              std::to_string(stored_articles) + " records");
  }
  if (stored_articles != c.complete) {
    c.Problem(std::to_string(stored_articles) + " records but " + std::to_string(c.complete) +
              " complete articles");
  }

  int64_t nodes = 0;
  for (auto cur = store->ScanNodes(); cur->Valid(); cur->Next()) ++nodes;
  if (nodes != stats.nodes) {
    c.Problem("nodes counter " + std::to_string(stats.nodes) + " but a scan finds " +
              std::to_string(nodes));
  }
  std::map<std::string, int64_t> labels = stats.labels;
  for (const char* l : {"Actor", "Article", "Demand", "Policy"}) labels.emplace(l, 0);
  for (const auto& [label, counted] : labels) {
    int64_t found = 0;
    auto cur = store->ScanLabel(label);
    for (; cur->Valid(); cur->Next()) {
      ++found;
      Node n;
      if (!store->GetNode(cur->id(), &n).ok()) {
        c.Problem("label " + label + " lists missing node " + std::to_string(cur->id()));
      }
    }
    if (!cur->status().ok()) c.Problem("ScanLabel " + label + ": " + cur->status().message());
    int64_t want = stats.labels.count(label) ? stats.labels.at(label) : 0;
    if (found != want) {
      c.Problem("label " + label + " counter " + std::to_string(want) + " but a scan finds " +
                std::to_string(found));
    }
  }

  std::map<std::string, int64_t> types;
  int64_t rels = 0;
  for (auto cur = store->ScanRelationships(); cur->Valid(); cur->Next()) {
    ++rels;
    Relationship r;
    Status rs = store->GetRelationship(cur->id(), &r);
    if (!rs.ok()) {
      c.Problem("relationship scan lists unreadable " + std::to_string(cur->id()));
      continue;
    }
    ++types[r.type];
  }
  if (rels != stats.relationships) {
    c.Problem("relationships counter " + std::to_string(stats.relationships) +
              " but a scan finds " + std::to_string(rels));
  }
  if (types != stats.types) {
    std::ostringstream m;
    m << "relationship type counters differ from a scan:";
    for (const auto& [t, n] : stats.types) m << " " << t << "=" << n << "/" << types[t];
    c.Problem(m.str());
  }
  return c;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

// The "(A added, R replaced, U unchanged)" numbers of an ingest's summary line.
bool ParseSummary(const std::string& log, int* added, int* replaced, int* unchanged) {
  auto pos = log.rfind("parley: ingested ");
  if (pos == std::string::npos) return false;
  int total;
  return std::sscanf(log.c_str() + pos,
                     "parley: ingested %d articles (%d added, %d replaced, %d unchanged)", &total,
                     added, replaced, unchanged) == 4;
}

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// ---------------------------------------------------------------------------- tests

// Makes an empty store at `dir`, so that kills never land while RocksDB creates the folder
// (the next test's subject).
void CreateStore(const std::string& dir) {
  std::unique_ptr<GraphStore> store;
  Status s = GraphStore::Open(dir, GraphStore::Options(), &store);
  INFO(s.message());
  REQUIRE(s.ok());
}

TEST_CASE("ingest killed with SIGKILL at 20+ moments keeps every article all-or-nothing",
          "[crash][e2e]") {
  const int kArticles = PARLEY_TEST_SANITIZED ? 300 : 1000;
  const int kMidRunKills = 20;  // kills that must land while the ingest runs
  const int kMaxAttempts = 40;
  TempDir tmp;
  Generated g = Generate(kArticles);
  std::string facts = tmp / "many.jsonl";
  test::WriteFile(facts, g.jsonl);

  // An uninterrupted run into a separate store: its stats are what every interrupted store
  // must end with. Its time, that of a second run that finds everything unchanged, and that of
  // a run stopped by a bad last line (which reads every line before it writes anything) tell
  // how long the phases of a run last: reading, re-checking stored articles, writing new ones.
  std::string ref = tmp / "ref.db";
  Clock::time_point t0 = Clock::now();
  test::RunResult full = RunParley({"ingest", "--db", ref, "--facts", facts});
  const double fresh_time = Seconds(Clock::now() - t0);
  INFO(full.err);
  REQUIRE(full.exit_code == 0);
  int added = -1, replaced = -1, unchanged = -1;
  REQUIRE(ParseSummary(full.err, &added, &replaced, &unchanged));
  REQUIRE(added == kArticles);
  test::RunResult ref_stats = RunParley({"stats", "--db", ref});
  test::RunResult ref_json = RunParley({"stats", "--db", ref, "--format", "json"});
  REQUIRE(ref_stats.exit_code == 0);
  REQUIRE(ref_json.exit_code == 0);
  t0 = Clock::now();
  test::RunResult again = RunParley({"ingest", "--db", ref, "--facts", facts});
  const double unchanged_time = Seconds(Clock::now() - t0);
  REQUIRE(again.exit_code == 0);
  REQUIRE(ParseSummary(again.err, &added, &replaced, &unchanged));
  REQUIRE(unchanged == kArticles);
  REQUIRE(RunParley({"stats", "--db", ref}).out == ref_stats.out);
  {
    StoreCheck c = CheckStore(ref, g.articles);
    INFO(Join(c.problems));
    REQUIRE(c.problems.empty());
    REQUIRE(c.complete == kArticles);
  }
  std::string bad_end = tmp / "bad-end.jsonl";
  test::WriteFile(bad_end, g.jsonl + "{\"doc\": \"bad\", oops\n");
  t0 = Clock::now();
  test::RunResult read_only_run = RunParley({"ingest", "--db", ref, "--facts", bad_end});
  const double read_time = Seconds(Clock::now() - t0);
  REQUIRE(read_only_run.exit_code == 1);
  REQUIRE(RunParley({"stats", "--db", ref}).out == ref_stats.out);
  // Seconds per article to re-check a stored one and to write a new one.
  const double recheck = std::max(0.0, unchanged_time - read_time) / kArticles;
  double write = std::max(recheck, fresh_time - read_time) / kArticles;

  // The kill loop. Each run goes on from what the killed runs before it stored. Odd attempts
  // kill it before it writes anything new (starting, reading every line, re-checking what is
  // stored), even ones while it writes new articles; the moment within that phase is a fraction
  // in (0.03, 0.8), scattered from one attempt to the next (not to 1: run times vary with the
  // machine's load). A run that ends before its kill completes its store; that store is
  // checked like the final one and the next kills start on a fresh store.
  std::string db;
  int round = 0;
  auto new_round = [&] {
    db = tmp / ("crash" + std::to_string(++round) + ".db");
    CreateStore(db);
  };
  new_round();
  auto check_complete = [&](const std::string& dir) {
    StoreCheck c = CheckStore(dir, g.articles);
    INFO(Join(c.problems));
    REQUIRE(c.problems.empty());
    CHECK(c.complete == kArticles);
    CHECK(RunParley({"stats", "--db", dir}).out == ref_stats.out);
    CHECK(RunParley({"stats", "--db", dir, "--format", "json"}).out == ref_json.out);
  };

  int mid_run = 0, attempts = 0, stored = 0, mid_write = 0;
  double check_time = 0;
  std::vector<double> delays;
  std::ostringstream history;
  std::string log = tmp / "ingest.log";
  while (mid_run < kMidRunKills && attempts < kMaxAttempts) {
    ++attempts;
    double fraction = 0.03 + 0.77 * std::fmod(0.5 + (attempts / 2) * 0.6180339887, 1.0);
    double before_writes = read_time + recheck * stored;
    double delay = attempts % 2 ? fraction * before_writes
                                : before_writes + fraction * write * (kArticles - stored);
    delays.push_back(delay);
    KillResult r = RunAndKill(
        {"ingest", "--db", db, "--facts", facts}, log,
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay)));
    INFO("attempt " << attempts << ": kill after " << delay << " s, mid-run " << r.mid_run << ", "
                    << stored << " articles stored before");
    Clock::time_point check_start = Clock::now();
    StoreCheck c = CheckStore(db, g.articles);
    check_time += Seconds(Clock::now() - check_start);
    INFO(Join(c.problems));
    REQUIRE(c.problems.empty());
    REQUIRE(c.complete + c.absent == kArticles);
    REQUIRE(c.complete >= stored);  // a killed run never loses what an earlier one stored
    history << " " << delay << "s:" << stored << "->" << c.complete << (r.mid_run ? "" : "(done)");
    if (r.mid_run) {
      ++mid_run;
      if (c.complete > stored) ++mid_write;
      stored = c.complete;
      if (stored < kArticles) continue;
      // Killed after its last write: the store is whole, and every later kill on it would
      // land at the same moment (the re-check of all articles). Check it; start afresh.
      check_complete(db);
      new_round();
      stored = 0;
      continue;
    }
    // Runs go faster than measured (the machine is less busy now): aim earlier.
    write *= 0.75;
    INFO("the run ended before its kill:\n" << test::ReadFileText(log));
    REQUIRE(r.exit_code == 0);
    check_complete(db);
    new_round();
    stored = 0;
  }
  WARN(mid_run << " of " << attempts << " kills landed mid-run (" << mid_write
               << " of them after the run had stored new articles), over " << round
               << " store(s); checks took " << check_time << " s; uninterrupted run " << fresh_time
               << " s, re-run " << unchanged_time << " s, reading alone " << read_time << " s, "
               << kArticles << " articles; kill moment: stored before -> after:" << history.str());
  CHECK(mid_run >= kMidRunKills);
  std::sort(delays.begin(), delays.end());
  CHECK(std::adjacent_find(delays.begin(), delays.end()) == delays.end());

  // The last store's ingest run to its end: what was stored stays as it was, the rest is
  // added, and the result is the uninterrupted run's, byte for byte.
  test::RunResult last = RunParley({"ingest", "--db", db, "--facts", facts});
  INFO(last.err);
  REQUIRE(last.exit_code == 0);
  REQUIRE(ParseSummary(last.err, &added, &replaced, &unchanged));
  CHECK(replaced == 0);
  CHECK(unchanged == stored);
  CHECK(added == kArticles - stored);
  check_complete(db);
}

// A first ingest killed while RocksDB is still creating the store's folder, before its CURRENT
// file exists, leaves some of LOCK, LOG, IDENTITY, MANIFEST-000001 and 000000.dbtmp behind (seen
// with kills 15 to 100 ms after the start). The next ingest must be able to create the store
// there; a folder with other files in it stays refused.
TEST_CASE("ingest killed while it creates a new store leaves a store the next ingest can use",
          "[crash][e2e]") {
  namespace fs = std::filesystem;
  TempDir tmp;
  std::string facts = std::string(PARLEY_TEST_DATA) + "/iran_facts.jsonl";
  auto ingest_works = [&](const std::string& db, const std::string& what) {
    test::RunResult again = RunParley({"ingest", "--db", db, "--facts", facts});
    INFO(what << ": " << again.err);
    REQUIRE(again.exit_code == 0);
    test::RunResult stats = RunParley({"stats", "--db", db, "--format", "json"});
    REQUIRE(stats.exit_code == 0);
    CHECK(stats.out.find("[\"total\",\"articles\",2]") != std::string::npos);
  };

  SECTION("the files a kill leaves, made by hand") {
    // A real MANIFEST-000001 and IDENTITY from a store just made.
    std::string made = tmp / "made.db";
    CreateStore(made);
    std::string manifest, identity;
    for (const auto& e : fs::directory_iterator(made)) {
      std::string name = e.path().filename().string();
      if (name.rfind("MANIFEST-", 0) == 0 && manifest.empty()) manifest = e.path().string();
      if (name == "IDENTITY") identity = e.path().string();
    }
    REQUIRE(!manifest.empty());
    REQUIRE(!identity.empty());
    const std::vector<std::vector<std::string>> leftovers = {
        {"LOG"},
        {"LOCK", "LOG", "IDENTITY"},
        {"LOCK", "LOG", "000000.dbtmp"},
        {"LOCK", "LOG", "IDENTITY", "MANIFEST-000001"}};
    for (size_t i = 0; i < leftovers.size(); ++i) {
      std::string db = tmp / ("left" + std::to_string(i) + ".db");
      fs::create_directories(db);
      std::string what;
      for (const auto& f : leftovers[i]) {
        what += f + " ";
        if (f == "IDENTITY") {
          fs::copy_file(identity, db + "/" + f);
        } else if (f == "MANIFEST-000001") {
          fs::copy_file(manifest, db + "/" + f);
        } else {
          test::WriteFile(db + "/" + f,
                          f == "LOG" ? "2026/03/03-10:00:00.000000 1 RocksDB version: 8\n" : "");
        }
      }
      // Reading does not create a store: stats fails but names the folder.
      test::RunResult stats = RunParley({"stats", "--db", db});
      CHECK(stats.exit_code == 1);
      CHECK(stats.err.find(db) != std::string::npos);
      ingest_works(db, "a folder holding " + what);
    }
    // A folder with anything else in it is not taken over.
    std::string other = tmp / "other.db";
    test::WriteFile(other + "/LOG", "log\n");
    test::WriteFile(other + "/notes.txt", "mine\n");
    test::RunResult r = RunParley({"ingest", "--db", other, "--facts", facts});
    CHECK(r.exit_code == 1);
    CHECK(fs::exists(other + "/notes.txt"));
    CHECK_FALSE(fs::exists(other + "/CURRENT"));
  }

  SECTION("real kills around the moment the store is created") {
    // When, after the start, the folder and its CURRENT file appear.
    double appear = 0, current = 0;
    {
      std::string db = tmp / "probe.db";
      Clock::time_point start = Clock::now();
      pid_t pid = Spawn({"ingest", "--db", db, "--facts", facts}, tmp / "probe.log");
      std::error_code ec;
      while (::waitpid(pid, nullptr, WNOHANG) == 0) {
        double t = Seconds(Clock::now() - start);
        if (!appear && fs::exists(db, ec)) appear = t;
        if (!current && fs::exists(db + "/CURRENT", ec)) current = t;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      REQUIRE(appear > 0);
      if (!current) current = Seconds(Clock::now() - start);
    }
    // Kills spread over that window and a little around it; timing decides how many land in
    // it, so this part finds the fault often rather than always.
    int in_window = 0;
    const int kTries = PARLEY_TEST_SANITIZED ? 6 : 12;
    for (int i = 0; i < kTries; ++i) {
      std::string db = tmp / ("try" + std::to_string(i) + ".db");
      double lo = appear * 0.9, hi = current * 1.1 + 0.002;
      double at = lo + (hi - lo) * i / (kTries - 1);
      KillResult r = RunAndKill(
          {"ingest", "--db", db, "--facts", facts}, tmp / "try.log",
          std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(at)));
      std::error_code ec;
      bool half_made =
          fs::exists(db, ec) && !fs::exists(db + "/CURRENT", ec) && !fs::is_empty(db, ec);
      if (half_made) ++in_window;
      ingest_works(db, "kill at " + std::to_string(at) + " s (mid-run " +
                           std::to_string(r.mid_run) + ", folder half made " +
                           std::to_string(half_made) + ")");
    }
    WARN(in_window << " of " << kTries << " kills left a half-made store folder (window " << appear
                   << ".." << current << " s after the start)");
  }
}

}  // namespace
}  // namespace parley

// Whole-graph plans: ChainCount (ordered adjacency scans, a merge join, grouping by node ids)
// and variable-length walks read breadth first for their distinct ends. Each answer is checked
// against the row-by-row plan of the same question, which a WHERE clause (for ChainCount) or a
// named relationship variable (for the walks) keeps the planner from replacing; EXPLAIN shows
// which plan ran; and the query limits stop the parallel parts.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "query/engine.h"
#include "query/parallel.h"
#include "query_rows.h"
#include "storage/bulk_loader.h"
#include "test_util.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;
using test::QueryGraph;

// 30 actors (25 names, so two actors can share one; kinds 0-2), 400 demands each made by one
// actor and aimed at another (sometimes at its maker), a few demands aimed twice, relationships
// of the same types from and to nodes of other labels, a loop and two parallel relationships.
void Build(QueryGraph& g) {
  g.Run("UNWIND range(0, 29) AS i CREATE (:A {name: 'a' + toString(i % 25), k: i % 3})");
  g.Run(
      "MATCH (x:A) WITH collect(x) AS xs UNWIND range(0, 399) AS j "
      "WITH xs[j % 30] AS s, xs[(j * 7 + j / 3) % 30] AS t, j "
      "CREATE (s)-[:D]->(:Dm {j: j})-[:O]->(t)");
  g.Run(
      "MATCH (d:Dm)-[:O]->(t:A) WHERE d.j % 17 = 0 WITH d, t MATCH (u:A {name: 'a4'}) "
      "CREATE (d)-[:O]->(u)");
  g.Run(
      "MATCH (s:A {name: 'a2'}), (t:A {name: 'a9'}) "
      "CREATE (s)-[:D]->(:Other {j: -1})-[:O]->(t), (:B {name: 'b'})-[:D]->(:Dm {j: "
      "-2})-[:O]->(t), "
      "(s)-[:L]->(s), (s)-[:P]->(t), (s)-[:P]->(t)");
}

// 3,000 relationships of another type between other nodes: whole scans of the adjacency
// lists then cost more than reading the actors' lists alone.
void AddNoise(QueryGraph& g) {
  BulkLoader loader(g.store(), BulkLoader::Options());
  const uint64_t base = uint64_t{1} << 50;
  for (uint64_t i = 0; i < 3000; ++i) {
    REQUIRE(loader.AddNode(base + 2 * i, {"N"}, {}).ok());
    REQUIRE(loader.AddNode(base + 2 * i + 1, {"N"}, {}).ok());
    REQUIRE(loader.AddRelationship(base + i, "Z", base + 2 * i, base + 2 * i + 1, {}).ok());
  }
  REQUIRE(loader.Finish().ok());
}

// The counts of a result's rows ("... | n" lines), sorted.
std::vector<std::string> LastColumn(const Rows& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.substr(r.rfind(' ') + 1));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("ChainCount answers as the row-by-row plan does", "[query][whole_graph]") {
  QueryGraph g;
  Build(g);
  bool noise = GENERATE(false, true);
  if (noise) AddNoise(g);
  const std::string sources = noise ? "link 1 from the outgoing lists of :A nodes, link 2 from "
                                      "the incoming lists of :A nodes"
                                    : "link 1 from the scan, link 2 from the scan";
  const std::vector<std::string> chains = {
      "MATCH (a:A)-[:D]->(d:Dm)-[:O]->(b:A) RETURN a.name AS s, b.name AS t, count(*) AS n",
      "MATCH (a)-[:D]->(d)<-[:D]-(b) RETURN a.name, count(*)",
      "MATCH (a:A)<-[:O]-(d)<-[:D]-(b:A) RETURN a.k, b.k, count(*) AS n",
      "MATCH (d:Dm)-[:O]->(b) RETURN b, count(*)",
      "MATCH (a)-[:D]->()-[:O]->(b) RETURN count(*)",
      "MATCH (a)-[:D|P]->(d)-[:O|L]->(b) RETURN d.j % 5 AS r, count(*) AS n",
      "MATCH (a:A)-[:D]->(d)-[:O]->(b) RETURN labels(d) AS l, count(*)",
      "MATCH (a)-[:NEVER]->(b) RETURN a.name, count(*)",
      "MATCH (a)-[:NEVER]->(b) RETURN count(*)",
  };
  for (const std::string& q : chains) {
    INFO(q);
    std::string with_where = q;
    with_where.insert(q.find(" RETURN"), " WHERE true");
    CHECK(g.Plan(q).find("ChainCount") != std::string::npos);
    CHECK(g.Plan(with_where).find("ChainCount") == std::string::npos);
    CHECK(g.Sorted(q) == g.Sorted(with_where));
  }
  CHECK(g.Plan(chains[0]).find(sources) != std::string::npos);
  CHECK(g.Run(chains[0]).size() > 100);
  CHECK(g.Run("MATCH (a)-[:NEVER]->(b) RETURN count(*)") == Rows{"0"});

  // ORDER BY count(*) ... LIMIT: only the top groups are made into rows; ties may come in
  // another order, so the counts are compared, and each row must be one of the full answer.
  const std::string full = chains[0];
  Rows all = g.Sorted(full);
  for (std::string order : {" ORDER BY n DESC LIMIT 7", " ORDER BY count(*) SKIP 2 LIMIT 4"}) {
    INFO(order);
    std::string top = full + order;
    std::string old = full;
    old.insert(full.find(" RETURN"), " WHERE true");
    old += order;
    CHECK(g.Plan(top).find("top ") != std::string::npos);
    Rows got = g.Run(top);
    CHECK(LastColumn(got) == LastColumn(g.Run(old)));
    for (const auto& r : got) CHECK(std::binary_search(all.begin(), all.end(), r));
  }
  // WITH ... WHERE after the count, and ORDER BY the count in RETURN.
  std::string with =
      "MATCH (a:A)-[:D]->(d:Dm)-[:O]->(b:A) WITH a.name AS s, count(*) AS n WHERE n > 14 "
      "RETURN s, n ORDER BY n DESC, s";
  std::string with_old = with;
  with_old.insert(with.find(" WITH"), " WHERE true");
  CHECK(g.Plan(with).find("ChainCount") != std::string::npos);
  CHECK(g.Run(with) == g.Run(with_old));
}

TEST_CASE("ChainCount is not used where it would answer differently", "[query][whole_graph]") {
  QueryGraph g;
  Build(g);
  for (std::string q : {
           "MATCH (a:A)-[:D]->(d)-[:O]->(b:A) RETURN a.name, count(DISTINCT b)",
           "MATCH (a:A)-[r:D]->(d)-[:O]->(b:A) RETURN a.name, count(*)",
           "MATCH (a:A)-[:D]->(d)-[:O]->(b:A) RETURN a.name, b.name + a.name, count(*)",
           "MATCH (a:A)-[:D]->(d)-[:O]->(b:A) RETURN a.name, rand() < 2, count(*)",
           "MATCH (a:A)-[:D]->(d)-[:O]->(b:A {name: 'a4'}) RETURN a.name, count(*)",
           "MATCH (a:A)-[:D*1..2]->(b) RETURN a.name, count(*)",
           "MATCH (a:A)-[:D]-(d) RETURN a.name, count(*)",
       }) {
    INFO(q);
    CHECK(g.Plan(q).find("ChainCount") == std::string::npos);
  }
}

TEST_CASE("Variable-length walks read breadth first give the same distinct ends",
          "[query][whole_graph]") {
  QueryGraph g;
  Build(g);
  const std::vector<std::string> walks = {
      "MATCH (a:A {name: 'a2'})-[*1..2]-(n) WHERE n <> a RETURN count(DISTINCT n)",
      "MATCH (a:A {name: 'a2'})-[*1..2]-(n) RETURN count(DISTINCT n)",
      "MATCH (a:A {name: 'a5'})-[*1..2]-(n) RETURN count(DISTINCT n), min(n.j), max(n.j)",
      "MATCH (a:A {name: 'a9'})<-[*..2]-(n) RETURN DISTINCT n.name AS m ORDER BY m",
      "MATCH (a:A {name: 'a3'})-[:D|O*0..2]->(n) RETURN count(DISTINCT n)",
      "MATCH (a:A {name: 'a3'})-[*1..1]-(n:Dm) RETURN count(DISTINCT n.j)",
      "MATCH (a:A)-[:D|O*2]-(n:A) RETURN a.name AS s, count(DISTINCT n) AS c ORDER BY s",
      "MATCH (a:A)-[:O*1..2]-(n:A) RETURN a.name AS s, count(DISTINCT n) AS c ORDER BY s",
      "MATCH (a:A {name: 'a2'})-[:L|P*1..2]-(n) RETURN count(DISTINCT n)",
      "MATCH (a:A {name: 'a2'})-[:L*1..2]->(n) RETURN count(DISTINCT n)",
      "MATCH (a:A {name: 'a2'})-[:P*1..2]->(n) RETURN count(DISTINCT n)",
      "MATCH (a:A {name: 'a2'})-[:P*2]-(n) RETURN count(DISTINCT n)",
  };
  int used = 0;
  for (const std::string& q : walks) {
    INFO(q);
    std::string named = q;
    named.insert(q.find("[") + 1, "r");
    CHECK(g.Plan(named).find("distinct ends") == std::string::npos);
    if (g.Plan(q).find("distinct ends") != std::string::npos) ++used;
    CHECK(g.Sorted(q) == g.Sorted(named));
  }
  // The two *2 walks (at least 2 relationships) go relationship by relationship.
  CHECK(used == static_cast<int>(walks.size()) - 2);
  // Rows that are not deduplicated keep every walk.
  CHECK(g.Plan("MATCH (a:A {name: 'a2'})-[*1..2]-(n) RETURN count(n)").find("distinct ends") ==
        std::string::npos);
  CHECK(g.Plan("MATCH (a:A {name: 'a2'})-[*1..3]-(n) RETURN count(DISTINCT n)")
            .find("distinct ends") == std::string::npos);
}

TEST_CASE("The query limits stop the parallel whole-graph parts", "[query][whole_graph][limits]") {
  // 60,000 chains X -T-> Y -U-> Z, bulk loaded (CREATE would take longer than the test may).
  test::TempDir dir;
  auto store = test::OpenTestStore(dir / "db");
  {
    BulkLoader loader(store.get(), BulkLoader::Options());
    constexpr uint64_t n = 60000;
    for (uint64_t i = 1; i <= n; ++i) {
      REQUIRE(loader.AddNode(i, {"X"}, {{"i", Value(static_cast<int64_t>(i % 100))}}).ok());
      REQUIRE(loader.AddNode(n + i, {"Y"}, {}).ok());
      REQUIRE(loader.AddNode(2 * n + i, {"Z"}, {}).ok());
      REQUIRE(loader.AddRelationship(i, "T", i, n + i, {}).ok());
      REQUIRE(loader.AddRelationship(n + i, "U", n + i, 2 * n + i, {}).ok());
    }
    REQUIRE(loader.Finish().ok());
  }
  auto run = [&](const std::string& text, const query::QueryLimits& limits, Rows* rows) {
    ValueMap p;
    test::RowCapture c;
    Status s = query::RunQuery(store.get(), text, p, &c, limits);
    *rows = c.rows;
    return s;
  };
  const std::string chain = "MATCH (x:X)-[:T]->(y)-[:U]->(z) RETURN x.i, count(*)";
  Rows rows;
  auto plan_has = [&](const std::string& text, const std::string& what) {
    Rows lines;
    REQUIRE(run("EXPLAIN " + text, {}, &lines).ok());
    for (const auto& line : lines) {
      if (line.find(what) != std::string::npos) return true;
    }
    return false;
  };
  REQUIRE(plan_has(chain, "ChainCount"));
  REQUIRE(run(chain, {}, &rows).ok());
  CHECK(rows.size() == 100);

  std::atomic<bool> cancel{true};
  query::QueryLimits cancelled;
  cancelled.cancel = &cancel;
  Status s = run(chain, cancelled, &rows);
  CHECK_THAT(s.message(), Catch::Contains("cancelled"));

  query::QueryLimits quick;
  quick.timeout_seconds = 0.001;
  s = run(chain, quick, &rows);
  CHECK_THAT(s.message(), Catch::Contains("(--timeout)"));

  query::QueryLimits small;
  small.max_memory_bytes = 256 << 10;
  s = run(chain, small, &rows);
  CHECK_THAT(s.message(), Catch::Contains("(--max-memory)"));

  const std::string walk = "MATCH (y:Y)-[*1..2]-(n) RETURN count(DISTINCT n)";
  CHECK(plan_has(walk, "distinct ends"));
  s = run(walk, quick, &rows);
  CHECK_THAT(s.message(), Catch::Contains("(--timeout)"));
}

TEST_CASE("Parallel workers stop when the time limit passes", "[query][whole_graph][limits]") {
  // Workers that would run for ever: only the watcher's stop ends them.
  ValueMap params;
  query::QueryLimits limits;
  limits.timeout_seconds = 0.05;
  query::ExecContext ctx(nullptr, &params, "", limits);
  std::atomic<int> stopped{0};
  size_t held = 0;
  auto start = std::chrono::steady_clock::now();
  Status s = query::RunParallel(
      ctx, 2,
      [&](int, query::WorkerControl& control) {
        while (!control.stopped()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++stopped;
        return Status::OK();
      },
      &held);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_THAT(s.message(), Catch::Contains("time limit of 0.05 s (--timeout)"));
  CHECK(stopped == 2);
  CHECK(seconds < 5);
  // One part runs on the calling thread and checks the limits itself.
  query::ExecContext one(nullptr, &params, "", limits);
  s = query::RunParallel(
      one, 1,
      [&](int, query::WorkerControl& control) {
        while (!control.stopped()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return Status::OK();
      },
      &held);
  CHECK_THAT(s.message(), Catch::Contains("(--timeout)"));
}

}  // namespace parley

// Walks between two bound nodes counted from both ends (query/walk_count.h) instead of walked
// one by one: each count is checked against the row-by-row plan of the same question (count(1)
// instead of count(*) keeps the planner from counting), on graphs with loops, short cycles
// and parallel relationships, where the layered count would be wrong and the step must walk
// instead; EXPLAIN shows which plan ran.
#include <catch2/catch.hpp>

#include "query/engine.h"
#include "query_rows.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;

// A scratch store that also tells whether a query's walks are counted from both ends.
class Graph : public test::QueryGraph {
 public:
  bool Counted(const std::string& text) {
    return Plan(text).find("walks counted from both ends") != std::string::npos;
  }
};

// The same query with count(1) for count(*): rows one by one.
std::string RowByRow(std::string q) {
  for (size_t at; (at = q.find("count(*)")) != std::string::npos;) q.replace(at, 8, "count(1)");
  return q;
}

// Makers and targets: 12 actors (10 names), 150 demands each made by one actor and aimed at
// another or (every 11th) at its maker, every 13th aimed twice; a loop and two parallel
// relationships of another type.
void BuildDemands(Graph& g) {
  g.Run("UNWIND range(0, 11) AS i CREATE (:A {name: 'a' + toString(i % 10)})");
  g.Run(
      "MATCH (x:A) WITH collect(x) AS xs UNWIND range(0, 149) AS j "
      "WITH xs[j % 12] AS s, xs[CASE WHEN j % 11 = 0 THEN j % 12 ELSE (j * 5 + j / 4) % 12 END] "
      "AS t, j CREATE (s)-[:D]->(:Dm {j: j})-[:O]->(t)");
  g.Run(
      "MATCH (d:Dm)-[:O]->(t:A) WHERE d.j % 13 = 0 MATCH (u:A {name: 'a7'}) CREATE (d)-[:O]->(u)");
  g.Run(
      "MATCH (s:A {name: 'a2'}), (t:A {name: 'a9'}) "
      "CREATE (s)-[:L]->(s), (s)-[:P]->(t), (s)-[:P]->(t)");
}

}  // namespace

TEST_CASE("Walks counted from both ends equal the walks matched one by one",
          "[query][walk_count]") {
  Graph g;
  BuildDemands(g);
  bool indexed = GENERATE(false, true);
  if (indexed) REQUIRE(g.store()->CreateIndex("A", "name").ok());
  // With the index the far end is sought first; without it an earlier MATCH binds both ends.
  auto pattern = [&](const std::string& x, const std::string& walk, const std::string& y) {
    if (indexed) return "MATCH p = (a:A {name: '" + x + "'})" + walk + "(b:A {name: '" + y + "'}) ";
    return "MATCH (a:A {name: '" + x + "'}), (b:A {name: '" + y + "'}) MATCH p = (a)" + walk +
           "(b) ";
  };
  int counted = 0, total = 0;
  for (const std::string walk :
       {"-[:D|O*1..4]->", "-[:D|O*2..4]->", "<-[:D|O*1..4]-", "-[:D|O*0..3]->", "-[:D|O*1..6]->",
        "-[:D|O|L|P*1..3]->", "-[:L|P*1..3]->", "-[*1..4]->", "-[:D|O*4]->"}) {
    for (const auto& [x, y] : std::vector<std::pair<std::string, std::string>>{
             {"a0", "a1"}, {"a3", "a8"}, {"a2", "a9"}, {"a4", "a4"}, {"a1", "a0"}, {"a6", "a5"}}) {
      std::string q = pattern(x, walk, y) + "RETURN count(*) AS n";
      INFO(q);
      CHECK(g.Counted(q));
      CHECK_FALSE(g.Counted(RowByRow(q)));
      CHECK(g.Run(q) == g.Run(RowByRow(q)));
      ++total;
      if (g.Run(q) != Rows{"0"}) ++counted;
    }
  }
  CHECK(counted > total / 2);  // most pairs have walks
  // Grouped by one end, with the other bound; and several pairs of ends per name.
  for (std::string q : {
           "MATCH (b:A {name: 'a5'}), (a:A) MATCH (a)-[:D|O*1..4]->(b) RETURN a.name AS s, "
           "count(*) AS n "
           "ORDER BY s",
           "MATCH (a:A), (b:A) MATCH (a)-[:D|O*2..2]->(b) RETURN count(*)",
           "MATCH (a:A {name: 'a1'}), (b:A {name: 'a0'}) MATCH (a)-[r:D]->()-[:D|O*1..3]->(b) "
           "RETURN count(*), count(*) + 1",
       }) {
    INFO(q);
    CHECK(g.Counted(q));
    CHECK(g.Run(q) == g.Run(RowByRow(q)));
  }
}

TEST_CASE("Walk counting falls back to walking where a walk could repeat a relationship",
          "[query][walk_count]") {
  Graph g;
  // x has a loop and a two-step cycle through c; y is reached from x directly. Walks from x to
  // y: x->y, x-loop->x->y, x->c->x->y, x-loop->x->c->x->y, ... Counted by layers, a walk that
  // takes the loop (or the cycle) twice would count too.
  g.Run(
      "CREATE (x:N {name: 'x'})-[:T]->(y:N {name: 'y'}), (x)-[:T]->(x), "
      "(x)-[:T]->(c:N {name: 'c'})-[:T]->(x), (y)-[:T]->(z:N {name: 'z'})");
  REQUIRE(g.store()->CreateIndex("N", "name").ok());
  const std::vector<std::pair<std::string, std::string>> expected = {
      // x->y, x-l->x->y, x->c->x->y, x-l->x->c->x->y, x->c->x-l->x->y: the loop and the cycle
      // once each at most.
      {"MATCH (a:N {name: 'x'})-[:T*1..5]->(b:N {name: 'y'}) RETURN count(*)", "5"},
      {"MATCH (a:N {name: 'x'})-[:T*1..3]->(b:N {name: 'y'}) RETURN count(*)", "3"},
      {"MATCH (a:N {name: 'x'})-[:T*1..2]->(b:N {name: 'y'}) RETURN count(*)", "2"},
      {"MATCH (a:N {name: 'x'})-[:T*1..6]->(b:N {name: 'z'}) RETURN count(*)", "5"},
      {"MATCH (a:N {name: 'c'})-[:T*1..4]->(b:N {name: 'c'}) RETURN count(*)", "2"},
      {"MATCH (a:N {name: 'y'})-[:T*1..4]->(b:N {name: 'x'}) RETURN count(*)", "0"},
  };
  for (const auto& [q, n] : expected) {
    INFO(q);
    CHECK(g.Counted(q));
    CHECK(g.Run(q) == Rows{n});
    CHECK(g.Run(RowByRow(q)) == Rows{n});
  }
}

TEST_CASE("Walks are counted only when nothing reads them", "[query][walk_count]") {
  Graph g;
  BuildDemands(g);
  REQUIRE(g.store()->CreateIndex("A", "name").ok());
  for (std::string q : {
           "MATCH p = (a:A {name: 'a0'})-[:D|O*1..4]->(b:A {name: 'a1'}) RETURN count(p)",
           "MATCH p = (a:A {name: 'a0'})-[:D|O*1..4]->(b:A {name: 'a1'}) RETURN length(p), "
           "count(*)",
           "MATCH (a:A {name: 'a0'})-[r:D|O*1..4]->(b:A {name: 'a1'}) RETURN size(r), count(*)",
           "MATCH p = (a:A {name: 'a0'})-[:D|O*1..4]->(b:A {name: 'a1'}) RETURN count(DISTINCT "
           "b)",
           "MATCH (a:A {name: 'a0'})-[:D|O*1..4]-(b:A {name: 'a1'}) RETURN count(*)",
           "MATCH (a:A {name: 'a0'})-[:D|O*1..9]->(b:A {name: 'a1'}) RETURN count(*)",
           "MATCH (a:A {name: 'a0'})-[:D|O*1..4]->(b:A {name: 'a1'}) WHERE size([x IN "
           "range(1, 2) | x]) > 0 RETURN count(*), collect(a.name)",
           "MATCH (a:A {name: 'a0'})-[:D|O*1..3]->(b:A) RETURN count(*)",
           "OPTIONAL MATCH (a:A {name: 'a0'})-[:D|O*1..3]->(b:A {name: 'a1'}) RETURN count(*)",
       }) {
    INFO(q);
    CHECK_FALSE(g.Counted(q));
  }
  // Undirected, too long or unbound at one end: the rows are the same either way.
  CHECK(g.Run("MATCH (a:A {name: 'a0'})-[:D|O*1..3]-(b:A {name: 'a1'}) RETURN count(*)") ==
        g.Run("MATCH (a:A {name: 'a0'})-[:D|O*1..3]-(b:A {name: 'a1'}) RETURN count(1)"));
}

}  // namespace parley

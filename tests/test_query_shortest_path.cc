// shortestPath(...) and allShortestPaths(...) in MATCH end to end on a real store: ties, no
// path, directions, length bounds, types and properties, conditions on the path, OPTIONAL
// MATCH, the errors the language defines, and the query limits holding on a big clique.
#include <catch2/catch.hpp>

#include "query_rows.h"
#include "test_util.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;
using test::QueryGraph;

// Two ways of three R steps from a to e (a-b-d-e and a-c-d-e, a tie), a direct S step from a
// to e, a two-way R between d and f, and z on its own.
void MakeDiamond(QueryGraph& g) {
  g.Run(
      "CREATE (a:P {n: 'a'}), (b:P {n: 'b'}), (c:P {n: 'c'}), (d:P {n: 'd'}), (e:P {n: 'e'}), "
      "(f:P {n: 'f'}), (z:P {n: 'z'}), "
      "(a)-[:R {w: 1}]->(b), (b)-[:R {w: 1}]->(d), (a)-[:R {w: 2}]->(c), (c)-[:R {w: 2}]->(d), "
      "(d)-[:R {w: 1}]->(e), (a)-[:S]->(e), (d)-[:R {w: 3}]->(f), (f)-[:R {w: 3}]->(d)");
}

const char* kNames = "[x IN nodes(p) | x.n]";

std::string Names(const std::string& match) {
  return match + " RETURN " + kNames + " AS names";
}

}  // namespace

TEST_CASE("shortestPath finds one shortest path, allShortestPaths every tie", "[query][shortest]") {
  QueryGraph g;
  MakeDiamond(g);
  // Any type: the direct S step; only R: three steps, one of the two ways.
  CHECK(g.Run(Names("MATCH p = shortestPath((a:P {n: 'a'})-[*]->(e:P {n: 'e'}))")) ==
        Rows{"['a', 'e']"});
  Rows one = g.Run(Names("MATCH p = shortestPath((a:P {n: 'a'})-[:R*]->(e:P {n: 'e'}))"));
  REQUIRE(one.size() == 1);
  CHECK((one[0] == "['a', 'b', 'd', 'e']" || one[0] == "['a', 'c', 'd', 'e']"));
  CHECK(g.Sorted(Names("MATCH p = allShortestPaths((a:P {n: 'a'})-[:R*]->(e:P {n: 'e'}))")) ==
        Rows{"['a', 'b', 'd', 'e']", "['a', 'c', 'd', 'e']"});
  // The relationship variable is the list of relationships; the path reads as written.
  CHECK(g.Sorted("MATCH p = allShortestPaths((a:P {n: 'a'})-[rs:R*]->(e:P {n: 'e'})) "
                 "RETURN [r IN rs | r.w], length(p), startNode(rs[0]) = a") ==
        Rows{"[1, 1, 1] | 3 | true", "[2, 2, 1] | 3 | true"});
  // Between every pair of a label: one row per pair that has a path.
  CHECK(g.Run("MATCH (x:P), (y:P) WHERE x.n < y.n AND x.n IN ['a', 'b'] "
              "MATCH p = shortestPath((x)-[:R*]->(y)) RETURN x.n, y.n, length(p) "
              "ORDER BY x.n, y.n") == Rows{"'a' | 'b' | 1", "'a' | 'c' | 1", "'a' | 'd' | 2",
                                           "'a' | 'e' | 3", "'a' | 'f' | 3", "'b' | 'd' | 1",
                                           "'b' | 'e' | 2", "'b' | 'f' | 2"});
}

TEST_CASE("shortest paths follow the pattern's direction, types and properties",
          "[query][shortest]") {
  QueryGraph g;
  MakeDiamond(g);
  // Written from the far end: the same paths, read from e.
  CHECK(g.Sorted(Names("MATCH p = allShortestPaths((e:P {n: 'e'})<-[:R*]-(a:P {n: 'a'}))")) ==
        Rows{"['e', 'd', 'b', 'a']", "['e', 'd', 'c', 'a']"});
  // Against the direction there is none; either direction finds it.
  CHECK(g.Run(Names("MATCH p = shortestPath((e:P {n: 'e'})-[:R*]->(a:P {n: 'a'}))")).empty());
  CHECK(g.Sorted(Names("MATCH p = allShortestPaths((e:P {n: 'e'})-[:R*]-(a:P {n: 'a'}))")) ==
        Rows{"['e', 'd', 'b', 'a']", "['e', 'd', 'c', 'a']"});
  CHECK(g.Run(Names("MATCH p = shortestPath((e:P {n: 'e'})-[*]-(a:P {n: 'a'}))")) ==
        Rows{"['e', 'a']"});
  // Two relationships between d and f, one each way: two shortest paths when either
  // direction will do, one when a direction is given.
  CHECK(g.Run("MATCH p = allShortestPaths((d:P {n: 'd'})-[:R*]-(f:P {n: 'f'})) RETURN count(*)") ==
        Rows{"2"});
  CHECK(g.Run("MATCH p = allShortestPaths((d:P {n: 'd'})-[:R*]->(f:P {n: 'f'})) "
              "RETURN count(*)") == Rows{"1"});
  // A property map on the relationship holds for each one walked.
  CHECK(g.Run(Names("MATCH p = shortestPath((a:P {n: 'a'})-[:R* {w: 2}]->(d:P {n: 'd'}))")) ==
        Rows{"['a', 'c', 'd']"});
  // A single relationship: the variable is that relationship.
  CHECK(g.Run("MATCH p = shortestPath((a:P {n: 'a'})-[r:S]->(e:P {n: 'e'})) RETURN type(r)") ==
        Rows{"'S'"});
}

TEST_CASE("length bounds, no path, the node itself and OPTIONAL MATCH", "[query][shortest]") {
  QueryGraph g;
  MakeDiamond(g);
  // At most two R steps from a to e: none; at most three: found.
  CHECK(g.Run(Names("MATCH p = shortestPath((a:P {n: 'a'})-[:R*..2]->(e:P {n: 'e'}))")).empty());
  CHECK(g.Run("MATCH p = shortestPath((a:P {n: 'a'})-[:R*1..3]->(e:P {n: 'e'})) "
              "RETURN length(p)") == Rows{"3"});
  // No path at all: no row; in OPTIONAL MATCH, nulls.
  CHECK(g.Run(Names("MATCH p = shortestPath((a:P {n: 'a'})-[*]-(z:P {n: 'z'}))")).empty());
  CHECK(g.Run("MATCH (a:P {n: 'a'}) OPTIONAL MATCH p = shortestPath((a)-[rs*]-(z:P {n: 'z'})) "
              "RETURN a.n, p, rs") == Rows{"'a' | null | null"});
  CHECK(g.Run("MATCH (a:P {n: 'a'}) OPTIONAL MATCH p = shortestPath((a)-[*]->(e:P {n: 'e'})) "
              "RETURN length(p)") == Rows{"1"});
  // From a node to itself: the empty path with a minimum of 0, none with 1.
  CHECK(
      g.Run("MATCH p = shortestPath((a:P {n: 'a'})-[*0..]->(a)) RETURN length(p), nodes(p)[0].n") ==
      Rows{"0 | 'a'"});
  CHECK(g.Run("MATCH p = shortestPath((a:P {n: 'a'})-[*]->(a)) RETURN p").empty());
}

TEST_CASE("conditions on the path pick the shortest paths that meet them", "[query][shortest]") {
  QueryGraph g;
  MakeDiamond(g);
  // Not through b: the way through c, although a path through b is as short.
  CHECK(g.Run(Names("MATCH p = shortestPath((a:P {n: 'a'})-[:R*]->(e:P {n: 'e'})) "
                    "WHERE size([x IN nodes(p) WHERE x.n = 'b']) = 0")) ==
        Rows{"['a', 'c', 'd', 'e']"});
  // Longer than one step: not the S shortcut but the three-step R paths.
  CHECK(g.Sorted(Names("MATCH p = allShortestPaths((a:P {n: 'a'})-[*]->(e:P {n: 'e'})) "
                       "WHERE length(p) > 1")) ==
        Rows{"['a', 'b', 'd', 'e']", "['a', 'c', 'd', 'e']"});
  // On the relationships: every weight 1.
  CHECK(g.Run(Names("MATCH p = allShortestPaths((a:P {n: 'a'})-[rs:R*]->(e:P {n: 'e'})) "
                    "WHERE size([r IN rs WHERE r.w <> 1]) = 0")) == Rows{"['a', 'b', 'd', 'e']"});
  // None meets the condition: no row.
  CHECK(g.Run(Names("MATCH p = shortestPath((a:P {n: 'a'})-[:R*]->(e:P {n: 'e'})) "
                    "WHERE length(p) > 3"))
            .empty());
  // Conditions on the ends alone stay ordinary filters; EXPLAIN shows the search.
  Rows plan = g.Run("EXPLAIN MATCH p = shortestPath((a:P)-[:R*]->(e:P)) WHERE a.n = 'a' RETURN p");
  bool shown = false;
  for (const auto& line : plan) {
    shown = shown || line.find("ShortestPath") != std::string::npos;
  }
  CHECK(shown);
}

TEST_CASE("a longer graph: both searches meet in the middle, ties from both sides",
          "[query][shortest]") {
  QueryGraph g;
  // A directed ring of ten: from 0 to 5 five steps one way; undirected, five steps both ways.
  g.Run("UNWIND range(0, 9) AS i CREATE (:Ring {i: i})");
  g.Run("MATCH (a:Ring), (b:Ring) WHERE b.i = (a.i + 1) % 10 CREATE (a)-[:NEXT]->(b)");
  CHECK(g.Run("MATCH p = shortestPath((a:Ring {i: 0})-[:NEXT*]->(b:Ring {i: 5})) "
              "RETURN [x IN nodes(p) | x.i]") == Rows{"[0, 1, 2, 3, 4, 5]"});
  CHECK(g.Run("MATCH p = shortestPath((a:Ring {i: 5})-[:NEXT*]->(b:Ring {i: 0})) "
              "RETURN [x IN nodes(p) | x.i]") == Rows{"[5, 6, 7, 8, 9, 0]"});
  CHECK(g.Sorted("MATCH p = allShortestPaths((a:Ring {i: 0})-[:NEXT*]-(b:Ring {i: 5})) "
                 "RETURN [x IN nodes(p) | x.i]") ==
        Rows{"[0, 1, 2, 3, 4, 5]", "[0, 9, 8, 7, 6, 5]"});
  CHECK(g.Run("MATCH p = allShortestPaths((a:Ring {i: 2})-[:NEXT*]-(b:Ring {i: 8})) "
              "RETURN [x IN nodes(p) | x.i]") == Rows{"[2, 1, 0, 9, 8]"});
  CHECK(g.Run("MATCH p = shortestPath((a:Ring {i: 0})-[:NEXT*..4]->(b:Ring {i: 5})) RETURN p")
            .empty());
}

TEST_CASE("shortestPath errors", "[query][shortest][errors]") {
  QueryGraph g;
  CHECK_THAT(g.Error("MATCH p = shortestPath((a)-[*2..5]-(b)) RETURN p"),
             Catch::Contains("does not support a minimal length different from 0 or 1"));
  CHECK_THAT(g.Error("MATCH p = allShortestPaths((a)-[*]->(b)-[*]->(c)) RETURN p"),
             Catch::Contains("requires a pattern containing a single relationship"));
  CHECK_THAT(g.Error("MATCH p = shortestPath((a)) RETURN p"),
             Catch::Contains("requires a pattern containing a single relationship"));
  CHECK_THAT(g.Error("CREATE p = shortestPath((a)-[:T]->(b))"),
             Catch::Contains("cannot be used to CREATE"));
  CHECK_THAT(g.Error("MATCH p = shortestPath((a)-[*]-(b) RETURN p"), Catch::Contains("')'"));
}

TEST_CASE("the query limits hold for shortest paths on a big clique", "[query][shortest][limits]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  // 60 nodes, every ordered pair joined: 3,540 relationships.
  auto r = test::RunParley({"query", "--db", db, "UNWIND range(1, 60) AS i CREATE (:K {i: i})"});
  REQUIRE(r.exit_code == 0);
  r = test::RunParley(
      {"query", "--db", db, "MATCH (a:K), (b:K) WHERE a <> b CREATE (a)-[:E]->(b)"});
  REQUIRE(r.exit_code == 0);
  // A path condition no short path meets walks paths of growing length: billions of them.
  r = test::RunParley({"query", "--db", db, "--timeout", "1",
                       "MATCH p = shortestPath((a:K {i: 1})-[*]-(b:K {i: 2})) "
                       "WHERE length(p) > 40 RETURN p"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("(--timeout)"));
  // Every path of three steps between two nodes of the clique: 3,306 paths kept.
  r = test::RunParley({"query", "--db", db, "--max-memory", "1",
                       "MATCH p = allShortestPaths((a:K {i: 1})-[*]->(b:K {i: 2})) "
                       "WHERE length(p) = 3 RETURN count(*)"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("(--max-memory)"));
  r = test::RunParley({"query", "--db", db, "--max-memory", "100",
                       "MATCH p = allShortestPaths((a:K {i: 1})-[*]->(b:K {i: 2})) "
                       "WHERE length(p) = 3 RETURN count(*) AS n"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"n\":3306}\n");
}

}  // namespace parley

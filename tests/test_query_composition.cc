// Query composition and the expressions that hold a scope of their own, end to end on a real
// store: UNION and UNION ALL, WITH in its positions, quantifiers, reduce, map projections,
// EXISTS { } and COUNT { } subqueries and pattern comprehensions, with their errors and the
// query limits inside them.
#include <catch2/catch.hpp>

#include "query/engine.h"
#include "query_rows.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;

// A scratch store holding a small graph of actors who demand things of each other.
class Graph : public test::QueryGraph {
 public:
  Graph() {
    Run("CREATE (a:Actor {name: 'Ana', rank: 3}), (b:Actor {name: 'Bo', rank: 1}), "
        "(c:Actor {name: 'Cy', rank: 2}), (d:Group {name: 'Dee'}), "
        "(a)-[:DEMANDS {what: 'talks'}]->(b), (a)-[:DEMANDS {what: 'aid'}]->(c), "
        "(b)-[:DEMANDS {what: 'truce'}]->(c), (c)-[:MEMBER]->(d)");
  }
};

bool Has(const std::string& message, const std::string& part) {
  return message.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("UNION drops repeated rows, UNION ALL keeps them", "[query][union]") {
  Graph g;
  CHECK(g.Run("RETURN 1 AS x UNION RETURN 1 AS x") == Rows{"1"});
  CHECK(g.Run("RETURN 1 AS x UNION ALL RETURN 1 AS x") == Rows{"1", "1"});
  CHECK(g.Sorted("MATCH (a:Actor) RETURN a.name AS n UNION MATCH (g:Group) RETURN g.name AS n") ==
        Rows{"'Ana'", "'Bo'", "'Cy'", "'Dee'"});
  CHECK(g.Run("UNWIND [1, 2, 2] AS x RETURN x UNION UNWIND [2, 3] AS x RETURN x") ==
        Rows{"1", "2", "3"});
  CHECK(g.Run("UNWIND [1, 2, 2] AS x RETURN x UNION ALL UNWIND [2] AS x RETURN x") ==
        Rows{"1", "2", "2", "2"});
  // Three parts, each with its own variables and aggregation.
  CHECK(g.Run("MATCH (a:Actor) RETURN count(a) AS k UNION ALL MATCH (g:Group) RETURN count(g) "
              "AS k UNION ALL RETURN 7 AS k") == Rows{"3", "1", "7"});
  CHECK(g.Columns("RETURN 1 AS a, 2 AS b UNION RETURN 3 AS a, 4 AS b") == Rows{"a", "b"});
  // Nodes from two parts are one node when they are the same.
  CHECK(g.Run("MATCH (a {name: 'Bo'}) RETURN a.rank AS r UNION MATCH (a:Actor {rank: 1}) "
              "RETURN a.rank AS r") == Rows{"1"});
}

TEST_CASE("UNION refuses parts that disagree", "[query][union][errors]") {
  Graph g;
  CHECK(Has(g.Error("RETURN 1 AS a UNION RETURN 1 AS b"), "same column names"));
  CHECK(Has(g.Error("RETURN 1 AS a, 2 AS b UNION RETURN 2 AS b, 1 AS a"), "same column names"));
  CHECK(Has(g.Error("RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a"),
            "Invalid combination of UNION and UNION ALL"));
  CHECK(Has(g.Error("RETURN 1 AS a UNION ALL RETURN 2 AS a UNION RETURN 3 AS a"),
            "Invalid combination of UNION and UNION ALL"));
  CHECK(Has(g.Error("MATCH (a) RETURN a UNION RETURN b AS a"), "Variable 'b' not defined"));
  CHECK(Has(g.Error("RETURN 1 AS a UNION"), "Unexpected end of input"));
}

TEST_CASE("WITH filters, orders, limits, aggregates and shadows", "[query][with]") {
  Graph g;
  CHECK(g.Run("MATCH (a:Actor) WITH a ORDER BY a.rank DESC LIMIT 2 RETURN a.name") ==
        Rows{"'Ana'", "'Cy'"});
  // Ordering by an expression the WITH does not project.
  CHECK(g.Run("MATCH (a:Actor) WITH a.name AS name ORDER BY a.rank SKIP 1 RETURN name") ==
        Rows{"'Cy'", "'Ana'"});
  CHECK(g.Run("MATCH (a:Actor)-[:DEMANDS]->(b) WITH a, count(b) AS n WHERE n > 1 "
              "RETURN a.name, n") == Rows{"'Ana' | 2"});
  CHECK(g.Run("MATCH (a:Actor) WITH DISTINCT labels(a) AS l RETURN l") == Rows{"['Actor']"});
  CHECK(g.Run("UNWIND [3, 1, 2] AS x WITH x WHERE x > 1 WITH x * 10 AS y RETURN sum(y)") ==
        Rows{"50"});
  CHECK(g.Run("WITH 1 AS x WITH x + 1 AS x WITH x * 3 AS x RETURN x") == Rows{"6"});
  CHECK(g.Run("MATCH (a:Actor {name: 'Bo'}) WITH * RETURN a.rank") == Rows{"1"});
  CHECK(g.Run("MATCH (a:Actor) WITH count(*) AS n ORDER BY n RETURN n") == Rows{"3"});
  CHECK(g.Run("MATCH (a:Actor) RETURN a.rank % 2 AS odd, count(*) AS n ORDER BY n DESC, odd") ==
        Rows{"1 | 2", "0 | 1"});
  // WITH's WHERE sees the names from before it, unless it aggregated or was DISTINCT.
  CHECK(g.Run("MATCH (a:Actor) WITH a.name AS name WHERE a.rank = 2 OR name = 'Bo' RETURN name "
              "ORDER BY name") == Rows{"'Bo'", "'Cy'"});
  // After aggregation, ORDER BY and WHERE may repeat a projected expression inside a larger one.
  CHECK(g.Run("UNWIND [1, 2, 2, 3] AS x WITH x, count(*) AS c WHERE count(*) > 1 RETURN x, c") ==
        Rows{"2 | 2"});
  CHECK(g.Run("UNWIND [1, 2, 2, 3] AS x RETURN x, count(*) AS c ORDER BY count(*) * -1, x") ==
        Rows{"2 | 2", "1 | 1", "3 | 1"});
  CHECK(Has(g.Error("UNWIND [1, 2] AS x WITH DISTINCT x + 1 AS k WHERE x = 1 RETURN k"),
            "Variable 'x' not defined"));
  // An aggregating item reads, outside its aggregates, only grouping keys.
  CHECK(g.Run("MATCH (a:Actor)-[:DEMANDS]->(b) RETURN a.rank AS r, a.rank * 10 + count(*) AS s "
              "ORDER BY s") == Rows{"1 | 11", "3 | 32"});
  CHECK(g.Run("UNWIND [1, 2] AS x WITH x, [y IN collect(x) | y + x] AS l RETURN x, l") ==
        Rows{"1 | [2]", "2 | [4]"});
  CHECK(Has(g.Error("MATCH (a:Actor) RETURN a.rank + count(*)"), "Ambiguous aggregation"));
  CHECK(Has(g.Error("MATCH (a:Actor) WITH a.name AS n, a.rank + count(*) AS s RETURN s"),
            "Ambiguous aggregation"));
  // A grouping key counts when it is a variable or `v.key`, not a larger expression.
  CHECK(g.Run("MATCH (a:Actor)-[:DEMANDS]->(b) RETURN a.rank AS r, count(*) AS n ORDER BY a.rank + "
              "count(*) DESC") == Rows{"3 | 2", "1 | 1"});
  CHECK(Has(g.Error("MATCH (a:Actor)-->(b) RETURN a.rank + b.rank, count(*) ORDER BY a.rank + "
                    "b.rank + count(*)"),
            "Ambiguous aggregation"));
  // A variable WITH does not carry is gone.
  CHECK(Has(g.Error("MATCH (a:Actor) WITH a.name AS name RETURN a"), "Variable 'a' not defined"));
  CHECK(Has(g.Error("MATCH (a) WITH a.rank + 1 RETURN 1"), "must be aliased"));
}

TEST_CASE("any, all, none and single are three-valued", "[query][quantifier]") {
  Graph g;
  CHECK(g.Run("RETURN any(x IN [1, 2, 3] WHERE x > 2), all(x IN [1, 2, 3] WHERE x > 0), "
              "none(x IN [1, 2] WHERE x > 5), single(x IN [1, 2, 3] WHERE x = 2)") ==
        Rows{"true | true | true | true"});
  CHECK(g.Run("RETURN any(x IN [] WHERE x), all(x IN [] WHERE x), none(x IN [] WHERE x), "
              "single(x IN [] WHERE x)") == Rows{"false | true | true | false"});
  // A null predicate leaves the answer open unless the others decided it.
  CHECK(g.Run("RETURN any(x IN [null, 4] WHERE x > 3), any(x IN [null, 1] WHERE x > 3)") ==
        Rows{"true | null"});
  CHECK(g.Run("RETURN all(x IN [null, 1] WHERE x > 3), all(x IN [null, 5] WHERE x > 3)") ==
        Rows{"false | null"});
  CHECK(g.Run("RETURN none(x IN [null, 5] WHERE x > 3), none(x IN [null, 1] WHERE x > 3)") ==
        Rows{"false | null"});
  CHECK(g.Run("RETURN single(x IN [5, null] WHERE x > 3), single(x IN [5, 6, null] WHERE x > 3)") ==
        Rows{"null | false"});
  CHECK(g.Run("RETURN any(x IN null WHERE x > 1)") == Rows{"null"});
  CHECK(g.Run("MATCH (a:Actor) WHERE all(r IN [(a)-[d:DEMANDS]->() | d.what] WHERE r <> 'aid') "
              "RETURN a.name ORDER BY a.name") == Rows{"'Bo'", "'Cy'"});
  CHECK(g.Run("RETURN any(x IN [[1], [2, 3]] WHERE single(y IN x WHERE y = 3))") == Rows{"true"});
  CHECK(Has(g.Error("RETURN any(x IN [1, 2] WHERE x + 1)"), "expected Boolean"));
  CHECK(Has(g.Error("RETURN all(x IN 5 WHERE x > 1)"), "expected a List"));
  CHECK(Has(g.Error("RETURN none(x IN [1] WHERE y > 1)"), "Variable 'y' not defined"));
  CHECK(Has(g.Error("RETURN any(x IN [1] WHERE count(x) > 1)"), "aggregating function"));
}

TEST_CASE("reduce folds a list", "[query][reduce]") {
  Graph g;
  CHECK(g.Run("RETURN reduce(s = 0, x IN [1, 2, 3] | s + x)") == Rows{"6"});
  CHECK(g.Run("RETURN reduce(s = '', x IN ['a', 'b'] | s + x + '-')") == Rows{"'a-b-'"});
  CHECK(g.Run("RETURN reduce(s = 5, x IN [] | s + x), reduce(s = 5, x IN null | s + x)") ==
        Rows{"5 | null"});
  CHECK(g.Run("MATCH p = (:Actor {name: 'Ana'})-[:DEMANDS*]->(:Actor {name: 'Cy'}) "
              "RETURN reduce(t = 0, n IN nodes(p) | t + n.rank) AS total ORDER BY total") ==
        Rows{"5", "6"});
  CHECK(g.Run("WITH 10 AS base RETURN reduce(acc = base, x IN range(1, 4) | acc * x)") ==
        Rows{"240"});
  CHECK(Has(g.Error("RETURN reduce(s = 0, x IN [1] | s + y)"), "Variable 'y' not defined"));
  CHECK(Has(g.Error("RETURN reduce(s = 0, x IN 'abc' | s)"), "expected a List"));
  CHECK(Has(g.Error("RETURN reduce(s = 0, x IN [1] s + x)"), "expected '|'"));
  CHECK(Has(g.Error("RETURN reduce(x = 0, x IN [1] | x)"), "already declared"));
}

TEST_CASE("map projections pick properties, add keys and variables", "[query][map]") {
  Graph g;
  CHECK(g.Run("MATCH (a:Actor {name: 'Ana'}) RETURN a{.name, .rank}") ==
        Rows{"{name: 'Ana', rank: 3}"});
  CHECK(g.Run("MATCH (a:Actor {name: 'Ana'}) RETURN a{.*, rank: a.rank * 10, extra: 1}") ==
        Rows{"{extra: 1, name: 'Ana', rank: 30}"});
  CHECK(g.Run("MATCH (a:Actor {name: 'Bo'}) WITH a, 7 AS seven RETURN a{.name, .missing, seven}") ==
        Rows{"{missing: null, name: 'Bo', seven: 7}"});
  CHECK(g.Run("MATCH ()-[d:DEMANDS {what: 'aid'}]->() RETURN d{.*}") == Rows{"{what: 'aid'}"});
  CHECK(g.Run("WITH {k: 1, j: 2} AS m RETURN m{.k, z: 0}") == Rows{"{k: 1, z: 0}"});
  CHECK(g.Run("OPTIONAL MATCH (x:Nobody) RETURN x{.name}") == Rows{"null"});
  CHECK(Has(g.Error("RETURN q{.name}"), "Variable 'q' not defined"));
  CHECK(Has(g.Error("WITH 5 AS n RETURN n{.a}"), "Type mismatch"));
}

TEST_CASE("EXISTS subqueries test a pattern against each row", "[query][exists]") {
  Graph g;
  CHECK(g.Run("MATCH (a:Actor) WHERE EXISTS { (a)-[:DEMANDS]->() } RETURN a.name ORDER BY "
              "a.name") == Rows{"'Ana'", "'Bo'"});
  CHECK(g.Run("MATCH (a:Actor) WHERE NOT EXISTS { (a)-[:DEMANDS]->() } RETURN a.name") ==
        Rows{"'Cy'"});
  CHECK(g.Run("MATCH (a:Actor) WHERE EXISTS { (a)-[d:DEMANDS]->(b) WHERE b.rank < 2 } "
              "RETURN a.name") == Rows{"'Ana'"});
  CHECK(g.Run("MATCH (a:Actor) WHERE EXISTS { MATCH (a)-->(x)-->(y:Group) } RETURN a.name "
              "ORDER BY a.name") == Rows{"'Ana'", "'Bo'"});
  CHECK(g.Run("MATCH (a:Actor) RETURN a.name, EXISTS { MATCH (a)<-[:DEMANDS]-(b) WITH b "
              "WHERE b.rank = 3 RETURN b } AS asked ORDER BY a.name") ==
        Rows{"'Ana' | false", "'Bo' | true", "'Cy' | true"});
  // Variables bound inside stay inside.
  CHECK(Has(g.Error("MATCH (a) WHERE EXISTS { (a)-->(b) } RETURN b"), "Variable 'b' not defined"));
  // exists() tests whether a key is present (a map's key held with null counts) or a pattern
  // matches.
  CHECK(g.Run("WITH {k: null, j: 1} AS m, null AS z RETURN exists(m.k), exists(m.q), "
              "exists(z.k)") == Rows{"true | false | null"});
  CHECK(g.Run("MATCH (a) WHERE exists(a.rank) AND NOT exists((a)-[:MEMBER]->()) RETURN a.name "
              "ORDER BY a.name") == Rows{"'Ana'", "'Bo'"});
  CHECK(Has(g.Error("RETURN exists(1)"), "exists() takes one property"));
  CHECK(Has(g.Error("MATCH (a) WHERE EXISTS { MATCH (a)-->(b) CREATE (c) } RETURN a"),
            "cannot update"));
}

TEST_CASE("COUNT subqueries count the rows of a subquery for each row", "[query][count]") {
  Graph g;
  CHECK(g.Run("MATCH (a:Actor) RETURN a.name, COUNT { (a)-[:DEMANDS]->() } AS n ORDER BY "
              "a.name") == Rows{"'Ana' | 2", "'Bo' | 1", "'Cy' | 0"});
  CHECK(g.Run("MATCH (a:Actor) WHERE COUNT { MATCH (a)-[:DEMANDS]-(b) RETURN b } = 2 "
              "RETURN a.name ORDER BY a.name") == Rows{"'Ana'", "'Bo'", "'Cy'"});
  // Aggregation, DISTINCT and LIMIT run again for each row.
  CHECK(g.Run("MATCH (a:Actor) RETURN a.name, COUNT { MATCH (a)-[:DEMANDS]-(b) RETURN DISTINCT "
              "labels(b) AS l } AS kinds, COUNT { MATCH (a)--(b) RETURN b LIMIT 1 } AS one, "
              "COUNT { MATCH (a)--(b) RETURN count(b) AS c } AS agg ORDER BY a.name") ==
        Rows{"'Ana' | 1 | 1 | 1", "'Bo' | 1 | 1 | 1", "'Cy' | 1 | 1 | 1"});
  CHECK(g.Run("UNWIND [1, 2, 3] AS k RETURN k, COUNT { UNWIND range(1, k) AS i WITH i "
              "WHERE i % 2 = 1 RETURN i } AS odd") == Rows{"1 | 1", "2 | 1", "3 | 2"});
  CHECK(g.Run("RETURN COUNT { MATCH (n) }") == Rows{"4"});
  // A procedure call inside runs again for each row.
  CHECK(g.Run("UNWIND ['Actor', 'Group', 'None'] AS l RETURN l, COUNT { CALL db.labels() YIELD "
              "label WHERE label = l RETURN label } AS n") ==
        Rows{"'Actor' | 1", "'Group' | 1", "'None' | 0"});
}

TEST_CASE("pattern comprehensions list a projection over the matches", "[query][comprehension]") {
  Graph g;
  Rows names = g.Run("MATCH (a:Actor {name: 'Ana'}) RETURN [(a)-[:DEMANDS]->(b) | b.name]");
  CHECK((names == Rows{"['Bo', 'Cy']"} || names == Rows{"['Cy', 'Bo']"}));
  CHECK(g.Run("MATCH (a:Actor {name: 'Ana'}) RETURN [(a)-[d:DEMANDS]->(b) WHERE b.rank > 1 | "
              "d.what] AS w") == Rows{"['aid']"});
  CHECK(g.Run("MATCH (a:Actor) RETURN a.name, size([p = (a)-[*]->(:Group) | length(p)]) ORDER "
              "BY a.name") == Rows{"'Ana' | 2", "'Bo' | 1", "'Cy' | 1"});
  CHECK(
      g.Run("MATCH (c:Actor {name: 'Cy'}) RETURN [(c)<-[:DEMANDS]-(x) | x{.name}] = [] AS none") ==
      Rows{"false"});
  CHECK(Has(g.Error("MATCH (a) RETURN [(a)-->(b) | b], b"), "Variable 'b' not defined"));
  CHECK(Has(g.Error("MATCH (a) RETURN [(a)-->(b)]"), "expected '|'"));
}

TEST_CASE("query limits hold inside subqueries and comprehensions", "[query][limits]") {
  Graph g;
  query::QueryLimits limits;
  limits.timeout_seconds = 0.3;
  std::string slow =
      "RETURN COUNT { UNWIND range(1, 100000000) AS i WITH i WHERE i < 0 RETURN i } AS n";
  CHECK(Has(g.Error(slow, {}, limits), "time limit"));
  query::QueryLimits memory;
  memory.max_memory_bytes = 1 << 20;
  CHECK(Has(g.Error("MATCH (a:Actor) RETURN [(a)--(b) | reduce(s = '', x IN range(1, 100000) | "
                    "s + 'xxxxxxxxxx')]",
                    {}, memory),
            "memory"));
}

}  // namespace parley

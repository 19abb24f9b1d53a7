// The query engine end to end on a real store: each clause, pattern form, operator and error
// through query::RunQuery, values compared in Cypher's printed form.
#include <catch2/catch.hpp>

#include "query_rows.h"

namespace parley {
namespace {

// Queries here take their parameters as JSON text, as --params does.
using test::JsonQueryGraph;
using test::QueryResult;

using Rows = std::vector<std::string>;

}  // namespace

TEST_CASE("MATCH finds nodes by label and property map", "[query][match]") {
  JsonQueryGraph g;
  g.Run(
      "CREATE (:Actor {name: 'Iran', kind: 'country'}), (:Actor:Person {name: 'Khamenei'}), "
      "(:Policy {name: 'sanctions'}), ({name: 'loose'})");
  CHECK(g.Sorted("MATCH (a:Actor) RETURN a.name") == Rows{"'Iran'", "'Khamenei'"});
  CHECK(g.Run("MATCH (a:Actor:Person) RETURN a.name") == Rows{"'Khamenei'"});
  CHECK(g.Run("MATCH (a {kind: 'country'}) RETURN a.name") == Rows{"'Iran'"});
  CHECK(g.Run("MATCH (n) RETURN count(n)") == Rows{"4"});
  CHECK(g.Run("MATCH (n:Nothing) RETURN n").empty());
  CHECK(g.Run("MATCH (n {name: null}) RETURN n").empty());  // = null never holds
  CHECK(g.Run("MATCH (p:Policy) RETURN p") == Rows{"(:Policy {name: 'sanctions'})"});
}

TEST_CASE("relationships match by type and direction", "[query][match]") {
  JsonQueryGraph g;
  g.Run("CREATE (a:A {n: 'a'})-[:T {w: 1}]->(b:B {n: 'b'}), (b)-[:U]->(a), (a)-[:T]->(a)");
  CHECK(g.Sorted("MATCH (x)-[:T]->(y) RETURN x.n, y.n") == Rows{"'a' | 'a'", "'a' | 'b'"});
  CHECK(g.Run("MATCH (x)<-[:U]-(y) RETURN x.n, y.n") == Rows{"'a' | 'b'"});
  CHECK(g.Run("MATCH (x)-[:T|U]->(y:B) RETURN x.n") == Rows{"'a'"});
  CHECK(g.Run("MATCH ()-[r:T {w: 1}]->() RETURN r") == Rows{"[:T {w: 1}]"});
  // Undirected: every non-loop relationship twice (once from each end), a loop once.
  CHECK(g.Run("MATCH ()-[r]-() RETURN count(r)") == Rows{"5"});
  CHECK(g.Run("MATCH (x)-[r]-(x) RETURN count(r)") == Rows{"1"});
  CHECK(g.Run("MATCH (x:A)-[:T]->(x) RETURN x.n") == Rows{"'a'"});
}

TEST_CASE("a label the relationship type guarantees is not checked, and others still are",
          "[query][match][plan]") {
  JsonQueryGraph g;
  g.Run(
      "CREATE (:A {n: 1})-[:T]->(:B {n: 2}), (:A {n: 3})-[:T]->(:B:C {n: 4}), "
      "(:A {n: 5})-[:U]->(:C {n: 6})");
  auto explain = [&](const std::string& q) {
    std::string text;
    for (const auto& line : g.Run("EXPLAIN " + q)) text += line + "\n";
    return text;
  };
  // Every T ends at a B: the plan walks to (x) without checking :B; not every T ends at a C.
  // (The first MATCH binds a, so that the second one walks from it.)
  CHECK_THAT(explain("MATCH (a:A) MATCH (a)-[:T]->(x:B) RETURN x"), Catch::Contains("->[:T] #"));
  CHECK_THAT(explain("MATCH (a:A) MATCH (a)-[:T]->(x:B) RETURN x"), !Catch::Contains(":B"));
  CHECK_THAT(explain("MATCH (a:A) MATCH (a)-[:T|U]->(x:B) RETURN x"), Catch::Contains(":B"));
  CHECK(g.Sorted("MATCH (a:A)-[:T]->(x:B) RETURN x.n") == Rows{"2", "4"});
  CHECK(g.Run("MATCH (a:A)-[:T]->(x:C) RETURN x.n") == Rows{"4"});
  CHECK(g.Sorted("MATCH (a:A)-[:T|U]->(x:C) RETURN x.n") == Rows{"4", "6"});
  CHECK(g.Run("MATCH (x:B)<-[:T]-(a {n: 1}) RETURN x.n") == Rows{"2"});
  // A label added later to a node with relationships counts for them too.
  g.Run("MATCH (c:C {n: 6}) CREATE (c)<-[:T]-(:A {n: 7})");
  CHECK(g.Sorted("MATCH (a:A)-[:T]->(x:B) RETURN x.n") == Rows{"2", "4"});
}

TEST_CASE("a relationship is matched once per pattern", "[query][match]") {
  JsonQueryGraph g;
  g.Run("CREATE (:A)-[:R]->(:B)");
  CHECK(g.Run("MATCH (a)-[r1]->(b), (c)-[r2]->(d) RETURN count(*)") == Rows{"0"});
  CHECK(g.Run("MATCH (a)-[r1]->(b) MATCH (c)-[r2]->(d) RETURN count(*)") == Rows{"1"});
  CHECK(g.Run("MATCH (a)--(b)--(c) RETURN count(*)") == Rows{"0"});
}

TEST_CASE("variable-length relationships and named paths", "[query][match][path]") {
  JsonQueryGraph g;
  g.Run("CREATE (a:S {n: 1})-[:R]->(b {n: 2})-[:R]->(c {n: 3})-[:R]->(d:E {n: 4})");
  CHECK(g.Sorted("MATCH (:S)-[:R*]->(x) RETURN x.n") == Rows{"2", "3", "4"});
  CHECK(g.Run("MATCH (:S)-[:R*2]->(x) RETURN x.n") == Rows{"3"});
  CHECK(g.Sorted("MATCH (:S)-[:R*0..1]->(x) RETURN x.n") == Rows{"1", "2"});
  CHECK(g.Sorted("MATCH (:S)-[:R*..2]->(x) RETURN x.n") == Rows{"2", "3"});
  CHECK(g.Run("MATCH (:S)-[:R*2..1]->(x) RETURN x.n").empty());
  CHECK(g.Run("MATCH (:S)-[rs:R*3]->(x) RETURN size(rs), x.n") == Rows{"3 | 4"});
  // The path reads in written order whichever end the planner started from.
  CHECK(g.Run("MATCH p = (e:E)<-[:R*]-(s:S) RETURN [n IN nodes(p) | n.n], length(p)") ==
        Rows{"[4, 3, 2, 1] | 3"});
  CHECK(g.Run("MATCH p = (s:S)-[:R*3]->(e:E) RETURN [n IN nodes(p) | n.n]") ==
        Rows{"[1, 2, 3, 4]"});
  CHECK(g.Run("MATCH p = (s:S)-->(b) RETURN p") == Rows{"<(:S {n: 1})-[:R]->({n: 2})>"});
  CHECK(g.Run("MATCH p = (s:S) RETURN length(p)") == Rows{"0"});
  // So does the relationship list, also when the walk starts at the right end (the labelled
  // one there is the cheaper start).
  g.Run(
      "MATCH (x {n: 1})-[r]->() SET r.k = 'first' WITH 1 AS one MATCH ({n: 3})-[r]->() "
      "SET r.k = 'last'");
  CHECK(g.Run("MATCH (a {n: 2})-[rs:R*2]->(e:E) RETURN [r IN rs | r.k], a.n") ==
        Rows{"[null, 'last'] | 2"});
  CHECK(g.Run("MATCH ()-[rs:R*3]->(:E) RETURN [r IN rs | r.k]") == Rows{"['first', null, 'last']"});
}

TEST_CASE("a list of relationships bound earlier is walked again by [rs*]", "[query][match]") {
  JsonQueryGraph g;
  g.Run("CREATE (a:P {n: 1})-[:R]->(b:P {n: 2})-[:R]->(c:P {n: 3}), (c)-[:R]->(a)");
  // The two relationships from 1 to 3: matched again, from either end, in their direction.
  const std::string two = "MATCH ({n: 1})-[x]->({n: 2})-[y]->({n: 3}) WITH [x, y] AS rs ";
  CHECK(g.Run(two + "MATCH (s)-[rs*]->(e) RETURN s.n, e.n") == Rows{"1 | 3"});
  CHECK(g.Run(two + "MATCH (s)-[rs*]->(e {n: 3}) RETURN s.n") == Rows{"1"});
  CHECK(g.Run(two + "MATCH (s {n: 1})-[rs*]->(e) RETURN e.n") == Rows{"3"});
  CHECK(g.Run(two + "MATCH (s {n: 3})-[rs*]->(e) RETURN e.n").empty());
  CHECK(g.Run(two + "MATCH (s)<-[rs*]-(e) RETURN s.n").empty());
  // Out of order, the list is no walk at all.
  CHECK(g.Run(two + "MATCH (s)-[rs2*]->(e) WHERE rs2 = reverse(rs) RETURN s").empty());
  CHECK(g.Run("MATCH ({n: 1})-[x]->({n: 2})-[y]->({n: 3}) WITH [y, x] AS rs "
              "MATCH (s)-[rs*]->(e) RETURN s")
            .empty());
}

TEST_CASE("OPTIONAL MATCH keeps rows without a match, with nulls", "[query][optional]") {
  JsonQueryGraph g;
  g.Run("CREATE (:A {n: 1})-[:R]->(:B {n: 2}), (:A {n: 3})");
  CHECK(g.Sorted("MATCH (a:A) OPTIONAL MATCH (a)-[:R]->(b) RETURN a.n, b.n") ==
        Rows{"1 | 2", "3 | null"});
  CHECK(g.Sorted("MATCH (a:A) OPTIONAL MATCH (a)-[:R]->(b) WHERE b.n > 5 RETURN a.n, b") ==
        Rows{"1 | null", "3 | null"});
  CHECK(g.Run("OPTIONAL MATCH (x:Missing) RETURN x") == Rows{"null"});
  CHECK(g.Run("MATCH (a:A {n: 3}) OPTIONAL MATCH (a)-->(b) RETURN collect(b)") == Rows{"[]"});
  // A node variable that is null matches nothing.
  CHECK(g.Run("WITH null AS a OPTIONAL MATCH p = (a)-[r]->(b) RETURN p, r, b, nodes(p)") ==
        Rows{"null | null | null | null"});
}

TEST_CASE("WHERE: comparisons, boolean logic, strings, lists, labels, patterns", "[query][where]") {
  JsonQueryGraph g;
  g.Run(
      "CREATE (:P {name: 'Ali Khamenei', age: 85}), (:P:Leader {name: 'Masoud', age: 70}), "
      "(:P {name: 'Joe'}), (:Q {name: 'Tehran'})-[:IN]->(:Q {name: 'Iran'})");
  CHECK(g.Run("MATCH (p:P) WHERE p.age > 80 RETURN p.name") == Rows{"'Ali Khamenei'"});
  CHECK(g.Sorted("MATCH (p:P) WHERE p.age >= 70 AND NOT p.name = 'Joe' RETURN p.name") ==
        Rows{"'Ali Khamenei'", "'Masoud'"});
  CHECK(g.Sorted("MATCH (p:P) WHERE p.age < 71 OR p.name = 'Joe' RETURN p.name") ==
        Rows{"'Joe'", "'Masoud'"});
  CHECK(g.Run("MATCH (p:P) WHERE p.age > 80 XOR p.age > 60 RETURN p.name") == Rows{"'Masoud'"});
  CHECK(g.Run("MATCH (p:P) WHERE p.name STARTS WITH 'Ali' RETURN p.age") == Rows{"85"});
  CHECK(g.Run("MATCH (p:P) WHERE p.name ENDS WITH 'oud' RETURN p.age") == Rows{"70"});
  CHECK(g.Run("MATCH (p:P) WHERE p.name CONTAINS 'Kham' RETURN p.age") == Rows{"85"});
  CHECK(g.Run("MATCH (p:P) WHERE p.name =~ 'J.e' RETURN p.name") == Rows{"'Joe'"});
  CHECK(g.Run("MATCH (p:P) WHERE p.age IS NULL RETURN p.name") == Rows{"'Joe'"});
  CHECK(g.Run("MATCH (p:P) WHERE p.age IS NOT NULL AND p:Leader RETURN p.name") ==
        Rows{"'Masoud'"});
  CHECK(g.Sorted("MATCH (p:P) WHERE p.age IN [70, 85.0] RETURN p.age") == Rows{"70", "85"});
  CHECK(g.Run("MATCH (q:Q) WHERE (q)-[:IN]->() RETURN q.name") == Rows{"'Tehran'"});
  CHECK(g.Run("MATCH (q:Q) WHERE NOT (q)-[:IN]->() RETURN q.name") == Rows{"'Iran'"});
  // null in, null out: a row whose condition is null is dropped.
  CHECK(g.Run("MATCH (p:P) WHERE p.age > 1 = null RETURN p").empty());
}

TEST_CASE("RETURN: expressions, aliases, DISTINCT, star and column names", "[query][return]") {
  JsonQueryGraph g;
  g.Run("CREATE ({num: 1}), ({num: 1}), ({num: 2})");
  QueryResult r = g.Try("MATCH (a) RETURN a.num + 1 AS foo, a.num, toString(a.num) ORDER BY foo");
  REQUIRE(r.status.ok());
  CHECK(r.columns == std::vector<std::string>{"foo", "a.num", "toString(a.num)"});
  CHECK(r.rows == Rows{"2 | 1 | '1'", "2 | 1 | '1'", "3 | 2 | '2'"});
  CHECK(g.Sorted("MATCH (a) RETURN DISTINCT a.num") == Rows{"1", "2"});
  r = g.Try("MATCH (a) WHERE a.num = 2 RETURN *");
  REQUIRE(r.status.ok());
  CHECK(r.columns == std::vector<std::string>{"a"});
  CHECK(g.Run("RETURN 1 + 2 * 3 AS x, 2 ^ 3 AS p, 7 / 2 AS d, 7 % 3 AS m, -7 / 2.0 AS f") ==
        Rows{"7 | 8.0 | 3 | 1 | -3.5"});
  CHECK(g.Run("RETURN [1, 2, 3][1], [1, 2, 3][-1], [1, 2, 3][0..2], {a: {b: 5}}.a.b") ==
        Rows{"2 | 3 | [1, 2] | 5"});
  CHECK(g.Run("RETURN CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END, "
              "CASE WHEN 1 > 2 THEN 'x' ELSE 'y' END") == Rows{"'two' | 'y'"});
  // WITH a property unaliased: the column is named as written, and RETURN * shows it.
  r = g.Try("MATCH (a) WITH DISTINCT a.num RETURN * ORDER BY `a.num`");
  REQUIRE(r.status.ok());
  CHECK(r.columns == std::vector<std::string>{"a.num"});
  CHECK(r.rows == Rows{"1", "2"});
  // WITH * after an anonymous CREATE carries the rows on: one new node per matched row.
  g.Run("MATCH (a) CREATE () WITH * CREATE ()");
  CHECK(g.Run("MATCH (a) RETURN count(a)") == Rows{"9"});
}

TEST_CASE("aggregates group by the other items", "[query][aggregate]") {
  JsonQueryGraph g;
  g.Run(
      "CREATE (:D {by: 'IRN', v: 1}), (:D {by: 'IRN', v: 3}), (:D {by: 'USA', v: 2}), "
      "(:D {by: 'USA'})");
  CHECK(g.Sorted("MATCH (d:D) RETURN d.by, count(*), count(d.v), sum(d.v), min(d.v), max(d.v)") ==
        Rows{"'IRN' | 2 | 2 | 4 | 1 | 3", "'USA' | 2 | 1 | 2 | 2 | 2"});
  CHECK(g.Run("MATCH (d:D) RETURN avg(d.v), size(collect(DISTINCT d.by))") == Rows{"2.0 | 2"});
  CHECK(g.Run("MATCH (d:D) RETURN count(DISTINCT d.by) * 10 AS c") == Rows{"20"});
  CHECK(g.Run("MATCH (n:Nothing) RETURN count(*), collect(n), sum(n.v)") == Rows{"0 | [] | 0"});
  CHECK(g.Run("MATCH (n:Nothing) RETURN n.x, count(*)").empty());
  CHECK(g.Run("MATCH (d:D) RETURN d.by AS src, count(*) AS n ORDER BY n DESC, src LIMIT 1") ==
        Rows{"'IRN' | 2"});
  CHECK(g.Run("MATCH (d:D) RETURN d.by AS src, {n: count(*)} AS m ORDER BY src") ==
        Rows{"'IRN' | {n: 2}", "'USA' | {n: 2}"});
}

TEST_CASE("ORDER BY, SKIP and LIMIT", "[query][order]") {
  JsonQueryGraph g;
  g.Run("CREATE ({v: 3}), ({v: 'b'}), ({v: 1.5}), ({v: true}), ({v: [1]}), ({}), ({v: 'a'})");
  CHECK(g.Run("MATCH (n) RETURN n.v ORDER BY n.v") ==
        Rows{"[1]", "'a'", "'b'", "true", "1.5", "3", "null"});
  CHECK(g.Run("MATCH (n) RETURN n.v AS v ORDER BY v DESC SKIP 1 LIMIT 2") == Rows{"3", "1.5"});
  CHECK(g.Run("MATCH (n) RETURN n.v ORDER BY n.v SKIP $s LIMIT $l", "{\"s\": 5, \"l\": 5}") ==
        Rows{"3", "null"});
  CHECK(g.Run("MATCH (n) RETURN n LIMIT 0").empty());
  // LIMIT stops pulling: the row that would fail is never computed.
  CHECK(g.Run("UNWIND [1, 0] AS x RETURN 1 / x LIMIT 1") == Rows{"1"});
  QueryResult bad = g.Try("MATCH (n) RETURN n LIMIT -1");
  CHECK_FALSE(bad.status.ok());
}

TEST_CASE("CREATE makes nodes, relationships and paths, atomically", "[query][create]") {
  JsonQueryGraph g;
  CHECK(g.Run("CREATE (a:Actor {name: 'Iran', aliases: ['IRN', 'Persia']}) RETURN a") ==
        Rows{"(:Actor {aliases: ['IRN', 'Persia'], name: 'Iran'})"});
  CHECK(g.Run("MATCH (a:Actor {name: 'Iran'}) CREATE (a)<-[r:DEMANDS {t: 1}]-(:Actor {name: "
              "'USA'}) RETURN type(r), startNode(r).name, endNode(r).name") ==
        Rows{"'DEMANDS' | 'USA' | 'Iran'"});
  CHECK(g.Run("CREATE p = (:X)-[:R]->(:Y) RETURN length(p)") == Rows{"1"});
  CHECK(g.Run("MATCH (n) RETURN count(n)") == Rows{"4"});
  CHECK(g.Run("MATCH ()-[r]->() RETURN count(r)") == Rows{"2"});
  // A failure anywhere writes nothing, not even what came before it in the query.
  QueryResult r = g.Try("CREATE (:Z) WITH 1 AS one UNWIND [1, 0] AS x CREATE (:Z {v: one / x})");
  CHECK_FALSE(r.status.ok());
  r = g.Try("CREATE (:Z {m: {nested: 1}})");
  CHECK_FALSE(r.status.ok());
  CHECK(g.Run("MATCH (n) RETURN count(n)") == Rows{"4"});
  // Null properties are not stored.
  CHECK(g.Run("CREATE (n:W {a: null, b: 2}) RETURN keys(n)") == Rows{"['b']"});
  // One node per input row.
  g.Run("UNWIND [1, 2, 3] AS i CREATE (:Many {i: i})");
  CHECK(g.Run("MATCH (m:Many) RETURN sum(m.i)") == Rows{"6"});
}

TEST_CASE("WITH and UNWIND carry and reshape rows", "[query][with]") {
  JsonQueryGraph g;
  g.Run("CREATE (:D {by: 'a'}), (:D {by: 'a'}), (:D {by: 'b'})");
  CHECK(g.Run("MATCH (d:D) WITH d.by AS src, count(*) AS n WHERE n > 1 RETURN src, n") ==
        Rows{"'a' | 2"});
  CHECK(g.Run("UNWIND [3, 1, 2] AS x WITH x ORDER BY x DESC LIMIT 2 RETURN collect(x)") ==
        Rows{"[3, 2]"});
  CHECK(g.Try("MATCH (d:D) WITH d.by AS src RETURN d").status.ok() == false);
}

TEST_CASE("parameters bind $names", "[query][params]") {
  JsonQueryGraph g;
  g.Run("CREATE (:A {name: 'Iran'}), (:A {name: 'Iraq'})");
  CHECK(g.Run("MATCH (a:A {name: $n}) RETURN a.name", "{\"n\": \"Iran\"}") == Rows{"'Iran'"});
  CHECK(g.Run("MATCH (a:A) WHERE a.name IN $names RETURN count(*)",
              "{\"names\": [\"Iran\", \"Iraq\", \"Oman\"]}") == Rows{"2"});
  CHECK(g.Run("RETURN $x + 1, $f, $b, $l, $m",
              "{\"x\": 41, \"f\": 1.5, \"b\": true, \"l\": [1], "
              "\"m\": {\"k\": null}}") == Rows{"42 | 1.5 | true | [1] | {k: null}"});
  QueryResult r = g.Try("RETURN $missing");
  CHECK_FALSE(r.status.ok());
  CHECK_THAT(r.status.message(), Catch::Contains("$missing"));
}

TEST_CASE("an indexed property is sought, not scanned", "[query][plan]") {
  JsonQueryGraph g;
  g.Run("CREATE (:Actor {name: 'Iran'}), (:Actor {name: 'Iraq'})");
  REQUIRE(g.store()->CreateIndex("Actor", "name").ok());
  auto plan = g.Run("EXPLAIN MATCH (a:Actor {name: 'Iran'})-->(b) RETURN b");
  std::string text;
  for (const auto& line : plan) text += line + "\n";
  CHECK_THAT(text, Catch::Contains("IndexSeek") && Catch::Contains("name"));
  plan = g.Run("EXPLAIN MATCH (a:Actor) WHERE a.name = $n RETURN a");
  text.clear();
  for (const auto& line : plan) text += line + "\n";
  CHECK_THAT(text, Catch::Contains("IndexSeek"));
  CHECK(g.Run("MATCH (a:Actor) WHERE a.name = $n RETURN a.name", "{\"n\": \"Iraq\"}") ==
        Rows{"'Iraq'"});
  CHECK(g.Run("MATCH (a:Actor {name: 'Oman'}) RETURN a").empty());
}

TEST_CASE("errors name line and column with a caret, and run nothing", "[query][errors]") {
  JsonQueryGraph g;
  QueryResult r = g.Try("MATCH (n)\nRETURN cout(n)");
  REQUIRE_FALSE(r.status.ok());
  CHECK_THAT(r.status.message(), Catch::StartsWith("Unknown function 'cout' at 2:8"));
  CHECK_THAT(r.status.message(), Catch::Contains("\n  RETURN cout(n)\n         ^"));
  r = g.Try("MATCH (a) RETURN b");
  REQUIRE_FALSE(r.status.ok());
  CHECK_THAT(r.status.message(), Catch::Contains("b") && Catch::Contains("1:18"));
  r = g.Try("MATCH (n) RETRUN n");
  REQUIRE_FALSE(r.status.ok());
  CHECK_THAT(r.status.message(), Catch::Contains("1:11"));
  r = g.Try("RETURN 1 + true");
  REQUIRE_FALSE(r.status.ok());
  CHECK_THAT(r.status.message(), Catch::Contains("at 1:"));
  r = g.Try("MATCH ()-[r]-() MATCH (r) RETURN r");
  CHECK_FALSE(r.status.ok());
  // Bytes that are not UTF-8 are refused where they are, before anything runs.
  r = g.Try(
      "CREATE (:N {s: 'a\xff"
      "b'})");
  REQUIRE_FALSE(r.status.ok());
  CHECK_THAT(r.status.message(), Catch::Contains("UTF-8") && Catch::Contains("1:18"));
  CHECK_THAT(r.status.message(), Catch::Contains("'a?b'"));  // the message is UTF-8 itself
  CHECK(g.Run("MATCH (n:N) RETURN count(n)") == Rows{"0"});
}

TEST_CASE("a relationship type named twice in a pattern matches once", "[query][match]") {
  JsonQueryGraph g;
  g.Run("CREATE (:P)-[:LINK]->(:Q), (:P)-[:OTHER]->(:Q)");
  CHECK(g.Run("MATCH (:P)-[:LINK|:LINK]->(q) RETURN count(q)") == Rows{"1"});
  CHECK(g.Run("MATCH (:P)-[r:LINK|OTHER|LINK]->() RETURN count(r)") == Rows{"2"});
  // A label test on a relationship tests its type: case counts, and one type can't be two.
  CHECK(g.Sorted("MATCH (:P)-[r]->(:Q) RETURN type(r), r:LINK, r:link, r:LINK:OTHER") ==
        Rows{"'LINK' | true | false | false", "'OTHER' | false | false | false"});
}

TEST_CASE("temporal values: made from strings and maps, printed in ISO form", "[query][temporal]") {
  JsonQueryGraph g;
  CHECK(g.Run("RETURN date('2015-07-21'), date('2015-W30-2'), date('2015202'), date('201507')") ==
        Rows{"'2015-07-21' | '2015-07-21' | '2015-07-21' | '2015-07-01'"});
  // Week dates belong to the ISO week-year: week 1 of 1817 starts in December 1816.
  CHECK(g.Run("RETURN date({year: 1817, week: 1, dayOfWeek: 2}), "
              "date({date: date('1816-12-31'), week: 2})") == Rows{"'1816-12-31' | '1817-01-07'"});
  CHECK(g.Run("RETURN date({year: 1984, quarter: 3, dayOfQuarter: 45}), "
              "date({year: 1984, ordinalDay: 202})") == Rows{"'1984-08-14' | '1984-07-20'"});
  // Seconds print only when set; fractions in groups of three digits.
  CHECK(
      g.Run("RETURN localtime({hour: 12}), localtime('21:40:32.1'), "
            "time({hour: 12, minute: 31, second: 14, microsecond: 645876, timezone: '+01:00'})") ==
      Rows{"'12:00' | '21:40:32.100' | '12:31:14.645876+01:00'"});
  CHECK(g.Run("RETURN localdatetime('2015W302T214032'), datetime('2015-07-21T21:40Z')") ==
        Rows{"'2015-07-21T21:40:32' | '2015-07-21T21:40Z'"});
  // A named zone takes its offset at that date from the system's tz database.
  CHECK(g.Run("RETURN datetime({year: 1984, month: 10, day: 11, hour: 12, "
              "timezone: 'Europe/Stockholm'})") ==
        Rows{"'1984-10-11T12:00+01:00[Europe/Stockholm]'"});
  // Past 2037, where the zone files list no more transitions, the rule at the file's end gives
  // summer time: northern and southern summers, and a switch at its hour.
  CHECK(g.Run("RETURN datetime({year: 2040, month: 7, day: 1, hour: 12, "
              "timezone: 'Europe/Stockholm'}), datetime({year: 2040, month: 1, day: 1, "
              "timezone: 'Europe/Stockholm'})") ==
        Rows{"'2040-07-01T12:00+02:00[Europe/Stockholm]' | "
             "'2040-01-01T00:00+01:00[Europe/Stockholm]'"});
  CHECK(g.Run("RETURN datetime({year: 2045, month: 1, day: 15, timezone: 'Australia/Sydney'}), "
              "datetime({year: 2045, month: 7, day: 15, timezone: 'Australia/Sydney'})") ==
        Rows{"'2045-01-15T00:00+11:00[Australia/Sydney]' | "
             "'2045-07-15T00:00+10:00[Australia/Sydney]'"});
  // 2050-03-13 is the second Sunday of March: New York moves its clocks at 02:00.
  CHECK(g.Run("RETURN datetime({year: 2050, month: 3, day: 13, hour: 1, timezone: "
              "'America/New_York'}), datetime({year: 2050, month: 3, day: 13, hour: 3, "
              "timezone: 'America/New_York'})") ==
        Rows{"'2050-03-13T01:00-05:00[America/New_York]' | "
             "'2050-03-13T03:00-04:00[America/New_York]'"});
  CHECK(g.Run("RETURN duration({days: 14, hours: 16, minutes: 12}), duration({months: 0.75}), "
              "duration('P1Y2M10DT12H45M30.25S'), duration({seconds: -1.5}), duration('PT0S')") ==
        Rows{"'P14DT16H12M' | 'P22DT19H51M49.5S' | 'P1Y2M10DT12H45M30.25S' | 'PT-1.5S' | 'PT0S'"});
  // Invalid input is an error, not a guess.
  CHECK_FALSE(g.Try("RETURN date({year: 1984, month: 2, day: 30})").status.ok());
  CHECK_FALSE(g.Try("RETURN localtime({hour: 12, second: 1})").status.ok());
  CHECK_FALSE(g.Try("RETURN date('2015-13-01')").status.ok());
  CHECK_FALSE(g.Try("RETURN date({year: 1984, hour: 1})").status.ok());
}

TEST_CASE("temporal values: components, comparison, grouping", "[query][temporal]") {
  JsonQueryGraph g;
  // A zoned time set on another date takes its zone's offset on that date before it moves to
  // the zone asked for (Paris is +01:00 in December, +02:00 in July; Tokyo has no summer time).
  CHECK(g.Run("WITH datetime({year: 1990, month: 12, day: 5, hour: 15, timezone: "
              "'Europe/Paris'}) AS t RETURN toString(datetime({date: date('1990-07-10'), "
              "time: t, timezone: 'Asia/Tokyo'}))") ==
        Rows{"'1990-07-10T22:00+09:00[Asia/Tokyo]'"});
  CHECK(g.Run("RETURN date('2015-07-21').week, date('2015-07-21').dayOfWeek, "
              "datetime('2015-07-21T21:40:32.142+01:00').epochSeconds, "
              "time('12:00+01:00').offset, duration('P1Y2M').months") ==
        Rows{"30 | 2 | 1437511232 | '+01:00' | 14"});
  CHECK(g.Run("RETURN date('2015-07-21') < date('2015-07-22'), "
              "date('2015-07-21') = date({year: 2015, month: 7, day: 21}), "
              "datetime('2015-07-21T21:40+01:00') < datetime('2015-07-21T21:30Z'), "
              "date('2015-07-21') < localdatetime('2015-07-21T00:00')") ==
        Rows{"true | true | true | null"});
  CHECK(g.Run("RETURN count(DISTINCT date('2015-07-21')) AS n") == Rows{"1"});
}

}  // namespace parley

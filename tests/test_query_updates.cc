// The updating clauses end to end on a real store: SET, REMOVE, DELETE, DETACH DELETE and
// MERGE, what later clauses of the same query see of them, and that a failing query writes
// nothing.
#include <catch2/catch.hpp>

#include "query/engine.h"
#include "query/parser.h"
#include "query_rows.h"
#include "test_util.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;

// A scratch store that also counts what it holds.
class Graph : public test::QueryGraph {
 public:
  // Node and relationship counts, "nodes/rels".
  std::string Counts() {
    return Sorted("MATCH (n) RETURN count(n)")[0] + "/" +
           Sorted("MATCH ()-[r]->() RETURN count(r)")[0];
  }
};

}  // namespace

TEST_CASE("The parser builds SET, REMOVE, DELETE and MERGE clauses", "[query][parser][update]") {
  using query::ClauseKind;
  using Kind = query::SetItem::Kind;
  query::Query q;
  REQUIRE(query::ParseQuery("MATCH (n) SET n.a = 1, (n).b = 2, n = {c: 3}, n += {d: 4}, n:L:M "
                            "REMOVE n.a, n:L DETACH DELETE n, n",
                            &q)
              .ok());
  REQUIRE(q.clauses.size() == 4);
  const auto& set = q.clauses[1];
  REQUIRE(set.kind == ClauseKind::kSet);
  REQUIRE(set.set_items.size() == 5);
  CHECK(set.set_items[0].kind == Kind::kProperty);
  CHECK(set.set_items[0].key == "a");
  CHECK(set.set_items[1].kind == Kind::kProperty);
  CHECK(set.set_items[1].key == "b");
  CHECK(set.set_items[2].kind == Kind::kReplace);
  CHECK(set.set_items[3].kind == Kind::kMerge);
  CHECK(set.set_items[4].kind == Kind::kLabels);
  CHECK(set.set_items[4].labels == std::vector<std::string>{"L", "M"});
  CHECK(q.clauses[2].kind == ClauseKind::kRemove);
  CHECK(q.clauses[2].set_items[1].kind == Kind::kLabels);
  CHECK(q.clauses[3].kind == ClauseKind::kDelete);
  CHECK(q.clauses[3].detach);
  CHECK(q.clauses[3].deletes.size() == 2);
  REQUIRE(query::ParseQuery("MERGE (a:K {k: 1})-[:R]-(b) ON MATCH SET a.m = 1 ON CREATE SET "
                            "a.c = 1, b.c = 2",
                            &q)
              .ok());
  CHECK(q.clauses[0].kind == ClauseKind::kMerge);
  CHECK(q.clauses[0].on_match.size() == 1);
  CHECK(q.clauses[0].on_create.size() == 2);
  CHECK(!query::ParseQuery("MATCH (n) SET n", &q).ok());
  CHECK(!query::ParseQuery("MATCH (n) REMOVE n", &q).ok());
  CHECK(!query::ParseQuery("MERGE (n) ON DELETE SET n.x = 1", &q).ok());
}

TEST_CASE("SET changes properties, maps and labels, and later clauses see it", "[query][set]") {
  Graph g;
  REQUIRE(g.Try("CREATE (:Party {name: 'Greens', seats: 4}), (:Party {name: 'Reds'})").status.ok());
  CHECK(g.Sorted("MATCH (p:Party {name: 'Greens'}) SET p.seats = p.seats + 1 RETURN p.seats") ==
        Rows{"5"});
  CHECK(g.Sorted("MATCH (p:Party) RETURN p.name, p.seats") ==
        Rows{"'Greens' | 5", "'Reds' | null"});
  // Setting null removes; `=` replaces every property; `+=` adds and overwrites.
  REQUIRE(g.Try("MATCH (p:Party {name: 'Greens'}) SET p.seats = null").status.ok());
  CHECK(g.Sorted("MATCH (p:Party {name: 'Greens'}) RETURN keys(p)") == Rows{"['name']"});
  REQUIRE(
      g.Try("MATCH (p:Party {name: 'Reds'}) SET p = {name: 'Reds', founded: 1921}").status.ok());
  REQUIRE(
      g.Try("MATCH (p:Party {name: 'Reds'}) SET p += {founded: 1922, leader: 'Ana'}").status.ok());
  CHECK(g.Sorted("MATCH (p:Party {name: 'Reds'}) RETURN p.founded, p.leader") ==
        Rows{"1922 | 'Ana'"});
  REQUIRE(g.Try("MATCH (p:Party {name: 'Reds'}) SET p += {leader: null}").status.ok());
  CHECK(g.Sorted("MATCH (p:Party {name: 'Reds'}) RETURN p.leader") == Rows{"null"});
  // Labels: added ones are found by a label scan in the same query and after it.
  CHECK(g.Sorted("MATCH (p:Party) SET p:Opposition:Left WITH count(*) AS c "
                 "MATCH (o:Opposition) RETURN count(o)") == Rows{"2"});
  CHECK(g.Sorted("MATCH (p:Left) RETURN p.name") == Rows{"'Greens'", "'Reds'"});
  // A property change is visible to a later MATCH of the same query.
  CHECK(g.Sorted("MATCH (p:Party) SET p.size = 'small' WITH count(*) AS c "
                 "MATCH (q {size: 'small'}) RETURN count(q)") == Rows{"2"});
  // Relationships.
  REQUIRE(g.Try("MATCH (a {name: 'Greens'}), (b {name: 'Reds'}) CREATE (a)-[:ALLY {since: 1}]->(b)")
              .status.ok());
  REQUIRE(g.Try("MATCH ()-[r:ALLY]->() SET r.since = 2, r += {firm: true}").status.ok());
  CHECK(g.Sorted("MATCH ()-[r:ALLY]->() RETURN r.since, r.firm") == Rows{"2 | true"});
  REQUIRE(g.Try("MATCH ()-[r:ALLY]->() SET r = {}").status.ok());
  CHECK(g.Sorted("MATCH ()-[r:ALLY]->() RETURN properties(r)") == Rows{"{}"});
  // SET on a null element (an unmatched OPTIONAL MATCH) does nothing.
  CHECK(g.Try("OPTIONAL MATCH (x:Nobody) SET x.a = 1").status.ok());
  // Errors: a map property, labels on a relationship, a non-element target.
  CHECK(!g.Try("MATCH (p:Party) SET p.bad = {a: 1}").status.ok());
  CHECK(!g.Try("MATCH ()-[r:ALLY]->() SET r:Label").status.ok());
  CHECK(!g.Try("WITH 1 AS x SET x.a = 2").status.ok());
  CHECK(!g.Try("MATCH (p) SET q.a = 1").status.ok());
}

TEST_CASE("SET keeps a property index right", "[query][set]") {
  test::TempDir dir;
  auto store = test::OpenTestStore(dir / "db");
  REQUIRE(store->CreateIndex("Actor", "name").ok());
  test::RowCapture c;
  REQUIRE(query::RunQuery(store.get(), "CREATE (:Actor {name: 'Oslo'}), (:Actor {name: 'Rome'})",
                          {}, &c)
              .ok());
  REQUIRE(
      query::RunQuery(store.get(), "MATCH (a:Actor {name: 'Oslo'}) SET a.name = 'Bergen'", {}, &c)
          .ok());
  std::vector<NodeId> ids;
  REQUIRE(store->FindNodes("Actor", "name", Value("Oslo"), &ids).ok());
  CHECK(ids.empty());
  REQUIRE(store->FindNodes("Actor", "name", Value("Bergen"), &ids).ok());
  CHECK(ids.size() == 1);
  // A removed label takes the node out of that label's index too.
  REQUIRE(
      query::RunQuery(store.get(), "MATCH (a:Actor {name: 'Rome'}) REMOVE a:Actor", {}, &c).ok());
  REQUIRE(store->FindNodes("Actor", "name", Value("Rome"), &ids).ok());
  CHECK(ids.empty());
  GraphStats stats;
  REQUIRE(store->GetStats(&stats).ok());
  CHECK(stats.labels["Actor"] == 1);
}

TEST_CASE("REMOVE takes properties and labels away", "[query][remove]") {
  Graph g;
  REQUIRE(g.Try("CREATE (:City:Capital {name: 'Lima', size: 9})").status.ok());
  CHECK(g.Sorted("MATCH (c:City) REMOVE c.size, c:Capital RETURN c.size, labels(c)") ==
        Rows{"null | ['City']"});
  CHECK(g.Sorted("MATCH (c:Capital) RETURN count(c)") == Rows{"0"});
  CHECK(g.Sorted("MATCH (c:City) RETURN keys(c)") == Rows{"['name']"});
  // Removing what is not there is no error.
  CHECK(g.Try("MATCH (c:City) REMOVE c.nothing, c:Nothing").status.ok());
}

TEST_CASE("DELETE and DETACH DELETE remove nodes, relationships and paths", "[query][delete]") {
  Graph g;
  REQUIRE(g.Try("CREATE (a:Hub {n: 1})-[:LINK]->(b:Leaf {n: 2}), (a)-[:LINK]->(:Leaf {n: 3}), "
                "(:Alone)")
              .status.ok());
  CHECK(g.Counts() == "4/2");
  // A node that still has relationships cannot go without DETACH, and nothing is written.
  CHECK(!g.Try("MATCH (h:Hub) DELETE h").status.ok());
  CHECK(g.Counts() == "4/2");
  // Deleting the relationships in the same query first makes it possible.
  CHECK(g.Sorted("MATCH (h:Hub)-[r]->() DELETE r WITH DISTINCT h DELETE h RETURN count(*)") ==
        Rows{"1"});
  CHECK(g.Counts() == "3/0");
  REQUIRE(g.Try("MATCH (a:Leaf {n: 2}), (b:Leaf {n: 3}) CREATE (a)-[:LINK]->(b)").status.ok());
  REQUIRE(g.Try("MATCH (a:Alone) DELETE a").status.ok());
  CHECK(g.Counts() == "2/1");
  // A later MATCH of the same query no longer finds what was deleted.
  CHECK(g.Sorted("MATCH (l:Leaf {n: 2}) DETACH DELETE l WITH count(*) AS c "
                 "MATCH (n) OPTIONAL MATCH (n)-[r]-() RETURN count(n), count(r)") == Rows{"1 | 0"});
  // Paths: every node and relationship on them.
  REQUIRE(g.Try("MATCH (n) DETACH DELETE n").status.ok());
  REQUIRE(g.Try("CREATE (:P)-[:R]->(:P)-[:R]->(:P)").status.ok());
  REQUIRE(g.Try("MATCH p = (:P)-[:R*2]->(:P) DELETE p").status.ok());
  CHECK(g.Counts() == "0/0");
  // A LIMIT after DELETE limits the rows, not the deletion.
  REQUIRE(g.Try("UNWIND range(1, 5) AS i CREATE (:Q {i: i})").status.ok());
  CHECK(g.Sorted("MATCH (q:Q) DELETE q RETURN q.i LIMIT 0").empty());
  CHECK(g.Counts() == "0/0");
  // Null is skipped; a value that is no element is an error.
  CHECK(g.Try("OPTIONAL MATCH (x:Nobody) DELETE x").status.ok());
  CHECK(!g.Try("MATCH (n) DELETE 1 + 1").status.ok());
  CHECK(!g.Try("UNWIND [1] AS x DELETE x").status.ok());
  CHECK(!g.Try("MATCH (n) DELETE n:Label").status.ok());
}

TEST_CASE("What a query deleted cannot be read later in it", "[query][delete]") {
  Graph g;
  REQUIRE(g.Try("CREATE (:Doc {title: 'x'})-[:CITES {page: 4}]->(:Doc {title: 'y'})").status.ok());
  Status s = g.Try("MATCH (d:Doc {title: 'y'})<-[c]-() DELETE c RETURN c.page").status;
  CHECK(s.message().find("Cannot read the properties of a relationship this query deleted") !=
        std::string::npos);
  CHECK(!g.Try("MATCH (d:Doc) DETACH DELETE d RETURN d.title").status.ok());
  CHECK(!g.Try("MATCH (d:Doc) DETACH DELETE d RETURN labels(d)").status.ok());
  CHECK(!g.Try("MATCH (d:Doc) DETACH DELETE d RETURN d:Doc").status.ok());
  CHECK(!g.Try("MATCH (d:Doc) DETACH DELETE d RETURN keys(d)").status.ok());
  CHECK(!g.Try("MATCH ()-[c]->() DELETE c RETURN properties(c)").status.ok());
  // Nothing was written by the failed queries.
  CHECK(g.Counts() == "2/1");
  // The element itself, its id and a relationship's type are still known.
  CHECK(g.Sorted("MATCH ()-[c]->() DELETE c RETURN type(c), count(c)") == Rows{"'CITES' | 1"});
  CHECK(g.Sorted("MATCH (d:Doc) DELETE d RETURN count(d)") == Rows{"2"});
  CHECK(g.Counts() == "0/0");
}

TEST_CASE("Created and deleted in one query leaves nothing", "[query][delete]") {
  Graph g;
  CHECK(g.Sorted("CREATE (a:T)-[:R]->(b:T) WITH a, b DETACH DELETE a, b RETURN 1") == Rows{"1"});
  CHECK(g.Counts() == "0/0");
}

TEST_CASE("MERGE binds or creates the whole pattern", "[query][merge]") {
  Graph g;
  // Later rows see what earlier rows made: one node per distinct value.
  REQUIRE(g.Try("UNWIND ['a', 'b', 'a', 'c', 'b'] AS k MERGE (:Key {k: k})").status.ok());
  CHECK(g.Sorted("MATCH (n:Key) RETURN n.k") == Rows{"'a'", "'b'", "'c'"});
  // ON CREATE and ON MATCH.
  CHECK(
      g.Sorted("UNWIND ['a', 'd'] AS k MERGE (n:Key {k: k}) "
               "ON CREATE SET n.new = true ON MATCH SET n.seen = true RETURN n.k, n.new, n.seen") ==
      Rows{"'a' | null | true", "'d' | true | null"});
  // Every match comes out.
  REQUIRE(g.Try("CREATE (:Dup {v: 1}), (:Dup {v: 1})").status.ok());
  CHECK(g.Sorted("MERGE (d:Dup {v: 1}) RETURN count(d)") == Rows{"2"});
  // Relationships between bound nodes: created once, then matched (either way when undirected).
  REQUIRE(g.Try("MATCH (a:Key {k: 'a'}), (b:Key {k: 'b'}) MERGE (a)-[:NEXT]->(b)").status.ok());
  REQUIRE(g.Try("MATCH (a:Key {k: 'a'}), (b:Key {k: 'b'}) MERGE (a)-[:NEXT]->(b)").status.ok());
  REQUIRE(g.Try("MATCH (a:Key {k: 'a'}), (b:Key {k: 'b'}) MERGE (b)-[:NEXT]-(a)").status.ok());
  CHECK(g.Sorted("MATCH ()-[r:NEXT]->() RETURN count(r)") == Rows{"1"});
  // A pattern that matches only in part is created whole.
  REQUIRE(g.Try("MERGE (:Key {k: 'a'})-[:TO]->(:Key {k: 'z'})").status.ok());
  CHECK(g.Sorted("MATCH (n:Key) RETURN count(n)") == Rows{"6"});
  // A path variable.
  CHECK(g.Sorted("MERGE p = (:Lone {x: 1})-[:R]->(:Lone {x: 2}) RETURN length(p)") == Rows{"1"});
  // Errors: a null property value, a bound lone node, a relationship without one type.
  CHECK(!g.Try("MERGE (n:Key {k: null})").status.ok());
  CHECK(!g.Try("MATCH (n:Key) MERGE (n)").status.ok());
  CHECK(!g.Try("MERGE (a)-[:A|B]->(b)").status.ok());
  CHECK(!g.Try("MERGE (a)-[]->(b)").status.ok());
  CHECK(!g.Try("MERGE (a)-[:R*2]->(b)").status.ok());
}

TEST_CASE("A failing update writes nothing", "[query][update][limits]") {
  Graph g;
  REQUIRE(g.Try("UNWIND range(1, 50) AS i CREATE (:N {i: i})").status.ok());
  // An error on a late row undoes the changes of the earlier ones.
  CHECK(!g.Try("MATCH (n:N) SET n.i = CASE WHEN n.i = 50 THEN {bad: 1} ELSE 0 END").status.ok());
  CHECK(g.Sorted("MATCH (n:N) WHERE n.i = 0 RETURN count(n)") == Rows{"0"});
  // Over the memory limit: nothing deleted, nothing merged.
  query::QueryLimits tight;
  tight.max_memory_bytes = 4000;
  Status s = g.Try("MATCH (n:N) DETACH DELETE n", {}, tight).status;
  CHECK(s.message().find("memory") != std::string::npos);
  s = g.Try("UNWIND range(1, 500) AS i MERGE (:M {i: i})", {}, tight).status;
  CHECK(s.message().find("memory") != std::string::npos);
  CHECK(g.Counts() == "50/0");
  // Over the time limit: nothing changed.
  query::QueryLimits slow;
  slow.timeout_seconds = 0.2;
  s = g.Try("MATCH (n:N) SET n.x = 1 WITH n UNWIND range(1, 100000000) AS j RETURN count(*)", {},
            slow)
          .status;
  CHECK(s.message().find("time limit") != std::string::npos);
  CHECK(g.Sorted("MATCH (n:N) WHERE n.x = 1 RETURN count(n)") == Rows{"0"});
}

}  // namespace parley

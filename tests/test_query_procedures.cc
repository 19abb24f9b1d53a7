// CALL and the built-in procedures (query/procedures.h) end to end on a real store: standalone
// and in-query calls, YIELD with renaming and WHERE, implicit arguments, the errors the
// language defines, each built-in's rows, and the query limits holding for a call.
#include <catch2/catch.hpp>

#include "query/engine.h"
#include "query/procedures.h"
#include "query_rows.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;
// Queries here take their parameters as JSON text, as --params does.
using test::JsonQueryGraph;
using test::QueryResult;

// Three actors: two demand things of each other through Demand nodes, one stands apart but
// for a direct relationship; a Policy with its own property key.
void MakeNews(JsonQueryGraph& g) {
  g.Run(
      "CREATE (a:Actor {id: 'a', name: 'Avalon'}), (b:Actor {id: 'b', name: 'Borduria'}), "
      "(c:Actor {id: 'c', name: 'Carpania'}), (p:Policy {name: 'tariffs', since: 2020}), "
      "(a)-[:DEMANDS]->(:Demand {text: 'lift'})-[:OF]->(b), "
      "(b)-[:DEMANDS]->(:Demand {text: 'pay'})-[:OF]->(a), "
      "(c)-[:CRITICIZES {weight: 2}]->(a), (a)-[:ABOUT]->(p)");
}

}  // namespace

TEST_CASE("CALL db.* lists labels, relationship types and property keys", "[query][call]") {
  JsonQueryGraph g;
  // An empty store has none.
  CHECK(g.Run("CALL db.labels()").empty());
  MakeNews(g);
  QueryResult r = g.Try("CALL db.labels()");
  REQUIRE(r.status.ok());
  CHECK(r.columns == Rows{"label"});
  CHECK(r.rows == Rows{"'Actor'", "'Demand'", "'Policy'"});
  r = g.Try("CALL db.relationshipTypes");
  CHECK(r.columns == Rows{"relationshipType"});
  CHECK(r.rows == Rows{"'ABOUT'", "'CRITICIZES'", "'DEMANDS'", "'OF'"});
  r = g.Try("CALL db.propertyKeys() YIELD *");
  CHECK(r.columns == Rows{"propertyKey"});
  CHECK(r.rows == Rows{"'id'", "'name'", "'since'", "'text'", "'weight'"});
}

TEST_CASE("CALL ... YIELD inside a query binds outputs for the clauses after it", "[query][call]") {
  JsonQueryGraph g;
  MakeNews(g);
  // Renaming, WHERE on the yielded variables, then more clauses.
  CHECK(g.Run("CALL db.labels() YIELD label AS l WHERE l <> 'Demand' "
              "MATCH (n) WHERE l IN labels(n) RETURN l, count(n) AS c ORDER BY l") ==
        Rows{"'Actor' | 3", "'Policy' | 1"});
  // One call per input row; variables before the call stay visible.
  CHECK(g.Run("MATCH (p:Policy) CALL db.relationshipTypes() YIELD relationshipType AS t "
              "WHERE t STARTS WITH 'D' RETURN p.name, t") == Rows{"'tariffs' | 'DEMANDS'"});
  CHECK(g.Run("UNWIND [1, 2] AS i CALL db.labels() YIELD label RETURN count(*)") == Rows{"6"});
  // Arguments may use earlier variables; a standalone call with YIELD returns what it yields.
  QueryResult r = g.Try("CALL db.labels() YIELD label AS name WHERE name < 'B'");
  REQUIRE(r.status.ok());
  CHECK(r.columns == Rows{"name"});
  CHECK(r.rows == Rows{"'Actor'"});
  // RETURN * sees the yielded variables.
  r = g.Try("CALL db.labels() YIELD label WITH label WHERE label = 'Policy' RETURN *");
  CHECK(r.rows == Rows{"'Policy'"});
  // The plan names the procedure.
  Rows plan = g.Run("EXPLAIN CALL db.labels() YIELD label RETURN label");
  bool named = false;
  for (const auto& line : plan)
    named = named || line.find("ProcedureCall db.labels") != std::string::npos;
  CHECK(named);
}

TEST_CASE("parley.pagerank and parley.betweenness score the actor graph", "[query][call]") {
  JsonQueryGraph g;
  MakeNews(g);
  // Avalon and Borduria demand of each other; Carpania only criticizes Avalon, so Avalon ranks
  // highest and Carpania, whom nobody points at, lowest.
  Rows ranks = g.Run("CALL parley.pagerank() YIELD node, score RETURN node.name, score");
  REQUIRE(ranks.size() == 3);
  CHECK(ranks[0].rfind("'Avalon'", 0) == 0);
  CHECK(ranks[2].rfind("'Carpania'", 0) == 0);
  CHECK(g.Run("CALL parley.pagerank() YIELD score RETURN round(sum(score) * 1000) AS s") ==
        Rows{"1000.0"});
  // Only Avalon lies between the others (Borduria - Avalon - Carpania): 1 of 1 pair.
  CHECK(g.Run("CALL parley.betweenness() YIELD node, score WHERE score > 0 "
              "RETURN node.name, score") == Rows{"'Avalon' | 1.0"});
  // The node is a node: patterns can start from it.
  CHECK(g.Run("CALL parley.betweenness() YIELD node, score WHERE score > 0 "
              "MATCH (node)<-[:CRITICIZES]-(x) RETURN x.name") == Rows{"'Carpania'"});
  QueryResult r = g.Try("CALL parley.betweenness");
  CHECK(r.columns == Rows{"node", "score"});
  CHECK(r.rows.size() == 3);
  // The filter of parley analyze: only DEMANDS edges leave Carpania out; the arguments may
  // come from the parameters of the same names when the brackets are left out.
  CHECK(g.Run("CALL parley.pagerank(['DEMANDS']) YIELD node, score RETURN node.name, score "
              "ORDER BY node.name") == Rows{"'Avalon' | 0.5", "'Borduria' | 0.5"});
  r = g.Try("CALL parley.pagerank", R"({"types": ["DEMANDS"]})");
  REQUIRE(r.status.ok());
  CHECK(r.rows.size() == 2);
  r = g.Try("CALL parley.pagerank", R"({"types": ["CRITICIZES"], "since": "2030-01-01"})");
  REQUIRE(r.status.ok());
  CHECK(r.rows.empty());  // no edge has a date, so none passes a date filter
  CHECK(g.Run("WITH ['CRITICIZES'] AS t CALL parley.betweenness(t) YIELD node "
              "RETURN count(node)") == Rows{"2"});
}

TEST_CASE("CALL errors: unknown procedure, arguments, YIELD", "[query][call][errors]") {
  JsonQueryGraph g;
  MakeNews(g);
  CHECK_THAT(g.Error("CALL db.nothing()"),
             Catch::Contains("There is no procedure with the name 'db.nothing'"));
  CHECK_THAT(g.Error("MATCH (n) CALL no.such() YIELD x RETURN x"), Catch::Contains("no procedure"));
  CHECK_THAT(g.Error("CALL db.labels(1, 2)"),
             Catch::Contains("takes 0 arguments, not 2: db.labels() :: (label :: STRING)"));
  CHECK_THAT(g.Error("CALL db.labels() YIELD name RETURN name"),
             Catch::Contains("has no output 'name'"));
  // In a query, outputs must be named: no YIELD, YIELD *, a bare call.
  CHECK_THAT(g.Error("MATCH (n) CALL db.labels() RETURN n"), Catch::Contains("must YIELD"));
  CHECK_THAT(g.Error("CALL db.labels() YIELD * RETURN label"),
             Catch::Contains("YIELD * is only allowed in a standalone"));
  // A yielded variable must be new, and new once.
  CHECK_THAT(g.Error("WITH 1 AS label CALL db.labels() YIELD label RETURN label"),
             Catch::Contains("Variable 'label' already declared"));
  CHECK_THAT(g.Error("CALL parley.pagerank() YIELD node AS x, score AS x RETURN x"),
             Catch::Contains("Variable 'x' already declared"));
  // A query does not end in a CALL unless the call is all it is.
  CHECK_THAT(g.Error("MATCH (n) CALL db.labels() YIELD label"),
             Catch::Contains("Query cannot conclude with CALL"));
  CHECK_THAT(g.Error("CALL db.labels() YIELD label WHERE nope = 1"),
             Catch::Contains("Variable 'nope' not defined"));
  // Arguments: how many, and of which type (a literal is checked before anything runs, any
  // other value when the call runs).
  CHECK_THAT(g.Error("CALL parley.pagerank([], null, null, 4)"),
             Catch::Contains("takes 0 to 3 arguments, not 4: parley.pagerank(types = [] :: LIST, "
                             "since = null :: STRING, until = null :: STRING)"));
  CHECK_THAT(g.Error("CALL parley.pagerank('DEMANDS')"),
             Catch::Contains("argument 'types' of parley.pagerank() must be LIST, got String"));
  CHECK_THAT(g.Error("CALL parley.pagerank($t)", R"({"t": 7})"),
             Catch::Contains("argument 'types' of parley.pagerank() must be LIST"));
  CHECK_THAT(g.Error("MATCH (n) CALL parley.pagerank(count(n)) YIELD score RETURN score"),
             Catch::Contains("aggregating function"));
  // Without brackets only a standalone call may leave its arguments to the parameters.
  CHECK_THAT(g.Error("MATCH (n) CALL parley.pagerank YIELD score RETURN score"),
             Catch::Contains("must give its arguments in brackets"));
}

TEST_CASE("procedure arguments are typed; implicit ones come from the parameters",
          "[query][call][errors]") {
  // A procedure with arguments, registered here in a registry of its own, checks them as
  // CALL does (the built-ins take none).
  query::ProcedureInfo proc{"t.echo",
                            {{"text", query::ProcType::kString, std::nullopt},
                             {"weight", query::ProcType::kFloat, std::nullopt}},
                            {{"out", query::ProcType::kAny}},
                            "",
                            nullptr};
  Value out;
  CHECK(query::CoerceArgument(proc, 0, Value("x"), &out).ok());
  CHECK(query::CoerceArgument(proc, 0, Value(), &out).ok());  // null fits every type
  Status s = query::CoerceArgument(proc, 0, Value(int64_t{3}), &out);
  CHECK_THAT(s.message(), Catch::Contains("argument 'text' of t.echo() must be STRING"));
  REQUIRE(query::CoerceArgument(proc, 1, Value(int64_t{3}), &out).ok());
  CHECK(out.is_float());  // an INTEGER passes for a FLOAT and becomes one
  CHECK(!query::CoerceArgument(proc, 1, Value("3"), &out).ok());
  CHECK(query::Signature(proc) == "t.echo(text :: STRING, weight :: FLOAT) :: (out :: ANY)");

  // Every registered procedure is found by its name and has a body.
  for (const query::ProcedureInfo& p : query::AllProcedures()) {
    CHECK(query::LookupProcedure(p.name) == &p);
    CHECK(p.body);
  }
  CHECK(query::LookupProcedure("db.Labels") == nullptr);  // names are exact
}

TEST_CASE("the query limits hold for a procedure call", "[query][call][limits]") {
  JsonQueryGraph g;
  // A clique of 60 actors, every ordered pair joined: 3,540 relationships.
  g.Run("UNWIND range(1, 60) AS i CREATE (:Actor {id: 'x' + i, name: 'Actor ' + i})");
  g.Run("MATCH (a:Actor), (b:Actor) WHERE a <> b CREATE (a)-[:CRITICIZES]->(b)");
  REQUIRE(g.Run("CALL parley.pagerank() YIELD score RETURN count(*)") == Rows{"60"});
  // The actor graph the analysis reads counts against the memory limit.
  query::QueryLimits small;
  small.max_memory_bytes = 64 * 1024;
  QueryResult r = g.Try("CALL parley.betweenness() YIELD node RETURN count(*)", "{}", small);
  REQUIRE(!r.status.ok());
  CHECK_THAT(r.status.message(), Catch::Contains("(--max-memory)"));
  // A call per row of a long input stops at the time limit.
  query::QueryLimits quick;
  quick.timeout_seconds = 0.3;
  r = g.Try(
      "UNWIND range(1, 100000000) AS i CALL db.propertyKeys() YIELD propertyKey "
      "RETURN count(*)",
      "{}", quick);
  REQUIRE(!r.status.ok());
  CHECK_THAT(r.status.message(), Catch::Contains("(--timeout)"));
}

}  // namespace parley

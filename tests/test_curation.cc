// Curating actors with `parley actor`: an alias, a merge and a split change the store at once
// and are recorded in it, so that later ingests keep them; an unknown actor changes nothing.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

void Ok(const test::RunResult& r) {
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

void IngestFacts(const std::string& db, const std::string& file, const std::string& lines) {
  test::WriteFile(file, lines);
  Ok(RunParley({"ingest", "--db", db, "--facts", file}));
}

nlohmann::json Query(const std::string& db, const std::string& q) {
  auto r = RunParley({"query", "--db", db, "--format", "json", q});
  INFO(q << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out)["rows"];
}

int64_t Count(const std::string& db, const std::string& q) {
  return Query(db, q)[0][0].get<int64_t>();
}

std::vector<std::string> Aliases(const std::string& db, const std::string& id) {
  auto rows = Query(db, "MATCH (a:Actor {id: '" + id + "'}) RETURN a.aliases");
  REQUIRE(rows.size() == 1);
  if (rows[0][0].is_null()) return {};
  return rows[0][0].get<std::vector<std::string>>();
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const char* kUsa = R"({"id": "USA", "name": "United States", "kind": "country"})";

// Persia (wrongly its own actor) demands of the US and opposes Israel; Iran opposes the US.
std::string PersiaAndIran() {
  return std::string(
             R"({"doc": "a1", "date": "2026-03-01", "text": "Persia demanded that the United States lift sanctions. Persia opposes Israel.", "entities": [{"id": "persia", "name": "Persia", "kind": "country", "mentions": [{"start": 0, "end": 6, "text": "Persia"}]}, )") +
         kUsa +
         R"(, {"id": "ISR", "name": "Israel", "kind": "country"}], "events": [{"type": "demand", "source": {"text": "Persia", "entity": "persia"}, "target": {"text": "the United States", "entity": "USA"}, "content": {"text": "lift sanctions"}, "confidence": 0.9}, {"type": "oppose", "source": {"text": "Persia", "entity": "persia"}, "target": {"text": "Israel", "entity": "ISR"}, "confidence": 0.8, "sentence": 1}]})"
         "\n" +
         R"({"doc": "a2", "date": "2026-03-02", "text": "Iran opposes the United States.", "entities": [{"id": "IRN", "name": "Iran", "kind": "country", "mentions": [{"start": 0, "end": 4, "text": "Iran"}]}, )" +
         kUsa +
         R"(], "events": [{"type": "oppose", "source": {"text": "Iran", "entity": "IRN"}, "target": {"text": "the United States", "entity": "USA"}, "confidence": 0.8}]})"
         "\n";
}

}  // namespace

TEST_CASE("actor alias: the alias is on the node, recorded, and kept when the article changes",
          "[curation][cli]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  IngestFacts(db, tmp / "a.jsonl", PersiaAndIran());
  Ok(RunParley({"actor", "alias", "--db", db, "IRN", "Islamic Republic"}));
  CHECK(Has(Aliases(db, "IRN"), "Islamic Republic"));

  // a2 changes: IRN loses its only article for a moment, and an event names "Islamic Republic"
  // without an actor id.
  IngestFacts(
      db, tmp / "b.jsonl",
      std::string(
          R"({"doc": "a2", "date": "2026-03-02", "text": "The Islamic Republic opposes the United States again.", "entities": [{"id": "IRN", "name": "Iran", "kind": "country"}, )") +
          kUsa +
          R"(], "events": [{"type": "oppose", "source": {"text": "Islamic Republic"}, "target": {"text": "the United States", "entity": "USA"}, "confidence": 0.7}]})"
          "\n");
  CHECK(Has(Aliases(db, "IRN"), "Islamic Republic"));
  CHECK(Count(db, "MATCH (:Actor {id: 'IRN'})-[r:OPPOSES]->(:Actor {id: 'USA'}) RETURN count(r)") ==
        1);

  auto list = RunParley({"actor", "list", "--db", db, "--format", "json"});
  Ok(list);
  auto rows = nlohmann::json::parse(list.out)["rows"];
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][1] == "alias");
  CHECK(rows[0][2] == "IRN");
  CHECK(rows[0][3] == "Islamic Republic");
  CHECK(Count(db, "MATCH (c:Curation) RETURN count(c)") == 1);
}

TEST_CASE("actor merge: relationships move to the survivor and later ingests map to it",
          "[curation][cli]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  IngestFacts(db, tmp / "a.jsonl", PersiaAndIran());
  Ok(RunParley({"actor", "merge", "--db", db, "persia", "IRN"}));

  CHECK(Count(db, "MATCH (a:Actor {id: 'persia'}) RETURN count(a)") == 0);
  CHECK(Count(db,
              "MATCH (:Actor {id: 'IRN'})-[r:DEMANDS]->(:Demand)-[:OF]->(:Actor {id: 'USA'}) "
              "RETURN count(r)") == 1);
  CHECK(Count(db, "MATCH (:Actor {id: 'IRN'})-[r:OPPOSES]->(:Actor {id: 'ISR'}) RETURN count(r)") ==
        1);
  CHECK(Count(db, "MATCH (:Actor {id: 'IRN'})-[r:OPPOSES]->(:Actor {id: 'USA'}) RETURN count(r)") ==
        1);
  auto aliases = Aliases(db, "IRN");
  CHECK(Has(aliases, "Persia"));
  CHECK(Query(db, "MATCH (a:Actor {id: 'IRN'}) RETURN a.name")[0][0] == "Iran");

  // A later article about Persia lands on Iran; Persia's node does not come back.
  IngestFacts(
      db, tmp / "c.jsonl",
      std::string(
          R"({"doc": "a3", "date": "2026-03-05", "text": "Persia supports the United States.", "entities": [{"id": "persia", "name": "Persia", "kind": "country", "mentions": [{"start": 0, "end": 6, "text": "Persia"}]}, )") +
          kUsa +
          R"(], "events": [{"type": "support", "source": {"text": "Persia", "entity": "persia"}, "target": {"text": "the United States", "entity": "USA"}, "confidence": 0.8}]})"
          "\n");
  CHECK(Count(db, "MATCH (a:Actor {id: 'persia'}) RETURN count(a)") == 0);
  CHECK(
      Count(db, "MATCH (:Actor {id: 'IRN'})-[r:SUPPORTS]->(:Actor {id: 'USA'}) RETURN count(r)") ==
      1);
  CHECK(Query(db, "MATCH (a:Actor {id: 'IRN'}) RETURN a.name")[0][0] == "Iran");
  CHECK(Has(Aliases(db, "IRN"), "Persia"));

  // The merged article is ingested again: its facts arrive on Iran, and the moved copies,
  // which kept it as their source, go with its old facts: nothing is doubled.
  auto again = RunParley({"ingest", "--db", db, "--facts", tmp / "a.jsonl"});
  Ok(again);
  CHECK_THAT(again.err, Catch::Contains("1 replaced, 1 unchanged"));
  CHECK(Count(db, "MATCH (:Actor {id: 'IRN'})-[r:OPPOSES]->(:Actor {id: 'ISR'}) RETURN count(r)") ==
        1);
  CHECK(Count(db,
              "MATCH (:Actor {id: 'IRN'})-[r:DEMANDS]->(:Demand)-[:OF]->(:Actor {id: 'USA'}) "
              "RETURN count(r)") == 1);
  CHECK(Count(db, "MATCH (d:Demand) RETURN count(d)") == 1);
  CHECK(Count(db, "MATCH (a:Actor {id: 'persia'}) RETURN count(a)") == 0);

  // Merging an actor into itself is refused.
  auto same = RunParley({"actor", "merge", "--db", db, "IRN", "Iran"});
  CHECK(same.exit_code == 1);
}

TEST_CASE("actor split: an alias becomes its own actor, re-ingested articles follow",
          "[curation][cli]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  std::string facts =
      std::string(
          R"({"doc": "s1", "date": "2026-04-01", "text": "Tehran opposes the United States, Iran said.", "entities": [{"id": "IRN", "name": "Iran", "kind": "country", "aliases": ["Tehran"], "mentions": [{"start": 0, "end": 6, "text": "Tehran"}, {"start": 40, "end": 44, "text": "Iran"}]}, )") +
      kUsa +
      R"(], "events": [{"type": "oppose", "source": {"text": "Tehran", "entity": "IRN"}, "target": {"text": "the United States", "entity": "USA"}, "confidence": 0.8}]})"
      "\n";
  IngestFacts(db, tmp / "s.jsonl", facts);
  REQUIRE(Has(Aliases(db, "IRN"), "Tehran"));

  Ok(RunParley({"actor", "split", "--db", db, "IRN", "--alias", "Tehran"}));
  CHECK_FALSE(Has(Aliases(db, "IRN"), "Tehran"));
  CHECK(Query(db, "MATCH (a:Actor {id: 'tehran'}) RETURN a.name, a.kind")[0] ==
        nlohmann::json::array({"Tehran", "country"}));

  // The stored article is ingested again: its stance now comes from the new actor.
  Ok(RunParley({"ingest", "--db", db, "--facts", tmp / "s.jsonl"}));
  CHECK(Count(db,
              "MATCH (:Actor {id: 'tehran'})-[r:OPPOSES]->(:Actor {id: 'USA'}) RETURN count(r)") ==
        1);
  CHECK(Count(db, "MATCH (:Actor {id: 'IRN'})-[r:OPPOSES]->() RETURN count(r)") == 0);
  CHECK_FALSE(Has(Aliases(db, "IRN"), "Tehran"));

  auto not_alias = RunParley({"actor", "split", "--db", db, "IRN", "--alias", "Nowhere"});
  CHECK(not_alias.exit_code == 1);
  CHECK_THAT(not_alias.err, Catch::Contains("not an alias"));
}

TEST_CASE("actor: an unknown actor is one line of error and changes nothing", "[curation][cli]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  IngestFacts(db, tmp / "a.jsonl", PersiaAndIran());
  auto before = RunParley({"stats", "--db", db});
  const std::vector<std::vector<std::string>> cases = {{"alias", "nobody", "X"},
                                                       {"merge", "nobody", "IRN"},
                                                       {"merge", "IRN", "nobody"},
                                                       {"split", "nobody", "--alias", "X"}};
  for (std::vector<std::string> args : cases) {
    args.insert(args.begin(), {"actor", "--db", db});
    auto r = RunParley(args);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("unknown actor 'nobody'"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  CHECK(RunParley({"stats", "--db", db}).out == before.out);
  auto list = RunParley({"actor", "list", "--db", db, "--format", "json"});
  Ok(list);
  CHECK(nlohmann::json::parse(list.out)["rows"].empty());
  CHECK(RunParley({"actor", "--db", db}).exit_code == 2);
}

}  // namespace parley

// Hand edits: a query's change to a node or relationship extracted from an article is recorded
// (who, what, when), listed by `parley edits`, and made again by every later ingest of the
// article, even when its changed text has it extracted anew; a dropped edit is no longer made.
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

nlohmann::json Rows(const std::string& db, const std::string& q) {
  auto r = RunParley({"query", "--db", db, "--format", "json", q});
  INFO(q << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out)["rows"];
}

const char* kHead = "Title: Harbour talks\nDate: 2026-04-02\n\n";
const char* kDemand =
    "The mayor of Oslo demanded that the city council reopen the northern harbour before "
    "winter.";

}  // namespace

TEST_CASE("Hand edits to extracted facts survive re-ingest and are listed", "[edits][cli]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  std::string article = tmp / "harbour.txt";
  test::WriteFile(article, std::string(kHead) + kDemand + "\n");
  Ok(RunParley({"ingest", "--db", db, article}));
  auto demands = Rows(db, "MATCH (:Actor)-[r:DEMANDS]->(d:Demand) RETURN d.text, count(r)");
  REQUIRE(demands.size() == 1);
  REQUIRE(demands[0][1] == 1);

  // A corrected property and a deleted relationship, by two users.
  Ok(RunParley({"query", "--db", db, "--user", "ana",
                "MATCH (d:Demand) SET d.text = 'reopen the north harbour', d:Checked"}));
  Ok(RunParley({"query", "--db", db, "--user", "ben", "MATCH (:Actor)-[r:DEMANDS]->() DELETE r"}));
  // A node made by hand is not an extracted fact: changing it records nothing.
  Ok(RunParley(
      {"query", "--db", db, "CREATE (:Note {n: 1}) WITH 1 AS x MATCH (n:Note) SET n.n = 2"}));

  auto list = RunParley({"edits", "--db", db, "--format", "json"});
  Ok(list);
  auto edits = nlohmann::json::parse(list.out)["rows"];
  REQUIRE(edits.size() == 2);
  // seq, at, user, element, target, change, articles, query
  CHECK(edits[0][0] == 1);
  CHECK(edits[0][2] == "ana");
  CHECK(edits[0][3] == "node");
  CHECK(edits[0][4].get<std::string>().find(":Demand") != std::string::npos);
  CHECK(edits[0][5].get<std::string>().find("set text = 'reopen the north harbour'") !=
        std::string::npos);
  CHECK(edits[0][5].get<std::string>().find("added label :Checked") != std::string::npos);
  CHECK(edits[0][6] == nlohmann::json::array({article}));
  CHECK(edits[0][7].get<std::string>().find("SET d.text") != std::string::npos);
  CHECK(edits[1][2] == "ben");
  CHECK(edits[1][3] == "relationship");
  CHECK(edits[1][5] == "deleted");
  std::string at = edits[0][1];
  CHECK(at.size() == 20);
  CHECK(at.back() == 'Z');

  // The article changes: its facts are withdrawn and extracted again from the new text.
  test::WriteFile(article, std::string(kHead) + kDemand + " Officials gave no date.\n");
  auto again = RunParley({"ingest", "--db", db, article});
  Ok(again);
  CHECK(again.err.find("1 replaced") != std::string::npos);
  CHECK(Rows(db, "MATCH (d:Demand:Checked) RETURN d.text") ==
        nlohmann::json::array({nlohmann::json::array({"reopen the north harbour"})}));
  CHECK(Rows(db, "MATCH ()-[r:DEMANDS]->() RETURN count(r)")[0][0] == 0);

  // Dropped, the relationship's edit is no longer made: the next re-extraction brings it back.
  Ok(RunParley({"edits", "--db", db, "--drop", "2"}));
  test::WriteFile(article, std::string(kHead) + kDemand + " No date was given.\n");
  Ok(RunParley({"ingest", "--db", db, article}));
  CHECK(Rows(db, "MATCH ()-[r:DEMANDS]->() RETURN count(r)")[0][0] == 1);
  CHECK(Rows(db, "MATCH (d:Demand) RETURN d.text")[0][0] == "reopen the north harbour");
  CHECK(RunParley({"edits", "--db", db, "--drop", "9"}).exit_code == 1);
  CHECK(RunParley({"edits", "--db", db, "--drop", "x"}).exit_code == 2);
}

}  // namespace parley

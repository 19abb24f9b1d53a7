// Range seeks that stand for their WHERE conditions: with bounds the index orders exactly
// (strings, dates, local times and date-times) the nodes found are not read again, except
// those found by an item of a list property; count(*) over such a seek counts index keys. Each
// answer is checked against the same query run before the property was indexed (a label scan
// and a Filter per condition), and EXPLAIN shows which plan ran.
#include <catch2/catch.hpp>

#include "query/engine.h"
#include "query_rows.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;
using test::QueryGraph;

// :L nodes whose k is a date, a local date-time, a string, a number, a boolean, a duration, a
// list (of dates, of strings, mixed) or missing; the dates and strings include the bounds the
// queries use, so that every inclusive and exclusive end is met exactly.
void Build(QueryGraph& g) {
  g.Run(
      "UNWIND range(0, 39) AS i CREATE (:L {id: i, k: date('2026-02-20') + duration({days: i})})");
  g.Run(
      "UNWIND range(0, 9) AS i CREATE (:L {id: 100 + i, k: localdatetime('2026-03-01T00:00') + "
      "duration({hours: 7 * i})})");
  g.Run(
      "UNWIND ['a', 'ab', 'abc', 'abd', 'b', 'ba', 'c', '', 'ab' + 'c'] AS s WITH collect(s) AS ss "
      "UNWIND range(0, size(ss) - 1) AS i CREATE (:L {id: 200 + i, k: ss[i]})");
  g.Run(
      "CREATE (:L {id: 300, k: 3}), (:L {id: 301, k: 3.5}), (:L {id: 302, k: true}), "
      "(:L {id: 303, k: duration({days: 2})}), (:L {id: 304}), "
      "(:L {id: 305, k: [date('2026-03-05'), date('2027-01-01')]}), "
      "(:L {id: 306, k: [date('2026-03-10')]}), (:L {id: 307, k: ['abc', 'zz']}), "
      "(:L {id: 308, k: [date('2026-03-05'), 'abc']}), (:M {id: 309, k: date('2026-03-05')})");
}

const std::vector<std::string> kRanges = {
    "n.k >= date('2026-03-01') AND n.k < date('2026-04-01')",
    "n.k > date('2026-03-01') AND n.k <= date('2026-03-10')",
    "date('2026-03-03') <= n.k AND date('2026-03-07') > n.k",
    "n.k > date('2026-03-25')",
    "n.k <= date('2026-02-21')",
    "n.k >= date('2026-03-01') AND n.k < localdatetime('2026-04-01T00:00')",
    "n.k >= date('2026-03-10') AND n.k < date('2026-03-01')",
    "n.k >= localdatetime('2026-03-01T07:00') AND n.k < localdatetime('2026-03-02T14:00')",
    "n.k > 'ab' AND n.k < 'b'",
    "n.k >= 'ab' AND n.k <= 'ba'",
    "n.k < 'abc'",
    "n.k > ''",
    "n.k >= 3",
    "n.k > 2.5 AND n.k < 4",
    "n.k STARTS WITH 'ab'",
    "n.k STARTS WITH 'ab' AND n.k > 'abc'",
    "n.k >= date('2026-03-01') AND n.k < date('2026-04-01') AND n.id % 2 = 0",
};

}  // namespace

TEST_CASE("A range seek answers as the label scan and its filters do", "[query][index]") {
  QueryGraph g;
  Build(g);
  std::vector<std::pair<std::string, Rows>> before;
  for (const std::string& where : kRanges) {
    for (std::string q : {"MATCH (n:L) WHERE " + where + " RETURN n.id AS id ORDER BY id",
                          "MATCH (n:L) WHERE " + where + " RETURN count(*)"}) {
      INFO(q);
      CHECK(g.Plan(q).find("IndexRangeSeek") == std::string::npos);
      before.emplace_back(q, g.Run(q));
    }
  }
  REQUIRE(g.store()->CreateIndex("L", "k").ok());
  for (const auto& [q, rows] : before) {
    INFO(q);
    std::string plan = g.Plan(q);
    CHECK(plan.find("IndexRangeSeek") != std::string::npos);
    CHECK(g.Run(q) == rows);
  }
  // The list items within the range are not matches: a list compared with a date is null.
  CHECK(g.Run("MATCH (n:L) WHERE n.k >= date('2026-03-04') AND n.k < date('2026-03-11') "
              "RETURN n.id AS id ORDER BY id") == Rows{"12", "13", "14", "15", "16", "17", "18"});
}

TEST_CASE("The conditions of a range seek run only where the index cannot vouch for them",
          "[query][index]") {
  QueryGraph g;
  Build(g);
  REQUIRE(g.store()->CreateIndex("L", "k").ok());
  const std::string month =
      "MATCH (n:L) WHERE n.k >= date('2026-03-01') AND n.k < date('2026-04-01') ";
  // No Filter: the seek holds the two conditions; count(*) counts its keys.
  std::string plan = g.Plan(month + "RETURN count(*)");
  CHECK(plan.find("Filter") == std::string::npos);
  CHECK(plan.find("on k >= and < (conditions checked only where inexact), index keys counted") !=
        std::string::npos);
  CHECK(g.Run(month + "RETURN count(*)") == Rows{"31"});
  // A node read by the items, another condition, another label to check: rows one by one.
  for (std::string q :
       {month + "RETURN count(n)", month + "AND n.id > 20 RETURN count(*)",
        std::string("MATCH (n:L:M) WHERE n.k >= date('2026-03-01') RETURN count(*)"),
        month + "RETURN n.id % 2 AS odd, count(*)"}) {
    INFO(q);
    CHECK(g.Plan(q).find("index keys counted") == std::string::npos);
  }
  CHECK(g.Run(month + "AND n.id > 20 RETURN count(*)") == Rows{"19"});
  // One count per input row, the bound read from it.
  std::string per_row =
      "UNWIND [date('2026-03-27'), date('2026-03-28'), date('2030-01-01')] AS lo "
      "MATCH (n:L) WHERE n.k >= lo RETURN lo, count(*) ORDER BY lo";
  CHECK(g.Plan(per_row).find("index keys counted") != std::string::npos);
  CHECK(g.Run(per_row) == Rows{"'2026-03-27' | 5", "'2026-03-28' | 4"});
  // Within a query that wrote, the seek reads the label (with the new node) and checks all.
  CHECK(g.Run("CREATE (:L {id: 400, k: date('2026-03-02')}) WITH count(*) AS made " + month +
              "RETURN count(*)") == Rows{"32"});
  CHECK(g.Run(month + "RETURN count(*)") == Rows{"32"});
}

}  // namespace parley

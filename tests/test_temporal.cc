// Temporal values in queries, one function or operation at a time: arithmetic with durations,
// durations between two values, truncation, the clocks, epochs, time zones, and dates stored
// as properties. Values are compared in Cypher's printed form.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "query_rows.h"
#include "test_util.h"

namespace parley {
namespace {

using Rows = std::vector<std::string>;
using test::RunParley;

// A scratch store that gives the value of one expression.
class Graph : public test::QueryGraph {
 public:
  // The one value a query returns in its one row.
  std::string One(const std::string& expr) {
    Rows rows = Run("RETURN " + expr);
    REQUIRE(rows.size() == 1);
    return rows[0];
  }
  bool Fails(const std::string& expr) { return !Try("RETURN " + expr).status.ok(); }
};

}  // namespace

TEST_CASE("temporal + and - duration: months first, clamped, then days, then time",
          "[query][temporal]") {
  Graph g;
  // A month after January 31st is the last day of February, in leap years too.
  CHECK(g.One("date('2023-01-31') + duration('P1M')") == "'2023-02-28'");
  CHECK(g.One("date('2024-01-31') + duration('P1M1D')") == "'2024-03-01'");
  CHECK(g.One("date('2024-03-31') - duration('P1M')") == "'2024-02-29'");
  // A date takes whole days of the time part only.
  CHECK(g.One("date('2024-05-10') + duration('PT47H59M')") == "'2024-05-11'");
  CHECK(g.One("date('2024-05-10') - duration('PT25H')") == "'2024-05-09'");
  // Times wrap around midnight and ignore months and days.
  CHECK(g.One("localtime('23:30') + duration('P3DT45M10.5S')") == "'00:15:10.500'");
  CHECK(g.One("time('00:10+05:00') - duration('PT20M')") == "'23:50+05:00'");
  CHECK(g.One("localdatetime('2024-12-31T23:00') + duration('PT1H0.000000001S')") ==
        "'2025-01-01T00:00:00.000000001'");
  CHECK(g.One("duration('P1D') + datetime('2024-02-28T12:00-03:00')") ==
        "'2024-02-29T12:00-03:00'");
  // In a named zone a day is a calendar day, an hour an hour of real time: across the
  // March switch in Paris, P1D keeps 12:00 while PT24H lands at 13:00.
  CHECK(g.One("datetime('2026-03-28T12:00[Europe/Paris]') + duration('P1D')") ==
        "'2026-03-29T12:00+02:00[Europe/Paris]'");
  CHECK(g.One("datetime('2026-03-28T12:00[Europe/Paris]') + duration('PT24H')") ==
        "'2026-03-29T13:00+02:00[Europe/Paris]'");
  // Durations add part by part; a duration cannot have a date subtracted from it.
  CHECK(g.One("duration('P1M2DT3H') + duration('P-2M1DT-4H30M')") == "'P-1M3DT-30M'");
  CHECK(g.One("duration('PT1S') - duration('PT1.25S')") == "'PT-0.25S'");
  CHECK(g.Fails("duration('P1D') - date('2024-01-01')"));
  CHECK(g.Fails("date('2024-01-01') + date('2024-01-01')"));
  CHECK(g.Fails("date('2024-01-01') + 1"));
  CHECK(g.One("date('2024-01-01') + null") == "null");
}

TEST_CASE("a duration times or divided by a number", "[query][temporal]") {
  Graph g;
  CHECK(g.One("duration('P1Y1M3DT10M') * 3") == "'P3Y3M9DT30M'");
  CHECK(g.One("2 * duration('PT0.75S')") == "'PT1.5S'");
  // Half a month is half of java.time's average month: 15 days, 5 hours, 14 minutes, 33 s.
  CHECK(g.One("duration('P1M') / 2") == "'P15DT5H14M33S'");
  CHECK(g.One("duration('P3D') * 0.5") == "'P1DT12H'");
  CHECK(g.One("duration('PT1H') / 0.25") == "'PT4H'");
  CHECK(g.Fails("duration('PT1H') / 0"));
  CHECK(g.Fails("duration('PT1H') * 'two'"));
}

TEST_CASE("temporal values compare within a kind and order in time", "[query][temporal]") {
  Graph g;
  CHECK(g.One("date('2024-01-02') > date('2023-12-31')") == "true");
  // Date-times compare by instant, whatever their zones.
  CHECK(g.One("datetime('2024-06-01T12:00+02:00') < datetime('2024-06-01T10:01Z')") == "true");
  CHECK(g.One("datetime('2024-06-01T12:00[Europe/Paris]') < datetime('2024-06-01T10:30Z')") ==
        "true");
  // Different kinds have no order.
  CHECK(g.One("date('2024-01-01') < localdatetime('2024-01-02T00:00')") == "null");
  CHECK(g.Run("UNWIND [date('2024-03-01'), date('1999-12-31'), date('2024-02-29')] AS d "
              "RETURN d ORDER BY d DESC") == Rows{"'2024-03-01'", "'2024-02-29'", "'1999-12-31'"});
}

TEST_CASE("duration.between, inMonths, inDays and inSeconds", "[query][temporal]") {
  Graph g;
  CHECK(g.One("duration.between(date('2023-11-20'), date('2026-02-05'))") == "'P2Y2M16D'");
  CHECK(g.One("duration.between(date('2026-02-05'), date('2023-11-20'))") == "'P-2Y-2M-15D'");
  // The missing time of day of a date is midnight; a time alone takes the other's date.
  CHECK(g.One("duration.between(date('2024-05-01'), localdatetime('2024-06-03T06:30'))") ==
        "'P1M2DT6H30M'");
  CHECK(g.One("duration.between(localtime('09:00'), localdatetime('2024-06-03T06:30'))") ==
        "'PT-2H-30M'");
  // Zoned values count real time: a night across the autumn switch in Paris lasts 9 hours.
  CHECK(g.One("duration.between(datetime('2026-10-24T22:00[Europe/Paris]'), "
              "datetime('2026-10-25T06:00[Europe/Paris]'))") == "'PT9H'");
  CHECK(g.One("duration.between(time('10:00+02:00'), time('10:00Z'))") == "'PT2H'");
  CHECK(g.One("duration.inMonths(date('2024-01-31'), date('2024-02-29'))") == "'PT0S'");
  CHECK(g.One("duration.inMonths(date('2024-01-31'), date('2025-03-01'))") == "'P1Y1M'");
  CHECK(g.One("duration.inDays(localdatetime('2024-01-01T18:00'), date('2024-03-01'))") ==
        "'P59D'");
  CHECK(g.One("duration.inSeconds(date('2024-01-01'), date('2024-01-03'))") == "'PT48H'");
  CHECK(g.One("duration.inSeconds(localtime('12:00:00.25'), localtime('11:59:59.5'))") ==
        "'PT-0.75S'");
  CHECK(g.One("duration.inDays(localtime('01:00'), localtime('23:00'))") == "'PT0S'");
  CHECK(g.One("duration.between(null, date())") == "null");
  CHECK(g.Fails("duration.between(date(), duration('P1D'))"));
}

TEST_CASE("truncate for every kind, with components set afterwards", "[query][temporal]") {
  Graph g;
  CHECK(g.One("date.truncate('decade', date('2026-07-04'))") == "'2020-01-01'");
  CHECK(g.One("date.truncate('millennium', date('1999-12-31'), {month: 6})") == "'1000-06-01'");
  CHECK(g.One("date.truncate('quarter', localdatetime('2026-08-15T10:00'))") == "'2026-07-01'");
  // ISO weeks start on Monday; week-year 2027 starts on 2027-01-04.
  CHECK(g.One("date.truncate('week', date('2026-03-08'))") == "'2026-03-02'");
  CHECK(g.One("date.truncate('weekYear', date('2027-06-01'), {dayOfWeek: 3})") == "'2027-01-06'");
  CHECK(g.One("datetime.truncate('day', datetime('2026-03-29T18:45:12+02:00[Europe/Paris]'))") ==
        "'2026-03-29T00:00+01:00[Europe/Paris]'");
  CHECK(g.One("datetime.truncate('month', date('2026-03-29'), {timezone: '+05:30'})") ==
        "'2026-03-01T00:00+05:30'");
  CHECK(g.One("localdatetime.truncate('hour', datetime('2026-03-29T18:45:12Z'), {minute: 7})") ==
        "'2026-03-29T18:07'");
  CHECK(g.One("localtime.truncate('millisecond', localtime('10:11:12.123456789'))") ==
        "'10:11:12.123'");
  CHECK(g.One("time.truncate('microsecond', time('10:11:12.123456789-02:00'))") ==
        "'10:11:12.123456-02:00'");
  CHECK(g.One("time.truncate('day', localtime('10:11'), {timezone: '+01:00'})") == "'00:00+01:00'");
  CHECK(g.Fails("date.truncate('hour', date('2026-03-29'))"));
  CHECK(g.Fails("localdatetime.truncate('fortnight', localdatetime())"));
  CHECK(g.Fails("date.truncate('day', localtime('10:00'))"));
}

TEST_CASE("epochs, clocks and text", "[query][temporal]") {
  Graph g;
  CHECK(g.One("datetime.fromepoch(1700000000, 5)") == "'2023-11-14T22:13:20.000000005Z'");
  CHECK(g.One("datetime.fromepochmillis(-1)") == "'1969-12-31T23:59:59.999Z'");
  CHECK(g.One("datetime.fromepoch(0, 0).epochSeconds") == "0");
  // The clocks answer values of their kind, in the zone asked for.
  CHECK(g.One("date.statement() <= date.realtime()") == "true");
  // One query reads one instant: its clocks agree, and differ from zero only by realtime.
  CHECK(g.One("duration.inSeconds(localdatetime(), localdatetime.statement())") == "'PT0S'");
  CHECK(g.One("datetime.transaction() = datetime() AND time() = time.statement()") == "true");
  CHECK(g.One("datetime.transaction('Asia/Tokyo').offset") == "'+09:00'");
  CHECK(g.One("time.statement('-03:00').offset") == "'-03:00'");
  CHECK(g.One("localdatetime.realtime() IS NOT NULL AND localtime.transaction() IS NOT NULL") ==
        "true");
  CHECK(g.One("datetime({timezone: 'America/Lima'}).timezone") == "'America/Lima'");
  CHECK(g.One("date.transaction(null)") == "null");
  CHECK(g.One("toString(localdatetime('2026-03-01T08:05:00.5'))") == "'2026-03-01T08:05:00.500'");
  CHECK(g.One("toString(duration({minutes: 90}))") == "'PT1H30M'");
  CHECK(g.Fails("datetime.fromepoch('1', 0)"));
}

TEST_CASE("named zones come from the system zone database, before and after 2037",
          "[query][temporal]") {
  Graph g;
  for (int year = 2040; year <= 2050; year += 5) {
    std::string y = std::to_string(year);
    INFO(y);
    CHECK(g.One("datetime({year: " + y + ", month: 7, day: 1, timezone: 'Europe/Berlin'})") ==
          "'" + y + "-07-01T00:00+02:00[Europe/Berlin]'");
    CHECK(g.One("datetime({year: " + y + ", month: 12, day: 1, timezone: 'Europe/Berlin'})") ==
          "'" + y + "-12-01T00:00+01:00[Europe/Berlin]'");
  }
  // A wall-clock time inside the spring gap moves forward across it; in the autumn overlap
  // the earlier offset is taken.
  CHECK(g.One("datetime('2045-03-26T02:30[Europe/Berlin]')") ==
        "'2045-03-26T03:30+02:00[Europe/Berlin]'");
  CHECK(g.One("datetime('2026-10-25T02:30[Europe/Berlin]')") ==
        "'2026-10-25T02:30+02:00[Europe/Berlin]'");
  // Moving an instant to another zone keeps it.
  CHECK(g.One("datetime({datetime: datetime('2026-01-15T12:00Z'), timezone: 'Asia/Kolkata'})") ==
        "'2026-01-15T17:30+05:30[Asia/Kolkata]'");
  CHECK(g.Fails("datetime('2026-01-15T12:00[Mars/Olympus_Mons]')"));
}

TEST_CASE("temporal properties: stored, matched, compared", "[query][temporal]") {
  Graph g;
  g.Run(
      "UNWIND ['2026-02-27', '2026-03-01', '2026-03-15', '2026-04-02'] AS day "
      "CREATE (:Demand {date: date(day), at: datetime(day + 'T09:00[Europe/Paris]')})");
  CHECK(g.Run("MATCH (d:Demand) WHERE d.date >= date('2026-03-01') AND d.date < date('2026-04-01') "
              "RETURN d.date ORDER BY d.date") == Rows{"'2026-03-01'", "'2026-03-15'"});
  CHECK(g.Run("MATCH (d:Demand) WHERE d.at > datetime('2026-04-02T06:30Z') RETURN d.date") ==
        Rows{"'2026-04-02'"});
  CHECK(g.Run("MATCH (d:Demand {date: date('2026-03-15')}) RETURN d.at.hour, d.at.offset") ==
        Rows{"9 | '+01:00'"});
  CHECK(g.Run("MATCH (a:Demand), (b:Demand) WHERE a.date < b.date "
              "RETURN max(duration.inDays(a.date, b.date)) AS most") == Rows{"'P34D'"});
}

TEST_CASE("an index answers <, <=, >, >= and STARTS WITH by a range of its keys",
          "[query][temporal][index]") {
  Graph g;
  // Demand.date is indexed in every new store; Item.code and Item.size are indexed here.
  g.Run(
      "UNWIND range(0, 59) AS i CREATE (:Demand {date: date('2026-01-01') + duration({days: i}), "
      "n: i})");
  g.Run(
      "UNWIND range(1, 20) AS i CREATE (:Item {code: 'K-' + toString(i), size: i}), "
      "(:Item {code: 'Z' + toString(i), size: toFloat(i) + 0.5})");
  g.Run("CREATE (:Item {code: 'odd', size: 'big'}), (:Item {size: [1, 2]})");
  // The store behind the engine is the test's own, so indexes are made on it directly.
  auto explain = [&](const std::string& q) {
    std::string text;
    for (const auto& line : g.Run("EXPLAIN " + q)) text += line + "\n";
    return text;
  };
  std::string plan = explain(
      "MATCH (d:Demand) WHERE d.date >= date('2026-02-01') AND d.date < date('2026-02-08') "
      "RETURN d.n");
  CHECK_THAT(plan, Catch::Contains("IndexRangeSeek") && Catch::Contains("on date >= and <"));
  CHECK(g.Run("MATCH (d:Demand) WHERE d.date >= date('2026-02-01') AND d.date < date('2026-02-04') "
              "RETURN d.n ORDER BY d.n") == Rows{"31", "32", "33"});
  // The bound on the left, exclusive and inclusive ends, one bound alone.
  CHECK(g.Run("MATCH (d:Demand) WHERE date('2026-02-27') < d.date RETURN d.n ORDER BY d.n") ==
        Rows{"58", "59"});
  CHECK(g.Run("MATCH (d:Demand) WHERE d.date <= date('2026-01-02') RETURN d.n ORDER BY d.n") ==
        Rows{"0", "1"});
  CHECK(g.Run("MATCH (d:Demand) WHERE d.date > date('2026-01-30') AND d.date <= date('2026-02-01') "
              "RETURN d.n ORDER BY d.n") == Rows{"30", "31"});
  // Bounds of another type, or null, find nothing, as the comparison would.
  CHECK(g.Run("MATCH (d:Demand) WHERE d.date > '2026-01-01' RETURN d.n").empty());
  CHECK(g.Run("MATCH (d:Demand) WHERE d.date > null RETURN d.n").empty());
  CHECK(g.Run("MATCH (d:Demand) WHERE d.date >= date('2026-03-01') AND d.date < 5 RETURN d.n")
            .empty());

  REQUIRE(g.store()->CreateIndex("Item", "code").ok());
  REQUIRE(g.store()->CreateIndex("Item", "size").ok());
  CHECK_THAT(explain("MATCH (i:Item) WHERE i.code STARTS WITH 'K-1' RETURN i"),
             Catch::Contains("IndexRangeSeek") && Catch::Contains("on code STARTS WITH"));
  CHECK(g.Run("MATCH (i:Item) WHERE i.code STARTS WITH 'K-1' RETURN i.size ORDER BY i.size") ==
        Rows{"1", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"});
  CHECK(g.Run("MATCH (i:Item) WHERE i.code STARTS WITH 'K-1' AND i.code > 'K-18' RETURN i.size") ==
        Rows{"19"});
  CHECK(g.Run("MATCH (i:Item) WHERE i.code STARTS WITH 3 RETURN i.size").empty());
  // Integers and floats compare with each other: both spans of the index are read.
  CHECK_THAT(explain("MATCH (i:Item) WHERE i.size > 18 RETURN i"),
             Catch::Contains("IndexRangeSeek"));
  CHECK(g.Run("MATCH (i:Item) WHERE i.size > 18 RETURN i.size ORDER BY i.size") ==
        Rows{"18.5", "19", "19.5", "20", "20.5"});
  CHECK(g.Run("MATCH (i:Item) WHERE 2.5 <= i.size AND i.size <= 3 RETURN i.size ORDER BY i.size") ==
        Rows{"2.5", "3"});
  CHECK(g.Run("MATCH (i:Item) WHERE i.size >= 'a' RETURN i.size") == Rows{"'big'"});
  // An equality on a date goes through the index too.
  CHECK_THAT(explain("MATCH (d:Demand) WHERE d.date = date('2026-01-05') RETURN d"),
             Catch::Contains("IndexSeek"));
  CHECK(g.Run("MATCH (d:Demand {date: date('2026-01-05')}) RETURN d.n") == Rows{"4"});
}

namespace {

// The values of column `key` in JSON Lines output, as a set.
std::set<std::string> Column(const std::string& jsonl, const std::string& key) {
  std::set<std::string> out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    std::string v = j.at(key).is_string() ? j.at(key).get<std::string>() : j.at(key).dump();
    // `parley demands` marks a negated demand; the query returns the text alone.
    if (v.starts_with("NOT: ")) v = v.substr(5);
    out.insert(v);
  }
  return out;
}

}  // namespace

TEST_CASE("Parley's own dates are stored as dates and agree with --since",
          "[query][temporal][cli]") {
  test::TempDir tmp;
  // The test facts, re-dated: one article in February, one in March.
  std::ifstream in(std::string(PARLEY_TEST_DATA) + "/iran_facts.jsonl");
  std::string line, facts;
  const char* dates[] = {"2026-02-20", "2026-03-04"};
  int i = 0;
  while (std::getline(in, line) && i < 2) {
    auto j = nlohmann::json::parse(line);
    j["date"] = dates[i++];
    facts += j.dump() + "\n";
  }
  std::string db = tmp / "db";
  auto r = RunParley({"ingest", "--db", db, "--facts", "-"}, facts);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  // Articles, demands and the relationships that report them carry a Date.
  auto q = [&](const std::string& text) {
    auto res = RunParley({"query", "--db", db, "--format", "jsonl", text});
    INFO(text);
    INFO(res.err);
    REQUIRE(res.exit_code == 0);
    return res.out;
  };
  CHECK(q("MATCH (a:Article) RETURN a.id AS id, a.date.month AS m, toString(a.date) AS d "
          "ORDER BY id") ==
        "{\"id\":\"a1\",\"m\":2,\"d\":\"2026-02-20\"}\n"
        "{\"id\":\"a2\",\"m\":3,\"d\":\"2026-03-04\"}\n");
  CHECK(q("MATCH ()-[r:DEMANDS]->(d:Demand) WHERE r.date < date('2026-03-01') "
          "RETURN count(*) > 0 AS some") == "{\"some\":true}\n");

  // The demands since March by Cypher are the ones `parley demands --since 2026-03` lists.
  auto listed = RunParley({"demands", "--db", db, "--since", "2026-03", "--format", "jsonl"});
  REQUIRE(listed.exit_code == 0);
  std::set<std::string> by_command = Column(listed.out, "demand");
  std::set<std::string> by_query = Column(
      q("MATCH (d:Demand) WHERE d.date >= date('2026-03-01') RETURN d.text AS demand"), "demand");
  std::set<std::string> all = Column(q("MATCH (d:Demand) RETURN d.text AS demand"), "demand");
  CHECK_FALSE(by_query.empty());
  CHECK(by_query.size() < all.size());
  CHECK(by_query == by_command);

  // An export writes a date as its ISO text.
  auto exported = RunParley({"export", "--db", db, "--format", "json"});
  REQUIRE(exported.exit_code == 0);
  CHECK_THAT(exported.out, Catch::Contains("\"date\":\"2026-02-20\""));
}

}  // namespace parley

// parley timeline: the conflict-cooperation line between two actors by month and by week, on
// facts written here (Iran and the United States over four months), coded by hand with
// Goldstein values and QuadClasses; and its --plot SVG, turned into a PNG by rsvg-convert and
// checked as an image: its size, and the line and bars in the drawing area.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

const std::string kTools = std::string(PARLEY_TEST_DATA) + "/../tools";

std::string Event(const std::string& type, const std::string& cameo, const std::string& from,
                  const std::string& to, const std::string& what) {
  return R"({"type": ")" + type + R"(", "cameo": ")" + cameo + R"(", "source": {"text": ")" + from +
         R"(", "entity": ")" + from + R"("}, "target": {"text": ")" + to + R"(", "entity": ")" +
         to + R"("}, "content": {"text": ")" + what +
         R"("}, "confidence": 0.9, "sentence": 2, "start": 0, "end": 10, "quote": "A sentence."})";
}

std::string Doc(const std::string& id, const std::string& date, const std::string& events) {
  return R"({"doc": ")" + id + R"(", "date": ")" + date +
         R"(", "text": "A sentence.", "entities": [{"id": "IRN", "name": "Iran", "kind": "country"}, )"
         R"({"id": "USA", "name": "United States", "kind": "country"}, )"
         R"({"id": "FRA", "name": "France", "kind": "country"}], "events": [)" +
         events + "]}\n";
}

// Four months of events between Iran and the United States, each coded by hand: Goldstein
// value and QuadClass by CAMEO code as the coding tables give them for these codes.
std::string TimelineStore(const test::TempDir& tmp) {
  std::string facts =
      Doc("t1", "2026-01-10",
          Event("demand", "10", "IRN", "USA", "lift sanctions") + ", " +
              Event("sanction", "16", "USA", "IRN", "new sanctions")) +
      Doc("t2", "2026-02-12", Event("threaten", "13", "IRN", "USA", "close the strait")) +
      Doc("t3", "2026-03-03",
          Event("offer", "03", "USA", "IRN", "talks") + ", " +
              Event("consult", "04", "IRN", "USA", "talks in Oman")) +
      Doc("t4", "2026-04-20", Event("support", "05", "USA", "IRN", "the ceasefire"));
  test::WriteFile(tmp / "facts.jsonl", facts);
  std::string db = tmp / "db";
  auto r = RunParley({"ingest", "--db", db, "--facts", tmp / "facts.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (auto [cameo, g, q] :
       {std::tuple{"10", "-5.0", "3"}, std::tuple{"16", "-4.0", "4"}, std::tuple{"13", "-4.4", "3"},
        std::tuple{"03", "4.0", "1"}, std::tuple{"04", "1.0", "1"}, std::tuple{"05", "3.5", "1"}}) {
    std::string set = std::string(" SET x.goldstein = ") + g + ", x.quad_class = " + q;
    auto a = RunParley(
        {"query", "--db", db, std::string("MATCH (x:Demand {cameo: '") + cameo + "'})" + set});
    auto b = RunParley({"query", "--db", db,
                        std::string("MATCH ()-[x]->() WHERE x.cameo = '") + cameo + "'" + set});
    REQUIRE(a.exit_code == 0);
    REQUIRE(b.exit_code == 0);
  }
  return db;
}

bool Have(const std::string& probe) {
  return std::system((probe + " >/dev/null 2>&1").c_str()) == 0;
}

// Width and height of a PNG, from its header.
std::pair<int, int> PngSize(const std::string& path) {
  std::string data = test::ReadFileText(path);
  REQUIRE(data.size() > 24);
  REQUIRE(data.substr(1, 3) == "PNG");
  auto be = [&](size_t at) {
    return (static_cast<unsigned char>(data[at]) << 24) |
           (static_cast<unsigned char>(data[at + 1]) << 16) |
           (static_cast<unsigned char>(data[at + 2]) << 8) |
           static_cast<unsigned char>(data[at + 3]);
  };
  return {be(16), be(20)};
}

// Pixel counts of `colours` in the box of the PNG.
std::vector<int> Colours(const test::TempDir& tmp, const std::string& png, const std::string& box,
                         const std::string& colours) {
  std::string out = tmp / "counts.txt";
  int rc = std::system(("/usr/bin/python3 '" + kTools + "/png_colours.py' '" + png + "' --box " +
                        box + " " + colours + " >'" + out + "' 2>&1")
                           .c_str());
  INFO(test::ReadFileText(out));
  REQUIRE(rc == 0);
  std::vector<int> counts;
  std::istringstream in(test::ReadFileText(out));
  for (int n; in >> n;) counts.push_back(n);
  return counts;
}

}  // namespace

TEST_CASE("parley timeline bins the events between two actors by month and by week", "[timeline]") {
  test::TempDir tmp;
  std::string db = TimelineStore(tmp);
  // CSV lines end in CRLF (RFC 4180); compared here without the CRs.
  auto lines = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    return s;
  };
  auto r = RunParley({"timeline", "--db", db, "--format", "csv", "Iran", "United States"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r.out = lines(r.out);
  CHECK(r.out ==
        "month,events,IRN_to_USA,USA_to_IRN,coded,goldstein_sum,verbal_coop,material_coop,"
        "verbal_conflict,material_conflict\n"
        "2026-01,2,1,1,2,-9.0,0,0,1,1\n"
        "2026-02,1,1,0,1,-4.4,0,0,1,0\n"
        "2026-03,2,1,1,2,5.0,2,0,0,0\n"
        "2026-04,1,0,1,1,3.5,1,0,0,0\n");
  // By week: the Mondays from the week of 10 January to that of 20 April, empty weeks kept.
  auto w = RunParley({"timeline", "--db", db, "--format", "csv", "--step", "week", "USA", "IRN"});
  REQUIRE(w.exit_code == 0);
  w.out = lines(w.out);
  CHECK(std::count(w.out.begin(), w.out.end(), '\n') == 1 + 16);
  CHECK_THAT(w.out, Catch::StartsWith("week,") && Catch::Contains("\n2026-01-05,2,1,1,2,-9.0,") &&
                        Catch::Contains("\n2026-01-12,0,0,0,0,0.0,") &&
                        Catch::EndsWith("\n2026-04-20,1,1,0,1,3.5,1,0,0,0\n"));
  // Errors: one line each.
  auto bad = RunParley({"timeline", "--db", db, "--step", "day", "IRN", "USA"});
  CHECK(bad.exit_code == 2);
  auto missing = RunParley({"timeline", "--db", db, "IRN", "Atlantis"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("Atlantis"));
}

TEST_CASE("parley timeline --plot draws the line and the bars as an SVG image", "[timeline]") {
  test::TempDir tmp;
  std::string db = TimelineStore(tmp);
  std::string svg = tmp / "iran-usa.svg";
  auto r = RunParley({"timeline", "--db", db, "--plot", svg, "IRN", "USA"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string text = test::ReadFileText(svg);
  CHECK_THAT(text, Catch::StartsWith("<svg") && Catch::Contains("Iran and United States") &&
                       !Catch::Contains("href") && !Catch::Contains("<script"));
  // No events between Iran and France: a frame and a note, no line.
  std::string none = tmp / "none.svg";
  REQUIRE(RunParley({"timeline", "--db", db, "--plot", none, "IRN", "FRA"}).exit_code == 0);
  if (!Have("command -v rsvg-convert")) {
    WARN("rsvg-convert missing (librsvg2-bin): the plot is not checked as an image");
    return;
  }
  std::string png = tmp / "plot.png", none_png = tmp / "none.png";
  REQUIRE(std::system(("rsvg-convert -o '" + png + "' '" + svg + "'").c_str()) == 0);
  REQUIRE(std::system(("rsvg-convert -o '" + none_png + "' '" + none + "'").c_str()) == 0);
  CHECK(PngSize(png) == std::pair{960, 540});
  // The Goldstein line in the upper panel; the event bars (QuadClass colours) in the lower.
  auto upper = Colours(tmp, png, "80,60,930,330", "'#1f77b4'");
  auto lower = Colours(tmp, png, "80,360,930,470", "'#98df8a' '#ff9896' '#d62728'");
  CHECK(upper[0] > 1000);
  CHECK(lower[0] > 1000);  // verbal cooperation: March and April
  CHECK(lower[1] > 1000);  // verbal conflict: January and February
  CHECK(lower[2] > 500);   // material conflict: January's sanctions
  auto empty = Colours(tmp, none_png, "80,60,930,470", "'#1f77b4' '#98df8a' '#d62728'");
  CHECK(empty == std::vector<int>{0, 0, 0});
}

}  // namespace parley

// Event coding: the CAMEO -> QuadClass, Goldstein and PLOVER tables checked against values
// written out here by hand (from GDELT's CAMEO.goldsteinscale.txt, GDELT's QuadClass grouping
// and the PLOVER 2021 crosswalk), the longest-prefix rule for codes a table lacks, bad table
// lines, the coding fields in the facts JSON and the graph, and the status of events in
// sentences written for these tests (asserted, conditional, hypothetical, future,
// reported_past).
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "core/event_coding.h"
#include "core/event_status.h"
#include "core/facts.h"
#include "tests/test_util.h"

using namespace parley;
using parley::test::RunParley;
using parley::test::TempDir;
using parley::test::WriteFile;

namespace {

const EventCoding& Coding() {
  Status st;
  const EventCoding* c = EventCoding::Default(&st);
  INFO(st.message());
  REQUIRE(c != nullptr);
  return *c;
}

EventCode CodeOf(const std::string& cameo) {
  EventCode c;
  REQUIRE(Coding().Code(cameo, &c));
  return c;
}

}  // namespace

TEST_CASE("CAMEO codes get GDELT's Goldstein values", "[coding]") {
  const std::map<std::string, double> kGoldstein = {
      {"010", 0.0},  {"011", -0.1},  {"018", 3.4},  {"024", -0.3},  {"0334", 6.0},  {"036", 4.0},
      {"042", 1.9},  {"043", 2.8},   {"046", 7.0},  {"057", 8.0},   {"061", 6.4},   {"072", 8.3},
      {"074", 8.5},  {"0874", 10.0}, {"086", 9.0},  {"094", -2.0},  {"100", -5.0},  {"125", -5.0},
      {"130", -4.4}, {"136", -7.0},  {"145", -7.5}, {"154", -7.2},  {"162", -5.6},  {"163", -8.0},
      {"165", -6.5}, {"171", -9.2},  {"173", -5.0}, {"182", -9.5},  {"1821", -9.0}, {"1823", -10.0},
      {"184", -8.0}, {"191", -9.5},  {"201", -9.5}, {"2042", -10.0}};
  for (const auto& [code, value] : kGoldstein) {
    INFO(code);
    CHECK(CodeOf(code).goldstein == Approx(value));
  }
}

TEST_CASE("CAMEO codes get GDELT's QuadClass by their root", "[coding]") {
  const std::map<std::string, int> kQuad = {
      {"010", 1}, {"020", 1},  {"036", 1},  {"046", 1},  {"057", 1}, {"061", 2},
      {"073", 2}, {"0874", 2}, {"091", 2},  {"1041", 3}, {"112", 3}, {"1246", 3},
      {"138", 3}, {"141", 3},  {"145", 3},  {"154", 4},  {"163", 4}, {"173", 4},
      {"186", 4}, {"193", 4},  {"2041", 4}, {"09", 2},   {"15", 4}};
  for (const auto& [code, quad] : kQuad) {
    INFO(code);
    CHECK(CodeOf(code).quad_class == quad);
  }
}

TEST_CASE("CAMEO codes get the PLOVER type, mode and context of the crosswalk", "[coding]") {
  using Row = std::tuple<std::string, std::string, std::string>;
  const std::map<std::string, Row> kPlover = {
      {"030", {"AGREE", "", "diplomatic"}},
      {"0312", {"AGREE", "", "military"}},
      {"0343", {"AGREE", "", "rights_freedoms"}},
      {"041", {"CONSULT", "phone", ""}},
      {"042", {"CONSULT", "visit", ""}},
      {"044", {"CONSULT", "third-party", ""}},
      {"057", {"SUPPORT", "", "diplomatic"}},
      {"064", {"COOPERATE", "", "intelligence"}},
      {"075", {"AID", "", "asylum"}},
      {"0811", {"CONCEDE", "", "democracy"}},
      {"0841", {"RETREAT", "release", "legal"}},
      {"0871", {"RETREAT", "ceasefire", "military"}},
      {"0813", {"RETREAT", "", "legal"}},
      {"091", {"ACCUSE", "investigate", "crime; corruption"}},
      {"1053", {"REQUEST", "yield", "legal"}},
      {"1122", {"ACCUSE", "allege", "human_rights"}},
      {"1243", {"REJECT", "yield", "legal"}},
      {"1385", {"THREATEN", "violence", "cbrn"}},
      {"1413", {"PROTEST", "demo", "rights_freedoms"}},
      {"143", {"PROTEST", "boycott", ""}},
      {"152", {"MOBILIZE", "troops", "military"}},
      {"163", {"COERCE", "restrict", "diplomatic"}},
      {"166", {"SANCTION", "expel", "diplomatic"}},
      {"173", {"COERCE", "arrest", "legal"}},
      {"1712", {"ASSAULT", "seize", "human_security"}},
      {"181", {"ASSAULT", "abduct", ""}},
      {"1831", {"ASSAULT", "suicide-attack", ""}},
      {"192", {"COERCE", "seize", "military"}},
      {"195", {"ASSAULT", "heavy-weapons", "military"}},
      {"2041", {"ASSAULT", "unconventional", "cbrn"}},
      // Parley's rows for what PLOVER does not code: an appeal as the demand it softens
      // (024 as 104... 0243 as 1043), a comment as COMMENT.
      {"0243", {"REQUEST", "change", "rights_freedoms"}},
      {"013", {"COMMENT", "", ""}}};
  for (const auto& [code, row] : kPlover) {
    INFO(code);
    EventCode c = CodeOf(code);
    CHECK(c.plover_type == std::get<0>(row));
    CHECK(c.plover_mode == std::get<1>(row));
    CHECK(c.plover_context == std::get<2>(row));
  }
}

TEST_CASE("a code a table lacks takes its longest prefix; a bare root its full code", "[coding]") {
  // 1952 and 176 are codes of the PETRARCH verb dictionary that GDELT's table lacks.
  EventCode c = CodeOf("1952");
  CHECK(c.cameo == "1952");
  CHECK(c.root == "19");
  CHECK(c.goldstein == Approx(-10.0));  // 195
  CHECK(c.plover_type == "ASSAULT");
  CHECK(c.plover_mode == "heavy-weapons");
  c = CodeOf("176");
  CHECK(c.goldstein == Approx(-7.0));  // 17
  CHECK(c.plover_type == "COERCE");
  CHECK(c.quad_class == 4);
  c = CodeOf("10");
  CHECK(c.cameo == "100");
  CHECK(c.root == "10");
  CHECK(c.plover_type == "REQUEST");
  EventCode none;
  CHECK_FALSE(Coding().Code("21", &none));
  CHECK_FALSE(Coding().Code("1a3", &none));
  CHECK_FALSE(Coding().Code("", &none));
  CHECK(none.quad_class == 0);
}

TEST_CASE("a malformed coding table line is named by file and line", "[coding]") {
  TempDir dir;
  std::string g = dir / "g.txt", q = dir / "q.tsv", p = dir / "p.tsv";
  std::string gold = "CAMEOEVENTCODE\tGOLDSTEINSCALE\n", quad = "root\tquad_class\n",
              plover = "code\ttype\tmode\tcontext\n";
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    gold += root + "\t1.0\n";
    quad += root + "\t" + std::to_string(r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4) + "\n";
    plover += root + "\tTYPE\t\t\n";
  }
  WriteFile(g, gold);
  WriteFile(q, quad);
  WriteFile(p, plover);
  EventCoding c;
  REQUIRE(EventCoding::Load(g, q, p, &c).ok());
  WriteFile(g, gold + "0874\thigh\n");
  Status st = EventCoding::Load(g, q, p, &c);
  CHECK(st.message().find(g + ":22:") != std::string::npos);
  WriteFile(g, gold + "0874\t12.5\n");
  CHECK_FALSE(EventCoding::Load(g, q, p, &c).ok());
  WriteFile(g, gold);
  WriteFile(p, plover + "99x\tASSAULT\t\t\n");
  st = EventCoding::Load(g, q, p, &c);
  CHECK(st.message().find(p + ":22:") != std::string::npos);
  WriteFile(p, plover);
  WriteFile(q, "root\tquad_class\n01\t1\n");  // roots 02-20 missing
  CHECK_FALSE(EventCoding::Load(g, q, p, &c).ok());
}

TEST_CASE("coding fields go through the facts JSON and are checked on the way in", "[coding]") {
  DocumentFacts f;
  f.doc = "7";
  Event e;
  e.type = "assault";
  e.cameo = "0874";
  e.source = {"the rebels", "rebels"};
  e.status = "reported_past";
  Coding().Fill(&e);
  CHECK(e.quad_class == 2);
  CHECK(e.goldstein == Approx(10.0));
  CHECK(e.plover_type == "RETREAT");
  CHECK(e.plover_mode == "disarm");
  CHECK(e.plover_context == "military; historical");
  f.events.push_back(e);
  std::string line = FactsToJson(f);
  DocumentFacts back;
  REQUIRE(ParseFacts(line, &back).ok());
  REQUIRE(back.events.size() == 1);
  CHECK(back.events[0].quad_class == 2);
  CHECK(back.events[0].goldstein == Approx(10.0));
  CHECK(back.events[0].plover_context == "military; historical");
  CHECK(back.events[0].status == "reported_past");
  auto j = nlohmann::json::parse(line);
  j["events"][0]["quad_class"] = 7;
  Status st = ParseFacts(j.dump(), &back);
  CHECK(st.message().find("events[0].quad_class") != std::string::npos);
  j["events"][0]["quad_class"] = 2;
  j["events"][0]["goldstein"] = "high";
  CHECK(ParseFacts(j.dump(), &back).message().find("events[0].goldstein") != std::string::npos);
}

namespace {

// Extracts `lines` (one sentence a document) and returns, per line, its events as
// (cameo root, source, status).
std::vector<std::vector<nlohmann::json>> ExtractLines(const std::string& lines) {
  TempDir dir;
  WriteFile(dir / "s.txt", lines);
  auto r = RunParley({"extract", "--lines", "--format", "jsonl", dir / "s.txt"});
  REQUIRE(r.exit_code == 0);
  std::vector<std::vector<nlohmann::json>> out;
  size_t at = 0;
  while (at < r.out.size()) {
    size_t end = r.out.find('\n', at);
    auto j = nlohmann::json::parse(r.out.substr(at, end - at));
    out.emplace_back(j["events"].begin(), j["events"].end());
    at = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("events are marked asserted, hypothetical, future, conditional or reported past",
          "[coding][status][e2e]") {
  auto docs = ExtractLines(
      "Diplomats said a new accord would involve Canada rejoining the fisheries pact.\n"
      "Russia could attack Ukraine's ports again, analysts warned.\n"
      "France will withdraw its troops from Mali next month.\n"
      "Germany plans to send tanks to Poland.\n"
      "Israel had attacked Hezbollah positions before the ceasefire.\n"
      "Police arrested dozens of protesters in Istanbul on Saturday.\n"
      "Hamas fighters attacked an Israeli army post near Gaza.\n"
      "Syria said it would retaliate if Israel struck Damascus again.\n"
      "The European Union imposed sanctions on Russia last year.\n"
      "Ukrainian officials said Russian troops had attacked Ukrainian positions near Kharkiv.\n");
  REQUIRE(docs.size() == 10);
  // What a hypothesis would involve is no report of Canada supporting or joining anything.
  for (const auto& e : docs[0]) {
    INFO(e.dump());
    CHECK(!(e["source"]["entity"] == "CAN" && e["status"] == "asserted"));
  }
  auto status_of = [&](size_t doc, const std::string& root) -> std::string {
    for (const auto& e : docs[doc])
      if (e["cameo"].get<std::string>().substr(0, 2) == root) return e["status"];
    return "(none)";
  };
  CHECK(status_of(1, "19") == "hypothetical");
  CHECK(status_of(2, "03") == "future");  // "will withdraw": an intent to yield, to come
  CHECK(status_of(3, "03") == "future");
  CHECK(status_of(4, "19") == "reported_past");
  CHECK(status_of(5, "17") == "asserted");
  CHECK(status_of(6, "19") == "asserted");
  CHECK(status_of(7, "19") == "conditional");
  CHECK(status_of(8, "17") == "reported_past");
  // "said X had struck" is reported speech of the news, not background.
  CHECK(status_of(9, "19") == "asserted");
  // Every event carries its coding, and the PLOVER context says what the status says.
  for (const auto& doc : docs) {
    for (const auto& e : doc) {
      INFO(e.dump());
      CHECK(e["quad_class"].get<int>() >= 1);
      CHECK(e.contains("goldstein"));
      CHECK(!e["plover_type"].get<std::string>().empty());
      CHECK(e["cameo"].get<std::string>().size() >= 3);
    }
  }
  CHECK(docs[1][0]["plover_context"] == "military; hypothetical");
  CHECK(docs[4][0]["plover_context"].get<std::string>().find("historical") != std::string::npos);
}

TEST_CASE("the status reader reads the clauses around the event", "[coding][status]") {
  // Byte spans are given by hand: the event is the words between start and end.
  auto status = [](const std::string& s, const std::string& event_words,
                   const std::string& modality = "", const std::string& date = "2024-06-01") {
    Event e;
    e.cameo = "190";
    e.modality = modality;
    e.start = static_cast<int64_t>(s.find(event_words));
    REQUIRE(e.start >= 0);
    e.end = e.start + static_cast<int64_t>(event_words.size());
    return ReadEventStatus(s, 0, static_cast<int64_t>(s.size()), e, date);
  };
  CHECK(status("If the talks fail, Ruritania will shell the border towns.",
               "Ruritania will shell the border towns", "will") == "conditional");
  CHECK(status("OSLO -- If the talks fail, Ruritania shells the towns.", "Ruritania shells") ==
        "conditional");
  CHECK(status("Envoys asked if Ruritania shelled the towns.", "Ruritania shelled the towns") ==
        "asserted");
  CHECK(status("Such a plan would mean Ruritania shelling the towns.",
               "Ruritania shelling the towns") == "hypothetical");
  CHECK(status("The minister said the army would shell the towns.", "the army would shell",
               "would") == "future");
  CHECK(status("The army might shell the towns.", "The army might shell", "might") ==
        "hypothetical");
  CHECK(status("The army is expected to shell the towns.", "shell the towns") == "future");
  CHECK(status("The army shelled the towns in 2019.", "The army shelled the towns") ==
        "reported_past");
  CHECK(status("The army shelled the towns in 2024.", "The army shelled the towns") == "asserted");
  CHECK(status("The army shelled the towns in March 2021, officials said.",
               "The army shelled the towns") == "reported_past");
  CHECK(status("After the army had shelled the towns in 2019, the rebels attacked a base.",
               "the rebels attacked a base") == "asserted");
  CHECK(status("Rebels attacked the base three years ago.", "Rebels attacked the base") ==
        "reported_past");
  CHECK(status("The rebels attacked the base in May.", "The rebels attacked the base") ==
        "asserted");
  CHECK(status("In May the rebels attacked the base.", "the rebels attacked the base") ==
        "asserted");
  // A demand read off a condition is a demand made.
  CHECK(status("Talks are possible only if Ruritania withdraws.", "Ruritania withdraws",
               "conditional") == "asserted");
}

TEST_CASE("stored events carry their coding as properties", "[coding][e2e]") {
  TempDir dir;
  WriteFile(dir / "a.txt",
            "Hamas fighters attacked an Israeli army post near Gaza.\n\n"
            "Mali's foreign minister demanded that France withdraw its troops.\n");
  auto r = RunParley({"ingest", "--db", dir / "db", dir / "a.txt"});
  REQUIRE(r.exit_code == 0);
  r = RunParley({"query", "--db", dir / "db", "--format", "jsonl",
                 "MATCH (a)-[r:FIGHTS]->(b) RETURN r.cameo AS c, r.quad_class AS q, "
                 "r.goldstein AS g, r.plover_type AS t, r.plover_context AS x, r.status AS s"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  CHECK(j["c"] == "190");
  CHECK(j["q"] == 4);
  CHECK(j["g"].get<double>() == Approx(-10.0));
  CHECK(j["t"] == "ASSAULT");
  CHECK(j["x"] == "military");
  CHECK(j["s"] == "asserted");
  r = RunParley({"query", "--db", dir / "db", "--format", "jsonl",
                 "MATCH (d:Demand) RETURN d.cameo AS c, d.quad_class AS q, d.goldstein AS g, "
                 "d.plover_type AS t, d.status AS s"});
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  CHECK(j["c"].get<std::string>().substr(0, 2) == "10");
  CHECK(j["q"] == 3);
  CHECK(j["g"].get<double>() == Approx(-5.0));
  CHECK(j["t"] == "REQUEST");
  CHECK(j["s"] == "asserted");
}

TEST_CASE("protests, arrests, force, expulsions and resignations become coded events",
          "[coding][e2e]") {
  auto docs = ExtractLines(
      "Thousands of Kenyans protested in Nairobi.\n"
      "Police arrested 30 protesters in Nairobi.\n"
      "Russia mobilized troops along the border with Ukraine.\n"
      "The United States expelled two Russian diplomats.\n"
      "The Kenyan finance minister resigned on Tuesday.\n"
      "China suspended trade talks with Australia.\n"
      "Armenian troops shelled Azerbaijani villages.\n"
      "Iraq investigated Turkish air strikes.\n"
      "France sent humanitarian aid to Lebanon.\n");
  REQUIRE(docs.size() == 9);
  // (root, source, PLOVER type) of each sentence's event, as CAMEO and PLOVER code them.
  const std::vector<std::tuple<std::string, std::string, std::string>> kWant = {
      {"14", "KEN", "PROTEST"},     // "thousands of DEMONYMS" act as those people
      {"17", "police", "ASSAULT"},  // the verb dictionary's 175, violent repression
      {"15", "RUS", "MOBILIZE"},   {"17", "USA", "COERCE"},  {"08", "KEN", "CONCEDE"},
      {"16", "CHN", "SANCTION"},   {"19", "ARM", "ASSAULT"}, {"09", "IRQ", "ACCUSE"},
      {"07", "FRA", "AID"}};
  for (size_t i = 0; i < kWant.size(); ++i) {
    INFO(i);
    REQUIRE(docs[i].size() == 1);
    const auto& e = docs[i][0];
    CHECK(e["cameo"].get<std::string>().substr(0, 2) == std::get<0>(kWant[i]));
    CHECK(e["source"]["entity"] == std::get<1>(kWant[i]));
    CHECK(e["plover_type"] == std::get<2>(kWant[i]));
    CHECK(e["status"] == "asserted");
  }
}

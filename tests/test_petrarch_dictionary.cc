// The event coders' dictionary formats (TABARI/PETRARCH .actors and .agents): each construct
// of the reader, the errors that name a file and line, and what the dictionaries do in the
// pipeline — office holders picked by the article's date, agents giving actors their sector,
// a user's .actors file given to `parley extract --actors` unchanged. All sentences and
// dictionary entries here are made up for the tests (Zarnovia is no country).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/actor_dictionary.h"
#include "core/mentions.h"
#include "core/petrarch_dictionary.h"
#include "core/segmenter.h"
#include "tests/test_util.h"
#include "util/data_path.h"

using namespace parley;
using parley::test::RunParley;
using parley::test::TempDir;
using parley::test::WriteFile;

namespace {

std::vector<PetrarchActor> Actors(const std::string& text) {
  std::vector<PetrarchActor> out;
  Status s = ReadPetrarchActors("t.actors", text, &out);
  INFO(s.message());
  REQUIRE(s.ok());
  return out;
}

std::vector<PetrarchAgent> Agents(const std::string& text,
                                  std::vector<std::string>* warnings = nullptr) {
  std::vector<PetrarchAgent> out;
  Status s = ReadPetrarchAgents("t.agents", text, &out, warnings);
  INFO(s.message());
  REQUIRE(s.ok());
  return out;
}

std::string ActorError(const std::string& text) {
  std::vector<PetrarchActor> out;
  Status s = ReadPetrarchActors("bad.actors", text, &out);
  REQUIRE_FALSE(s.ok());
  return s.message();
}

std::string AgentError(const std::string& text) {
  std::vector<PetrarchAgent> out;
  Status s = ReadPetrarchAgents("bad.agents", text, &out, nullptr);
  REQUIRE_FALSE(s.ok());
  return s.message();
}

// The Zarnovian dictionary of the tests: a country, two chancellors one after the other, a
// minister with a default code after office, and a rebel front.
const char* kZarnovia =
    "# Zarnovia, a made-up republic\n"
    "ZARNOVIA_  [ZRN]\n"
    "+ZARNOVIAN_\n"
    "+VELGRAD_   # its capital\n"
    "\n"
    "ANTON_BRESK_\n"
    "+CHANCELLOR_BRESK\n"
    "\t[ZRNELI 19700101-19791231]\n"
    "\t[ZRNGOV 19800101-19891231] # Chancellor of Zarnovia\n"
    "\t[ZRNELI]\n"
    "MIRA_TOSK_\n"
    "\t[ZRNGOV 900101-] # Chancellor of Zarnovia\n"
    "PAVEL_ORLIK_\n"
    "\t[ZRNGOV 19950301-20011231]\n"
    "\t[ZRNELI]\n"
    "VELGRAD_LIBERATION_FRONT_ [ZRNREB]\n"
    "+VLF\n";

// The built-in dictionaries plus `user` (a file written in `dir`).
const ActorDictionary& WithUser(const TempDir& dir, const std::string& name,
                                const std::string& content, ActorDictionary* dict) {
  WriteFile(dir / name, content);
  Status s =
      ActorDictionary::Load(DataPath("actors.json"), PetrarchDictionaries(), dir / name, dict);
  INFO(s.message());
  REQUIRE(s.ok());
  return *dict;
}

DocumentActors Find(const ActorDictionary& dict, const std::string& text, const std::string& date) {
  return FindActors(dict, text, SplitSentences(text), date);
}

const Entity* EntityOf(const DocumentActors& d, const std::string& id) {
  auto it = d.entities.find(id);
  return it == d.entities.end() ? nullptr : &it->second;
}

// The actor the mention starting at `word` resolves to, or "".
std::string ActorAt(const DocumentActors& d, const std::string& text, const std::string& word,
                    std::string* code = nullptr) {
  size_t at = text.find(word);
  for (const ActorMention& m : d.mentions) {
    if (m.start == static_cast<int32_t>(at)) {
      if (code) *code = m.code;
      return m.actor;
    }
  }
  return "";
}

}  // namespace

TEST_CASE("actor records: primary, synonyms, word joins, codes and comments", "[petrarch]") {
  auto a = Actors(
      "# a comment line\n"
      "ZARNOVIA_  [ZRN] # inline comment\n"
      "+ZARNOVIAN_REPUBLIC\n"
      "+THE ZARNOVIAN_STATE_\n"
      "<!-- an XML comment\n"
      "   over two lines -->\n"
      "\n"
      "ANTON_BRESK_\n"
      "\t[ZRNELI 19700101-19791231]\n"
      "\t[ZRNGOV 800101-891231] # Chancellor of Zarnovia\n"
      "\t[ZRNGOV <19700101] [ZRNMIL >300101]\n"
      "\t[ZRNGOV 19950301-] [ZRNGOV -310101] [ZRNLEG 20050505]\n"
      "\t[ZRNELI]\n");
  REQUIRE(a.size() == 2);
  CHECK(a[0].line == 2);
  CHECK(a[0].phrases ==
        std::vector<std::string>{"ZARNOVIA", "ZARNOVIAN REPUBLIC", "THE ZARNOVIAN STATE"});
  REQUIRE(a[0].codes.size() == 1);
  CHECK(a[0].codes[0].code == "ZRN");
  CHECK_FALSE(a[0].codes[0].dated);
  CHECK(a[1].phrases == std::vector<std::string>{"ANTON BRESK"});
  const auto& c = a[1].codes;
  REQUIRE(c.size() == 8);
  CHECK((c[0].code == "ZRNELI" && c[0].from == 19700101 && c[0].to == 19791231));
  // YYMMDD: a two-digit year up to 30 is 20YY, else 19YY.
  CHECK((c[1].from == 19800101 && c[1].to == 19891231 && c[1].note == "Chancellor of Zarnovia"));
  CHECK((c[2].from == 0 && c[2].to == 19700101 && c[2].dated));
  CHECK((c[3].code == "ZRNMIL" && c[3].from == 20300101 && c[3].to == 0));
  CHECK((c[4].from == 19950301 && c[4].to == 0));
  CHECK((c[5].from == 0 && c[5].to == 19310101));
  CHECK((c[6].code == "ZRNLEG" && c[6].from == 20050505 &&
         c[6].to == 0));  // a lone date: from then on
  CHECK((c[7].code == "ZRNELI" && !c[7].dated));
}

TEST_CASE("agent records: plurals, codes before or after, substitution sets", "[petrarch]") {
  std::vector<std::string> warnings;
  auto a = Agents(
      "!PEOPLE! = MAN, MEN, WOMAN\n"
      "POLICE {} [~COP]\n"
      "MILITIA {MILITIAS} [~MIL]\n"
      "DEPUTY [~LEG] # regular plural in IES\n"
      "BOSS [~BUS]\n"
      "REBEL_FIGHTER [~REB]\n"
      "CHARITY_BODY [NGO~]\n"
      "FERRY!PEOPLE! [~CVL]\n"
      "WATER_BOARD [~GOV}\n"
      "STRAY_WORD_WITHOUT_CODE\n",
      &warnings);
  std::map<std::string, std::pair<std::string, bool>> by;
  for (const auto& x : a) by[x.phrase] = {x.code, x.before};
  CHECK(by.count("POLICE"));
  CHECK_FALSE(by.count("POLICES"));
  CHECK(by.count("MILITIAS"));
  CHECK_FALSE(by.count("MILITIAES"));
  CHECK(by.count("DEPUTIES"));
  CHECK(by.count("BOSSES"));
  CHECK(by.count("REBEL FIGHTERS"));
  CHECK(by["REBEL FIGHTER"].first == "REB");
  CHECK((by["CHARITY BODY"] == std::make_pair(std::string("NGO"), true)));
  CHECK(by.count("FERRYMAN"));
  CHECK(by.count("FERRYMEN"));
  CHECK(by.count("FERRYWOMAN"));
  CHECK_FALSE(by.count("FERRYMANS"));       // no plurals of substitutions
  CHECK(by["WATER BOARD"].first == "GOV");  // "[~GOV}" read as PETRARCH's own examples write it
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("t.agents:10:") == 0);
}

TEST_CASE("a malformed dictionary line is named by file and line", "[petrarch][badinput]") {
  CHECK(ActorError("+SYNONYM_FIRST\n") == "bad.actors:1: a synonym ('+') before any actor");
  CHECK(ActorError("# c\n\t[ZRN]\n") == "bad.actors:2: a code line before any actor");
  CHECK(ActorError("ZARNOVIA_ [ZRN\n") == "bad.actors:1: '[' without its ']'");
  CHECK(ActorError("A_B\n\t[ZRNGOV 19801301-]\n").find("bad.actors:2: bad date '19801301'") == 0);
  CHECK(ActorError("A_B\n\n\t[]\n") == "bad.actors:3: empty code '[]'");
  CHECK(ActorError("A_B [ZR$N]\n").find("bad.actors:1: bad character '$'") == 0);
  CHECK(ActorError("A_B\n\t[ZRNGOV 800101-800202-800303]\n").find("bad.actors:2: bad date") == 0);
  CHECK(AgentError("POLICE [COP]\n").find("bad.agents:1: agent code 'COP' needs one '~'") == 0);
  CHECK(AgentError("\nPOLICE {POLICES [~COP]\n") == "bad.agents:2: '{' without its '}'");
  CHECK(AgentError("FERRY!CREW! [~CVL]\n") ==
        "bad.agents:1: substitution set !CREW! is not defined above");
  CHECK(AgentError("POLICE [~COP] extra\n") ==
        "bad.agents:1: unexpected text 'extra' after the code");
}

TEST_CASE("dictionary formats are told apart by name and content", "[petrarch]") {
  CHECK(DetectDictionaryFormat("mine.json", "{}") == DictionaryFormat::kJson);
  CHECK(DetectDictionaryFormat("Phoenix.agents.txt", "") == DictionaryFormat::kAgents);
  CHECK(DetectDictionaryFormat("x.actors", "[") == DictionaryFormat::kActors);
  CHECK(DetectDictionaryFormat("mine.txt", "  [{\"id\": \"A\"}]") == DictionaryFormat::kJson);
  CHECK(DetectDictionaryFormat("mine.txt", "# agents\nPOLICE {} [~COP]\n") ==
        DictionaryFormat::kAgents);
  CHECK(DetectDictionaryFormat("mine.txt", "ZARNOVIA_ [ZRN]\n") == DictionaryFormat::kActors);
}

TEST_CASE("the same role on two article dates is two holders", "[petrarch][offices]") {
  TempDir dir;
  ActorDictionary dict;
  WithUser(dir, "z.actors", kZarnovia, &dict);
  const std::string text =
      "The Chancellor of Zarnovia urged the Velgrad Liberation Front to lay down its arms.";
  auto early = Find(dict, text, "1987-06-02");
  auto late = Find(dict, text, "1996-11-20");
  CHECK(ActorAt(early, text, "Chancellor") == "anton_bresk");
  CHECK(ActorAt(late, text, "Chancellor") == "mira_tosk");
  // A person's code follows the dates: in office in 1987, out of it (the default) in 1996.
  const Entity* bresk = EntityOf(early, "anton_bresk");
  REQUIRE(bresk);
  CHECK(bresk->country == "ZRN");
  CHECK(bresk->role == "Chancellor");
  CHECK(bresk->sector == "GOV");
  CHECK(bresk->code == "ZRNGOV");
  const std::string named = "Anton Bresk called on the government to resign.";
  auto retired = Find(dict, named, "1996-11-20");
  const Entity* later = EntityOf(retired, "anton_bresk");
  REQUIRE(later);
  CHECK(later->kind == "person");
  CHECK(later->role.empty());
  CHECK(later->sector == "ELI");
  CHECK(later->country == "ZRN");
  // A demonym the dictionary gives, before the role, names the country too.
  const std::string demonym = "The Zarnovian Chancellor demanded new elections.";
  CHECK(ActorAt(Find(dict, demonym, "1985-01-01"), demonym, "Zarnovian") == "anton_bresk");
  // The office holders of the built-in data: Germany's chancellor in 1990 and in 2023.
  const std::string german = "The German Chancellor urged the unions to end the strike.";
  CHECK(ActorAt(Find(dict, german, "1990-03-01"), german, "German") == "helmut_kohl");
  CHECK(ActorAt(Find(dict, german, "2023-03-01"), german, "German") == "olaf_scholz");
}

TEST_CASE("agents give actors their sector", "[petrarch][agents]") {
  TempDir dir;
  ActorDictionary dict;
  WithUser(dir, "z.actors", kZarnovia, &dict);
  std::string code;
  const std::string officials = "Zarnovian officials said the talks would resume.";
  auto a = Find(dict, officials, "");
  CHECK(ActorAt(a, officials, "Zarnovian", &code) == "ZRN");
  CHECK(code == "ZRNGOV");
  const std::string rebels = "Zarnovian rebels demanded the release of their leader.";
  auto b = Find(dict, rebels, "");
  CHECK(ActorAt(b, rebels, "Zarnovian") == "ZRNREB");
  const Entity* reb = EntityOf(b, "ZRNREB");
  REQUIRE(reb);
  CHECK(reb->kind == "group");
  CHECK(reb->country == "ZRN");
  CHECK(reb->sector == "REB");
  const std::string police = "The police asked residents to stay indoors.";
  auto c = Find(dict, police, "");
  const Entity* cop = EntityOf(c, "police");
  REQUIRE(cop);
  CHECK(cop->sector == "COP");
  CHECK(cop->country.empty());
  // An agent noun of the PETRARCH agents file that is no role: country + agent.
  const std::string dock = "Zarnovian transport workers refused to unload the ship.";
  auto d = Find(dict, dock, "");
  const Entity* lab = EntityOf(d, "ZRNLAB");
  REQUIRE(lab);
  CHECK(lab->sector == "LAB");
}

TEST_CASE("PETRARCH names match ignoring case, but only where the text writes a name",
          "[petrarch]") {
  TempDir dir;
  ActorDictionary dict;
  WithUser(dir, "z.actors", kZarnovia, &dict);
  const std::string text =
      "Officials in Velgrad said the VLF had agreed; the vlf of velgrad did not.";
  auto d = Find(dict, text, "");
  CHECK(ActorAt(d, text, "Velgrad") == "ZRN");
  CHECK(ActorAt(d, text, "VLF") == "velgrad-liberation-front");
  CHECK(ActorAt(d, text, "vlf").empty());
  CHECK(ActorAt(d, text, "velgrad").empty());
  // A dateline or a headline in capitals is no spelling of the name.
  const std::string dateline = "VELGRAD — Zarnovia closed its border.\n\nZARNOVIA CLOSES BORDER";
  auto e = Find(dict, dateline, "");
  CHECK(ActorAt(e, dateline, "VELGRAD").empty());
  CHECK(ActorAt(e, dateline, "Zarnovia") == "ZRN");
  CHECK(ActorAt(e, dateline, "ZARNOVIA").empty());
}

TEST_CASE("extract --actors takes a .actors file, a malformed one stops with its line",
          "[petrarch][extract]") {
  TempDir dir;
  WriteFile(dir / "zarnovia.actors", kZarnovia);
  WriteFile(
      dir / "a.jsonl",
      R"({"id": "z1", "date": "1986-04-03", "text": "The Chancellor of Zarnovia urged the Velgrad Liberation Front to accept the ceasefire."})"
      "\n");
  auto r = RunParley(
      {"extract", "--format", "jsonl", "--actors", dir / "zarnovia.actors", dir / "a.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  bool bresk = false;
  for (const auto& e : j["entities"]) {
    if (e["id"] == "anton_bresk") {
      bresk = true;
      CHECK(e["country"] == "ZRN");
      CHECK(e["role"] == "Chancellor");
      CHECK(e["code"] == "ZRNGOV");
    }
  }
  CHECK(bresk);
  REQUIRE_FALSE(j["events"].empty());
  CHECK(j["events"][0]["source"]["entity"] == "anton_bresk");
  CHECK(j["events"][0]["target"]["entity"] == "velgrad-liberation-front");

  WriteFile(dir / "bad.actors", "ZARNOVIA_ [ZRN]\nANTON_BRESK_\n\t[ZRNGOV 19800101-1989x231]\n");
  auto bad = RunParley({"extract", "--actors", dir / "bad.actors", dir / "a.jsonl"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find(dir / "bad.actors" + ":3: bad date '1989x231'") != std::string::npos);
  WriteFile(dir / "bad.agents", "POLICE {} [~COP]\nRIOT_SQUAD [COP]\n");
  bad = RunParley({"extract", "--actors", dir / "bad.agents", dir / "a.jsonl"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find(dir / "bad.agents" + ":2:") != std::string::npos);
  // JSON too: the line of the entry at fault, and of a syntax error.
  WriteFile(dir / "bad.json",
            "{\"actors\": [\n  {\"id\": \"A\", \"name\": \"Aa\"},\n  {\"name\": \"No Id\"}\n]}\n");
  bad = RunParley({"extract", "--actors", dir / "bad.json", dir / "a.jsonl"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find(dir / "bad.json" + ":3: actors[1]: needs \"id\" and \"name\"") !=
        std::string::npos);
  WriteFile(dir / "broken.json", "{\"actors\": [\n  {\"id\": \"A\",\n   \"name\" \"Aa\"}\n]}\n");
  bad = RunParley({"extract", "--actors", dir / "broken.json", dir / "a.jsonl"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find(dir / "broken.json" + ":3: not valid JSON") != std::string::npos);
}

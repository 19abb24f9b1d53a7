// End to end: the real parley binary extracts the sample articles in data/samples into a real
// store, and the demands, roles and stances it finds are the ones the articles state — and
// not the ones they do not (no demand read from "there are no barriers to talks", no source
// and target swapped). Also the extract JSONL contract and its behaviour on bad input.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>

#include "storage/graph_store.h"
#include "tests/test_util.h"

using namespace parley;
using parley::test::RunParley;
using parley::test::TempDir;
using parley::test::WriteFile;

namespace {

struct FoundDemand {
  std::vector<std::string> sources, targets, policies;
  std::string text, modality, condition;
  bool negated = false;
};

std::string Str(const PropertyMap& p, const char* k) {
  auto it = p.find(k);
  return it != p.end() && it->second.is_string() ? it->second.as_string() : "";
}

std::vector<std::string> Ends(const GraphStore& s, NodeId id, Direction d, const char* type) {
  std::vector<std::string> out;
  for (auto c = s.Neighbours(id, d, type); c->Valid(); c->Next()) {
    Node n;
    REQUIRE(s.GetNode(c->entry().other, &n).ok());
    out.push_back(Str(n.properties, "id"));
  }
  return out;
}

std::vector<FoundDemand> Demands(const GraphStore& s) {
  std::vector<FoundDemand> out;
  for (auto c = s.ScanLabel("Demand"); c->Valid(); c->Next()) {
    Node d;
    REQUIRE(s.GetNode(c->id(), &d).ok());
    FoundDemand f;
    f.text = Str(d.properties, "text");
    f.modality = Str(d.properties, "modality");
    f.condition = Str(d.properties, "condition");
    auto neg = d.properties.find("negated");
    f.negated = neg != d.properties.end() && neg->second.is_bool() && neg->second.as_bool();
    f.sources = Ends(s, d.id, Direction::kIncoming, "DEMANDS");
    f.targets = Ends(s, d.id, Direction::kOutgoing, "OF");
    f.policies = Ends(s, d.id, Direction::kOutgoing, "ABOUT");
    out.push_back(std::move(f));
  }
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The demands by `source` of `target` whose text contains `words`.
int Count(const std::vector<FoundDemand>& ds, const std::string& source, const std::string& target,
          const std::string& words) {
  return static_cast<int>(std::count_if(ds.begin(), ds.end(), [&](const FoundDemand& d) {
    return Has(d.sources, source) &&
           (target.empty() ? d.targets.empty() : Has(d.targets, target)) &&
           d.text.find(words) != std::string::npos;
  }));
}

}  // namespace

TEST_CASE("the sample articles give who demands what of whom", "[extract][e2e]") {
  TempDir dir;
  auto r = RunParley({"ingest", "--db", dir / "db", PARLEY_SAMPLES});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::unique_ptr<GraphStore> store;
  GraphStore::Options ro;
  ro.read_only = true;
  REQUIRE(GraphStore::Open(dir / "db", ro, &store).ok());
  auto ds = Demands(*store);

  // Iran's Supreme Leader: the US must lift sanctions and return to the nuclear deal.
  CHECK(Count(ds, "ali_khamenei", "USA", "lift the sanctions") == 1);
  CHECK(Count(ds, "ali_khamenei", "USA", "return to the 2015 nuclear deal") == 1);
  // ... and talks only on condition that Washington changes its approach.
  CHECK(Count(ds, "ali_khamenei", "USA", "changes its approach") >= 1);
  bool conditional = std::any_of(ds.begin(), ds.end(), [](const FoundDemand& d) {
    return Has(d.sources, "ali_khamenei") &&
           d.text.find("changes its approach") != std::string::npos &&
           d.condition.find("on condition that") != std::string::npos;
  });
  CHECK(conditional);
  // The sanctions demand concerns the sanctions and the nuclear deal.
  bool about = std::any_of(ds.begin(), ds.end(), [](const FoundDemand& d) {
    return Has(d.sources, "ali_khamenei") &&
           d.text.find("lift the sanctions") != std::string::npos && d.policies.size() >= 2;
  });
  CHECK(about);
  // A hedged demand keeps its hedge.
  bool hedged = std::any_of(ds.begin(), ds.end(), [](const FoundDemand& d) {
    return Has(d.sources, "ali_khamenei") && d.text.find("sanctions relief") != std::string::npos &&
           d.modality == "likely";
  });
  CHECK(hedged);
  // The other side: the State Department urges Tehran back to compliance.
  CHECK(Count(ds, "daniel_whitcomb@usa", "IRN", "return to full compliance") == 1);
  // Other stories, other shapes: "called on ... to", "wants ... to", "urged".
  CHECK(Count(ds, "UKR", "RUS", "stop attacks on its ports") == 1);
  CHECK(Count(ds, "CHN", "EU", "drop the tariffs") == 1);
  CHECK(Count(ds, "AU-PSC", "MLI", "restore constitutional order") +
            Count(ds, "AU", "MLI", "restore constitutional order") >=
        1);

  // What the articles do not say.
  for (const auto& d : ds) {
    INFO(d.text);
    CHECK(d.text.find("barriers") == std::string::npos);  // "there are no barriers to talks"
    // Never the US demanding of Iran what Iran demands of the US.
    bool swapped = Has(d.sources, "USA") &&
                   (Has(d.targets, "IRN") || Has(d.targets, "ali_khamenei")) &&
                   (d.text.find("lift the sanctions") != std::string::npos ||
                    d.text.find("approach") != std::string::npos);
    CHECK_FALSE(swapped);
  }

  // Roles: Khamenei is Iran's Supreme Leader; Sissoko Mali's foreign minister.
  auto role_of = [&](const std::string& person) {
    std::vector<std::pair<std::string, std::string>> out;
    std::vector<NodeId> ids;
    REQUIRE(store->FindNodes("Actor", "id", Value(person), &ids).ok());
    for (NodeId id : ids) {
      for (auto c = store->Neighbours(id, Direction::kOutgoing, "HOLDS_ROLE"); c->Valid();
           c->Next()) {
        Relationship rel;
        Node other;
        REQUIRE(store->GetRelationship(c->entry().rel, &rel).ok());
        REQUIRE(store->GetNode(c->entry().other, &other).ok());
        out.push_back({Str(rel.properties, "role"), Str(other.properties, "id")});
      }
    }
    return out;
  };
  CHECK(Has({"Supreme Leader|IRN"},
            role_of("ali_khamenei").empty()
                ? ""
                : role_of("ali_khamenei")[0].first + "|" + role_of("ali_khamenei")[0].second));
  auto sissoko = role_of("bakary_sissoko@mli");
  REQUIRE_FALSE(sissoko.empty());
  CHECK(sissoko[0].second == "MLI");

  // Other stances: sanctions, support.
  GraphStats st;
  REQUIRE(store->GetStats(&st).ok());
  CHECK(st.types["SANCTIONS"] >= 1);
  CHECK(st.types["SUPPORTS"] >= 1);
  CHECK(st.articles == 5);

  // parley demands answers the same question from the command line.
  auto q = RunParley({"demands", "--db", dir / "db", "--by", "Khamenei", "--of", "United States",
                      "--format", "json"});
  REQUIRE(q.exit_code == 0);
  auto j = nlohmann::json::parse(q.out);
  CHECK(j["columns"][0] == "source");
  CHECK(j["rows"].size() >= 3);
}

TEST_CASE("extract prints the JSONL contract, one line a document", "[extract]") {
  TempDir dir;
  WriteFile(dir / "lines.txt",
            "Washington demanded that Iran halt uranium enrichment.\n"
            "\n"
            "The European Union urged Tehran to return to full compliance with the deal.\n");
  auto r = RunParley({"extract", "--lines", "--format", "jsonl", dir / "lines.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<nlohmann::json> docs;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t nl = r.out.find('\n', pos);
    docs.push_back(nlohmann::json::parse(r.out.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  REQUIRE(docs.size() == 3);  // the empty line is a document too, so ids stay line numbers
  CHECK(docs[0]["doc"] == 1);
  CHECK(docs[2]["doc"] == 3);
  CHECK(docs[1]["triples"].empty());
  const auto& ev = docs[0]["events"];
  REQUIRE(ev.size() == 1);
  CHECK(ev[0]["type"] == "demand");
  CHECK(ev[0]["cameo"].get<std::string>().substr(0, 2) == "10");
  CHECK(ev[0]["source"]["entity"] == "USA");
  CHECK(ev[0]["target"]["entity"] == "IRN");
  CHECK(ev[0]["content"]["text"] == "halt uranium enrichment");
  for (const char* k :
       {"policies", "negated", "modality", "confidence", "sentence", "start", "end"}) {
    CHECK(ev[0].contains(k));
  }
  // Entities with their mentions, offsets into the line.
  bool usa = false;
  for (const auto& e : docs[0]["entities"]) {
    if (e["id"] == "USA") {
      usa = true;
      CHECK(e["kind"] == "country");
      CHECK(e["mentions"][0]["text"] == "Washington");
      CHECK(e["mentions"][0]["start"] == 0);
      CHECK(e["mentions"][0]["end"] == 10);
    }
  }
  CHECK(usa);
  // Triples: subject, predicate with lemma, object.
  bool triple = false;
  for (const auto& t : docs[2]["triples"]) {
    if (t["predicate"]["lemma"] == "urge" && t["object"]["text"] == "Tehran") triple = true;
  }
  CHECK(triple);
  const auto& appeal = docs[2]["events"];
  REQUIRE_FALSE(appeal.empty());
  CHECK(appeal[0]["source"]["entity"] == "EU");
  CHECK(appeal[0]["target"]["entity"] == "IRN");
}

TEST_CASE("a dateline the parser keeps in the subject does not hide the actor", "[extract]") {
  TempDir dir;
  WriteFile(
      dir / "a.txt",
      "OSLO, June 11 \u2014 Norway's foreign minister demanded on Thursday that Russia release "
      "the trawler.\n");
  auto r = RunParley({"extract", "--lines", dir / "a.txt"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE_FALSE(j["events"].empty());
  CHECK(j["events"][0]["source"]["entity"] == "NOR");
  CHECK(j["events"][0]["target"]["entity"] == "RUS");
  CHECK(j["events"][0]["content"]["text"] == "release the trawler");
}

TEST_CASE("a user's actor dictionary adds actors", "[extract]") {
  TempDir dir;
  WriteFile(
      dir / "actors.json",
      R"({"actors": [{"id": "ZRN", "name": "Zarnovia", "kind": "country", "aliases": ["the Zarnovian Republic"]}]})");
  WriteFile(dir / "a.txt", "Zarnovia demanded that Iran release the detained sailors.\n");
  auto without = RunParley({"extract", "--lines", dir / "a.txt"});
  auto with = RunParley({"extract", "--lines", "--actors", dir / "actors.json", dir / "a.txt"});
  REQUIRE(with.exit_code == 0);
  CHECK(without.out.find("\"ZRN\"") == std::string::npos);
  auto j = nlohmann::json::parse(with.out);
  REQUIRE_FALSE(j["events"].empty());
  CHECK(j["events"][0]["source"]["entity"] == "ZRN");
  // A malformed dictionary is refused with its name in the message.
  WriteFile(dir / "bad.json", "{\"actors\": [{\"name\": \"No Id\"}]}");
  auto bad = RunParley({"extract", "--lines", "--actors", dir / "bad.json", dir / "a.txt"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bad.json") != std::string::npos);
}

TEST_CASE("bad input files are skipped with a warning and the rest is read",
          "[extract][badinput]") {
  TempDir dir;
  WriteFile(dir / "in/good.txt", "Moscow urged Kyiv to resume talks.\n");
  WriteFile(dir / "in/empty.txt", "");
  std::string binary;
  std::mt19937 rng(7);
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(rng() & 0xff));
  binary[10] = '\0';
  WriteFile(dir / "in/binary.txt", binary);
  WriteFile(dir / "in/latin1.txt", "Caf\xe9 owners in Paris demanded lower rents.\n");
  // One 50 MB line of words and no sentence end.
  std::string huge;
  huge.reserve(50u << 20);
  while (huge.size() < (50u << 20)) huge += "lorem ipsum dolor sit amet ";
  WriteFile(dir / "in/huge.txt", huge);

  auto r = RunParley({"extract", dir / "in"});
  INFO(r.err.substr(0, 2000));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("empty.txt") != std::string::npos);
  CHECK(r.err.find("binary.txt") != std::string::npos);
  CHECK(r.err.find("latin1.txt") != std::string::npos);
  // The good article and the huge one are read.
  CHECK(r.out.find("good.txt") != std::string::npos);
  CHECK(r.out.find("huge.txt") != std::string::npos);
  CHECK(r.out.find("\"UKR\"") != std::string::npos);

  // The same through ingest: the store gets the good articles.
  auto ing = RunParley({"ingest", "--db", dir / "db", dir / "in"});
  REQUIRE(ing.exit_code == 0);
  auto stats = RunParley({"stats", "--db", dir / "db", "--format", "jsonl"});
  CHECK(stats.out.find("{\"kind\":\"total\",\"name\":\"articles\",\"count\":2}") !=
        std::string::npos);
}

TEST_CASE("facts extracted with --record-key are stored as an ingest of the articles stores them",
          "[extract][cluster]") {
  TempDir dir;
  const std::string samples = PARLEY_SAMPLES;
  auto one = RunParley({"ingest", "--db", dir / "one.db", samples});
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  auto facts = RunParley({"extract", "--record-key", "--format", "jsonl", samples});
  REQUIRE(facts.exit_code == 0);
  CHECK(facts.out.find("\"extracted_with\":\"") != std::string::npos);
  WriteFile(dir / "facts.jsonl", facts.out);
  REQUIRE(RunParley({"ingest", "--db", dir / "two.db", "--facts", dir / "facts.jsonl"}).exit_code ==
          0);
  auto a = RunParley({"export", "--db", dir / "one.db", "--format", "json"});
  auto b = RunParley({"export", "--db", dir / "two.db", "--format", "json"});
  REQUIRE(a.exit_code == 0);
  CHECK(a.out.find("\"extracted_with\"") != std::string::npos);
  CHECK(a.out == b.out);
  // The recorded key is the one `ingest` checks: the articles are not extracted again.
  auto again = RunParley({"ingest", "--db", dir / "two.db", samples});
  CHECK(again.err.find("not extracted again") != std::string::npos);
  // Without --record-key no key travels, and the stores differ by it.
  auto plain = RunParley({"extract", "--format", "jsonl", samples});
  CHECK(plain.out.find("extracted_with") == std::string::npos);
}

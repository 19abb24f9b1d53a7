// parley link: two reports of one earthquake link their mentions, a report of another earthquake
// with the same words does not; the output does not depend on the order of the input; bad input
// ends with exit status 1 and file:line on stderr. The articles are made up for these tests.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/linker.h"
#include "tests/test_util.h"

namespace parley {
namespace {

using json = nlohmann::json;
using test::RunParley;
using test::TempDir;
using test::WriteFile;

struct M {
  const char* type;
  const char* tag;
  const char* surface;  // the mention's text, found in the document
  int occurrence;       // which occurrence of `surface` (0 = first)
};

// One document line in the linking bench's format (ASCII text: characters are bytes).
json Doc(const std::string& id, const std::string& text, const std::vector<M>& mentions) {
  json ms = json::array();
  for (const M& m : mentions) {
    size_t at = text.find(m.surface);
    for (int i = 0; i < m.occurrence; ++i) at = text.find(m.surface, at + 1);
    REQUIRE(at != std::string::npos);
    std::string surface = m.surface;
    size_t head = surface.rfind(' ') == std::string::npos ? 0 : surface.rfind(' ') + 1;
    ms.push_back({{"type", m.type},
                  {"tag", m.tag},
                  {"start", at},
                  {"end", at + surface.size()},
                  {"text", surface},
                  {"head", surface.substr(head)}});
  }
  return {{"doc_id", id}, {"text", text}, {"mentions", ms}};
}

const char* kEv = "event";
const char* kEn = "entity";
const char* kOcc = "ACTION_OCCURRENCE";
const char* kRep = "ACTION_REPORTING";

std::vector<json> Quakes() {
  return {
      Doc("velmora-1",
          "A strong earthquake struck Velmora on Tuesday morning. The quake damaged the old "
          "harbour of Velmora and killed two fishermen. Seismologist Irena Kask of the Brannic "
          "Geological Institute said the earthquake measured 6.1.",
          {{kEv, kOcc, "earthquake", 0},
           {kEv, kOcc, "struck", 0},
           {kEv, kOcc, "killed", 0},
           {kEv, kRep, "said", 0},
           {kEv, kOcc, "earthquake", 1},
           {kEn, "LOC_GEO", "Velmora", 0},
           {kEn, "LOC_GEO", "Velmora", 1},
           {kEn, "HUMAN_PART_PER", "Irena Kask", 0},
           {kEn, "HUMAN_PART_ORG", "Brannic Geological Institute", 0},
           {kEn, "HUMAN_PART_PER", "two fishermen", 0}}),
      Doc("velmora-2",
          "Rescuers in Velmora searched the harbour on Tuesday after an earthquake killed two "
          "fishermen. Irena Kask of the Brannic Geological Institute put the earthquake at 6.1 "
          "and said aftershocks were likely.",
          {{kEv, kOcc, "searched", 0},
           {kEv, kOcc, "earthquake", 0},
           {kEv, kOcc, "killed", 0},
           {kEv, kOcc, "earthquake", 1},
           {kEv, kRep, "said", 0},
           {kEn, "LOC_GEO", "Velmora", 0},
           {kEn, "HUMAN_PART_PER", "Irena Kask", 0},
           {kEn, "HUMAN_PART_ORG", "Brannic Geological Institute", 0},
           {kEn, "HUMAN_PART_PER", "two fishermen", 0}}),
      Doc("ostrava-1",
          "An earthquake shook Quarry Hill in Ostrava County on Sunday. Nobody was hurt, the "
          "Ostrava County sheriff Tomas Wylde said, and the earthquake caused only minor cracks. "
          "Officials from Dunmore University said the earthquake measured 3.2.",
          {{kEv, kOcc, "earthquake", 0},
           {kEv, kOcc, "shook", 0},
           {kEv, kRep, "said", 0},
           {kEv, kOcc, "earthquake", 1},
           {kEv, kRep, "said", 1},
           {kEv, kOcc, "earthquake", 2},
           {kEn, "LOC_GEO", "Quarry Hill", 0},
           {kEn, "LOC_GEO", "Ostrava County", 0},
           {kEn, "HUMAN_PART_PER", "Tomas Wylde", 0},
           {kEn, "HUMAN_PART_ORG", "Dunmore University", 0}}),
  };
}

std::string Lines(const std::vector<json>& docs) {
  std::string out;
  for (const json& d : docs) out += d.dump() + "\n";
  return out;
}

// Cluster id of every mention "doc:start-end", from parley link's output.
std::map<std::string, std::string> ClusterOf(const std::string& out, int* clusters = nullptr) {
  std::map<std::string, std::string> of;
  std::istringstream in(out);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    json c = json::parse(line);
    ++n;
    for (const json& m : c["mentions"]) {
      std::string key = m["doc_id"].get<std::string>() + ":" +
                        std::to_string(m["start"].get<int>()) + "-" +
                        std::to_string(m["end"].get<int>());
      CHECK(of.emplace(key, c["cluster_id"].get<std::string>()).second);
    }
  }
  if (clusters) *clusters = n;
  return of;
}

// The key of the `occurrence`-th `surface` in document `d` (as Doc found it).
std::string Key(const json& d, const std::string& surface, int occurrence = 0) {
  for (const json& m : d["mentions"]) {
    if (m["text"] == surface && occurrence-- == 0) {
      return d["doc_id"].get<std::string>() + ":" + std::to_string(m["start"].get<int>()) + "-" +
             std::to_string(m["end"].get<int>());
    }
  }
  FAIL("no mention " << surface);
  return "";
}

}  // namespace

TEST_CASE("link: two reports of one earthquake corefer, another earthquake does not", "[link]") {
  TempDir tmp;
  auto docs = Quakes();
  WriteFile(tmp / "docs.jsonl", Lines(docs));
  auto r = RunParley({"link", "--format", "jsonl", tmp / "docs.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  int clusters = 0;
  auto of = ClusterOf(r.out, &clusters);
  size_t mentions = 0;
  for (const json& d : docs) mentions += d["mentions"].size();
  CHECK(of.size() == mentions);  // every mention, singletons included, exactly once

  const json &a = docs[0], &b = docs[1], &c = docs[2];
  // Velmora: the earthquake of both reports is one event, and so are the killings.
  CHECK(of[Key(a, "earthquake")] == of[Key(b, "earthquake")]);
  CHECK(of[Key(a, "earthquake", 1)] == of[Key(b, "earthquake", 1)]);
  CHECK(of[Key(a, "killed")] == of[Key(b, "killed")]);
  CHECK(of[Key(a, "Velmora")] == of[Key(b, "Velmora")]);
  CHECK(of[Key(a, "Irena Kask")] == of[Key(b, "Irena Kask")]);
  // Ostrava: the same head word, another earthquake.
  CHECK(of[Key(c, "earthquake")] != of[Key(a, "earthquake")]);
  CHECK(of[Key(c, "earthquake")] == of[Key(c, "earthquake", 2)]);
  // Each article's own statements: "said" links within an article only.
  CHECK(of[Key(a, "said")] != of[Key(b, "said")]);
  CHECK(of[Key(c, "said")] == of[Key(c, "said", 1)]);
  // Events and entities never share a cluster; different heads do not either.
  CHECK(of[Key(a, "struck")] != of[Key(a, "earthquake")]);
  CHECK(of[Key(c, "shook")] != of[Key(c, "earthquake")]);
  // Types are printed.
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    json cl = json::parse(line);
    CHECK((cl["type"] == "event" || cl["type"] == "entity"));
    CHECK(!cl["mentions"].empty());
  }
}

TEST_CASE("link: the output does not depend on the order of documents and mentions", "[link]") {
  TempDir tmp;
  auto docs = Quakes();
  WriteFile(tmp / "a.jsonl", Lines(docs));
  std::vector<json> shuffled = {docs[2], docs[0], docs[1]};
  for (json& d : shuffled) {
    std::reverse(d["mentions"].begin(), d["mentions"].end());
  }
  WriteFile(tmp / "b.jsonl", Lines(shuffled));
  auto ra = RunParley({"link", tmp / "a.jsonl"});
  auto rb = RunParley({"link", tmp / "b.jsonl"});
  REQUIRE(ra.exit_code == 0);
  REQUIRE(rb.exit_code == 0);
  CHECK(ra.out == rb.out);
  // Standard input reads the same.
  auto rc = RunParley({"link", "-"}, Lines(shuffled));
  CHECK(rc.out == ra.out);
}

TEST_CASE("link: the library groups documents and reads heads as lemmas", "[link]") {
  Linker linker;
  REQUIRE(Linker::LoadDefault(&linker).ok());
  std::vector<LinkDocument> docs;
  std::vector<LinkMention> mentions;
  for (const json& d : Quakes()) {
    docs.push_back({d["doc_id"], d["text"], ""});
    for (const json& m : d["mentions"]) {
      mentions.push_back({static_cast<int>(docs.size()) - 1, m["start"], m["end"], m["type"],
                          m["tag"], m["head"], m["text"]});
    }
  }
  auto groups = linker.ClusterDocuments(docs, mentions);
  CHECK(groups == std::vector<int>{1, 1, 0});  // numbered by smallest id: "ostrava-1" first
  std::vector<LinkDocument> reversed(docs.rbegin(), docs.rend());
  for (auto& m : mentions) m.doc = 2 - m.doc;
  CHECK(linker.ClusterDocuments(reversed, mentions) == std::vector<int>{0, 1, 1});

  auto lemma = [](const char* type, const char* head) {
    LinkMention m;
    m.type = type;
    m.head = head;
    return Linker().HeadLemma(m);
  };
  CHECK(lemma("event", "attacked") == "attack");
  CHECK(lemma("event", "attacks") == "attack");
  CHECK(lemma("event", "deaths") == "die");
  CHECK(lemma("event", "election") == "elect");
  CHECK(lemma("entity", "fishermen") == "fisherman");
  LinkMention no_head;
  no_head.type = "event";
  no_head.text = "was arrested";
  CHECK(Linker().HeadLemma(no_head) == "arrest");
}

TEST_CASE("link: an event that causes another corefers with it in its group", "[link]") {
  // Two made-up reports of one shooting ("killed" in one, "died" in the other) and a death
  // elsewhere; WordNet: "kill" causes "die".
  std::vector<LinkDocument> docs = {
      {"tarnow-1", "A gunman killed the harbour master of Tarnow on Friday night.", ""},
      {"tarnow-2", "The harbour master of Tarnow died after a gunman fired at him on Friday.", ""},
      {"osk-1", "A retired baker died at his home in Osk on Sunday.", ""}};
  auto event = [&](int doc, const std::string& head, const char* tag = "ACTION_OCCURRENCE") {
    size_t at = docs[doc].text.find(head);
    REQUIRE(at != std::string::npos);
    return LinkMention{
        doc, static_cast<int64_t>(at), static_cast<int64_t>(at + head.size()), "event", tag, head,
        head};
  };
  std::vector<LinkMention> mentions = {event(0, "killed"), event(1, "died"), event(2, "died"),
                                       event(1, "fired", "ACTION_CAUSATIVE")};
  const std::vector<int> groups = {0, 0, 1};
  Linker linker;
  REQUIRE(Linker::LoadDefault(&linker).ok());
  REQUIRE(linker.options().cause_senses == 1);
  auto c = linker.ClusterMentions(docs, groups, mentions);
  CHECK(c[0] == c[1]);  // killed / died, one group, one tag
  CHECK(c[2] != c[1]);  // the baker's death is another group's
  CHECK(c[3] != c[0]);  // another tag
  LinkerOptions off = linker.options();
  off.cause_senses = 0;
  c = Linker(off).ClusterMentions(docs, groups, mentions);
  CHECK(c[0] != c[1]);
}

TEST_CASE("link: a mention of a singleton tag corefers with nothing", "[link]") {
  // Two made-up reports of one ferry strike: each quotes a union official twice ("said"), and
  // one says the strike was not called off ("called off", negated).
  std::vector<LinkDocument> docs = {
      {"ferry-1",
       "Ferry crews in Halvik struck on Monday, union official Bo Tarn said. The strike was not "
       "called off, Tarn said later.",
       ""},
      {"ferry-2", "Union official Bo Tarn said crews of the Halvik ferries struck on Monday.", ""}};
  auto event = [&](int doc, const std::string& head, const char* tag, int occurrence = 0) {
    size_t at = docs[doc].text.find(head);
    for (int i = 0; i < occurrence; ++i) at = docs[doc].text.find(head, at + 1);
    REQUIRE(at != std::string::npos);
    return LinkMention{
        doc, static_cast<int64_t>(at), static_cast<int64_t>(at + head.size()), "event", tag, head,
        head};
  };
  const char* rep = "ACTION_REPORTING";
  std::vector<LinkMention> mentions = {event(0, "struck", "ACTION_OCCURRENCE"),
                                       event(0, "said", rep, 0),
                                       event(0, "said", rep, 1),
                                       event(1, "said", rep),
                                       event(1, "struck", "ACTION_OCCURRENCE"),
                                       event(0, "called", "NEG_ACTION_OCCURRENCE")};
  const std::vector<int> groups = {0, 0};
  LinkerOptions options;
  options.document_only_tags = {rep};
  auto c = Linker(options).ClusterMentions(docs, groups, mentions);
  CHECK(c[1] == c[2]);  // document-only: one article's "said"s are one event
  CHECK(c[1] != c[3]);
  CHECK(c[0] == c[4]);  // the strike of both reports
  options.singleton_tags = {rep, "NEG_ACTION_OCCURRENCE"};
  c = Linker(options).ClusterMentions(docs, groups, mentions);
  CHECK(c[1] != c[2]);  // each "said" is its own statement
  CHECK(c[1] != c[3]);
  CHECK(c[2] != c[3]);
  CHECK(c[0] == c[4]);  // other tags corefer as before
  CHECK(std::set<int>(c.begin(), c.end()).size() == 5);
  // The option is read from the options file.
  TempDir tmp;
  WriteFile(tmp / "linker.json", R"({"singleton_tags": ["ACTION_REPORTING"]})");
  Linker loaded;
  REQUIRE(Linker::Load(tmp / "linker.json", &loaded).ok());
  CHECK(loaded.options().singleton_tags == std::set<std::string>{rep});
  WriteFile(tmp / "bad.json", R"({"singleton_tags": "ACTION_REPORTING"})");
  Status bad = Linker::Load(tmp / "bad.json", &loaded);
  CHECK(!bad.ok());
  CHECK_THAT(bad.message(), Catch::Contains("singleton_tags: expected an array"));
}

TEST_CASE("link: offsets are characters, not bytes", "[link]") {
  TempDir tmp;
  // "Zürich" and "Straße" take one more byte each than characters.
  std::string text = "Straße in Zürich: ein Beben";
  json d = {{"doc_id", "z"},
            {"text", text},
            {"mentions",
             {{{"type", "event"}, {"tag", "ACTION_OCCURRENCE"}, {"start", 22}, {"end", 27}}}}};
  WriteFile(tmp / "ok.jsonl", d.dump() + "\n");
  auto r = RunParley({"link", tmp / "ok.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["mentions"][0] == json({{"doc_id", "z"}, {"start", 22}, {"end", 27}}));
  d["mentions"][0]["end"] = 28;  // inside the bytes, past the characters
  WriteFile(tmp / "bad.jsonl", d.dump() + "\n");
  r = RunParley({"link", tmp / "bad.jsonl"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(
      r.err,
      Catch::Contains("bad.jsonl:1: mentions[0]: offsets 22-28 outside the text (27 characters)"));
}

TEST_CASE("link: bad input names the file and line", "[link]") {
  TempDir tmp;
  auto docs = Quakes();
  auto run = [&](const std::string& name, const std::string& content) {
    WriteFile(tmp / name, content);
    return RunParley({"link", tmp / name});
  };
  auto r = RunParley({"link", tmp / "missing.jsonl"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("no such file: " + (tmp / "missing.jsonl")));

  r = run("json.jsonl", docs[0].dump() + "\n\n{\"doc_id\": \"x\", \"text\": \n");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("json.jsonl:3: invalid JSON"));
  CHECK(r.out.empty());

  r = run("utf8.jsonl", "{\"doc_id\": \"x\", \"text\": \"bad \xff byte\", \"mentions\": []}\n");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("utf8.jsonl:1: invalid UTF-8 at byte"));

  json far = docs[1];
  far["mentions"][2]["end"] = 100000;
  r = run("offsets.jsonl", docs[0].dump() + "\n" + far.dump() + "\n");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("offsets.jsonl:2: mentions[2]: offsets"));

  json typeless = docs[0];
  typeless["mentions"][0]["type"] = "thing";
  r = run("type.jsonl", typeless.dump() + "\n");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("type.jsonl:1: mentions[0].type"));

  r = run("dup.jsonl", docs[0].dump() + "\n" + docs[0].dump() + "\n");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("dup.jsonl:2: doc_id velmora-1 already on line 1"));

  // One line of stderr each time.
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

  r = RunParley({"link"});
  CHECK(r.exit_code == 2);
  r = RunParley({"link", "--format", "csv", tmp / "dup.jsonl"});
  CHECK(r.exit_code == 2);
}

}  // namespace parley

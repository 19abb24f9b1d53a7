// parley analyze: the actor graph read from the store (relationships, demands collapsed
// through their Demand node, filters by type and date) and its measures, each checked against
// values worked out by hand in the comments; then the command itself.
//
// PageRank by hand follows Boost's form r(v) = 0.15 + 0.85 * sum over u->v of r(u)/out(u),
// where an actor without outgoing edges passes nothing on, and then divides by the sum.
// Betweenness is undirected and divided by (n-1)(n-2)/2.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "graph/analytics.h"
#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;

// Builds a small graph through the store API. Actor node ids are 1, 2, ...; other nodes and
// relationships take ids from 1000 up.
class Builder {
 public:
  NodeId Actor(const std::string& id, const std::string& name,
               std::vector<std::string> aliases = {}) {
    NodeId n = ++actors_;
    ValueList list(aliases.begin(), aliases.end());
    PropertyMap props = {{"id", id}, {"name", name}, {"kind", "country"}};
    if (!list.empty()) props["aliases"] = list;
    batch_.PutNode(n, {"Actor"}, props);
    return n;
  }
  RelId Rel(NodeId a, const std::string& type, NodeId b, const std::string& date = "") {
    PropertyMap props = {{"text", type + " text"}, {"quote", type + " quote"}, {"article", "art"}};
    if (!date.empty()) props["date"] = date;
    RelId r = ++other_;
    batch_.PutRelationship(r, type, a, b, props);
    return r;
  }
  // (a)-[:type]->(e:label {text, date})-[:OF]->(b), reported in article "art-1" with a quote.
  // A zero `b` leaves the OF out.
  NodeId Event(NodeId a, NodeId b, const std::string& text, const std::string& date,
               const std::string& label = "Demand", const std::string& type = "DEMANDS") {
    NodeId e = ++other_;
    batch_.PutNode(e, {label}, {{"text", text}, {"date", date}});
    batch_.PutRelationship(++other_, type, a, e, {{"article", "art-1"}, {"date", date}});
    if (b) batch_.PutRelationship(++other_, "OF", e, b, {{"date", date}});
    if (!article_) {
      article_ = ++other_;
      batch_.PutNode(article_, {"Article"}, {{"id", "art-1"}});
    }
    batch_.PutRelationship(++other_, "REPORTED_IN", e, article_, {{"quote", "said: " + text}});
    return e;
  }
  NodeId Policy(const std::string& name) {
    NodeId p = ++other_;
    batch_.PutNode(p, {"Policy"}, {{"name", name}});
    return p;
  }
  // Writes the graph into a store in `dir`.
  void Write(const std::string& dir) {
    auto store = test::OpenTestStore(dir);
    REQUIRE(store->Apply(batch_).ok());
  }

 private:
  GraphBatch batch_;
  NodeId actors_ = 0;
  uint64_t other_ = 1000;
  NodeId article_ = 0;
};

struct Analysed {
  ActorGraph graph;
  GraphAnalysis analysis;
  // The measures of the actor whose canonical id is `id`.
  const ActorMeasures& operator[](const std::string& id) const {
    for (size_t i = 0; i < graph.actors.size(); ++i) {
      if (graph.actors[i].id == id) return analysis.actors[i];
    }
    FAIL("no actor " << id);
    return analysis.actors.front();
  }
  size_t Index(const std::string& id) const {
    const ActorInfo* a = nullptr;
    size_t v = 0;
    REQUIRE(FindActor(graph, id, &v, &a).ok());
    return v;
  }
  // The ids along a shortest path, or "none".
  std::string Path(const std::string& from, const std::string& to) const {
    std::vector<PathHop> hops;
    if (!ShortestActorPath(graph, Index(from), Index(to), &hops)) return "none";
    std::string s = from;
    for (const auto& h : hops) s += "-" + graph.actors[h.to].id;
    return s;
  }
};

Analysed Analyse(const std::string& dir, const ActorGraphFilter& filter = {}) {
  Analysed a;
  auto store = test::OpenTestStore(dir, /*read_only=*/true);
  Status s = BuildActorGraph(*store, filter, &a.graph);
  INFO(s.message());
  REQUIRE(s.ok());
  a.analysis = AnalyzeActorGraph(a.graph);
  return a;
}

}  // namespace

TEST_CASE("A star: the centre has every in-edge, the top rank and all of the betweenness",
          "[analyze]") {
  // L1, L2, L3 each SUPPORT C; L1 twice (two facts, two parallel edges).
  test::TempDir tmp;
  Builder b;
  NodeId c = b.Actor("C", "Centre");
  NodeId l1 = b.Actor("L1", "Leaf one"), l2 = b.Actor("L2", "Leaf two"),
         l3 = b.Actor("L3", "Leaf three");
  b.Rel(l1, "SUPPORTS", c, "2026-01-01");
  b.Rel(l1, "SUPPORTS", c, "2026-01-02");
  b.Rel(l2, "SUPPORTS", c);
  b.Rel(l3, "SUPPORTS", c);
  b.Write(tmp / "db");
  Analysed a = Analyse(tmp / "db");
  REQUIRE(a.graph.actors.size() == 4);
  REQUIRE(a.graph.edges.size() == 4);
  // Degrees count facts: C has 4 in-edges, L1 2 out-edges.
  CHECK(a["C"].in_degree == 4);
  CHECK(a["C"].out_degree == 0);
  CHECK(a["C"].degree == 4);
  CHECK(a["L1"].out_degree == 2);
  CHECK(a["L2"].degree == 1);
  // PageRank: a leaf has no in-edge, r = 0.15 (L1's two edges carry 0.15/2 each, together
  // 0.15). r(C) = 0.15 + 0.85 * 3 * 0.15 = 0.5325; C passes nothing on. Sum 0.9825:
  // leaf 0.15 / 0.9825 = 0.152672, C 0.5325 / 0.9825 = 0.541985.
  CHECK(a["C"].pagerank == Approx(0.541985).epsilon(1e-5));
  CHECK(a["L1"].pagerank == Approx(0.152672).epsilon(1e-5));
  CHECK(a["L3"].pagerank == Approx(0.152672).epsilon(1e-5));
  // Betweenness: C is on the one shortest path of each of the 3 leaf pairs; (n-1)(n-2)/2 = 3;
  // 3 / 3 = 1. Leaves 0. The parallel edge changes nothing (the undirected graph is simple).
  CHECK(a["C"].betweenness == Approx(1.0));
  CHECK(a["L1"].betweenness == Approx(0.0).margin(1e-12));
  REQUIRE(a.analysis.components.size() == 1);
  CHECK(a.analysis.components[0].members.size() == 4);
  // Leaf to leaf through the centre, against the direction of the second edge.
  CHECK(a.Path("L1", "L3") == "L1-C-L3");
  std::vector<PathHop> hops;
  REQUIRE(ShortestActorPath(a.graph, a.Index("L1"), a.Index("L3"), &hops));
  REQUIRE(hops.size() == 2);
  CHECK(hops[0].edges.size() == 2);  // both L1 -> C facts
  const ActorEdge& back = a.graph.edges[hops[1].edges.at(0)];
  CHECK(back.source == a.Index("L3"));  // L3 -> C, walked backwards
  CHECK(back.fact.type == "SUPPORTS");
  CHECK(back.fact.quote == "SUPPORTS quote");
}

TEST_CASE("A path graph: rank grows along it, the inner actors carry the betweenness",
          "[analyze]") {
  // A -> B -> C -> D, all OPPOSES.
  test::TempDir tmp;
  Builder b;
  NodeId n[4];
  for (int i = 0; i < 4; ++i)
    n[i] = b.Actor(std::string(1, char('A' + i)), "Actor " + std::to_string(i));
  for (int i = 0; i < 3; ++i) b.Rel(n[i], "OPPOSES", n[i + 1], "2026-02-0" + std::to_string(i + 1));
  b.Write(tmp / "db");
  Analysed a = Analyse(tmp / "db");
  CHECK(a["A"].out_degree == 1);
  CHECK(a["A"].in_degree == 0);
  CHECK(a["B"].degree == 2);
  CHECK(a["D"].in_degree == 1);
  // r(A) = 0.15; r(B) = 0.15 + 0.85*0.15 = 0.2775; r(C) = 0.15 + 0.85*0.2775 = 0.385875;
  // r(D) = 0.15 + 0.85*0.385875 = 0.47799375; sum 1.29136875:
  // A 0.116156, B 0.214888, C 0.298811, D 0.370145.
  CHECK(a["A"].pagerank == Approx(0.116156).epsilon(1e-5));
  CHECK(a["B"].pagerank == Approx(0.214888).epsilon(1e-5));
  CHECK(a["C"].pagerank == Approx(0.298811).epsilon(1e-5));
  CHECK(a["D"].pagerank == Approx(0.370145).epsilon(1e-5));
  // B is on the paths of {A,C} and {A,D}, C on {A,D} and {B,D}: 2 each, / 3 = 0.666667.
  CHECK(a["B"].betweenness == Approx(2.0 / 3));
  CHECK(a["C"].betweenness == Approx(2.0 / 3));
  CHECK(a["A"].betweenness == Approx(0.0).margin(1e-12));
  CHECK(a["D"].betweenness == Approx(0.0).margin(1e-12));
  CHECK(a.Path("A", "D") == "A-B-C-D");
  // Backwards too: the path is undirected.
  CHECK(a.Path("D", "A") == "D-C-B-A");
  CHECK(a.Path("B", "B") == "B");
}

TEST_CASE("Two components and an isolated actor", "[analyze]") {
  // P <-> Q (two NEGOTIATES_WITH), X -> Y, and I with no edge at all.
  test::TempDir tmp;
  Builder b;
  b.Actor("I", "Isolated");
  NodeId p = b.Actor("P", "Pe"), q = b.Actor("Q", "Qu"), x = b.Actor("X", "Ex"),
         y = b.Actor("Y", "Why");
  b.Rel(p, "NEGOTIATES_WITH", q);
  b.Rel(q, "NEGOTIATES_WITH", p);
  b.Rel(x, "SANCTIONS", y);
  b.Write(tmp / "db");
  Analysed a = Analyse(tmp / "db");
  // Without a filter the isolated actor is a vertex.
  REQUIRE(a.graph.actors.size() == 5);
  // Components by size, ties by first member (actors in id order I, P, Q, X, Y):
  // {P, Q} = 0, {X, Y} = 1, {I} = 2.
  REQUIRE(a.analysis.components.size() == 3);
  CHECK(a.analysis.components[0].members == std::vector<size_t>{a.Index("P"), a.Index("Q")});
  CHECK(a.analysis.components[1].members == std::vector<size_t>{a.Index("X"), a.Index("Y")});
  CHECK(a.analysis.components[2].members == std::vector<size_t>{a.Index("I")});
  CHECK(a["Q"].component == 0);
  CHECK(a["Y"].component == 1);
  CHECK(a["I"].component == 2);
  // P and Q: r = 0.15 + 0.85 r, so r = 1 each. X = 0.15, Y = 0.2775, I = 0.15.
  // Sum 2.5775: P = Q = 0.387973, X = I = 0.058196, Y = 0.107662.
  CHECK(a["P"].pagerank == Approx(0.387973).epsilon(1e-5));
  CHECK(a["Q"].pagerank == Approx(0.387973).epsilon(1e-5));
  CHECK(a["X"].pagerank == Approx(0.058196).epsilon(1e-5));
  CHECK(a["I"].pagerank == Approx(0.058196).epsilon(1e-5));
  CHECK(a["Y"].pagerank == Approx(0.107662).epsilon(1e-5));
  // No actor lies between two others.
  for (const auto& m : a.analysis.actors) CHECK(m.betweenness == Approx(0.0).margin(1e-12));
  CHECK(a.Path("P", "Y") == "none");
  CHECK(a.Path("I", "Q") == "none");
  CHECK(a.Path("Q", "P") == "Q-P");
}

TEST_CASE("A demand collapses into an edge through its Demand node, other events likewise",
          "[analyze]") {
  test::TempDir tmp;
  Builder b;
  NodeId a1 = b.Actor("A", "Alpha", {"the Alphans"});
  NodeId b1 = b.Actor("B", "Beta");
  NodeId d = b.Event(a1, b1, "lift sanctions", "2026-03-14");
  b.Event(a1, 0, "no target named", "2026-03-15");  // no OF: no edge
  NodeId policy = b.Policy("sanctions");
  b.Rel(a1, "SUPPORTS", policy, "2026-03-14");  // to a Policy without OF: no edge
  // An event of another label collapses the same way, typed by its incoming relationship.
  NodeId t = b.Event(b1, a1, "retaliate", "2026-03-16", "Threat", "THREATENS");
  b.Write(tmp / "db");
  Analysed a = Analyse(tmp / "db");
  REQUIRE(a.graph.actors.size() == 2);
  REQUIRE(a.graph.edges.size() == 2);
  const ActorEdge& demand = a.graph.edges[0];  // edges by source: A's first
  CHECK(demand.source == a.Index("A"));
  CHECK(demand.target == a.Index("B"));
  CHECK(demand.fact.type == "DEMANDS");
  CHECK(demand.fact.id == d);
  CHECK(demand.fact.label == "Demand");
  CHECK(demand.fact.text == "lift sanctions");
  CHECK(demand.fact.quote == "said: lift sanctions");
  CHECK(demand.fact.article == "art-1");
  CHECK(demand.fact.date == "2026-03-14");
  const ActorEdge& threat = a.graph.edges[1];
  CHECK(threat.fact.type == "THREATENS");
  CHECK(threat.fact.id == t);
  CHECK(threat.fact.label == "Threat");
  // A -> B and B -> A: a 2-cycle, r = 1 each, 0.5 after normalising.
  CHECK(a["A"].pagerank == Approx(0.5));
  CHECK(a["A"].out_degree == 1);
  CHECK(a["A"].in_degree == 1);
  // Only the demand: A = 0.15, B = 0.15 + 0.85*0.15 = 0.2775; sum 0.4275:
  // A 0.350877, B 0.649123.
  ActorGraphFilter demands;
  demands.types = {"DEMANDS"};
  Analysed only = Analyse(tmp / "db", demands);
  REQUIRE(only.graph.edges.size() == 1);
  CHECK(only["A"].pagerank == Approx(0.350877).epsilon(1e-5));
  CHECK(only["B"].pagerank == Approx(0.649123).epsilon(1e-5));
  std::vector<PathHop> hops;
  REQUIRE(ShortestActorPath(only.graph, only.Index("B"), only.Index("A"), &hops));
  REQUIRE(hops.size() == 1);
  REQUIRE(hops[0].edges.size() == 1);
  CHECK(only.graph.edges[hops[0].edges[0]].fact.text == "lift sanctions");
}

TEST_CASE("Type and date filters change the graph and the answers", "[analyze]") {
  // A -SUPPORTS(01-10)-> B -OPPOSES(02-10)-> C, A -DEMANDS(03-10)-> C, E -HOLDS_ROLE-> A
  // (no date), D isolated.
  test::TempDir tmp;
  Builder b;
  NodeId na = b.Actor("A", "Alpha"), nb = b.Actor("B", "Beta"), nc = b.Actor("C", "Gamma");
  b.Actor("D", "Delta");
  NodeId ne = b.Actor("E", "Epsilon");
  b.Rel(na, "SUPPORTS", nb, "2026-01-10");
  b.Rel(nb, "OPPOSES", nc, "2026-02-10");
  b.Event(na, nc, "stop", "2026-03-10");
  b.Rel(ne, "HOLDS_ROLE", na);
  b.Write(tmp / "db");

  Analysed all = Analyse(tmp / "db");
  REQUIRE(all.graph.actors.size() == 5);
  REQUIRE(all.graph.edges.size() == 4);
  CHECK(all.analysis.components.size() == 2);  // {A, B, C, E}, {D}
  CHECK(all.Path("A", "B") == "A-B");
  // Undirected links E-A, A-B, B-C, A-C: A is on the paths of {E,B} and {E,C}; B, C on none
  // (A-C is direct). n = 5: 2 / 6 = 0.333333.
  CHECK(all["A"].betweenness == Approx(1.0 / 3));
  CHECK(all["B"].betweenness == Approx(0.0).margin(1e-12));
  // E = D = 0.15; A = 0.15 + 0.85*0.15 = 0.2775 (out 2); B = 0.15 + 0.85*0.2775/2 =
  // 0.2679375; C = 0.15 + 0.85*(0.2775/2 + 0.2679375) = 0.495684375; sum 1.341121875:
  // E = D 0.111847, A 0.206916, B 0.199786, C 0.369604.
  CHECK(all["E"].pagerank == Approx(0.111847).epsilon(1e-5));
  CHECK(all["A"].pagerank == Approx(0.206916).epsilon(1e-5));
  CHECK(all["B"].pagerank == Approx(0.199786).epsilon(1e-5));
  CHECK(all["C"].pagerank == Approx(0.369604).epsilon(1e-5));

  // Stances only: A -> B -> C. D and E have no kept edge and are left out.
  ActorGraphFilter stances;
  stances.types = {"SUPPORTS", "OPPOSES"};
  Analysed s = Analyse(tmp / "db", stances);
  REQUIRE(s.graph.actors.size() == 3);
  CHECK(s.graph.left_out.size() == 2);
  CHECK(s.Path("A", "C") == "A-B-C");
  // B is on the one path of the one pair {A, C}: 1 / 1.
  CHECK(s["B"].betweenness == Approx(1.0));
  // A 0.15, B 0.2775, C 0.385875; sum 0.813375: A 0.184417, B 0.341171, C 0.474412.
  CHECK(s["A"].pagerank == Approx(0.184417).epsilon(1e-5));
  CHECK(s["B"].pagerank == Approx(0.341171).epsilon(1e-5));
  CHECK(s["C"].pagerank == Approx(0.474412).epsilon(1e-5));
  size_t v = 0;
  const ActorInfo* e = nullptr;
  REQUIRE(FindActor(s.graph, "Epsilon", &v, &e).ok());
  CHECK(v == std::string::npos);  // known, but not in the filtered graph
  CHECK(e->id == "E");

  // Since February: B -> C and the demand A -> C; the undated HOLDS_ROLE goes. A reaches B
  // only through C now.
  ActorGraphFilter since;
  since.since = "2026-02-01";
  Analysed f = Analyse(tmp / "db", since);
  CHECK(f.graph.edges.size() == 2);
  CHECK(f.graph.actors.size() == 3);
  CHECK(f.Path("A", "B") == "A-C-B");
  CHECK(f["C"].betweenness == Approx(1.0));
  CHECK(f["C"].in_degree == 2);

  // Until 02-10, inclusive: SUPPORTS and OPPOSES.
  ActorGraphFilter until;
  until.until = "2026-02-10";
  CHECK(Analyse(tmp / "db", until).graph.edges.size() == 2);
  // One day: only OPPOSES, B and C.
  ActorGraphFilter day;
  day.since = day.until = "2026-02-10";
  Analysed one = Analyse(tmp / "db", day);
  REQUIRE(one.graph.edges.size() == 1);
  CHECK(one.graph.edges[0].fact.type == "OPPOSES");
  CHECK(one.graph.actors.size() == 2);
  // B 0.15, C 0.2775: B 0.15 / 0.4275 = 0.350877.
  CHECK(one["B"].pagerank == Approx(0.350877).epsilon(1e-5));
}

TEST_CASE("Actors are found by id, name, alias or a unique part of one", "[analyze]") {
  test::TempDir tmp;
  Builder b;
  b.Actor("IRN", "Iran", {"Tehran", "Islamic Republic"});
  b.Actor("IRQ", "Iraq", {"Baghdad"});
  b.Actor("USA", "United States", {"Washington", "U.S."});
  b.Write(tmp / "db");
  Analysed a = Analyse(tmp / "db");
  auto find = [&](const std::string& q, std::string* id) {
    size_t v = 0;
    const ActorInfo* actor = nullptr;
    Status s = FindActor(a.graph, q, &v, &actor);
    if (s.ok()) *id = actor->id;
    return s;
  };
  std::string id;
  CHECK(find("IRN", &id).ok());
  CHECK(id == "IRN");
  CHECK(find("usa", &id).ok());  // id, any case
  CHECK(id == "USA");
  CHECK(find("united STATES", &id).ok());
  CHECK(id == "USA");
  CHECK(find("tehran", &id).ok());
  CHECK(id == "IRN");
  CHECK(find("Bagh", &id).ok());  // unique substring
  CHECK(id == "IRQ");
  Status amb = find("ir", &id);  // IRN and IRQ
  CHECK(amb.code() == Status::Code::kInvalidInput);
  CHECK_THAT(amb.message(), Catch::Contains("'ir' is ambiguous") && Catch::Contains("IRN") &&
                                Catch::Contains("IRQ"));
  Status none = find("Narnia", &id);
  CHECK(none.IsNotFound());
  CHECK(none.message() == "unknown actor 'Narnia'");
}

TEST_CASE("parley analyze: JSON, tables, errors and the sample articles", "[analyze]") {
  test::TempDir tmp;
  std::string db = tmp / "db";
  // A star as Cypher: three leaves support C.
  auto made =
      RunParley({"query", "--db", db,
                 "CREATE (c:Actor {id: 'C', name: 'Centre'}), "
                 "(:Actor {id: 'L1', name: 'One'})-[:SUPPORTS {date: '2026-01-01'}]->(c), "
                 "(:Actor {id: 'L2', name: 'Two'})-[:SUPPORTS {date: '2026-01-02'}]->(c), "
                 "(:Actor {id: 'L3', name: 'Three'})-[:SUPPORTS {date: '2026-01-03'}]->(c)"});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);

  auto r = RunParley({"analyze", "--db", db, "--format", "json", "--path", "One", "L3"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["actors"].size() == 4);
  CHECK(j["actors"][0]["id"] == "C");  // highest PageRank first
  CHECK(j["actors"][0]["in_degree"] == 3);
  CHECK(j["actors"][0]["pagerank"].get<double>() == Approx(0.541985).epsilon(1e-5));
  CHECK(j["actors"][0]["betweenness"].get<double>() == Approx(1.0));
  CHECK(j["actors"][0]["component"] == 0);
  CHECK(j["components"].size() == 1);
  CHECK(j["components"][0]["size"] == 4);
  CHECK(j["graph"]["betweenness"]["directed"] == false);
  CHECK(j["path"]["found"] == true);
  CHECK(j["path"]["length"] == 2);
  CHECK(j["path"]["actors"] == nlohmann::json::array({"L1", "C", "L3"}));
  CHECK(j["path"]["hops"][1]["facts"][0]["direction"] == "backward");
  CHECK(j["path"]["hops"][1]["facts"][0]["type"] == "SUPPORTS");

  // --path-from/--path-to and a date filter: only L2 and L3 remain, not connected.
  r = RunParley({"analyze", "--db", db, "--format", "json", "--since", "2026-01-02", "--path-from",
                 "L2", "--path-to", "L3", "--top", "1"});
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["graph"]["actors"] == 3);
  CHECK(j["actors"].size() == 1);
  CHECK(j["path"]["actors"] == nlohmann::json::array({"L2", "C", "L3"}));

  // The table: aligned, with the path; nothing on stderr.
  r = RunParley({"analyze", "--db", db, "--path", "L1", "C"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out,
             Catch::Contains("rank  id  name    kind  in  out  degree  pagerank  betweenness"));
  CHECK_THAT(r.out, Catch::Contains(
                        "1     C   Centre        3   0    3       0.5420    1.0000       0\n"));
  CHECK_THAT(r.out, Catch::Contains("4 actors, 3 edges (one per stored fact), 1 component\n"));
  CHECK_THAT(r.out, Catch::Contains("1    One   -[SUPPORTS]->  Centre  2026-01-01\n"));

  // An unknown or ambiguous actor: one line, exit 1.
  for (const auto& [who, needle] :
       {std::pair<std::string, std::string>("Nobody", "unknown actor 'Nobody'"),
        std::pair<std::string, std::string>("L", "actor 'L' is ambiguous")}) {
    r = RunParley({"analyze", "--db", db, "--path", who, "C"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("parley: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_THAT(r.err, Catch::Contains(needle));
  }
  CHECK(RunParley({"analyze", "--db", db, "--since", "2026-02-30"}).exit_code == 2);
  CHECK(RunParley({"analyze", "--db", db, "--path", "C"}).exit_code == 2);
  CHECK(RunParley({"analyze", "--db", db, "--top", "0"}).exit_code == 2);

  // An empty graph: valid, empty output.
  test::OpenTestStore(tmp / "empty");
  r = RunParley({"analyze", "--db", tmp / "empty", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["actors"].empty());
  CHECK(j["components"].empty());
  CHECK(!j.contains("path"));

  // The sample articles connect Khamenei to the United States.
  REQUIRE(RunParley({"ingest", "--db", tmp / "samples", PARLEY_SAMPLES}).exit_code == 0);
  r = RunParley({"analyze", "--db", tmp / "samples", "--format", "json", "--path", "Khamenei",
                 "United States"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  REQUIRE(j["path"]["found"] == true);
  CHECK(j["path"]["actors"].front() == "ali_khamenei");
  CHECK(j["path"]["actors"].back() == "USA");
  CHECK(!j["path"]["hops"][0]["facts"].empty());
}

}  // namespace parley

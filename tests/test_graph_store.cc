// The graph store through its API: records round-trip, adjacency and label scans return
// exactly what was written, index lookups, per-article writes (idempotent, replacing, merging),
// atomic batches, read-only opening, and refusal of a locked store.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "graph/graph_model.h"
#include "storage/graph_store.h"
#include "tests/test_util.h"

using namespace parley;
using parley::test::TempDir;

namespace {

std::unique_ptr<GraphStore> OpenStore(const std::string& dir, bool read_only = false) {
  return parley::test::OpenTestStore(dir, read_only);
}

std::set<std::pair<std::string, NodeId>> Adjacent_(const GraphStore& s, NodeId n, Direction d,
                                                   std::string_view type = {}) {
  std::set<std::pair<std::string, NodeId>> out;
  auto c = s.Neighbours(n, d, type);
  for (; c->Valid(); c->Next()) out.insert({c->entry().type, c->entry().other});
  REQUIRE(c->status().ok());
  return out;
}

std::vector<NodeId> Ids(std::unique_ptr<IdCursor> c) {
  std::vector<NodeId> out;
  for (; c->Valid(); c->Next()) out.push_back(c->id());
  REQUIRE(c->status().ok());
  return out;
}

}  // namespace

TEST_CASE("nodes and relationships round-trip with every property type", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  PropertyMap props{{"name", "Ali Khamenei"},
                    {"native", "علی خامنه‌ای"},
                    {"born", int64_t{1939}},
                    {"score", 0.75},
                    {"active", true},
                    {"aliases", Value(ValueList{"Khamenei", "the Supreme Leader"})},
                    {"meta", Value(ValueMap{{"k", Value(1)}})},
                    {"essay", std::string(1 << 20, 'z')}};
  GraphBatch b;
  b.PutNode(1, {"Actor", "Person"}, props);
  b.PutNode(2, {"Actor"}, {{"name", "Iran"}});
  b.PutRelationship(10, "HOLDS_ROLE", 1, 2, {{"role", "Supreme Leader"}, {"since", int64_t{1989}}});
  REQUIRE(store->Apply(b).ok());

  Node n;
  REQUIRE(store->GetNode(1, &n).ok());
  CHECK(n.labels == std::vector<std::string>{"Actor", "Person"});
  CHECK(n.properties == props);
  Relationship r;
  REQUIRE(store->GetRelationship(10, &r).ok());
  CHECK(r.type == "HOLDS_ROLE");
  CHECK(r.start == 1);
  CHECK(r.end == 2);
  CHECK(r.properties.at("role") == Value("Supreme Leader"));
  CHECK(r.properties.at("since").as_int() == 1989);
  CHECK(store->GetNode(99, &n).IsNotFound());
  CHECK(store->GetRelationship(99, &r).IsNotFound());

  // Survives closing and reopening.
  store.reset();
  store = OpenStore(dir / "db", /*read_only=*/true);
  REQUIRE(store->GetNode(1, &n).ok());
  CHECK(n.properties == props);
}

TEST_CASE("sequential scans read every node and relationship as GetNode does, in id order",
          "[store]") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  GraphBatch b;
  b.PutNode(7, {"Actor"}, {{"name", "Iran"}, {"aliases", Value(ValueList{"Tehran"})}});
  b.PutNode(3, {"Actor", "Person"}, {{"name", "Ali Khamenei"}});
  b.PutNode(5, {"Demand"}, {{"text", "lift sanctions"}, {"confidence", 0.5}});
  b.PutRelationship(20, "DEMANDS", 3, 5, {{"date", "2026-03-14"}});
  b.PutRelationship(11, "HOLDS_ROLE", 3, 7, {{"role", "Supreme Leader"}});
  REQUIRE(store->Apply(b).ok());
  auto snap = store->GetSnapshot();
  GraphBatch later;  // after the snapshot: not seen through it
  later.PutNode(9, {"Actor"}, {});
  REQUIRE(store->Apply(later).ok());

  std::vector<NodeId> seen;
  REQUIRE(store
              ->ForEachNode(
                  [&](const Node& n) {
                    Node direct;
                    REQUIRE(store->GetNode(n.id, &direct).ok());
                    CHECK(n.labels == direct.labels);
                    CHECK(n.properties == direct.properties);
                    seen.push_back(n.id);
                    return Status::OK();
                  },
                  snap.get())
              .ok());
  CHECK(seen == std::vector<NodeId>{3, 5, 7});
  std::vector<RelId> rels;
  REQUIRE(store
              ->ForEachRelationship([&](const Relationship& r) {
                Relationship direct;
                REQUIRE(store->GetRelationship(r.id, &direct).ok());
                CHECK(std::tie(r.type, r.start, r.end) ==
                      std::tie(direct.type, direct.start, direct.end));
                CHECK(r.properties == direct.properties);
                rels.push_back(r.id);
                return Status::OK();
              })
              .ok());
  CHECK(rels == std::vector<RelId>{11, 20});
  // A visitor's error stops the scan and comes back.
  int visits = 0;
  Status s = store->ForEachNode([&](const Node&) {
    ++visits;
    return Status::IOError("disk full");
  });
  CHECK(s.message() == "disk full");
  CHECK(visits == 1);
}

TEST_CASE("adjacency scans return exactly the neighbours per type and direction", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  GraphBatch b;
  for (NodeId id = 1; id <= 6; ++id) b.PutNode(id, {"N"}, {{"i", int64_t(id)}});
  b.PutRelationship(101, "A", 1, 2, {});
  b.PutRelationship(102, "A", 1, 3, {});
  b.PutRelationship(103, "B", 1, 4, {});
  b.PutRelationship(104, "A", 5, 1, {});
  b.PutRelationship(105, "B", 6, 1, {});
  b.PutRelationship(106, "A", 1, 1, {});  // a self-loop
  b.PutRelationship(107, "A", 2, 3, {});  // not touching node 1
  REQUIRE(store->Apply(b).ok());

  using S = std::set<std::pair<std::string, NodeId>>;
  CHECK(Adjacent_(*store, 1, Direction::kOutgoing) == S{{"A", 1}, {"A", 2}, {"A", 3}, {"B", 4}});
  CHECK(Adjacent_(*store, 1, Direction::kOutgoing, "A") == S{{"A", 1}, {"A", 2}, {"A", 3}});
  CHECK(Adjacent_(*store, 1, Direction::kOutgoing, "B") == S{{"B", 4}});
  CHECK(Adjacent_(*store, 1, Direction::kIncoming) == S{{"A", 1}, {"A", 5}, {"B", 6}});
  CHECK(Adjacent_(*store, 1, Direction::kIncoming, "B") == S{{"B", 6}});
  CHECK(Adjacent_(*store, 1, Direction::kOutgoing, "NOPE").empty());
  // Both directions: the self-loop once.
  size_t both = 0;
  for (auto c = store->Neighbours(1, Direction::kBoth); c->Valid(); c->Next()) ++both;
  CHECK(both == 6);
  CHECK(Adjacent_(*store, 4, Direction::kOutgoing).empty());
  CHECK(Adjacent_(*store, 4, Direction::kIncoming) == S{{"B", 1}});

  CHECK(Ids(store->ScanLabel("N")) == std::vector<NodeId>{1, 2, 3, 4, 5, 6});
  CHECK(Ids(store->ScanLabel("Missing")).empty());
  CHECK(Ids(store->ScanRelationships()).size() == 7);

  // Deleting a relationship removes it from both ends.
  GraphBatch d;
  d.DeleteRelationship(101);
  REQUIRE(store->Apply(d).ok());
  CHECK(Adjacent_(*store, 1, Direction::kOutgoing, "A") == S{{"A", 1}, {"A", 3}});
  CHECK(Adjacent_(*store, 2, Direction::kIncoming).empty());
  GraphStats st;
  REQUIRE(store->GetStats(&st).ok());
  CHECK(st.types["A"] == 4);
  CHECK(st.types["B"] == 2);
  CHECK(st.relationships == 6);
}

TEST_CASE("the property index finds nodes by value, list element and prefix", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  GraphBatch b;
  b.PutNode(1, {"Actor"},
            {{"id", "IRN"}, {"name", "Iran"}, {"aliases", Value(ValueList{"Tehran", "Persia"})}});
  b.PutNode(2, {"Actor"}, {{"id", "IRQ"}, {"name", "Iraq"}});
  b.PutNode(3, {"Policy"}, {{"name", "Iran"}});  // same value, other label
  REQUIRE(store->Apply(b).ok());
  std::vector<NodeId> ids;
  REQUIRE(store->FindNodes("Actor", "name", "Iran", &ids).ok());
  CHECK(ids == std::vector<NodeId>{1});
  REQUIRE(store->FindNodes("Actor", "aliases", "Tehran", &ids).ok());
  CHECK(ids == std::vector<NodeId>{1});
  REQUIRE(store->FindNodesByPrefix("Actor", "name", "Ira", &ids).ok());
  CHECK(ids == std::vector<NodeId>{1, 2});
  REQUIRE(store->FindNodes("Actor", "name", "Persia", &ids).ok());
  CHECK(ids.empty());
  CHECK(store->FindNodes("Actor", "kind", "country", &ids).IsNotFound());  // not indexed

  // Changing a value moves its index entry.
  GraphBatch s;
  s.SetNodeProperty(2, "name", "Republic of Iraq");
  REQUIRE(store->Apply(s).ok());
  REQUIRE(store->FindNodes("Actor", "name", "Iraq", &ids).ok());
  CHECK(ids.empty());
  REQUIRE(store->FindNodes("Actor", "name", "Republic of Iraq", &ids).ok());
  CHECK(ids == std::vector<NodeId>{2});

  // A new index covers nodes that already exist.
  REQUIRE(store->CreateIndex("Actor", "id").ok());
  REQUIRE(store->CreateIndex("Policy", "kind").ok());
  REQUIRE(store->FindNodes("Actor", "id", "IRQ", &ids).ok());
  CHECK(ids == std::vector<NodeId>{2});
}

TEST_CASE("a batch with an error writes nothing", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  GraphBatch b;
  b.PutNode(1, {"Actor"}, {{"name", "A"}});
  b.PutRelationship(5, "X", 1, 42, {});  // node 42 does not exist
  Status s = store->Apply(b);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message().find("missing node 42") != std::string::npos);
  Node n;
  CHECK(store->GetNode(1, &n).IsNotFound());
  GraphStats st;
  REQUIRE(store->GetStats(&st).ok());
  CHECK(st.nodes == 0);
  CHECK(st.labels.empty());

  GraphBatch ok;
  ok.PutNode(1, {"Actor"}, {});
  ok.PutNode(2, {"Actor"}, {});
  ok.PutRelationship(5, "X", 1, 2, {});
  REQUIRE(store->Apply(ok).ok());
  GraphBatch del;
  del.DeleteNode(1, /*detach=*/false);
  CHECK(store->Apply(del).code() == Status::Code::kInvalidInput);  // still has a relationship
  GraphBatch detach;
  detach.DeleteNode(1, /*detach=*/true);
  REQUIRE(store->Apply(detach).ok());
  CHECK(store->GetNode(1, &n).IsNotFound());
  Relationship r;
  CHECK(store->GetRelationship(5, &r).IsNotFound());
  REQUIRE(store->GetStats(&st).ok());
  CHECK(st.labels == std::map<std::string, int64_t>{{"Actor", 1}});
  CHECK(st.types.empty());
}

TEST_CASE("articles: same facts change nothing, changed facts replace, shared actors merge",
          "[store]") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  GraphModel model;
  REQUIRE(GraphModel::LoadDefault(&model).ok());

  auto facts_for = [](const std::string& doc, const std::string& demand, const std::string& alias) {
    DocumentFacts f;
    f.doc = doc;
    f.text = "Iran demanded that the US " + demand + ".";
    f.entities = {{"IRN", "Iran", "country", {alias}, "", "", {}},
                  {"USA", "United States", "country", {}, "", "", {}}};
    Event e;
    e.type = "demand";
    e.source = {"Iran", "IRN"};
    e.target = {"the US", "USA"};
    e.content = demand;
    e.start = 0;
    e.end = static_cast<int64_t>(f.text.size());
    e.policies = {{"", "sanctions"}};
    f.events = {e};
    return f;
  };
  auto write = [&](const DocumentFacts& f) {
    ArticleRecord a;
    GraphBatch b;
    REQUIRE(FactsToGraph(f, model, &a, &b).ok());
    ArticleOutcome o;
    Status s = store->WriteArticle(a, b, &o);
    INFO(s.message());
    REQUIRE(s.ok());
    return o;
  };
  // The id ingest gives the article's demand node.
  auto demand_id = [&](const DocumentFacts& f) {
    ArticleRecord a;
    GraphBatch b;
    REQUIRE(FactsToGraph(f, model, &a, &b).ok());
    for (const auto& op : b.ops()) {
      if (op.kind == GraphBatch::Op::kPutNode && op.labels == std::vector<std::string>{"Demand"})
        return op.id;
    }
    FAIL("no demand node");
    return NodeId{0};
  };

  DocumentFacts a1 = facts_for("a1", "lift sanctions", "Tehran");
  DocumentFacts a2 = facts_for("a2", "return to the deal", "Islamic Republic");
  CHECK(write(a1) == ArticleOutcome::kAdded);
  CHECK(write(a2) == ArticleOutcome::kAdded);
  GraphStats before;
  REQUIRE(store->GetStats(&before).ok());
  CHECK(before.labels["Actor"] == 2);  // IRN and USA once each, from two articles
  CHECK(before.labels["Demand"] == 2);
  Node iran;
  REQUIRE(store->GetNode(IdFor("Actor:IRN"), &iran).ok());
  CHECK(iran.properties.at("aliases") == Value(ValueList{"Islamic Republic", "Tehran"}));
  std::vector<std::string> sources;
  REQUIRE(store->Sources(false, IdFor("Actor:IRN"), &sources).ok());
  CHECK(sources == std::vector<std::string>{"a1", "a2"});

  // The same article again: nothing changes.
  CHECK(write(a1) == ArticleOutcome::kUnchanged);
  GraphStats again;
  REQUIRE(store->GetStats(&again).ok());
  CHECK(again.labels == before.labels);
  CHECK(again.types == before.types);

  // a1 changes: its old demand goes, the new one comes, a2 is untouched.
  DocumentFacts a1b = facts_for("a1", "release the frozen assets", "Tehran");
  CHECK(write(a1b) == ArticleOutcome::kReplaced);
  Node n;
  CHECK(store->GetNode(demand_id(a1), &n).IsNotFound());
  CHECK(store->GetNode(demand_id(a1b), &n).ok());
  CHECK(store->GetNode(demand_id(a2), &n).ok());
  GraphStats after;
  REQUIRE(store->GetStats(&after).ok());
  CHECK(after.labels == before.labels);
  CHECK(after.types == before.types);
  ArticleRecord rec;
  REQUIRE(store->GetArticle("a1", &rec).ok());
  CHECK(rec.text.find("frozen assets") != std::string::npos);

  // Removing both articles removes every fact and actor they brought.
  REQUIRE(store->RemoveArticle("a1").ok());
  REQUIRE(store->GetNode(IdFor("Actor:IRN"), &n).ok());  // a2 still names Iran
  REQUIRE(store->RemoveArticle("a2").ok());
  CHECK(store->GetNode(IdFor("Actor:IRN"), &n).IsNotFound());
  GraphStats empty;
  REQUIRE(store->GetStats(&empty).ok());
  CHECK(empty.nodes == 0);
  CHECK(empty.relationships == 0);
  CHECK(empty.articles == 0);
  CHECK(empty.labels.empty());
  CHECK(empty.types.empty());
  CHECK(store->RemoveArticle("a1").IsNotFound());
}

TEST_CASE("a store open for writing refuses a second writer but not readers", "[store]") {
  TempDir dir;
  auto writer = OpenStore(dir / "db");
  GraphBatch b;
  b.PutNode(7, {"Actor"}, {{"name", "Iran"}});
  REQUIRE(writer->Apply(b).ok());

  std::unique_ptr<GraphStore> second;
  Status s = GraphStore::Open(dir / "db", GraphStore::Options(), &second);
  CHECK(s.code() == Status::Code::kBusy);
  CHECK(s.message().find("in use") != std::string::npos);

  auto reader = OpenStore(dir / "db", /*read_only=*/true);
  Node n;
  REQUIRE(reader->GetNode(7, &n).ok());
  CHECK(reader->Apply(b).code() == Status::Code::kInvalidInput);

  // A snapshot keeps seeing the data as of its making.
  auto snap = writer->GetSnapshot();
  GraphBatch more;
  more.PutNode(8, {"Actor"}, {});
  REQUIRE(writer->Apply(more).ok());
  CHECK(writer->GetNode(8, &n, snap.get()).IsNotFound());
  CHECK(writer->GetNode(8, &n).ok());
}

TEST_CASE("opening a missing store read-only or a folder of other files fails clearly", "[store]") {
  TempDir dir;
  GraphStore::Options ro;
  ro.read_only = true;
  std::unique_ptr<GraphStore> store;
  CHECK(GraphStore::Open(dir / "nothing", ro, &store).IsNotFound());
  parley::test::WriteFile(dir / "other/notes.txt", "hello");
  Status s = GraphStore::Open(dir / "other", GraphStore::Options(), &store);
  CHECK(s.code() == Status::Code::kInvalidInput);
  CHECK(s.message().find("not a Parley database") != std::string::npos);
}

TEST_CASE("allocated ids are fresh and stable ids are deterministic", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  std::set<uint64_t> seen;
  for (int i = 0; i < 100; ++i) {
    uint64_t id;
    REQUIRE(store->AllocateId(&id).ok());
    CHECK(seen.insert(id).second);
    CHECK(id < (uint64_t{1} << 63));
  }
  CHECK(IdFor("Actor:IRN") == IdFor("Actor:IRN"));
  CHECK(IdFor("Actor:IRN") != IdFor("Actor:IRQ"));
  CHECK(HashHex("x").size() == 32);
}

TEST_CASE("pattern counts follow every write and match a recount", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path() + "/db");
  GraphBatch b;
  b.PutNode(1, {"Actor"}, {});
  b.PutNode(2, {"Demand"}, {});
  b.PutNode(3, {"Demand"}, {});
  b.PutNode(4, {"Actor", "Person"}, {});
  b.PutRelationship(10, "DEMANDS", 1, 2, {});
  b.PutRelationship(11, "DEMANDS", 4, 3, {});
  b.PutRelationship(12, "OF", 2, 4, {});
  b.PutRelationship(13, "OF", 3, 3, {});  // a loop: start and end are one Demand
  REQUIRE(store->Apply(b).ok());
  auto counts = [&] {
    GraphStats s;
    REQUIRE(store->GetStats(&s).ok());
    return std::make_pair(s.starts, s.ends);
  };
  auto [starts, ends] = counts();
  CHECK(starts[{"DEMANDS", "Actor"}] == 2);
  CHECK(starts[{"DEMANDS", "Person"}] == 1);
  CHECK(ends[{"DEMANDS", "Demand"}] == 2);
  CHECK(ends[{"OF", "Person"}] == 1);
  CHECK(ends[{"OF", "Demand"}] == 1);
  CHECK(starts[{"OF", "Demand"}] == 2);

  // A label gained later counts for the node's relationships; a deleted relationship and a
  // deleted node take theirs away.
  GraphBatch more;
  more.PutNode(2, {"Urgent"}, {});
  more.DeleteRelationship(11);
  more.DeleteNode(3, /*detach=*/true);
  REQUIRE(store->Apply(more).ok());
  std::tie(starts, ends) = counts();
  CHECK(ends[{"DEMANDS", "Urgent"}] == 1);
  CHECK(starts[{"OF", "Urgent"}] == 1);
  CHECK(ends.count({"DEMANDS", "Demand"}) == 1);
  CHECK(ends[{"DEMANDS", "Demand"}] == 1);
  CHECK(starts.count({"DEMANDS", "Person"}) == 0);
  CHECK(starts[{"OF", "Demand"}] == 1);
  CHECK(ends.count({"OF", "Demand"}) == 0);

  // Reopening reads the same counts.
  auto before = counts();
  store.reset();
  {
    std::unique_ptr<GraphStore> raw;
    REQUIRE(GraphStore::Open(dir.path() + "/db", GraphStore::Options(), &raw).ok());
  }
  store = OpenStore(dir.path() + "/db");
  CHECK(counts() == before);
}

TEST_CASE("settings are kept with the data, across reopening, and only written by a writer",
          "[store]") {
  TempDir dir;
  const std::string db = dir.path() + "/db";
  std::string v;
  bool found = true;
  {
    auto store = test::OpenTestStore(db);
    REQUIRE(store->GetSetting("event_key_version", &v, &found).ok());
    CHECK_FALSE(found);
    REQUIRE(store->PutSetting("event_key_version", "1").ok());
    REQUIRE(store->PutSetting("event_key_version", "2").ok());
    REQUIRE(store->Close().ok());
  }
  auto reader = test::OpenTestStore(db, /*read_only=*/true);
  REQUIRE(reader->GetSetting("event_key_version", &v, &found).ok());
  CHECK(found);
  CHECK(v == "2");
  REQUIRE(reader->GetSetting("other", &v, &found).ok());
  CHECK_FALSE(found);
  CHECK(reader->PutSetting("event_key_version", "3").code() == Status::Code::kInvalidInput);
}

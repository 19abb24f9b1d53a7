// The bulk loader gives the same graph as the transactional path: nodes, relationships,
// adjacency per type and direction, label scans, property-index lookups and counters — also
// when a tiny memory budget forces many spilled runs and merges.
#include <catch2/catch.hpp>
#include <set>

#include "storage/bulk_loader.h"
#include "storage/graph_store.h"
#include "tests/test_util.h"

using namespace parley;
using parley::test::TempDir;

namespace {

std::unique_ptr<GraphStore> Open(const std::string& dir) {
  return parley::test::OpenTestStore(dir);
}

struct Graph {
  std::vector<std::tuple<NodeId, std::vector<std::string>, PropertyMap>> nodes;
  std::vector<std::tuple<RelId, std::string, NodeId, NodeId, PropertyMap>> rels;
};

Graph MakeGraph() {
  Graph g;
  for (int i = 1; i <= 300; ++i) {
    std::string name = "Actor " + std::to_string(i) + (i % 7 == 0 ? " Ünïcode" : "");
    PropertyMap p{{"id", "A" + std::to_string(i)}, {"name", name}, {"weight", 0.5 * i}};
    if (i % 5 == 0) p["aliases"] = Value(ValueList{"alias" + std::to_string(i), "shared"});
    g.nodes.emplace_back(IdFor("Actor:" + std::to_string(i)),
                         i % 3 == 0 ? std::vector<std::string>{"Actor", "Person"}
                                    : std::vector<std::string>{"Actor"},
                         p);
  }
  for (int i = 1; i <= 200; ++i) {
    g.nodes.emplace_back(IdFor("Demand:" + std::to_string(i)), std::vector<std::string>{"Demand"},
                         PropertyMap{{"id", "D" + std::to_string(i)},
                                     {"text", "demand number " + std::to_string(i)}});
    NodeId d = IdFor("Demand:" + std::to_string(i));
    NodeId src = IdFor("Actor:" + std::to_string(i % 300 + 1));
    NodeId dst = IdFor("Actor:" + std::to_string((i * 7) % 300 + 1));
    g.rels.emplace_back(IdFor("DEMANDS:" + std::to_string(i)), "DEMANDS", src, d,
                        PropertyMap{{"confidence", 0.9}});
    g.rels.emplace_back(IdFor("OF:" + std::to_string(i)), "OF", d, dst,
                        PropertyMap{{"negated", i % 2 == 0}});
  }
  return g;
}

}  // namespace

TEST_CASE("bulk loading and batches give the same graph", "[store][bulk]") {
  TempDir dir;
  Graph g = MakeGraph();
  auto by_batch = Open(dir / "batch");
  GraphBatch b;
  for (const auto& [id, labels, props] : g.nodes) b.PutNode(id, labels, props);
  for (const auto& [id, type, s, e, props] : g.rels) b.PutRelationship(id, type, s, e, props);
  REQUIRE(by_batch->Apply(b).ok());

  auto by_bulk = Open(dir / "bulk");
  {
    BulkLoader::Options opt;
    opt.temp_dir = dir / "tmp";
    opt.memory_budget_bytes = 8 << 10;  // forces many sorted runs and merge passes
    BulkLoader loader(by_bulk.get(), opt);
    for (const auto& [id, labels, props] : g.nodes) REQUIRE(loader.AddNode(id, labels, props).ok());
    for (const auto& [id, type, s, e, props] : g.rels)
      REQUIRE(loader.AddRelationship(id, type, s, e, props).ok());
    REQUIRE(loader.Finish().ok());
  }

  GraphStats sa, sb;
  REQUIRE(by_batch->GetStats(&sa).ok());
  REQUIRE(by_bulk->GetStats(&sb).ok());
  CHECK(sa.nodes == sb.nodes);
  CHECK(sa.relationships == sb.relationships);
  CHECK(sa.labels == sb.labels);
  CHECK(sa.types == sb.types);
  CHECK(sb.nodes == 500);
  CHECK(sb.types["DEMANDS"] == 200);

  for (const auto& [id, labels, props] : g.nodes) {
    Node na, nb;
    REQUIRE(by_batch->GetNode(id, &na).ok());
    REQUIRE(by_bulk->GetNode(id, &nb).ok());
    CHECK(na.labels == nb.labels);
    CHECK(na.properties == nb.properties);
    for (Direction d : {Direction::kOutgoing, Direction::kIncoming}) {
      std::set<std::pair<RelId, NodeId>> ea, eb;
      for (auto c = by_batch->Neighbours(id, d); c->Valid(); c->Next())
        ea.insert({c->entry().rel, c->entry().other});
      for (auto c = by_bulk->Neighbours(id, d); c->Valid(); c->Next())
        eb.insert({c->entry().rel, c->entry().other});
      CHECK(ea == eb);
    }
  }
  for (const auto& [id, type, s, e, props] : g.rels) {
    Relationship r;
    REQUIRE(by_bulk->GetRelationship(id, &r).ok());
    CHECK(r.type == type);
    CHECK(r.start == s);
    CHECK(r.end == e);
    CHECK(r.properties == props);
  }
  std::vector<NodeId> a, bb;
  REQUIRE(by_batch->FindNodes("Actor", "aliases", "shared", &a).ok());
  REQUIRE(by_bulk->FindNodes("Actor", "aliases", "shared", &bb).ok());
  CHECK(a.size() == 60);
  CHECK(a == bb);
  REQUIRE(by_bulk->FindNodes("Actor", "name", "Actor 7 Ünïcode", &bb).ok());
  CHECK(bb == std::vector<NodeId>{IdFor("Actor:7")});
  size_t persons = 0;
  for (auto c = by_bulk->ScanLabel("Person"); c->Valid(); c->Next()) ++persons;
  CHECK(persons == 100);
}

TEST_CASE("a bulk load that adds one id twice fails at Finish", "[store][bulk]") {
  TempDir dir;
  auto store = Open(dir / "db");
  BulkLoader::Options opt;
  opt.temp_dir = dir / "tmp";
  BulkLoader loader(store.get(), opt);
  REQUIRE(loader.AddNode(1, {"Actor"}, {{"name", "A"}}).ok());
  REQUIRE(loader.AddNode(1, {"Actor"}, {{"name", "B"}}).ok());
  CHECK_FALSE(loader.Finish().ok());
}

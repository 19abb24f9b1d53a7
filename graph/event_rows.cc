// Reading the stored events one record at a time (graph/event_rows.h).
#include "graph/event_rows.h"

#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "graph/export_writer.h"
#include "graph/graph_model.h"
#include "graph/near_duplicate_index.h"
#include "util/hash.h"

namespace parley {
namespace {

bool IsUpperCode(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

double Number(const PropertyMap& p, const char* key, bool* found) {
  auto it = p.find(key);
  *found = it != p.end() && it->second.is_number();
  return *found ? it->second.as_number() : 0;
}

// What the records need of the event types, and the caches that keep the reads of one export
// to one per actor.
class EventReader {
 public:
  EventReader(const GraphStore& store, const ExportOptions& opt) : store_(store), opt_(opt) {}

  Status Init() {
    EventTypes types;
    PARLEY_RETURN_IF_ERROR(EventTypes::LoadDefault(&types));
    for (const auto& [name, shape] : types.shapes()) {
      if (!shape.node.empty()) {
        node_shapes_.emplace(shape.node, shape);
      } else {
        stance_types_.insert(shape.relationship);
      }
    }
    node_shapes_.emplace(types.one_actor().node, types.one_actor());
    return Status::OK();
  }

  Status Run(const std::function<Status(const EventRecord&)>& fn) {
    const Snapshot* snap = opt_.snap;
    auto on_node = [&](const Node& n) -> Status {
      for (const std::string& label : n.labels) {
        auto it = node_shapes_.find(label);
        if (it != node_shapes_.end()) return EmitNode(n, it->second, fn);
      }
      return Status::OK();
    };
    if (opt_.scope == nullptr || opt_.scope->whole) {
      // Only the event labels' nodes, through the label index.
      std::set<std::string> labels;
      for (const auto& [label, shape] : node_shapes_) labels.insert(label);
      for (const std::string& label : labels) {
        auto cursor = store_.ScanLabel(label, snap);
        for (; cursor->Valid(); cursor->Next()) {
          Node n;
          PARLEY_RETURN_IF_ERROR(store_.GetNode(cursor->id(), &n, snap));
          // A node under two event labels is one event, written under the first.
          bool earlier = false;
          for (const std::string& l : n.labels) earlier |= l < label && labels.count(l);
          if (earlier) continue;
          PARLEY_RETURN_IF_ERROR(EmitNode(n, node_shapes_.at(label), fn));
        }
        PARLEY_RETURN_IF_ERROR(cursor->status());
      }
    } else {
      PARLEY_RETURN_IF_ERROR(exporting::WalkNodes(store_, opt_, on_node));
    }
    return exporting::WalkRelationships(store_, opt_, [&](const Relationship& r) -> Status {
      if (!stance_types_.count(r.type)) return Status::OK();
      return EmitStance(r, fn);
    });
  }

 private:
  Status EmitNode(const Node& n, const EventShape& shape,
                  const std::function<Status(const EventRecord&)>& fn) {
    const Snapshot* snap = opt_.snap;
    EventRecord e;
    e.id = n.id;
    e.is_node = true;
    e.kind = shape.node;
    e.props = &n.properties;
    PARLEY_RETURN_IF_ERROR(FirstActor(n.id, Direction::kIncoming, shape.source_rel, &e.source));
    PARLEY_RETURN_IF_ERROR(FirstActor(n.id, Direction::kOutgoing, shape.target_rel, &e.target));
    // The reports, with where each states the event.
    std::map<NodeId, std::pair<std::string, int64_t>> positions;  // article -> quote, sentence
    auto rc = store_.Neighbours(n.id, Direction::kOutgoing, "REPORTED_IN", snap);
    for (; rc->Valid(); rc->Next()) {
      Relationship rel;
      PARLEY_RETURN_IF_ERROR(store_.GetRelationship(rc->entry().rel, &rel, snap));
      auto s = rel.properties.find("sentence");
      int64_t sentence = s != rel.properties.end() && s->second.is_int()
                             ? s->second.as_int()
                             : EventRecord::kUnknownSentence;
      positions[rc->entry().other] = {StringProperty(rel.properties, "quote"), sentence};
    }
    PARLEY_RETURN_IF_ERROR(rc->status());
    for (const auto& [article, pos] : positions) e.articles.push_back(article);
    PARLEY_RETURN_IF_ERROR(Reports(&e));
    auto first = positions.find(IdFor("Article:" + e.article_id));
    if (first != positions.end()) {
      e.quote = first->second.first;
      e.sentence = first->second.second;
    }
    // The place: the first (:Place) the event is IN.
    auto pc = store_.Neighbours(n.id, Direction::kOutgoing, "IN", snap);
    for (; pc->Valid() && !e.location.known; pc->Next()) {
      Node p;
      PARLEY_RETURN_IF_ERROR(store_.GetNode(pc->entry().other, &p, snap));
      ReadLocation(p, &e.location);
    }
    PARLEY_RETURN_IF_ERROR(pc->status());
    return fn(e);
  }

  Status EmitStance(const Relationship& r, const std::function<Status(const EventRecord&)>& fn) {
    EventRecord e;
    e.id = r.id;
    e.kind = r.type;
    e.props = &r.properties;
    PARLEY_RETURN_IF_ERROR(ReadActor(r.start, &e.source));
    PARLEY_RETURN_IF_ERROR(ReadActor(r.end, &e.target));
    auto it = r.properties.find("articles");
    if (it != r.properties.end() && it->second.is_list()) {
      for (const Value& v : it->second.as_list()) {
        if (v.is_string()) e.articles.push_back(IdFor("Article:" + v.as_string()));
      }
    }
    std::sort(e.articles.begin(), e.articles.end());
    e.articles.erase(std::unique(e.articles.begin(), e.articles.end()), e.articles.end());
    PARLEY_RETURN_IF_ERROR(Reports(&e));
    e.quote = StringProperty(r.properties, "quote");
    auto s = r.properties.find("sentence");
    if (s != r.properties.end() && s->second.is_int()) e.sentence = s->second.as_int();
    std::string place = StringProperty(r.properties, "place");
    if (!place.empty()) {
      Node p;
      Status got = store_.GetNode(IdFor("Place:" + place), &p, opt_.snap);
      if (got.ok() && StringProperty(p.properties, "id") == place) {
        ReadLocation(p, &e.location);
      } else if (!got.ok() && !got.IsNotFound()) {
        return got;
      }
    }
    return fn(e);
  }

  // Independent sources and the first report of `e.articles`.
  Status Reports(EventRecord* e) {
    PARLEY_RETURN_IF_ERROR(CountSources(store_, e->articles, &e->sources, opt_.snap));
    for (NodeId a : e->articles) {
      Node n;
      Status s = store_.GetNode(a, &n, opt_.snap);
      if (s.IsNotFound()) continue;
      PARLEY_RETURN_IF_ERROR(s);
      std::string date = StringProperty(n.properties, "date");
      bool earlier = e->article_id.empty() ||
                     (!date.empty() && (e->article_date.empty() || date < e->article_date));
      if (!earlier) continue;
      e->article_id = StringProperty(n.properties, "id");
      e->article_source = StringProperty(n.properties, "source");
      e->article_date = date;
    }
    return Status::OK();
  }

  // The first Actor at the other end of `node`'s `type` relationships in `dir`.
  Status FirstActor(NodeId node, Direction dir, const std::string& type, EventActor* out) {
    auto c = store_.Neighbours(node, dir, type, opt_.snap);
    for (; c->Valid() && !out->known; c->Next()) {
      PARLEY_RETURN_IF_ERROR(ReadActor(c->entry().other, out));
      if (!out->is_actor) *out = EventActor();
    }
    return c->status();
  }

  // The actor (or policy) node `id`, read once per export while the cache holds it.
  Status ReadActor(NodeId id, EventActor* out) {
    auto hit = actors_.find(id);
    if (hit != actors_.end()) {
      *out = hit->second;
      return Status::OK();
    }
    Node n;
    PARLEY_RETURN_IF_ERROR(store_.GetNode(id, &n, opt_.snap));
    EventActor a;
    a.known = true;
    a.is_actor = std::find(n.labels.begin(), n.labels.end(), "Actor") != n.labels.end();
    a.id = StringProperty(n.properties, "id");
    a.name = StringProperty(n.properties, "name");
    if (a.name.empty()) a.name = a.id;
    if (a.is_actor) PARLEY_RETURN_IF_ERROR(ActorCodes(n, &a));
    // Bounded: an export of a graph with millions of actors re-reads some rather than holding
    // them all.
    if (actors_.size() >= kActorCache) actors_.clear();
    actors_.emplace(id, a);
    *out = std::move(a);
    return Status::OK();
  }

  // Whether the Actor with canonical id `id` is a country.
  Status IsCountry(const std::string& id, bool* yes) {
    *yes = false;
    if (id.size() != 3 || !IsUpperCode(id)) return Status::OK();
    Node c;
    Status s = store_.GetNode(IdFor("Actor:" + id), &c, opt_.snap);
    if (s.IsNotFound()) return Status::OK();
    PARLEY_RETURN_IF_ERROR(s);
    *yes = StringProperty(c.properties, "kind") == "country";
    return Status::OK();
  }

  // Country, agent type, known group and CAMEO code of an actor, from its `kind`, `code` and
  // `sector` and the country it holds a role in.
  Status ActorCodes(const Node& n, EventActor* a) {
    a->kind = StringProperty(n.properties, "kind");
    a->code = StringProperty(n.properties, "code");
    a->sector = StringProperty(n.properties, "sector");
    if (a->kind == "country") {
      a->country = a->id;
    } else if (a->code.size() >= 3) {
      bool country = false;
      PARLEY_RETURN_IF_ERROR(IsCountry(a->code.substr(0, 3), &country));
      if (country) a->country = a->code.substr(0, 3);
    }
    if (a->country.empty() && a->kind != "country") {
      // A person speaks for the country they hold a role in.
      auto c = store_.Neighbours(n.id, Direction::kOutgoing, "HOLDS_ROLE", opt_.snap);
      for (; c->Valid() && a->country.empty(); c->Next()) {
        Node other;
        PARLEY_RETURN_IF_ERROR(store_.GetNode(c->entry().other, &other, opt_.snap));
        if (StringProperty(other.properties, "kind") == "country")
          a->country = StringProperty(other.properties, "id");
      }
      PARLEY_RETURN_IF_ERROR(c->status());
    }
    // International and non-governmental bodies: "IGOUNO" is the type IGO, the group UNO.
    for (const char* t : {"IGO", "NGO", "IMG", "MNC"}) {
      if (a->code.size() >= 6 && a->code.rfind(t, 0) == 0) {
        a->group = a->code.substr(3, 3);
        if (a->sector.empty()) a->sector = t;
      }
    }
    if (a->sector.empty() && !a->country.empty() && a->code.size() >= 6 &&
        a->code.rfind(a->country, 0) == 0) {
      a->sector = a->code.substr(3, 3);
    }
    if (a->code.empty() && !a->country.empty() && IsUpperCode(a->country))
      a->code = a->country + a->sector;
    return Status::OK();
  }

  static void ReadLocation(const Node& p, EventLocation* l) {
    if (std::find(p.labels.begin(), p.labels.end(), "Place") == p.labels.end()) return;
    l->known = true;
    l->id = StringProperty(p.properties, "id");
    l->name = StringProperty(p.properties, "name");
    l->precision = StringProperty(p.properties, "kind");
    if (l->precision.empty()) l->precision = StringProperty(p.properties, "precision");
    l->country = StringProperty(p.properties, "country");
    l->region = StringProperty(p.properties, "region");
    auto f = p.properties.find("feature_id");
    // A Place's id is its gazetteer feature id unless it carries one apart.
    l->feature_id = f != p.properties.end() ? exporting::Text(f->second) : l->id;
    bool lat = false, lon = false;
    l->lat = Number(p.properties, "lat", &lat);
    l->lon = Number(p.properties, "lon", &lon);
    l->has_coordinates = lat && lon;
  }

  static constexpr size_t kActorCache = 1 << 14;
  const GraphStore& store_;
  const ExportOptions& opt_;
  std::map<std::string, EventShape> node_shapes_;  // by node label
  std::set<std::string> stance_types_;
  std::unordered_map<NodeId, EventActor> actors_;
};

}  // namespace

Status ForEachEvent(const GraphStore& store, const ExportOptions& opt,
                    const std::function<Status(const EventRecord&)>& fn) {
  EventReader reader(store, opt);
  PARLEY_RETURN_IF_ERROR(reader.Init());
  return reader.Run(fn);
}

std::string EventText(const EventRecord& e, const char* key) {
  if (e.props == nullptr) return "";
  auto it = e.props->find(key);
  if (it == e.props->end() || it->second.is_null()) return "";
  if (it->second.is_temporal()) return StringProperty(*e.props, key);
  return exporting::Text(it->second);
}

}  // namespace parley

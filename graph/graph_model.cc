#include "graph/graph_model.h"

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/event_coding.h"
#include "storage/temporal_value.h"
#include "util/data_path.h"
#include "util/json_field.h"
#include "util/strings.h"

namespace parley {
namespace {

// An article's date as a property: a Date when it is a calendar day (YYYY-MM-DD), so that
// queries compare and order it in time (d.date >= date('2026-03-01')); other text (a month
// alone, a free form) stays a String.
Value DateProperty(const std::string& date) {
  int64_t day = 0;
  if (!temporal::ParseIsoDay(date, &day)) return Value(date);
  auto t = std::make_shared<Temporal>();
  t->kind = Temporal::Kind::kDate;
  t->epoch_day = day;
  return Value(std::shared_ptr<const Temporal>(std::move(t)));
}

// When: the event's date (a Date when it is a day, else its text), its granularity, whether
// the text gave it or it is the report's date, and the words it was read from.
template <typename Fact>
void AddWhen(const Fact& e, PropertyMap* p) {
  if (!e.event_date.empty()) (*p)["event_date"] = DateProperty(e.event_date);
  if (!e.date_granularity.empty()) (*p)["date_granularity"] = e.date_granularity;
  if (!e.date_basis.empty()) (*p)["date_basis"] = e.date_basis;
  if (!e.date_text.empty()) (*p)["date_text"] = e.date_text;
}

// The qualifiers of an event that every report of it shares: confidence, negation, modality
// and the date (the earliest report's, as the smallest value stays).
PropertyMap Qualifiers(const Event& e, const DocumentFacts& doc) {
  PropertyMap p{{"confidence", e.confidence}, {"negated", e.negated}};
  if (!e.modality.empty()) p["modality"] = e.modality;
  if (!doc.date.empty()) p["date"] = DateProperty(doc.date);
  return p;
}

// Where one article states a fact: the sentence and the byte span in it.
PropertyMap Position(const Event& e) {
  PropertyMap p{{"sentence", e.sentence}, {"start", e.start}, {"end", e.end}};
  if (!e.quote.empty()) p["quote"] = e.quote;
  return p;
}

bool LooksLikeName(const std::string& s) {
  static const std::set<std::string> kPronouns = {"He",  "She", "It",  "They",  "We",  "I",   "You",
                                                  "His", "Her", "Its", "Their", "Him", "Them"};
  return !s.empty() && std::isupper(static_cast<unsigned char>(s[0])) && !kPronouns.count(s);
}

// The coding of an event (core/event_coding.h): facts written before events were coded get
// it from their code here; `status` only where the extractor read one.
void AddCoding(const Event& e, const std::string& fallback_cameo, PropertyMap* p) {
  Event coded = e;
  if (coded.quad_class == 0) {
    if (coded.cameo.empty()) coded.cameo = fallback_cameo;
    if (const EventCoding* coding = EventCoding::Default()) coding->Fill(&coded);
  }
  if (coded.quad_class == 0) return;
  (*p)["cameo"] = coded.cameo;
  (*p)["quad_class"] = static_cast<int64_t>(coded.quad_class);
  (*p)["goldstein"] = coded.goldstein;
  (*p)["plover_type"] = coded.plover_type;
  // An empty mode or context is no property: a crosswalk row without one says nothing there.
  if (!coded.plover_mode.empty()) (*p)["plover_mode"] = coded.plover_mode;
  if (!coded.plover_context.empty()) (*p)["plover_context"] = coded.plover_context;
  if (!coded.status.empty()) (*p)["status"] = coded.status;
}

}  // namespace

Status EventTypes::Load(const std::string& path, EventTypes* out) {
  std::string text;
  PARLEY_RETURN_IF_ERROR(ReadFile(path, &text));
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("types") || !j["types"].is_object()) {
    return Status::InvalidInput(path + ": expected {\"types\": {...}}");
  }
  auto read_shape = [&](const nlohmann::json& spec, const std::string& where,
                        EventShape* s) -> Status {
    if (!spec.is_object()) return Status::InvalidInput(where + ": expected an object");
    for (auto [key, field] :
         {std::pair{"cameo", &s->cameo}, std::pair{"node", &s->node},
          std::pair{"source_rel", &s->source_rel}, std::pair{"target_rel", &s->target_rel},
          std::pair{"relationship", &s->relationship}}) {
      PARLEY_RETURN_IF_ERROR(JsonField<std::string>(spec, key, "", where, field));
    }
    return Status::OK();
  };
  auto node_ok = [](const EventShape& s) {
    return !s.node.empty() && !s.source_rel.empty() && !s.target_rel.empty();
  };
  out->shapes_.clear();
  for (const auto& [type, spec] : j["types"].items()) {
    EventShape s;
    PARLEY_RETURN_IF_ERROR(read_shape(spec, path + ": types." + type, &s));
    if (!node_ok(s) && s.relationship.empty()) {
      return Status::InvalidInput(
          path + ": types." + type +
          ": needs \"relationship\" or \"node\", \"source_rel\" and \"target_rel\"");
    }
    out->shapes_[type] = std::move(s);
  }
  out->one_actor_ = EventShape{};
  PARLEY_RETURN_IF_ERROR(read_shape(j.value("one_actor", nlohmann::json::object()),
                                    path + ": one_actor", &out->one_actor_));
  if (!node_ok(out->one_actor_))
    return Status::InvalidInput(path +
                                ": one_actor: needs \"node\", \"source_rel\" and \"target_rel\"");
  return Status::OK();
}

Status EventTypes::LoadDefault(EventTypes* out) {
  return Load(DataPath("event_types.json"), out);
}

const EventShape* EventTypes::Find(const std::string& type) const {
  auto it = shapes_.find(type);
  return it == shapes_.end() ? nullptr : &it->second;
}

std::string PolicyKey(std::string_view name) {
  return Slug(name, '-');
}

Status GraphModel::LoadDefault(GraphModel* out) {
  PARLEY_RETURN_IF_ERROR(EventTypes::LoadDefault(&out->types));
  return NearDuplicates::LoadDefault(&out->duplicates);
}

Status StoredEventKeyVersion(const GraphStore& store, int* version) {
  std::string v;
  bool found = false;
  PARLEY_RETURN_IF_ERROR(store.GetSetting(kEventKeyVersionSetting, &v, &found));
  if (found) {
    int n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n <= 0) {
      return Status::Corruption("database " + store.dir() + " records event key version '" + v +
                                "', which is no version number");
    }
    *version = n;
    return Status::OK();
  }
  GraphStats stats;
  PARLEY_RETURN_IF_ERROR(store.GetStats(&stats));
  *version = stats.articles > 0 ? 1 : kEventKeyVersion;
  return Status::OK();
}

Status RecordEventKeyVersion(GraphStore* store, int version) {
  return store->PutSetting(kEventKeyVersionSetting, std::to_string(version));
}

Status CheckEventKeyVersion(GraphStore* store, const EventKeys& keys) {
  int stored = 0;
  PARLEY_RETURN_IF_ERROR(StoredEventKeyVersion(*store, &stored));
  if (stored != keys.version()) {
    return Status::InvalidInput(
        "database " + store->dir() + " holds events keyed by event key version " +
        std::to_string(stored) + ", this parley keys version " + std::to_string(keys.version()) +
        "; run `parley rekey --db " + store->dir() + "` to re-key it (nothing was stored)");
  }
  std::string v;
  bool found = false;
  PARLEY_RETURN_IF_ERROR(store->GetSetting(kEventKeyVersionSetting, &v, &found));
  return found ? Status::OK() : RecordEventKeyVersion(store, stored);
}

std::string FactsHash(const DocumentFacts& facts, int key_version) {
  std::string hashed = FactsToJson(facts);
  if (key_version != 1) hashed += "\nevent key version " + std::to_string(key_version);
  return HashHex(hashed);
}

Status FactsToGraph(const DocumentFacts& doc, const GraphModel& model, ArticleRecord* article,
                    GraphBatch* batch, int* skipped) {
  const EventTypes& types = model.types;
  int dropped = 0;
  article->id = doc.doc;
  article->title = doc.title;
  article->date = doc.date;
  article->source = doc.source;
  article->text = doc.text;
  article->content_hash = HashHex(doc.text);
  article->facts_hash = FactsHash(doc, model.keys.version());

  const NodeId article_node = IdFor("Article:" + doc.doc);
  PropertyMap ap{{"id", doc.doc}, {"content_hash", article->content_hash}};
  if (!doc.title.empty()) ap["title"] = doc.title;
  if (!doc.date.empty()) ap["date"] = DateProperty(doc.date);
  if (!doc.source.empty()) ap["source"] = doc.source;
  // The article's MinHash signature and band keys, by which near-duplicates find each other.
  std::vector<int64_t> signature = model.duplicates.Signature(doc.text);
  if (!signature.empty()) {
    ap["minhash"] = Value(ValueList(signature.begin(), signature.end()));
    std::vector<std::string> bands = model.duplicates.Bands(signature);
    ap["lsh"] = Value(ValueList(bands.begin(), bands.end()));
  }
  batch->PutNode(article_node, {"Article"}, std::move(ap));

  // Actors: one node per canonical id, merged with what other articles said of it.
  std::set<std::string> actors;
  auto put_actor = [&](const std::string& id, const std::string& name, const std::string& kind,
                       ValueList aliases, const Entity* e = nullptr) {
    // An actor known here only by its id (a role's country) gets no name from this article:
    // another article's name for it would otherwise lose to the id, the smaller value.
    PropertyMap p{{"id", id}};
    if (!name.empty()) p["name"] = name;
    if (!kind.empty()) p["kind"] = kind;
    if (!aliases.empty()) p["aliases"] = Value(std::move(aliases));
    // Its CAMEO sector and code, where known ("GOV", "DEUGOV"; a group's "REB", "SYRREB").
    if (e && !e->sector.empty()) p["sector"] = e->sector;
    if (e && !e->code.empty()) p["code"] = e->code;
    batch->PutNode(IdFor("Actor:" + id), {"Actor"}, std::move(p));
    actors.insert(id);
  };
  for (const Entity& e : doc.entities) {
    std::set<std::string> names(e.aliases.begin(), e.aliases.end());
    for (const Mention& m : e.mentions) {
      if (LooksLikeName(m.text)) names.insert(m.text);
    }
    names.erase(e.name);
    ValueList aliases(names.begin(), names.end());
    put_actor(e.id, e.name, e.kind, std::move(aliases), &e);
  }
  for (const Entity& e : doc.entities) {
    if (e.role.empty() || e.country.empty()) continue;
    if (!actors.count(e.country)) put_actor(e.country, "", "", {});
    batch->PutRelationship(IdFor("HOLDS_ROLE:" + e.id + ":" + e.role + ":" + e.country),
                           "HOLDS_ROLE", IdFor("Actor:" + e.id), IdFor("Actor:" + e.country),
                           {{"role", e.role}, {"article", doc.doc}});
  }
  auto actor_of = [&](const Argument& a) -> NodeId {
    if (a.entity.empty()) return 0;
    if (!actors.count(a.entity)) put_actor(a.entity, a.text, "", {});
    return IdFor("Actor:" + a.entity);
  };

  // The actor a person speaks for, where this article names the person's role in it: the
  // key of "Khamenei demands" and of "Iran demands" is then one.
  std::map<std::string, std::string> principal;
  for (const Entity& e : doc.entities) {
    if (e.kind == "person" && !e.role.empty() && !e.country.empty()) principal[e.id] = e.country;
  }
  auto key_actor = [&](const std::string& id) {
    auto it = principal.find(id);
    return it == principal.end() ? id : it->second;
  };

  // Where: one (:Place) node per place (its feature id), merged across articles.
  auto put_place = [&](const EventPlace& pl) -> NodeId {
    if (pl.precision.empty() || pl.feature.empty()) return 0;
    PropertyMap p{{"id", pl.feature}, {"name", pl.name}, {"kind", pl.precision}};
    if (!pl.country.empty()) p["country"] = pl.country;
    if (!pl.region.empty()) p["region"] = pl.region;
    if (pl.located) {
      p["lat"] = pl.lat;
      p["lon"] = pl.lon;
    }
    NodeId n = IdFor("Place:" + pl.feature);
    batch->PutNode(n, {"Place"}, std::move(p));
    return n;
  };

  for (const Event& e : doc.events) {
    const EventShape* shape = types.Find(e.type);
    if (!shape) {
      ++dropped;
      continue;
    }
    std::vector<NodeId> policies;
    ValueList policy_names;
    for (const PolicyRef& p : e.policies) {
      std::string pid = p.id.empty() ? PolicyKey(p.name) : p.id;
      if (pid.empty()) continue;
      NodeId n = IdFor("Policy:" + pid);
      batch->PutNode(n, {"Policy"}, {{"id", pid}, {"name", p.name.empty() ? pid : p.name}});
      policies.push_back(n);
      policy_names.push_back(p.name.empty() ? pid : p.name);
    }
    NodeId source = actor_of(e.source);
    NodeId target = actor_of(e.target);
    std::string event_key =
        model.keys.Key(e, key_actor(e.source.entity), key_actor(e.target.entity), doc.date);
    PropertyMap qualifiers = Qualifiers(e, doc);

    // One event node for every report of the event; each actor that makes it and each it is
    // made of has its own relationship to it.
    auto put_event_node = [&](const EventShape& node_shape) {
      std::string key = node_shape.node + ":" + event_key;
      NodeId ev = IdFor(key);
      PropertyMap p{{"id", event_key},
                    {"type", e.type},
                    {"cameo", e.cameo.empty() ? shape->cameo : e.cameo},
                    {"negated", e.negated},
                    {"confidence", e.confidence}};
      // What an event of one actor says may be nothing beyond its verb ("the police fired").
      if (!e.content.empty()) p["text"] = e.content;
      if (!e.modality.empty()) p["modality"] = e.modality;
      if (!e.condition.empty()) p["condition"] = e.condition;
      if (!doc.date.empty()) p["date"] = DateProperty(doc.date);
      if (!e.source.text.empty()) p["source_text"] = e.source.text;
      if (!e.target.text.empty()) p["target_text"] = e.target.text;
      AddWhen(e, &p);
      AddCoding(e, shape->cameo, &p);
      batch->PutNode(ev, {node_shape.node}, std::move(p));
      if (source) {
        batch->PutRelationship(IdFor(node_shape.source_rel + ":" + key + ":" + e.source.entity),
                               node_shape.source_rel, source, ev, qualifiers);
      }
      if (target) {
        batch->PutRelationship(IdFor(node_shape.target_rel + ":" + key + ":" + e.target.entity),
                               node_shape.target_rel, ev, target, qualifiers);
      }
      for (NodeId pol : policies) {
        batch->PutRelationship(IdFor("ABOUT:" + key + ":" + std::to_string(pol)), "ABOUT", ev, pol,
                               qualifiers);
      }
      batch->PutRelationship(IdFor("REPORTED_IN:" + key + ":" + doc.doc), "REPORTED_IN", ev,
                             article_node, Position(e));
      // Where: (e)-[:IN]->(p), one for each place its reports give.
      if (NodeId place = put_place(e.place)) {
        batch->PutRelationship(IdFor("IN:" + key + ":" + e.place.feature), "IN", ev, place, {});
      }
    };
    if (!shape->node.empty()) {
      put_event_node(*shape);
      continue;
    }
    // A stance: one relationship from the source to the target actor, or to the policy when
    // no target actor is named ("the US withdrew from the nuclear deal"), for every report;
    // `articles` lists the reports. An event of one actor alone ("police arrested twelve
    // men", "the army shelled the town") is an event node of its own (types.one_actor()).
    NodeId to = target ? target : (policies.empty() ? 0 : policies.front());
    if (!to && (source || target)) {
      put_event_node(types.one_actor());
      continue;
    }
    if (!source || !to) {
      ++dropped;
      continue;
    }
    PropertyMap p = qualifiers;
    PropertyMap where = Position(e);
    p.insert(where.begin(), where.end());
    p["article"] = doc.doc;
    p["articles"] = Value(ValueList{Value(doc.doc)});
    p["type"] = e.type;
    p["cameo"] = e.cameo.empty() ? shape->cameo : e.cameo;
    if (!e.content.empty()) p["text"] = e.content;
    if (!e.condition.empty()) p["condition"] = e.condition;
    if (!policy_names.empty()) p["policies"] = Value(policy_names);
    // Where: the Place node's id.
    if (put_place(e.place)) p["place"] = e.place.feature;
    AddWhen(e, &p);
    AddCoding(e, shape->cameo, &p);
    std::string key = shape->relationship + ":" + event_key + ":" + std::to_string(source) + ":" +
                      std::to_string(to);
    batch->PutRelationship(IdFor(key), shape->relationship, source, to, std::move(p));
  }
  // What happened, as each lead names it: one (:Occurrence) node per happening, country and
  // day (EventKeys::OccurrenceKey), with one REPORTED_IN per article that names it.
  for (const Occurrence& o : doc.occurrences) {
    std::string key = model.keys.OccurrenceKey(o, doc.date);
    NodeId n = IdFor("Occurrence:" + key);
    PropertyMap p{{"id", key}, {"what", o.what}, {"country", o.country}, {"text", o.text}};
    if (!doc.date.empty()) p["date"] = DateProperty(doc.date);
    AddWhen(o, &p);
    batch->PutNode(n, {"Occurrence"}, std::move(p));
    batch->PutRelationship(IdFor("REPORTED_IN:Occurrence:" + key + ":" + doc.doc), "REPORTED_IN", n,
                           article_node,
                           {{"sentence", o.sentence}, {"start", o.start}, {"end", o.end}});
    if (NodeId place = put_place(o.place)) {
      batch->PutRelationship(IdFor("IN:Occurrence:" + key + ":" + o.place.feature), "IN", n, place,
                             {});
    }
  }
  if (skipped) *skipped = dropped;
  return Status::OK();
}

}  // namespace parley

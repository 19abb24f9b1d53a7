#include "graph/curation.h"

#include <algorithm>
#include <ctime>
#include <tuple>

#include "graph/actor_lookup.h"
#include "util/hash.h"
#include "util/strings.h"

namespace parley {
namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

PropertyMap DecisionProperties(const CurationDecision& d) {
  PropertyMap p{{"action", d.action}, {"actor", d.actor}, {"seq", d.seq}, {"at", d.at}};
  if (!d.name.empty()) p["name"] = d.name;
  if (!d.into.empty()) p["into"] = d.into;
  if (!d.new_id.empty()) p["new_id"] = d.new_id;
  if (!d.into_name.empty()) p["into_name"] = d.into_name;
  if (!d.into_kind.empty()) p["into_kind"] = d.into_kind;
  if (!d.kind.empty()) p["kind"] = d.kind;
  return p;
}

// Fills in seq and at, and adds the decision's node to `batch`.
Status Record(const GraphStore& store, CurationDecision* d, GraphBatch* batch) {
  Curation existing;
  PARLEY_RETURN_IF_ERROR(Curation::Load(store, &existing));
  d->seq = existing.decisions().empty() ? 1 : existing.decisions().back().seq + 1;
  d->at = NowIso();
  batch->PutNode(IdFor("Curation:" + std::to_string(d->seq) + ":" + d->action + ":" + d->actor),
                 {"Curation"}, DecisionProperties(*d));
  return Status::OK();
}

Status ReadActor(const GraphStore& store, const std::string& query, ActorInfo* info) {
  NodeId node = 0;
  PARLEY_RETURN_IF_ERROR(FindActor(store, query, &node));
  Node n;
  PARLEY_RETURN_IF_ERROR(store.GetNode(node, &n));
  *info = ReadActorInfo(n);
  return Status::OK();
}

bool SameText(const std::string& a, const std::string& b) {
  return Lower(a) == Lower(b);
}

void AddUnique(std::vector<std::string>* names, const std::string& name) {
  if (!name.empty() && std::find(names->begin(), names->end(), name) == names->end()) {
    names->push_back(name);
  }
}

}  // namespace

Status Curation::Load(const GraphStore& store, Curation* out) {
  *out = Curation();
  std::vector<CurationDecision> all;
  auto scan = store.ScanLabel("Curation");
  for (; scan->Valid(); scan->Next()) {
    Node n;
    PARLEY_RETURN_IF_ERROR(store.GetNode(scan->id(), &n));
    const PropertyMap& p = n.properties;
    CurationDecision d;
    auto seq = p.find("seq");
    if (seq != p.end() && seq->second.is_int()) d.seq = seq->second.as_int();
    d.action = StringProperty(p, "action");
    d.actor = StringProperty(p, "actor");
    d.name = StringProperty(p, "name");
    d.into = StringProperty(p, "into");
    d.new_id = StringProperty(p, "new_id");
    d.into_name = StringProperty(p, "into_name");
    d.into_kind = StringProperty(p, "into_kind");
    d.kind = StringProperty(p, "kind");
    d.at = StringProperty(p, "at");
    all.push_back(std::move(d));
  }
  PARLEY_RETURN_IF_ERROR(scan->status());
  std::sort(all.begin(), all.end(), [](const CurationDecision& a, const CurationDecision& b) {
    return std::tie(a.seq, a.at, a.action, a.actor) < std::tie(b.seq, b.at, b.action, b.actor);
  });
  for (const auto& d : all) out->Add(d);
  return Status::OK();
}

void Curation::Add(const CurationDecision& d) {
  decisions_.push_back(d);
  if (d.action == "alias") {
    aliases_[d.actor].insert(d.name);
    splits_.erase({d.actor, Lower(d.name)});
  } else if (d.action == "merge") {
    merged_[d.actor] = d.into;
    merge_info_[d.actor] = d;
  } else if (d.action == "split") {
    splits_[{d.actor, Lower(d.name)}] = d;
    for (auto& [id, names] : aliases_) {
      if (Resolve(id) != d.actor) continue;
      for (auto it = names.begin(); it != names.end();) {
        it = SameText(*it, d.name) ? names.erase(it) : std::next(it);
      }
    }
    // A split-off id that had been merged away stands on its own again.
    merged_.erase(d.new_id);
    merge_info_.erase(d.new_id);
  }
}

std::string Curation::Resolve(const std::string& id) const {
  std::string cur = id;
  for (size_t steps = 0; steps <= merged_.size(); ++steps) {
    auto it = merged_.find(cur);
    if (it == merged_.end()) break;
    cur = it->second;
  }
  return cur;
}

void Curation::Apply(DocumentFacts* facts) const {
  if (decisions_.empty()) return;
  auto split_of = [&](const std::string& actor,
                      const std::string& text) -> const CurationDecision* {
    auto it = splits_.find({actor, Lower(text)});
    return it == splits_.end() ? nullptr : &it->second;
  };
  // The last merge on the way from `id` to its survivor: it names the survivor's name and kind.
  auto last_merge = [&](const std::string& id) -> const CurationDecision* {
    const CurationDecision* last = nullptr;
    std::string cur = id;
    for (size_t steps = 0; steps <= merged_.size(); ++steps) {
      auto it = merge_info_.find(cur);
      if (it == merge_info_.end()) break;
      last = &it->second;
      cur = it->second.into;
    }
    return last;
  };

  std::vector<Entity> added;
  auto entity_for = [&](const CurationDecision& s) -> Entity* {
    for (auto& e : facts->entities) {
      if (e.id == s.new_id) return &e;
    }
    for (auto& e : added) {
      if (e.id == s.new_id) return &e;
    }
    Entity e;
    e.id = s.new_id;
    e.name = s.name;
    e.kind = s.kind;
    added.push_back(std::move(e));
    return &added.back();
  };

  for (Entity& e : facts->entities) {
    std::string resolved = Resolve(e.id);
    if (const CurationDecision* s = split_of(resolved, e.name); s && e.id != s->new_id) {
      // The whole entity is named by a split-off name: it is the new actor.
      e.id = s->new_id;
      e.name = s->name;
      if (!s->kind.empty()) e.kind = s->kind;
      continue;
    }
    if (resolved != e.id) {
      // Merged away: the survivor's name and kind, with this entity's names as aliases.
      AddUnique(&e.aliases, e.name);
      AddUnique(&e.aliases, e.id);
      if (const CurationDecision* m = last_merge(e.id)) {
        e.name = m->into_name;
        if (!m->into_kind.empty()) e.kind = m->into_kind;
      }
      e.id = resolved;
      e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.name), e.aliases.end());
    }
    if (!e.country.empty()) e.country = Resolve(e.country);
    // Mentions of a name split off this actor go to the new actor.
    std::vector<Mention> kept;
    std::vector<std::pair<const CurationDecision*, Mention>> moved;
    for (Mention& m : e.mentions) {
      if (const CurationDecision* s = split_of(e.id, m.text)) {
        moved.push_back({s, std::move(m)});
      } else {
        kept.push_back(std::move(m));
      }
    }
    e.mentions = std::move(kept);
    e.aliases.erase(
        std::remove_if(e.aliases.begin(), e.aliases.end(),
                       [&](const std::string& a) { return split_of(e.id, a) != nullptr; }),
        e.aliases.end());
    for (auto& [id, names] : aliases_) {
      if (Resolve(id) != e.id) continue;
      for (const auto& n : names) {
        if (n != e.name) AddUnique(&e.aliases, n);
      }
    }
    for (auto& [s, m] : moved) {
      Entity* to = entity_for(*s);
      to->mentions.push_back(std::move(m));
    }
  }
  for (auto& e : added) facts->entities.push_back(std::move(e));

  // Arguments: ids follow merges and splits; an argument that names no actor but whose text
  // is a curated alias or a split-off name gets that actor.
  std::map<std::string, std::string> by_text;
  for (const auto& [id, names] : aliases_) {
    for (const auto& n : names) by_text[Lower(n)] = Resolve(id);
  }
  for (const auto& [key, s] : splits_) by_text[key.second] = s.new_id;
  auto fix = [&](Argument* a) {
    if (a->entity.empty()) {
      auto it = by_text.find(Lower(a->text));
      if (it != by_text.end()) a->entity = it->second;
      return;
    }
    a->entity = Resolve(a->entity);
    if (const CurationDecision* s = split_of(a->entity, a->text)) a->entity = s->new_id;
  };
  for (Event& ev : facts->events) {
    fix(&ev.source);
    fix(&ev.target);
  }
  for (Triple& t : facts->triples) {
    fix(&t.subject);
    fix(&t.object);
  }
}

Status CurateAlias(GraphStore* store, const std::string& actor, const std::string& name,
                   CurationDecision* done) {
  if (name.empty()) return Status::InvalidInput("the alias is empty");
  ActorInfo a;
  PARLEY_RETURN_IF_ERROR(ReadActor(*store, actor, &a));
  CurationDecision d;
  d.action = "alias";
  d.actor = a.id;
  d.name = name;
  GraphBatch batch;
  if (name != a.name)
    batch.PutNode(a.node, {"Actor"}, {{"aliases", Value(ValueList{Value(name)})}});
  PARLEY_RETURN_IF_ERROR(Record(*store, &d, &batch));
  PARLEY_RETURN_IF_ERROR(store->Apply(batch));
  if (done) *done = d;
  return Status::OK();
}

Status CurateMerge(GraphStore* store, const std::string& actor, const std::string& into,
                   CurationDecision* done) {
  ActorInfo a, b;
  PARLEY_RETURN_IF_ERROR(ReadActor(*store, actor, &a));
  PARLEY_RETURN_IF_ERROR(ReadActor(*store, into, &b));
  if (a.node == b.node) {
    return Status::InvalidInput("'" + actor + "' and '" + into + "' are the same actor (" + a.id +
                                ")");
  }
  Node into_node;
  PARLEY_RETURN_IF_ERROR(store->GetNode(b.node, &into_node));

  // What `into` already has: (type, outgoing, other end) -> relationship.
  std::map<std::tuple<std::string, bool, NodeId>, RelId> have;
  for (auto c = store->Neighbours(b.node, Direction::kBoth); c->Valid(); c->Next()) {
    const Adjacent& adj = c->entry();
    have.emplace(std::make_tuple(adj.type, adj.outgoing, adj.other), adj.rel);
  }

  GraphBatch batch;
  std::map<RelId, std::vector<std::string>> owners;  // moved relationship -> its articles
  std::set<RelId> seen;
  std::vector<RelId> old;
  auto cursor = store->Neighbours(a.node, Direction::kBoth);
  for (; cursor->Valid(); cursor->Next()) {
    RelId id = cursor->entry().rel;
    if (!seen.insert(id).second) continue;
    old.push_back(id);
    Relationship r;
    PARLEY_RETURN_IF_ERROR(store->GetRelationship(id, &r));
    NodeId start = r.start == a.node ? b.node : r.start;
    NodeId end = r.end == a.node ? b.node : r.end;
    if (start == b.node && end == b.node) continue;  // between the two: nothing left to relate
    bool outgoing = start == b.node;
    NodeId other = outgoing ? end : start;
    // An event node has one relationship of a type per actor: the survivor's takes the
    // moved one's properties. Between actors and policies, each event keeps its own.
    bool actor_or_policy = false;
    for (const char* label : {"Actor", "Policy"}) {
      bool has = false;
      PARLEY_RETURN_IF_ERROR(store->HasLabel(other, label, &has));
      actor_or_policy = actor_or_policy || has;
    }
    RelId to = IdFor("Merged:" + std::to_string(id) + ":" + b.id);
    auto it = have.find(std::make_tuple(r.type, outgoing, other));
    if (!actor_or_policy && it != have.end()) to = it->second;
    batch.PutRelationship(to, r.type, start, end, r.properties);
    std::vector<std::string> sources;
    PARLEY_RETURN_IF_ERROR(store->Sources(/*relationship=*/true, id, &sources));
    owners[to].insert(owners[to].end(), sources.begin(), sources.end());
    if (!actor_or_policy) have.emplace(std::make_tuple(r.type, outgoing, other), to);
  }
  PARLEY_RETURN_IF_ERROR(cursor->status());
  for (RelId id : old) batch.DeleteRelationship(id);

  std::vector<std::string> aliases = b.aliases;
  AddUnique(&aliases, a.name);
  AddUnique(&aliases, a.id);
  for (const auto& n : a.aliases) AddUnique(&aliases, n);
  aliases.erase(std::remove(aliases.begin(), aliases.end(), b.name), aliases.end());
  std::sort(aliases.begin(), aliases.end());
  batch.SetNodeProperty(b.node, "aliases", Value(ValueList(aliases.begin(), aliases.end())));
  batch.DeleteNode(a.node, /*detach=*/true);

  CurationDecision d;
  d.action = "merge";
  d.actor = a.id;
  d.into = b.id;
  d.into_name = StringProperty(into_node.properties, "name");
  d.into_kind = StringProperty(into_node.properties, "kind");
  PARLEY_RETURN_IF_ERROR(Record(*store, &d, &batch));
  PARLEY_RETURN_IF_ERROR(store->ApplyOwned(batch, owners));
  if (done) *done = d;
  return Status::OK();
}

Status CurateSplit(GraphStore* store, const std::string& actor, const std::string& name,
                   const std::string& new_id, CurationDecision* done) {
  ActorInfo a;
  PARLEY_RETURN_IF_ERROR(ReadActor(*store, actor, &a));
  auto alias = std::find_if(a.aliases.begin(), a.aliases.end(),
                            [&](const std::string& x) { return SameText(x, name); });
  if (alias == a.aliases.end()) {
    std::string list;
    for (const auto& x : a.aliases) list += (list.empty() ? "" : ", ") + x;
    return Status::InvalidInput("'" + name + "' is not an alias of " + a.id +
                                (list.empty() ? " (it has none)" : " (aliases: " + list + ")"));
  }
  std::string spelled = *alias;
  std::string id = new_id.empty() ? Slug(spelled, '-') : new_id;
  if (id.empty()) return Status::InvalidInput("cannot make an id of '" + name + "'; give --id");
  if (id == a.id)
    return Status::InvalidInput("the new actor's id " + id + " is " + a.id + "'s own");

  GraphBatch batch;
  ValueList rest;
  for (const auto& x : a.aliases) {
    if (!SameText(x, spelled)) rest.push_back(Value(x));
  }
  batch.SetNodeProperty(a.node, "aliases", rest.empty() ? Value() : Value(rest));
  NodeId new_node = IdFor("Actor:" + id);
  Node existing;
  PropertyMap p{{"id", id}};
  if (store->GetNode(new_node, &existing).ok()) {
    p.clear();  // an actor of that id exists: it keeps its name
  } else {
    p["name"] = spelled;
    if (!a.kind.empty()) p["kind"] = a.kind;
  }
  batch.PutNode(new_node, {"Actor"}, std::move(p));

  CurationDecision d;
  d.action = "split";
  d.actor = a.id;
  d.name = spelled;
  d.new_id = id;
  d.kind = a.kind;
  PARLEY_RETURN_IF_ERROR(Record(*store, &d, &batch));
  PARLEY_RETURN_IF_ERROR(store->Apply(batch));
  if (done) *done = d;
  return Status::OK();
}

}  // namespace parley

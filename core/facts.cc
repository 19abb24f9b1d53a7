#include "core/facts.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <nlohmann/json.hpp>

#include "util/utf8.h"

namespace parley {
namespace {

using nlohmann::json;

// Reads the fields of one JSON object into C++ structs, keeping the path for messages.
class Reader {
 public:
  Status String(const json& obj, const char* key, std::string* out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return Status::OK();
    if (it->is_string()) {
      *out = it->get<std::string>();
    } else if (it->is_number_integer()) {
      *out = std::to_string(it->get<int64_t>());
    } else {
      return Status::InvalidInput(path + key + ": expected a string");
    }
    return Status::OK();
  }
  Status Int(const json& obj, const char* key, int64_t* out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return Status::OK();
    if (!it->is_number_integer()) return Status::InvalidInput(path + key + ": expected an integer");
    *out = it->get<int64_t>();
    return Status::OK();
  }
  Status Number(const json& obj, const char* key, double* out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return Status::OK();
    if (!it->is_number()) return Status::InvalidInput(path + key + ": expected a number");
    *out = it->get<double>();
    return Status::OK();
  }
  Status Bool(const json& obj, const char* key, bool* out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return Status::OK();
    if (!it->is_boolean()) return Status::InvalidInput(path + key + ": expected true or false");
    *out = it->get<bool>();
    return Status::OK();
  }
  // An array field; absent means empty.
  Status Array(const json& obj, const char* key, const json** out, const std::string& path) {
    static const json kEmpty = json::array();
    auto it = obj.find(key);
    *out = &kEmpty;
    if (it == obj.end() || it->is_null()) return Status::OK();
    if (!it->is_array()) return Status::InvalidInput(path + key + ": expected an array");
    *out = &*it;
    return Status::OK();
  }
  Status Object(const json& v, const std::string& path) {
    if (!v.is_object()) return Status::InvalidInput(path + ": expected an object");
    return Status::OK();
  }
  // {"text", "entity"}, or a bare string meaning the text.
  Status Arg(const json& obj, const char* key, Argument* out, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return Status::OK();
    if (it->is_string()) {
      out->text = it->get<std::string>();
      return Status::OK();
    }
    std::string p = path + key;
    PARLEY_RETURN_IF_ERROR(Object(*it, p));
    PARLEY_RETURN_IF_ERROR(String(*it, "text", &out->text, p + "."));
    return String(*it, "entity", &out->entity, p + ".");
  }
};

Status ReadEntity(Reader& r, const json& e, Entity* out, const std::string& path) {
  PARLEY_RETURN_IF_ERROR(r.Object(e, path));
  std::string p = path + ".";
  PARLEY_RETURN_IF_ERROR(r.String(e, "id", &out->id, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "name", &out->name, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "kind", &out->kind, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "role", &out->role, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "country", &out->country, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "sector", &out->sector, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "code", &out->code, p));
  if (out->id.empty()) return Status::InvalidInput(p + "id: missing");
  const json* aliases;
  PARLEY_RETURN_IF_ERROR(r.Array(e, "aliases", &aliases, p));
  for (size_t i = 0; i < aliases->size(); ++i) {
    if (!(*aliases)[i].is_string()) {
      return Status::InvalidInput(p + "aliases[" + std::to_string(i) + "]: expected a string");
    }
    out->aliases.push_back((*aliases)[i].get<std::string>());
  }
  const json* mentions;
  PARLEY_RETURN_IF_ERROR(r.Array(e, "mentions", &mentions, p));
  for (size_t i = 0; i < mentions->size(); ++i) {
    std::string mp = p + "mentions[" + std::to_string(i) + "]";
    const json& m = (*mentions)[i];
    PARLEY_RETURN_IF_ERROR(r.Object(m, mp));
    Mention mention;
    PARLEY_RETURN_IF_ERROR(r.Int(m, "start", &mention.start, mp + "."));
    PARLEY_RETURN_IF_ERROR(r.Int(m, "end", &mention.end, mp + "."));
    PARLEY_RETURN_IF_ERROR(r.String(m, "text", &mention.text, mp + "."));
    PARLEY_RETURN_IF_ERROR(r.String(m, "code", &mention.code, mp + "."));
    out->mentions.push_back(std::move(mention));
  }
  return Status::OK();
}

// The fields events and triples share: polarity, modality, confidence and provenance.
template <typename Fact>
Status ReadCommon(Reader& r, const json& o, Fact* out, const std::string& p) {
  PARLEY_RETURN_IF_ERROR(r.Bool(o, "negated", &out->negated, p));
  PARLEY_RETURN_IF_ERROR(r.String(o, "modality", &out->modality, p));
  PARLEY_RETURN_IF_ERROR(r.Number(o, "confidence", &out->confidence, p));
  PARLEY_RETURN_IF_ERROR(r.Int(o, "sentence", &out->sentence, p));
  PARLEY_RETURN_IF_ERROR(r.Int(o, "start", &out->start, p));
  PARLEY_RETURN_IF_ERROR(r.Int(o, "end", &out->end, p));
  return r.String(o, "quote", &out->quote, p);
}

Status ReadTriple(Reader& r, const json& t, Triple* out, const std::string& path) {
  PARLEY_RETURN_IF_ERROR(r.Object(t, path));
  std::string p = path + ".";
  PARLEY_RETURN_IF_ERROR(r.Arg(t, "subject", &out->subject, p));
  PARLEY_RETURN_IF_ERROR(r.Arg(t, "object", &out->object, p));
  auto pred = t.find("predicate");
  if (pred != t.end() && pred->is_string()) {
    out->predicate = pred->get<std::string>();
  } else if (pred != t.end() && !pred->is_null()) {
    PARLEY_RETURN_IF_ERROR(r.Object(*pred, p + "predicate"));
    PARLEY_RETURN_IF_ERROR(r.String(*pred, "text", &out->predicate, p + "predicate."));
    PARLEY_RETURN_IF_ERROR(r.String(*pred, "lemma", &out->lemma, p + "predicate."));
  }
  const json* args;
  PARLEY_RETURN_IF_ERROR(r.Array(t, "args", &args, p));
  for (size_t i = 0; i < args->size(); ++i) {
    Argument a;
    const json& item = (*args)[i];
    std::string ap = p + "args[" + std::to_string(i) + "]";
    if (item.is_string()) {
      a.text = item.get<std::string>();
    } else {
      PARLEY_RETURN_IF_ERROR(r.Object(item, ap));
      PARLEY_RETURN_IF_ERROR(r.String(item, "text", &a.text, ap + "."));
    }
    out->args.push_back(std::move(a.text));
  }
  return ReadCommon(r, t, out, p);
}

// "", "YYYY", "YYYY-MM" or "YYYY-MM-DD" (digits where the pattern has them).
bool IsEventDate(const std::string& d) {
  if (d.empty()) return true;
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (size_t i = 0; i < d.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : !std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  }
  return true;
}

// When a fact happened (Event's or Occurrence's event_date and the three after it), and what it
// was read from.
template <typename Fact>
Status ReadWhen(Reader& r, const json& e, Fact* out, const std::string& p) {
  PARLEY_RETURN_IF_ERROR(r.String(e, "event_date", &out->event_date, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "date_granularity", &out->date_granularity, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "date_basis", &out->date_basis, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "date_text", &out->date_text, p));
  if (!IsEventDate(out->event_date))
    return Status::InvalidInput(p + "event_date: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"" +
                                out->event_date + "\"");
  static const char* kGranularities[] = {"", "day", "week", "month", "year"};
  if (std::find(std::begin(kGranularities), std::end(kGranularities), out->date_granularity) ==
      std::end(kGranularities))
    return Status::InvalidInput(p + "date_granularity: expected day, week, month or year, got \"" +
                                out->date_granularity + "\"");
  return Status::OK();
}

// Where: {"feature", "name", "city", "region", "country", "lat", "lon", "precision"}, or none.
Status ReadPlace(Reader& r, const json& e, EventPlace* out, const std::string& p) {
  if (auto pl = e.find("place"); pl != e.end() && !pl->is_null()) {
    std::string pp = p + "place";
    PARLEY_RETURN_IF_ERROR(r.Object(*pl, pp));
    pp += ".";
    EventPlace& place = *out;
    PARLEY_RETURN_IF_ERROR(r.String(*pl, "feature", &place.feature, pp));
    PARLEY_RETURN_IF_ERROR(r.String(*pl, "name", &place.name, pp));
    PARLEY_RETURN_IF_ERROR(r.String(*pl, "city", &place.city, pp));
    PARLEY_RETURN_IF_ERROR(r.String(*pl, "region", &place.region, pp));
    PARLEY_RETURN_IF_ERROR(r.String(*pl, "country", &place.country, pp));
    PARLEY_RETURN_IF_ERROR(r.String(*pl, "precision", &place.precision, pp));
    place.located = pl->contains("lat") && pl->contains("lon");
    PARLEY_RETURN_IF_ERROR(r.Number(*pl, "lat", &place.lat, pp));
    PARLEY_RETURN_IF_ERROR(r.Number(*pl, "lon", &place.lon, pp));
    if (place.precision != "city" && place.precision != "region" && place.precision != "country")
      return Status::InvalidInput(pp + "precision: expected city, region or country");
    if (place.feature.empty()) return Status::InvalidInput(pp + "feature: missing");
  }
  return Status::OK();
}

Status ReadEvent(Reader& r, const json& e, Event* out, const std::string& path) {
  PARLEY_RETURN_IF_ERROR(r.Object(e, path));
  std::string p = path + ".";
  PARLEY_RETURN_IF_ERROR(r.String(e, "type", &out->type, p));
  if (out->type.empty()) return Status::InvalidInput(p + "type: missing");
  PARLEY_RETURN_IF_ERROR(r.String(e, "cameo", &out->cameo, p));
  PARLEY_RETURN_IF_ERROR(r.Arg(e, "source", &out->source, p));
  PARLEY_RETURN_IF_ERROR(r.Arg(e, "target", &out->target, p));
  Argument content;
  PARLEY_RETURN_IF_ERROR(r.Arg(e, "content", &content, p));
  out->content = content.text;
  PARLEY_RETURN_IF_ERROR(r.String(e, "condition", &out->condition, p));
  PARLEY_RETURN_IF_ERROR(ReadWhen(r, e, out, p));
  const json* policies;
  PARLEY_RETURN_IF_ERROR(r.Array(e, "policies", &policies, p));
  for (size_t i = 0; i < policies->size(); ++i) {
    const json& item = (*policies)[i];
    std::string pp = p + "policies[" + std::to_string(i) + "]";
    PolicyRef pol;
    if (item.is_string()) {
      pol.name = item.get<std::string>();
    } else {
      PARLEY_RETURN_IF_ERROR(r.Object(item, pp));
      PARLEY_RETURN_IF_ERROR(r.String(item, "id", &pol.id, pp + "."));
      PARLEY_RETURN_IF_ERROR(r.String(item, "name", &pol.name, pp + "."));
      if (pol.name.empty()) PARLEY_RETURN_IF_ERROR(r.String(item, "text", &pol.name, pp + "."));
    }
    if (pol.name.empty() && pol.id.empty()) return Status::InvalidInput(pp + ": empty policy");
    out->policies.push_back(std::move(pol));
  }
  PARLEY_RETURN_IF_ERROR(ReadPlace(r, e, &out->place, p));
  // Coding: optional (facts written before it have none; ingest codes them from "cameo").
  int64_t quad = 0;
  PARLEY_RETURN_IF_ERROR(r.Int(e, "quad_class", &quad, p));
  if (quad < 0 || quad > 4) return Status::InvalidInput(p + "quad_class: expected 1 to 4");
  out->quad_class = static_cast<int>(quad);
  PARLEY_RETURN_IF_ERROR(r.Number(e, "goldstein", &out->goldstein, p));
  if (out->goldstein < -10 || out->goldstein > 10)
    return Status::InvalidInput(p + "goldstein: expected -10 to 10");
  PARLEY_RETURN_IF_ERROR(r.String(e, "plover_type", &out->plover_type, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "plover_mode", &out->plover_mode, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "plover_context", &out->plover_context, p));
  PARLEY_RETURN_IF_ERROR(r.String(e, "status", &out->status, p));
  return ReadCommon(r, e, out, p);
}

Status ReadOccurrence(Reader& r, const json& o, Occurrence* out, const std::string& path) {
  PARLEY_RETURN_IF_ERROR(r.Object(o, path));
  std::string p = path + ".";
  PARLEY_RETURN_IF_ERROR(r.String(o, "what", &out->what, p));
  if (out->what.empty()) return Status::InvalidInput(p + "what: missing");
  PARLEY_RETURN_IF_ERROR(r.String(o, "country", &out->country, p));
  if (out->country.empty()) return Status::InvalidInput(p + "country: missing");
  PARLEY_RETURN_IF_ERROR(r.String(o, "text", &out->text, p));
  PARLEY_RETURN_IF_ERROR(r.Int(o, "sentence", &out->sentence, p));
  PARLEY_RETURN_IF_ERROR(r.Int(o, "start", &out->start, p));
  PARLEY_RETURN_IF_ERROR(r.Int(o, "end", &out->end, p));
  PARLEY_RETURN_IF_ERROR(ReadPlace(r, o, &out->place, p));
  return ReadWhen(r, o, out, p);
}

json ArgJson(const Argument& a) {
  json j = {{"text", a.text}};
  j["entity"] = a.entity.empty() ? json(nullptr) : json(a.entity);
  return j;
}

template <typename Fact>
void WriteCommon(const Fact& f, json* j) {
  (*j)["negated"] = f.negated;
  (*j)["modality"] = f.modality.empty() ? json(nullptr) : json(f.modality);
  (*j)["confidence"] = f.confidence;
  (*j)["sentence"] = f.sentence;
  (*j)["start"] = f.start;
  (*j)["end"] = f.end;
  if (!f.quote.empty()) (*j)["quote"] = f.quote;
}

// Where and when an event or occurrence happened.
template <typename Fact>
void WriteWhere(const Fact& f, json* j) {
  if (!f.place.precision.empty()) {
    const EventPlace& pl = f.place;
    json jp = {{"feature", pl.feature},
               {"name", pl.name},
               {"country", pl.country},
               {"precision", pl.precision}};
    if (!pl.city.empty()) jp["city"] = pl.city;
    if (!pl.region.empty()) jp["region"] = pl.region;
    if (pl.located) {
      jp["lat"] = pl.lat;
      jp["lon"] = pl.lon;
    }
    (*j)["place"] = std::move(jp);
  }
  if (!f.event_date.empty()) (*j)["event_date"] = f.event_date;
  if (!f.date_granularity.empty()) (*j)["date_granularity"] = f.date_granularity;
  if (!f.date_basis.empty()) (*j)["date_basis"] = f.date_basis;
  if (!f.date_text.empty()) (*j)["date_text"] = f.date_text;
}

}  // namespace

Status ParseFacts(std::string_view text, DocumentFacts* facts) {
  *facts = DocumentFacts();
  // Checked first: the JSON parser's message would quote the bad bytes themselves.
  if (size_t bad; !IsValidUtf8(text, &bad)) {
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad));
  }
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double (1e999).
    std::string what = e.what();
    // nlohmann's messages start with "[json.exception.parse_error.101] "; keep the rest.
    if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
    return Status::InvalidInput("invalid JSON: " + what);
  }
  Reader r;
  PARLEY_RETURN_IF_ERROR(r.Object(j, "record"));
  PARLEY_RETURN_IF_ERROR(r.String(j, "doc", &facts->doc, ""));
  if (facts->doc.empty()) PARLEY_RETURN_IF_ERROR(r.String(j, "id", &facts->doc, ""));
  if (facts->doc.empty()) return Status::InvalidInput("doc: missing document id");
  PARLEY_RETURN_IF_ERROR(r.String(j, "title", &facts->title, ""));
  PARLEY_RETURN_IF_ERROR(r.String(j, "date", &facts->date, ""));
  PARLEY_RETURN_IF_ERROR(r.String(j, "source", &facts->source, ""));
  PARLEY_RETURN_IF_ERROR(r.String(j, "text", &facts->text, ""));
  PARLEY_RETURN_IF_ERROR(r.String(j, "extracted_with", &facts->extracted_with, ""));
  const json* arr;
  PARLEY_RETURN_IF_ERROR(r.Array(j, "entities", &arr, ""));
  for (size_t i = 0; i < arr->size(); ++i) {
    Entity e;
    PARLEY_RETURN_IF_ERROR(ReadEntity(r, (*arr)[i], &e, "entities[" + std::to_string(i) + "]"));
    facts->entities.push_back(std::move(e));
  }
  PARLEY_RETURN_IF_ERROR(r.Array(j, "triples", &arr, ""));
  for (size_t i = 0; i < arr->size(); ++i) {
    Triple t;
    PARLEY_RETURN_IF_ERROR(ReadTriple(r, (*arr)[i], &t, "triples[" + std::to_string(i) + "]"));
    facts->triples.push_back(std::move(t));
  }
  PARLEY_RETURN_IF_ERROR(r.Array(j, "events", &arr, ""));
  for (size_t i = 0; i < arr->size(); ++i) {
    Event e;
    PARLEY_RETURN_IF_ERROR(ReadEvent(r, (*arr)[i], &e, "events[" + std::to_string(i) + "]"));
    facts->events.push_back(std::move(e));
  }
  PARLEY_RETURN_IF_ERROR(r.Array(j, "occurrences", &arr, ""));
  for (size_t i = 0; i < arr->size(); ++i) {
    Occurrence o;
    PARLEY_RETURN_IF_ERROR(
        ReadOccurrence(r, (*arr)[i], &o, "occurrences[" + std::to_string(i) + "]"));
    facts->occurrences.push_back(std::move(o));
  }
  return Status::OK();
}

std::string FactsToJson(const DocumentFacts& f, bool numeric_doc_id) {
  json j;
  bool numeric = numeric_doc_id && !f.doc.empty() && f.doc.size() < 18 &&
                 f.doc.find_first_not_of("0123456789") == std::string::npos;
  j["doc"] = numeric ? json(std::stoll(f.doc)) : json(f.doc);
  if (!f.title.empty()) j["title"] = f.title;
  if (!f.date.empty()) j["date"] = f.date;
  if (!f.source.empty()) j["source"] = f.source;
  if (!f.text.empty()) j["text"] = f.text;
  if (!f.extracted_with.empty()) j["extracted_with"] = f.extracted_with;
  j["entities"] = json::array();
  for (const auto& e : f.entities) {
    json je = {{"id", e.id}, {"name", e.name}, {"kind", e.kind}};
    if (!e.aliases.empty()) je["aliases"] = e.aliases;
    if (!e.role.empty()) je["role"] = e.role;
    if (!e.country.empty()) je["country"] = e.country;
    if (!e.sector.empty()) je["sector"] = e.sector;
    if (!e.code.empty()) je["code"] = e.code;
    je["mentions"] = json::array();
    for (const auto& m : e.mentions) {
      json jm = {{"start", m.start}, {"end", m.end}, {"text", m.text}};
      if (!m.code.empty()) jm["code"] = m.code;
      je["mentions"].push_back(std::move(jm));
    }
    j["entities"].push_back(std::move(je));
  }
  j["triples"] = json::array();
  for (const auto& t : f.triples) {
    json jt = {{"subject", ArgJson(t.subject)},
               {"predicate", {{"text", t.predicate}, {"lemma", t.lemma}}},
               {"object", ArgJson(t.object)}};
    jt["args"] = json::array();
    for (const auto& a : t.args) jt["args"].push_back({{"text", a}});
    WriteCommon(t, &jt);
    j["triples"].push_back(std::move(jt));
  }
  j["events"] = json::array();
  for (const auto& e : f.events) {
    json je = {{"type", e.type},
               {"cameo", e.cameo},
               {"source", ArgJson(e.source)},
               {"target", ArgJson(e.target)},
               {"content", {{"text", e.content}}}};
    je["policies"] = json::array();
    for (const auto& p : e.policies) je["policies"].push_back({{"id", p.id}, {"name", p.name}});
    if (!e.condition.empty()) je["condition"] = e.condition;
    WriteWhere(e, &je);
    // Coding, where the event has it.
    if (e.quad_class > 0) {
      je["quad_class"] = e.quad_class;
      je["goldstein"] = e.goldstein;
      je["plover_type"] = e.plover_type;
      je["plover_mode"] = e.plover_mode;
      je["plover_context"] = e.plover_context;
    }
    if (!e.status.empty()) je["status"] = e.status;
    WriteCommon(e, &je);
    j["events"].push_back(std::move(je));
  }
  // Occurrences: written only when there are some, so that facts without stay as they were.
  for (const auto& o : f.occurrences) {
    json jo = {{"what", o.what},         {"country", o.country}, {"text", o.text},
               {"sentence", o.sentence}, {"start", o.start},     {"end", o.end}};
    WriteWhere(o, &jo);
    j["occurrences"].push_back(std::move(jo));
  }
  // Invalid UTF-8 cannot reach here from ParseFacts; replace rather than throw if it comes
  // from elsewhere.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace parley

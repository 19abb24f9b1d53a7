// Bulk ingest (bulk_ingest.h): articles composed one by one, their elements' operations
// gathered in a scratch table, merged per element in id order and loaded as SST files.
//
// Scratch table keys:
//   'o' kind (1) id (8) seq (8)     one operation on element (kind, id): the `seq`th of the load
//   'b' band 0x00 node (8)          Article node `node` carries band key `band`
//   's' node (8)                    Article node `node`'s article id and signature
//   'a' article id                  the article's facts hash and extraction key
#include "graph/bulk_ingest.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>
#include <vector>

#include "storage/codec.h"
#include "storage/keys.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

constexpr char kNodeKind = 'N', kRelKind = 'R';

std::string OpKey(char kind, uint64_t id, uint64_t seq) {
  std::string k(1, 'o');
  k.push_back(kind);
  codec::PutBE64(&k, id);
  codec::PutBE64(&k, seq);
  return k;
}

std::string BandPrefix(const std::string& band) {
  std::string k = "b" + band;
  k.push_back('\0');
  return k;
}

// The 'a' record of an article: its facts hash and extraction key.
std::string SeenRecord(const std::string& facts_hash, const std::string& key) {
  std::string v;
  codec::EncodeValue(Value(ValueList{Value(facts_hash), Value(key)}), &v);
  return v;
}

std::string SignatureKey(NodeId id) {
  std::string k = "s";
  codec::PutBE64(&k, id);
  return k;
}

// One operation as the scratch table holds it.
std::string EncodeOp(const GraphBatch::Op& op) {
  ValueList labels(op.labels.begin(), op.labels.end());
  ValueMap m{{"kind", Value(static_cast<int64_t>(op.kind))},
             {"labels", Value(std::move(labels))},
             {"type", Value(op.type)},
             {"start", Value(static_cast<int64_t>(op.start))},
             {"end", Value(static_cast<int64_t>(op.end))},
             {"properties", Value(op.properties)},
             {"value", op.value}};
  std::string out;
  codec::EncodeValue(Value(std::move(m)), &out);
  return out;
}

Status DecodeOp(std::string_view in, GraphBatch::Op* op) {
  Value v;
  PARLEY_RETURN_IF_ERROR(codec::DecodeValue(&in, &v));
  if (!v.is_map()) return Status::Corruption("bulk ingest: bad scratch record");
  const ValueMap& m = v.as_map();
  auto get = [&](const char* k) -> const Value& {
    static const Value kNull;
    auto it = m.find(k);
    return it == m.end() ? kNull : it->second;
  };
  if (!get("kind").is_int() || !get("labels").is_list() || !get("properties").is_map())
    return Status::Corruption("bulk ingest: bad scratch record");
  op->kind = static_cast<GraphBatch::Op::Kind>(get("kind").as_int());
  op->labels.clear();
  for (const Value& l : get("labels").as_list()) op->labels.push_back(l.as_string());
  op->type = get("type").is_string() ? get("type").as_string() : "";
  op->start = static_cast<NodeId>(get("start").is_int() ? get("start").as_int() : 0);
  op->end = static_cast<NodeId>(get("end").is_int() ? get("end").as_int() : 0);
  op->properties = get("properties").as_map();
  op->value = get("value");
  return Status::OK();
}

// The articles added before, as LinkNearDuplicates reads them: from the scratch table.
class ScratchArticles : public EarlierArticles {
 public:
  explicit ScratchArticles(const ScratchTable& table) : table_(table) {}
  Status WithBand(const std::string& band, std::set<NodeId>* ids) const override {
    std::string prefix = BandPrefix(band);
    return table_.Scan(prefix, [&](std::string_view key, std::string_view, bool*) {
      ids->insert(codec::GetBE64(key.data() + prefix.size()));
      return Status::OK();
    });
  }
  Status Signature(NodeId id, std::vector<int64_t>* signature,
                   std::string* article) const override {
    std::string v;
    bool found;
    PARLEY_RETURN_IF_ERROR(table_.Get(SignatureKey(id), &v, &found));
    signature->clear();
    article->clear();
    if (!found) return Status::NotFound("no article node " + std::to_string(id));
    std::string_view in(v);
    Value list;
    PARLEY_RETURN_IF_ERROR(codec::DecodeValue(&in, &list));
    if (!list.is_list() || list.as_list().empty())
      return Status::Corruption("bulk ingest: bad signature record");
    *article = list.as_list()[0].as_string();
    for (size_t i = 1; i < list.as_list().size(); ++i)
      signature->push_back(list.as_list()[i].as_int());
    return Status::OK();
  }

 private:
  const ScratchTable& table_;
};

// The merged state of one element, built from its operations in the order they came.
struct Element {
  char kind = 0;
  uint64_t id = 0;
  bool exists = false;
  std::vector<std::string> labels;  // nodes: sorted, no repeats
  std::string type;                 // relationships
  NodeId start = 0, end = 0;
  PropertyMap properties;
};

// Applies `op` to `e` as GraphStore's write path applies it to a stored element.
Status ApplyOp(const GraphBatch::Op& op, Element* e) {
  const std::string what =
      (e->kind == kNodeKind ? "node " : "relationship ") + std::to_string(e->id);
  switch (op.kind) {
    case GraphBatch::Op::kPutNode:
      for (const auto& l : op.labels) {
        if (l.empty()) return Status::InvalidInput("empty label on " + what);
        if (std::find(e->labels.begin(), e->labels.end(), l) == e->labels.end())
          e->labels.push_back(l);
      }
      std::sort(e->labels.begin(), e->labels.end());
      MergeProperties(&e->properties, op.properties);
      e->exists = true;
      return Status::OK();
    case GraphBatch::Op::kSetNodeProperty:
      if (!e->exists) return Status::NotFound("no " + what);
      if (op.value.is_null()) {
        e->properties.erase(op.type);
      } else {
        e->properties[op.type] = op.value;
      }
      return Status::OK();
    case GraphBatch::Op::kPutRel:
      if (op.type.empty()) return Status::InvalidInput(what + " has no type");
      if (e->exists && (e->type != op.type || e->start != op.start || e->end != op.end))
        return Status::InvalidInput("relationship id " + std::to_string(e->id) +
                                    " is already used by another relationship");
      e->type = op.type;
      e->start = op.start;
      e->end = op.end;
      MergeProperties(&e->properties, op.properties);
      e->exists = true;
      return Status::OK();
    default:
      return Status::InvalidInput("a bulk load puts nodes and relationships only (" + what + ")");
  }
}

}  // namespace

BulkIngest::BulkIngest(GraphStore* store, std::unique_ptr<ArticleWriter> writer,
                       std::unique_ptr<ScratchTable> scratch, const BulkLoader::Options& options)
    : store_(store),
      writer_(std::move(writer)),
      scratch_(std::move(scratch)),
      loader_(std::make_unique<BulkLoader>(store, options)) {}

BulkIngest::~BulkIngest() = default;

Status BulkIngest::Open(GraphStore* store, const BulkLoader::Options& options,
                        std::unique_ptr<BulkIngest>* out) {
  GraphStats stats;
  PARLEY_RETURN_IF_ERROR(store->GetStats(&stats));
  if (stats.nodes != 0 || stats.articles != 0)
    return Status::InvalidInput("the store at " + store->dir() +
                                " is not empty; a bulk load fills an empty store only");
  std::unique_ptr<ArticleWriter> writer;
  PARLEY_RETURN_IF_ERROR(ArticleWriter::Open(store, ArticleWriter::Options(), &writer));
  std::unique_ptr<ScratchTable> scratch;
  PARLEY_RETURN_IF_ERROR(ScratchTable::Create(
      options.temp_dir.empty() ? store->dir() + ".bulk" : options.temp_dir, &scratch));
  out->reset(new BulkIngest(store, std::move(writer), std::move(scratch), options));
  return Status::OK();
}

Status BulkIngest::Intern(const std::string& name) {
  if (interned_.count(name)) return Status::OK();
  uint32_t token;
  PARLEY_RETURN_IF_ERROR(store_->Token(name, &token));
  interned_.insert(name);
  return Status::OK();
}

Status BulkIngest::InternNames(const GraphBatch& batch) {
  for (const auto& op : batch.ops()) {
    std::vector<std::string> labels(op.labels);
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    switch (op.kind) {
      case GraphBatch::Op::kPutNode:
        // PutNode writes the index entries first (label, then key, of each indexed pair),
        // then the label entries, then the record (labels, then keys in order).
        for (const auto& l : labels) {
          for (const auto& [k, v] : op.properties) {
            if (v.is_null() || !store_->IsIndexed(l, k)) continue;
            PARLEY_RETURN_IF_ERROR(Intern(l));
            PARLEY_RETURN_IF_ERROR(Intern(k));
          }
        }
        for (const auto& l : labels) PARLEY_RETURN_IF_ERROR(Intern(l));
        break;
      case GraphBatch::Op::kPutRel:
        PARLEY_RETURN_IF_ERROR(Intern(op.type));
        break;
      case GraphBatch::Op::kSetNodeProperty:
        if (!op.value.is_null()) PARLEY_RETURN_IF_ERROR(Intern(op.type));
        continue;
      default:
        continue;
    }
    for (const auto& [k, v] : op.properties) {
      if (!v.is_null()) PARLEY_RETURN_IF_ERROR(Intern(k));
    }
  }
  return Status::OK();
}

Status BulkIngest::Record(char kind, uint64_t id, const GraphBatch::Op& op) {
  return scratch_->Put(OpKey(kind, id, seq_++), EncodeOp(op));
}

Status BulkIngest::Add(const DocumentFacts& facts, const std::string& key,
                       IngestedArticle* result) {
  if (finished_) return Status::InvalidInput("bulk load already finished");
  *result = IngestedArticle();
  result->id = facts.doc;
  result->text_bytes = facts.text.size();
  ScratchArticles earlier(*scratch_);
  ArticleRecord article;
  GraphBatch batch;
  PARLEY_RETURN_IF_ERROR(writer_->Compose(facts, key, earlier, &article, &batch, &result->dropped));
  if (article.id.empty()) return Status::InvalidInput("article without an id");
  const NodeId article_node = IdFor("Article:" + facts.doc);

  std::string seen;
  bool found;
  PARLEY_RETURN_IF_ERROR(scratch_->Get("a" + article.id, &seen, &found));
  if (found) {
    // Given again: unchanged if its facts are the same (ArticleWriter::Write then records a
    // new extraction key); a bulk load does not replace an article.
    std::string_view in(seen);
    Value record;
    PARLEY_RETURN_IF_ERROR(codec::DecodeValue(&in, &record));
    const ValueList& r = record.as_list();
    if (r[0].as_string() != article.facts_hash)
      return Status::InvalidInput("article " + article.id +
                                  " is given twice with other facts; a bulk load stores each "
                                  "article once (ingest without --bulk replaces it)");
    result->outcome = ArticleOutcome::kUnchanged;
    if (!key.empty() && r[1].as_string() != key) {
      GraphBatch mark;
      RecordExtractedWith(facts.doc, key, &mark);
      PARLEY_RETURN_IF_ERROR(InternNames(mark));
      PARLEY_RETURN_IF_ERROR(Record(kNodeKind, article_node, mark.ops()[0]));
      PARLEY_RETURN_IF_ERROR(scratch_->Put("a" + article.id, SeenRecord(article.facts_hash, key)));
    }
    return Status::OK();
  }

  PARLEY_RETURN_IF_ERROR(InternNames(batch));
  std::set<NodeId> nodes;
  std::set<RelId> rels;
  ValueList bands;
  for (const auto& op : batch.ops()) {
    const bool rel = op.kind == GraphBatch::Op::kPutRel;
    PARLEY_RETURN_IF_ERROR(Record(rel ? kRelKind : kNodeKind, op.id, op));
    if (op.kind == GraphBatch::Op::kPutNode) nodes.insert(op.id);
    if (rel) rels.insert(op.id);
    if (op.kind == GraphBatch::Op::kPutNode && op.id == article_node) {
      auto lsh = op.properties.find("lsh");
      if (lsh != op.properties.end() && lsh->second.is_list()) {
        for (const Value& b : lsh->second.as_list()) bands.push_back(b);
      }
    }
  }
  PARLEY_RETURN_IF_ERROR(loader_->AddArticle(article,
                                             std::vector<NodeId>(nodes.begin(), nodes.end()),
                                             std::vector<RelId>(rels.begin(), rels.end())));

  // What the next articles compare themselves with: this one's bands and signature.
  std::vector<int64_t> sig = ArticleSignature(batch, facts.doc);
  if (!sig.empty()) {
    ValueList record{Value(facts.doc)};
    for (int64_t h : sig) record.push_back(Value(h));
    std::string v;
    codec::EncodeValue(Value(std::move(record)), &v);
    PARLEY_RETURN_IF_ERROR(scratch_->Put(SignatureKey(article_node), v));
    for (const Value& b : bands) {
      if (!b.is_string()) continue;
      std::string k = BandPrefix(b.as_string());
      codec::PutBE64(&k, article_node);
      PARLEY_RETURN_IF_ERROR(scratch_->Put(k, ""));
    }
  }
  PARLEY_RETURN_IF_ERROR(scratch_->Put("a" + article.id, SeenRecord(article.facts_hash, key)));
  result->outcome = ArticleOutcome::kAdded;
  return Status::OK();
}

Status BulkIngest::Finish(BulkLoader::Stats* stats) {
  if (finished_) return Status::InvalidInput("bulk load already finished");
  finished_ = true;
  Element e;
  auto flush = [&]() -> Status {
    if (e.kind == 0) return Status::OK();
    // Every element here exists: ApplyOp refuses an operation on one not put before.
    if (e.kind == kNodeKind) return loader_->AddNode(e.id, e.labels, e.properties);
    return loader_->AddRelationship(e.id, e.type, e.start, e.end, e.properties);
  };
  GraphBatch::Op op;
  PARLEY_RETURN_IF_ERROR(
      scratch_->Scan("o", [&](std::string_view key, std::string_view value, bool*) -> Status {
        const char kind = key[1];
        const uint64_t id = codec::GetBE64(key.data() + 2);
        if (kind != e.kind || id != e.id) {
          PARLEY_RETURN_IF_ERROR(flush());
          e = Element();
          e.kind = kind;
          e.id = id;
        }
        PARLEY_RETURN_IF_ERROR(DecodeOp(value, &op));
        return ApplyOp(op, &e);
      }));
  PARLEY_RETURN_IF_ERROR(flush());
  std::string scratch_parent = fs::path(scratch_->dir()).parent_path().string();
  scratch_.reset();
  Status s = loader_->Finish();
  if (stats) *stats = loader_->stats();
  loader_.reset();
  std::error_code ec;
  fs::remove(scratch_parent, ec);  // only if empty: the loader's runs may share it
  return s;
}

}  // namespace parley

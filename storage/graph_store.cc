// GraphStore on RocksDB. See graph_store.h for the contract and keys.h for the key layout.
//
// Writes go through a Txn: a WriteBatchWithIndex whose reads see the batch's own earlier
// writes, so that one article's facts can touch the same node many times and still be written
// as one atomic batch. Writers are serialised by a mutex (RocksDB's lock file already keeps
// other processes out); readers never block.
//
// The full-text index (fulltext_index.h) is kept by the write steps themselves: each step that
// changes an element's properties (PutNode, SetNodeProperty, ReplaceNode, PutRel, ReplaceRel,
// DeleteNode, DeleteRel) calls UpdateText with the properties before and after, inside the
// same Txn, so the postings commit or fail with the facts. A new write step must do the same.
// The Txn writes the index entries at commit, once per element from its first state to its
// last, and only those that changed.
#include "storage/graph_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/memtablerep.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/records.h"
#include "storage/store_files.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using keys::ElementKind;

constexpr std::string_view kSchemaKey = "schema_version";
constexpr std::string_view kTokenPrefix = "token:";      // + name -> BE32 token
constexpr std::string_view kTokenIdPrefix = "tokenid:";  // + BE32 token -> name
constexpr std::string_view kNextToken = "next_token";
constexpr std::string_view kNextId = "next_id";
constexpr std::string_view kIndexPrefix = "index:";      // + label \0 key -> ""
constexpr std::string_view kSettingPrefix = "setting:";  // + name -> value (GetSetting)
constexpr std::string_view kCountLabel = "count:label:";
constexpr std::string_view kCountType = "count:type:";
// count:start:<type>\0<label> and count:end:<type>\0<label>: see GraphStats::starts/ends.
constexpr std::string_view kCountStart = "count:start:";
constexpr std::string_view kCountEnd = "count:end:";

std::string PatternKey(std::string_view side, std::string_view type, std::string_view label) {
  std::string k(side);
  k.append(type);
  k.push_back('\0');
  k.append(label);
  return k;
}
constexpr std::string_view kCountNodes = "count:nodes";
constexpr std::string_view kCountRels = "count:relationships";
constexpr std::string_view kCountArticles = "count:articles";
// The full-text index's collection statistics (fulltext::CollectionStats), and the
// fulltext::kIndexVersion its entries were built by (absent: there is no complete index).
constexpr std::string_view kCountTextDocuments = "count:text:documents";
constexpr std::string_view kCountTextWords = "count:text:words";
constexpr std::string_view kTextIndexVersion = "fulltext_version";

// Property indexes every new store has: the lookups actor resolution and queries need, and
// the dates that range seeks read (d.date >= date(...)).
const std::pair<const char*, const char*> kDefaultIndexes[] = {
    {"Actor", "id"},  {"Actor", "name"},   {"Actor", "aliases"},
    {"Policy", "id"}, {"Policy", "name"},  {"Article", "id"},
    {"Demand", "id"}, {"Article", "date"}, {"Demand", "date"}};

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return Status::OK();
  if (s.IsNotFound()) return Status::NotFound(std::string(what) + ": " + s.ToString());
  if (s.IsCorruption()) return Status::Corruption(std::string(what) + ": " + s.ToString());
  return Status::IOError(std::string(what) + ": " + s.ToString());
}

// True for a RocksDB error that means the disk is full.
bool IsNoSpace(const rocksdb::Status& s) {
  return s.IsNoSpace() || s.ToString().find("No space left") != std::string::npos;
}

// A failed write to the store in `dir`, said in one line that names the store and the reason.
// RocksDB applies a write batch whole or not at all, so nothing stored before is lost; after an
// I/O error it refuses further writes, and the next open recovers from its log.
Status WriteFailed(const rocksdb::Status& s, const std::string& dir) {
  if (s.ok()) return Status::OK();
  if (IsNoSpace(s)) {
    return Status::IOError("cannot write to database " + dir +
                           ": no space left on device (nothing of this write was stored; free "
                           "space and run it again)");
  }
  if (s.IsCorruption())
    return Status::Corruption("database " + dir + " is damaged: " + s.ToString());
  return Status::IOError("cannot write to database " + dir + ": " + s.ToString());
}

// A failed flush of the store in `dir` to table files: what was written is still in its log.
Status FlushFailed(const rocksdb::Status& s, const std::string& dir) {
  if (s.ok()) return Status::OK();
  return Status::IOError("database " + dir +
                         " keeps its latest writes in its log but could not move them to table "
                         "files (" +
                         (IsNoSpace(s) ? std::string("no space left on device") : s.ToString()) +
                         "); the next open of it for writing finishes that");
}

// True for a RocksDB error that means a file it expected was not there.
bool IsMissingFile(const rocksdb::Status& s) {
  return s.IsPathNotFound() || s.ToString().find("No such file") != std::string::npos;
}

std::string EncodeI64(int64_t v) {
  std::string s;
  codec::PutBE64(&s, static_cast<uint64_t>(v));
  return s;
}

int64_t DecodeI64(std::string_view s) {
  return s.size() == 8 ? static_cast<int64_t>(codec::GetBE64(s.data())) : 0;
}

// Value order used to keep united list properties sorted and free of repeats.
bool OrderedLess(const Value& a, const Value& b) {
  std::string ka, kb;
  codec::EncodeOrdered(a, &ka);
  codec::EncodeOrdered(b, &kb);
  return ka < kb;
}

Value UniteLists(const ValueList& a, const ValueList& b) {
  ValueList out(a);
  out.insert(out.end(), b.begin(), b.end());
  std::sort(out.begin(), out.end(), OrderedLess);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return Value(std::move(out));
}

// Of two values for one property, the one that stays, whatever order they come in: of two
// strings the longer (the fuller text of an event told twice), else the smaller.
bool Preferred(const Value& a, const Value& b) {
  if (a.is_string() && b.is_string() && a.as_string().size() != b.as_string().size()) {
    return a.as_string().size() > b.as_string().size();
  }
  return OrderedLess(a, b);
}

class SnapshotImpl : public Snapshot {
 public:
  SnapshotImpl(rocksdb::DB* db) : db_(db), snap_(db->GetSnapshot()) {}
  ~SnapshotImpl() override { db_->ReleaseSnapshot(snap_); }
  const rocksdb::Snapshot* get() const { return snap_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snap_;
};

// Iterates the keys of one column family that start with `prefix`.
class PrefixIterator {
 public:
  // `fill_cache` false: a scan read once (a whole-graph export) leaves the block cache to the
  // reads that come back to the same blocks.
  PrefixIterator(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::string prefix,
                 const rocksdb::Snapshot* snap, bool fill_cache = true)
      : prefix_(std::move(prefix)), upper_(keys::PrefixEnd(prefix_)), upper_slice_(upper_) {
    rocksdb::ReadOptions ro;
    ro.snapshot = snap;
    ro.fill_cache = fill_cache;
    // Long sequential scans read ahead.
    if (!fill_cache) ro.readahead_size = 2 << 20;
    if (!upper_.empty()) ro.iterate_upper_bound = &upper_slice_;
    it_.reset(db->NewIterator(ro, cf));
    it_->Seek(prefix_);
  }
  bool Valid() const { return it_->Valid() && it_->key().starts_with(prefix_); }
  rocksdb::Slice key() const { return it_->key(); }
  rocksdb::Slice value() const { return it_->value(); }
  void Next() { it_->Next(); }
  // Moves to the first key at or after `key` (a key under the prefix).
  void Seek(std::string_view key) { it_->Seek(rocksdb::Slice(key.data(), key.size())); }
  Status status() const { return FromRocks(it_->status(), "scan"); }
  size_t prefix_size() const { return prefix_.size(); }

 private:
  std::string prefix_, upper_;
  rocksdb::Slice upper_slice_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

// Ids read from a fixed offset of each key under a prefix.
class KeyIdCursor : public IdCursor {
 public:
  KeyIdCursor(std::unique_ptr<PrefixIterator> it, size_t offset)
      : it_(std::move(it)), offset_(offset) {}
  bool Valid() const override { return it_ && it_->Valid(); }
  uint64_t id() const override { return codec::GetBE64(it_->key().data() + offset_); }
  void Next() override { it_->Next(); }
  Status status() const override { return it_ ? it_->status() : Status::OK(); }

 private:
  std::unique_ptr<PrefixIterator> it_;
  size_t offset_;
};

class EmptyAdjacency : public AdjacencyCursor {
 public:
  bool Valid() const override { return false; }
  const Adjacent& entry() const override { return e_; }
  void Next() override {}
  Status status() const override { return Status::OK(); }

 private:
  Adjacent e_;
};

}  // namespace

bool MergeProperties(PropertyMap* into, const PropertyMap& add) {
  bool changed = false;
  for (const auto& [k, v] : add) {
    if (v.is_null()) continue;
    auto it = into->find(k);
    if (it == into->end()) {
      into->emplace(k, v);
      changed = true;
    } else if (it->second.is_list() && v.is_list()) {
      Value united = UniteLists(it->second.as_list(), v.as_list());
      if (united != it->second) {
        it->second = std::move(united);
        changed = true;
      }
    } else if (Preferred(v, it->second)) {
      it->second = v;
      changed = true;
    }
  }
  return changed;
}

class StoreImpl;

// One atomic unit of writes. Reads through it see its own pending writes.
class Txn {
 public:
  explicit Txn(StoreImpl* store);
  Status Get(int cf, const std::string& key, std::string* value, bool* found);
  void Put(int cf, const std::string& key, std::string_view value);
  void Delete(int cf, const std::string& key);
  // Keys (after the prefix) under `prefix`, merged from the batch and the database.
  Status ScanKeys(int cf, const std::string& prefix, std::vector<std::string>* keys);
  void AddCount(std::string key, int64_t delta) { counts_[std::move(key)] += delta; }
  // Notes that element (`kind`, `id`)'s properties change from `before` to `after` (null: it
  // does not exist), for the full-text index. Commit writes the index entries of the change
  // from the element's first state in this transaction to its last: an element that one
  // article's facts touch several times (an actor named in many of them, its aliases growing)
  // is written once, and only the entries that differ are.
  void NoteText(char kind, uint64_t id, const PropertyMap* before, const PropertyMap* after);
  Status TokenFor(std::string_view name, uint32_t* token);
  // The name of `token`, including tokens this transaction interned and has not committed.
  std::string NameOf(uint32_t token) const;
  Status Commit();

  StoreImpl* store() { return store_; }

 private:
  StoreImpl* store_;
  rocksdb::WriteBatchWithIndex batch_;
  // The full-text index entries of the changes NoteText noted, into text_entries_, and the
  // counters they change.
  void DiffText();

  std::map<std::string, int64_t> counts_;
  // The text properties (kTextProperties) of each element noted: before this transaction and
  // now (empty: none, or no element).
  struct TextChange {
    PropertyMap before, after;
  };
  std::map<std::pair<char, uint64_t>, TextChange> text_;
  // Full-text index entries to write at commit: key and value, no value for a deletion.
  // Nothing reads them through the batch's index, so Commit adds them to the write batch
  // alone, after the last read through the index: indexing them would only cost time.
  std::vector<std::pair<std::string, std::optional<std::string>>> text_entries_;
  std::unordered_map<std::string, uint32_t> new_tokens_;
  std::unordered_map<uint32_t, std::string> new_names_;
};

class StoreImpl final : public GraphStore {
 public:
  StoreImpl(std::string dir, bool read_only) : dir_(std::move(dir)), read_only_(read_only) {}
  ~StoreImpl() override { Close(); }

  // Opens RocksDB and reads the schema record and the interned names; kCorruption if the store
  // opens at a lower sequence than `durable`, the one recorded at its last clean close (0: none).
  Status OpenDb(const Options& options, uint64_t durable);
  // True if the last OpenDb failed in a way a writer opening or closing the store at the same
  // moment explains (a file gone between listing and reading, no schema record yet).
  bool transient_failure() const { return transient_; }
  // True if the last OpenDb found a store with no records at all, not even its schema record.
  bool uninitialised() const { return uninitialised_; }
  void set_lock(std::unique_ptr<store_files::FolderLock> lock) { lock_ = std::move(lock); }

  Status Close() override {
    if (!db_) return Status::OK();
    Status s;
    if (!read_only_) {
      // A clean store is table files and an empty log: readers then open it without
      // replaying a log, and the sequence recorded below is safe on disk.
      s = Flush();
    }
    uint64_t sequence = db_->GetLatestSequenceNumber();
    for (auto* h : handles_) {
      if (h) db_->DestroyColumnFamilyHandle(h);
    }
    handles_.clear();
    rocksdb::Status c = db_->Close();
    db_.reset();
    if (!read_only_) {
      if (s.ok() && !c.ok()) s = WriteFailed(c, dir_);
      if (s.ok()) {
        store_files::Fingerprint left = store_files::TakeFingerprint(dir_);
        s = store_files::WriteDurable(dir_, {sequence, true, left.current, left.manifest_size});
      }
    }
    lock_.reset();
    return s;
  }

  // ---- reads ----
  std::unique_ptr<Snapshot> GetSnapshot() const override {
    return std::make_unique<SnapshotImpl>(db_.get());
  }

  Status GetNode(NodeId id, Node* node, const Snapshot* snap) const override {
    std::string v;
    PARLEY_RETURN_IF_ERROR(GetRaw(keys::kNodes, keys::Id(id), &v, snap, "node"));
    node->id = id;
    return DecodeNode(v, node);
  }

  Status GetRelationship(RelId id, Relationship* rel, const Snapshot* snap) const override {
    std::string v;
    PARLEY_RETURN_IF_ERROR(GetRaw(keys::kRels, keys::Id(id), &v, snap, "relationship"));
    rel->id = id;
    return DecodeRel(v, rel);
  }

  Status HasLabel(NodeId id, std::string_view label, bool* has,
                  const Snapshot* snap) const override {
    *has = false;
    uint32_t token;
    if (!LookupToken(label, &token)) return Status::OK();
    rocksdb::ReadOptions ro;
    ro.snapshot = SnapOf(snap);
    rocksdb::PinnableSlice v;
    rocksdb::Status s = db_->Get(ro, handles_[keys::kLabels], keys::Label(token, id), &v);
    if (s.IsNotFound()) return Status::OK();
    *has = s.ok();
    return FromRocks(s, "label");
  }

  std::unique_ptr<IdCursor> ScanLabel(std::string_view label, const Snapshot* snap) const override {
    uint32_t token;
    if (!LookupToken(label, &token)) return std::make_unique<KeyIdCursor>(nullptr, 0);
    return std::make_unique<KeyIdCursor>(Prefix(keys::kLabels, keys::LabelPrefix(token), snap), 4);
  }

  std::unique_ptr<IdCursor> ScanNodes(const Snapshot* snap) const override {
    return std::make_unique<KeyIdCursor>(Prefix(keys::kNodes, "", snap), 0);
  }

  std::unique_ptr<IdCursor> ScanRelationships(const Snapshot* snap) const override {
    return std::make_unique<KeyIdCursor>(Prefix(keys::kRels, "", snap), 0);
  }

  Status ForEachNode(const std::function<Status(const Node&)>& visit,
                     const Snapshot* snap) const override {
    auto it = Prefix(keys::kNodes, "", snap, /*fill_cache=*/false);
    Node n;
    for (; it->Valid(); it->Next()) {
      n = Node();
      n.id = codec::GetBE64(it->key().data());
      PARLEY_RETURN_IF_ERROR(
          DecodeNode(std::string_view(it->value().data(), it->value().size()), &n));
      PARLEY_RETURN_IF_ERROR(visit(n));
    }
    return it->status();
  }

  Status ForEachRelationship(const std::function<Status(const Relationship&)>& visit,
                             const Snapshot* snap) const override {
    auto it = Prefix(keys::kRels, "", snap, /*fill_cache=*/false);
    Relationship r;
    for (; it->Valid(); it->Next()) {
      r = Relationship();
      r.id = codec::GetBE64(it->key().data());
      PARLEY_RETURN_IF_ERROR(
          DecodeRel(std::string_view(it->value().data(), it->value().size()), &r));
      PARLEY_RETURN_IF_ERROR(visit(r));
    }
    return it->status();
  }

  Status FindNodes(std::string_view label, std::string_view key, const Value& value,
                   std::vector<NodeId>* ids, const Snapshot* snap) const override {
    ids->clear();
    if (!IsIndexed(label, key)) {
      return Status::NotFound("no index on :" + std::string(label) + "(" + std::string(key) + ")");
    }
    uint32_t lt, kt;
    if (!LookupToken(label, &lt) || !LookupToken(key, &kt)) return Status::OK();
    return CollectIds(keys::PropertyValuePrefix(lt, kt, value), snap, ids);
  }

  Status FindNodesByPrefix(std::string_view label, std::string_view key, std::string_view prefix,
                           std::vector<NodeId>* ids, const Snapshot* snap) const override {
    ids->clear();
    if (!IsIndexed(label, key)) {
      return Status::NotFound("no index on :" + std::string(label) + "(" + std::string(key) + ")");
    }
    uint32_t lt, kt;
    if (!LookupToken(label, &lt) || !LookupToken(key, &kt)) return Status::OK();
    std::string p = keys::PropertyPrefix(lt, kt);
    codec::EncodeOrderedStringPrefix(prefix, &p);
    PARLEY_RETURN_IF_ERROR(CollectIds(p, snap, ids));
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    return Status::OK();
  }

  Status FindNodesInRange(std::string_view label, std::string_view key, std::string_view from,
                          std::string_view to, std::vector<NodeId>* ids, const Snapshot* snap,
                          std::vector<NodeId>* listed) const override {
    ids->clear();
    if (listed) listed->clear();
    if (!IsIndexed(label, key)) {
      return Status::NotFound("no index on :" + std::string(label) + "(" + std::string(key) + ")");
    }
    uint32_t lt, kt;
    if (!LookupToken(label, &lt) || !LookupToken(key, &kt)) return Status::OK();
    std::string prefix = keys::PropertyPrefix(lt, kt);
    std::string lower = prefix + std::string(from);
    std::string upper = to.empty() ? keys::PrefixEnd(prefix) : prefix + std::string(to);
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions ro;
    ro.snapshot = SnapOf(snap);
    if (!upper.empty()) ro.iterate_upper_bound = &upper_slice;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, handles_[keys::kProps]));
    for (it->Seek(lower); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      rocksdb::Slice k = it->key();
      NodeId id = codec::GetBE64(k.data() + k.size() - 8);
      ids->push_back(id);
      if (listed &&
          it->value() != rocksdb::Slice(keys::kScalarEntry.data(), keys::kScalarEntry.size()))
        listed->push_back(id);
    }
    PARLEY_RETURN_IF_ERROR(FromRocks(it->status(), "index scan"));
    // A list property is indexed under each of its items: one node may appear more than once.
    for (std::vector<NodeId>* v : {ids, listed}) {
      if (!v) continue;
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    return Status::OK();
  }

  bool IsIndexed(std::string_view label, std::string_view key) const override {
    std::shared_lock lock(tokens_mu_);
    return indexes_.count(IndexName(label, key)) > 0;
  }

  std::unique_ptr<AdjacencyCursor> Neighbours(NodeId node, Direction direction,
                                              std::string_view type,
                                              const Snapshot* snap) const override;
  std::unique_ptr<AdjacencyReader> NewAdjacencyReader(const Snapshot* snap) const override;
  Status ScanAdjacency(Direction direction, const std::vector<uint32_t>& types, NodeId lo,
                       NodeId hi, const std::function<Status(const AdjacencyEntry*, size_t)>& visit,
                       const Snapshot* snap) const override;
  Status AdjacencyBounds(Direction direction, NodeId* first, NodeId* last, bool* empty,
                         const Snapshot* snap) const override;
  bool FindToken(std::string_view name, uint32_t* token) const override {
    return LookupToken(name, token);
  }

  Status GetArticle(std::string_view id, ArticleRecord* article,
                    const Snapshot* snap) const override {
    std::string v;
    PARLEY_RETURN_IF_ERROR(GetRaw(keys::kArticles, std::string(id), &v, snap, "article"));
    return records::DecodeArticle(id, v, article);
  }

  Status ScanArticles(const std::function<bool(const ArticleRecord&)>& visit,
                      const Snapshot* snap) const override {
    auto it = Prefix(keys::kArticles, "", snap);
    for (; it->Valid(); it->Next()) {
      ArticleRecord a;
      PARLEY_RETURN_IF_ERROR(
          records::DecodeArticle(it->key().ToStringView(), it->value().ToStringView(), &a));
      if (!visit(a)) break;
    }
    return it->status();
  }

  Status Sources(bool relationship, uint64_t id, std::vector<std::string>* articles,
                 const Snapshot* snap) const override {
    articles->clear();
    auto it =
        Prefix(keys::kOwners,
               keys::OwnersPrefix(relationship ? ElementKind::kRel : ElementKind::kNode, id), snap);
    for (; it->Valid(); it->Next()) {
      articles->emplace_back(it->key().ToStringView().substr(it->prefix_size()));
    }
    return it->status();
  }

  Status GetStats(GraphStats* stats, const Snapshot* snap) const override;
  Status SearchText(std::string_view query, size_t limit, std::vector<fulltext::Hit>* hits,
                    const Snapshot* snap) const override;
  Status GetSetting(std::string_view name, std::string* value, bool* found,
                    const Snapshot* snap) const override {
    Status s = GetRaw(keys::kMeta, std::string(kSettingPrefix) + std::string(name), value, snap,
                      "setting");
    *found = s.ok();
    return s.code() == Status::Code::kNotFound ? Status::OK() : s;
  }

  // ---- writes ----
  Status Apply(const GraphBatch& batch) override;
  Status ApplyOwned(const GraphBatch& batch,
                    const std::map<RelId, std::vector<std::string>>& rel_owners) override;
  Status WriteArticle(const ArticleRecord& article, const GraphBatch& facts,
                      ArticleOutcome* outcome) override;
  Status RemoveArticle(std::string_view id) override;
  Status CreateIndex(std::string_view label, std::string_view key) override;
  Status AllocateId(uint64_t* id) override;
  Status PutSetting(std::string_view name, std::string_view value) override;
  Status RebuildTextIndex() override;
  Status Flush() override {
    rocksdb::FlushOptions fo;
    std::vector<rocksdb::ColumnFamilyHandle*> hs;
    for (auto* h : handles_) {
      if (h) hs.push_back(h);
    }
    return FlushFailed(db_->Flush(fo, hs), dir_);
  }
  Status Token(std::string_view name, uint32_t* token) override;
  Status IngestFiles(const std::vector<std::vector<std::string>>& files_per_cf,
                     const std::map<std::string, int64_t>& label_counts,
                     const std::map<std::string, int64_t>& type_counts, int64_t nodes,
                     int64_t relationships, int64_t articles,
                     const fulltext::CollectionStats& text) override;
  const std::string& dir() const override { return dir_; }

  // ---- shared with Txn and the cursors ----
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(int i) const { return handles_[i]; }
  bool LookupToken(std::string_view name, uint32_t* token) const {
    std::shared_lock lock(tokens_mu_);
    auto it = tokens_.find(std::string(name));
    if (it == tokens_.end()) return false;
    *token = it->second;
    return true;
  }
  std::string TokenName(uint32_t token) const {
    std::shared_lock lock(tokens_mu_);
    auto it = names_.find(token);
    return it == names_.end() ? "#" + std::to_string(token) : it->second;
  }
  void AddTokens(const std::unordered_map<std::string, uint32_t>& added) {
    std::unique_lock lock(tokens_mu_);
    for (const auto& [name, t] : added) {
      tokens_[name] = t;
      names_[t] = name;
    }
  }
  std::unique_ptr<PrefixIterator> Prefix(int cf, std::string prefix, const Snapshot* snap,
                                         bool fill_cache = true) const {
    return std::make_unique<PrefixIterator>(db_.get(), handles_[cf], std::move(prefix),
                                            SnapOf(snap), fill_cache);
  }

 private:
  friend class Txn;
  static std::string IndexName(std::string_view label, std::string_view key) {
    return std::string(label) + '\0' + std::string(key);
  }
  static const rocksdb::Snapshot* SnapOf(const Snapshot* s) {
    return s ? static_cast<const SnapshotImpl*>(s)->get() : nullptr;
  }
  Status GetRaw(int cf, const std::string& key, std::string* v, const Snapshot* snap,
                std::string_view what) const {
    rocksdb::ReadOptions ro;
    ro.snapshot = SnapOf(snap);
    rocksdb::Status s = db_->Get(ro, handles_[cf], key, v);
    if (s.IsNotFound()) return Status::NotFound(std::string("no such ") + std::string(what));
    return FromRocks(s, what);
  }
  Status CollectIds(const std::string& prefix, const Snapshot* snap,
                    std::vector<NodeId>* ids) const {
    auto it = Prefix(keys::kProps, prefix, snap);
    for (; it->Valid(); it->Next()) {
      rocksdb::Slice k = it->key();
      ids->push_back(codec::GetBE64(k.data() + k.size() - 8));
    }
    return it->status();
  }
  // Reads the schema record, the interned names and the index list; a new writable store gets
  // its schema record here.
  Status LoadMeta();
  Status CheckWritable() const {
    if (read_only_) return Status::InvalidInput("database " + dir_ + " is open read-only");
    return Status::OK();
  }

  // Record codecs.
  Status EncodeNode(Txn* t, const Node& n, std::string* out);
  // Decoders; `t` (if given) also names the tokens it interned and has not committed yet.
  Status DecodeNode(std::string_view v, Node* n, const Txn* t = nullptr) const;
  Status EncodeRel(Txn* t, const Relationship& r, std::string* out);
  Status DecodeRel(std::string_view v, Relationship* r, const Txn* t = nullptr) const;
  Status EncodeProps(Txn* t, const PropertyMap& props, std::string* out);
  Status DecodeProps(std::string_view* in, PropertyMap* props) const;

  // Write steps, all inside one Txn.
  Status ReadNode(Txn* t, NodeId id, Node* n, bool* found);
  Status ReadRel(Txn* t, RelId id, Relationship* r, bool* found);
  Status WriteIndexEntries(Txn* t, const Node& n, bool remove);
  // Keeps the full-text index of element (`kind`, `id`) in step with a change of its
  // properties from `before` to `after` (null: the element did not exist / is deleted), in
  // the same transaction (Txn::NoteText): postings of words it lost go, those of words it
  // gained or that moved are written, and the length and collection counters follow. Every
  // write step that changes properties calls it.
  void UpdateText(Txn* t, char kind, uint64_t id, const PropertyMap* before,
                  const PropertyMap* after);
  Status PutNode(Txn* t, const GraphBatch::Op& op);
  Status PutRel(Txn* t, const GraphBatch::Op& op);
  Status SetNodeProperty(Txn* t, const GraphBatch::Op& op);
  Status ReplaceNode(Txn* t, const GraphBatch::Op& op);
  Status ReplaceRel(Txn* t, const GraphBatch::Op& op);
  // Adds `delta` to the pattern counts of label `label` over node `id`'s relationships.
  Status CountNodePatterns(Txn* t, NodeId id, const std::string& label, int64_t delta);
  Status DeleteRel(Txn* t, RelId id);
  Status DeleteNode(Txn* t, NodeId id, bool detach);
  Status ApplyOps(Txn* t, const GraphBatch& batch, const std::string* owner);
  // The labels of node `id` as the transaction sees it (none if it does not exist).
  Status NodeLabels(Txn* t, NodeId id, std::vector<std::string>* labels);
  // Adds `delta` to the pattern counts of a `type` relationship from `start` to `end`.
  Status CountPatterns(Txn* t, const std::string& type, NodeId start, NodeId end, int64_t delta);
  // Recomputes every pattern count from the adjacency families (after a bulk load, and when a
  // version-1 store is first opened for writing).
  Status RecountPatterns();
  Status DropOwners(Txn* t, ElementKind kind, uint64_t id);
  Status WithdrawArticle(Txn* t, const std::string& id);

  std::string dir_;
  bool read_only_;
  bool transient_ = false;      // see transient_failure()
  bool uninitialised_ = false;  // see uninitialised()
  int upgrade_from_ = 0;        // the older schema version found at opening for writing, else 0
  int text_index_version_ = 0;  // kTextIndexVersion as stored (0: no complete full-text index)
  bool text_enabled_ = true;    // Options::full_text_index
  std::unique_ptr<store_files::FolderLock> lock_;  // a writer's lock on the folder
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::mutex write_mu_;
  mutable std::shared_mutex tokens_mu_;
  std::unordered_map<std::string, uint32_t> tokens_;
  std::unordered_map<uint32_t, std::string> names_;
  std::set<std::string> indexes_;
};

// ---------------------------------------------------------------------------- Txn

Txn::Txn(StoreImpl* store) : store_(store), batch_(rocksdb::BytewiseComparator(), 0, true) {}

Status Txn::Get(int cf, const std::string& key, std::string* value, bool* found) {
  rocksdb::Status s =
      batch_.GetFromBatchAndDB(store_->db(), rocksdb::ReadOptions(), store_->cf(cf), key, value);
  *found = s.ok();
  if (s.IsNotFound()) return Status::OK();
  return FromRocks(s, "read");
}

void Txn::Put(int cf, const std::string& key, std::string_view value) {
  batch_.Put(store_->cf(cf), key, rocksdb::Slice(value.data(), value.size()));
}

void Txn::Delete(int cf, const std::string& key) {
  batch_.Delete(store_->cf(cf), key);
}

Status Txn::ScanKeys(int cf, const std::string& prefix, std::vector<std::string>* out) {
  out->clear();
  rocksdb::ReadOptions ro;
  std::unique_ptr<rocksdb::Iterator> it(
      batch_.NewIteratorWithBase(store_->cf(cf), store_->db()->NewIterator(ro, store_->cf(cf))));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    out->emplace_back(it->key().ToStringView().substr(prefix.size()));
  }
  return FromRocks(it->status(), "scan");
}

Status Txn::TokenFor(std::string_view name, uint32_t* token) {
  if (store_->LookupToken(name, token)) return Status::OK();
  std::string n(name);
  if (auto it = new_tokens_.find(n); it != new_tokens_.end()) {
    *token = it->second;
    return Status::OK();
  }
  std::string v;
  bool found;
  PARLEY_RETURN_IF_ERROR(Get(keys::kMeta, std::string(kNextToken), &v, &found));
  uint32_t next = found ? static_cast<uint32_t>(DecodeI64(v)) : 1;
  Put(keys::kMeta, std::string(kNextToken), EncodeI64(next + 1));
  std::string be;
  codec::PutBE32(&be, next);
  Put(keys::kMeta, std::string(kTokenPrefix) + n, be);
  Put(keys::kMeta, std::string(kTokenIdPrefix) + be, n);
  new_tokens_[n] = next;
  new_names_[next] = n;
  *token = next;
  return Status::OK();
}

namespace {

// The properties of `props` that the full-text index reads (none if `props` is null).
PropertyMap TextOf(const PropertyMap* props) {
  PropertyMap out;
  if (!props) return out;
  for (const char* name : fulltext::kTextProperties) {
    auto it = props->find(name);
    if (it != props->end()) out.emplace(it->first, it->second);
  }
  return out;
}

// True if `a` and `b` hold the same text properties.
bool SameText(const PropertyMap& a, const PropertyMap& b) {
  for (const char* name : fulltext::kTextProperties) {
    auto x = a.find(name), y = b.find(name);
    bool hx = x != a.end(), hy = y != b.end();
    if (hx != hy || (hx && x->second != y->second)) return false;
  }
  return true;
}

}  // namespace

void Txn::NoteText(char kind, uint64_t id, const PropertyMap* before, const PropertyMap* after) {
  auto key = std::pair{kind, id};
  auto it = text_.find(key);
  if (it == text_.end()) {
    // Most changes leave the text alone (a merged confidence, a new list of articles).
    if (before && after && SameText(*before, *after)) return;
    it = text_.emplace(key, TextChange{TextOf(before), {}}).first;
  }
  it->second.after = TextOf(after);
}

void Txn::DiffText() {
  for (const auto& [element, change] : text_) {
    if (change.before == change.after) continue;
    // Named copies, not a structured binding: the lambdas below capture them, which clang
    // before 16 refuses for bindings.
    const auto kind = element.first;
    const auto id = element.second;
    fulltext::Document old = fulltext::DocumentOf(change.before);
    fulltext::Document now = fulltext::DocumentOf(change.after);
    fulltext::DiffDocuments(
        old, now,
        [&](const std::string& word, const std::vector<uint32_t>& positions) {
          text_entries_.emplace_back(fulltext::PostingKey(word, kind, id),
                                     fulltext::EncodePosting(positions));
        },
        [&](const std::string& word) {
          text_entries_.emplace_back(fulltext::PostingKey(word, kind, id), std::nullopt);
        });
    if (old.length == now.length) continue;
    if (now.empty()) {
      text_entries_.emplace_back(fulltext::LengthKey(kind, id), std::nullopt);
    } else {
      text_entries_.emplace_back(fulltext::LengthKey(kind, id), fulltext::EncodeLength(now.length));
    }
    AddCount(std::string(kCountTextDocuments),
             static_cast<int64_t>(!now.empty()) - static_cast<int64_t>(!old.empty()));
    AddCount(std::string(kCountTextWords),
             static_cast<int64_t>(now.length) - static_cast<int64_t>(old.length));
  }
  text_.clear();
}

std::string Txn::NameOf(uint32_t token) const {
  if (auto it = new_names_.find(token); it != new_names_.end()) return it->second;
  return store_->TokenName(token);
}

Status Txn::Commit() {
  DiffText();
  for (const auto& [key, delta] : counts_) {
    if (delta == 0) continue;
    std::string v;
    bool found;
    PARLEY_RETURN_IF_ERROR(Get(keys::kMeta, key, &v, &found));
    int64_t now = (found ? DecodeI64(v) : 0) + delta;
    // A count that falls to zero is removed, so that a store that gained and lost a label
    // reads the same as one that never had it.
    if (now == 0) {
      Delete(keys::kMeta, key);
    } else {
      Put(keys::kMeta, key, EncodeI64(now));
    }
  }
  rocksdb::WriteBatch* raw = batch_.GetWriteBatch();
  rocksdb::ColumnFamilyHandle* text_cf = store_->cf(keys::kFulltext);
  for (const auto& [key, value] : text_entries_) {
    if (value) {
      raw->Put(text_cf, key, *value);
    } else {
      raw->Delete(text_cf, key);
    }
  }
  text_entries_.clear();
  if (batch_.GetWriteBatch()->Count() == 0) return Status::OK();
  rocksdb::WriteOptions wo;
  PARLEY_RETURN_IF_ERROR(
      WriteFailed(store_->db()->Write(wo, batch_.GetWriteBatch()), store_->dir()));
  store_->AddTokens(new_tokens_);
  return Status::OK();
}

// ---------------------------------------------------------------------------- open

namespace {

// True if `dir` holds only files RocksDB writes while it creates a database, before CURRENT
// exists: the creation was interrupted (a crash, a kill), and creating it again is safe.
bool IsUnfinishedCreation(const std::string& dir) {
  auto numbered = [](std::string_view n, std::string_view prefix, std::string_view suffix) {
    if (n.size() <= prefix.size() + suffix.size() || !n.starts_with(prefix) ||
        !n.ends_with(suffix)) {
      return false;
    }
    n = n.substr(prefix.size(), n.size() - prefix.size() - suffix.size());
    return n.find_first_not_of("0123456789") == std::string_view::npos;
  };
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    bool known = n == "LOCK" || n == "IDENTITY" || n == "LOG" || n.starts_with("LOG.old.") ||
                 numbered(n, "MANIFEST-", "") || numbered(n, "", ".dbtmp") ||
                 n.starts_with(store_files::kDurableFile);
    if (!known) return false;
  }
  return !ec;
}

// kCorruption if the store in `dir`, recorded as closed by `record`, still names the MANIFEST
// it was closed with but that file lost bytes: RocksDB only ever appends to a MANIFEST. (One
// that another program opened for writing has a new MANIFEST; the sequence check covers it.)
Status CheckClosedManifest(const std::string& dir, const store_files::DurableRecord& record,
                           const store_files::Fingerprint& now) {
  if (!record.closed || now.current != record.manifest) return Status::OK();
  if (now.manifest_size >= record.manifest_size) return Status::OK();
  std::string name = record.manifest;
  while (!name.empty() && name.back() == '\n') name.pop_back();
  return Status::Corruption(
      "database " + dir + " is damaged: its " + name + " has " +
      (now.manifest_size < 0 ? std::string("gone") : std::to_string(now.manifest_size) + " bytes") +
      ", " + std::to_string(record.manifest_size) +
      " when the store was closed; nothing was changed");
}

// Opens the store in `dir` read-only, again while a writer changed its files during the open.
Status OpenReadOnly(const std::string& dir, const GraphStore::Options& options,
                    std::unique_ptr<GraphStore>* store) {
  // RocksDB reads CURRENT, then the MANIFEST, then lists the logs; a writer opening, flushing
  // or compacting at that moment may replace the MANIFEST and delete a log or table file in
  // between, and the open would then see part of the store, or fail on a missing file. A
  // writer always changes the MANIFEST (or CURRENT) before it deletes anything, so an open
  // during which neither changed read a consistent file list; any other is made again.
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  int quiet_failures = 0;  // transient failures while the fingerprint stayed the same
  auto pause = std::chrono::milliseconds(10);
  for (;;) {
    store_files::DurableRecord record;
    bool recorded = false;
    PARLEY_RETURN_IF_ERROR(store_files::ReadDurable(dir, &record, &recorded));
    store_files::Fingerprint before = store_files::TakeFingerprint(dir);
    Status s = CheckClosedManifest(dir, record, before);
    bool changed = false;
    std::unique_ptr<StoreImpl> impl;
    if (!s.ok()) {
      // Damage, unless a writer marked the store open and changed it since the record was read.
      store_files::DurableRecord again;
      PARLEY_RETURN_IF_ERROR(store_files::ReadDurable(dir, &again, &recorded));
      if (again == record) return s;
      changed = true;
    } else {
      impl = std::make_unique<StoreImpl>(dir, /*read_only=*/true);
      s = impl->OpenDb(options, record.sequence);
      changed = !(store_files::TakeFingerprint(dir) == before);
    }
    if (s.ok() && !changed) {
      *store = std::move(impl);
      return Status::OK();
    }
    if (!changed) {
      if (!impl->transient_failure() || ++quiet_failures > 5) return s;
    }
    if (Clock::now() > deadline) {
      if (!s.ok()) return s;
      return Status::Busy("database " + dir +
                          " kept changing while it was opened for reading (a writer is opening "
                          "or closing it); try again");
    }
    impl.reset();
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(200));
  }
}

}  // namespace

Status GraphStore::Open(const std::string& dir, const Options& options,
                        std::unique_ptr<GraphStore>* store) {
  std::error_code ec;
  bool exists = fs::exists(fs::path(dir) / "CURRENT", ec);
  if (!exists) {
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
      return Status::InvalidInput(dir + " is a file, not a Parley database folder");
    }
    if (fs::exists(dir, ec) && !fs::is_empty(dir, ec) && !IsUnfinishedCreation(dir)) {
      return Status::InvalidInput(dir + " is not a Parley database (a folder with other files)");
    }
    if (options.read_only || !options.create_if_missing) {
      return Status::NotFound("no database at " + dir + " (run `parley ingest` first)");
    }
  }
  if (options.read_only) return OpenReadOnly(dir, options, store);

  // A writer locks the folder first, so the folder must exist.
  if (!exists) {
    fs::create_directory(dir, ec);
    if (ec) return Status::IOError("cannot create database folder " + dir + ": " + ec.message());
  }
  std::unique_ptr<store_files::FolderLock> lock;
  PARLEY_RETURN_IF_ERROR(store_files::FolderLock::Acquire(dir, &lock));
  // Under the lock, nobody else changes the folder: look again.
  exists = fs::exists(fs::path(dir) / "CURRENT", ec);
  store_files::DurableRecord record;
  bool recorded = false;
  PARLEY_RETURN_IF_ERROR(store_files::ReadDurable(dir, &record, &recorded));
  // A store never closed cleanly has no sequence to hold to (and may be a creation a kill
  // interrupted before every column family was made, which the writable open completes).
  if (exists && recorded && (record.closed || record.sequence > 0)) {
    // Opening for writing deletes every file the MANIFEST does not name and starts a new log:
    // a store that lost writes must be caught before that makes the loss permanent. A
    // read-only open shows what a writable one would recover, and changes nothing.
    PARLEY_RETURN_IF_ERROR(CheckClosedManifest(dir, record, store_files::TakeFingerprint(dir)));
    auto check = std::make_unique<StoreImpl>(dir, /*read_only=*/true);
    Status s = check->OpenDb(options, record.sequence);
    // A creation interrupted before the schema record: the writer finishes it.
    if (!s.ok() && !check->uninitialised()) return s;
    PARLEY_RETURN_IF_ERROR(check->Close());
  }
  // From here until a clean close, RocksDB may change any file: the record says so.
  PARLEY_RETURN_IF_ERROR(store_files::WriteDurable(dir, {record.sequence, false, "", -1}));
  auto impl = std::make_unique<StoreImpl>(dir, /*read_only=*/false);
  impl->set_lock(std::move(lock));
  PARLEY_RETURN_IF_ERROR(impl->OpenDb(options, record.sequence));
  *store = std::move(impl);
  return Status::OK();
}

Status StoreImpl::OpenDb(const Options& options, uint64_t durable) {
  transient_ = false;
  uninitialised_ = false;
  rocksdb::Options opt;
  opt.create_if_missing = !read_only_;
  opt.create_missing_column_families = !read_only_;
  opt.IncreaseParallelism(std::max(2u, std::thread::hardware_concurrency()));
  // A reader opens every table file at once and keeps it open: a writer's compaction may then
  // delete files without failing reads made later through this open.
  opt.max_open_files = read_only_ ? -1 : 512;
  // Checksums are checked on every read (ReadOptions' default) and on open; a damaged record
  // in the middle of a log stops the open with kCorruption instead of ending the recovery
  // there in silence. Only an incomplete last record, which a crash mid-write leaves, is
  // dropped: that write was never acknowledged.
  opt.paranoid_checks = true;
  opt.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  opt.info_log = store_files::NewInfoLog(dir_, !read_only_);
  auto supported = rocksdb::GetSupportedCompressions();
  if (std::find(supported.begin(), supported.end(), rocksdb::kLZ4Compression) != supported.end()) {
    opt.compression = rocksdb::kLZ4Compression;
  }
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table.cache_index_and_filter_blocks = true;
  rocksdb::ColumnFamilyOptions plain(opt);
  plain.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // Point lookups (nodes, relationships, articles) get Bloom filters; prefix-scanned families
  // do not need them.
  rocksdb::BlockBasedTableOptions bloom_table = table;
  bloom_table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions bloom(opt);
  bloom.table_factory.reset(rocksdb::NewBlockBasedTableFactory(bloom_table));

  rocksdb::DBOptions dbopt(opt);
  // The full-text family's memtable (below) takes one writer at a time; writes are serialised
  // by write_mu_ anyway.
  dbopt.allow_concurrent_memtable_write = false;
  // A store written before the full-text index existed lacks its column family: read-only,
  // it opens without it (SearchText then says what to run); a writer creates it.
  bool skip_fulltext = false;
  if (read_only_) {
    std::vector<std::string> present;
    if (rocksdb::DB::ListColumnFamilies(dbopt, dir_, &present).ok()) {
      skip_fulltext = std::find(present.begin(), present.end(),
                                keys::ColumnFamilyName(keys::kFulltext)) == present.end();
    }
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> cfds;
  std::vector<int> opened;
  for (int i = 0; i < keys::kNumColumnFamilies; ++i) {
    if (i == keys::kFulltext && skip_fulltext) continue;
    bool point = i == keys::kNodes || i == keys::kRels || i == keys::kArticles || i == keys::kMeta;
    if (i == keys::kFulltext) {
      // Postings are written, not read, while a store is written to (search reads table files
      // in the main), and they are many: a memtable that appends and sorts once, at flush,
      // costs a fraction of a skip list's ordered inserts. The price is a sort of a copy of
      // the unflushed postings for each iterator a search opens in the writing process.
      rocksdb::ColumnFamilyOptions text = plain;
      text.memtable_factory = std::make_shared<rocksdb::VectorRepFactory>();
      cfds.emplace_back(keys::ColumnFamilyName(i), text);
      opened.push_back(i);
      continue;
    }
    cfds.emplace_back(keys::ColumnFamilyName(i), point ? bloom : plain);
    opened.push_back(i);
  }
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> got;
  rocksdb::Status s = read_only_ ? rocksdb::DB::OpenForReadOnly(dbopt, dir_, cfds, &got, &raw)
                                 : rocksdb::DB::Open(dbopt, dir_, cfds, &got, &raw);
  handles_.assign(keys::kNumColumnFamilies, nullptr);
  for (size_t i = 0; i < got.size() && i < opened.size(); ++i) handles_[opened[i]] = got[i];
  if (!s.ok()) {
    std::string msg = s.ToString();
    if (msg.find("While lock file") != std::string::npos ||
        msg.find("lock hold") != std::string::npos ||
        msg.find("Resource temporarily") != std::string::npos) {
      return Status::Busy(
          "database " + dir_ +
          " is in use by another process (try again when it finishes, or query it read-only)");
    }
    if (s.IsInvalidArgument() && msg.find("olumn famil") != std::string::npos) {
      if (durable > 0) {
        // A store this build closed cleanly had every column family: one gone is damage.
        return Status::Corruption("database " + dir_ + " is damaged (" + msg +
                                  "); nothing was changed");
      }
      return Status::Incompatible("database " + dir_ +
                                  " has a layout this version does not know (" + msg + ")");
    }
    transient_ = read_only_ && IsMissingFile(s);
    if (s.IsCorruption() || IsMissingFile(s)) {
      return Status::Corruption("database " + dir_ + " is damaged (" + msg +
                                "); nothing was changed");
    }
    if (IsNoSpace(s)) return WriteFailed(s, dir_);
    return FromRocks(s, "opening database " + dir_);
  }
  db_.reset(raw);
  uint64_t seq = db_->GetLatestSequenceNumber();
  if (seq < durable) {
    return Status::Corruption("database " + dir_ + " is damaged: it opens at sequence " +
                              std::to_string(seq) + " but had reached " + std::to_string(durable) +
                              " when it was last closed (a truncated or damaged MANIFEST or "
                              "log); nothing was changed");
  }
  PARLEY_RETURN_IF_ERROR(LoadMeta());
  // Version 1 had no pattern counts: count them.
  if (upgrade_from_ == 1) PARLEY_RETURN_IF_ERROR(RecountPatterns());
  // Versions 1 and 2 had no full-text index (and one left unfinished, or built by other
  // tokenising rules, is built again): build it before anything else is written.
  text_enabled_ = options.full_text_index;
  if (!read_only_ && !text_enabled_ && text_index_version_ != 0) {
    PARLEY_RETURN_IF_ERROR(WriteFailed(
        db_->Delete(rocksdb::WriteOptions(), handles_[keys::kMeta], std::string(kTextIndexVersion)),
        dir_));
    text_index_version_ = 0;
  } else if (!read_only_ && text_enabled_ && text_index_version_ != fulltext::kIndexVersion) {
    PARLEY_RETURN_IF_ERROR(RebuildTextIndex());
  }
  if (upgrade_from_ > 0) {
    // Record the new version.
    PARLEY_RETURN_IF_ERROR(
        FromRocks(db_->Put(rocksdb::WriteOptions(), handles_[keys::kMeta], std::string(kSchemaKey),
                           std::to_string(kSchemaVersion)),
                  "upgrading " + dir_));
  }
  return Status::OK();
}

Status StoreImpl::LoadMeta() {
  std::string v;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), handles_[keys::kMeta], std::string(kSchemaKey), &v);
  if (s.IsNotFound()) {
    // Every store gets its schema record in the write that follows its creation. Without one,
    // a store is being created right now (a reader tries again), was interrupted while being
    // created (a writer finishes the job), or has lost its meta records: then it has other
    // records, and writing on would give old tokens new meanings.
    bool has_data = false;
    for (int cf : {keys::kNodes, keys::kArticles, keys::kMeta}) {
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), handles_[cf]));
      it->SeekToFirst();
      PARLEY_RETURN_IF_ERROR(FromRocks(it->status(), "reading " + dir_));
      has_data = has_data || it->Valid();
    }
    if (has_data) {
      return Status::Corruption("database " + dir_ +
                                " is damaged: it has records but no schema record; nothing was "
                                "changed");
    }
    if (read_only_) {
      transient_ = true;
      uninitialised_ = true;
      return Status::NotFound("database " + dir_ +
                              " holds no data yet (another process is creating it, or its "
                              "creation was interrupted: run `parley ingest`)");
    }
    {
      // A new store: record the schema version and the default indexes in one write.
      rocksdb::WriteBatch wb;
      wb.Put(handles_[keys::kMeta], std::string(kSchemaKey), std::to_string(kSchemaVersion));
      for (const auto& [label, key] : kDefaultIndexes) {
        wb.Put(handles_[keys::kMeta], std::string(kIndexPrefix) + IndexName(label, key), "");
      }
      // An empty full-text index is a complete one.
      wb.Put(handles_[keys::kMeta], std::string(kTextIndexVersion),
             std::to_string(fulltext::kIndexVersion));
      PARLEY_RETURN_IF_ERROR(WriteFailed(db_->Write(rocksdb::WriteOptions(), &wb), dir_));
      text_index_version_ = fulltext::kIndexVersion;
    }
  } else if (!s.ok()) {
    return FromRocks(s, "reading " + dir_);
  } else {
    int version = std::atoi(v.c_str());
    if (version > kSchemaVersion || version <= 0) {
      return Status::Incompatible("database " + dir_ + " has schema version " + v +
                                  "; this parley reads version " + std::to_string(kSchemaVersion) +
                                  " (use a newer parley)");
    }
    upgrade_from_ = version < kSchemaVersion && !read_only_ ? version : 0;
  }
  for (auto it = Prefix(keys::kMeta, std::string(kTokenPrefix), nullptr); it->Valid(); it->Next()) {
    std::string name(it->key().ToStringView().substr(kTokenPrefix.size()));
    if (it->value().size() != 4) return Status::Corruption("bad token entry " + name);
    uint32_t t = codec::GetBE32(it->value().data());
    tokens_[name] = t;
    names_[t] = name;
  }
  for (auto it = Prefix(keys::kMeta, std::string(kIndexPrefix), nullptr); it->Valid(); it->Next()) {
    indexes_.insert(std::string(it->key().ToStringView().substr(kIndexPrefix.size())));
  }
  if (handles_[keys::kFulltext]) {
    std::string version;
    rocksdb::Status vs = db_->Get(rocksdb::ReadOptions(), handles_[keys::kMeta],
                                  std::string(kTextIndexVersion), &version);
    if (vs.ok()) {
      text_index_version_ = std::atoi(version.c_str());
    } else if (!vs.IsNotFound()) {
      return FromRocks(vs, "reading " + dir_);
    }
  }
  return Status::OK();
}

// ---------------------------------------------------------------------------- codecs

// The byte layouts live in records.h, shared with the bulk loader; these wrappers intern names
// through the transaction (labels first, then property keys in key order) and map tokens back.

Status StoreImpl::EncodeProps(Txn* t, const PropertyMap& props, std::string* out) {
  std::vector<records::TokenProperty> tokens;
  PARLEY_RETURN_IF_ERROR(records::TokenizeProperties(
      props, [t](std::string_view name, uint32_t* tok) { return t->TokenFor(name, tok); },
      &tokens));
  records::EncodeProperties(tokens, out);
  return Status::OK();
}

Status StoreImpl::DecodeProps(std::string_view* in, PropertyMap* props) const {
  props->clear();
  return records::DecodeProperties(
      in, [&](uint32_t tok, Value&& v) { props->emplace(TokenName(tok), std::move(v)); });
}

Status StoreImpl::EncodeNode(Txn* t, const Node& n, std::string* out) {
  std::vector<uint32_t> labels;
  labels.reserve(n.labels.size());
  for (const auto& l : n.labels) {
    uint32_t tok;
    PARLEY_RETURN_IF_ERROR(t->TokenFor(l, &tok));
    labels.push_back(tok);
  }
  std::vector<records::TokenProperty> props;
  PARLEY_RETURN_IF_ERROR(records::TokenizeProperties(
      n.properties, [t](std::string_view name, uint32_t* tok) { return t->TokenFor(name, tok); },
      &props));
  records::EncodeNode(labels, props, out);
  return Status::OK();
}

Status StoreImpl::DecodeNode(std::string_view v, Node* n, const Txn* t) const {
  auto name = [&](uint32_t tok) { return t ? t->NameOf(tok) : TokenName(tok); };
  n->labels.clear();
  n->properties.clear();
  PARLEY_RETURN_IF_ERROR(records::DecodeNode(
      v, [&](uint32_t tok) { n->labels.push_back(name(tok)); },
      [&](uint32_t tok, Value&& val) { n->properties.emplace(name(tok), std::move(val)); }));
  std::sort(n->labels.begin(), n->labels.end());
  return Status::OK();
}

Status StoreImpl::EncodeRel(Txn* t, const Relationship& r, std::string* out) {
  uint32_t tok;
  PARLEY_RETURN_IF_ERROR(t->TokenFor(r.type, &tok));
  std::vector<records::TokenProperty> props;
  PARLEY_RETURN_IF_ERROR(records::TokenizeProperties(
      r.properties, [t](std::string_view name, uint32_t* k) { return t->TokenFor(name, k); },
      &props));
  records::EncodeRelationship(tok, r.start, r.end, props, out);
  return Status::OK();
}

Status StoreImpl::DecodeRel(std::string_view v, Relationship* r, const Txn* t) const {
  auto name = [&](uint32_t tok) { return t ? t->NameOf(tok) : TokenName(tok); };
  uint32_t tok = 0;
  r->properties.clear();
  PARLEY_RETURN_IF_ERROR(records::DecodeRelationship(
      v, &tok, &r->start, &r->end,
      [&](uint32_t k, Value&& val) { r->properties.emplace(name(k), std::move(val)); }));
  r->type = name(tok);
  return Status::OK();
}

// ---------------------------------------------------------------------------- adjacency

namespace {

class AdjacencyCursorImpl : public AdjacencyCursor {
 public:
  AdjacencyCursorImpl(const StoreImpl* store, NodeId node, Direction dir, std::string type_prefix,
                      const Snapshot* snap)
      : store_(store), node_(node), dir_(dir), prefix_(std::move(type_prefix)), snap_(snap) {
    phase_outgoing_ = dir != Direction::kIncoming;
    Start();
  }
  bool Valid() const override { return it_ && it_->Valid(); }
  const Adjacent& entry() const override { return entry_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  Status status() const override { return status_.ok() && it_ ? it_->status() : status_; }

 private:
  void Start() {
    it_ = store_->Prefix(phase_outgoing_ ? keys::kOut : keys::kIn, prefix_, snap_);
    Settle();
  }
  // Moves to the next entry to report, switching from outgoing to incoming when `kBoth`.
  void Settle() {
    for (;;) {
      if (it_->Valid()) {
        rocksdb::Slice k = it_->key();
        uint32_t type = codec::GetBE32(k.data() + 8);
        entry_.other = codec::GetBE64(k.data() + 12);
        entry_.rel = codec::GetBE64(k.data() + 20);
        entry_.outgoing = phase_outgoing_;
        // A self-loop is listed under both directions; report it once for kBoth.
        if (dir_ == Direction::kBoth && !phase_outgoing_ && entry_.other == node_) {
          it_->Next();
          continue;
        }
        if (type != type_token_) {
          type_token_ = type;
          entry_.type = store_->TokenName(type);
        }
        return;
      }
      status_ = it_->status();
      if (!status_.ok() || dir_ != Direction::kBoth || !phase_outgoing_) return;
      phase_outgoing_ = false;
      it_ = store_->Prefix(keys::kIn, prefix_, snap_);
    }
  }

  const StoreImpl* store_;
  NodeId node_;
  Direction dir_;
  std::string prefix_;
  const Snapshot* snap_;
  bool phase_outgoing_;
  std::unique_ptr<PrefixIterator> it_;
  Adjacent entry_;
  uint32_t type_token_ = 0;
  Status status_;
};

// AdjacencyReader: the same walk as AdjacencyCursorImpl over iterators made once. The
// iterators have no upper bound (it is fixed when an iterator is made); Valid() checks the
// prefix instead.
class AdjacencyReaderImpl : public AdjacencyReader {
 public:
  AdjacencyReaderImpl(const StoreImpl* store, const Snapshot* snap) : store_(store) {
    ro_.snapshot = snap ? static_cast<const SnapshotImpl*>(snap)->get() : nullptr;
  }
  void Seek(NodeId node, Direction dir, std::string_view type) override {
    node_ = node;
    dir_ = dir;
    status_ = Status::OK();
    valid_ = false;
    prefix_ = keys::AdjacencyPrefix(node);
    if (!type.empty()) {
      uint32_t tok;
      if (!store_->LookupToken(type, &tok)) return;  // a type never stored: no relationships
      codec::PutBE32(&prefix_, tok);
    }
    phase_outgoing_ = dir != Direction::kIncoming;
    Start();
  }
  bool Valid() const override { return valid_; }
  const Adjacent& entry() const override { return entry_; }
  void Next() override {
    it()->Next();
    Settle();
  }
  Status status() const override { return status_; }

 private:
  rocksdb::Iterator* it() { return phase_outgoing_ ? out_.get() : in_.get(); }
  void Start() {
    auto& slot = phase_outgoing_ ? out_ : in_;
    if (!slot) {
      slot.reset(
          store_->db()->NewIterator(ro_, store_->cf(phase_outgoing_ ? keys::kOut : keys::kIn)));
    }
    slot->Seek(prefix_);
    Settle();
  }
  void Settle() {
    for (;;) {
      rocksdb::Iterator* i = it();
      if (i->Valid() && i->key().starts_with(prefix_)) {
        rocksdb::Slice k = i->key();
        uint32_t type = codec::GetBE32(k.data() + 8);
        entry_.other = codec::GetBE64(k.data() + 12);
        entry_.rel = codec::GetBE64(k.data() + 20);
        entry_.outgoing = phase_outgoing_;
        if (dir_ == Direction::kBoth && !phase_outgoing_ && entry_.other == node_) {
          i->Next();
          continue;
        }
        if (type != type_token_ || entry_.type.empty()) {
          type_token_ = type;
          entry_.type = Name(type);
        }
        valid_ = true;
        return;
      }
      valid_ = false;
      if (!i->status().ok()) {
        status_ = FromRocks(i->status(), "adjacency");
        return;
      }
      if (dir_ != Direction::kBoth || !phase_outgoing_) return;
      phase_outgoing_ = false;
      Start();
      return;
    }
  }

  // The name of type token `t`, kept per reader: a walk over many nodes switches between a few
  // types at every node, and the store's table takes a lock.
  const std::string& Name(uint32_t t) {
    if (t >= names_.size()) names_.resize(std::min<size_t>(t + 1, 1u << 16));
    if (t < names_.size()) {
      if (names_[t].empty()) names_[t] = store_->TokenName(t);
      return names_[t];
    }
    spare_ = store_->TokenName(t);
    return spare_;
  }

  const StoreImpl* store_;
  std::vector<std::string> names_;
  std::string spare_;
  rocksdb::ReadOptions ro_;
  std::unique_ptr<rocksdb::Iterator> out_, in_;
  NodeId node_ = 0;
  Direction dir_ = Direction::kOutgoing;
  std::string prefix_;
  bool phase_outgoing_ = true;
  bool valid_ = false;
  Adjacent entry_;
  uint32_t type_token_ = 0;
  Status status_;
};

}  // namespace

std::unique_ptr<AdjacencyReader> StoreImpl::NewAdjacencyReader(const Snapshot* snap) const {
  return std::make_unique<AdjacencyReaderImpl>(this, snap);
}

std::unique_ptr<AdjacencyCursor> StoreImpl::Neighbours(NodeId node, Direction direction,
                                                       std::string_view type,
                                                       const Snapshot* snap) const {
  std::string prefix;
  if (type.empty()) {
    prefix = keys::AdjacencyPrefix(node);
  } else {
    uint32_t tok;
    if (!LookupToken(type, &tok)) return std::make_unique<EmptyAdjacency>();
    prefix = keys::AdjacencyPrefix(node, tok);
  }
  return std::make_unique<AdjacencyCursorImpl>(this, node, direction, std::move(prefix), snap);
}

Status StoreImpl::ScanAdjacency(Direction direction, const std::vector<uint32_t>& types, NodeId lo,
                                NodeId hi,
                                const std::function<Status(const AdjacencyEntry*, size_t)>& visit,
                                const Snapshot* snap) const {
  if (direction == Direction::kBoth) return Status::InvalidInput("ScanAdjacency needs a direction");
  if (hi < lo) return Status::OK();
  rocksdb::ReadOptions ro;
  ro.snapshot = snap ? static_cast<const SnapshotImpl*>(snap)->get() : nullptr;
  // A whole-graph pass: read ahead, and leave the block cache to the lookups that come back.
  ro.fill_cache = false;
  ro.readahead_size = 2 << 20;
  std::string upper;
  rocksdb::Slice upper_slice;
  if (hi != UINT64_MAX) {
    upper = keys::Id(hi + 1);
    upper_slice = upper;
    ro.iterate_upper_bound = &upper_slice;
  }
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(ro, handles_[direction == Direction::kOutgoing ? keys::kOut : keys::kIn]));
  // Few types: a small linear search beats a set.
  auto wanted = [&types](uint32_t t) {
    if (types.empty()) return true;
    for (uint32_t w : types) {
      if (w == t) return true;
    }
    return false;
  };
  constexpr size_t kBatch = 4096;
  std::vector<AdjacencyEntry> batch;
  batch.reserve(kBatch);
  for (it->Seek(keys::Id(lo)); it->Valid(); it->Next()) {
    rocksdb::Slice k = it->key();
    if (k.size() < 28) continue;
    uint32_t type = codec::GetBE32(k.data() + 8);
    if (!wanted(type)) continue;
    batch.push_back({codec::GetBE64(k.data()), type, codec::GetBE64(k.data() + 12),
                     codec::GetBE64(k.data() + 20)});
    if (batch.size() == kBatch) {
      PARLEY_RETURN_IF_ERROR(visit(batch.data(), batch.size()));
      batch.clear();
    }
  }
  PARLEY_RETURN_IF_ERROR(FromRocks(it->status(), "adjacency scan"));
  if (!batch.empty()) PARLEY_RETURN_IF_ERROR(visit(batch.data(), batch.size()));
  return Status::OK();
}

Status StoreImpl::AdjacencyBounds(Direction direction, NodeId* first, NodeId* last, bool* empty,
                                  const Snapshot* snap) const {
  *first = *last = 0;
  *empty = true;
  if (direction == Direction::kBoth)
    return Status::InvalidInput("AdjacencyBounds needs a direction");
  rocksdb::ReadOptions ro;
  ro.snapshot = snap ? static_cast<const SnapshotImpl*>(snap)->get() : nullptr;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(ro, handles_[direction == Direction::kOutgoing ? keys::kOut : keys::kIn]));
  it->SeekToFirst();
  if (!it->Valid()) return FromRocks(it->status(), "adjacency bounds");
  if (it->key().size() < 8) return Status::Corruption("short adjacency key");
  *first = codec::GetBE64(it->key().data());
  it->SeekToLast();
  if (!it->Valid()) return FromRocks(it->status(), "adjacency bounds");
  *last = codec::GetBE64(it->key().data());
  *empty = false;
  return Status::OK();
}

// ---------------------------------------------------------------------------- stats

Status StoreImpl::GetStats(GraphStats* stats, const Snapshot* snap) const {
  *stats = GraphStats();
  for (auto it = Prefix(keys::kMeta, "count:", snap); it->Valid(); it->Next()) {
    std::string_view k = it->key().ToStringView();
    int64_t v = DecodeI64(it->value().ToStringView());
    if (k.starts_with(kCountLabel)) {
      stats->labels[std::string(k.substr(kCountLabel.size()))] = v;
    } else if (k.starts_with(kCountType)) {
      stats->types[std::string(k.substr(kCountType.size()))] = v;
    } else if (k.starts_with(kCountStart) || k.starts_with(kCountEnd)) {
      bool start = k.starts_with(kCountStart);
      std::string_view rest = k.substr(start ? kCountStart.size() : kCountEnd.size());
      size_t nul = rest.find('\0');
      if (nul == std::string_view::npos) continue;
      auto& m = start ? stats->starts : stats->ends;
      m[{std::string(rest.substr(0, nul)), std::string(rest.substr(nul + 1))}] = v;
    } else if (k == kCountNodes) {
      stats->nodes = v;
    } else if (k == kCountRels) {
      stats->relationships = v;
    } else if (k == kCountArticles) {
      stats->articles = v;
    }
  }
  return Status::OK();
}

// ---------------------------------------------------------------------------- write steps

Status StoreImpl::ReadNode(Txn* t, NodeId id, Node* n, bool* found) {
  std::string v;
  PARLEY_RETURN_IF_ERROR(t->Get(keys::kNodes, keys::Id(id), &v, found));
  if (!*found) return Status::OK();
  n->id = id;
  return DecodeNode(v, n, t);
}

Status StoreImpl::ReadRel(Txn* t, RelId id, Relationship* r, bool* found) {
  std::string v;
  PARLEY_RETURN_IF_ERROR(t->Get(keys::kRels, keys::Id(id), &v, found));
  if (!*found) return Status::OK();
  r->id = id;
  return DecodeRel(v, r, t);
}

Status StoreImpl::WriteIndexEntries(Txn* t, const Node& n, bool remove) {
  for (const auto& label : n.labels) {
    for (const auto& [key, value] : n.properties) {
      if (!indexes_.count(IndexName(label, key))) continue;
      uint32_t lt, kt;
      PARLEY_RETURN_IF_ERROR(t->TokenFor(label, &lt));
      PARLEY_RETURN_IF_ERROR(t->TokenFor(key, &kt));
      auto write = [&](const Value& v, std::string_view mark) {
        if (v.is_null()) return;
        std::string k = keys::Property(lt, kt, v, n.id);
        if (remove) {
          t->Delete(keys::kProps, k);
        } else {
          t->Put(keys::kProps, k, mark);
        }
      };
      if (value.is_list()) {
        for (const Value& item : value.as_list()) write(item, "");
      } else {
        write(value, keys::kScalarEntry);
      }
    }
  }
  return Status::OK();
}

void StoreImpl::UpdateText(Txn* t, char kind, uint64_t id, const PropertyMap* before,
                           const PropertyMap* after) {
  if (text_enabled_) t->NoteText(kind, id, before, after);
}

Status StoreImpl::PutNode(Txn* t, const GraphBatch::Op& op) {
  Node cur;
  bool found;
  PARLEY_RETURN_IF_ERROR(ReadNode(t, op.id, &cur, &found));
  Node next = found ? cur : Node{op.id, {}, {}};
  for (const auto& l : op.labels) {
    if (l.empty()) return Status::InvalidInput("empty label on node " + std::to_string(op.id));
    if (std::find(next.labels.begin(), next.labels.end(), l) == next.labels.end()) {
      next.labels.push_back(l);
    }
  }
  std::sort(next.labels.begin(), next.labels.end());
  bool props_changed = MergeProperties(&next.properties, op.properties);
  if (found && !props_changed && next.labels == cur.labels) return Status::OK();
  if (found) PARLEY_RETURN_IF_ERROR(WriteIndexEntries(t, cur, /*remove=*/true));
  PARLEY_RETURN_IF_ERROR(WriteIndexEntries(t, next, /*remove=*/false));
  UpdateText(t, fulltext::kNodeKind, op.id, found ? &cur.properties : nullptr, &next.properties);
  for (const auto& l : next.labels) {
    if (found && std::find(cur.labels.begin(), cur.labels.end(), l) != cur.labels.end()) continue;
    uint32_t lt;
    PARLEY_RETURN_IF_ERROR(t->TokenFor(l, &lt));
    t->Put(keys::kLabels, keys::Label(lt, op.id), "");
    t->AddCount(std::string(kCountLabel) + l, 1);
    // The node's relationships now start or end at a node with this label too.
    if (found) {
      for (int cf : {keys::kOut, keys::kIn}) {
        std::vector<std::string> rest;
        PARLEY_RETURN_IF_ERROR(t->ScanKeys(cf, keys::AdjacencyPrefix(op.id), &rest));
        for (const auto& suffix : rest) {
          std::string type = t->NameOf(codec::GetBE32(suffix.data()));
          t->AddCount(PatternKey(cf == keys::kOut ? kCountStart : kCountEnd, type, l), 1);
        }
      }
    }
  }
  if (!found) t->AddCount(std::string(kCountNodes), 1);
  std::string v;
  PARLEY_RETURN_IF_ERROR(EncodeNode(t, next, &v));
  t->Put(keys::kNodes, keys::Id(op.id), v);
  return Status::OK();
}

Status StoreImpl::SetNodeProperty(Txn* t, const GraphBatch::Op& op) {
  Node cur;
  bool found;
  PARLEY_RETURN_IF_ERROR(ReadNode(t, op.id, &cur, &found));
  if (!found) return Status::NotFound("no node " + std::to_string(op.id));
  Node next = cur;
  if (op.value.is_null()) {
    next.properties.erase(op.type);
  } else {
    next.properties[op.type] = op.value;
  }
  PARLEY_RETURN_IF_ERROR(WriteIndexEntries(t, cur, true));
  PARLEY_RETURN_IF_ERROR(WriteIndexEntries(t, next, false));
  UpdateText(t, fulltext::kNodeKind, op.id, &cur.properties, &next.properties);
  std::string v;
  PARLEY_RETURN_IF_ERROR(EncodeNode(t, next, &v));
  t->Put(keys::kNodes, keys::Id(op.id), v);
  return Status::OK();
}

Status StoreImpl::CountNodePatterns(Txn* t, NodeId id, const std::string& label, int64_t delta) {
  for (int cf : {keys::kOut, keys::kIn}) {
    std::vector<std::string> rest;
    PARLEY_RETURN_IF_ERROR(t->ScanKeys(cf, keys::AdjacencyPrefix(id), &rest));
    for (const auto& suffix : rest) {
      std::string type = t->NameOf(codec::GetBE32(suffix.data()));
      t->AddCount(PatternKey(cf == keys::kOut ? kCountStart : kCountEnd, type, label), delta);
    }
  }
  return Status::OK();
}

Status StoreImpl::ReplaceNode(Txn* t, const GraphBatch::Op& op) {
  Node cur;
  bool found;
  PARLEY_RETURN_IF_ERROR(ReadNode(t, op.id, &cur, &found));
  if (!found) return Status::NotFound("no node " + std::to_string(op.id));
  Node next{op.id, op.labels, {}};
  for (const auto& l : next.labels) {
    if (l.empty()) return Status::InvalidInput("empty label on node " + std::to_string(op.id));
  }
  std::sort(next.labels.begin(), next.labels.end());
  next.labels.erase(std::unique(next.labels.begin(), next.labels.end()), next.labels.end());
  for (const auto& [key, value] : op.properties) {
    if (!value.is_null()) next.properties.emplace(key, value);
  }
  if (next.labels == cur.labels && next.properties == cur.properties) return Status::OK();
  PARLEY_RETURN_IF_ERROR(WriteIndexEntries(t, cur, /*remove=*/true));
  PARLEY_RETURN_IF_ERROR(WriteIndexEntries(t, next, /*remove=*/false));
  UpdateText(t, fulltext::kNodeKind, op.id, &cur.properties, &next.properties);
  auto has = [](const std::vector<std::string>& v, const std::string& l) {
    return std::binary_search(v.begin(), v.end(), l);
  };
  for (const auto& l : cur.labels) {
    if (has(next.labels, l)) continue;
    uint32_t lt;
    PARLEY_RETURN_IF_ERROR(t->TokenFor(l, &lt));
    t->Delete(keys::kLabels, keys::Label(lt, op.id));
    t->AddCount(std::string(kCountLabel) + l, -1);
    PARLEY_RETURN_IF_ERROR(CountNodePatterns(t, op.id, l, -1));
  }
  for (const auto& l : next.labels) {
    if (has(cur.labels, l)) continue;
    uint32_t lt;
    PARLEY_RETURN_IF_ERROR(t->TokenFor(l, &lt));
    t->Put(keys::kLabels, keys::Label(lt, op.id), "");
    t->AddCount(std::string(kCountLabel) + l, 1);
    PARLEY_RETURN_IF_ERROR(CountNodePatterns(t, op.id, l, 1));
  }
  std::string v;
  PARLEY_RETURN_IF_ERROR(EncodeNode(t, next, &v));
  t->Put(keys::kNodes, keys::Id(op.id), v);
  return Status::OK();
}

Status StoreImpl::ReplaceRel(Txn* t, const GraphBatch::Op& op) {
  Relationship cur;
  bool found;
  PARLEY_RETURN_IF_ERROR(ReadRel(t, op.id, &cur, &found));
  if (!found) return Status::NotFound("no relationship " + std::to_string(op.id));
  PropertyMap before = std::move(cur.properties);
  cur.properties.clear();
  for (const auto& [key, value] : op.properties) {
    if (!value.is_null()) cur.properties.emplace(key, value);
  }
  UpdateText(t, fulltext::kRelationshipKind, op.id, &before, &cur.properties);
  std::string v;
  PARLEY_RETURN_IF_ERROR(EncodeRel(t, cur, &v));
  t->Put(keys::kRels, keys::Id(op.id), v);
  return Status::OK();
}

Status StoreImpl::PutRel(Txn* t, const GraphBatch::Op& op) {
  if (op.type.empty())
    return Status::InvalidInput("relationship " + std::to_string(op.id) + " has no type");
  Relationship cur;
  bool found;
  PARLEY_RETURN_IF_ERROR(ReadRel(t, op.id, &cur, &found));
  if (found) {
    if (cur.type != op.type || cur.start != op.start || cur.end != op.end) {
      return Status::InvalidInput("relationship id " + std::to_string(op.id) +
                                  " is already used by another relationship");
    }
    PropertyMap before = cur.properties;
    if (!MergeProperties(&cur.properties, op.properties)) return Status::OK();
    UpdateText(t, fulltext::kRelationshipKind, op.id, &before, &cur.properties);
    std::string v;
    PARLEY_RETURN_IF_ERROR(EncodeRel(t, cur, &v));
    t->Put(keys::kRels, keys::Id(op.id), v);
    return Status::OK();
  }
  for (NodeId end : {op.start, op.end}) {
    std::string record;
    bool exists;
    PARLEY_RETURN_IF_ERROR(t->Get(keys::kNodes, keys::Id(end), &record, &exists));
    if (!exists) {
      return Status::InvalidInput(op.type + " relationship " + std::to_string(op.id) +
                                  " refers to missing node " + std::to_string(end));
    }
  }
  PARLEY_RETURN_IF_ERROR(CountPatterns(t, op.type, op.start, op.end, 1));
  Relationship r{op.id, op.type, op.start, op.end, {}};
  MergeProperties(&r.properties, op.properties);
  UpdateText(t, fulltext::kRelationshipKind, op.id, nullptr, &r.properties);
  uint32_t tok;
  PARLEY_RETURN_IF_ERROR(t->TokenFor(op.type, &tok));
  std::string v;
  PARLEY_RETURN_IF_ERROR(EncodeRel(t, r, &v));
  t->Put(keys::kRels, keys::Id(op.id), v);
  t->Put(keys::kOut, keys::Adjacency(op.start, tok, op.end, op.id), "");
  t->Put(keys::kIn, keys::Adjacency(op.end, tok, op.start, op.id), "");
  t->AddCount(std::string(kCountType) + op.type, 1);
  t->AddCount(std::string(kCountRels), 1);
  return Status::OK();
}

Status StoreImpl::NodeLabels(Txn* t, NodeId id, std::vector<std::string>* labels) {
  labels->clear();
  std::string record;
  bool found;
  PARLEY_RETURN_IF_ERROR(t->Get(keys::kNodes, keys::Id(id), &record, &found));
  if (!found) return Status::OK();
  return records::DecodeNodeLabels(record,
                                   [&](uint32_t tok) { labels->push_back(t->NameOf(tok)); });
}

Status StoreImpl::CountPatterns(Txn* t, const std::string& type, NodeId start, NodeId end,
                                int64_t delta) {
  std::vector<std::string> labels;
  PARLEY_RETURN_IF_ERROR(NodeLabels(t, start, &labels));
  for (const auto& l : labels) t->AddCount(PatternKey(kCountStart, type, l), delta);
  PARLEY_RETURN_IF_ERROR(NodeLabels(t, end, &labels));
  for (const auto& l : labels) t->AddCount(PatternKey(kCountEnd, type, l), delta);
  return Status::OK();
}

Status StoreImpl::RecountPatterns() {
  // One pass over each adjacency family in key order; the node whose relationships are being
  // counted changes in ascending id order, so a forward iterator over the nodes follows along.
  std::map<std::pair<uint32_t, uint32_t>, int64_t> counts[2];  // (type, label) per side
  for (int side = 0; side < 2; ++side) {
    rocksdb::ReadOptions ro;
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(ro, handles_[side ? keys::kIn : keys::kOut]));
    std::unique_ptr<rocksdb::Iterator> nodes(db_->NewIterator(ro, handles_[keys::kNodes]));
    NodeId current = 0;
    bool have = false;
    std::vector<uint32_t> labels;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      rocksdb::Slice k = it->key();
      if (k.size() < 28) continue;
      NodeId node = codec::GetBE64(k.data());
      if (!have || node != current) {
        current = node;
        have = true;
        labels.clear();
        std::string id = keys::Id(node);
        nodes->Seek(id);
        if (nodes->Valid() && nodes->key() == id) {
          PARLEY_RETURN_IF_ERROR(records::DecodeNodeLabels(
              nodes->value().ToStringView(), [&](uint32_t tok) { labels.push_back(tok); }));
        }
      }
      uint32_t type = codec::GetBE32(k.data() + 8);
      for (uint32_t l : labels) ++counts[side][{type, l}];
    }
    PARLEY_RETURN_IF_ERROR(FromRocks(it->status(), "counting patterns"));
  }
  rocksdb::WriteBatch wb;
  for (std::string_view prefix : {kCountStart, kCountEnd}) {
    for (auto it = Prefix(keys::kMeta, std::string(prefix), nullptr); it->Valid(); it->Next()) {
      wb.Delete(handles_[keys::kMeta], it->key());
    }
  }
  for (int side = 0; side < 2; ++side) {
    for (const auto& [key, n] : counts[side]) {
      wb.Put(
          handles_[keys::kMeta],
          PatternKey(side ? kCountEnd : kCountStart, TokenName(key.first), TokenName(key.second)),
          EncodeI64(n));
    }
  }
  return WriteFailed(db_->Write(rocksdb::WriteOptions(), &wb), dir_);
}

Status StoreImpl::DropOwners(Txn* t, ElementKind kind, uint64_t id) {
  std::vector<std::string> owners;
  PARLEY_RETURN_IF_ERROR(t->ScanKeys(keys::kOwners, keys::OwnersPrefix(kind, id), &owners));
  for (const auto& article : owners) {
    t->Delete(keys::kOwners, keys::Owner(kind, id, article));
    t->Delete(keys::kContrib, keys::Contrib(article, kind, id));
  }
  return Status::OK();
}

Status StoreImpl::DeleteRel(Txn* t, RelId id) {
  Relationship r;
  bool found;
  PARLEY_RETURN_IF_ERROR(ReadRel(t, id, &r, &found));
  if (!found) return Status::OK();
  uint32_t tok;
  PARLEY_RETURN_IF_ERROR(t->TokenFor(r.type, &tok));
  PARLEY_RETURN_IF_ERROR(CountPatterns(t, r.type, r.start, r.end, -1));
  UpdateText(t, fulltext::kRelationshipKind, id, &r.properties, nullptr);
  t->Delete(keys::kRels, keys::Id(id));
  t->Delete(keys::kOut, keys::Adjacency(r.start, tok, r.end, id));
  t->Delete(keys::kIn, keys::Adjacency(r.end, tok, r.start, id));
  t->AddCount(std::string(kCountType) + r.type, -1);
  t->AddCount(std::string(kCountRels), -1);
  return DropOwners(t, ElementKind::kRel, id);
}

Status StoreImpl::DeleteNode(Txn* t, NodeId id, bool detach) {
  Node n;
  bool found;
  PARLEY_RETURN_IF_ERROR(ReadNode(t, id, &n, &found));
  if (!found) return Status::OK();
  for (int cf : {keys::kOut, keys::kIn}) {
    std::vector<std::string> rest;
    PARLEY_RETURN_IF_ERROR(t->ScanKeys(cf, keys::AdjacencyPrefix(id), &rest));
    if (!rest.empty() && !detach) {
      return Status::InvalidInput("node " + std::to_string(id) +
                                  " still has relationships (use DETACH DELETE)");
    }
    for (const auto& suffix : rest) {
      PARLEY_RETURN_IF_ERROR(DeleteRel(t, codec::GetBE64(suffix.data() + 12)));
    }
  }
  PARLEY_RETURN_IF_ERROR(WriteIndexEntries(t, n, true));
  UpdateText(t, fulltext::kNodeKind, id, &n.properties, nullptr);
  for (const auto& l : n.labels) {
    uint32_t lt;
    PARLEY_RETURN_IF_ERROR(t->TokenFor(l, &lt));
    t->Delete(keys::kLabels, keys::Label(lt, id));
    t->AddCount(std::string(kCountLabel) + l, -1);
  }
  t->Delete(keys::kNodes, keys::Id(id));
  t->AddCount(std::string(kCountNodes), -1);
  return DropOwners(t, ElementKind::kNode, id);
}

Status StoreImpl::ApplyOps(Txn* t, const GraphBatch& batch, const std::string* owner) {
  for (const auto& op : batch.ops()) {
    switch (op.kind) {
      case GraphBatch::Op::kPutNode:
        PARLEY_RETURN_IF_ERROR(PutNode(t, op));
        break;
      case GraphBatch::Op::kPutRel:
        PARLEY_RETURN_IF_ERROR(PutRel(t, op));
        break;
      case GraphBatch::Op::kSetNodeProperty:
        PARLEY_RETURN_IF_ERROR(SetNodeProperty(t, op));
        break;
      case GraphBatch::Op::kDeleteRel:
        PARLEY_RETURN_IF_ERROR(DeleteRel(t, op.id));
        break;
      case GraphBatch::Op::kDeleteNode:
        PARLEY_RETURN_IF_ERROR(DeleteNode(t, op.id, op.detach));
        break;
      case GraphBatch::Op::kReplaceNode:
        PARLEY_RETURN_IF_ERROR(ReplaceNode(t, op));
        break;
      case GraphBatch::Op::kReplaceRel:
        PARLEY_RETURN_IF_ERROR(ReplaceRel(t, op));
        break;
    }
    if (owner && (op.kind == GraphBatch::Op::kPutNode || op.kind == GraphBatch::Op::kPutRel)) {
      ElementKind kind =
          op.kind == GraphBatch::Op::kPutNode ? ElementKind::kNode : ElementKind::kRel;
      t->Put(keys::kOwners, keys::Owner(kind, op.id, *owner), "");
      t->Put(keys::kContrib, keys::Contrib(*owner, kind, op.id), "");
    }
  }
  return Status::OK();
}

Status StoreImpl::WithdrawArticle(Txn* t, const std::string& id) {
  std::vector<std::string> contributed;
  PARLEY_RETURN_IF_ERROR(t->ScanKeys(keys::kContrib, keys::ContribPrefix(id), &contributed));
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  for (const auto& suffix : contributed) {
    auto kind = static_cast<ElementKind>(suffix[0]);
    uint64_t eid = codec::GetBE64(suffix.data() + 1);
    t->Delete(keys::kContrib, keys::Contrib(id, kind, eid));
    t->Delete(keys::kOwners, keys::Owner(kind, eid, id));
    (kind == ElementKind::kNode ? nodes : rels).push_back(eid);
  }
  // Relationships first, so that nodes left without owners are also left without edges.
  std::vector<std::string> rest;
  for (RelId r : rels) {
    PARLEY_RETURN_IF_ERROR(
        t->ScanKeys(keys::kOwners, keys::OwnersPrefix(ElementKind::kRel, r), &rest));
    if (rest.empty()) PARLEY_RETURN_IF_ERROR(DeleteRel(t, r));
  }
  for (NodeId n : nodes) {
    PARLEY_RETURN_IF_ERROR(
        t->ScanKeys(keys::kOwners, keys::OwnersPrefix(ElementKind::kNode, n), &rest));
    if (!rest.empty()) continue;
    std::vector<std::string> out, in;
    PARLEY_RETURN_IF_ERROR(t->ScanKeys(keys::kOut, keys::AdjacencyPrefix(n), &out));
    PARLEY_RETURN_IF_ERROR(t->ScanKeys(keys::kIn, keys::AdjacencyPrefix(n), &in));
    // A node that facts added by hand still point at stays, without an owner.
    if (out.empty() && in.empty()) PARLEY_RETURN_IF_ERROR(DeleteNode(t, n, false));
  }
  return Status::OK();
}

Status StoreImpl::Apply(const GraphBatch& batch) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  Txn t(this);
  PARLEY_RETURN_IF_ERROR(ApplyOps(&t, batch, nullptr));
  return t.Commit();
}

Status StoreImpl::ApplyOwned(const GraphBatch& batch,
                             const std::map<RelId, std::vector<std::string>>& rel_owners) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  Txn t(this);
  PARLEY_RETURN_IF_ERROR(ApplyOps(&t, batch, nullptr));
  for (const auto& op : batch.ops()) {
    if (op.kind != GraphBatch::Op::kPutRel) continue;
    auto it = rel_owners.find(op.id);
    if (it == rel_owners.end()) continue;
    for (const auto& article : it->second) {
      t.Put(keys::kOwners, keys::Owner(ElementKind::kRel, op.id, article), "");
      t.Put(keys::kContrib, keys::Contrib(article, ElementKind::kRel, op.id), "");
    }
  }
  return t.Commit();
}

Status StoreImpl::WriteArticle(const ArticleRecord& article, const GraphBatch& facts,
                               ArticleOutcome* outcome) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  if (article.id.empty()) return Status::InvalidInput("article without an id");
  std::lock_guard lock(write_mu_);
  Txn t(this);
  std::string v;
  bool found;
  PARLEY_RETURN_IF_ERROR(t.Get(keys::kArticles, article.id, &v, &found));
  if (found) {
    ArticleRecord old;
    PARLEY_RETURN_IF_ERROR(records::DecodeArticle(article.id, v, &old));
    if (old.facts_hash == article.facts_hash) {
      *outcome = ArticleOutcome::kUnchanged;
      return Status::OK();
    }
    PARLEY_RETURN_IF_ERROR(WithdrawArticle(&t, article.id));
  } else {
    t.AddCount(std::string(kCountArticles), 1);
  }
  PARLEY_RETURN_IF_ERROR(ApplyOps(&t, facts, &article.id));
  std::string record;
  records::EncodeArticle(article, &record);
  t.Put(keys::kArticles, article.id, record);
  PARLEY_RETURN_IF_ERROR(t.Commit());
  *outcome = found ? ArticleOutcome::kReplaced : ArticleOutcome::kAdded;
  return Status::OK();
}

Status StoreImpl::RemoveArticle(std::string_view id) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  Txn t(this);
  std::string v;
  bool found;
  std::string key(id);
  PARLEY_RETURN_IF_ERROR(t.Get(keys::kArticles, key, &v, &found));
  if (!found) return Status::NotFound("no article " + key);
  PARLEY_RETURN_IF_ERROR(WithdrawArticle(&t, key));
  t.Delete(keys::kArticles, key);
  t.AddCount(std::string(kCountArticles), -1);
  return t.Commit();
}

Status StoreImpl::CreateIndex(std::string_view label, std::string_view key) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  if (IsIndexed(label, key)) return Status::OK();
  std::lock_guard lock(write_mu_);
  {
    std::unique_lock tl(tokens_mu_);
    indexes_.insert(IndexName(label, key));
  }
  Txn t(this);
  t.Put(keys::kMeta, std::string(kIndexPrefix) + IndexName(label, key), "");
  // Backfill: index the property on every node that already has the label.
  std::unique_ptr<IdCursor> c = ScanLabel(label, nullptr);
  for (; c->Valid(); c->Next()) {
    Node n;
    bool found;
    PARLEY_RETURN_IF_ERROR(ReadNode(&t, c->id(), &n, &found));
    if (!found) continue;
    Node only{n.id, {std::string(label)}, {}};
    if (auto it = n.properties.find(key); it != n.properties.end()) {
      only.properties.emplace(it->first, it->second);
    }
    PARLEY_RETURN_IF_ERROR(WriteIndexEntries(&t, only, false));
  }
  PARLEY_RETURN_IF_ERROR(c->status());
  Status s = t.Commit();
  if (!s.ok()) {
    std::unique_lock tl(tokens_mu_);
    indexes_.erase(IndexName(label, key));
  }
  return s;
}

Status StoreImpl::PutSetting(std::string_view name, std::string_view value) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  Txn t(this);
  t.Put(keys::kMeta, std::string(kSettingPrefix) + std::string(name), value);
  return t.Commit();
}

Status StoreImpl::AllocateId(uint64_t* id) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  Txn t(this);
  std::string v;
  bool found;
  PARLEY_RETURN_IF_ERROR(t.Get(keys::kMeta, std::string(kNextId), &v, &found));
  int64_t next = found ? DecodeI64(v) : 1;
  t.Put(keys::kMeta, std::string(kNextId), EncodeI64(next + 1));
  PARLEY_RETURN_IF_ERROR(t.Commit());
  // Hashed into the same space as canonical ids, so hand-made ids never form a dense range
  // that canonical ones could run into more often than chance.
  *id = IdFor("created:" + std::to_string(next));
  return Status::OK();
}

Status StoreImpl::Token(std::string_view name, uint32_t* token) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  if (LookupToken(name, token)) return Status::OK();
  std::lock_guard lock(write_mu_);
  Txn t(this);
  PARLEY_RETURN_IF_ERROR(t.TokenFor(name, token));
  return t.Commit();
}

Status StoreImpl::IngestFiles(const std::vector<std::vector<std::string>>& files_per_cf,
                              const std::map<std::string, int64_t>& label_counts,
                              const std::map<std::string, int64_t>& type_counts, int64_t nodes,
                              int64_t relationships, int64_t articles,
                              const fulltext::CollectionStats& text) {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  for (size_t cf = 0; cf < files_per_cf.size() && cf < handles_.size(); ++cf) {
    if (files_per_cf[cf].empty()) continue;
    rocksdb::IngestExternalFileOptions io;
    io.move_files = true;
    PARLEY_RETURN_IF_ERROR(
        WriteFailed(db_->IngestExternalFile(handles_[cf], files_per_cf[cf], io), dir_));
  }
  Txn t(this);
  for (const auto& [l, n] : label_counts) t.AddCount(std::string(kCountLabel) + l, n);
  for (const auto& [ty, n] : type_counts) t.AddCount(std::string(kCountType) + ty, n);
  t.AddCount(std::string(kCountNodes), nodes);
  t.AddCount(std::string(kCountRels), relationships);
  if (articles) t.AddCount(std::string(kCountArticles), articles);
  t.AddCount(std::string(kCountTextDocuments), text.documents);
  t.AddCount(std::string(kCountTextWords), text.words);
  PARLEY_RETURN_IF_ERROR(t.Commit());
  return RecountPatterns();
}

// ---------------------------------------------------------------------------- full text

Status StoreImpl::SearchText(std::string_view query, size_t limit, std::vector<fulltext::Hit>* hits,
                             const Snapshot* snap) const {
  hits->clear();
  if (!handles_[keys::kFulltext] || text_index_version_ != fulltext::kIndexVersion) {
    return Status::Incompatible("database " + dir_ +
                                " has no full-text index (it was written by an older parley); "
                                "run `parley reindex --db " +
                                dir_ + "` to build it");
  }
  fulltext::Query parsed;
  PARLEY_RETURN_IF_ERROR(fulltext::ParseQuery(query, &parsed));
  // Counters and postings from one view of the store.
  std::unique_ptr<Snapshot> own;
  if (!snap) {
    own = GetSnapshot();
    snap = own.get();
  }
  fulltext::CollectionStats stats;
  for (auto [key, out] : {std::pair{kCountTextDocuments, &stats.documents},
                          std::pair{kCountTextWords, &stats.words}}) {
    std::string v;
    Status s = GetRaw(keys::kMeta, std::string(key), &v, snap, "counter");
    if (s.ok()) {
      *out = DecodeI64(v);
    } else if (!s.IsNotFound()) {
      return s;
    }
  }
  auto read = [&](std::string_view word,
                  const std::function<Status(fulltext::Posting &&)>& visit) -> Status {
    std::string prefix = fulltext::WordPrefix(word);
    auto it = Prefix(keys::kFulltext, prefix, snap);
    for (; it->Valid(); it->Next()) {
      fulltext::Posting p;
      PARLEY_RETURN_IF_ERROR(fulltext::DecodePosting(it->key().ToStringView(), prefix.size(),
                                                     it->value().ToStringView(), &p));
      PARLEY_RETURN_IF_ERROR(visit(std::move(p)));
    }
    return it->status();
  };
  // The lengths through one iterator, not a Get each: the family's memtable (a vector, see
  // OpenDb) sorts a copy of itself for every read.
  std::unique_ptr<PrefixIterator> lengths;
  auto length_of = [&](char kind, uint64_t id, uint32_t* length) -> Status {
    if (!lengths) lengths = Prefix(keys::kFulltext, std::string(fulltext::kLengthPrefix), snap);
    const std::string key = fulltext::LengthKey(kind, id);
    lengths->Seek(key);
    if (!lengths->Valid() || lengths->key() != rocksdb::Slice(key)) {
      PARLEY_RETURN_IF_ERROR(lengths->status());
      return Status::Corruption("database " + dir_ +
                                ": a full-text index entry has no document length (run `parley "
                                "reindex --db " +
                                dir_ + "`)");
    }
    return fulltext::DecodeLength(lengths->value().ToStringView(), length);
  };
  return fulltext::Rank(parsed, stats, read, length_of, limit, hits);
}

Status StoreImpl::RebuildTextIndex() {
  PARLEY_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  rocksdb::ColumnFamilyHandle* cf = handles_[keys::kFulltext];
  rocksdb::ColumnFamilyHandle* meta = handles_[keys::kMeta];
  // First the old index goes, with its version: until the last write below, the store has
  // none (an interrupted rebuild is made again at the next open for writing).
  {
    rocksdb::WriteBatch wb;
    wb.Delete(meta, std::string(kTextIndexVersion));
    wb.Delete(meta, std::string(kCountTextDocuments));
    wb.Delete(meta, std::string(kCountTextWords));
    // Words are UTF-8, whose bytes are never 0xff.
    wb.DeleteRange(cf, std::string(), std::string(1, '\xff'));
    PARLEY_RETURN_IF_ERROR(WriteFailed(db_->Write(rocksdb::WriteOptions(), &wb), dir_));
    text_index_version_ = 0;
  }
  fulltext::CollectionStats stats;
  rocksdb::WriteBatch wb;
  auto add = [&](char kind, uint64_t id, const PropertyMap& props) -> Status {
    fulltext::Document doc = fulltext::DocumentOf(props);
    if (doc.empty()) return Status::OK();
    ++stats.documents;
    stats.words += doc.length;
    wb.Put(cf, fulltext::LengthKey(kind, id), fulltext::EncodeLength(doc.length));
    for (const auto& [word, positions] : doc.words) {
      wb.Put(cf, fulltext::PostingKey(word, kind, id), fulltext::EncodePosting(positions));
    }
    // Writes of bounded size: a big store is not rebuilt in one batch held in memory.
    if (wb.GetDataSize() < (size_t{32} << 20)) return Status::OK();
    Status s = WriteFailed(db_->Write(rocksdb::WriteOptions(), &wb), dir_);
    wb.Clear();
    return s;
  };
  PARLEY_RETURN_IF_ERROR(ForEachNode(
      [&](const Node& n) { return add(fulltext::kNodeKind, n.id, n.properties); }, nullptr));
  PARLEY_RETURN_IF_ERROR(ForEachRelationship(
      [&](const Relationship& r) { return add(fulltext::kRelationshipKind, r.id, r.properties); },
      nullptr));
  if (stats.documents) wb.Put(meta, std::string(kCountTextDocuments), EncodeI64(stats.documents));
  if (stats.words) wb.Put(meta, std::string(kCountTextWords), EncodeI64(stats.words));
  wb.Put(meta, std::string(kTextIndexVersion), std::to_string(fulltext::kIndexVersion));
  PARLEY_RETURN_IF_ERROR(WriteFailed(db_->Write(rocksdb::WriteOptions(), &wb), dir_));
  text_index_version_ = fulltext::kIndexVersion;
  return Status::OK();
}

}  // namespace parley

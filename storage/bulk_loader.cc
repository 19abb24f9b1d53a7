// BulkLoader: external sort of the store's entries into SST files. See bulk_loader.h.
//
// Pipeline:
//   Add*    the caller's thread interns names, encodes each element's entries (the same bytes
//           graph_store.cc writes, through records.h and the codec) and appends them to the
//           active Batch: a bump-allocated arena of records plus one index of 24-byte items
//           (16-byte key prefix, tagged record address) that sorts without touching the arena.
//   spill   when the active batch reaches half the memory budget it is handed to a helper
//           thread, which groups its items by column family, sorts each family (radix) and
//           writes it to a run file with a sparse index of every 4096th key, while the caller
//           fills the other batch. Two batches alternate, so memory stays within the budget;
//           a caller that fills its batch before the spill is done helps with it.
//   Finish  the last batch stays in memory and is sorted. Each column family is cut into key
//           ranges at quantiles of the runs' sparse indexes, so that both cores have work to
//           the end even though three families hold most entries; each range is a k-way merge
//           of its slice of every run and of the in-memory batch into its own SSTs. Ranges do
//           not overlap, so all SSTs of a family are ingested together.
#include "storage/bulk_loader.h"

#include <fcntl.h>
#include <rocksdb/convenience.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <thread>
#include <unordered_map>

#include "storage/codec.h"
#include "storage/fulltext_index.h"
#include "storage/keys.h"
#include "storage/records.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// The column families a load writes.
constexpr int kLoadedCfs[] = {keys::kNodes,   keys::kRels,  keys::kOut,      keys::kIn,
                              keys::kLabels,  keys::kProps, keys::kFulltext, keys::kArticles,
                              keys::kContrib, keys::kOwners};
constexpr int kNumCfs = keys::kNumColumnFamilies;

// Read buffer of each run while merging, and the most runs merged at once (more runs are first
// merged into bigger runs), which together bound the merge's memory.
constexpr size_t kRunBufferBytes = size_t{1} << 20;
constexpr size_t kMaxFanIn = 32;
// Write buffer of a run file.
constexpr size_t kRunWriteBytes = size_t{1} << 20;
// A run remembers every kIndexEvery-th key and its offset: where a key range starts, and the
// sample from which ranges of about equal size are chosen.
constexpr uint64_t kIndexEvery = 4096;
// Fewest entries worth a key range of their own.
constexpr uint64_t kMinRangeEntries = uint64_t{1} << 18;

inline void StoreBE64(char* p, uint64_t v) {
  v = __builtin_bswap64(v);
  std::memcpy(p, &v, 8);
}

inline void StoreBE32(char* p, uint32_t v) {
  v = __builtin_bswap32(v);
  std::memcpy(p, &v, 4);
}

inline uint64_t LoadBE64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}

// ---------------------------------------------------------------------------- records
//
// An entry, in memory and in run files alike: varint key length, varint value length, key,
// value. Lengths are below 2^32 and the bytes are our own, so decoding needs no bounds checks.

inline size_t VarintLength(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

inline char* PutVarintRaw(char* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

inline const char* GetVarintRaw(const char* p, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0;; shift += 7) {
    uint8_t b = static_cast<uint8_t>(*p++);
    result |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) break;
  }
  *v = result;
  return p;
}

struct EntryView {
  std::string_view key, value;
};

inline EntryView DecodeRecord(const char* rec) {
  uint64_t klen, vlen;
  rec = GetVarintRaw(rec, &klen);
  rec = GetVarintRaw(rec, &vlen);
  return {{rec, klen}, {rec + klen, vlen}};
}

// The first 16 key bytes as two big-endian numbers, zero-padded. Keys compare by them first
// and only on a tie by the whole key: 16 bytes tell apart the adjacency entries of one node
// (id, type and most of the other end), so ties are rare.
struct Prefix {
  uint64_t hi = 0, lo = 0;
  bool operator==(const Prefix&) const = default;
  bool operator<(const Prefix& o) const { return hi != o.hi ? hi < o.hi : lo < o.lo; }
};

inline Prefix KeyPrefix(std::string_view k) {
  if (k.size() >= 16) return {LoadBE64(k.data()), LoadBE64(k.data() + 8)};
  char buf[16] = {};
  if (!k.empty()) std::memcpy(buf, k.data(), k.size());
  return {LoadBE64(buf), LoadBE64(buf + 8)};
}

// Bytewise key order, prefix first.
inline bool KeyLess(const Prefix& pa, std::string_view a, const Prefix& pb, std::string_view b) {
  if (!(pa == pb)) return pa < pb;
  return a < b;
}

// One entry of a batch's sort index: the key's prefix and the record's address, with the
// record's column family in the address's top byte, which user-space addresses leave zero on
// the 64-bit platforms Parley builds for (Batch checks the memory it gets). That keeps
// an item at 24 bytes and lets one array hold every family's items, reused batch after batch.
constexpr int kTagShift = 56;
constexpr uintptr_t kAddressMask = (uintptr_t{1} << kTagShift) - 1;
static_assert(sizeof(uintptr_t) == 8, "the bulk loader needs 64-bit addresses");

struct Item {
  Prefix prefix;
  uintptr_t ref;
  const char* rec() const { return reinterpret_cast<const char*>(ref & kAddressMask); }
  int cf() const { return static_cast<int>(ref >> kTagShift); }
  std::string_view key() const { return DecodeRecord(rec()).key; }
};

inline bool ItemLess(const Item& a, const Item& b) {
  if (!(a.prefix == b.prefix)) return a.prefix < b.prefix;
  return a.key() < b.key();
}

inline unsigned Digit(const Item& it, int byte) {
  uint64_t word = byte < 8 ? it.prefix.hi : it.prefix.lo;
  return static_cast<unsigned>(word >> (56 - 8 * (byte & 7))) & 0xff;
}

// Sorts items by key in place. An MSD radix sort (American flag sort) on the 16-byte prefix, a
// byte at a time, skipping a byte that every item shares (a label token, say): it moves 24-byte
// items and never touches the records, which sit all over the arena. Small buckets, and items
// whose whole prefix is equal, are finished by comparison.
void SortItems(Item* a, size_t n, int byte = 0) {
  for (;;) {
    if (n < 64 || byte == 16) {
      std::sort(a, a + n, ItemLess);
      return;
    }
    size_t count[256] = {};
    for (size_t i = 0; i < n; ++i) ++count[Digit(a[i], byte)];
    if (count[Digit(a[0], byte)] == n) {
      ++byte;  // all alike at this byte: nothing to move
      continue;
    }
    size_t start[256], next[256], end[256];
    size_t sum = 0;
    for (int b = 0; b < 256; ++b) {
      start[b] = next[b] = sum;
      sum += count[b];
      end[b] = sum;
    }
    // Cycle each misplaced item to its bucket's next free slot.
    for (int b = 0; b < 256; ++b) {
      while (next[b] < end[b]) {
        Item v = a[next[b]];
        unsigned d = Digit(v, byte);
        while (d != static_cast<unsigned>(b)) {
          std::swap(v, a[next[d]++]);
          d = Digit(v, byte);
        }
        a[next[b]++] = v;
      }
    }
    for (int b = 0; b < 256; ++b) {
      if (count[b] > 1) SortItems(a + start[b], count[b], byte + 1);
    }
    return;
  }
}

// ---------------------------------------------------------------------------- batches

// Anonymous memory reserved up front and touched as it fills, on transparent huge pages where
// the kernel allows: page faults are costly (in VMs above all), and 2 MiB pages take 512 times
// fewer of them than 4 KiB ones.
class Region {
 public:
  Region() = default;
  Region(const Region&) = delete;
  Region& operator=(const Region&) = delete;
  ~Region() { Free(); }
  bool Reserve(size_t bytes) {
    Free();
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return false;
    ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint: fine if refused
    data_ = static_cast<char*>(p);
    size_ = bytes;
    return true;
  }
  void Free() {
    if (data_) ::munmap(data_, size_);
    data_ = nullptr;
    size_ = 0;
  }
  char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
};

// Entries buffered in memory: an arena of records and one index of items for all column
// families, grouped by family before sorting. Both are reserved once and reused batch after
// batch, so that adding an entry neither allocates nor, after the first batches, faults.
class Batch {
 public:
  // Records up to this size go to the arena; bigger ones get memory of their own.
  static constexpr size_t kMaxArenaRecord = size_t{1} << 20;

  Batch() = default;
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;
  ~Batch() { Release(); }

  // The batch is spilled once bytes() reaches `max_bytes`. Every entry takes more than an item,
  // so the index needs at most max_bytes / sizeof(Item) + 1 slots, and the arena at most
  // max_bytes plus one record.
  void Init(size_t max_bytes) { max_bytes_ = max_bytes; }

  // False if the memory could not be had (or not where the index can point to).
  bool Add(int cf, std::string_view key, std::string_view value) {
    if (!items_.data() && !Reserve()) return false;
    if (count_ == max_items_) return false;
    size_t need = VarintLength(key.size()) + VarintLength(value.size()) + key.size() + value.size();
    char* rec;
    if (need <= kMaxArenaRecord && used_ + need <= arena_.size()) {
      rec = arena_.data() + used_;
      used_ += need;
    } else {
      big_.emplace_back(new char[need]);
      rec = big_.back().get();
      big_bytes_ += need;
      if (reinterpret_cast<uintptr_t>(rec) >> kTagShift) return false;
    }
    char* p = PutVarintRaw(rec, key.size());
    p = PutVarintRaw(p, value.size());
    std::memcpy(p, key.data(), key.size());
    if (!value.empty()) std::memcpy(p + key.size(), value.data(), value.size());  // {} has no data
    Item* items = reinterpret_cast<Item*>(items_.data());
    items[count_++] = {KeyPrefix(key), reinterpret_cast<uintptr_t>(rec) |
                                           (static_cast<uintptr_t>(cf) << kTagShift)};
    return true;
  }

  // Memory in use: records and index entries.
  size_t bytes() const { return used_ + big_bytes_ + count_ * sizeof(Item); }

  // Groups the items by column family, in place (an American flag pass on the tag).
  void Partition() {
    Item* items = this->items();
    size_t count[kNumCfs] = {};
    for (size_t i = 0; i < count_; ++i) ++count[items[i].cf()];
    size_t next[kNumCfs], end[kNumCfs], sum = 0;
    for (int cf = 0; cf < kNumCfs; ++cf) {
      begin_[cf] = next[cf] = sum;
      sum += count[cf];
      end[cf] = sum;
    }
    for (int cf = 0; cf < kNumCfs; ++cf) {
      while (next[cf] < end[cf]) {
        Item v = items[next[cf]];
        int d = v.cf();
        while (d != cf) {
          std::swap(v, items[next[d]++]);
          d = v.cf();
        }
        items[next[cf]++] = v;
      }
    }
    begin_[kNumCfs] = sum;
  }
  // One family's items, after Partition.
  Item* begin(int cf) const { return items() + begin_[cf]; }
  Item* end(int cf) const { return items() + begin_[cf + 1]; }
  size_t size(int cf) const { return begin_[cf + 1] - begin_[cf]; }

  // Forgets the entries, keeping the memory (and its resident pages) for the next batch.
  void Clear() {
    big_.clear();
    big_bytes_ = 0;
    used_ = 0;
    count_ = 0;
    std::fill(std::begin(begin_), std::end(begin_), 0);
  }

  // Frees everything.
  void Release() {
    Clear();
    arena_.Free();
    items_.Free();
  }

 private:
  Item* items() const { return reinterpret_cast<Item*>(items_.data()); }

  bool Reserve() {
    max_items_ = max_bytes_ / sizeof(Item) + 2;
    if (!items_.Reserve(max_items_ * sizeof(Item)) ||
        !arena_.Reserve(max_bytes_ + kMaxArenaRecord)) {
      return false;
    }
    // The index keeps a column family in the top byte of each record address.
    return (reinterpret_cast<uintptr_t>(arena_.data() + arena_.size()) >> kTagShift) == 0;
  }

  size_t max_bytes_ = 0, max_items_ = 0;
  Region arena_, items_;
  size_t used_ = 0;  // arena bytes filled
  std::vector<std::unique_ptr<char[]>> big_;
  size_t big_bytes_ = 0;
  size_t count_ = 0;
  size_t begin_[kNumCfs + 1] = {};
};

// ---------------------------------------------------------------------------- run files

Status ErrnoStatus(const std::string& what) {
  return Status::IOError(what + ": " + std::strerror(errno));
}

// A sorted run on disk, with a sparse index: the key and byte offset of every
// kIndexEvery-th entry.
struct Run {
  struct Point {
    std::string key;
    uint64_t offset;
  };
  std::string path;
  uint64_t bytes = 0, entries = 0;
  std::vector<Point> index;
};

class RunWriter {
 public:
  ~RunWriter() {
    if (fd_ >= 0) ::close(fd_);
  }
  Status Open(const std::string& path) {
    run_.path = path;
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return ErrnoStatus("creating " + path);
    buf_.reset(new char[kRunWriteBytes]);
    return Status::OK();
  }
  // Appends an entry already in record form.
  Status AppendRecord(const char* rec, size_t size, std::string_view key) {
    Note(key);
    return Append(rec, size);
  }
  Status AppendEntry(std::string_view key, std::string_view value) {
    Note(key);
    char head[20];
    char* p = PutVarintRaw(head, key.size());
    p = PutVarintRaw(p, value.size());
    PARLEY_RETURN_IF_ERROR(Append(head, static_cast<size_t>(p - head)));
    PARLEY_RETURN_IF_ERROR(Append(key.data(), key.size()));
    return Append(value.data(), value.size());
  }
  // Closes the file and hands over its description.
  Status Close(Run* run) {
    PARLEY_RETURN_IF_ERROR(Drain());
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return ErrnoStatus("closing " + run_.path);
    *run = std::move(run_);
    return Status::OK();
  }

 private:
  void Note(std::string_view key) {
    if (run_.entries++ % kIndexEvery == 0) run_.index.push_back({std::string(key), run_.bytes});
  }
  Status Append(const char* data, size_t n) {
    if (n == 0) return Status::OK();
    run_.bytes += n;
    if (used_ + n > kRunWriteBytes) {
      PARLEY_RETURN_IF_ERROR(Drain());
      if (n > kRunWriteBytes) return WriteAll(data, n);
    }
    std::memcpy(buf_.get() + used_, data, n);
    used_ += n;
    return Status::OK();
  }
  Status Drain() {
    Status s = WriteAll(buf_.get(), used_);
    used_ = 0;
    return s;
  }
  Status WriteAll(const char* p, size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        return ErrnoStatus("writing " + run_.path);
      }
      p += w;
      n -= static_cast<size_t>(w);
    }
    return Status::OK();
  }

  Run run_;
  int fd_ = -1;
  std::unique_ptr<char[]> buf_;
  size_t used_ = 0;
};

// A sorted source of entries for the merge, optionally cut off at an upper bound (exclusive).
// key()/value() stay valid until the next Next().
class Source {
 public:
  virtual ~Source() = default;
  void set_upper(std::string upper) {
    upper_ = std::move(upper);
    upper_prefix_ = KeyPrefix(upper_);
    has_upper_ = true;
  }
  bool valid() const { return valid_; }
  std::string_view key() const { return cur_.key; }
  std::string_view value() const { return cur_.value; }
  const Prefix& prefix() const { return prefix_; }
  Status Next() {
    PARLEY_RETURN_IF_ERROR(Step());
    if (valid_ && has_upper_ && !KeyLess(prefix_, cur_.key, upper_prefix_, upper_)) valid_ = false;
    return Status::OK();
  }

 protected:
  // Moves to the next entry, setting valid_, cur_ and prefix_.
  virtual Status Step() = 0;
  bool valid_ = false;
  EntryView cur_;
  Prefix prefix_;

 private:
  std::string upper_;
  Prefix upper_prefix_;
  bool has_upper_ = false;
};

// A slice of the sorted items of the last batch.
class MemorySource : public Source {
 public:
  MemorySource(const Item* begin, const Item* end) : pos_(begin), end_(end) {}

 protected:
  Status Step() override {
    if (pos_ == end_) {
      valid_ = false;
      return Status::OK();
    }
    // Sorted items point all over the arena: fetch ahead to hide the cache misses.
    if (end_ - pos_ > 16) __builtin_prefetch(pos_[16].rec());
    cur_ = DecodeRecord(pos_->rec());
    prefix_ = pos_->prefix;
    ++pos_;
    valid_ = true;
    return Status::OK();
  }

 private:
  const Item* pos_;
  const Item* end_;
};

// A run file from a given offset, read through a buffer that always holds the whole current
// record.
class RunReader : public Source {
 public:
  ~RunReader() override {
    if (fd_ >= 0) ::close(fd_);
  }
  Status Open(const std::string& path, uint64_t offset) {
    path_ = path;
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return ErrnoStatus("opening " + path);
    if (offset > 0 && ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) {
      return ErrnoStatus("seeking in " + path);
    }
    cap_ = kRunBufferBytes;
    buf_.reset(new char[cap_]);
    return Status::OK();
  }

 protected:
  Status Step() override {
    begin_ += consumed_;
    consumed_ = 0;
    // Two varints of at most 10 bytes each, then the record.
    PARLEY_RETURN_IF_ERROR(Fill(20));
    if (begin_ == end_) {
      valid_ = false;
      return Status::OK();
    }
    uint64_t klen, vlen;
    const char* p = GetVarintRaw(buf_.get() + begin_, &klen);
    p = GetVarintRaw(p, &vlen);
    size_t head = static_cast<size_t>(p - (buf_.get() + begin_));
    size_t total = head + klen + vlen;
    if (total > end_ - begin_) {
      PARLEY_RETURN_IF_ERROR(Fill(total));
      if (total > end_ - begin_) return Status::Corruption("truncated run file " + path_);
    }
    const char* rec = buf_.get() + begin_;
    cur_ = {{rec + head, klen}, {rec + head + klen, vlen}};
    prefix_ = KeyPrefix(cur_.key);
    valid_ = true;
    consumed_ = total;
    return Status::OK();
  }

 private:
  // Makes at least `want` bytes available from begin_ (fewer at the end of the file).
  Status Fill(size_t want) {
    if (end_ - begin_ >= want || eof_) return Status::OK();
    if (want > cap_) {
      std::unique_ptr<char[]> bigger(new char[want]);
      std::memcpy(bigger.get(), buf_.get() + begin_, end_ - begin_);
      buf_ = std::move(bigger);
      cap_ = want;
    } else {
      std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    }
    end_ -= begin_;
    begin_ = 0;
    while (end_ < cap_ && !eof_) {
      ssize_t r = ::read(fd_, buf_.get() + end_, cap_ - end_);
      if (r < 0) {
        if (errno == EINTR) continue;
        return ErrnoStatus("reading " + path_);
      }
      if (r == 0) eof_ = true;
      end_ += static_cast<size_t>(r);
    }
    return Status::OK();
  }

  std::string path_;
  int fd_ = -1;
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0, begin_ = 0, end_ = 0, consumed_ = 0;
  bool eof_ = false;
};

// Merges sorted sources in key order, calling `sink(key, value)` for each entry (repeats
// included). A binary heap of sources, compared by cached prefix and then by key.
template <typename Sink>
Status MergeSources(std::vector<std::unique_ptr<Source>>& sources, Sink&& sink) {
  std::vector<Source*> heap;
  for (auto& s : sources) {
    if (s->valid()) heap.push_back(s.get());
  }
  // `greater`, for a min-heap.
  auto after = [](const Source* a, const Source* b) {
    return KeyLess(b->prefix(), b->key(), a->prefix(), a->key());
  };
  std::make_heap(heap.begin(), heap.end(), after);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), after);
    Source* top = heap.back();
    PARLEY_RETURN_IF_ERROR(sink(top->key(), top->value()));
    PARLEY_RETURN_IF_ERROR(top->Next());
    if (top->valid()) {
      std::push_heap(heap.begin(), heap.end(), after);
    } else {
      heap.pop_back();
    }
  }
  return Status::OK();
}

// The error for an entry met twice: a node or relationship id added twice to one load.
Status DuplicateError(int cf, std::string_view key) {
  bool node = cf == keys::kNodes || cf == keys::kLabels;
  // Where the id sits: the key itself, after the label token, or last in an adjacency key.
  size_t at = cf == keys::kLabels ? 4 : (cf == keys::kOut || cf == keys::kIn) ? 20 : 0;
  std::string id = key.size() >= at + 8 ? std::to_string(LoadBE64(key.data() + at)) : "?";
  return Status::InvalidInput(std::string(node ? "node" : "relationship") + " id " + id +
                              " added twice to one bulk load");
}

// Runs `task(i, thread)` for i in [0, n) on `threads` threads, in index order as threads free
// up; the first error stops the handing out of tasks and is returned.
Status RunParallel(size_t n, int threads, const std::function<Status(size_t, int)>& task) {
  std::atomic<size_t> next{0};
  std::vector<Status> status(static_cast<size_t>(threads));
  auto work = [&](int t) {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      Status s = task(i, t);
      if (!s.ok()) {
        status[static_cast<size_t>(t)] = s;
        next = n;
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (const Status& s : status) PARLEY_RETURN_IF_ERROR(s);
  return Status::OK();
}

// Transparent hashing, so that names are looked up by string_view without a copy.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

}  // namespace

// ---------------------------------------------------------------------------- Impl

class BulkLoader::Impl {
 public:
  Impl(GraphStore* store, Options options, Stats* stats)
      : store_(store), options_(std::move(options)), stats_(stats) {
    threads_ = options_.threads > 0
                   ? options_.threads
                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    budget_half_ = std::max<size_t>(options_.memory_budget_bytes / 2, 4096);
    for (Batch& b : batches_) b.Init(budget_half_);
    active_ = &batches_[0];
  }

  ~Impl() { Cleanup(); }

  Status AddNode(NodeId id, const std::vector<std::string>& labels, const PropertyMap& props);
  Status AddRelationship(RelId id, std::string_view type, NodeId start, NodeId end,
                         const PropertyMap& props);
  Status AddArticle(const ArticleRecord& article, const std::vector<NodeId>& nodes,
                    const std::vector<RelId>& rels);
  Status Finish() {
    if (finished_) return Status::InvalidInput("bulk load already finished");
    finished_ = true;
    Status s = FinishLoad();
    Cleanup();
    return s;
  }

 private:
  // Waits for the helper thread, removes the temporary files and frees the buffers.
  void Cleanup() {
    if (spill_thread_.joinable()) spill_thread_.join();
    if (!work_dir_.empty()) {
      std::error_code ec;
      fs::remove_all(work_dir_, ec);
      fs::remove(fs::path(work_dir_).parent_path(), ec);  // only if empty: others may share it
      work_dir_.clear();
    }
    for (Batch& b : batches_) b.Release();
  }

  // ---- names
  struct Name {
    std::string name;
    uint32_t token = 0;  // 0: not interned in the store yet
  };
  int NameId(std::string_view name) {
    auto it = name_ids_.find(name);
    if (it != name_ids_.end()) return it->second;
    int id = static_cast<int>(names_.size());
    names_.push_back({std::string(name), 0});
    label_counts_.push_back(0);
    type_counts_.push_back(0);
    name_ids_.emplace(std::string(name), id);
    return id;
  }
  // Interns through the store the first time: the same durable token Apply would use.
  Status Token(int name, uint32_t* token) {
    Name& n = names_[name];
    if (n.token == 0) PARLEY_RETURN_IF_ERROR(store_->Token(n.name, &n.token));
    *token = n.token;
    return Status::OK();
  }
  bool Indexed(int label, int key) {
    uint64_t pair = (static_cast<uint64_t>(label) << 32) | static_cast<uint32_t>(key);
    auto it = indexed_.find(pair);
    if (it != indexed_.end()) return it->second;
    bool yes = store_->IsIndexed(names_[label].name, names_[key].name);
    indexed_.emplace(pair, yes);
    return yes;
  }

  // ---- buffering
  Status Put(int cf, std::string_view key, std::string_view value) {
    if (!active_->Add(cf, key, value)) {
      return Status::IOError("bulk load: out of memory for the entry buffer");
    }
    if (active_->bytes() >= budget_half_) return Spill();
    return Status::OK();
  }
  // A batch being spilled. Its column families are sorted and written as separate tasks,
  // taken by the helper thread and, when the caller would otherwise wait, by the caller too.
  struct SpillJob {
    Batch* batch = nullptr;
    int seq = 0;
    int order[std::size(kLoadedCfs)] = {
        keys::kNodes, keys::kRels,     keys::kOut,      keys::kIn,      keys::kLabels,
        keys::kProps, keys::kFulltext, keys::kArticles, keys::kContrib, keys::kOwners};
    std::atomic<bool> partitioned{false};
    std::atomic<size_t> next{0};
    Run runs[kNumCfs];
    Status status[kNumCfs];
  };
  Status Spill();
  // Completes the spill in flight, if any, helping with it; its runs join runs_.
  Status FinishSpill();
  void SpillWork(SpillJob* job);
  Status SpillFamily(Batch* batch, int cf, int seq, Run* run);
  Status EnsureWorkDir();
  Status CheckOpen() const {
    if (finished_) return Status::InvalidInput("bulk load already finished");
    return error_;
  }

  // ---- finish
  // A key range [lo, hi) of one column family, merged into SSTs of its own. No lo: from the
  // start; no hi: to the end.
  struct Range {
    int cf = 0;
    std::string lo, hi;
    bool has_lo = false, has_hi = false;
    uint64_t entries = 0;  // estimated, for handing out the biggest first
    std::vector<std::string> ssts;
  };
  Status FinishLoad();
  Status ReduceRuns(int cf);
  void PlanRanges(int cf, uint64_t range_entries, std::vector<Range>* ranges);
  Status MergeRange(Range* range, size_t number, Stats* stats);
  rocksdb::Options SstOptions(int cf) const;

  GraphStore* store_;
  Options options_;
  Stats* stats_;
  int threads_ = 1;
  size_t budget_half_;
  bool finished_ = false;
  Status error_;
  std::string work_dir_;

  std::vector<Name> names_;
  std::unordered_map<std::string, int, NameHash, std::equal_to<>> name_ids_;
  std::unordered_map<uint64_t, bool> indexed_;
  std::vector<int64_t> label_counts_, type_counts_;  // per name id
  int64_t nodes_ = 0, rels_ = 0, articles_ = 0;
  fulltext::CollectionStats text_;

  // Two batches alternate: the caller fills `active_` while the other is spilled.
  Batch batches_[2];
  Batch* active_;
  std::thread spill_thread_;
  std::unique_ptr<SpillJob> spill_;
  int spill_seq_ = 0;
  std::vector<Run> runs_[kNumCfs];  // the spilled runs, added by FinishSpill

  // Scratch space reused across calls, so that adding an element allocates nothing.
  std::vector<const std::string*> label_names_;
  std::vector<int> label_ids_;
  std::vector<uint32_t> label_tokens_;
  struct Prop {
    int key;
    const Value* value;
  };
  std::vector<Prop> props_;
  std::vector<records::TokenProperty> token_props_;
  std::string key_, value_;

  // The full-text postings of element (`kind`, `id`), as GraphStore's write path makes them.
  Status PutText(char kind, uint64_t id, const PropertyMap& props) {
    fulltext::Document doc = fulltext::DocumentOf(props);
    if (doc.empty()) return Status::OK();
    ++text_.documents;
    text_.words += doc.length;
    PARLEY_RETURN_IF_ERROR(
        Put(keys::kFulltext, fulltext::LengthKey(kind, id), fulltext::EncodeLength(doc.length)));
    for (const auto& [word, positions] : doc.words) {
      PARLEY_RETURN_IF_ERROR(Put(keys::kFulltext, fulltext::PostingKey(word, kind, id),
                                 fulltext::EncodePosting(positions)));
    }
    return Status::OK();
  }
};

Status BulkLoader::Impl::AddNode(NodeId id, const std::vector<std::string>& labels,
                                 const PropertyMap& props) {
  PARLEY_RETURN_IF_ERROR(CheckOpen());
  // Labels sorted by name without repeats, as PutNode stores them.
  label_names_.clear();
  for (const auto& l : labels) {
    if (l.empty()) return Status::InvalidInput("empty label on node " + std::to_string(id));
    label_names_.push_back(&l);
  }
  if (label_names_.size() > 1) {
    auto less = [](const std::string* a, const std::string* b) { return *a < *b; };
    auto same = [](const std::string* a, const std::string* b) { return *a == *b; };
    std::sort(label_names_.begin(), label_names_.end(), less);
    label_names_.erase(std::unique(label_names_.begin(), label_names_.end(), same),
                       label_names_.end());
  }
  label_ids_.clear();
  for (const std::string* l : label_names_) label_ids_.push_back(NameId(*l));
  props_.clear();
  for (const auto& [k, v] : props) {
    if (!v.is_null()) props_.push_back({NameId(k), &v});  // a null property is an absent one
  }

  // Intern in Apply's order: PutNode writes index entries first (label, then key of each
  // indexed pair), then the label entries, then the record (labels, then keys).
  uint32_t tok;
  for (int l : label_ids_) {
    for (const Prop& p : props_) {
      if (!Indexed(l, p.key)) continue;
      PARLEY_RETURN_IF_ERROR(Token(l, &tok));
      PARLEY_RETURN_IF_ERROR(Token(p.key, &tok));
    }
  }
  label_tokens_.clear();
  for (int l : label_ids_) {
    PARLEY_RETURN_IF_ERROR(Token(l, &tok));
    label_tokens_.push_back(tok);
  }
  token_props_.clear();
  for (const Prop& p : props_) {
    PARLEY_RETURN_IF_ERROR(Token(p.key, &tok));
    token_props_.push_back({tok, p.value});
  }

  // Fixed-layout keys are built in place (the layouts of keys.h; the verify step of
  // bench_store checks them against the Apply path byte for byte).
  char k[28];
  StoreBE64(k, id);  // keys::Id
  value_.clear();
  records::EncodeNode(label_tokens_, token_props_, &value_);
  PARLEY_RETURN_IF_ERROR(Put(keys::kNodes, {k, 8}, value_));

  for (size_t i = 0; i < label_ids_.size(); ++i) {
    StoreBE32(k, label_tokens_[i]);  // keys::Label
    StoreBE64(k + 4, id);
    PARLEY_RETURN_IF_ERROR(Put(keys::kLabels, {k, 12}, {}));
    ++label_counts_[label_ids_[i]];
  }

  for (size_t i = 0; i < label_ids_.size(); ++i) {
    for (size_t j = 0; j < props_.size(); ++j) {
      if (!Indexed(label_ids_[i], props_[j].key)) continue;
      Status s;
      records::ForEachIndexedValue(*props_[j].value, [&](const Value& v) {
        if (!s.ok()) return;
        key_.clear();  // keys::Property
        codec::PutBE32(&key_, label_tokens_[i]);
        codec::PutBE32(&key_, token_props_[j].key);
        codec::EncodeOrdered(v, &key_);
        codec::PutBE64(&key_, id);
        s = Put(keys::kProps, key_,
                props_[j].value->is_list() ? std::string_view() : keys::kScalarEntry);
      });
      PARLEY_RETURN_IF_ERROR(s);
    }
  }
  PARLEY_RETURN_IF_ERROR(PutText(fulltext::kNodeKind, id, props));
  ++nodes_;
  return Status::OK();
}

Status BulkLoader::Impl::AddRelationship(RelId id, std::string_view type, NodeId start, NodeId end,
                                         const PropertyMap& props) {
  PARLEY_RETURN_IF_ERROR(CheckOpen());
  if (type.empty()) {
    return Status::InvalidInput("relationship " + std::to_string(id) + " has no type");
  }
  int type_id = NameId(type);
  uint32_t type_tok;
  PARLEY_RETURN_IF_ERROR(Token(type_id, &type_tok));
  token_props_.clear();
  for (const auto& [k, v] : props) {
    if (v.is_null()) continue;
    uint32_t tok;
    PARLEY_RETURN_IF_ERROR(Token(NameId(k), &tok));
    token_props_.push_back({tok, &v});
  }

  char k[28];
  StoreBE64(k, id);  // keys::Id
  value_.clear();
  records::EncodeRelationship(type_tok, start, end, token_props_, &value_);
  PARLEY_RETURN_IF_ERROR(Put(keys::kRels, {k, 8}, value_));

  // keys::Adjacency, seen from each end: from (8) type (4) other (8) rel (8).
  StoreBE64(k, start);
  StoreBE32(k + 8, type_tok);
  StoreBE64(k + 12, end);
  StoreBE64(k + 20, id);
  PARLEY_RETURN_IF_ERROR(Put(keys::kOut, {k, 28}, {}));
  StoreBE64(k, end);
  StoreBE64(k + 12, start);
  PARLEY_RETURN_IF_ERROR(Put(keys::kIn, {k, 28}, {}));
  PARLEY_RETURN_IF_ERROR(PutText(fulltext::kRelationshipKind, id, props));
  ++type_counts_[type_id];
  ++rels_;
  return Status::OK();
}

Status BulkLoader::Impl::AddArticle(const ArticleRecord& article, const std::vector<NodeId>& nodes,
                                    const std::vector<RelId>& rels) {
  PARLEY_RETURN_IF_ERROR(CheckOpen());
  if (article.id.empty()) return Status::InvalidInput("article without an id");
  value_.clear();
  records::EncodeArticle(article, &value_);
  PARLEY_RETURN_IF_ERROR(Put(keys::kArticles, article.id, value_));
  // WriteArticle's contributions (ApplyOps with an owner): both directions of each.
  auto contribute = [&](keys::ElementKind kind, uint64_t id) {
    PARLEY_RETURN_IF_ERROR(Put(keys::kContrib, keys::Contrib(article.id, kind, id), {}));
    return Put(keys::kOwners, keys::Owner(kind, id, article.id), {});
  };
  for (NodeId n : nodes) PARLEY_RETURN_IF_ERROR(contribute(keys::ElementKind::kNode, n));
  for (RelId r : rels) PARLEY_RETURN_IF_ERROR(contribute(keys::ElementKind::kRel, r));
  ++articles_;
  return Status::OK();
}

Status BulkLoader::Impl::EnsureWorkDir() {
  if (!work_dir_.empty()) return Status::OK();
  std::string base = options_.temp_dir.empty() ? store_->dir() + ".bulk" : options_.temp_dir;
  std::string dir = base + "/load-" + std::to_string(::getpid()) + "-" +
                    std::to_string(reinterpret_cast<uintptr_t>(this));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("creating " + dir + ": " + ec.message());
  work_dir_ = dir;
  return Status::OK();
}

Status BulkLoader::Impl::Spill() {
  PARLEY_RETURN_IF_ERROR(EnsureWorkDir());
  PARLEY_RETURN_IF_ERROR(FinishSpill());
  Batch* full = active_;
  active_ = (active_ == &batches_[0]) ? &batches_[1] : &batches_[0];
  active_->Clear();
  spill_ = std::make_unique<SpillJob>();
  spill_->batch = full;
  spill_->seq = spill_seq_++;
  spill_thread_ = std::thread([this] {
    SpillJob* job = spill_.get();
    job->batch->Partition();
    // Largest families first, so that a helping caller picks up a big one while it is early.
    std::sort(std::begin(job->order), std::end(job->order),
              [job](int a, int b) { return job->batch->size(a) > job->batch->size(b); });
    job->partitioned = true;
    job->partitioned.notify_all();
    SpillWork(job);
  });
  return Status::OK();
}

Status BulkLoader::Impl::FinishSpill() {
  if (!spill_thread_.joinable()) return Status::OK();
  // Rather than wait idle for the helper, take the families it has not started yet.
  auto wait_start = Clock::now();
  SpillJob* job = spill_.get();
  job->partitioned.wait(false);
  SpillWork(job);
  spill_thread_.join();
  stats_->spill_wait_seconds += SecondsSince(wait_start);
  for (int cf : kLoadedCfs) {
    if (!job->status[cf].ok()) error_ = job->status[cf];
    if (!job->runs[cf].path.empty()) runs_[cf].push_back(std::move(job->runs[cf]));
  }
  spill_.reset();
  return error_;
}

void BulkLoader::Impl::SpillWork(SpillJob* job) {
  for (size_t i; (i = job->next.fetch_add(1)) < std::size(job->order);) {
    int cf = job->order[i];
    job->status[cf] = SpillFamily(job->batch, cf, job->seq, &job->runs[cf]);
  }
}

Status BulkLoader::Impl::SpillFamily(Batch* batch, int cf, int seq, Run* run) {
  std::span<Item> items(batch->begin(cf), batch->end(cf));
  if (items.empty()) return Status::OK();
  SortItems(items.data(), items.size());
  RunWriter w;
  PARLEY_RETURN_IF_ERROR(
      w.Open(work_dir_ + "/run-" + std::to_string(cf) + "-" + std::to_string(seq)));
  for (size_t i = 0; i < items.size(); ++i) {
    // Sorted items point all over the arena: fetch ahead to hide the cache misses.
    if (i + 16 < items.size()) __builtin_prefetch(items[i + 16].rec());
    const char* rec = items[i].rec();
    EntryView e = DecodeRecord(rec);
    size_t size = static_cast<size_t>(e.value.data() + e.value.size() - rec);
    PARLEY_RETURN_IF_ERROR(w.AppendRecord(rec, size, e.key));
  }
  return w.Close(run);
}

rocksdb::Options BulkLoader::Impl::SstOptions(int cf) const {
  // The table settings of StoreImpl::OpenDb: Bloom filters on the point-lookup families, so
  // that ingested files read like flushed ones.
  rocksdb::Options opt;
  opt.compression = rocksdb::kNoCompression;
  if (options_.compress) {
    auto supported = rocksdb::GetSupportedCompressions();
    if (std::find(supported.begin(), supported.end(), rocksdb::kLZ4Compression) !=
        supported.end()) {
      opt.compression = rocksdb::kLZ4Compression;
    }
  }
  rocksdb::BlockBasedTableOptions table;
  if (cf == keys::kNodes || cf == keys::kRels) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  opt.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return opt;
}

Status BulkLoader::Impl::ReduceRuns(int cf) {
  // More runs than one merge takes (the in-memory batch counts as one): merge them in groups
  // into bigger runs first, so that the read buffers stay within kMaxFanIn.
  std::vector<Run>& runs = runs_[cf];
  for (int pass = 0; runs.size() + 1 > kMaxFanIn; ++pass) {
    std::vector<Run> next;
    for (size_t i = 0; i < runs.size(); i += kMaxFanIn) {
      size_t n = std::min(kMaxFanIn, runs.size() - i);
      if (n == 1) {
        next.push_back(std::move(runs[i]));
        continue;
      }
      std::vector<std::unique_ptr<Source>> sources;
      for (size_t j = i; j < i + n; ++j) {
        auto r = std::make_unique<RunReader>();
        PARLEY_RETURN_IF_ERROR(r->Open(runs[j].path, 0));
        PARLEY_RETURN_IF_ERROR(r->Next());
        sources.push_back(std::move(r));
      }
      RunWriter w;
      PARLEY_RETURN_IF_ERROR(w.Open(work_dir_ + "/merged-" + std::to_string(cf) + "-" +
                                    std::to_string(pass) + "-" + std::to_string(i)));
      PARLEY_RETURN_IF_ERROR(MergeSources(
          sources, [&](std::string_view k, std::string_view v) { return w.AppendEntry(k, v); }));
      Run merged;
      PARLEY_RETURN_IF_ERROR(w.Close(&merged));
      for (size_t j = i; j < i + n; ++j) ::unlink(runs[j].path.c_str());
      next.push_back(std::move(merged));
    }
    runs = std::move(next);
  }
  return Status::OK();
}

void BulkLoader::Impl::PlanRanges(int cf, uint64_t range_entries, std::vector<Range>* ranges) {
  std::span<const Item> items(active_->begin(cf), active_->end(cf));
  uint64_t total = items.size();
  for (const Run& r : runs_[cf]) total += r.entries;
  if (total == 0) return;
  size_t parts = static_cast<size_t>(std::clamp<uint64_t>(total / range_entries, 1, 256));
  // Boundaries at quantiles of a sample in which every key stands for ~kIndexEvery entries:
  // the runs' sparse indexes and every kIndexEvery-th item of the sorted batch.
  std::vector<std::string> bounds;
  if (parts > 1) {
    std::vector<std::string_view> sample;
    for (const Run& r : runs_[cf]) {
      for (const Run::Point& p : r.index) sample.push_back(p.key);
    }
    for (size_t i = 0; i < items.size(); i += kIndexEvery) sample.push_back(items[i].key());
    std::sort(sample.begin(), sample.end());
    for (size_t p = 1; p < parts; ++p) {
      std::string_view b = sample[p * sample.size() / parts];
      if (b.empty() || (!bounds.empty() && b <= bounds.back())) continue;
      bounds.emplace_back(b);
    }
  }
  for (size_t i = 0; i <= bounds.size(); ++i) {
    Range r;
    r.cf = cf;
    if (i > 0) {
      r.lo = bounds[i - 1];
      r.has_lo = true;
    }
    if (i < bounds.size()) {
      r.hi = bounds[i];
      r.has_hi = true;
    }
    r.entries = total / (bounds.size() + 1);
    ranges->push_back(std::move(r));
  }
}

Status BulkLoader::Impl::MergeRange(Range* range, size_t number, Stats* stats) {
  const int cf = range->cf;
  Prefix lo_prefix = KeyPrefix(range->lo), hi_prefix = KeyPrefix(range->hi);
  std::vector<std::unique_ptr<Source>> sources;
  for (const Run& run : runs_[cf]) {
    // Start at the last indexed entry before `lo` (strictly: repeats of `lo` may precede an
    // index point equal to it), then skip to `lo`.
    uint64_t offset = 0;
    if (range->has_lo) {
      auto it =
          std::lower_bound(run.index.begin(), run.index.end(), range->lo,
                           [](const Run::Point& p, const std::string& k) { return p.key < k; });
      if (it != run.index.begin()) offset = std::prev(it)->offset;
    }
    auto r = std::make_unique<RunReader>();
    PARLEY_RETURN_IF_ERROR(r->Open(run.path, offset));
    if (range->has_hi) r->set_upper(range->hi);
    PARLEY_RETURN_IF_ERROR(r->Next());
    while (range->has_lo && r->valid() && KeyLess(r->prefix(), r->key(), lo_prefix, range->lo)) {
      PARLEY_RETURN_IF_ERROR(r->Next());
    }
    if (r->valid()) sources.push_back(std::move(r));
  }
  auto item_before = [](const Item& it, const std::pair<Prefix, std::string_view>& k) {
    return KeyLess(it.prefix, it.key(), k.first, k.second);
  };
  const Item* begin = active_->begin(cf);
  const Item* end = active_->end(cf);
  if (range->has_lo)
    begin = std::lower_bound(begin, end, std::make_pair(lo_prefix, std::string_view(range->lo)),
                             item_before);
  if (range->has_hi)
    end = std::lower_bound(begin, end, std::make_pair(hi_prefix, std::string_view(range->hi)),
                           item_before);
  if (begin != end) {
    auto m = std::make_unique<MemorySource>(begin, end);
    PARLEY_RETURN_IF_ERROR(m->Next());
    sources.push_back(std::move(m));
  }
  if (sources.empty()) return Status::OK();

  rocksdb::Options opt = SstOptions(cf);
  // No page-cache invalidation: the files are read right after ingestion.
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), opt, nullptr,
                                /*invalidate_page_cache=*/false);
  bool open = false;
  // RocksDB checks that each file's keys strictly ascend (so a repeated record is caught);
  // the loader checks across a file cut, and drops repeated index entries, which a list
  // property holding an item twice legitimately makes.
  const bool dedupe = cf == keys::kProps;
  std::string last, file_last;
  bool have_last = false, have_file_last = false;
  auto finish_file = [&]() -> Status {
    rocksdb::ExternalSstFileInfo info;
    rocksdb::Status s = writer.Finish(&info);
    if (!s.ok()) return Status::IOError("writing SST " + range->ssts.back() + ": " + s.ToString());
    stats->sst_bytes += static_cast<int64_t>(info.file_size);
    file_last = std::move(info.largest_key);
    have_file_last = true;
    open = false;
    return Status::OK();
  };
  PARLEY_RETURN_IF_ERROR(
      MergeSources(sources, [&](std::string_view k, std::string_view v) -> Status {
        if (dedupe) {
          if (have_last && k == last) return Status::OK();
          last.assign(k);
          have_last = true;
        }
        // Cut between two keys once the file is big enough (FileSize is a field read).
        if (open && writer.FileSize() >= options_.sst_file_bytes)
          PARLEY_RETURN_IF_ERROR(finish_file());
        if (!open) {
          if (have_file_last && k == file_last) return DuplicateError(cf, k);
          std::string path = work_dir_ + "/cf" + std::to_string(cf) + "-r" +
                             std::to_string(number) + "-" + std::to_string(range->ssts.size()) +
                             ".sst";
          rocksdb::Status s = writer.Open(path);
          if (!s.ok()) return Status::IOError("creating " + path + ": " + s.ToString());
          range->ssts.push_back(path);
          open = true;
          ++stats->sst_files;
        }
        rocksdb::Status s =
            writer.Put(rocksdb::Slice(k.data(), k.size()), rocksdb::Slice(v.data(), v.size()));
        if (s.IsInvalidArgument()) return DuplicateError(cf, k);  // not ascending: a repeat
        if (!s.ok())
          return Status::IOError("writing SST " + range->ssts.back() + ": " + s.ToString());
        ++stats->entries;
        stats->key_bytes += static_cast<int64_t>(k.size());
        stats->value_bytes += static_cast<int64_t>(v.size());
        return Status::OK();
      }));
  if (open) PARLEY_RETURN_IF_ERROR(finish_file());
  return Status::OK();
}

Status BulkLoader::Impl::FinishLoad() {
  auto start = Clock::now();
  PARLEY_RETURN_IF_ERROR(error_);
  PARLEY_RETURN_IF_ERROR(FinishSpill());
  for (int cf : kLoadedCfs) {
    for (const Run& r : runs_[cf]) {
      ++stats_->runs_spilled;
      stats_->spilled_bytes += static_cast<int64_t>(r.bytes);
    }
  }

  // Sort the last batch, and bring the run count within one merge, per family in parallel.
  active_->Partition();
  std::vector<int> cfs(std::begin(kLoadedCfs), std::end(kLoadedCfs));
  std::sort(cfs.begin(), cfs.end(),
            [this](int a, int b) { return active_->size(a) > active_->size(b); });
  PARLEY_RETURN_IF_ERROR(RunParallel(cfs.size(), threads_, [&](size_t i, int) {
    SortItems(active_->begin(cfs[i]), active_->size(cfs[i]));
    return ReduceRuns(cfs[i]);
  }));

  // Cut the families into ranges of about equal size, several per thread, so that the biggest
  // ones can be handed out first and the threads finish close together.
  uint64_t total = 0;
  for (int cf : kLoadedCfs) {
    total += active_->size(cf);
    for (const Run& r : runs_[cf]) total += r.entries;
  }
  uint64_t range_entries =
      std::max<uint64_t>(kMinRangeEntries, total / static_cast<uint64_t>(threads_ * 8));
  std::vector<Range> ranges;
  for (int cf : kLoadedCfs) PlanRanges(cf, range_entries, &ranges);
  std::vector<size_t> order(ranges.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return ranges[a].entries > ranges[b].entries; });
  std::vector<Stats> thread_stats(static_cast<size_t>(threads_));
  PARLEY_RETURN_IF_ERROR(RunParallel(order.size(), threads_, [&](size_t i, int t) {
    return MergeRange(&ranges[order[i]], order[i], &thread_stats[static_cast<size_t>(t)]);
  }));
  std::vector<std::vector<std::string>> ssts(kNumCfs);
  for (Range& r : ranges) {
    auto& files = ssts[static_cast<size_t>(r.cf)];
    files.insert(files.end(), r.ssts.begin(), r.ssts.end());
  }
  for (const Stats& ts : thread_stats) {
    stats_->entries += ts.entries;
    stats_->key_bytes += ts.key_bytes;
    stats_->value_bytes += ts.value_bytes;
    stats_->sst_files += ts.sst_files;
    stats_->sst_bytes += ts.sst_bytes;
  }
  for (Batch& b : batches_) b.Release();
  stats_->merge_seconds = SecondsSince(start);

  auto ingest_start = Clock::now();
  std::map<std::string, int64_t> label_counts, type_counts;
  for (size_t i = 0; i < names_.size(); ++i) {
    if (label_counts_[i]) label_counts[names_[i].name] = label_counts_[i];
    if (type_counts_[i]) type_counts[names_[i].name] = type_counts_[i];
  }
  PARLEY_RETURN_IF_ERROR(
      store_->IngestFiles(ssts, label_counts, type_counts, nodes_, rels_, articles_, text_));
  stats_->ingest_seconds = SecondsSince(ingest_start);
  stats_->nodes = nodes_;
  stats_->relationships = rels_;
  stats_->articles = articles_;
  return Status::OK();
}

// ---------------------------------------------------------------------------- BulkLoader

BulkLoader::BulkLoader(GraphStore* store, Options options)
    : impl_(std::make_unique<Impl>(store, std::move(options), &stats_)) {}

BulkLoader::~BulkLoader() = default;

Status BulkLoader::AddNode(NodeId id, const std::vector<std::string>& labels,
                           const PropertyMap& properties) {
  return impl_->AddNode(id, labels, properties);
}

Status BulkLoader::AddRelationship(RelId id, std::string_view type, NodeId start, NodeId end,
                                   const PropertyMap& properties) {
  return impl_->AddRelationship(id, type, start, end, properties);
}

Status BulkLoader::AddArticle(const ArticleRecord& article, const std::vector<NodeId>& nodes,
                              const std::vector<RelId>& rels) {
  return impl_->AddArticle(article, nodes, rels);
}

Status BulkLoader::Finish() {
  return impl_->Finish();
}

}  // namespace parley

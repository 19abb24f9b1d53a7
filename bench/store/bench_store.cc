// parley_bench_store: the store's load and read figures on the synthetic news graph.
//
// Reads the CSV files of `gen.py --scale S --out DIR` (../shared/bench/graph) and, in one run:
//  1. checks on a small subset that BulkLoader writes a store byte-identical to the one
//     GraphStore::Apply writes for the same elements (--verify-demands, 0 to skip);
//  2. bulk-loads the whole graph into a fresh store (read CSV + encode + sort + SST + ingest),
//     timed from the first CSV byte to the ingested store; peak RSS; bytes on disk after Flush;
//  3. checks that GetStats matches the CSV row counts per label and type (exit 1 otherwise);
//  4. random point reads (GetNode) and adjacency scans (Neighbours of random actors);
//  5. RocksDB's raw WriteBatch ceiling on this machine (1,000 puts a batch, WAL on, default
//     options, as ../shared/bench/graph/rocksdb_ceiling.cc does) with keys and values of the
//     load's mean sizes, extrapolated to the number of entries the load wrote;
//  6. the store's own transactional write rate: GraphStore::Apply over ~100k elements in
//     batches of 1,000 operations.
// It is a benchmark, not a test: it prints figures (and with --jsonl one JSON line on stdout,
// the text going to stderr) and fails only when the data is wrong.
//
// The CSV reading and the mapping of the synthetic model onto Parley's names (MAKES -> DEMANDS,
// TARGETS -> OF, CONCERNS -> ABOUT) are in bench/graph_data.h, shared with the query benchmark.
#include <fcntl.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "bench/bench_report.h"
#include "bench/graph_data.h"
#include "storage/bulk_loader.h"
#include "storage/graph_store.h"
#include "storage/keys.h"
#include "util/hash.h"

namespace fs = std::filesystem;
using parley::BulkLoader;
using parley::GraphStore;
using parley::PropertyMap;
using parley::Status;
using parley::Value;
using parley::bench::BulkSink;
using parley::bench::Check;
using parley::bench::Clock;
using parley::bench::Die;
using parley::bench::EdgeKind;
using parley::bench::FindFiles;
using parley::bench::g_jsonl;
using parley::bench::GraphFiles;
using parley::bench::GraphSink;
using parley::bench::IdCache;
using parley::bench::ReadCounts;
using parley::bench::ReadEdges;
using parley::bench::ReadGraph;
using parley::bench::Say;
using parley::bench::Since;
using parley::bench::Subset;

namespace {

// Collects GraphBatches of `per_batch` operations for GraphStore::Apply.
struct BatchSink : GraphSink {
  size_t per_batch;
  std::vector<parley::GraphBatch> batches;
  explicit BatchSink(size_t n) : per_batch(n) {}
  parley::GraphBatch& Current() {
    if (batches.empty() || batches.back().size() >= per_batch) batches.emplace_back();
    return batches.back();
  }
  void Node(uint64_t id, const std::vector<std::string>& labels, const PropertyMap& p) override {
    Current().PutNode(id, labels, p);
  }
  void Rel(uint64_t id, const char* type, uint64_t start, uint64_t end,
           const PropertyMap& p) override {
    Current().PutRelationship(id, type, start, end, p);
  }
};

// Elements the synthetic graph lacks, so that the equivalence check also covers several and
// repeated labels, list properties (with a repeat) in an index, nulls, floats, booleans and
// relationship properties.
void AddExtras(GraphSink* sink) {
  PropertyMap p{{"id", "x-1"},
                {"name", "Extra \"one\""},
                {"aliases", Value(parley::ValueList{"b", "a", "b", Value()})},
                {"score", 0.5},
                {"active", true},
                {"gone", Value()}};
  uint64_t a = parley::IdFor("Extra:1"), b = parley::IdFor("Extra:2");
  sink->Node(a, {"Actor", "Person", "Actor"}, p);
  sink->Node(b, {"Policy"}, {{"name", "x policy"}, {"tags", Value(parley::ValueList{1, 2})}});
  sink->Rel(parley::IdFor("Extra:r1"), "SUPPORTS", a, b,
            {{"confidence", 0.75}, {"negated", false}, {"quote", "x"}, {"none", Value()}});
}

// ---------------------------------------------------------------------------- measures

// The 1-minute load average: how busy the (shared) machine was.
double LoadAverage() {
  double l = 0;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &l) != 1) l = 0;
    std::fclose(f);
  }
  return l;
}

int64_t PeakRssBytes() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<int64_t>(ru.ru_maxrss) * 1024;  // KiB on Linux
}

int64_t DirBytes(const std::string& dir) {
  int64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) total += static_cast<int64_t>(it->file_size(ec));
  }
  return total;
}

// User + system CPU seconds of the process so far (all threads): on a shared machine this moves
// less than wall time.
double CpuSeconds() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Latency {
  double median_us = 0, p99_us = 0, mean_us = 0, total_s = 0;
};

Latency Summarise(std::vector<double>& us) {
  Latency l;
  if (us.empty()) return l;
  std::sort(us.begin(), us.end());
  double sum = 0;
  for (double v : us) sum += v;
  l.median_us = us[us.size() / 2];
  l.p99_us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  l.mean_us = sum / static_cast<double>(us.size());
  l.total_s = sum / 1e6;
  return l;
}

std::unique_ptr<GraphStore> OpenFresh(const std::string& dir) {
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::remove_all(dir + ".bulk", ec);
  std::unique_ptr<GraphStore> store;
  Check(GraphStore::Open(dir, GraphStore::Options(), &store), "opening " + dir);
  return store;
}

std::string Hex(std::string_view s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(d[c >> 4]);
    out.push_back(d[c & 15]);
  }
  return out;
}

// Compares every column family of two closed stores key by key; "" if equal.
std::string CompareStores(const std::string& a, const std::string& b) {
  std::vector<rocksdb::ColumnFamilyDescriptor> cfds;
  for (int i = 0; i < parley::keys::kNumColumnFamilies; ++i) {
    cfds.emplace_back(parley::keys::ColumnFamilyName(i), rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> ha, hb;
  rocksdb::DB *da = nullptr, *db = nullptr;
  auto s = rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), a, cfds, &ha, &da);
  if (!s.ok()) Die("opening " + a + ": " + s.ToString());
  s = rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), b, cfds, &hb, &db);
  if (!s.ok()) Die("opening " + b + ": " + s.ToString());
  std::string diff;
  int64_t compared = 0;
  for (size_t i = 0; i < cfds.size() && diff.empty(); ++i) {
    std::unique_ptr<rocksdb::Iterator> ia(da->NewIterator(rocksdb::ReadOptions(), ha[i]));
    std::unique_ptr<rocksdb::Iterator> ib(db->NewIterator(rocksdb::ReadOptions(), hb[i]));
    ia->SeekToFirst();
    ib->SeekToFirst();
    for (; ia->Valid() && ib->Valid(); ia->Next(), ib->Next(), ++compared) {
      if (ia->key() != ib->key() || ia->value() != ib->value()) {
        diff = std::string(cfds[i].name) + ": " + Hex(ia->key().ToStringView()) + " = " +
               Hex(ia->value().ToStringView()) + " vs " + Hex(ib->key().ToStringView()) + " = " +
               Hex(ib->value().ToStringView());
        break;
      }
    }
    if (diff.empty() && (ia->Valid() || ib->Valid())) {
      diff = std::string(cfds[i].name) + ": one store has more entries";
    }
  }
  for (auto* h : ha) da->DestroyColumnFamilyHandle(h);
  for (auto* h : hb) db->DestroyColumnFamilyHandle(h);
  delete da;
  delete db;
  if (diff.empty() && compared == 0) diff = "both stores are empty";
  return diff;
}

// ---------------------------------------------------------------------------- steps

// Step 1: the first `demands` demands, their edges and the nodes those edges reach, loaded
// through Apply and through BulkLoader into fresh stores, must give identical stores.
void VerifyEquivalence(const GraphFiles& g, const std::string& work, int64_t demands) {
  // Which nodes the chosen demands' edges reach.
  std::map<std::string, std::set<int64_t>> wanted;
  for (int64_t d = 0; d < demands; ++d) wanted["Demand"].insert(d);
  Subset pick_edges;
  pick_edges.node = [](const std::string&, int64_t) { return false; };
  pick_edges.edge = [&](const EdgeKind& k, int64_t from, int64_t to) {
    bool from_demand = std::string_view(k.from) == "Demand";
    int64_t demand = from_demand ? from : to;
    if (demand >= demands) return false;
    wanted[from_demand ? k.to : k.from].insert(from_demand ? to : from);
    return false;
  };
  struct NullSink : GraphSink {
    void Node(uint64_t, const std::vector<std::string>&, const PropertyMap&) override {}
    void Rel(uint64_t, const char*, uint64_t, uint64_t, const PropertyMap&) override {}
  } null_sink;
  for (const auto& [kind, path] : g.edges) {
    ReadCounts ignored;
    IdCache ids;
    ReadEdges(*kind, path, &pick_edges, &null_sink, &ignored, &ids);
  }
  Subset subset;
  subset.node = [&](const std::string& label, int64_t id) {
    auto it = wanted.find(label);
    return it != wanted.end() && it->second.count(id) > 0;
  };
  subset.edge = [&](const EdgeKind& k, int64_t from, int64_t to) {
    return (std::string_view(k.from) == "Demand" ? from : to) < demands;
  };

  auto t0 = Clock::now();
  std::string apply_dir = work + "/verify-apply", bulk_dir = work + "/verify-bulk";
  int64_t elements = 0, runs = 0, ssts = 0;
  {
    auto store = OpenFresh(apply_dir);
    BatchSink batches(1000);
    ReadCounts c = ReadGraph(g, &subset, &batches);
    AddExtras(&batches);
    elements = c.nodes + c.rels + 3;
    for (const auto& b : batches.batches) Check(store->Apply(b), "Apply");
  }
  {
    auto store = OpenFresh(bulk_dir);
    BulkLoader::Options o;
    // A tiny budget, so that the check also goes through spilled runs and their merge.
    o.memory_budget_bytes = 8 * 1024;
    o.sst_file_bytes = 4 * 1024;
    BulkLoader loader(store.get(), o);
    BulkSink sink(&loader);
    ReadGraph(g, &subset, &sink);
    AddExtras(&sink);
    Check(loader.Finish(), "bulk Finish");
    runs = loader.stats().runs_spilled;
    ssts = loader.stats().sst_files;
  }
  std::string diff = CompareStores(apply_dir, bulk_dir);
  if (!diff.empty()) Die("bulk-loaded store differs from the Apply-written one: " + diff);
  std::error_code ec;
  fs::remove_all(apply_dir, ec);
  fs::remove_all(bulk_dir, ec);
  // With a few hundred demands the tiny budget spills more runs per column family than one
  // merge takes (32, so runs are merged in passes) and cuts several SSTs per family, so those
  // paths are checked too.
  Say("verify: %" PRId64 " elements through Apply and BulkLoader (%" PRId64 " runs, %" PRId64
      " SSTs) give identical stores (%.1f s)%s\n",
      elements, runs, ssts, Since(t0),
      runs > 6 * 32 && ssts > 12 ? "" : "; too small to exercise multi-pass merges and SST cuts");
}

struct LoadResult {
  double seconds = 0;
  double cpu_seconds = 0;
  int64_t peak_rss = 0;
  int64_t disk_bytes = 0;
  BulkLoader::Stats stats;
  ReadCounts counts;
};

// Reservoir sample of node ids, so that the read step needs no list of every node.
struct SamplingSink : BulkSink {
  size_t want;
  std::vector<uint64_t> nodes, actors;
  uint64_t seen_nodes = 0, seen_actors = 0;
  std::mt19937_64 rng{42};
  SamplingSink(BulkLoader* l, size_t n) : BulkSink(l), want(n) {}
  static void Offer(std::vector<uint64_t>* v, uint64_t* seen, size_t want, uint64_t id,
                    std::mt19937_64& rng) {
    ++*seen;
    if (v->size() < want) {
      v->push_back(id);
    } else {
      uint64_t j = rng() % *seen;
      if (j < want) (*v)[j] = id;
    }
  }
  void Node(uint64_t id, const std::vector<std::string>& labels, const PropertyMap& p) override {
    BulkSink::Node(id, labels, p);
    Offer(&nodes, &seen_nodes, want, id, rng);
    if (labels[0] == "Actor") Offer(&actors, &seen_actors, want, id, rng);
  }
};

}  // namespace

int main(int argc, char** argv) {
  parley::bench::g_program = "parley_bench_store";
  std::string data_dir, work;
  size_t budget_mib = 256;
  int64_t reads = 100000, scans = 2000, ceiling_puts = 2000000, apply_demands = 20000,
          verify_demands = 300;
  bool compress = true;
  int threads = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die("missing value after " + a);
      return argv[++i];
    };
    if (a == "--jsonl") {
      g_jsonl = true;
    } else if (a == "--work") {
      work = value();
    } else if (a == "--budget-mib") {
      budget_mib = std::stoull(value());
    } else if (a == "--threads") {
      threads = std::stoi(value());
    } else if (a == "--no-compression") {
      compress = false;
    } else if (a == "--reads") {
      reads = std::stoll(value());
    } else if (a == "--scans") {
      scans = std::stoll(value());
    } else if (a == "--ceiling-puts") {
      ceiling_puts = std::stoll(value());
    } else if (a == "--apply-demands") {
      apply_demands = std::stoll(value());
    } else if (a == "--verify-demands") {
      verify_demands = std::stoll(value());
    } else if (a == "-h" || a == "--help") {
      std::printf(
          "usage: parley_bench_store DATA_DIR [--work DIR] [--jsonl] [--budget-mib 256]\n"
          "  [--threads 0] [--no-compression] [--reads 100000] [--scans 2000]\n"
          "  [--ceiling-puts 2000000] [--apply-demands 20000] [--verify-demands 300]\n"
          "DATA_DIR: output of gen.py (csv/ inside). WORK (default DATA_DIR/bench-work) holds\n"
          "the scratch stores, removed at the end. A count of 0 skips that step.\n");
      return 0;
    } else if (!a.starts_with("--") && data_dir.empty()) {
      data_dir = a;
    } else {
      Die("unknown argument " + a + " (try --help)");
    }
  }
  if (data_dir.empty()) Die("usage: parley_bench_store DATA_DIR [options] (try --help)");
  if (work.empty()) work = data_dir + "/bench-work";
  std::error_code ec;
  fs::create_directories(work, ec);
  GraphFiles files = FindFiles(data_dir);
  double load_avg = LoadAverage();
  Say("parley_bench_store: data %s, work %s, %u cores, load average %.2f\n", data_dir.c_str(),
      work.c_str(), std::thread::hardware_concurrency(), load_avg);

  // 1. Equivalence with the transactional path.
  if (verify_demands > 0) VerifyEquivalence(files, work, verify_demands);

  // 2. The bulk load.
  std::string db_dir = work + "/db";
  auto store = OpenFresh(db_dir);
  LoadResult load;
  std::vector<uint64_t> sample_nodes, sample_actors;
  {
    BulkLoader::Options o;
    o.memory_budget_bytes = budget_mib << 20;
    o.threads = threads;
    o.compress = compress;
    auto t0 = Clock::now();
    double cpu0 = CpuSeconds();
    BulkLoader loader(store.get(), o);
    SamplingSink sink(&loader, static_cast<size_t>(std::max(reads, scans)));
    load.counts = ReadGraph(files, nullptr, &sink);
    Check(loader.Finish(), "bulk load");
    load.seconds = Since(t0);
    load.cpu_seconds = CpuSeconds() - cpu0;
    load.stats = loader.stats();
    sample_nodes = std::move(sink.nodes);
    sample_actors = std::move(sink.actors);
  }
  load.peak_rss = PeakRssBytes();
  Check(store->Flush(), "flush");
  load.disk_bytes = DirBytes(db_dir);
  const auto& st = load.stats;
  Say("load: %" PRId64 " nodes, %" PRId64
      " relationships in %.2f s (%.0f rels/s, %.0f entries/s), "
      "CPU %.2f s\n",
      st.nodes, st.relationships, load.seconds, st.relationships / load.seconds,
      st.entries / load.seconds, load.cpu_seconds);
  Say("  %" PRId64 " entries (keys %.1f MB, values %.1f MB), %" PRId64
      " runs spilled (%.1f MB), "
      "%" PRId64 " SSTs (%.1f MB); waited for spill %.2f s, merge+SST %.2f s, ingest %.2f s\n",
      st.entries, st.key_bytes / 1e6, st.value_bytes / 1e6, st.runs_spilled, st.spilled_bytes / 1e6,
      st.sst_files, st.sst_bytes / 1e6, st.spill_wait_seconds, st.merge_seconds, st.ingest_seconds);
  Say("  peak RSS %.1f MiB (budget %zu MiB); on disk after flush %.1f MB\n",
      load.peak_rss / 1048576.0, budget_mib, load.disk_bytes / 1e6);

  // 3. Counts.
  parley::GraphStats gs;
  Check(store->GetStats(&gs), "GetStats");
  bool counts_ok = gs.nodes == load.counts.nodes && gs.relationships == load.counts.rels &&
                   gs.labels == load.counts.labels && gs.types == load.counts.types;
  Say("counts: %s (store %" PRId64 " nodes / %" PRId64 " relationships, CSV %" PRId64 " / %" PRId64
      ")\n",
      counts_ok ? "match the CSV rows" : "MISMATCH", gs.nodes, gs.relationships, load.counts.nodes,
      load.counts.rels);
  for (const auto& [l, n] : load.counts.labels) {
    auto it = gs.labels.find(l);
    Say("  :%s %" PRId64 " (store %" PRId64 ")\n", l.c_str(), n,
        it == gs.labels.end() ? 0 : it->second);
  }
  for (const auto& [t, n] : load.counts.types) {
    auto it = gs.types.find(t);
    Say("  [:%s] %" PRId64 " (store %" PRId64 ")\n", t.c_str(), n,
        it == gs.types.end() ? 0 : it->second);
  }

  // 4. Point reads and scans.
  Latency read_lat, scan_lat;
  double reads_per_s = 0, scan_rels_per_s = 0;
  int64_t scanned_rels = 0, max_scan = 0;
  std::mt19937_64 rng(7);
  if (reads > 0 && !sample_nodes.empty()) {
    std::vector<double> us;
    us.reserve(static_cast<size_t>(reads));
    parley::Node n;
    auto t0 = Clock::now();
    for (int64_t i = 0; i < reads; ++i) {
      uint64_t id = sample_nodes[rng() % sample_nodes.size()];
      auto t = Clock::now();
      Status s = store->GetNode(id, &n);
      us.push_back(Since(t) * 1e6);
      if (!s.ok() || n.labels.empty()) Die("GetNode of a loaded node failed: " + s.message());
    }
    reads_per_s = static_cast<double>(reads) / Since(t0);
    read_lat = Summarise(us);
    Say("point reads: %" PRId64 " GetNode, %.0f ops/s, median %.1f us, p99 %.1f us\n", reads,
        reads_per_s, read_lat.median_us, read_lat.p99_us);
  }
  if (scans > 0 && !sample_actors.empty()) {
    std::vector<double> us;
    auto t0 = Clock::now();
    for (int64_t i = 0; i < scans; ++i) {
      uint64_t id = sample_actors[rng() % sample_actors.size()];
      auto t = Clock::now();
      int64_t n = 0;
      auto c = store->Neighbours(id, parley::Direction::kBoth);
      for (; c->Valid(); c->Next()) ++n;
      Check(c->status(), "Neighbours");
      us.push_back(Since(t) * 1e6);
      scanned_rels += n;
      max_scan = std::max(max_scan, n);
    }
    double secs = Since(t0);
    scan_rels_per_s = static_cast<double>(scanned_rels) / secs;
    scan_lat = Summarise(us);
    Say("scans: %" PRId64 " Neighbours(actor, both), %" PRId64 " relationships (max %" PRId64
        " in one), %.0f rels/s, median %.1f us, p99 %.1f us per scan\n",
        scans, scanned_rels, max_scan, scan_rels_per_s, scan_lat.median_us, scan_lat.p99_us);
  }
  store.reset();
  fs::remove_all(db_dir, ec);

  // 5. RocksDB's WriteBatch ceiling, with the load's mean key and value sizes.
  double ceiling_puts_per_s = 0, ceiling_equiv_s = 0;
  size_t key_size = 0, value_size = 0;
  if (ceiling_puts > 0 && st.entries > 0) {
    key_size = static_cast<size_t>(std::max<int64_t>(8, st.key_bytes / st.entries));
    value_size = static_cast<size_t>(st.value_bytes / st.entries);
    std::string dir = work + "/ceiling";
    rocksdb::Options opt;
    rocksdb::DestroyDB(dir, opt);
    opt.create_if_missing = true;
    opt.IncreaseParallelism(static_cast<int>(std::thread::hardware_concurrency()));
    rocksdb::DB* raw = nullptr;
    auto s = rocksdb::DB::Open(opt, dir, &raw);
    if (!s.ok()) Die("opening " + dir + ": " + s.ToString());
    std::unique_ptr<rocksdb::DB> db(raw);
    rocksdb::WriteOptions wo;  // WAL on, no sync
    std::string k(key_size, '\0'), v(value_size, '\0');
    std::mt19937_64 wrng(11);
    auto t0 = Clock::now();
    for (int64_t i = 0; i < ceiling_puts;) {
      rocksdb::WriteBatch wb;
      for (int j = 0; j < 1000 && i < ceiling_puts; ++j, ++i) {
        // Random-looking keys, as the load's ids are hashes.
        for (size_t o = 0; o < key_size; o += 8) {
          uint64_t x = wrng();
          std::memcpy(k.data() + o, &x, std::min<size_t>(8, key_size - o));
        }
        for (size_t o = 0; o < value_size; o += 8) {
          uint64_t x = wrng();
          std::memcpy(v.data() + o, &x, std::min<size_t>(8, value_size - o));
        }
        wb.Put(k, v);
      }
      s = db->Write(wo, &wb);
      if (!s.ok()) Die("write: " + s.ToString());
    }
    double secs = Since(t0);
    ceiling_puts_per_s = static_cast<double>(ceiling_puts) / secs;
    ceiling_equiv_s = static_cast<double>(st.entries) / ceiling_puts_per_s;
    db.reset();
    rocksdb::DestroyDB(dir, rocksdb::Options());
    fs::remove_all(dir, ec);
    Say("rocksdb WriteBatch ceiling: %" PRId64
        " puts (key %zu B, value %zu B, batch 1000, WAL on) "
        "at %.0f puts/s; the load's %" PRId64
        " entries would take %.1f s that way: bulk load / "
        "WriteBatch = %.2f\n",
        ceiling_puts, key_size, value_size, ceiling_puts_per_s, st.entries, ceiling_equiv_s,
        load.seconds / ceiling_equiv_s);
  }

  // 6. The store's transactional path.
  double apply_s = 0;
  int64_t apply_elements = 0;
  if (apply_demands > 0) {
    Subset subset;
    subset.node = [&](const std::string& label, int64_t id) {
      return label == "Actor" || label == "Policy" || (label == "Demand" && id < apply_demands);
    };
    subset.edge = [&](const EdgeKind& k, int64_t from, int64_t to) {
      if (std::string_view(k.type) == "REPORTED_IN") return false;
      return (std::string_view(k.from) == "Demand" ? from : to) < apply_demands;
    };
    BatchSink batches(1000);
    ReadCounts c = ReadGraph(files, &subset, &batches);
    apply_elements = c.nodes + c.rels;
    std::string dir = work + "/apply";
    auto astore = OpenFresh(dir);
    auto t0 = Clock::now();
    for (const auto& b : batches.batches) Check(astore->Apply(b), "Apply");
    apply_s = Since(t0);
    astore.reset();
    fs::remove_all(dir, ec);
    Say("GraphStore::Apply: %" PRId64 " nodes + %" PRId64
        " relationships in batches of 1000 ops: "
        "%.2f s, %.0f elements/s (bulk load: %.0f elements/s)\n",
        c.nodes, c.rels, apply_s, apply_elements / apply_s,
        (st.nodes + st.relationships) / load.seconds);
  }
  fs::remove_all(work, ec);

  if (g_jsonl) {
    std::printf("{\"bench\":\"parley_store\",\"loadavg\":%.2f,\"nodes\":%" PRId64
                ",\"relationships\":%" PRId64
                ",\"load_s\":%.3f,\"load_cpu_s\":%.3f,\"rels_per_s\":%.0f,\"entries\":%" PRId64
                ",\"key_bytes\":%" PRId64 ",\"value_bytes\":%" PRId64 ",\"runs_spilled\":%" PRId64
                ",\"sst_files\":%" PRId64
                ",\"spill_wait_s\":%.3f,\"merge_s\":%.3f,\"ingest_s\":%.3f,\"budget_mib\":%zu"
                ",\"peak_rss_bytes\":%" PRId64 ",\"disk_bytes\":%" PRId64
                ",\"counts_ok\":%s"
                ",\"reads\":%" PRId64
                ",\"reads_per_s\":%.0f,\"read_median_us\":%.2f,\"read_p99_us\":%.2f"
                ",\"scans\":%" PRId64 ",\"scan_rels\":%" PRId64
                ",\"scan_rels_per_s\":%.0f"
                ",\"scan_median_us\":%.2f,\"scan_p99_us\":%.2f"
                ",\"ceiling_puts\":%" PRId64
                ",\"ceiling_key_bytes\":%zu,\"ceiling_value_bytes\":%zu"
                ",\"ceiling_puts_per_s\":%.0f,\"ceiling_equiv_s\":%.3f"
                ",\"apply_elements\":%" PRId64 ",\"apply_s\":%.3f}\n",
                load_avg, st.nodes, st.relationships, load.seconds, load.cpu_seconds,
                st.relationships / load.seconds, st.entries, st.key_bytes, st.value_bytes,
                st.runs_spilled, st.sst_files, st.spill_wait_seconds, st.merge_seconds,
                st.ingest_seconds, budget_mib, load.peak_rss, load.disk_bytes,
                counts_ok ? "true" : "false", reads, reads_per_s, read_lat.median_us,
                read_lat.p99_us, scans, scanned_rels, scan_rels_per_s, scan_lat.median_us,
                scan_lat.p99_us, ceiling_puts, key_size, value_size, ceiling_puts_per_s,
                ceiling_equiv_s, apply_elements, apply_s);
  }
  return counts_ok ? 0 : 1;
}

// parley_bench_fulltext: what the full-text index (storage/fulltext_index.h) costs and gives.
//
// Reads the facts of `parley extract --format jsonl` (one document a line), then in one run,
// for --rounds rounds, ingests all the articles into a fresh store with the index and into one
// without it (GraphStore::Options::full_text_index false), alternating which goes first, each
// timed from open to close (the close flushes to table files), in two ways:
//  - from the facts lines: JSON parsing, FactsToGraph (graph/graph_model.h) and
//    GraphStore::WriteArticle, what `parley ingest --facts` does per article;
//  - the store's writes alone: WriteArticle of records and changes prepared before the timing.
// It prints:
//  - for each, seconds with and without the index (median of the rounds) and their ratio;
//    also the CPU seconds of the process (its RocksDB threads included) and their ratio, which
//    other programs running on the machine disturb less than the wall-clock time;
//  - bytes on disk of both stores after close, and the difference (the index's size);
//  - SearchText latency on the store with the index: --queries queries of one word, two words
//    and a two-word phrase taken from the stored demand texts (a fixed seed), limit 10:
//    median and p99, and the mean number of hits.
// With --only with (or without), it ingests into that store alone and prints its times, for a
// profiler (perf record) to see the one without the other.
// It is a benchmark, not a test: it prints figures (with --jsonl one JSON line on stdout, the
// text going to stderr) and fails only when something cannot be read or written.
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/facts.h"
#include "graph/graph_model.h"
#include "storage/fulltext_index.h"
#include "storage/graph_store.h"

namespace fs = std::filesystem;
using namespace parley;
using Clock = std::chrono::steady_clock;

namespace {

bool g_jsonl = false;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "parley_bench_fulltext: %s\n", what.c_str());
  std::exit(1);
}

void Check(const Status& s, const std::string& what) {
  if (!s.ok()) Die(what + ": " + s.message());
}

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int64_t DirBytes(const std::string& dir) {
  int64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec)) total += static_cast<int64_t>(e.file_size(ec));
  }
  return total;
}

// CPU seconds used by this process so far, all its threads.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

struct Article {
  ArticleRecord record;
  GraphBatch facts;
};

// Writes every article into a fresh store at `dir` (index on or off); seconds from open to
// close, and in `*cpu` the CPU seconds the process used meanwhile. With `lines`, each article is
// first read from its facts line (JSON parsing and FactsToGraph timed too, as `parley ingest
// --facts` does them); else the prepared records and changes are written (the store's writes
// alone).
double Ingest(const std::vector<Article>& articles, const std::vector<std::string>* lines,
              const GraphModel& model, const std::string& dir, bool index, double* cpu) {
  fs::remove_all(dir);
  auto start = Clock::now();
  const double cpu_start = CpuSeconds();
  GraphStore::Options o;
  o.full_text_index = index;
  std::unique_ptr<GraphStore> store;
  Check(GraphStore::Open(dir, o, &store), "opening " + dir);
  ArticleOutcome outcome;
  if (lines) {
    for (const auto& line : *lines) {
      DocumentFacts doc;
      Article a;
      Check(ParseFacts(line, &doc), "parsing facts");
      Check(FactsToGraph(doc, model, &a.record, &a.facts), "graph of " + doc.doc);
      Check(store->WriteArticle(a.record, a.facts, &outcome), "writing " + a.record.id);
    }
  } else {
    for (const auto& a : articles) {
      Check(store->WriteArticle(a.record, a.facts, &outcome), "writing " + a.record.id);
    }
  }
  Check(store->Close(), "closing " + dir);
  *cpu = CpuSeconds() - cpu_start;
  return Since(start);
}

}  // namespace

int main(int argc, char** argv) {
  std::string facts_path, work = "/tmp/parley-bench/fulltext";
  int rounds = 3;
  int queries = 300;
  std::string only;  // "with", "without" or empty (both)
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
    } else if (a == "--rounds") {
      rounds = std::stoi(value());
    } else if (a == "--only") {
      only = value();
      if (only != "with" && only != "without") Die("--only takes with or without");
    } else if (a == "--queries") {
      queries = std::stoi(value());
    } else if (a == "-h" || a == "--help") {
      std::printf(
          "usage: parley_bench_fulltext FACTS.jsonl [--work DIR] [--rounds 3] [--queries 300] "
          "[--only with|without] [--jsonl]\nFACTS.jsonl: the output of `parley extract --format "
          "jsonl`.\n");
      return 0;
    } else if (!a.starts_with("--") && facts_path.empty()) {
      facts_path = a;
    } else {
      Die("unknown argument " + a + " (try --help)");
    }
  }
  if (facts_path.empty()) Die("usage: parley_bench_fulltext FACTS.jsonl [options]");

  GraphModel model;
  Check(GraphModel::LoadDefault(&model), "loading the graph model");
  std::vector<Article> articles;
  std::vector<std::string> texts;  // demand texts, for the queries
  std::vector<std::string> lines;  // the facts lines
  {
    std::ifstream in(facts_path);
    if (!in) Die("cannot read " + facts_path);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      DocumentFacts doc;
      Check(ParseFacts(line, &doc), facts_path + ":" + std::to_string(n));
      lines.push_back(line);
      Article a;
      Check(FactsToGraph(doc, model, &a.record, &a.facts), facts_path + ":" + std::to_string(n));
      for (const auto& op : a.facts.ops()) {
        auto it = op.properties.find("text");
        if (it != op.properties.end() && it->second.is_string()) {
          texts.push_back(it->second.as_string());
        }
      }
      articles.push_back(std::move(a));
    }
  }
  size_t elements = 0;
  for (const auto& a : articles) elements += a.facts.size();
  std::fprintf(stderr, "parley_bench_fulltext: %zu articles, %zu graph changes, %d rounds\n",
               articles.size(), elements, rounds);

  fs::create_directories(work);
  const std::string with = work + "/with", without = work + "/without";
  // [0]: from the facts lines, [1]: the store's writes alone; each with and without.
  std::vector<double> on[2], off[2], cpu_on[2], cpu_off[2];
  for (int r = 0; r < rounds; ++r) {
    for (int kind = 0; kind < 2; ++kind) {
      const std::vector<std::string>* from = kind == 0 ? &lines : nullptr;
      double cpu = 0;
      for (int first = 0; first < 2; ++first) {
        const bool index = (first == 0) == (r % 2 == 0);
        if (!only.empty() && index != (only == "with")) continue;
        const double t = Ingest(articles, from, model, index ? with : without, index, &cpu);
        (index ? on : off)[kind].push_back(t);
        (index ? cpu_on : cpu_off)[kind].push_back(cpu);
      }
    }
  }
  if (!only.empty()) {
    const bool index = only == "with";
    std::fprintf(stderr,
                 "%s the index only: from facts %.3f s (CPU %.3f s), store writes alone %.3f s "
                 "(CPU %.3f s), medians of %d\n",
                 index ? "with" : "without", Median((index ? on : off)[0]),
                 Median((index ? cpu_on : cpu_off)[0]), Median((index ? on : off)[1]),
                 Median((index ? cpu_on : cpu_off)[1]), rounds);
    fs::remove_all(index ? with : without);
    return 0;
  }
  const int64_t bytes_on = DirBytes(with), bytes_off = DirBytes(without);

  // Queries from the demand texts: a word, two words, a phrase of two neighbours.
  std::mt19937_64 rng(20260407);
  std::vector<std::string> asked;
  for (int q = 0; q < queries && !texts.empty(); ++q) {
    std::vector<std::string> words = fulltext::Tokens(texts[rng() % texts.size()]);
    if (words.empty()) continue;
    size_t i = rng() % words.size();
    const std::string& w = words[i];
    const std::string& next = words[std::min(i + 1, words.size() - 1)];
    switch (q % 3) {
      case 0:
        asked.push_back(w);
        break;
      case 1:
        asked.push_back(w + " " + words[rng() % words.size()]);
        break;
      default:
        asked.push_back("\"" + w + " " + next + "\"");
        break;
    }
  }
  std::vector<double> latency_us;
  double hits_total = 0;
  {
    GraphStore::Options o;
    o.read_only = true;
    std::unique_ptr<GraphStore> store;
    Check(GraphStore::Open(with, o, &store), "opening " + with);
    std::vector<fulltext::Hit> hits;
    for (int warm = 0; warm < 2; ++warm) {
      for (const auto& q : asked) {
        auto t = Clock::now();
        Check(store->SearchText(q, 10, &hits), "searching '" + q + "'");
        if (warm) {
          latency_us.push_back(Since(t) * 1e6);
          hits_total += static_cast<double>(hits.size());
        }
      }
    }
  }
  fs::remove_all(with);
  fs::remove_all(without);

  const double t_on = Median(on[0]), t_off = Median(off[0]);
  const double ratio = t_off > 0 ? t_on / t_off : 0;
  const double w_on = Median(on[1]), w_off = Median(off[1]);
  const double w_ratio = w_off > 0 ? w_on / w_off : 0;
  double c_on[2], c_off[2], c_ratio[2];
  for (int kind = 0; kind < 2; ++kind) {
    c_on[kind] = Median(cpu_on[kind]);
    c_off[kind] = Median(cpu_off[kind]);
    c_ratio[kind] = c_off[kind] > 0 ? c_on[kind] / c_off[kind] : 0;
  }
  const double med = Median(latency_us), p99 = Percentile(latency_us, 0.99);
  const double mean_hits =
      latency_us.empty() ? 0 : hits_total / static_cast<double>(latency_us.size());
  std::fprintf(stderr,
               "ingest from facts: with the index %.3f s, without %.3f s (medians of %d): ratio "
               "%.3f (%+.1f %%)\n",
               t_on, t_off, rounds, ratio, (ratio - 1) * 100);
  std::fprintf(stderr,
               "store writes alone: with the index %.3f s, without %.3f s (medians of %d): ratio "
               "%.3f (%+.1f %%)\n",
               w_on, w_off, rounds, w_ratio, (w_ratio - 1) * 100);
  for (int kind = 0; kind < 2; ++kind) {
    std::fprintf(stderr,
                 "%s, CPU: with the index %.3f s, without %.3f s (medians of %d): ratio %.3f "
                 "(%+.1f %%)\n",
                 kind == 0 ? "ingest from facts" : "store writes alone", c_on[kind], c_off[kind],
                 rounds, c_ratio[kind], (c_ratio[kind] - 1) * 100);
  }
  std::fprintf(stderr, "on disk: with %lld bytes, without %lld bytes, index %lld bytes (%.1f %%)\n",
               static_cast<long long>(bytes_on), static_cast<long long>(bytes_off),
               static_cast<long long>(bytes_on - bytes_off),
               bytes_off ? 100.0 * static_cast<double>(bytes_on - bytes_off) / bytes_off : 0.0);
  std::fprintf(stderr, "search: %zu queries (limit 10), median %.1f us, p99 %.1f us, %.1f hits\n",
               latency_us.size(), med, p99, mean_hits);
  if (g_jsonl) {
    std::printf(
        "{\"articles\": %zu, \"changes\": %zu, \"rounds\": %d, \"ingest_with_s\": %.4f, "
        "\"ingest_without_s\": %.4f, \"ingest_ratio\": %.4f, \"writes_with_s\": %.4f, "
        "\"writes_without_s\": %.4f, \"writes_ratio\": %.4f, \"ingest_cpu_ratio\": %.4f, "
        "\"writes_cpu_ratio\": %.4f, \"bytes_with\": %lld, "
        "\"bytes_without\": %lld, \"index_bytes\": %lld, \"queries\": %zu, "
        "\"search_median_us\": %.1f, \"search_p99_us\": %.1f, \"mean_hits\": %.2f}\n",
        articles.size(), elements, rounds, t_on, t_off, ratio, w_on, w_off, w_ratio, c_ratio[0],
        c_ratio[1], static_cast<long long>(bytes_on), static_cast<long long>(bytes_off),
        static_cast<long long>(bytes_on - bytes_off), latency_us.size(), med, p99, mean_hits);
  }
  return 0;
}

// parley_bench_extract: extraction throughput on real news, against Link Grammar alone.
//
// Reads the first N articles (--articles, default 400; --skip to start further in) of
// ../shared/corpus/news.jsonl.gz (through a `gzip -dc` pipe, so nothing beyond gzip is needed)
// and, in one run, each phase in its own child process (fork) so that each has its own peak RSS
// and its own parse cache:
//  1. parse alone: Link Grammar in its plain configuration (dictionary "en", default options, a
//     1 s parse-time bound, the first linkage only, no retry with null links) on the sentences
//     (SplitSentences) of those articles, one thread; --project-parse: LinkParser::Parse with the
//     scorer Extractor passes (ClauseScore), i.e. the project's own setting. Link Grammar
//     does some tens of sentences a second, so at most --parse-sentences sentences (default 1000)
//     are parsed, evenly spaced over all the articles' sentences, and the rate is scaled to
//     the whole set;
//  2. end to end: Extractor::Extract with default options (as `parley ingest` builds them:
//     built-in actors, selective parsing, 20,000-entry parse cache), 1 job, then --jobs jobs
//     (default 2): threads pull articles from a shared index; a fresh Extractor each time.
//     Sentences/s and MB/s of article text, facts (triples, events, demands), parses done and
//     parse-cache hits; loading the Extractor (dictionaries, WordNet) is timed apart and left out;
//  3. peak RSS of every phase (getrusage in the child, whose peak is first reset through
//     /proc/self/clear_refs, so it starts from what the parent held when it forked);
//  4. the ratios: end-to-end 1 job / parse alone (sentences/s), and N jobs / 1 job.
// For every phase it also reports CPU time and, per worker thread from
// /proc/thread-self/schedstat, time on a CPU, time runnable but waiting for a CPU (other
// processes on the machine) and time asleep (locks, I/O), which tells contention inside the
// process from a busy machine.
//
// It is a benchmark, not a test: it prints figures (with --jsonl one JSON line on stdout, the
// text going to stderr) and fails only when it cannot run.
#include <fcntl.h>
#include <link-grammar/link-includes.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_report.h"
#include "core/clauses.h"
#include "core/document.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "core/link_parser.h"
#include "core/segmenter.h"

using parley::bench::Clock;
using parley::bench::g_jsonl;
using parley::bench::Say;
using parley::bench::Since;
using json = nlohmann::json;
using parley::Document;
using parley::DocumentFacts;
using parley::Extractor;
using parley::LinkParser;
using parley::ParseTree;
using parley::Status;

namespace {

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "parley_bench_extract: %s\n", msg.c_str());
  std::exit(1);
}

// ---- input ----

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Reads articles skip+1 .. skip+n of a JSONL file, gzip-compressed if its name ends in ".gz",
// with the fields DocumentReader takes from a JSONL line.
std::vector<Document> ReadArticles(const std::string& path, size_t skip, size_t n) {
  bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  if (access(path.c_str(), R_OK) != 0) Die(path + ": " + std::strerror(errno));
  std::FILE* in =
      gz ? popen(("gzip -dc -- " + ShellQuote(path)).c_str(), "r") : std::fopen(path.c_str(), "rb");
  if (!in) Die("cannot read " + path);
  std::vector<Document> docs;
  char* buf = nullptr;
  size_t cap = 0;
  size_t line_no = 0;
  ssize_t len;
  while (docs.size() < n && (len = getline(&buf, &cap, in)) >= 0) {
    std::string_view line(buf, static_cast<size_t>(len));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (line_no++ < skip) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
      Die(path + ": line " + std::to_string(line_no) + " is not a JSON object");
    auto str = [&](const char* k) -> std::string {
      auto it = j.find(k);
      if (it == j.end()) return "";
      if (it->is_string()) return it->get<std::string>();
      if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
      return "";
    };
    Document d;
    d.id = str("id");
    if (d.id.empty()) d.id = path + ":" + std::to_string(line_no);
    d.title = str("title");
    d.date = str("date");
    d.source = str("source");
    d.text = str("text");
    docs.push_back(std::move(d));
  }
  std::free(buf);
  if (gz) {
    // Closing early ends gzip with SIGPIPE, which is not an error here.
    int st = pclose(in);
    bool early = docs.size() == n;
    if (!early && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) Die("gzip -dc " + path + " failed");
  } else {
    std::fclose(in);
  }
  return docs;
}

// ---- measurement helpers ----

int64_t PeakRssBytes() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<int64_t>(ru.ru_maxrss) * 1024;  // KiB on Linux
}

int64_t CurrentRssBytes() {
  std::ifstream f("/proc/self/statm");
  int64_t size = 0, resident = 0;
  f >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

struct CpuTimes {
  double user = 0, sys = 0;
  long vcsw = 0, ivcsw = 0, minflt = 0;
};

CpuTimes ProcessCpu() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  CpuTimes t;
  t.user = static_cast<double>(ru.ru_utime.tv_sec) + static_cast<double>(ru.ru_utime.tv_usec) / 1e6;
  t.sys = static_cast<double>(ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_stime.tv_usec) / 1e6;
  t.vcsw = ru.ru_nvcsw;
  t.ivcsw = ru.ru_nivcsw;
  t.minflt = ru.ru_minflt;
  return t;
}

// The calling thread's scheduler figures: nanoseconds on a CPU and runnable but waiting for one.
struct Sched {
  double on_cpu = 0, run_wait = 0;  // seconds
  bool ok = false;
};

Sched ThreadSched() {
  Sched s;
  std::ifstream f("/proc/thread-self/schedstat");
  uint64_t run = 0, wait = 0;
  if (f >> run >> wait) {
    s.on_cpu = static_cast<double>(run) / 1e9;
    s.run_wait = static_cast<double>(wait) / 1e9;
    s.ok = true;
  }
  return s;
}

// Per-thread accounting of a timed section, summed over the worker threads.
struct ThreadTimes {
  std::mutex mu;
  double elapsed = 0, on_cpu = 0, run_wait = 0;
  bool ok = true;

  // Runs `work` on the calling thread and adds its times.
  void Measure(const std::function<void()>& work) {
    Sched a = ThreadSched();
    auto t0 = Clock::now();
    work();
    double el = Since(t0);
    Sched b = ThreadSched();
    std::lock_guard lock(mu);
    elapsed += el;
    on_cpu += b.on_cpu - a.on_cpu;
    run_wait += b.run_wait - a.run_wait;
    ok = ok && a.ok && b.ok;
  }

  void Into(json* r, int threads, double wall, const CpuTimes& c0, const CpuTimes& c1) const {
    (*r)["cpu_s"] = (c1.user - c0.user) + (c1.sys - c0.sys);
    (*r)["sys_s"] = c1.sys - c0.sys;
    (*r)["page_faults"] = c1.minflt - c0.minflt;
    (*r)["threads_idle_at_end_s"] = std::max(0.0, threads * wall - elapsed);
    (*r)["cpu_per_wall"] = wall > 0 ? (*r)["cpu_s"].get<double>() / wall : 0.0;
    (*r)["voluntary_switches"] = c1.vcsw - c0.vcsw;
    (*r)["involuntary_switches"] = c1.ivcsw - c0.ivcsw;
    if (ok) {
      (*r)["threads_on_cpu_s"] = on_cpu;
      (*r)["threads_waiting_for_cpu_s"] = run_wait;
      (*r)["threads_asleep_s"] = std::max(0.0, elapsed - on_cpu - run_wait);
    }
  }
};

// Resets this process's peak RSS to its current RSS (Linux 4.0+), so that a forked child's
// peak is its own and not the parent's; best effort.
void ResetPeakRss() {
  int fd = open("/proc/self/clear_refs", O_WRONLY);
  if (fd < 0) return;
  ssize_t ignored = write(fd, "5", 1);
  (void)ignored;
  close(fd);
}

double LoadAverage() {
  std::ifstream f("/proc/loadavg");
  double l = -1;
  f >> l;
  return l;
}

// Runs `phase` in a child process (or here, with fork off) and returns its JSON result, with
// the process's peak RSS added.
json RunPhase(const char* name, const std::function<json()>& phase, bool use_fork) {
  if (!use_fork) {
    json r = phase();
    r["peak_rss_bytes"] = PeakRssBytes();
    r["peak_rss_is_process_wide"] = true;
    return r;
  }
  int fds[2];
  if (pipe(fds) != 0) Die(std::string("pipe: ") + std::strerror(errno));
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) Die(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    close(fds[0]);
    ResetPeakRss();
    int64_t start_rss = CurrentRssBytes();
    json r = phase();
    r["peak_rss_bytes"] = PeakRssBytes();
    r["start_rss_bytes"] = start_rss;
    std::string out = r.dump();
    size_t off = 0;
    while (off < out.size()) {
      ssize_t w = write(fds[1], out.data() + off, out.size() - off);
      if (w <= 0) _exit(3);
      off += static_cast<size_t>(w);
    }
    close(fds[1]);
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(0);
  }
  close(fds[1]);
  std::string got;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) got.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
    Die(std::string("phase ") + name + " failed (" +
        (WIFSIGNALED(st) ? "signal " + std::to_string(WTERMSIG(st))
                         : "exit " + std::to_string(WEXITSTATUS(st))) +
        ")");
  }
  json r = json::parse(got, nullptr, false);
  if (r.is_discarded()) Die(std::string("phase ") + name + " sent no result");
  return r;
}

// ---- the phases ----

struct Work {
  std::vector<Document> docs;
  int64_t text_bytes = 0;
  int64_t sentences = 0;            // SplitSentences over every article
  std::vector<std::string> sample;  // the sentences parse-alone parses
  int64_t sample_bytes = 0;
};

// How the parse-alone phase parses: Link Grammar as it comes, or the project's LinkParser.
enum class Baseline { kPlain, kProject };

// Link Grammar in its plain configuration, straight through its C API: what a user of the
// parser alone would run. A sentence with no complete linkage counts as failed (no retry).
struct PlainParser {
  Dictionary dict = nullptr;
  Parse_Options opts = nullptr;
  PlainParser() {
    dict = dictionary_create_lang("en");
    opts = parse_options_create();
    parse_options_set_verbosity(opts, 0);
    parse_options_set_max_parse_time(opts, 1);
  }
  ~PlainParser() {
    if (opts) parse_options_delete(opts);
    if (dict) dictionary_delete(dict);
  }
  // 0: a complete linkage, 2: none (the sentence failed).
  int Parse(const std::string& text) const {
    Sentence_s* sent = sentence_create(text.c_str(), dict);
    if (!sent) return 2;
    int kind = 2;
    if (sentence_parse(sent, opts) > 0) {
      if (Linkage lk = linkage_create(0, sent, opts)) {
        kind = 0;
        linkage_delete(lk);
      }
    }
    sentence_delete(sent);
    return kind;
  }
};

json ParseAlone(const Work& w, Baseline baseline) {
  json r;
  auto t0 = Clock::now();
  std::unique_ptr<LinkParser> parser;
  std::unique_ptr<PlainParser> plain;
  if (baseline == Baseline::kProject) {
    Status s = LinkParser::Create(LinkParser::Options(), &parser);
    if (!s.ok()) Die(s.message());
  } else {
    plain = std::make_unique<PlainParser>();
    if (!plain->dict) Die("cannot load the Link Grammar English dictionary");
  }
  r["load_s"] = Since(t0);
  int64_t full = 0, partial = 0, failed = 0;
  ThreadTimes tt;
  CpuTimes c0 = ProcessCpu();
  auto t1 = Clock::now();
  tt.Measure([&] {
    for (const std::string& sent : w.sample) {
      if (plain) {
        int kind = plain->Parse(sent);
        full += kind == 0;
        failed += kind == 2;
        continue;
      }
      ParseTree tree = parser->Parse(sent, parley::ClauseScore);
      full += tree.kind == ParseTree::kFull;
      partial += tree.kind == ParseTree::kPartial;
      failed += tree.kind == ParseTree::kFailed;
    }
  });
  double wall = Since(t1);
  CpuTimes c1 = ProcessCpu();
  r["wall_s"] = wall;
  r["sentences"] = static_cast<int64_t>(w.sample.size());
  r["bytes"] = w.sample_bytes;
  r["sentences_per_s"] = wall > 0 ? static_cast<double>(w.sample.size()) / wall : 0.0;
  r["mb_per_s"] = wall > 0 ? static_cast<double>(w.sample_bytes) / 1e6 / wall : 0.0;
  r["full"] = full;
  r["partial"] = partial;
  r["failed"] = failed;
  tt.Into(&r, 1, wall, c0, c1);
  return r;
}

json EndToEnd(const Work& w, int jobs) {
  json r;
  auto t0 = Clock::now();
  std::unique_ptr<Extractor> extractor;
  Extractor::Options opt;  // as `parley ingest` builds them without --actors
  Status s = Extractor::Create(opt, &extractor);
  if (!s.ok()) Die(s.message());
  r["load_s"] = Since(t0);

  std::atomic<size_t> next{0};
  std::atomic<int64_t> triples{0}, events{0}, demands{0}, entities{0};
  ThreadTimes tt;
  auto worker = [&] {
    tt.Measure([&] {
      int64_t tr = 0, ev = 0, de = 0, en = 0;
      DocumentFacts facts;
      for (size_t i; (i = next.fetch_add(1)) < w.docs.size();) {
        extractor->Extract(w.docs[i], &facts);
        tr += static_cast<int64_t>(facts.triples.size());
        ev += static_cast<int64_t>(facts.events.size());
        en += static_cast<int64_t>(facts.entities.size());
        for (const auto& e : facts.events) de += e.type == "demand";
      }
      triples += tr;
      events += ev;
      demands += de;
      entities += en;
    });
  };
  CpuTimes c0 = ProcessCpu();
  auto t1 = Clock::now();
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs; ++j) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  double wall = Since(t1);
  CpuTimes c1 = ProcessCpu();
  r["jobs"] = jobs;
  r["wall_s"] = wall;
  r["articles"] = static_cast<int64_t>(w.docs.size());
  r["sentences"] = w.sentences;
  r["bytes"] = w.text_bytes;
  r["sentences_per_s"] = wall > 0 ? static_cast<double>(w.sentences) / wall : 0.0;
  r["mb_per_s"] = wall > 0 ? static_cast<double>(w.text_bytes) / 1e6 / wall : 0.0;
  r["triples"] = triples.load();
  r["events"] = events.load();
  r["demands"] = demands.load();
  r["entities"] = entities.load();
  r["parses"] = static_cast<int64_t>(extractor->parses());
  r["cache_hits"] = static_cast<int64_t>(extractor->cache_hits());
  tt.Into(&r, jobs, wall, c0, c1);
  return r;
}

std::string Mib(int64_t bytes) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return b;
}

void SayTimes(const json& r) {
  Say("    CPU %.1f s (%.1f s system; %.2f CPUs busy on average), %" PRId64 " page faults, %" PRId64
      " voluntary / %" PRId64 " involuntary context switches\n",
      r["cpu_s"].get<double>(), r["sys_s"].get<double>(), r["cpu_per_wall"].get<double>(),
      r["page_faults"].get<int64_t>(), r["voluntary_switches"].get<int64_t>(),
      r["involuntary_switches"].get<int64_t>());
  if (r.contains("threads_on_cpu_s")) {
    Say("    worker threads: %.1f s on a CPU, %.1f s runnable but waiting for a CPU, %.1f s "
        "asleep, %.1f s "
        "done while another worked\n",
        r["threads_on_cpu_s"].get<double>(), r["threads_waiting_for_cpu_s"].get<double>(),
        r["threads_asleep_s"].get<double>(), r["threads_idle_at_end_s"].get<double>());
  }
  Say("    peak RSS %s%s\n", Mib(r["peak_rss_bytes"].get<int64_t>()).c_str(),
      r.contains("start_rss_bytes")
          ? (" (the child started at " + Mib(r["start_rss_bytes"].get<int64_t>()) + ")").c_str()
          : " (whole process so far)");
}

void Usage(FILE* f) {
  std::fprintf(
      f,
      "usage: parley_bench_extract [CORPUS.jsonl[.gz]] [--articles N] [--skip N]\n"
      "         [--parse-sentences N] [--jobs N] [--project-parse] [--no-fork] [--jsonl]\n"
      "  CORPUS             default: $PARLEY_SHARED/corpus/news.jsonl.gz, else ../shared beside "
      "the repo\n"
      "  --articles N       the first N articles (after --skip), default 400\n"
      "  --skip N           articles to skip first, default 0\n"
      "  --parse-sentences N  at most N sentences for the parse-alone phase (evenly spaced), "
      "default 1000;\n"
      "                     0 skips that phase\n"
      "  --jobs N           threads of the second end-to-end run, default 2\n"
      "  --project-parse    parse alone with the project's LinkParser (null-link retry, best of "
      "the top\n"
      "                     linkages by ClauseScore) instead of plain Link Grammar\n"
      "  --no-fork          run every phase in this process (peak RSS is then the overall peak)\n"
      "  --jsonl            one JSON summary line on stdout, the report on stderr\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus;
  size_t articles = 400, skip = 0, parse_cap = 1000;
  int jobs = 2;
  Baseline baseline = Baseline::kPlain;
  bool use_fork = true;
  auto number = [&](int& i, const char* flag) -> size_t {
    if (i + 1 >= argc) Die(std::string(flag) + " needs a number");
    char* end = nullptr;
    unsigned long long v = std::strtoull(argv[++i], &end, 10);
    if (!end || *end) Die(std::string(flag) + " needs a number");
    return static_cast<size_t>(v);
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--jsonl") {
      g_jsonl = true;
    } else if (a == "--articles") {
      articles = number(i, "--articles");
    } else if (a == "--skip") {
      skip = number(i, "--skip");
    } else if (a == "--parse-sentences") {
      parse_cap = number(i, "--parse-sentences");
    } else if (a == "--jobs") {
      jobs = static_cast<int>(number(i, "--jobs"));
      if (jobs < 1 || jobs > 256) Die("--jobs takes 1 to 256");
    } else if (a == "--project-parse") {
      baseline = Baseline::kProject;
    } else if (a == "--no-fork") {
      use_fork = false;
    } else if (a == "-h" || a == "--help") {
      Usage(stdout);
      return 0;
    } else if (!a.empty() && a[0] != '-' && corpus.empty()) {
      corpus = a;
    } else {
      Usage(stderr);
      return 2;
    }
  }
  if (corpus.empty()) {
    const char* shared = std::getenv("PARLEY_SHARED");
    corpus = shared && *shared
                 ? std::string(shared) + "/corpus/news.jsonl.gz"
                 : std::string(PARLEY_DATA_DIR) + "/../../shared/corpus/news.jsonl.gz";
  }
  if (articles == 0) Die("--articles must be at least 1");

  Work w;
  auto t0 = Clock::now();
  w.docs = ReadArticles(corpus, skip, articles);
  if (w.docs.empty()) Die(corpus + ": no articles after skipping " + std::to_string(skip));
  std::vector<std::pair<size_t, parley::Sentence>> all;  // (article, sentence)
  for (size_t d = 0; d < w.docs.size(); ++d) {
    w.text_bytes += static_cast<int64_t>(w.docs[d].text.size());
    for (auto& s : parley::SplitSentences(w.docs[d].text)) all.emplace_back(d, std::move(s));
  }
  w.sentences = static_cast<int64_t>(all.size());
  size_t take = std::min(parse_cap, all.size());
  for (size_t k = 0; k < take; ++k) {
    const auto& [d, s] = all[k * all.size() / take];
    w.sample.push_back(
        w.docs[d].text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start)));
    w.sample_bytes += s.end - s.start;
  }
  all.clear();
  all.shrink_to_fit();
  double read_s = Since(t0);

  std::map<std::string, int> sources;
  for (const auto& d : w.docs) ++sources[d.source];
  std::string mix;
  for (const auto& [src, n] : sources)
    mix += (mix.empty() ? "" : ", ") + src + " " + std::to_string(n);
  Say("corpus: %s, articles %zu-%zu (%zu: %s), %.2f MB of text, %" PRId64
      " sentences; read and split in %.1f s\n",
      corpus.c_str(), skip + 1, skip + w.docs.size(), w.docs.size(), mix.c_str(),
      static_cast<double>(w.text_bytes) / 1e6, w.sentences, read_s);
  Say("machine: %u CPUs, load average %.2f at start; parent RSS %s before the phases\n",
      std::thread::hardware_concurrency(), LoadAverage(), Mib(CurrentRssBytes()).c_str());

  json out;
  out["corpus"] = corpus;
  out["skip"] = skip;
  out["articles"] = static_cast<int64_t>(w.docs.size());
  out["text_bytes"] = w.text_bytes;
  out["sentences"] = w.sentences;
  out["cpus"] = std::thread::hardware_concurrency();
  out["loadavg_start"] = LoadAverage();

  std::vector<int> job_counts = {1};
  if (jobs != 1) job_counts.push_back(jobs);
  int phases = static_cast<int>(job_counts.size()) + (take > 0 ? 1 : 0);
  int step = 1;

  json pa;
  if (take > 0) {
    Say("[%d/%d] parse alone%s on %zu of the %" PRId64 " sentences (every %.1fth), 1 thread ...\n",
        step++, phases,
        baseline == Baseline::kPlain
            ? " (plain Link Grammar: en, defaults, 1 s bound, first linkage, no null-link retry)"
            : " (LinkParser with ClauseScore, as Extractor calls it)",
        take, w.sentences, static_cast<double>(w.sentences) / static_cast<double>(take));
    pa = RunPhase(
        "parse-alone", [&] { return ParseAlone(w, baseline); }, use_fork);
    pa["baseline"] = baseline == Baseline::kPlain ? "plain" : "project";
    double rate = pa["sentences_per_s"].get<double>();
    double all_s = rate > 0 ? static_cast<double>(w.sentences) / rate : 0;
    pa["projected_all_sentences_s"] = all_s;
    Say("    %.1f s: %.1f sentences/s, %.4f MB/s (%" PRId64 " full, %" PRId64 " partial, %" PRId64
        " failed); all %" PRId64 " sentences would take ~%.0f s; dictionary load %.1f s\n",
        pa["wall_s"].get<double>(), rate, pa["mb_per_s"].get<double>(), pa["full"].get<int64_t>(),
        pa["partial"].get<int64_t>(), pa["failed"].get<int64_t>(), w.sentences, all_s,
        pa["load_s"].get<double>());
    SayTimes(pa);
    out["parse_alone"] = pa;
  }

  std::vector<json> e2e;
  for (int j : job_counts) {
    Say("[%d/%d] end to end: Extractor::Extract, default options, %d job%s over %zu articles ...\n",
        step++, phases, j, j == 1 ? "" : "s", w.docs.size());
    json r = RunPhase(
        "end-to-end", [&] { return EndToEnd(w, j); }, use_fork);
    Say("    %.1f s: %.1f sentences/s, %.4f MB/s; %" PRId64 " triples, %" PRId64 " events (%" PRId64
        " demands), %" PRId64 " entities; %" PRId64 " parses, %" PRId64
        " cache hits; Extractor load %.1f s\n",
        r["wall_s"].get<double>(), r["sentences_per_s"].get<double>(), r["mb_per_s"].get<double>(),
        r["triples"].get<int64_t>(), r["events"].get<int64_t>(), r["demands"].get<int64_t>(),
        r["entities"].get<int64_t>(), r["parses"].get<int64_t>(), r["cache_hits"].get<int64_t>(),
        r["load_s"].get<double>());
    SayTimes(r);
    out["e2e_" + std::to_string(j)] = r;
    e2e.push_back(r);
  }

  const json& one = e2e[0];
  if (take > 0) {
    double ratio = one["sentences_per_s"].get<double>() / pa["sentences_per_s"].get<double>();
    out["ratio_e2e1_over_parse"] = ratio;
    Say("ratio end-to-end 1 job / parse alone = %.2f (sentences/s; aim >= 2)\n", ratio);
    // Both phases run on one thread, so on a machine busy with other work their CPU times
    // compare the work itself where wall times also hold the wait for a CPU.
    double cpu_ratio = pa["cpu_s"].get<double>() / std::max(1e-9, one["cpu_s"].get<double>()) *
                       static_cast<double>(w.sentences) / static_cast<double>(take);
    out["ratio_e2e1_over_parse_cpu"] = cpu_ratio;
    Say("    by CPU time (parse alone's scaled to all sentences): %.2f\n", cpu_ratio);
  }
  if (e2e.size() > 1) {
    const json& many = e2e[1];
    double ratio = many["sentences_per_s"].get<double>() / one["sentences_per_s"].get<double>();
    out["ratio_jobs_over_1"] = ratio;
    Say("ratio end-to-end %d jobs / 1 job = %.2f (aim >= 1.7)\n", jobs, ratio);
    // What limits the ratio: CPU time spent on the same work (more with N jobs = overhead of
    // running in parallel: contention, cache misses), time asleep (locks), time waiting for a
    // CPU (the machine's other load), one thread finishing the last article alone.
    double inflation = many["cpu_s"].get<double>() / one["cpu_s"].get<double>();
    out["cpu_jobs_over_1"] = inflation;
    Say("    CPU time for the same work, %d jobs / 1 job = %.2f (1.00: no parallel overhead)", jobs,
        inflation);
    if (many.contains("threads_on_cpu_s") && one.contains("threads_on_cpu_s")) {
      auto busy = [](const json& r) {  // thread time not spent waiting for a CPU
        return r["threads_on_cpu_s"].get<double>() + r["threads_asleep_s"].get<double>() +
               r["threads_idle_at_end_s"].get<double>();
      };
      double thread_total = busy(many) + many["threads_waiting_for_cpu_s"].get<double>();
      double free_ratio = busy(one) / std::max(1e-9, busy(many) / jobs);
      out["ratio_jobs_over_1_without_cpu_wait"] = free_ratio;
      Say(";\n    of the %d threads' %.1f s, %.0f%% waiting for a CPU, %.0f%% asleep, %.0f%% done "
          "early;"
          " had no thread of either run waited for a CPU, the ratio would be ~%.2f",
          jobs, thread_total, 100 * many["threads_waiting_for_cpu_s"].get<double>() / thread_total,
          100 * many["threads_asleep_s"].get<double>() / thread_total,
          100 * many["threads_idle_at_end_s"].get<double>() / thread_total, free_ratio);
    }
    Say("\n");
    for (const char* k : {"triples", "events", "demands", "entities"}) {
      if (one[k] != many[k]) {
        Say("note: %s differ between 1 and %d jobs (%" PRId64 " vs %" PRId64
            "): Link Grammar's time limit counts the CPU time of the whole process, so with more"
            " jobs long sentences run out of time sooner\n",
            k, jobs, one[k].get<int64_t>(), many[k].get<int64_t>());
      }
    }
  }
  out["loadavg_end"] = LoadAverage();
  Say("load average %.2f at the end\n", out["loadavg_end"].get<double>());
  if (g_jsonl) std::printf("%s\n", out.dump().c_str());
  return 0;
}

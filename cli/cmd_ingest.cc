// parley ingest: articles or extracted facts into the store, one atomic write per article.
// parley rekey: the stored articles extracted and written again, under this build's event key.
//
// With --facts, every file is read twice: first to check every line, so that a malformed
// line stops the run before anything is written (unless --skip-bad), then to store. Standard
// input, pipes and FIFOs are copied to a temporary file for that.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/ordered_pool.h"
#include "cli/progress.h"
#include "core/document_reader.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "graph/curation.h"
#include "graph/graph_model.h"
#include "graph/hand_edits.h"
#include "graph/near_duplicate_index.h"
#include "storage/graph_store.h"
#include "util/data_path.h"
#include "util/hash.h"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

struct Tally {
  int added = 0, replaced = 0, unchanged = 0, bad = 0, dropped = 0;
  int reused = 0;  // unchanged articles not extracted again
};

void Warn(const std::string& msg) {
  std::cerr << "parley: warning: " << msg << "\n";
}

// The Article node property that records what an article's stored facts were extracted
// from: ArticleKey() of the article and of the extraction fingerprint.
constexpr const char* kExtractedWith = "extracted_with";

// What extraction results depend on besides the article: this program, the files of the data
// folder (all of them, subfolders included, but the HTML view, the samples, the tools that
// build data and the READMEs), the --actors file and the options that change extraction. ""
// when the program cannot be read (no /proc): then nothing is skipped.
std::string ExtractionFingerprint(const Args& args) {
  std::string all, content;
  if (!ReadFile("/proc/self/exe", &content).ok()) return "";
  all += HashHex(content);
  const fs::path data = DataPath("");
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(data, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it.depth() == 0 && it->is_directory(ec) &&
        (name == "view" || name == "samples" || name == "tools")) {
      it.disable_recursion_pending();
      continue;
    }
    if (name.rfind("README", 0) == 0 || name.rfind("LICENSE", 0) == 0) continue;
    if (it->is_regular_file(ec)) files.push_back(it->path().lexically_relative(data).string());
  }
  if (ec) return "";
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (!ReadFile((data / f).string(), &content).ok()) return "";
    all += "\n" + f + " " + HashHex(content);
  }
  if (args.Has("--actors")) {
    if (!ReadFile(args.Get("--actors"), &content).ok()) return "";
    all += "\n--actors " + HashHex(content);
  }
  all += args.Has("--all-sentences") ? "\nall-sentences" : "\nselective";
  return HashHex(all);
}

// The key of one article's extraction: the fingerprint and everything of the document the
// facts are made from.
std::string ArticleKey(const std::string& fingerprint, const Document& d) {
  std::string all = fingerprint;
  for (const std::string* f : {&d.id, &d.title, &d.date, &d.source, &d.text}) {
    all += '\0' + std::to_string(f->size()) + ':' + *f;
  }
  return HashHex(all);
}

// True if the store holds article `id` extracted with `key`.
bool StoredWith(const GraphStore& store, const std::string& id, const std::string& key) {
  Node article;
  if (!store.GetNode(IdFor("Article:" + id), &article).ok()) return false;
  return StringProperty(article.properties, kExtractedWith) == key;
}

// Stores one article's facts, after the curator's decisions (parley actor) are applied to them.
// `key`, if not empty, is recorded with the article (ArticleKey) in the same atomic write.
// Then the hand edits of the elements the article put are made to hold again.
Status Store(GraphStore* store, const GraphModel& model, const Curation& curation,
             const EditIndex& edits, const DocumentFacts& extracted, Tally* t,
             const std::string& key = "") {
  DocumentFacts curated;
  if (!curation.empty()) {
    curated = extracted;
    curation.Apply(&curated);
  }
  const DocumentFacts& facts = curation.empty() ? extracted : curated;
  ArticleRecord article;
  GraphBatch batch;
  int dropped = 0;
  PARLEY_RETURN_IF_ERROR(FactsToGraph(facts, model, &article, &batch, &dropped));
  PARLEY_RETURN_IF_ERROR(LinkNearDuplicates(*store, model.duplicates, facts, &batch));
  t->dropped += dropped;
  const NodeId article_node = IdFor("Article:" + facts.doc);
  if (!key.empty()) batch.SetNodeProperty(article_node, kExtractedWith, key);
  ArticleOutcome outcome;
  PARLEY_RETURN_IF_ERROR(
      store->WriteArticle(article, batch, &outcome).WithContext("article " + facts.doc));
  if (outcome == ArticleOutcome::kUnchanged && !key.empty() &&
      !StoredWith(*store, facts.doc, key)) {
    // The same facts from another extraction (new data that changed nothing here): record it,
    // so that the next run skips the article. A crash before this only costs a re-extraction.
    GraphBatch mark;
    mark.SetNodeProperty(article_node, kExtractedWith, key);
    PARLEY_RETURN_IF_ERROR(store->Apply(mark).WithContext("article " + facts.doc));
  }
  // Also when unchanged: a run stopped between the two writes is made good by the next.
  PARLEY_RETURN_IF_ERROR(ReapplyEdits(store, edits, batch).WithContext("article " + facts.doc));
  switch (outcome) {
    case ArticleOutcome::kAdded:
      ++t->added;
      break;
    case ArticleOutcome::kReplaced:
      ++t->replaced;
      break;
    case ArticleOutcome::kUnchanged:
      ++t->unchanged;
      break;
  }
  return Status::OK();
}

void Report(const Tally& t) {
  std::cerr << "parley: ingested " << (t.added + t.replaced + t.unchanged) << " articles ("
            << t.added << " added, " << t.replaced << " replaced, " << t.unchanged << " unchanged)";
  if (t.reused)
    std::cerr << ", " << t.reused
              << " of them stored from the same text and data, not extracted again";
  if (t.bad) std::cerr << "; " << t.bad << " bad lines skipped";
  std::cerr << "\n";
}

// Reads `path` line by line, calling `fn(line, line_number)` for each non-blank line.
Status ForEachLine(const std::string& path,
                   const std::function<Status(const std::string&, int64_t)>& fn,
                   const std::function<void(uint64_t)>& progress = nullptr) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::string line;
  int64_t n = 0;
  uint64_t bytes = 0;
  while (std::getline(in, line)) {
    ++n;
    bytes += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    PARLEY_RETURN_IF_ERROR(fn(line, n));
    if (progress) progress(bytes);
  }
  if (in.bad()) return Status::IOError(path + ": read failed");
  return Status::OK();
}

// Copies what `fd` reads (named `shown` in messages) to a new temporary file `*path`, so that
// a pipe, FIFO or terminal can be read twice. The file is removed again on error.
Status Spool(int fd, const std::string& shown, std::string* path) {
  std::error_code ec;
  std::string dir = fs::temp_directory_path(ec).string();
  if (ec) dir = "/tmp";
  std::string tmpl = dir + "/parley-facts-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int out = ::mkstemp(name.data());
  if (out < 0)
    return Status::IOError("cannot make a temporary copy of " + shown + " in " + dir + ": " +
                           std::strerror(errno));
  *path = name.data();
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status s = Status::IOError("cannot read " + shown + ": " + std::strerror(errno));
      ::close(out);
      ::unlink(path->c_str());
      return s;
    }
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(out, buf + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        Status s =
            Status::IOError("cannot copy " + shown + " to " + *path + ": " + std::strerror(errno));
        ::close(out);
        ::unlink(path->c_str());
        return s;
      }
      done += w;
    }
  }
  if (::close(out) != 0) {
    Status s =
        Status::IOError("cannot copy " + shown + " to " + *path + ": " + std::strerror(errno));
    ::unlink(path->c_str());
    return s;
  }
  return Status::OK();
}

Status IngestFacts(const Args& args) {
  std::vector<std::string> files = args.GetAll("--facts");
  for (const auto& p : args.positional()) files.push_back(p);
  bool skip_bad = args.Has("--skip-bad");
  // Each file is read twice (check, then store). What cannot be read twice (standard input,
  // a pipe such as <(...), /dev/stdin, a FIFO) is first copied to a temporary file, read once.
  std::vector<std::string> temp;
  std::map<std::string, std::string> shown_as;  // temporary copy -> the name the user gave
  struct Cleanup {
    std::vector<std::string>* files;
    ~Cleanup() {
      for (const auto& f : *files) std::remove(f.c_str());
    }
  } cleanup{&temp};
  for (auto& f : files) {
    std::string given = f;
    if (f == "-") {
      PARLEY_RETURN_IF_ERROR(Spool(STDIN_FILENO, "stdin", &f));
      temp.push_back(f);
      shown_as[f] = "stdin";
      continue;
    }
    struct stat st;
    if (::stat(f.c_str(), &st) != 0) {
      if (errno == ENOENT) return Status::NotFound("no such file: " + f);
      return Status::IOError("cannot read " + f + ": " + std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
      return Status::InvalidInput(f + " is a folder; --facts takes JSONL files");
    if (S_ISREG(st.st_mode)) continue;
    int fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IOError("cannot read " + f + ": " + std::strerror(errno));
    Status s = Spool(fd, given, &f);
    ::close(fd);
    PARLEY_RETURN_IF_ERROR(s);
    temp.push_back(f);
    shown_as[f] = given;
  }

  GraphModel model;
  PARLEY_RETURN_IF_ERROR(GraphModel::LoadDefault(&model));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  PARLEY_RETURN_IF_ERROR(CheckEventKeyVersion(store.get(), model.keys));
  PARLEY_RETURN_IF_ERROR(PrepareNearDuplicateIndex(store.get()));
  Curation curation;
  PARLEY_RETURN_IF_ERROR(Curation::Load(*store, &curation));
  std::vector<HandEdit> hand_edits;
  PARLEY_RETURN_IF_ERROR(LoadEdits(*store, &hand_edits));
  const EditIndex edits = IndexEdits(hand_edits);

  // Pass 1: check every line; the first bad one stops the run before anything is written.
  Tally tally;
  uint64_t total = 0;
  std::set<std::pair<size_t, int64_t>> bad;
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    total += fs::file_size(files[i], ec);
    std::string shown = shown_as.count(files[i]) ? shown_as[files[i]] : files[i];
    PARLEY_RETURN_IF_ERROR(ForEachLine(files[i], [&](const std::string& line, int64_t n) {
      DocumentFacts facts;
      Status s = ParseFacts(line, &facts);
      if (s.ok()) return s;
      s = s.WithContext(shown + ":" + std::to_string(n));
      if (!skip_bad)
        return Status::InvalidInput(s.message() +
                                    " (nothing was stored; --skip-bad skips such lines)");
      Warn(s.message() + "; skipped");
      bad.insert({i, n});
      return Status::OK();
    }));
  }
  tally.bad = static_cast<int>(bad.size());

  // Pass 2: store, one atomic write per article.
  Progress progress("articles", total);
  uint64_t done_before = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    PARLEY_RETURN_IF_ERROR(ForEachLine(
        files[i],
        [&](const std::string& line, int64_t n) {
          if (bad.count({i, n})) return Status::OK();
          DocumentFacts facts;
          PARLEY_RETURN_IF_ERROR(ParseFacts(line, &facts));
          return Store(store.get(), model, curation, edits, facts, &tally);
        },
        [&](uint64_t bytes) {
          progress.Update(done_before + bytes, tally.added + tally.replaced + tally.unchanged);
        }));
    std::error_code ec;
    done_before += fs::file_size(files[i], ec);
  }
  progress.Finish();
  PARLEY_RETURN_IF_ERROR(store->Close());
  Report(tally);
  return Status::OK();
}

Status IngestDocuments(const Args& args) {
  Status s;
  int jobs = JobsFrom(args, &s);
  PARLEY_RETURN_IF_ERROR(s);
  DocumentReader::Options ropt;
  std::unique_ptr<DocumentReader> reader;
  PARLEY_RETURN_IF_ERROR(DocumentReader::Open(args.positional(), ropt, Warn, &reader));
  GraphModel model;
  PARLEY_RETURN_IF_ERROR(GraphModel::LoadDefault(&model));
  std::unique_ptr<Extractor> extractor;
  PARLEY_RETURN_IF_ERROR(MakeExtractor(args, /*lines=*/false, &extractor));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  PARLEY_RETURN_IF_ERROR(CheckEventKeyVersion(store.get(), model.keys));
  PARLEY_RETURN_IF_ERROR(PrepareNearDuplicateIndex(store.get()));
  Curation curation;
  PARLEY_RETURN_IF_ERROR(Curation::Load(*store, &curation));
  std::vector<HandEdit> hand_edits;
  PARLEY_RETURN_IF_ERROR(LoadEdits(*store, &hand_edits));
  const EditIndex edits = IndexEdits(hand_edits);
  Tally tally;
  Progress progress("articles", reader->bytes_total());
  Status write_status;
  // An article stored from the same text by the same program and data is not extracted again
  // (so that an interrupted ingest resumes where it stopped).
  const std::string fingerprint = ExtractionFingerprint(args);
  struct Extracted {
    DocumentFacts facts;
    std::string key;
  };
  // Extraction runs on `jobs` threads; writes happen here, in input order, one article each.
  auto write = [&](Extracted& e) {
    if (write_status.ok())
      write_status = Store(store.get(), model, curation, edits, e.facts, &tally, e.key);
    progress.Update(reader->bytes_read(), tally.added + tally.replaced + tally.unchanged);
  };
  {
    OrderedPool<Document, Extracted> pool(jobs, static_cast<size_t>(jobs) * 4,
                                          [&](const Document& d, Extracted* e) {
                                            extractor->Extract(d, &e->facts);
                                            if (!fingerprint.empty())
                                              e->key = ArticleKey(fingerprint, d);
                                          });
    for (;;) {
      Document doc;
      bool done;
      PARLEY_RETURN_IF_ERROR(reader->Next(&doc, &done));
      if (done || !write_status.ok()) break;
      if (!fingerprint.empty() && StoredWith(*store, doc.id, ArticleKey(fingerprint, doc))) {
        ++tally.unchanged;
        ++tally.reused;
        continue;
      }
      pool.Push(std::move(doc), write);
    }
    pool.Finish(write);
  }
  PARLEY_RETURN_IF_ERROR(write_status);
  progress.Finish();
  PARLEY_RETURN_IF_ERROR(store->Close());
  tally.bad = reader->skipped();
  Report(tally);
  return Status::OK();
}

}  // namespace

Status Rekey(const Args& args) {
  Status s;
  int jobs = JobsFrom(args, &s);
  PARLEY_RETURN_IF_ERROR(s);
  const std::string path = DatabasePath(args);
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound("no database at " + path);
  GraphModel model;
  PARLEY_RETURN_IF_ERROR(GraphModel::LoadDefault(&model));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  int from = 0;
  PARLEY_RETURN_IF_ERROR(StoredEventKeyVersion(*store, &from));
  const int to = model.keys.version();
  if (from == to) {
    PARLEY_RETURN_IF_ERROR(RecordEventKeyVersion(store.get(), to));
    PARLEY_RETURN_IF_ERROR(store->Close());
    std::cerr << "parley: the events of " << path << " are keyed by event key version " << to
              << " already; nothing to re-key\n";
    return Status::OK();
  }
  // Every article is extracted again from its stored text, so each must have been stored
  // from an extraction: facts given with --facts cannot be made again here.
  std::vector<std::string> ids;
  uint64_t total = 0;
  PARLEY_RETURN_IF_ERROR(store->ScanArticles([&](const ArticleRecord& a) {
    ids.push_back(a.id);
    total += a.text.size();
    return true;
  }));
  for (const std::string& id : ids) {
    Node article;
    PARLEY_RETURN_IF_ERROR(
        store->GetNode(IdFor("Article:" + id), &article).WithContext("article " + id));
    if (StringProperty(article.properties, kExtractedWith).empty()) {
      return Status::InvalidInput("article " + id + " of " + path +
                                  " was stored from given facts (ingest --facts), which a re-key "
                                  "cannot extract again; ingest them into a new database instead "
                                  "(nothing was changed)");
    }
  }
  std::unique_ptr<Extractor> extractor;
  PARLEY_RETURN_IF_ERROR(MakeExtractor(args, /*lines=*/false, &extractor));
  PARLEY_RETURN_IF_ERROR(PrepareNearDuplicateIndex(store.get()));
  Curation curation;
  PARLEY_RETURN_IF_ERROR(Curation::Load(*store, &curation));
  std::vector<HandEdit> hand_edits;
  PARLEY_RETURN_IF_ERROR(LoadEdits(*store, &hand_edits));
  const EditIndex edits = IndexEdits(hand_edits);
  const std::string fingerprint = ExtractionFingerprint(args);
  Tally tally;
  Progress progress("articles", total);
  uint64_t done = 0;
  Status write_status;
  struct Extracted {
    DocumentFacts facts;
    std::string key;
  };
  // Each article is written as ingest writes it: its facts under the new keys replace its old
  // contributions in one atomic write, and events whose new keys meet merge.
  auto write = [&](Extracted& e) {
    if (write_status.ok()) {
      write_status = Store(store.get(), model, curation, edits, e.facts, &tally, e.key);
    }
    done += e.facts.text.size();
    progress.Update(done, tally.added + tally.replaced + tally.unchanged);
  };
  {
    OrderedPool<Document, Extracted> pool(jobs, static_cast<size_t>(jobs) * 4,
                                          [&](const Document& d, Extracted* e) {
                                            extractor->Extract(d, &e->facts);
                                            if (!fingerprint.empty())
                                              e->key = ArticleKey(fingerprint, d);
                                          });
    for (const std::string& id : ids) {
      if (!write_status.ok()) break;
      ArticleRecord a;
      PARLEY_RETURN_IF_ERROR(store->GetArticle(id, &a).WithContext("article " + id));
      Document d;
      d.id = a.id;
      d.title = a.title;
      d.date = a.date;
      d.source = a.source;
      d.text = a.text;
      pool.Push(std::move(d), write);
    }
    pool.Finish(write);
  }
  PARLEY_RETURN_IF_ERROR(write_status);
  progress.Finish();
  // Recorded last: a re-key cut short leaves the old version recorded, ingest refused, and
  // this command to run again (articles already re-keyed are then found unchanged).
  PARLEY_RETURN_IF_ERROR(RecordEventKeyVersion(store.get(), to));
  PARLEY_RETURN_IF_ERROR(store->Close());
  std::cerr << "parley: re-keyed " << ids.size() << " articles from event key version " << from
            << " to " << to << " (" << tally.replaced << " replaced, " << tally.unchanged
            << " unchanged, " << tally.added << " added)\n";
  return Status::OK();
}

Status Ingest(const Args& args) {
  if (args.Has("--facts")) return IngestFacts(args);
  if (args.positional().empty()) {
    return Status::Usage("ingest needs files, folders or - (or --facts FILE.jsonl)");
  }
  return IngestDocuments(args);
}

}  // namespace parley::cli

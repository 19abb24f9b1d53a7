// parley ingest: articles or extracted facts into the store, one atomic write per article.
//
// With --facts, every file is read twice: first to check every line, so that a malformed
// line stops the run before anything is written (unless --skip-bad), then to store. Standard
// input is spooled to a temporary file for that.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/ordered_pool.h"
#include "cli/progress.h"
#include "core/document_reader.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "storage/curation.h"
#include "storage/graph_model.h"
#include "storage/near_duplicate_index.h"
#include "storage/graph_store.h"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

struct Tally {
  int added = 0, replaced = 0, unchanged = 0, bad = 0, dropped = 0;
};

void Warn(const std::string& msg) { std::cerr << "parley: warning: " << msg << "\n"; }

// Stores one article's facts, after the curator's decisions (parley actor) are applied to them.
Status Store(GraphStore* store, const GraphModel& model, const Curation& curation,
             const DocumentFacts& extracted, Tally* t) {
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
  ArticleOutcome outcome;
  PARLEY_RETURN_IF_ERROR(store->WriteArticle(article, batch, &outcome).WithContext("article " + facts.doc));
  switch (outcome) {
    case ArticleOutcome::kAdded: ++t->added; break;
    case ArticleOutcome::kReplaced: ++t->replaced; break;
    case ArticleOutcome::kUnchanged: ++t->unchanged; break;
  }
  return Status::OK();
}

void Report(const Tally& t) {
  std::cerr << "parley: ingested " << (t.added + t.replaced + t.unchanged) << " articles ("
            << t.added << " added, " << t.replaced << " replaced, " << t.unchanged
            << " unchanged)";
  if (t.bad) std::cerr << "; " << t.bad << " bad lines skipped";
  std::cerr << "\n";
}

// Reads `path` line by line, calling `fn(line, line_number)` for each non-blank line.
Status ForEachLine(const std::string& path, const std::function<Status(const std::string&, int64_t)>& fn,
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

// Copies standard input to a temporary file, so that it can be read twice.
Status SpoolStdin(std::string* path) {
  char tmpl[] = "/tmp/parley-stdin-XXXXXX";
  int fd = ::mkstemp(tmpl);
  if (fd < 0) return Status::IOError("cannot create a temporary file for standard input");
  ::close(fd);
  std::ofstream out(tmpl, std::ios::binary);
  out << std::cin.rdbuf();
  if (!out) return Status::IOError("cannot spool standard input to " + std::string(tmpl));
  *path = tmpl;
  return Status::OK();
}

Status IngestFacts(const Args& args) {
  std::vector<std::string> files = args.GetAll("--facts");
  for (const auto& p : args.positional()) files.push_back(p);
  bool skip_bad = args.Has("--skip-bad");
  std::vector<std::string> temp;
  for (auto& f : files) {
    if (f == "-") {
      PARLEY_RETURN_IF_ERROR(SpoolStdin(&f));
      temp.push_back(f);
      continue;
    }
    std::error_code ec;
    if (!fs::exists(f, ec)) return Status::NotFound("no such file: " + f);
    if (fs::is_directory(f, ec)) return Status::InvalidInput(f + " is a folder; --facts takes JSONL files");
  }
  struct Cleanup {
    std::vector<std::string>* files;
    ~Cleanup() {
      for (const auto& f : *files) std::remove(f.c_str());
    }
  } cleanup{&temp};

  GraphModel model;
  PARLEY_RETURN_IF_ERROR(GraphModel::LoadDefault(&model));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  PARLEY_RETURN_IF_ERROR(PrepareNearDuplicateIndex(store.get()));
  Curation curation;
  PARLEY_RETURN_IF_ERROR(Curation::Load(*store, &curation));

  // Pass 1: check every line; the first bad one stops the run before anything is written.
  Tally tally;
  uint64_t total = 0;
  std::set<std::pair<size_t, int64_t>> bad;
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    total += fs::file_size(files[i], ec);
    std::string shown = std::find(temp.begin(), temp.end(), files[i]) != temp.end() ? "stdin" : files[i];
    PARLEY_RETURN_IF_ERROR(ForEachLine(files[i], [&](const std::string& line, int64_t n) {
      DocumentFacts facts;
      Status s = ParseFacts(line, &facts);
      if (s.ok()) return s;
      s = s.WithContext(shown + ":" + std::to_string(n));
      if (!skip_bad) return Status::InvalidInput(s.message() + " (nothing was stored; --skip-bad skips such lines)");
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
          return Store(store.get(), model, curation, facts, &tally);
        },
        [&](uint64_t bytes) {
          progress.Update(done_before + bytes, tally.added + tally.replaced + tally.unchanged);
        }));
    std::error_code ec;
    done_before += fs::file_size(files[i], ec);
  }
  progress.Finish();
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
  PARLEY_RETURN_IF_ERROR(PrepareNearDuplicateIndex(store.get()));
  Curation curation;
  PARLEY_RETURN_IF_ERROR(Curation::Load(*store, &curation));
  Tally tally;
  Progress progress("articles", reader->bytes_total());
  Status write_status;
  // Extraction runs on `jobs` threads; writes happen here, in input order, one article each.
  auto write = [&](DocumentFacts& facts) {
    if (write_status.ok()) write_status = Store(store.get(), model, curation, facts, &tally);
    progress.Update(reader->bytes_read(), tally.added + tally.replaced + tally.unchanged);
  };
  {
    OrderedPool<Document, DocumentFacts> pool(jobs, static_cast<size_t>(jobs) * 4,
                                              [&](const Document& d, DocumentFacts* f) { extractor->Extract(d, f); });
    for (;;) {
      Document doc;
      bool done;
      PARLEY_RETURN_IF_ERROR(reader->Next(&doc, &done));
      if (done || !write_status.ok()) break;
      pool.Push(std::move(doc), write);
    }
    pool.Finish(write);
  }
  PARLEY_RETURN_IF_ERROR(write_status);
  progress.Finish();
  tally.bad = reader->skipped();
  Report(tally);
  return Status::OK();
}

}  // namespace

Status Ingest(const Args& args) {
  if (args.Has("--facts")) return IngestFacts(args);
  if (args.positional().empty()) {
    return Status::Usage("ingest needs files, folders or - (or --facts FILE.jsonl)");
  }
  return IngestDocuments(args);
}

}  // namespace parley::cli

// parley ingest: articles or extracted facts into the store, one atomic write per article.
// parley rekey: the stored articles extracted and written again, under this build's event key.
//
// With --facts, every file is read twice: first to check every line, so that a malformed
// line stops the run before anything is written (unless --skip-bad), then to store. Standard
// input, pipes and FIFOs are copied to a temporary file for that. With --bulk as well, an
// empty store is filled through sorted SST files (graph/bulk_ingest.h) instead of one write
// per article: the same store, made faster.
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
#include "cli/progress.h"
#include "core/document_reader.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "graph/bulk_ingest.h"
#include "graph/graph_model.h"
#include "graph/ingest.h"
#include "storage/graph_store.h"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;

struct Tally : IngestTally {
  int bad = 0;
};

void Warn(const std::string& msg) {
  std::cerr << "parley: warning: " << msg << "\n";
}

// The extraction fingerprint of this program with the options that change extraction.
std::string Fingerprint(const Args& args) {
  return ExtractionFingerprint("/proc/self/exe", args.Get("--actors", ""),
                               args.Has("--all-sentences"));
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

  const bool bulk = args.Has("--bulk");
  if (bulk && args.Has("--no-text-index"))
    return Status::Usage("--bulk loads the full-text index too; drop --no-text-index");
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  std::unique_ptr<ArticleWriter> writer;
  std::unique_ptr<BulkIngest> bulk_ingest;
  if (bulk) {
    PARLEY_RETURN_IF_ERROR(BulkIngest::Open(store.get(), BulkLoader::Options(), &bulk_ingest));
  } else {
    PARLEY_RETURN_IF_ERROR(ArticleWriter::Open(store.get(), ArticleWriter::Options(), &writer));
  }

  auto shown = [&](const std::string& file) {
    return shown_as.count(file) ? shown_as[file] : file;
  };

  // Pass 1: check every line; the first bad one stops the run before anything is written.
  Tally tally;
  uint64_t total = 0;
  std::set<std::pair<size_t, int64_t>> bad;
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    total += fs::file_size(files[i], ec);
    PARLEY_RETURN_IF_ERROR(ForEachLine(files[i], [&](const std::string& line, int64_t n) {
      DocumentFacts facts;
      Status s = ParseFacts(line, &facts);
      if (s.ok()) return s;
      s = s.WithContext(shown(files[i]) + ":" + std::to_string(n));
      if (!skip_bad)
        return Status::InvalidInput(s.message() +
                                    " (nothing was stored; --skip-bad skips such lines)");
      Warn(s.message() + "; skipped");
      bad.insert({i, n});
      return Status::OK();
    }));
  }
  tally.bad = static_cast<int>(bad.size());

  // Pass 2: store, one atomic write per article (with --bulk: gather, then load at the end).
  Progress progress("articles", total);
  uint64_t done_before = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    PARLEY_RETURN_IF_ERROR(ForEachLine(
        files[i],
        [&](const std::string& line, int64_t n) {
          if (bad.count({i, n})) return Status::OK();
          DocumentFacts facts;
          PARLEY_RETURN_IF_ERROR(ParseFacts(line, &facts));
          IngestedArticle stored;
          // Facts written by `extract --record-key` carry the key `ingest` of the article
          // records: the store is then the same as that ingest's.
          if (bulk) {
            PARLEY_RETURN_IF_ERROR(bulk_ingest->Add(facts, facts.extracted_with, &stored)
                                       .WithContext(shown(files[i])));
          } else {
            PARLEY_RETURN_IF_ERROR(writer->Write(facts, facts.extracted_with, &stored));
          }
          tally.Add(stored);
          return Status::OK();
        },
        [&](uint64_t bytes) { progress.Update(done_before + bytes, tally.articles()); }));
    std::error_code ec;
    done_before += fs::file_size(files[i], ec);
  }
  progress.Finish();
  if (bulk) PARLEY_RETURN_IF_ERROR(bulk_ingest->Finish(nullptr));
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
  std::unique_ptr<Extractor> extractor;
  PARLEY_RETURN_IF_ERROR(MakeExtractor(args, /*lines=*/false, &extractor));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/false, &store));
  std::unique_ptr<ArticleWriter> writer;
  PARLEY_RETURN_IF_ERROR(ArticleWriter::Open(store.get(), ArticleWriter::Options(), &writer));
  Tally tally;
  Progress progress("articles", reader->bytes_total());
  IngestOptions options;
  options.jobs = jobs;
  // An article stored from the same text by the same program and data is not extracted again
  // (so that an interrupted ingest resumes where it stopped).
  options.fingerprint = Fingerprint(args);
  PARLEY_RETURN_IF_ERROR(IngestDocuments(
      writer.get(), *extractor, options,
      [&](Document* doc, bool* done) { return reader->Next(doc, done); },
      [&](const IngestedArticle& a) {
        tally.Add(a);
        progress.Update(reader->bytes_read(), tally.articles());
      }));
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
    if (ExtractedWith(article).empty()) {
      return Status::InvalidInput("article " + id + " of " + path +
                                  " was stored from given facts (ingest --facts), which a re-key "
                                  "cannot extract again; ingest them into a new database instead "
                                  "(nothing was changed)");
    }
  }
  std::unique_ptr<Extractor> extractor;
  PARLEY_RETURN_IF_ERROR(MakeExtractor(args, /*lines=*/false, &extractor));
  ArticleWriter::Options wopt;
  wopt.check_event_key_version = false;  // the keys this command changes
  std::unique_ptr<ArticleWriter> writer;
  PARLEY_RETURN_IF_ERROR(ArticleWriter::Open(store.get(), wopt, &writer));
  IngestOptions options;
  options.jobs = jobs;
  options.fingerprint = Fingerprint(args);
  options.skip_stored = false;
  Tally tally;
  Progress progress("articles", total);
  uint64_t done = 0;
  size_t next = 0;
  // Each article is written as ingest writes it: its facts under the new keys replace its old
  // contributions in one atomic write, and events whose new keys meet merge.
  PARLEY_RETURN_IF_ERROR(IngestDocuments(
      writer.get(), *extractor, options,
      [&](Document* d, bool* end) {
        *end = next == ids.size();
        if (*end) return Status::OK();
        const std::string& id = ids[next++];
        ArticleRecord a;
        PARLEY_RETURN_IF_ERROR(store->GetArticle(id, &a).WithContext("article " + id));
        *d = Document();
        d->id = a.id;
        d->title = a.title;
        d->date = a.date;
        d->source = a.source;
        d->text = a.text;
        return Status::OK();
      },
      [&](const IngestedArticle& a) {
        tally.Add(a);
        done += a.text_bytes;
        progress.Update(done, tally.articles());
      }));
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

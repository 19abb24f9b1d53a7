// parley::Database (include/parley/parley.h): the public API over the store, the ingest
// (graph/ingest.h), the query engine and the demands report, with errors turned into Results.
#include <dlfcn.h>

#include <functional>
#include <mutex>
#include <sstream>
#include <thread>

#include "api/row_writer.h"
#include "core/document_reader.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "graph/ingest.h"
#include "parley/parley.h"
#include "query/demand_report.h"
#include "query/engine.h"
#include "query/limits.h"
#include "query/result_format.h"
#include "storage/graph_store.h"
#include "util/data_path.h"
#include "util/status.h"

namespace parley {
namespace {

Result ToResult(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
      return Result();
    case Status::Code::kNotFound:
      return Result(Result::Code::kNotFound, s.message());
    case Status::Code::kInvalidInput:
    case Status::Code::kUsage:
      return Result(Result::Code::kInvalidInput, s.message());
    case Status::Code::kIOError:
      return Result(Result::Code::kIOError, s.message());
    case Status::Code::kBusy:
      return Result(Result::Code::kBusy, s.message());
    case Status::Code::kIncompatible:
      return Result(Result::Code::kIncompatible, s.message());
    case Status::Code::kCorruption:
      return Result(Result::Code::kCorruption, s.message());
  }
  return Result(Result::Code::kIOError, s.message());
}

ArticleResult ToArticleResult(const IngestedArticle& a) {
  ArticleResult r;
  r.id = a.id;
  switch (a.outcome) {
    case parley::ArticleOutcome::kAdded:
      r.kind = ArticleResult::Kind::kAdded;
      break;
    case parley::ArticleOutcome::kReplaced:
      r.kind = ArticleResult::Kind::kReplaced;
      break;
    case parley::ArticleOutcome::kUnchanged:
      r.kind = ArticleResult::Kind::kUnchanged;
      break;
  }
  r.reused = a.reused;
  return r;
}

// The file holding this code (libparley.so, or the program it is linked into): what extraction
// results depend on besides the data, for the key that lets ingest skip an unchanged article.
std::string ThisLibrary() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&ToResult), &info) != 0 && info.dli_fname)
    return info.dli_fname;
  return "/proc/self/exe";
}

Result Closed() {
  return Result(Result::Code::kInvalidInput, "the database is closed");
}

}  // namespace

struct Database::Impl {
  std::unique_ptr<GraphStore> store;
  OpenOptions options;
  // Ingest and writing queries one at a time: each holds this throughout. Reads take none.
  std::mutex write_mu;
  // The extractor is made on first use (it loads dictionaries and the parser, seconds).
  std::mutex extractor_mu;
  std::unique_ptr<Extractor> extractor;
  std::string fingerprint;

  Status GetExtractor(const Extractor** out) {
    std::lock_guard lock(extractor_mu);
    if (!extractor) {
      Extractor::Options opt;
      opt.actors_file = options.actors_file;
      PARLEY_RETURN_IF_ERROR(Extractor::Create(opt, &extractor));
      fingerprint = ExtractionFingerprint(ThisLibrary(), options.actors_file,
                                          /*all_sentences=*/false);
    }
    *out = extractor.get();
    return Status::OK();
  }

  int Jobs() const {
    if (options.jobs > 0) return options.jobs;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  // Extracts and stores what `next` yields; `outcomes` (optional) gets each article.
  Status Ingest(const std::function<Status(Document*, bool*)>& next,
                std::vector<ArticleResult>* outcomes) {
    if (options.read_only)
      return Status::InvalidInput("the database is open read-only; ingest needs it writable");
    const Extractor* ex = nullptr;
    PARLEY_RETURN_IF_ERROR(GetExtractor(&ex));
    std::lock_guard lock(write_mu);
    std::unique_ptr<ArticleWriter> writer;
    PARLEY_RETURN_IF_ERROR(ArticleWriter::Open(store.get(), ArticleWriter::Options(), &writer));
    IngestOptions opt;
    opt.jobs = Jobs();
    opt.fingerprint = fingerprint;
    return IngestDocuments(writer.get(), *ex, opt, next, [&](const IngestedArticle& a) {
      if (outcomes) outcomes->push_back(ToArticleResult(a));
    });
  }
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Database::~Database() {
  if (impl_->store) impl_->store->Close();
}

Result Database::Open(const std::string& path, const OpenOptions& options,
                      std::unique_ptr<Database>* db) {
  if (path.empty()) return Result(Result::Code::kInvalidInput, "no database folder given");
  if (options.jobs < 0 || options.jobs > 256)
    return Result(Result::Code::kInvalidInput, "jobs takes a number from 0 to 256");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  GraphStore::Options opt;
  opt.read_only = options.read_only;
  opt.create_if_missing = options.create_if_missing && !options.read_only;
  Status s = GraphStore::Open(path, opt, &impl->store);
  if (!s.ok()) return ToResult(s);
  db->reset(new Database(std::move(impl)));
  return Result();
}

Result Database::Ingest(const std::vector<std::string>& paths,
                        std::vector<ArticleResult>* outcomes) {
  if (outcomes) outcomes->clear();
  if (!impl_->store) return Closed();
  if (paths.empty()) return Result(Result::Code::kInvalidInput, "ingest needs files or folders");
  std::unique_ptr<DocumentReader> reader;
  // Input that is not text is skipped, as `parley ingest` skips it (with a warning there).
  Status s = DocumentReader::Open(
      paths, DocumentReader::Options(), [](const std::string&) {}, &reader);
  if (!s.ok()) return ToResult(s);
  return ToResult(
      impl_->Ingest([&](Document* doc, bool* done) { return reader->Next(doc, done); }, outcomes));
}

Result Database::IngestTexts(const std::vector<std::string>& articles,
                             std::vector<ArticleResult>* outcomes) {
  if (outcomes) outcomes->clear();
  if (!impl_->store) return Closed();
  // Every article is read before any is stored, so that a bad one stores nothing.
  std::vector<Document> docs(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    const std::string& a = articles[i];
    const std::string where = "article " + std::to_string(i);
    size_t start = a.find_first_not_of(" \t\r\n");
    if (start == std::string::npos)
      return Result(Result::Code::kInvalidInput, where + ": empty; nothing was stored");
    if (a[start] == '{') {
      Status s = ParseArticleLine(a, "text:" + std::to_string(i), &docs[i]);
      if (!s.ok()) return ToResult(s.WithContext(where).WithContext("ingest"));
    } else {
      docs[i] = ArticleFromText(a, "text");
    }
  }
  size_t next = 0;
  return ToResult(impl_->Ingest(
      [&](Document* d, bool* done) {
        *done = next == docs.size();
        if (!*done) *d = std::move(docs[next++]);
        return Status::OK();
      },
      outcomes));
}

Result Database::Query(std::string_view query, std::string_view params_json,
                       const RowCallback& on_row, std::vector<std::string>* columns) {
  if (!impl_->store) return Closed();
  query::QueryShape shape;
  Status s = query::InspectQuery(query, &shape);
  if (!s.ok()) return ToResult(s);
  ValueMap params;
  if (params_json.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    s = query::ParseParams(params_json, &params);
    if (!s.ok()) return ToResult(s.WithContext("params"));
  }
  if (shape.writes && impl_->options.read_only)
    return Result(Result::Code::kInvalidInput,
                  "the query writes, and the database is open read-only");
  std::unique_lock<std::mutex> lock(impl_->write_mu, std::defer_lock);
  if (shape.writes) lock.lock();
  std::atomic<bool> stop{false};
  RowCallbackWriter writer(on_row, columns, &stop);
  query::QueryLimits limits;
  limits.max_memory_bytes = query::DefaultMaxMemoryBytes();
  limits.cancel = &stop;
  s = query::RunQuery(impl_->store.get(), query, params, &writer, limits, "");
  if (writer.thrown()) std::rethrow_exception(writer.thrown());
  // Stopped by the callback: the rows it wanted were handed over.
  if (stop.load()) return Result();
  return ToResult(s);
}

Result Database::QueryJson(std::string_view query, std::string_view params_json,
                           std::string* json) {
  std::vector<std::string> columns;
  std::string rows;
  Result r = Query(
      query, params_json,
      [&](const Row& row) {
        rows += rows.empty() ? "[" : ",[";
        for (size_t i = 0; i < row.values.size(); ++i) {
          if (i) rows += ",";
          rows += row.values[i];
        }
        rows += "]";
        return true;
      },
      &columns);
  if (!r.ok()) return r;
  std::string out = "{\"columns\":[";
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ",";
    AppendJsonString(columns[i], &out);
  }
  *json = out + "],\"rows\":[" + rows + "]}";
  return Result();
}

Result Database::Demands(const DemandFilter& filter, std::string* json) {
  if (!impl_->store) return Closed();
  DemandReportFilter f;
  f.by = filter.by;
  f.of = filter.of;
  f.about = filter.about;
  f.since = filter.since;
  f.timeline = filter.timeline;
  std::ostringstream out;
  auto writer = ResultWriter::Make(OutputFormat::kJson, out);
  Status s = WriteDemandReport(*impl_->store, f, writer.get());
  if (!s.ok()) return ToResult(s);
  *json = out.str();
  while (!json->empty() && json->back() == '\n') json->pop_back();
  return Result();
}

namespace {

// The facts of `text`, one article, as JSON, by the extractor `get_extractor` gives.
Result ExtractText(std::string_view text,
                   const std::function<Status(const Extractor**)>& get_extractor,
                   std::string* facts_json) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Result(Result::Code::kInvalidInput, "extract: the text is empty");
  const Extractor* ex = nullptr;
  Status s = get_extractor(&ex);
  if (!s.ok()) return ToResult(s);
  DocumentFacts facts;
  ex->Extract(ArticleFromText(std::string(text), "text"), &facts);
  *facts_json = FactsToJson(facts);
  return Result();
}

}  // namespace

Result Database::Extract(std::string_view text, std::string* facts_json) {
  return ExtractText(
      text, [this](const Extractor** ex) { return impl_->GetExtractor(ex); }, facts_json);
}

Result Extract(std::string_view text, std::string* facts_json) {
  // One extractor for the process, made on first use; Extractor::Extract is const and runs on
  // several threads at once (ingest shares one between its threads).
  static std::mutex mu;
  static std::unique_ptr<Extractor> extractor;
  return ExtractText(
      text,
      [](const Extractor** ex) {
        std::lock_guard lock(mu);
        if (!extractor) PARLEY_RETURN_IF_ERROR(Extractor::Create(Extractor::Options(), &extractor));
        *ex = extractor.get();
        return Status::OK();
      },
      facts_json);
}

Result Database::Close() {
  if (!impl_->store) return Closed();
  std::lock_guard lock(impl_->write_mu);
  Status s = impl_->store->Close();
  impl_->store.reset();
  return ToResult(s);
}

const char* Version() {
  return PARLEY_VERSION;
}

std::string DataFolder() {
  std::string dir = DataPath("");
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

}  // namespace parley

// The HTTP side of `parley serve` (cli/http_server.h), on cpp-httplib (Debian's
// libcpp-httplib-dev). cpp-httplib rather than Boost.Beast: the server needs a pool of worker
// threads, keep-alive, read and write timeouts on slow clients, a body-size bound answered
// before the body is read, and chunked streaming; cpp-httplib has all of these built and
// tested, where Beast's synchronous API would leave timeouts and the connection handling to
// us (its timeouts work only with its asynchronous operations).
//
// Results go through the same ResultWriter `parley query`, `stats` and `demands` print with,
// so an answer is byte for byte what the command prints. Reading queries run at once, each on
// its own RocksDB snapshot (query/engine.h); writing queries run one at a time, under a
// mutex, so a write never reads a state another write is about to replace. A write is one
// atomic batch: a read sees all of it or none of it.
#include "cli/http_server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>
#include <streambuf>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "cli/export_scope.h"
#include "cli/fair_gate.h"
#include "cli/ingest_queue.h"
#include "cli/store_reports.h"
#include "core/document_reader.h"
#include "graph/export.h"
#include "query/engine.h"
#include "query/result_format.h"

namespace parley::cli {
namespace {

using httplib::Request;
using httplib::Response;

constexpr const char* kJsonType = "application/json";
constexpr const char* kNdjsonType = "application/x-ndjson";

// The statuses of refused queries, by the limit they passed.
constexpr int kTooSlow = 503;   // --timeout: the same query may pass on a quieter server
constexpr int kTooLarge = 422;  // --max-memory, --max-rows: the query must ask for less
constexpr int kTooLong = 413;   // --max-body

// The line and column an error message points at: "... at 3:14" ending a query error's first
// line, or "at line 3, column 14" in a JSON parser's message. False if it names none.
bool FindPosition(std::string_view message, int* line, int* column) {
  std::string_view first = message.substr(0, message.find('\n'));
  auto number = [](std::string_view s, size_t* pos, int* out) {
    size_t end = *pos;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    if (end == *pos) return false;
    std::from_chars(s.data() + *pos, s.data() + end, *out);
    *pos = end;
    return true;
  };
  if (size_t at = first.find("at line "); at != std::string_view::npos) {
    size_t pos = at + 8;
    if (!number(first, &pos, line) || first.substr(pos, 9) != ", column ") return false;
    pos += 9;
    return number(first, &pos, column);
  }
  size_t at = first.rfind(" at ");
  if (at == std::string_view::npos) return false;
  size_t pos = at + 4;
  if (!number(first, &pos, line) || pos >= first.size() || first[pos] != ':') return false;
  ++pos;
  return number(first, &pos, column) && pos == first.size();
}

// {"error": message}, with "line" and "column" when the message points into the input.
std::string ErrorJson(const std::string& message) {
  std::string out = "{\"error\":";
  AppendJsonString(message, &out);
  int line = 0, column = 0;
  if (FindPosition(message, &line, &column)) {
    out += ",\"line\":" + std::to_string(line) + ",\"column\":" + std::to_string(column);
  }
  out += "}";
  return out;
}

void SendError(Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(ErrorJson(message) + "\n", kJsonType);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Compares without stopping at the first difference, so that the time taken tells nothing
// about how much of a guessed token was right.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// The deepest nesting a request body may have: that of --params, and two levels for the
// body's own object and its "params" member.
constexpr int kMaxBodyDepth = query::kMaxParamsDepth + 1;

// True if the JSON text nests arrays and objects deeper than `max` (counted outside strings).
// Checked before parsing, so that no body can make a parser or printer recurse without end.
bool NestsDeeper(std::string_view json, int max) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

struct QueryRequest {
  std::string text;
  ValueMap params;
};

// Reads the body of POST /query: {"query": "...", "params": {...}}.
Status ParseQueryBody(const std::string& body, QueryRequest* out) {
  if (NestsDeeper(body, kMaxBodyDepth)) {
    return Status::InvalidInput("the request body is nested more than " +
                                std::to_string(query::kMaxParamsDepth) + " levels deep");
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: ...": the part a
    // user can act on.
    std::string what = e.what();
    if (size_t p = what.find("] "); StartsWith(what, "[json.exception") && p != std::string::npos)
      what.erase(0, p + 2);
    return Status::InvalidInput("the request body is not JSON: " + what);
  }
  if (!j.is_object()) {
    return Status::InvalidInput(
        "the request body must be a JSON object: {\"query\": \"...\", \"params\": {...}}");
  }
  for (const auto& [key, value] : j.items()) {
    if (key != "query" && key != "params") {
      return Status::InvalidInput("the request body has an unknown member '" + key +
                                  "' (it takes \"query\" and \"params\")");
    }
  }
  auto q = j.find("query");
  if (q == j.end() || !q->is_string()) {
    return Status::InvalidInput("the request body needs \"query\": a string of openCypher");
  }
  out->text = q->get<std::string>();
  auto p = j.find("params");
  if (p != j.end() && !p->is_null()) {
    if (!p->is_object()) return Status::InvalidInput("\"params\" must be a JSON object");
    // The same conversion --params makes, so that a value means the same over HTTP.
    Status s = query::ParseParams(p->dump(), &out->params);
    if (!s.ok()) return Status::InvalidInput("\"params\": " + s.message());
  }
  return Status::OK();
}

// A stream buffer that hands what it holds to a chunked HTTP response: when full, and when
// flushed. A write that fails (the client went away) raises `stop`, the query's cancel flag,
// and nothing more is sent.
class SinkBuf : public std::streambuf {
 public:
  SinkBuf(httplib::DataSink& sink, std::atomic<bool>& stop) : sink_(sink), stop_(stop) {
    setp(buf_, buf_ + sizeof(buf_));
  }
  ~SinkBuf() override { sync(); }

 protected:
  int overflow(int c) override {
    if (sync() != 0) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    size_t n = pptr() - pbase();
    if (n > 0 && !gone_ && !sink_.write(pbase(), n)) {
      gone_ = true;
      stop_.store(true);
    }
    setp(buf_, buf_ + sizeof(buf_));
    return gone_ ? -1 : 0;
  }

 private:
  httplib::DataSink& sink_;
  std::atomic<bool>& stop_;
  bool gone_ = false;
  char buf_[16384];
};

// Passes rows on to the real writer up to `max_rows` (0: no bound); past it, raises `stop`
// (the query's cancel flag) and keeps nothing more. When streaming, a row is sent within
// 50 ms of being made, and rows made faster than that go out together.
class BoundedWriter : public ResultWriter {
 public:
  BoundedWriter(ResultWriter* inner, uint64_t max_rows, std::atomic<bool>& stop,
                std::ostream* stream)
      : inner_(inner), max_rows_(max_rows), stop_(stop), stream_(stream) {}
  void Begin(const std::vector<std::string>& columns) override { inner_->Begin(columns); }
  void Row(const std::vector<Value>& row) override {
    if (over_) return;
    if (max_rows_ > 0 && ++rows_ > max_rows_) {
      over_ = true;
      stop_.store(true);
      return;
    }
    inner_->Row(row);
    if (stream_) {
      auto now = std::chrono::steady_clock::now();
      if (now - last_flush_ > std::chrono::milliseconds(50)) {
        stream_->flush();
        last_flush_ = now;
      }
    }
  }
  void End() override {
    if (!over_) inner_->End();
  }
  bool over() const { return over_; }

 private:
  ResultWriter* inner_;
  uint64_t max_rows_;
  std::atomic<bool>& stop_;
  std::ostream* stream_;
  uint64_t rows_ = 0;
  bool over_ = false;
  std::chrono::steady_clock::time_point last_flush_ = std::chrono::steady_clock::now();
};

// An ostream buffer that keeps up to `max` bytes; past them it fails (the stream goes bad,
// so an export stops writing) and sets `over` (ExportOptions::stop: the walk ends too).
class CappedBuf : public std::streambuf {
 public:
  explicit CappedBuf(size_t max) : max_(max) {}
  std::string& text() { return text_; }
  bool over() const { return over_; }
  const std::atomic<bool>* flag() const { return &over_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (over_ || text_.size() + static_cast<size_t>(n) > max_) {
      over_ = true;
      return 0;
    }
    text_.append(s, static_cast<size_t>(n));
    return n;
  }

 private:
  size_t max_;
  std::string text_;
  std::atomic<bool> over_{false};
};

// The media type of an export format's answer.
const char* ExportType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphML:
    case ExportFormat::kGexf:
      return "application/xml";
    case ExportFormat::kDot:
      return "text/vnd.graphviz; charset=utf-8";
    case ExportFormat::kNTriples:
      return "application/n-triples";
    case ExportFormat::kTurtle:
      return "text/turtle; charset=utf-8";
    case ExportFormat::kCytoscape:
    case ExportFormat::kJson:
      return kJsonType;
    case ExportFormat::kHtml:
      return "text/html; charset=utf-8";
    case ExportFormat::kGdelt:
      return "text/tab-separated-values; charset=utf-8";
    case ExportFormat::kPlover:
      return kNdjsonType;
    case ExportFormat::kNeo4jCsv:
      break;
  }
  return "application/octet-stream";
}

// Turns the parameters of a request's address (not those of a form-encoded body, which
// cpp-httplib puts beside them) into the flags of the command that reads them
// (`--key=value`, so that no value is taken for a flag), refusing any not in `known`.
Status ParamsToArgs(const Request& req, const std::string& endpoint,
                    const std::vector<std::string>& known, Args* args) {
  httplib::Params params;
  if (size_t q = req.target.find('?'); q != std::string::npos)
    httplib::detail::parse_query_text(req.target.substr(q + 1), params);
  std::vector<std::string> words = {"parley"};
  std::set<std::string> flags;
  std::string list;
  for (const std::string& k : known) {
    flags.insert("--" + k);
    list += (list.empty() ? "" : ", ") + k;
  }
  for (const auto& [key, value] : params) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return Status::InvalidInput("unknown parameter '" + key + "' (" + endpoint + " takes " +
                                  list + ")");
    }
    words.push_back("--" + key + "=" + value);
  }
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  return Args::Parse(static_cast<int>(argv.size()), argv.data(), 1, flags, {}, args);
}

}  // namespace

struct HttpServer::Impl {
  GraphStore* store;
  ServeOptions opt;
  httplib::Server svr;
  std::mutex write_mu;                  // one writing query, or one ingest, at a time
  std::unique_ptr<IngestQueue> ingest;  // the writer of POST /ingest; null when read-only
  std::unique_ptr<FairGate> gate;       // opt.threads requests at work at once
  std::atomic<bool> stop_asked{false};
  std::atomic<bool> run_done{false};

  // The message of a failed call, fit to send: the store's folder never appears in it.
  std::string Scrub(std::string message) const {
    std::vector<std::string> paths = {opt.db_dir};
    std::error_code ec;
    auto abs = std::filesystem::absolute(opt.db_dir, ec);
    if (!ec) paths.push_back(abs.lexically_normal().string());
    auto canon = std::filesystem::weakly_canonical(opt.db_dir, ec);
    if (!ec) paths.push_back(canon.string());
    std::sort(paths.begin(), paths.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& p : paths) {
      if (p.empty()) continue;
      for (size_t at = message.find(p); at != std::string::npos; at = message.find(p, at + 2))
        message.replace(at, p.size(), "DB");
    }
    return message;
  }

  // The status of a failed query or report.
  static int StatusFor(const Status& s) {
    if (StartsWith(s.message(), "Query stopped: it ran longer")) return kTooSlow;
    if (StartsWith(s.message(), "Query stopped: it needs more memory")) return kTooLarge;
    switch (s.code()) {
      case Status::Code::kBusy:
        return 503;
      case Status::Code::kIOError:
      case Status::Code::kCorruption:
      case Status::Code::kIncompatible:
        return 500;
      default:
        return 400;
    }
  }

  void Fail(Response& res, const Status& s) { SendError(res, StatusFor(s), Scrub(s.message())); }

  // 0 if the request may go on; else the status it was refused with, `res` filled. Beyond
  // loopback every request needs the token; a write always does.
  int Authorize(const Request& req, Response& res, bool write) {
    bool needs_token = write || !opt.loopback;
    if (!needs_token) return 0;
    if (write && opt.read_only) {
      SendError(res, 403, "this server is read-only (--read-only): writes are refused");
      return 403;
    }
    if (opt.token.empty()) {
      SendError(res, 403, "writes need a token: start parley serve with --token-file");
      return 403;
    }
    std::string header = req.get_header_value("Authorization");
    if (!StartsWith(header, "Bearer ")) {
      res.set_header("WWW-Authenticate", "Bearer");
      SendError(res, 401,
                write ? "a write needs the header Authorization: Bearer TOKEN"
                      : "this server needs the header Authorization: Bearer TOKEN");
      return 401;
    }
    std::string_view given = std::string_view(header).substr(7);
    while (!given.empty() && given.front() == ' ') given.remove_prefix(1);
    if (!SameSecret(given, opt.token)) {
      SendError(res, 403, "the token is not this server's");
      return 403;
    }
    return 0;
  }

  // A query's limits with `stop` as its cancel flag (the row bound, a client gone).
  query::QueryLimits LimitsWith(const std::atomic<bool>* stop) const {
    query::QueryLimits limits = opt.limits;
    limits.cancel = stop;
    return limits;
  }

  std::string RowBoundMessage() const {
    return "the result has more than " + std::to_string(opt.max_rows) +
           " rows (--max-rows); ask for fewer with LIMIT";
  }

  // Runs one query, its result written by `format` onto `out`. A writing query holds the
  // write lock throughout. On failure, `*status` is the HTTP status to answer with.
  Status RunOne(const QueryRequest& q, bool writes, OutputFormat format, std::ostream& out,
                std::atomic<bool>& stop, bool streaming, int* status) {
    std::unique_lock<std::mutex> lock(write_mu, std::defer_lock);
    if (writes) lock.lock();
    // After the write lock: writes waiting for an ingest to end hold no place of the reads.
    FairGate::Pass pass(*gate);
    auto writer = ResultWriter::Make(format, out);
    // A writing query's rows come once its write is made: bounding them then would refuse a
    // change already stored, so they are bounded by --max-memory alone (the query holds them).
    BoundedWriter bounded(writer.get(), writes ? 0 : opt.max_rows, stop,
                          streaming ? &out : nullptr);
    query::QueryLimits limits = LimitsWith(&stop);
    Status s = query::RunQuery(store, q.text, q.params, &bounded, limits, "");
    if (s.ok()) return s;
    if (bounded.over()) {
      *status = kTooLarge;
      return Status::InvalidInput(RowBoundMessage());
    }
    *status = StatusFor(s);
    return Status::InvalidInput(Scrub(s.message()));
  }

  void Query(const Request& req, Response& res) {
    QueryRequest q;
    Status s = ParseQueryBody(req.body, &q);
    if (!s.ok()) return SendError(res, 400, s.message());
    query::QueryShape shape;
    s = query::InspectQuery(q.text, &shape);
    if (!s.ok()) return SendError(res, 400, s.message());
    if (Authorize(req, res, shape.writes) != 0) return;
    bool ndjson = req.get_header_value("Accept").find(kNdjsonType) != std::string::npos;
    if (!ndjson) {
      std::ostringstream out;
      std::atomic<bool> stop{false};
      int status = 200;
      s = RunOne(q, shape.writes, OutputFormat::kJson, out, stop, false, &status);
      if (!s.ok()) return SendError(res, status, s.message());
      res.status = 200;
      res.set_content(out.str(), kJsonType);
      return;
    }
    // Streamed: the status is sent before the first row, so a query that fails after it has
    // begun ends the stream with one more line, {"error": "..."}.
    bool writes = shape.writes;
    res.status = 200;
    res.set_chunked_content_provider(
        kNdjsonType, [this, q = std::move(q), writes](size_t, httplib::DataSink& sink) {
          std::atomic<bool> stop{false};
          {
            SinkBuf buf(sink, stop);
            std::ostream out(&buf);
            int status = 200;
            Status run = RunOne(q, writes, OutputFormat::kJsonl, out, stop, true, &status);
            if (!run.ok()) out << ErrorJson(run.message()) << "\n";
            out.flush();
          }
          sink.done();
          return true;
        });
  }

  void Stats(const Request& req, Response& res) {
    if (Authorize(req, res, false) != 0) return;
    FairGate::Pass pass(*gate);
    auto snap = store->GetSnapshot();
    std::ostringstream out;
    auto writer = ResultWriter::Make(OutputFormat::kJson, out);
    Status s = WriteStats(*store, snap.get(), writer.get());
    if (!s.ok()) return Fail(res, s);
    res.set_content(out.str(), kJsonType);
  }

  void Demands(const Request& req, Response& res) {
    if (Authorize(req, res, false) != 0) return;
    // The filters become the command's own flags, so that they are read, resolved and
    // refused exactly as `parley demands` does it.
    Args args;
    Status s = ParamsToArgs(req, "GET /demands", {"by", "of", "about", "since"}, &args);
    if (!s.ok()) return Fail(res, s);
    FairGate::Pass pass(*gate);
    std::ostringstream out;
    auto writer = ResultWriter::Make(OutputFormat::kJson, out);
    s = WriteDemands(*store, args, writer.get());
    if (!s.ok()) return Fail(res, s);
    res.set_content(out.str(), kJsonType);
  }

  // GET /export?format=F[&around=ACTOR&hops=N | &query=CYPHER][&since=DATE][&title=T]: what
  // `parley export --format F` with those flags prints, read on one snapshot. The answer is
  // made whole before it is sent, so that a failure is an error status, not a cut file; it
  // is bounded by --max-export. neo4j-csv, a folder of files, is refused.
  void Export(const Request& req, Response& res) {
    if (Authorize(req, res, false) != 0) return;
    Args args;
    Status s =
        ParamsToArgs(req, "GET /export",
                     {"format", "around", "hops", "query", "params", "since", "title"}, &args);
    if (!s.ok()) return Fail(res, s);
    if (!args.Has("--format")) {
      return SendError(res, 400,
                       "format= is required (graphml, gexf, dot, ntriples, turtle, cytoscape, "
                       "json, html, gdelt or plover)");
    }
    ExportFormat format;
    s = ParseExportFormat(args.Get("--format"), &format);
    if (!s.ok()) return Fail(res, s);
    if (format == ExportFormat::kNeo4jCsv) {
      return SendError(res, 400,
                       "neo4j-csv writes a folder of files, which an answer cannot carry: use "
                       "`parley export --format neo4j-csv -o DIR`");
    }
    FairGate::Pass pass(*gate);
    auto snap = store->GetSnapshot();
    std::atomic<bool> stop{false};
    ExportScope scope;
    s = ChooseExportScope(args, store, snap.get(), LimitsWith(&stop), &scope);
    if (!s.ok()) return Fail(res, s);
    ExportOptions options;
    options.snap = snap.get();
    options.scope = &scope;
    if (args.Has("--title")) options.title = args.Get("--title");
    CappedBuf buf(opt.max_export_bytes);
    options.stop = buf.flag();
    std::ostream out(&buf);
    s = ExportGraph(*store, format, out, options);
    if (buf.over()) {
      return SendError(res, kTooLarge,
                       "the export is larger than " + std::to_string(opt.max_export_bytes) +
                           " bytes (--max-export): ask for a part with around=, query= or since=");
    }
    if (!s.ok()) return Fail(res, s);
    res.set_content(std::move(buf.text()), ExportType(format));
  }

  // GET /: the graph view of `parley export --format html` as a live page, which draws what
  // it fetches from this server (data/view/live.js). It embeds no graph itself.
  void Page(const Request& req, Response& res) {
    if (Authorize(req, res, false) != 0) return;
    ExportScope none;
    none.whole = false;
    ExportOptions options;
    options.scope = &none;
    options.live = true;
    std::ostringstream out;
    Status s = ExportGraph(*store, ExportFormat::kHtml, out, options);
    if (!s.ok()) return SendError(res, 500, Scrub(s.message()));
    res.set_content(out.str(), "text/html; charset=utf-8");
  }

  // POST /ingest: articles, one JSON object a line as `parley ingest` reads them (the
  // default), one plain text (Content-Type text/plain, or ?format=text), or extracted facts
  // as `parley ingest --facts` reads them (?format=facts). Every line is read before any is
  // stored: a bad one is a 400 naming it, nothing stored. The articles go to the one writer
  // (cli/ingest_queue.h); the answer says what became of each.
  void Ingest(const Request& req, Response& res) {
    if (Authorize(req, res, true) != 0) return;
    Args args;
    Status s = ParamsToArgs(req, "POST /ingest", {"format"}, &args);
    if (!s.ok()) return Fail(res, s);
    std::string format = args.Get("--format");
    if (format.empty())
      format = StartsWith(req.get_header_value("Content-Type"), "text/plain") ? "text" : "articles";
    IngestJob job;
    if (format == "text") {
      if (req.body.find_first_not_of(" \t\r\n") == std::string::npos)
        return SendError(res, 400, "the request body holds no text");
      job.documents.push_back(ArticleFromText(req.body, "http"));
    } else if (format == "articles" || format == "facts") {
      job.facts_given = format == "facts";
      std::istringstream in(req.body);
      int64_t n = 0;
      for (std::string line; std::getline(in, line);) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        std::string where = "line " + std::to_string(n);
        if (job.facts_given) {
          job.facts.emplace_back();
          s = ParseFacts(line, &job.facts.back());
        } else {
          job.documents.emplace_back();
          s = ParseArticleLine(line, where, &job.documents.back());
        }
        if (!s.ok())
          return SendError(res, 400, where + ": " + s.message() + " (nothing was stored)");
      }
      if (job.documents.empty() && job.facts.empty())
        return SendError(res, 400, "the request body holds no article (one JSON object a line)");
    } else {
      return SendError(
          res, 400, "unknown format '" + format + "' (POST /ingest takes articles, text or facts)");
    }
    IngestResult result;
    s = ingest->Run(std::move(job), &result);
    std::string out = "{\"articles\":[";
    IngestTally tally;
    for (size_t i = 0; i < result.articles.size(); ++i) {
      const IngestedArticle& a = result.articles[i];
      tally.Add(a);
      out += i ? ",{\"id\":" : "{\"id\":";
      AppendJsonString(a.id, &out);
      out += std::string(",\"outcome\":\"") +
             (a.outcome == ArticleOutcome::kAdded      ? "added"
              : a.outcome == ArticleOutcome::kReplaced ? "replaced"
                                                       : "unchanged") +
             "\",\"reused\":" + (a.reused ? "true" : "false") +
             ",\"dropped\":" + std::to_string(a.dropped) + "}";
    }
    out += "],\"added\":" + std::to_string(tally.added) +
           ",\"replaced\":" + std::to_string(tally.replaced) +
           ",\"unchanged\":" + std::to_string(tally.unchanged);
    int status = 200;
    std::string error;
    if (!s.ok()) {
      status = StatusFor(s);
      error = Scrub(s.message());
    }
    if (!error.empty()) {
      out += ",\"error\":";
      AppendJsonString(error, &out);
    }
    out += "}\n";
    res.status = status;
    res.set_content(out, kJsonType);
  }

  void Health(const Request& req, Response& res) {
    if (Authorize(req, res, false) != 0) return;
    res.set_content("{\"status\":\"ok\"}\n", kJsonType);
  }

  // Any request no endpoint took: 405 for a known path asked with another method, else 404.
  void Other(const Request& req, Response& res) {
    if (Authorize(req, res, false) != 0) return;
    static const std::vector<std::pair<std::string, std::string>> kRoutes = {
        {"/query", "POST"}, {"/stats", "GET"}, {"/demands", "GET"}, {"/health", "GET"},
        {"/export", "GET"}, {"/", "GET"},      {"/ingest", "POST"}};
    for (const auto& [path, method] : kRoutes) {
      if (req.path == path) {
        res.set_header("Allow", method == "GET" ? "GET, HEAD" : method);
        return SendError(res, 405, path + " takes " + method + " only");
      }
    }
    SendError(res, 404,
              "no such endpoint (GET /, POST /query, POST /ingest, GET /stats, GET /demands, GET "
              "/export, GET /health)");
  }

  std::string BodyTooLong() const {
    return "the request body is larger than " + std::to_string(opt.max_body_bytes) +
           " bytes (--max-body)";
  }

  void Setup() {
    // A thread per connection, many more than the requests at work (the gate): a client
    // whose connection found every thread held by kept-alive ones would otherwise wait until
    // one of them ended (up to 100 requests), however short its own request.
    gate = std::make_unique<FairGate>(opt.threads);
    svr.new_task_queue = [n = opt.connections] { return new httplib::ThreadPool(n); };
    svr.set_payload_max_length(opt.max_body_bytes);
    // A client that stalls in the middle of a request or an answer loses its connection
    // rather than holding a worker; an idle kept-alive one is let go quickly, so that a
    // stopping server does not wait for it.
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(30, 0);
    svr.set_keep_alive_timeout(2);
    // An answer goes out in more than one write (headers, then body): without TCP_NODELAY,
    // Nagle's algorithm holds the second until the client's delayed acknowledgement of the
    // first, about 40 ms per request on a kept-alive connection.
    svr.set_tcp_nodelay(true);
    // A client asking many small questions keeps its connection for up to 100 of them.
    svr.set_keep_alive_max_count(100);
    // Refusals that need no body are made before it is read, so that no client can make the
    // server read a body it will refuse (cpp-httplib reads, and drops, an oversized one to its
    // end): off loopback, a request without the token; a body announced larger than
    // --max-body. The connection is then closed, its unread body with it.
    svr.set_pre_routing_handler([this](const Request& req, Response& res) {
      bool refused = !opt.loopback && Authorize(req, res, false) != 0;
      if (!refused && req.has_header("Content-Length")) {
        std::string text = req.get_header_value("Content-Length");
        uint64_t length = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
        if (ec != std::errc() || end != text.data() + text.size() || length > opt.max_body_bytes) {
          SendError(res, kTooLong, BodyTooLong());
          refused = true;
        }
      }
      if (!refused) return httplib::Server::HandlerResponse::Unhandled;
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    });
    svr.Post("/query", [this](const Request& req, Response& res) { Query(req, res); });
    svr.Post("/ingest", [this](const Request& req, Response& res) { Ingest(req, res); });
    svr.Get("/stats", [this](const Request& req, Response& res) { Stats(req, res); });
    svr.Get("/demands", [this](const Request& req, Response& res) { Demands(req, res); });
    svr.Get("/health", [this](const Request& req, Response& res) { Health(req, res); });
    svr.Get("/export", [this](const Request& req, Response& res) { Export(req, res); });
    svr.Get("/", [this](const Request& req, Response& res) { Page(req, res); });
    auto other = [this](const Request& req, Response& res) { Other(req, res); };
    svr.Get(".*", other);
    svr.Post(".*", other);
    svr.Put(".*", other);
    svr.Patch(".*", other);
    svr.Delete(".*", other);
    svr.Options(".*", other);
    // Statuses cpp-httplib gives by itself (a body too large, a request it cannot read) get
    // a JSON body too.
    svr.set_error_handler([this](const Request&, Response& res) {
      if (!res.body.empty()) return;
      if (res.status == kTooLong) {
        SendError(res, kTooLong, BodyTooLong());
      } else if (res.status == 404) {
        SendError(res, 404, "no such endpoint");
      } else {
        SendError(res, res.status, "the request could not be read as HTTP/1.1");
      }
    });
    // Nothing thrown reaches the client as more than one line: no trace, no path.
    svr.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
      SendError(res, 500, "internal error");
    });
    svr.set_logger([](const Request& req, const Response& res) {
      std::string path;
      for (char c : req.path) path += (c >= 0x20 && c < 0x7f) ? c : '?';
      std::cerr << "parley serve: " << req.remote_addr << " " << req.method << " " << path << " "
                << res.status << "\n";
    });
  }
};

HttpServer::HttpServer(GraphStore* store, ServeOptions options) : impl_(new Impl) {
  impl_->store = store;
  impl_->opt = std::move(options);
  if (!impl_->opt.read_only)
    impl_->ingest = std::make_unique<IngestQueue>(store, &impl_->write_mu, /*max_waiting=*/4);
  impl_->Setup();
}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind(int* port) {
  const ServeOptions& o = impl_->opt;
  std::string where = (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host) + ":" +
                      std::to_string(o.port);
  if (o.port == 0) {
    *port = impl_->svr.bind_to_any_port(o.host);
    if (*port > 0) return Status::OK();
  } else if (impl_->svr.bind_to_port(o.host, o.port)) {
    *port = o.port;
    return Status::OK();
  }
  return Status::IOError("cannot listen on " + where +
                         " (the port is taken, or the address is not this machine's)");
}

Status HttpServer::Run() {
  if (impl_->stop_asked) {
    impl_->run_done = true;
    return Status::OK();
  }
  bool ok = impl_->svr.listen_after_bind();
  // Every request has been answered: the writer has nothing left, and ends before the store
  // is closed.
  impl_->ingest.reset();
  impl_->run_done = true;
  return ok ? Status::OK() : Status::IOError("the server stopped listening");
}

void HttpServer::Stop() {
  if (impl_->stop_asked.exchange(true)) return;
  // An ingest in hand ends after the article being stored, so that its request is answered
  // soon and the server does not wait for the rest.
  if (impl_->ingest) impl_->ingest->Stop();
  // Run() may be between its check and the listening loop: wait until it listens (or has
  // ended) so that the stop is not lost.
  while (!impl_->svr.is_running() && !impl_->run_done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (impl_->svr.is_running()) impl_->svr.stop();
}

}  // namespace parley::cli

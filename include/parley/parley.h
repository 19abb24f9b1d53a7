// Parley's C++ API: a news knowledge graph in a folder, embedded in a program.
//
//   std::unique_ptr<parley::Database> db;
//   parley::Result r = parley::Database::Open("news.db", {}, &db);
//   if (r.ok()) r = db->Ingest({"articles.jsonl"}, nullptr);
//   if (r.ok()) r = db->Query("MATCH (a:Actor) RETURN a.name", "{}", [](const parley::Row& row) {
//     std::cout << row.json() << "\n";
//     return true;
//   });
//   if (!r.ok()) std::cerr << r.message() << "\n";
//
// Every call returns a Result (no exceptions cross this interface): ok(), or a code and a one-line
// message. A Database may be used from several threads at once, and from threads other than the
// one that opened it: reads run side by side, writes (ingest, a query that writes) one at a time,
// each on its own snapshot of the store. One process at a time may open a folder for writing;
// others may open it read-only meanwhile.
//
// This header needs the C++17 standard library alone; link with Parley::parley (CMake:
// find_package(Parley) then target_link_libraries(app PRIVATE Parley::parley)). The run-time
// data (dictionaries, lexicons, places) is found in the installed share/parley/data, or in the
// folder the PARLEY_DATA environment variable names.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(PARLEY_API_BUILD)
#define PARLEY_API __attribute__((visibility("default")))
#else
#define PARLEY_API
#endif

namespace parley {

// The outcome of a call.
class PARLEY_API Result {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,      // no such database, file, actor or policy
    kInvalidInput,  // malformed input: a query, parameters, an article, an option
    kIOError,       // the file system or the database failed
    kBusy,          // the database is held for writing by another process
    kIncompatible,  // the database was written by another version of Parley
    kCorruption,    // stored bytes do not decode
  };

  Result() = default;
  Result(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // One line saying what went wrong and where; empty when ok().
  const std::string& message() const { return message_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

struct OpenOptions {
  // Open for reading only: ingest and writing queries fail; another process may be writing.
  bool read_only = false;
  // Make an empty database if the folder holds none (not with read_only).
  bool create_if_missing = true;
  // The user's own actor dictionary (JSON, as `parley ingest --actors` takes), added to the
  // built-in one for extraction; empty: none.
  std::string actors_file;
  // Threads that extract articles during Ingest; 0: one per core.
  int jobs = 0;
};

// What became of one article given to Ingest.
struct ArticleResult {
  enum class Kind { kAdded, kReplaced, kUnchanged };
  std::string id;  // the article's id: its JSONL "id", its file path, or "text:" + a hash
  Kind kind = Kind::kUnchanged;
  // Unchanged because the database holds it from the same text and the same Parley and data:
  // it was not extracted again.
  bool reused = false;
};

// One result row of a query. Values are JSON text as `parley query --format json` writes them
// (integers without a decimal point, floats with one, nodes and relationships as objects).
struct Row {
  const std::vector<std::string>* columns = nullptr;
  std::vector<std::string> values;  // one JSON text per column
  // The row as a JSON object {"column": value, ...}.
  PARLEY_API std::string json() const;
};

// Called once per row, in result order, on the calling thread; return false to stop the query
// (the call then returns ok).
using RowCallback = std::function<bool(const Row& row)>;

// Which demands Demands reports. Actors and policies are named as `parley demands` takes them:
// an id, a name or alias, or a piece of one naming one; empty: no filter.
struct DemandFilter {
  std::string by;     // the actor who demands
  std::string of;     // the actor of whom it is demanded
  std::string about;  // the policy it concerns
  std::string since;  // YYYY, YYYY-MM or YYYY-MM-DD: demands dated then or later
  // The demands, the other stances between actors and the events of one actor over time,
  // one row per event, instead of one row per demand.
  bool timeline = false;
};

class PARLEY_API Database {
 public:
  // Opens (or makes, see OpenOptions) the database in folder `path`.
  static Result Open(const std::string& path, const OpenOptions& options,
                     std::unique_ptr<Database>* db);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Extracts the facts of articles and stores them, one atomic write per article; an article
  // stored before (same id) is replaced. `paths` are what `parley ingest` takes: .txt or .md
  // files (one article each), .jsonl files (one article a line: {"id","title","date","source",
  // "text"}) and folders of them. `*outcomes` (optional) gets one entry per article, in input
  // order. A path that does not exist fails before anything is stored; articles stored before
  // a later failure stay stored (and are in `*outcomes`).
  Result Ingest(const std::vector<std::string>& paths, std::vector<ArticleResult>* outcomes);

  // The same for articles in hand: each string is one JSONL article line if it starts with '{',
  // else the plain text of one article (title on its first line, an optional byline such as
  // "By A. Writer | 2026-03-14" on the next), whose id is "text:" + a hash of the text. A
  // malformed line fails, naming its index, before anything is stored.
  Result IngestTexts(const std::vector<std::string>& articles,
                     std::vector<ArticleResult>* outcomes);

  // Runs an openCypher query with parameters `params_json` (a JSON object whose members are
  // the $names; "" or "{}": none). `columns` (optional) gets the column names before the
  // first row. A query that writes applies all its writes or none.
  Result Query(std::string_view query, std::string_view params_json, const RowCallback& on_row,
               std::vector<std::string>* columns = nullptr);

  // The same, the whole result as {"columns":[...],"rows":[[...],...]} (`parley query
  // --format json`).
  Result QueryJson(std::string_view query, std::string_view params_json, std::string* json);

  // Who demands what of whom (`parley demands --format json`): {"columns":[...],"rows":[...]}
  // with columns source, demand, target, about, sources, reports, date, quote (timeline:
  // source, relation, target, what, first_seen, last_seen, sources, reports, quote). An actor
  // or policy the database does not hold fails (kNotFound) rather than answering nothing.
  Result Demands(const DemandFilter& filter, std::string* json);

  // The facts of one article's text, as one line of `parley extract` prints them (JSON: the
  // sentences, actors, triples, events and occurrences), without storing anything.
  Result Extract(std::string_view text, std::string* facts_json);

  // Flushes and closes the database; later calls fail. Also done by the destructor. Not while
  // another thread is in a call on this Database.
  Result Close();

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The facts of one article's text as Database::Extract gives them, without a database (the
// built-in actor dictionary alone). The extractor is made on the first call (it loads the
// dictionaries and the parser, about half a second) and kept for later calls, from any thread.
PARLEY_API Result Extract(std::string_view text, std::string* facts_json);

// This library's version, "MAJOR.MINOR.PATCH".
PARLEY_API const char* Version();

// The folder the run-time data is read from: $PARLEY_DATA if set, else the installed
// share/parley/data beside this library, else the source tree's data/ it was built from.
PARLEY_API std::string DataFolder();

}  // namespace parley

// parley query: runs openCypher queries against the store.
//
//   parley query [--db DIR] [--format F] [--params JSON] 'QUERY'   one query
//   parley query [--db DIR] [--format F] [--params JSON] -f FILE    the statements of a file
//   parley query [--db DIR]                                         a prompt, on a terminal
//
// --timeout SECONDS and --max-memory MB bound each query (cli/query_limits.h).
//
// A read-only query opens the store read-only, so it runs while another process ingests; a
// query with CREATE opens it for writing. A query that reads no graph (RETURN 1 + 1) needs no
// store at all, and an empty or missing folder reads as an empty graph.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/query_limits.h"
#include "cli/repl.h"
#include "cli/statements.h"
#include "query/engine.h"
#include "query/result_format.h"

namespace parley::cli {
namespace {

bool IsEmptyDir(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) && std::filesystem::is_empty(dir, ec);
}

}  // namespace

Status RunOneQuery(const Args& args, const std::string& text, const ValueMap& params,
                   OutputFormat format, const query::QueryLimits& limits, std::ostream& out) {
  query::QueryShape shape;
  PARLEY_RETURN_IF_ERROR(query::InspectQuery(text, &shape));
  std::unique_ptr<GraphStore> store;
  std::string dir = DatabasePath(args);
  if (shape.reads_graph && !(shape.explain && !shape.writes && IsEmptyDir(dir))) {
    std::error_code ec;
    bool exists = std::filesystem::exists(dir, ec);
    // A missing database reads as an empty graph, as openCypher has it (MATCH on nothing
    // yields no rows); the note on stderr still tells a user who mistyped --db.
    if (!shape.writes && !exists) {
      std::cerr << "parley: no database at " << dir << ": reading an empty graph\n";
    }
    // An empty folder is an empty graph: reading it needs no store.
    if (shape.writes || (exists && !IsEmptyDir(dir))) {
      PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/!shape.writes, &store));
    }
  }
  auto writer = ResultWriter::Make(format, out);
  PARLEY_RETURN_IF_ERROR(
      query::RunQuery(store.get(), text, params, writer.get(), limits, args.Get("--user", "")));
  // A write is only done when the store has been flushed and closed: say so if that fails.
  return store ? store->Close() : Status::OK();
}

Status Query(const Args& args) {
  bool tty_out = isatty(STDOUT_FILENO);
  OutputFormat format = tty_out ? OutputFormat::kTable : OutputFormat::kJsonl;
  if (args.Has("--format"))
    PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format"), &format));
  ValueMap params;
  if (args.Has("--params"))
    PARLEY_RETURN_IF_ERROR(query::ParseParams(args.Get("--params"), &params));
  bool interactive = !args.Has("-f") && args.positional().empty() && isatty(STDIN_FILENO);
  query::QueryLimits limits;
  PARLEY_RETURN_IF_ERROR(QueryLimitsFromArgs(args, interactive, &limits));

  std::vector<std::string> statements;
  if (args.Has("-f")) {
    if (!args.positional().empty()) return Status::Usage("give a query or -f FILE, not both");
    std::string path = args.Get("-f");
    std::string text;
    if (path == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) return Status::NotFound("cannot read query file " + path);
      std::ostringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a byte order mark is no query
    statements = SplitStatements(text);
    if (statements.empty()) return Status::InvalidInput(path + ": no query in the file");
  } else if (args.positional().size() == 1) {
    statements.push_back(args.positional()[0]);
  } else if (args.positional().size() > 1) {
    return Status::Usage("give the query as one argument (quote it)");
  } else if (isatty(STDIN_FILENO)) {
    return RunRepl(args, params, format, limits);
  } else {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    statements = SplitStatements(ss.str());
    if (statements.empty()) return Status::Usage("no query given");
  }
  for (const std::string& s : statements) {
    PARLEY_RETURN_IF_ERROR(RunOneQuery(args, s, params, format, limits, std::cout));
  }
  return Status::OK();
}

}  // namespace parley::cli

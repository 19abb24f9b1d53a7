#include "cli/repl.h"

// clang-format off
#include <cstdio>
#include <readline/readline.h>
#include <readline/history.h>
// clang-format on

#include <cstdlib>
#include <iostream>

#include "cli/statements.h"
#include "query/engine.h"

namespace parley::cli {
namespace {

constexpr const char* kHelp =
    "Type an openCypher query and end it with ';' (it may span lines). For example:\n"
    "  MATCH (a:Actor)-[:DEMANDS]->(d:Demand)-[:OF]->(b:Actor)\n"
    "  RETURN a.name, d.text, b.name LIMIT 10;\n"
    "Commands:\n"
    "  :format table|json|jsonl|csv   how rows are printed\n"
    "  :params {\"name\": value}        values for $name in later queries\n"
    "  :help                           this text\n"
    "  :quit                           leave (or Ctrl-D)\n";

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.parley_history" : "";
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Handles a ':' command; false when it asks to quit.
bool Command(const std::string& line, ValueMap* params, OutputFormat* format) {
  std::string cmd = line, rest;
  if (size_t sp = line.find_first_of(" \t"); sp != std::string::npos) {
    cmd = line.substr(0, sp);
    rest = Trim(line.substr(sp));
  }
  if (cmd == ":quit" || cmd == ":exit" || cmd == ":q") return false;
  if (cmd == ":help" || cmd == ":h") {
    std::cout << kHelp;
  } else if (cmd == ":format") {
    Status s = ParseOutputFormat(rest, format);
    if (!s.ok()) std::cerr << "parley: " << s.message() << "\n";
  } else if (cmd == ":params") {
    ValueMap p;
    Status s = query::ParseParams(rest.empty() ? "{}" : rest, &p);
    if (s.ok()) {
      *params = std::move(p);
    } else {
      std::cerr << "parley: " << s.message() << "\n";
    }
  } else {
    std::cerr << "parley: unknown command " << cmd << " (:help lists them)\n";
  }
  return true;
}

}  // namespace

Status RunRepl(const Args& args, ValueMap params, OutputFormat format) {
  std::string history = HistoryPath();
  if (!history.empty()) read_history(history.c_str());
  std::cout << "parley " << DatabasePath(args) << " — :help for help, :quit to leave\n";
  std::string pending;
  while (true) {
    char* raw = readline(pending.empty() ? "parley> " : "   ...> ");
    if (!raw) break;  // Ctrl-D
    std::string line = raw;
    std::free(raw);
    if (pending.empty()) {
      std::string t = Trim(line);
      if (t.empty()) continue;
      if (t[0] == ':') {
        add_history(t.c_str());
        if (!Command(t, &params, &format)) break;
        continue;
      }
    }
    pending += (pending.empty() ? "" : "\n") + line;
    if (!EndsStatement(pending)) continue;
    add_history(pending.c_str());
    for (const std::string& statement : SplitStatements(pending)) {
      Status s = RunOneQuery(args, statement, params, format, std::cout);
      if (!s.ok()) std::cerr << "parley: " << s.message() << "\n";
    }
    std::cout.flush();
    pending.clear();
  }
  if (!history.empty()) {
    write_history(history.c_str());
    history_truncate_file(history.c_str(), 1000);
  }
  return Status::OK();
}

}  // namespace parley::cli

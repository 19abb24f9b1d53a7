#include "cli/repl.h"

// clang-format off
#include <cstdio>
#include <readline/readline.h>
#include <readline/history.h>
// clang-format on

#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <iostream>

#include "cli/statements.h"
#include "query/engine.h"
#include "util/strings.h"

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
    "  :quit                           leave (or Ctrl-D)\n"
    "Ctrl-C stops the running query (or drops the statement being typed).\n";

// Set by Ctrl-C (SIGINT); the running query's limits watch it, and the prompt reads it when a
// key wait is interrupted.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
// Ctrl-C came while a statement was being typed: what was typed so far is dropped.
bool g_drop_pending = false;

extern "C" void OnInterrupt(int) {
  g_interrupted.store(true, std::memory_order_relaxed);
}

// Called by readline when a signal interrupts its wait for a key, and every tenth of a second
// while it waits: on Ctrl-C, abandons the line and shows a fresh prompt, as a shell does. The
// periodic call matters: a Ctrl-C landing just before readline starts waiting interrupts
// nothing, and would otherwise be seen only after the next key.
int OnSignalWhileReading() {
  if (!g_interrupted.exchange(false)) return 0;
  g_drop_pending = true;
  rl_replace_line("", 0);
  rl_crlf();
  rl_set_prompt("parley> ");
  rl_on_new_line();
  rl_redisplay();
  return 0;
}

// Catches SIGINT for as long as it lives, then puts the previous handling back. SA_RESTART
// keeps a query's reads and writes going; readline's wait for a key (pselect) is interrupted
// all the same, which is when its signal hook runs.
class InterruptCatcher {
 public:
  InterruptCatcher() {
    struct sigaction sa {};
    sa.sa_handler = OnInterrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &previous_);
    rl_catch_signals = 0;  // readline leaves SIGINT to us
    rl_signal_event_hook = OnSignalWhileReading;
    rl_event_hook = OnSignalWhileReading;
    rl_set_keyboard_input_timeout(100000);  // microseconds between calls of rl_event_hook
  }
  ~InterruptCatcher() {
    rl_event_hook = nullptr;
    rl_signal_event_hook = nullptr;
    sigaction(SIGINT, &previous_, nullptr);
  }
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;

 private:
  struct sigaction previous_ {};
};

std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.parley_history" : "";
}

// Handles a ':' command; false when it asks to quit.
bool Command(const std::string& line, ValueMap* params, OutputFormat* format) {
  std::string cmd = line, rest;
  if (size_t sp = line.find_first_of(" \t"); sp != std::string::npos) {
    cmd = line.substr(0, sp);
    rest = std::string(Trim(std::string_view(line).substr(sp)));
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

Status RunRepl(const Args& args, ValueMap params, OutputFormat format,
               const query::QueryLimits& limits) {
  std::string history = HistoryPath();
  if (!history.empty()) read_history(history.c_str());
  std::cout << "parley " << DatabasePath(args)
            << " — :help for help, Ctrl-C stops a query, :quit to leave\n";
  InterruptCatcher catcher;
  query::QueryLimits cancellable = limits;
  cancellable.cancel = &g_interrupted;
  std::string pending;
  while (true) {
    char* raw = readline(pending.empty() ? "parley> " : "   ...> ");
    if (!raw) break;  // Ctrl-D
    std::string line = raw;
    std::free(raw);
    if (g_drop_pending) {
      g_drop_pending = false;
      pending.clear();
    }
    if (pending.empty()) {
      std::string t(Trim(line));
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
    g_interrupted.store(false);
    for (const std::string& statement : SplitStatements(pending)) {
      Status s = RunOneQuery(args, statement, params, format, cancellable, std::cout);
      std::cout.flush();
      if (!s.ok()) std::cerr << "parley: " << s.message() << "\n";
      if (g_interrupted.exchange(false)) break;  // Ctrl-C stops the statements after it too
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

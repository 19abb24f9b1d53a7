// Helpers shared by the tests: scratch folders that clean up after themselves, running the
// real parley binary, one extractor for all.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/extractor.h"
#include "storage/graph_store.h"

namespace parley::test {

// A fresh empty folder under the system temp folder, removed when this goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Waits for the child `pid` and returns its exit status (128 + signal if killed) with what it
// wrote to the files at `out_path` and `err_path`.
RunResult WaitFor(pid_t pid, const std::string& out_path, const std::string& err_path);

// Starts the parley binary with `args`, stdin from `in_path` and stdout, stderr into
// `out_path`, `err_path`; returns its pid (for WaitFor, or to signal it).
pid_t SpawnParley(const std::vector<std::string>& args, const std::string& in_path,
                  const std::string& out_path, const std::string& err_path);

// Runs the parley binary with `args` (stdin from `input` if given) and waits for it.
RunResult RunParley(const std::vector<std::string>& args, const std::string& input = "");

// The extractor with default options and data, made once per test run (it loads the
// dictionaries and the parser: seconds) and shared by the tests; it is safe to share.
const Extractor& SharedExtractor();

// Opens the store in `dir` (the test fails if it cannot be opened).
std::unique_ptr<GraphStore> OpenTestStore(const std::string& dir, bool read_only = false);

// Writes `content` to `path`, creating folders as needed.
void WriteFile(const std::string& path, const std::string& content);
std::string ReadFileText(const std::string& path);

}  // namespace parley::test

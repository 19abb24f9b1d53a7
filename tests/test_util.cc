#include "tests/test_util.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parley::test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "parley-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    std::unique_ptr<Extractor> e;
    Status st = Extractor::Create(Extractor::Options(), &e);
    INFO(st.message());
    REQUIRE(st.ok());
    return e;
  }();
  return *extractor;
}

std::unique_ptr<GraphStore> OpenTestStore(const std::string& dir, bool read_only) {
  GraphStore::Options opt;
  opt.read_only = read_only;
  std::unique_ptr<GraphStore> store;
  Status s = GraphStore::Open(dir, opt, &store);
  INFO(s.message());
  REQUIRE(s.ok());
  return store;
}

void WriteFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RunResult WaitFor(pid_t pid, const std::string& out_path, const std::string& err_path) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFileText(out_path);
  r.err = ReadFileText(err_path);
  return r;
}

pid_t SpawnParley(const std::vector<std::string>& args, const std::string& in_path,
                  const std::string& out_path, const std::string& err_path) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open(in_path.c_str(), O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    std::string bin = PARLEY_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

RunResult RunParley(const std::vector<std::string>& args, const std::string& input) {
  TempDir io;
  std::string in_path = io / "stdin", out_path = io / "stdout", err_path = io / "stderr";
  WriteFile(in_path, input);
  return WaitFor(SpawnParley(args, in_path, out_path, err_path), out_path, err_path);
}

}  // namespace parley::test

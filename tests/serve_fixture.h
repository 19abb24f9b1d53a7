// What the tests of `parley serve` share: Server, the real binary started on a free loopback
// port (it binds port 0 and prints the one it got) and talked to over real HTTP with
// cpp-httplib's client, and helpers to send requests and read their answers. A server is
// waited for by polling GET /health against a deadline, never by sleeping a fixed time.
#pragma once

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace parley::test {

using Clock = std::chrono::steady_clock;

inline const std::string kIranFacts = std::string(PARLEY_TEST_DATA) + "/iran_facts.jsonl";
inline const char* kNdjson = "application/x-ndjson";

// A `parley serve` process; killed (if still running) when it goes out of scope.
class Server {
 public:
  // Starts `parley serve ARGS --listen HOST:0` and waits until GET /health answers 200
  // (sending `token` when given), for up to two minutes.
  explicit Server(std::vector<std::string> args, const std::string& token = "",
                  const std::string& host = "127.0.0.1")
      : token_(token) {
    out_ = io_ / "stdout";
    err_ = io_ / "stderr";
    args.insert(args.begin(), "serve");
    args.push_back("--listen");
    args.push_back(host + ":0");
    pid_ = SpawnParley(args, "/dev/null", out_, err_);
    auto deadline = Clock::now() + std::chrono::seconds(120);
    std::string marker = "on http://" + host + ":";
    while (port_ == 0) {
      std::string err = ReadFileText(err_);
      if (size_t at = err.find(marker); at != std::string::npos && err.find('\n', at) != err.npos)
        port_ = std::stoi(err.substr(at + marker.size()));
      int status = 0;
      if (port_ == 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL("parley serve ended before listening: " << err);
      }
      REQUIRE(Clock::now() < deadline);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (;;) {
      auto r = Client()->Get("/health", Auth());
      if (r && r->status == 200) break;
      REQUIRE(Clock::now() < deadline);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~Server() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  std::unique_ptr<httplib::Client> Client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_read_timeout(300, 0);
    c->set_write_timeout(60, 0);
    return c;
  }
  // The Authorization header of the server's token (none if it has none).
  httplib::Headers Auth() const {
    if (token_.empty()) return {};
    return {{"Authorization", "Bearer " + token_}};
  }
  // Sends `signal` and waits for the process; returns its exit status (128 + a signal).
  int Stop(int signal = SIGTERM) {
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  // Waits for the process to end by itself; returns its exit status.
  int Wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  std::string err() const { return ReadFileText(err_); }

 private:
  TempDir io_;
  std::string out_, err_, token_;
  pid_t pid_ = -1;
  int port_ = 0;
};

inline std::string QueryBody(const std::string& query, const std::string& params = "") {
  std::string body = "{\"query\": " + nlohmann::json(query).dump();
  if (!params.empty()) body += ", \"params\": " + params;
  return body + "}";
}

inline httplib::Result PostQuery(const Server& s, const std::string& body,
                                 httplib::Headers headers = {}) {
  return s.Client()->Post("/query", headers, body, "application/json");
}

// The error of a refused request: its status, a JSON body {"error": "..."} of one message
// that names no folder of the server's, returned for more checks.
inline nlohmann::json ExpectError(const httplib::Result& r, int status, const std::string& db) {
  REQUIRE(r);
  INFO(r->body);
  CHECK(r->status == status);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  nlohmann::json j = nlohmann::json::parse(r->body);
  REQUIRE(j.contains("error"));
  CHECK(j["error"].is_string());
  CHECK(r->body.find(db) == std::string::npos);
  CHECK(r->body.find(std::filesystem::temp_directory_path().string()) == std::string::npos);
  return j;
}

// What `parley ARGS` prints on stdout (it must succeed).
inline std::string Cli(const std::vector<std::string>& args) {
  auto r = RunParley(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The store of the two Iran test articles.
inline void Ingest(const std::string& db) {
  auto r = RunParley({"ingest", "--db", db, "--facts", kIranFacts});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

inline std::string TokenFile(const TempDir& dir, const std::string& token) {
  WriteFile(dir / "token", token + "\n");
  return dir / "token";
}

}  // namespace parley::test

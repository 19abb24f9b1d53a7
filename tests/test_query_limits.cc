// Bounds on what one query may cost: the =~ operator in linear time (RE2), --params and query
// nesting that cannot exhaust the stack, --timeout, --max-memory, ranges that stream, Ctrl-C
// at the prompt, and export --query holding each element once.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "query/element_collector.h"
#include "query/engine.h"
#include "query_rows.h"
#include "test_util.h"

namespace parley {
namespace {

using test::RunParley;
using Clock = std::chrono::steady_clock;

struct Answer {
  Status status;
  std::vector<std::string> rows;
  double seconds = 0;
};

// Runs `text` with no store, the given JSON parameters and limits.
Answer Ask(const std::string& text, const std::string& params = "{}",
           const query::QueryLimits& limits = {}, GraphStore* store = nullptr) {
  ValueMap p;
  Status s = query::ParseParams(params, &p);
  INFO(s.message());
  REQUIRE(s.ok());
  test::RowCapture c;
  Answer a;
  auto start = Clock::now();
  a.status = query::RunQuery(store, text, p, &c, limits);
  a.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  a.rows = c.rows;
  return a;
}

query::QueryLimits Memory(uint64_t mb) {
  query::QueryLimits l;
  l.max_memory_bytes = mb << 20;
  return l;
}

// A store where every pair of eight nodes is joined: the trails of MATCH (a)-[*]-(b) number
// far more than any run could count.
std::string MakeClique(const test::TempDir& tmp) {
  std::string db = tmp / "db";
  auto r = RunParley({"query", "--db", db, "UNWIND range(1, 8) AS i CREATE (:N {i: i})"});
  REQUIRE(r.exit_code == 0);
  r = RunParley({"query", "--db", db, "MATCH (a:N), (b:N) WHERE a.i < b.i CREATE (a)-[:R]->(b)"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

std::string Nested(int depth, const std::string& open, const std::string& inner,
                   const std::string& close) {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  s += inner;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

// Ten replace() calls, each making every 'a' `factor` of them: 10^10 characters if nothing
// stopped it (or 100^10 with a factor of 100).
std::string GrowingReplace(int factor = 10) {
  return "RETURN size(" +
         Nested(10, "replace(", "'a'", ", 'a', '" + std::string(factor, 'a') + "')") + ")";
}

}  // namespace

TEST_CASE("=~ runs in linear time, with Java's whole-string semantics", "[query][limits][regex]") {
  // Backtracking engines take exponential time here, or recurse once per character.
  std::string as(200000, 'a');
  Answer a = Ask("RETURN $s =~ '(a|b)*' AS m", "{\"s\": \"" + as + "\"}");
  REQUIRE(a.status.ok());
  CHECK(a.rows == std::vector<std::string>{"true"});
  a = Ask("RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a+)+$' AS m");
  REQUIRE(a.status.ok());
  CHECK(a.rows == std::vector<std::string>{"false"});
  CHECK(a.seconds < 2.0);

  // The whole string must match; flags, classes and Unicode work as in Java.
  CHECK(Ask("RETURN 'Tehran' =~ 'Teh' AS m").rows == std::vector<std::string>{"false"});
  CHECK(Ask("RETURN 'Tehran' =~ 'Teh.*' AS m").rows == std::vector<std::string>{"true"});
  CHECK(Ask("RETURN 'TEHRAN' =~ '(?i)teh[a-z]+' AS m").rows == std::vector<std::string>{"true"});
  CHECK(Ask("RETURN 'a\\nb' =~ 'a.b' AS m").rows == std::vector<std::string>{"false"});
  CHECK(Ask("RETURN 'a\\nb' =~ '(?s)a.b' AS m").rows == std::vector<std::string>{"true"});
  CHECK(Ask("RETURN 'Zürich 2026' =~ '\\\\p{L}+ \\\\d{4}' AS m").rows ==
        std::vector<std::string>{"true"});
  // Java's named groups; '(?<' inside a class or after a backslash is left alone.
  CHECK(Ask("RETURN 'ab' =~ '(?<first>a)(?P<second>b)' AS m").rows ==
        std::vector<std::string>{"true"});
  CHECK(Ask("RETURN '(?<' =~ '[(][?][<]' AS m, '(?<' =~ '\\\\(\\\\?<' AS n").rows ==
        std::vector<std::string>{"true | true"});
  CHECK(Ask("RETURN null =~ 'a' AS m, 'a' =~ null AS n").rows ==
        std::vector<std::string>{"null | null"});

  // One pattern over many rows, and patterns that change from row to row.
  CHECK(Ask("UNWIND range(1, 5000) AS i WITH toString(i) AS s WHERE s =~ '1[0-9]*0' "
            "RETURN count(*) AS n")
            .rows == std::vector<std::string>{"111"});
  CHECK(Ask("UNWIND range(1, 200) AS i WITH toString(i) AS s WHERE s =~ (s + '|x') "
            "RETURN count(*) AS n")
            .rows == std::vector<std::string>{"200"});

  // What RE2 cannot do in linear time is refused, naming the pattern, at its place in the query.
  Answer back = Ask("RETURN 'aa' =~ '(a)\\\\1' AS m");
  REQUIRE(!back.status.ok());
  CHECK_THAT(back.status.message(), Catch::Contains("Invalid regular expression '(a)\\1'") &&
                                        Catch::Contains("backreferences are not supported") &&
                                        Catch::Contains("at 1:16"));
  Answer look = Ask("RETURN 'ab' =~ 'a(?=b)b' AS m");
  REQUIRE(!look.status.ok());
  CHECK_THAT(look.status.message(), Catch::Contains("lookahead and lookbehind are not supported"));
  Answer bad = Ask("RETURN 'a' =~ $p AS m", "{\"p\": \"(a\"}");
  REQUIRE(!bad.status.ok());
  CHECK_THAT(bad.status.message(), Catch::Contains("Invalid regular expression '(a'"));
}

TEST_CASE("the nesting of --params and of query text is bounded", "[query][limits][params]") {
  ValueMap p;
  Status s = query::ParseParams("{\"x\": " + Nested(20000, "[", "1", "]") + "}", &p);
  REQUIRE(!s.ok());
  CHECK(s.message() == "--params is nested more than 100 levels deep");
  CHECK(query::ParseParams("{\"x\": " + Nested(20000, "{\"k\": ", "1", "}") + "}", &p).code() ==
        Status::Code::kInvalidInput);
  CHECK(query::ParseParams("{\"x\": " + Nested(99, "[", "1", "]") + "}", &p).ok());
  CHECK(Ask("RETURN size($x) AS n", "{\"x\": " + Nested(99, "[", "1", "]") + "}").rows ==
        std::vector<std::string>{"1"});

  // Unused, from the command line: one line, exit 1.
  test::TempDir tmp;
  auto r = RunParley(
      {"query", "--params", "{\"deep\": " + Nested(20000, "[", "", "]") + "}", "RETURN 1"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "parley: --params is nested more than 100 levels deep\n");

  // Query text: deep parentheses, lists and maps are an error, not a stack overflow.
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"(", ")"}, {"[", "]"}, {"{k: ", "}"}, {"-(", ")"}, {"size([", "])"}}) {
    Answer a = Ask("RETURN " + Nested(100000, open, "1", close) + " AS x");
    INFO(open);
    REQUIRE(!a.status.ok());
    CHECK_THAT(a.status.message(), Catch::Contains("nested too deeply"));
  }
  r = RunParley({"query", "RETURN " + Nested(50000, "[", "1", "]")});  // argv holds 128 KB
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("nested too deeply"));
}

TEST_CASE("the memory limit stops what a query builds, whatever builds it",
          "[query][limits][memory]") {
  // Each of these would take gigabytes; under a 32 MB limit each stops with the limit named.
  for (const std::string& q : {
           GrowingReplace(),
           "WITH 'abcdefgh' AS s " + Nested(13, "WITH s + s + s + s AS s ", "", "") +
               "RETURN size(s)",
           "RETURN size(split(" +
               Nested(5, "replace(", "'aaaa'", ", 'a', '" + std::string(16, 'a') + "')") + ", ''))",
           std::string("RETURN size(range(1, 100000000))"),
           std::string("UNWIND range(1, 3000000) AS x RETURN size(collect(x))"),
           std::string("UNWIND range(1, 3000000) AS x RETURN count(DISTINCT x)"),
           std::string("UNWIND range(1, 3000000) AS x RETURN x ORDER BY x DESC LIMIT 1000000"),
           std::string("UNWIND range(1, 3000000) AS x RETURN DISTINCT x % 2000000 AS y"),
           std::string("UNWIND range(1, 3000000) AS x WITH x % 1500000 AS k RETURN k, count(*)"),
           std::string("RETURN size([x IN range(1, 3000000) | [x]]) AS n"),
       }) {
    INFO(q);
    Answer a = Ask(q, "{}", Memory(32));
    REQUIRE(!a.status.ok());
    CHECK(a.status.message() ==
          "Query stopped: it needs more memory than its limit of 32 MB (--max-memory)");
    CHECK(a.seconds < 20);
  }
  // Under the limit the same shapes answer.
  CHECK(Ask("UNWIND range(1, 1000) AS x RETURN size(collect(x)) AS n", "{}", Memory(32)).rows ==
        std::vector<std::string>{"1000"});
  CHECK(Ask("RETURN size(replace(replace('aa', 'a', 'aaaa'), 'a', 'aaaa')) AS n", "{}", Memory(32))
            .rows == std::vector<std::string>{"32"});

  // From the command line: one line naming the limit, exit 1.
  auto r = RunParley({"query", "--max-memory", "64", GrowingReplace()});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "parley: Query stopped: it needs more memory than its limit of 64 MB (--max-memory)\n");
  // The default limit stops it too (half the machine's memory, at most 2 GiB).
  r = RunParley({"query", GrowingReplace(100)});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("(--max-memory)"));
  r = RunParley({"query", "--max-memory", "lots", "RETURN 1"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--max-memory takes a number of megabytes"));
}

TEST_CASE("UNWIND and list comprehensions walk range() without building it",
          "[query][limits][memory]") {
  // 2,000,000 integers as a list would take about 80 MB; the limit is 16.
  CHECK(Ask("UNWIND range(1, 2000000) AS x RETURN count(x) AS n, sum(x) AS s", "{}", Memory(16))
            .rows == std::vector<std::string>{"2000000 | 2000001000000"});
  CHECK(
      Ask("RETURN size([x IN range(1, 2000000) WHERE x % 1000 = 0]) AS n", "{}", Memory(16)).rows ==
      std::vector<std::string>{"2000"});
  CHECK(!Ask("RETURN size(range(1, 2000000)) AS n", "{}", Memory(16)).status.ok());
  // range()'s own rules hold when it streams: steps, empty ranges, and errors.
  CHECK(Ask("UNWIND range(10, 1, -4) AS x RETURN x").rows ==
        std::vector<std::string>{"10", "6", "2"});
  CHECK(Ask("UNWIND range(1, 0) AS x RETURN x").rows.empty());
  CHECK(Ask("UNWIND range(null, 3) AS x RETURN x").rows.empty());
  CHECK(Ask("RETURN [x IN range(0, 10, 5) | x * 2] AS l").rows ==
        std::vector<std::string>{"[0, 10, 20]"});
  Answer zero = Ask("UNWIND range(1, 5, 0) AS x RETURN x");
  REQUIRE(!zero.status.ok());
  CHECK_THAT(zero.status.message(), Catch::Contains("step other than 0"));
  // UNWIND of a value that is not a list is that value; of null, nothing.
  CHECK(Ask("UNWIND 7 AS x RETURN x").rows == std::vector<std::string>{"7"});
  CHECK(Ask("UNWIND null AS x RETURN x").rows.empty());
}

TEST_CASE("the time limit stops a query that would run for ever", "[query][limits][timeout]") {
  test::TempDir tmp;
  std::string db = MakeClique(tmp);
  auto start = Clock::now();
  auto r = RunParley({"query", "--db", db, "--timeout", "1", "MATCH (a)-[*]-(b) RETURN count(*)"});
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  CHECK(r.exit_code == 1);
  CHECK(r.err == "parley: Query stopped: it ran longer than its time limit of 1 s (--timeout)\n");
  CHECK(seconds < 15);

  // Long loops without a pattern are watched too, and a fraction of a second is a limit.
  query::QueryLimits limits;
  limits.timeout_seconds = 0.2;
  limits.max_memory_bytes = 0;
  Answer a = Ask("UNWIND range(1, 1000000000) AS x RETURN count(*)", "{}", limits);
  REQUIRE(!a.status.ok());
  CHECK_THAT(a.status.message(), Catch::Contains("time limit of 0.2 s (--timeout)"));
  a = Ask("RETURN size([x IN range(1, 1000000000) WHERE x < 0]) AS n", "{}", limits);
  CHECK_THAT(a.status.message(), Catch::Contains("(--timeout)"));

  // export --query takes the same limits.
  r = RunParley({"export", "--db", db, "--format", "json", "--timeout", "1", "--query",
                 "MATCH p = (a)-[*]-(b) RETURN p"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("(--timeout)"));
  // A limit too long for the clock is as good as none.
  r = RunParley({"query", "--timeout", "1e300", "RETURN 1 AS one"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "{\"one\":1}\n");
  r = RunParley({"query", "--timeout", "-3", "RETURN 1"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--timeout takes a number of seconds"));
}

TEST_CASE("export --query holds each element once however many rows repeat it",
          "[query][limits][export]") {
  query::ElementCollector c;
  auto node = [](NodeId id) {
    auto n = std::make_shared<Node>();
    n->id = id;
    return Value(std::shared_ptr<const Node>(std::move(n)));
  };
  for (int a = 0; a < 30; ++a) {
    for (int b = 0; b < 30; ++b) c.Row({node(a), Value(ValueList{node(b), node(a)})});
  }
  CHECK(c.nodes().size() == 30);

  test::TempDir tmp;
  std::string db = MakeClique(tmp);
  auto r = RunParley(
      {"export", "--db", db, "--format", "json", "--query", "MATCH (a), (b), (c) RETURN a"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["nodes"].size() == 8);
}

namespace {

// The parley prompt on a pseudo-terminal: what it prints is read back, keys are typed in.
class Prompt {
 public:
  Prompt(const std::string& db, const std::string& home) {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master_ >= 0);
    REQUIRE(::grantpt(master_) == 0);
    REQUIRE(::unlockpt(master_) == 0);
    std::string slave = ::ptsname(master_);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::setsid();
      int fd = ::open(slave.c_str(), O_RDWR);
      ::ioctl(fd, TIOCSCTTY, 0);
      ::dup2(fd, 0);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::setenv("HOME", home.c_str(), 1);
      ::setenv("TERM", "dumb", 1);
      std::string bin = PARLEY_BIN;
      std::string q = "query", flag = "--db", dir = db;
      char* argv[] = {bin.data(), q.data(), flag.data(), dir.data(), nullptr};
      ::execv(bin.c_str(), argv);
      ::_exit(127);
    }
  }
  ~Prompt() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(master_);
  }
  void Type(const std::string& keys) {
    REQUIRE(::write(master_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
  }
  // Reads until `text` has appeared since the last call (true), or `seconds` pass (false).
  bool WaitFor(const std::string& text, double seconds) {
    auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
      if (size_t at = seen_.find(text, from_); at != std::string::npos) {
        from_ = at + text.size();
        return true;
      }
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, 50) > 0) {
        char buf[4096];
        ssize_t n = ::read(master_, buf, sizeof buf);
        if (n <= 0) return seen_.find(text, from_) != std::string::npos;
        seen_.append(buf, n);
      }
    }
    return false;
  }
  // Waits for the program to end; its exit code, or -1 if it did not within `seconds`.
  int Exit(double seconds) {
    auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
      WaitFor("\x01never", 0.05);  // keeps the terminal drained
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
    return -1;
  }
  const std::string& seen() const { return seen_; }

 private:
  int master_ = -1;
  pid_t pid_ = -1;
  bool reaped_ = false;
  std::string seen_;
  size_t from_ = 0;
};

}  // namespace

TEST_CASE("Ctrl-C at the prompt stops the query, not the session", "[query][limits][repl]") {
  test::TempDir tmp;
  std::string db = MakeClique(tmp);
  Prompt p(db, tmp.path());
  REQUIRE(p.WaitFor("parley> ", 10));
  p.Type("MATCH (a)-[*]-(b) RETURN count(*);\r");
  // The query never ends on its own: let it run, then interrupt it as a terminal user would.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  p.Type("\x03");
  INFO(p.seen());
  REQUIRE(p.WaitFor("Query cancelled (Ctrl-C)", 10));
  REQUIRE(p.WaitFor("parley> ", 10));
  // Ctrl-C while typing drops the unfinished statement; the session goes on.
  p.Type("RETURN 'dropped'\r");
  REQUIRE(p.WaitFor("...> ", 10));
  p.Type("\x03");
  REQUIRE(p.WaitFor("parley> ", 10));
  p.Type("RETURN 40 + 2 AS answer;\r");
  REQUIRE(p.WaitFor("42", 10));
  p.Type(":quit\r");
  CHECK(p.Exit(10) == 0);
  CHECK(p.seen().find("dropped |") == std::string::npos);
}

TEST_CASE("running out of memory ends the query with one line, not an abort",
          "[query][limits][memory]") {
#if defined(__SANITIZE_ADDRESS__)
  WARN("address space limits do not mix with AddressSanitizer: not tested in this build");
#else
  // With its own limit off, a query asks for more than the address space allows: the
  // allocation fails (std::bad_alloc) and the query ends cleanly.
  test::TempDir tmp;
  std::string cmd = "ulimit -v 1000000; '" + std::string(PARLEY_BIN) +
                    "' query --max-memory 0 'RETURN size(range(1, 1000000000)) AS n' > '" +
                    (tmp / "out") + "' 2> '" + (tmp / "err") + "'";
  int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(test::ReadFileText(tmp / "err") ==
        "parley: Query stopped: the machine ran out of memory (--max-memory sets a lower "
        "limit)\n");
#endif
}

}  // namespace parley

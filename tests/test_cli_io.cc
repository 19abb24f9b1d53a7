// End-to-end behaviour of the command line's input and output through the real binary:
// `-o` writes through a temporary file and touches nothing else; write errors on files and
// standard output end with one line and exit 1; --facts reads pipes; article text never
// reaches the terminal with its control characters; typos in dates, actors and types are
// errors; articles are read with their byte order marks dropped and their ids from
// normalised paths; --help per command; an unchanged article is not extracted again.
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/facts.h"
#include "tests/test_util.h"
#include "util/utf8.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using test::ReadFileText;
using test::RunParley;
using test::RunResult;
using test::TempDir;
using test::WriteFile;

const std::string kIranFacts = std::string(PARLEY_TEST_DATA) + "/iran_facts.jsonl";
const std::string kSamples = PARLEY_SAMPLES;

// Runs `script` with bash, $PARLEY being the parley binary, in folder `cwd` (if given), as
// user `uid` (if not -1; root only); standard input is empty.
RunResult RunSh(const std::string& script, const std::string& cwd = "", int uid = -1) {
  TempDir io;
  ::chmod(io.path().c_str(), 0777);
  std::string out_path = io / "stdout", err_path = io / "stderr";
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::setenv("PARLEY", PARLEY_BIN, 1);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    if (uid >= 0 &&
        (::setgid(static_cast<gid_t>(uid)) != 0 || ::setuid(static_cast<uid_t>(uid)) != 0))
      ::_exit(125);
    ::execl("/bin/bash", "bash", "-c", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return test::WaitFor(pid, out_path, err_path);
}

// The run failed with status `code` and one line on stderr, "parley: ...", holding `needle`
// (for bad usage, status 2, the command's usage follows that line).
void RequireOneLine(const RunResult& r, const std::string& needle, int code = 1) {
  INFO("stderr: " << r.err << " exit " << r.exit_code);
  CHECK(r.exit_code == code);
  CHECK(r.err.rfind("parley: ", 0) == 0);
  size_t nl = r.err.find('\n');
  REQUIRE(nl != std::string::npos);
  CHECK(r.err.substr(0, nl).find(needle) != std::string::npos);
  if (code == 2) {
    CHECK(r.err.compare(nl + 1, 7, "usage: ") == 0);
  } else {
    CHECK(nl + 1 == r.err.size());
  }
}

std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void FillStore(const std::string& db, const std::string& facts = kIranFacts) {
  RunResult r = RunParley({"ingest", "--db", db, "--facts", facts});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// ------------------------------------------------------------------------------- -o PATH

TEST_CASE("export -o replaces a file whole and nothing else", "[cli][io]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);
  std::string out = tmp / "out/graph.json";
  fs::create_directories(tmp / "out");

  SECTION("a new file, then the same path replaced, its permission bits kept") {
    RunResult r = RunParley({"export", "--db", db, "--format", "json", "-o", out});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(ReadFileText(out).find("\"nodes\"") != std::string::npos);
    CHECK(Entries(tmp / "out") == std::vector<std::string>{"graph.json"});
    ::chmod(out.c_str(), 0640);
    WriteFile(out, "old");
    REQUIRE(RunParley({"export", "--db", db, "--format", "json", "-o", out}).exit_code == 0);
    CHECK(ReadFileText(out).find("\"nodes\"") != std::string::npos);
    struct stat st;
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(Entries(tmp / "out") == std::vector<std::string>{"graph.json"});
  }

  SECTION("PATH.partial, someone's folder, is left alone") {
    WriteFile(out + ".partial/keep.txt", "mine");
    REQUIRE(RunParley({"export", "--db", db, "--format", "json", "-o", out}).exit_code == 0);
    CHECK(ReadFileText(out + ".partial/keep.txt") == "mine");
  }

  SECTION("a folder is refused with one line and left as it was") {
    WriteFile(tmp / "out/dir/keep.txt", "mine");
    RunResult r = RunParley({"export", "--db", db, "--format", "json", "-o", tmp / "out/dir"});
    RequireOneLine(r, "is a folder");
    CHECK(ReadFileText(tmp / "out/dir/keep.txt") == "mine");
    CHECK(Entries(tmp / "out") == std::vector<std::string>{"dir"});
  }

  SECTION("a FIFO and a device are refused and stay what they are") {
    std::string fifo = tmp / "out/fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    RequireOneLine(RunParley({"export", "--db", db, "--format", "json", "-o", fifo}), "is a FIFO");
    struct stat st;
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(Entries(tmp / "out") == std::vector<std::string>{"fifo"});
    // As root, rename() would turn /dev/full into a regular file.
    RequireOneLine(RunParley({"export", "--db", db, "--format", "json", "-o", "/dev/full"}),
                   "is a device");
    REQUIRE(::stat("/dev/full", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
  }

  SECTION("a symbolic link stays, its target is replaced") {
    std::string target = tmp / "out/real.json";
    WriteFile(target, "old");
    std::string link = tmp / "out/link.json";
    fs::create_symlink("real.json", link);
    REQUIRE(RunParley({"export", "--db", db, "--format", "json", "-o", link}).exit_code == 0);
    CHECK(fs::is_symlink(link));
    CHECK(ReadFileText(target).find("\"nodes\"") != std::string::npos);
  }

  SECTION("neo4j-csv writes a folder whole, through a folder of its own") {
    std::string dir = tmp / "out/neo";
    REQUIRE(RunParley({"export", "--db", db, "--format", "neo4j-csv", "-o", dir}).exit_code == 0);
    CHECK(Entries(dir) == std::vector<std::string>{"nodes.csv", "relationships.csv"});
    CHECK(Entries(tmp / "out") == std::vector<std::string>{"neo"});
    RequireOneLine(RunParley({"export", "--db", db, "--format", "neo4j-csv", "-o", dir}),
                   "exists already");
  }
}

TEST_CASE("a full disk ends a write with one line naming the file and nothing left behind",
          "[cli][io]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);

  SECTION("standard output on /dev/full, for every command that prints") {
    for (const std::string& line :
         {"query --db " + db + " 'MATCH (n) RETURN n'", "stats --db " + db, "demands --db " + db,
          "analyze --db " + db, "export --db " + db + " --format graphml", "actor list --db " + db,
          "extract " + kSamples}) {
      RunResult r = RunSh("\"$PARLEY\" " + line + " > /dev/full");
      INFO(line);
      RequireOneLine(r, "cannot write standard output: No space left on device");
    }
  }

  SECTION("-o on a full file system") {
    std::string mnt = tmp / "small";
    fs::create_directories(mnt);
    if (::geteuid() != 0 || ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=256k") != 0) {
      WARN("cannot mount a small tmpfs here; the full-disk export is not tested");
      return;
    }
    struct Unmount {
      std::string dir;
      ~Unmount() { ::umount2(dir.c_str(), MNT_DETACH); }
    } unmount{mnt};
    // Fill it: no room is left for the export.
    RunSh("cat /dev/zero > " + mnt + "/filler");
    RunResult r =
        RunParley({"export", "--db", db, "--format", "graphml", "-o", mnt + "/g.graphml"});
    RequireOneLine(r, "cannot write " + mnt + "/g.graphml: No space left on device");
    CHECK(Entries(mnt) == std::vector<std::string>{"filler"});
    r = RunParley({"export", "--db", db, "--format", "neo4j-csv", "-o", mnt + "/neo"});
    RequireOneLine(r, "No space left on device");
    CHECK(Entries(mnt) == std::vector<std::string>{"filler"});
  }
}

// ---------------------------------------------------------------------- --facts from pipes

TEST_CASE("ingest --facts reads pipes, /dev/stdin and - once", "[cli][io]") {
  TempDir tmp;
  for (const std::string& how :
       {"--facts <(cat " + kIranFacts + ")", "--facts /dev/stdin < " + kIranFacts,
        "--facts - < " + kIranFacts, "--facts /dev/stdin < <(cat " + kIranFacts + ")"}) {
    INFO(how);
    std::string db = tmp / ("db" + std::to_string(how.size()));
    RunResult r = RunSh("\"$PARLEY\" ingest --db " + db + " " + how);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("ingested 2 articles (2 added") != std::string::npos);
    RunResult stats = RunParley({"stats", "--db", db, "--format", "csv"});
    CHECK(stats.out.find("total,articles,2") != std::string::npos);
  }
  // A number too large for a double is a bad line like any other, not a crash.
  WriteFile(tmp / "huge.jsonl",
            R"({"doc": "h", "events": [{"type": "demand", "confidence": 1e999}]})"
            "\n");
  RequireOneLine(RunParley({"ingest", "--db", tmp / "huge", "--facts", tmp / "huge.jsonl"}),
                 "huge.jsonl:1: invalid JSON: number overflow");
  // A bad line from a pipe still stops the run before anything is written, naming the pipe.
  std::string db = tmp / "bad";
  RunResult r =
      RunSh("\"$PARLEY\" ingest --db " + db + " --facts <(cat " + kIranFacts + "; echo '{')");
  RequireOneLine(r, "/dev/fd/");
  CHECK(r.err.find(":3:") != std::string::npos);
}

// --------------------------------------------------------------------- control characters

// Facts whose title, names, demand and quote carry terminal controls: OSC (retitles the
// terminal, makes links), CSI (clears the screen), a C1 CSI, NUL and DEL.
const char* kHostileFacts =
    R"({"doc":"h1","title":"Evil \u001b]0;pwned\u0007 title","date":"2026-03-05","source":"X",)"
    R"("text":"Zorbia demanded that Quarnia free the envoys.",)"
    R"("entities":[{"id":"ZRB","name":"Zor\u009b31mbia","kind":"country","mentions":[{"start":0,"end":6,"text":"Zorbia"}]},)"
    R"({"id":"QRN","name":"Quarnia\u001b[2J","kind":"country","mentions":[]}],)"
    R"("events":[{"type":"demand","cameo":"10","source":{"text":"Zorbia","entity":"ZRB"},)"
    R"("target":{"text":"Quarnia","entity":"QRN"},"content":{"text":"free the\u0000 envoys\u007f"},)"
    R"("negated":false,"confidence":0.9,"sentence":0,"start":0,"end":45,)"
    R"("quote":"Zorbia demanded \u001b]8;;http://x\u0007that\u001b]8;;\u0007 Quarnia free the envoys."}]})"
    "\n";

// The first terminal control in `s` (C0 other than a line break, DEL, C1, a byte that is not
// UTF-8), or "" if there is none.
std::string FirstControl(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    bool bad = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f ||
               (c == 0xc2 && next >= 0x80 && next <= 0x9f);
    if (bad) return "byte " + std::to_string(c) + " at " + std::to_string(i);
  }
  if (!IsValidUtf8(s)) return "invalid UTF-8";
  return "";
}

TEST_CASE("article text reaches no output with its control characters", "[cli][io]") {
  TempDir tmp;
  std::string db = tmp / "db";
  WriteFile(tmp / "hostile.jsonl", kHostileFacts);
  FillStore(db, tmp / "hostile.jsonl");
  RunParley({"actor", "alias", "ZRB", "Zor\x1b]0;x\x07", "--db", db});

  std::vector<std::vector<std::string>> runs;
  for (const char* f : {"table", "csv", "json", "jsonl"}) {
    runs.push_back({"query", "--db", db, "--format", f, "MATCH (a:Article) RETURN a.title, a"});
    runs.push_back(
        {"query", "--db", db, "--format", f, "MATCH (n:Actor) RETURN n.name, n.aliases"});
    runs.push_back({"demands", "--db", db, "--format", f});
    runs.push_back({"demands", "--db", db, "--timeline", "--format", f});
    runs.push_back({"stats", "--db", db, "--format", f});
    runs.push_back({"actor", "list", "--db", db, "--format", f});
  }
  runs.push_back({"analyze", "--db", db});
  runs.push_back({"analyze", "--db", db, "--format", "json", "--path", "ZRB", "QRN"});
  for (const char* f :
       {"graphml", "gexf", "dot", "ntriples", "turtle", "cytoscape", "json", "html"}) {
    runs.push_back({"export", "--db", db, "--format", f});
  }
  for (const auto& args : runs) {
    RunResult r = RunParley(args);
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    INFO(shown << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(FirstControl(r.out) == "");
  }
  // Tables show what was there, escaped; CSV is RFC 4180 without the controls.
  RunResult table =
      RunParley({"query", "--db", db, "--format", "table", "MATCH (a:Article) RETURN a.title"});
  CHECK(table.out.find("Evil \\x1b]0;pwned\\x07 title") != std::string::npos);
  RunResult csv =
      RunParley({"query", "--db", db, "--format", "csv", "MATCH (a:Article) RETURN a.title"});
  CHECK(csv.out == "a.title\r\nEvil ]0;pwned title\r\n");
  RunResult json = RunParley(
      {"query", "--db", db, "--format", "json", "MATCH (n:Actor {id: 'ZRB'}) RETURN n.name"});
  CHECK(json.out.find("Zor\\u009b31mbia") != std::string::npos);
}

// ------------------------------------------------------------------------------- typos

TEST_CASE("typos in dates, actors, policies and types are errors, not empty answers", "[cli][io]") {
  TempDir tmp;
  std::string db = tmp / "db";
  FillStore(db);
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--db", db});
    return RunParley(args);
  };
  RequireOneLine(run({"demands", "--since", "yesterday"}), "--since: expected a date", 2);
  RequireOneLine(run({"demands", "--since", "2026-02-30"}), "'2026-02-30'", 2);
  RequireOneLine(run({"export", "--format", "json", "--since", "2026-13-45"}), "'2026-13-45'", 2);
  RequireOneLine(run({"analyze", "--until", "2025-02-29"}), "'2025-02-29'", 2);
  RequireOneLine(run({"demands", "--by", "Narnia"}), "Narnia");
  RequireOneLine(run({"demands", "--of", "Narnia", "--timeline"}), "Narnia");
  RequireOneLine(run({"demands", "--about", "unicorns"}), "unicorns");
  RequireOneLine(run({"export", "--format", "json", "--around", "Narnia"}), "Narnia");
  RequireOneLine(run({"analyze", "--types", "DEMANDS,FOO"}), "unknown relationship type FOO");

  // What is right still answers.
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"demands", "--since", "2024-02-29"},
                                             {"demands", "--since", "2026-03"},
                                             {"demands", "--by", "khamenei", "--of", "USA"},
                                             {"demands", "--timeline", "--by", "Iran"},
                                             {"export", "--format", "json", "--since", "2026"},
                                             {"analyze", "--types", "demands"}}) {
    RunResult r = run(args);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.exit_code == 0);
  }
  RunResult by = run({"demands", "--by", "khamenei", "--format", "csv"});
  CHECK(std::count(by.out.begin(), by.out.end(), '\n') >= 2);
  // --about finds a policy by the actors' rule: any case, or a piece of a name.
  RunResult about = run({"demands", "--about", "SANCTIONS", "--format", "csv"});
  RunResult piece = run({"demands", "--about", "sanct", "--format", "csv"});
  CHECK(about.exit_code == 0);
  CHECK(std::count(about.out.begin(), about.out.end(), '\n') >= 2);
  CHECK(piece.out == about.out);
}

// ------------------------------------------------------------------------------ reading

TEST_CASE("articles: byte order marks dropped, ids from normalised paths, no-text warned",
          "[cli][io]") {
  TempDir tmp;
  std::string db = tmp / "db";
  fs::create_directories(tmp / "dir");
  fs::copy_file(kSamples + "/sahel-troops.txt", tmp / "sahel.txt");
  std::string bom = "\xEF\xBB\xBF";

  SECTION("one file named three ways is one article") {
    for (const char* name : {"sahel.txt", "./dir/../sahel.txt"}) {
      RunResult r = RunSh("\"$PARLEY\" ingest --db db " + std::string(name), tmp.path());
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
    RunResult r = RunSh("\"$PARLEY\" ingest --db db \"$PWD/sahel.txt\"", tmp.path());
    REQUIRE(r.exit_code == 0);
    RunResult q =
        RunParley({"query", "--db", db, "--format", "csv", "MATCH (a:Article) RETURN a.id"});
    CHECK(q.out == "a.id\r\nsahel.txt\r\n");
  }

  SECTION("a byte order mark is no part of a title, a JSONL line or a query file") {
    WriteFile(tmp / "in/bom.txt",
              bom + "Quarnia frees the envoys\n\nZorbia demanded that Quarnia free the envoys.\n");
    WriteFile(tmp / "in/bom.jsonl", bom + R"({"id": "j1", "title": ")" + bom +
                                        R"(Talks", "text": "Zorbia urged Quarnia to talk."})" +
                                        "\n" + R"({"id": "j2", "title": "Empty", "text": ""})" +
                                        "\n");
    RunResult r = RunParley({"ingest", "--db", db, tmp / "in"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("bom.jsonl:2: article j2 has no text") != std::string::npos);
    WriteFile(tmp / "q.cypher", bom + "MATCH (a:Article) RETURN a.title ORDER BY a.title;\n");
    RunResult q = RunParley({"query", "--db", db, "--format", "csv", "-f", tmp / "q.cypher"});
    INFO(q.err);
    CHECK(q.out == "a.title\r\nQuarnia frees the envoys\r\nTalks\r\n");
  }

  SECTION("a folder that cannot be read is named in a warning") {
    WriteFile(tmp / "in/ok.txt", "Title\n\nZorbia urged Quarnia to talk.\n");
    WriteFile(tmp / "in/locked/hidden.txt", "Title\n\nZorbia urged Quarnia to talk.\n");
    ::chmod((tmp / "in/locked").c_str(), 0);
    ::chmod(tmp.path().c_str(), 0777);
    // Root reads any folder: the check runs as nobody then.
    int uid = ::geteuid() == 0 ? 65534 : -1;
    RunResult r = RunSh("\"$PARLEY\" extract in", tmp.path(), uid);
    ::chmod((tmp / "in/locked").c_str(), 0755);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning: in/locked: cannot read folder") != std::string::npos);
    CHECK(r.out.find("\"doc\":\"in/ok.txt\"") != std::string::npos);
  }
}

// -------------------------------------------------------------------- running out of memory

TEST_CASE("running out of memory ends with one line and exit 1", "[cli][io]") {
#ifdef __SANITIZE_ADDRESS__
  WARN("AddressSanitizer reserves more address space than the limit allows: not tested here");
#else
  // 300 MB of address space; the query wants several times that.
  RunResult r = RunSh(
      "ulimit -v 300000; \"$PARLEY\" query --format csv "
      "'UNWIND range(1, 40) AS i WITH collect(range(1, 1000000)) AS r RETURN size(r)'");
  RequireOneLine(r, "memory");
#endif
}

// ---------------------------------------------------------------------------- --help

TEST_CASE("every command prints its usage on --help and -h", "[cli][io]") {
  for (const char* cmd :
       {"ingest", "extract", "actor", "analyze", "demands", "export", "link", "query", "stats"}) {
    for (const char* flag : {"--help", "-h"}) {
      RunResult r = RunParley({cmd, flag});
      INFO(cmd << " " << flag << ": " << r.err);
      CHECK(r.exit_code == 0);
      CHECK(r.out.rfind(std::string("usage: parley ") + cmd, 0) == 0);
      CHECK(r.err.empty());
    }
  }
  // After other flags too, and the value of a flag is not taken for it.
  CHECK(RunParley({"export", "--format", "json", "--help"}).exit_code == 0);
  RunResult r = RunParley({"export", "--db", "/nonexistent", "--format", "json", "--title", "-h"});
  CHECK(r.out.rfind("usage:", 0) != 0);
}

// --------------------------------------------------------------------------- resuming

TEST_CASE("an unchanged article is not extracted again unless the data changed", "[cli][io]") {
  TempDir tmp;
  std::string db = tmp / "db";
  fs::create_directories(tmp / "in");
  for (const char* name : {"sahel-troops.txt", "iran-us-talks.txt"}) {
    fs::copy_file(kSamples + "/" + name, tmp / ("in/" + std::string(name)));
  }
  auto ingest = [&](const std::string& env = "") {
    RunResult r = RunSh(env + " \"$PARLEY\" ingest --db " + db + " " + (tmp / "in"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.err;
  };
  CHECK(ingest().find("(2 added, 0 replaced, 0 unchanged)\n") != std::string::npos);
  std::string stats = RunParley({"stats", "--db", db, "--format", "csv"}).out;
  CHECK(ingest().find("(0 added, 0 replaced, 2 unchanged), 2 of them stored from the same text and "
                      "data, not extracted again") != std::string::npos);
  CHECK(RunParley({"stats", "--db", db, "--format", "csv"}).out == stats);

  // A changed article is extracted again; the other is not.
  WriteFile(tmp / "in/iran-us-talks.txt",
            ReadFileText(tmp / "in/iran-us-talks.txt") + "\nZorbia urged Quarnia to talk.\n");
  CHECK(ingest().find("(0 added, 1 replaced, 1 unchanged), 1 of them") != std::string::npos);
  stats = RunParley({"stats", "--db", db, "--format", "csv"}).out;

  // Other data (a copy of the data folder, one file changed in a way that changes no fact):
  // every article is extracted again, and found unchanged.
  std::string data = fs::path(kSamples).parent_path().string();
  REQUIRE(RunSh("cp -r " + data + " " + (tmp / "data") + " && echo >> " +
                (tmp / "data/near_duplicates.json"))
              .exit_code == 0);
  std::string env = "PARLEY_DATA=" + (tmp / "data");
  CHECK(ingest(env).find("(0 added, 0 replaced, 2 unchanged)\n") != std::string::npos);
  CHECK(ingest(env).find("2 of them stored from the same text and data") != std::string::npos);
  CHECK(RunParley({"stats", "--db", db, "--format", "csv"}).out == stats);
}

}  // namespace
}  // namespace parley

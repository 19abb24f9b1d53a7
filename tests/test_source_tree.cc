// The checks CI runs on the source tree itself: the format check of scripts/check_format.sh and
// the layering check of scripts/check_layers.py.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "test_util.h"

using parley::test::ReadFileText;
using parley::test::TempDir;
using parley::test::WriteFile;

namespace {

// Runs scripts/check_format.sh on `file`; returns its exit status and what it wrote to stderr.
int CheckFormat(const TempDir& tmp, const std::string& file, std::string* err) {
  std::string cmd = "bash '" + std::string(PARLEY_SOURCE_DIR) + "/scripts/check_format.sh' '" +
                    file + "' > '" + (tmp / "out") + "' 2> '" + (tmp / "err") + "'";
  int status = std::system(cmd.c_str());
  *err = ReadFileText(tmp / "err");
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs scripts/check_layers.py on the tree at `root`; returns its exit status and its output.
int CheckLayers(const TempDir& tmp, const std::string& root, std::string* out) {
  std::string cmd = "python3 '" + std::string(PARLEY_SOURCE_DIR) + "/scripts/check_layers.py' '" +
                    root + "' > '" + (tmp / "layers") + "' 2>&1";
  int status = std::system(cmd.c_str());
  *out = ReadFileText(tmp / "layers");
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A small tree that keeps to the layers: util below core and storage, both below graph, graph
// below cli.
void WriteLayeredTree(const std::string& root) {
  WriteFile(root + "/util/status.h", "#pragma once\n#include <string>\n");
  WriteFile(root + "/core/facts.h", "#pragma once\n#include \"util/status.h\"\n");
  WriteFile(root + "/storage/store.h", "#pragma once\n#include \"util/status.h\"\n");
  WriteFile(root + "/graph/model.h",
            "#pragma once\n#include \"core/facts.h\"\n#include \"storage/store.h\"\n");
  WriteFile(root + "/graph/model.cc", "#include \"graph/model.h\"\n");
  WriteFile(root + "/cli/main.cc", "#include \"graph/model.h\"\n");
}

}  // namespace

TEST_CASE("the format check fails on a file clang-format would change, and names it", "[source]") {
  TempDir tmp;
  std::string err;
  WriteFile(tmp / "laid_out.cc", "int Answer() {\n  return 42;\n}\n");
  CHECK(CheckFormat(tmp, tmp / "laid_out.cc", &err) == 0);
  WriteFile(tmp / "cramped.cc", "int  Answer( ){return 42;}\n");
  CHECK(CheckFormat(tmp, tmp / "cramped.cc", &err) == 1);
  CHECK(err.find("cramped.cc") != std::string::npos);
}

TEST_CASE("the layering check passes a layered tree and prints its folder graph", "[source]") {
  TempDir tmp;
  WriteLayeredTree(tmp / "tree");
  std::string out;
  CHECK(CheckLayers(tmp, tmp / "tree", &out) == 0);
  CHECK(out.find("graph -> core (1), storage (1)") != std::string::npos);
  CHECK(out.find("storage -> util (1)") != std::string::npos);
}

TEST_CASE("the layering check names an include of a layer not below the includer", "[source]") {
  TempDir tmp;
  std::string out;
  WriteLayeredTree(tmp / "a");
  WriteFile(tmp / "a/storage/store.h", "#pragma once\n#include \"core/facts.h\"\n");
  CHECK(CheckLayers(tmp, tmp / "a", &out) == 1);
  CHECK(out.find("storage/store.h:2: storage/ may not include core/facts.h") != std::string::npos);

  WriteLayeredTree(tmp / "b");
  WriteFile(tmp / "b/storage/store.cc", "#include \"graph/model.h\"\n");
  CHECK(CheckLayers(tmp, tmp / "b", &out) == 1);
  CHECK(out.find("storage/store.cc:1: storage/ may not include graph/model.h") !=
        std::string::npos);

  WriteLayeredTree(tmp / "c");
  WriteFile(tmp / "c/util/status.h", "#pragma once\n#include \"storage/store.h\"\n");
  CHECK(CheckLayers(tmp, tmp / "c", &out) == 1);
  CHECK(out.find("util/status.h:2: util/ may not include storage/store.h") != std::string::npos);
  CHECK(out.find("folder cycle: util -> storage -> util") != std::string::npos);
}

TEST_CASE("the layering check finds a cycle between files of one folder", "[source]") {
  TempDir tmp;
  std::string out;
  WriteLayeredTree(tmp / "tree");
  WriteFile(tmp / "tree/core/a.h", "#pragma once\n#include \"core/b.h\"\n");
  WriteFile(tmp / "tree/core/b.h", "#pragma once\n#include \"a.h\"\n");
  CHECK(CheckLayers(tmp, tmp / "tree", &out) == 1);
  CHECK(out.find("file cycle: core/a.h -> core/b.h -> core/a.h") != std::string::npos);
}

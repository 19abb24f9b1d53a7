// The checks CI runs on the source tree itself: the format check of scripts/check_format.sh.
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

// DataPath and ReadFile (util/data_path.h).
#include "util/data_path.h"

#include <dlfcn.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace parley {
namespace {

namespace fs = std::filesystem;

// The installed data folder beside the file (program or shared library) holding this code, or
// "" when that file is not in an installed prefix. PARLEY_DATA_FROM_BIN and _FROM_LIB are the
// data folder relative to the install's bin and lib folders (CMakeLists.txt); a file in the
// build tree has no data folder at either.
std::string InstalledData() {
  // The shared library or program holding this code; for a program dladdr may give the name
  // it was started by, so the running program's own file is tried too.
  std::vector<std::string> files;
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&InstalledData), &info) != 0 && info.dli_fname &&
      std::strchr(info.dli_fname, '/'))
    files.push_back(info.dli_fname);
  files.push_back("/proc/self/exe");
  for (const std::string& file : files) {
    std::error_code ec;
    fs::path self = fs::canonical(fs::path(file), ec);
    if (ec) continue;
    for (const char* rel : {PARLEY_DATA_FROM_BIN, PARLEY_DATA_FROM_LIB}) {
      fs::path dir = (self.parent_path() / rel).lexically_normal();
      if (fs::is_regular_file(dir / "event_types.json", ec)) return dir.string();
    }
  }
  return "";
}

}  // namespace

std::string DataPath(std::string_view name) {
  const char* env = std::getenv("PARLEY_DATA");
  if (env && *env) return std::string(env) + "/" + std::string(name);
  // Looked up once: the files do not move while the program runs.
  static const std::string installed = InstalledData();
  const std::string& dir = installed.empty() ? std::string(PARLEY_DATA_DIR) : installed;
  return dir + "/" + std::string(name);
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  *out = std::move(ss).str();
  return Status::OK();
}

}  // namespace parley

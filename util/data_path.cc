#include "util/data_path.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace parley {

std::string DataPath(std::string_view name) {
  const char* env = std::getenv("PARLEY_DATA");
  std::string dir = env && *env ? env : PARLEY_DATA_DIR;
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

#include "cli/args.h"

#include <cstdlib>

namespace parley::cli {

Status Args::Parse(int argc, char** argv, int start, const std::set<std::string>& value_flags,
                   const std::set<std::string>& switches, Args* out) {
  *out = Args();
  bool only_positional = false;
  for (int i = start; i < argc; ++i) {
    std::string a = argv[i];
    if (only_positional || a == "-" || a.empty() || a[0] != '-') {
      out->positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      out->help_ = true;
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (value_flags.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argc) return Status::Usage(name + " needs a value");
        value = argv[++i];
      }
      out->values_.emplace(name, value);
    } else if (switches.count(name) && !inline_value) {
      out->switches_.insert(name);
    } else {
      return Status::Usage("unknown option " + name);
    }
  }
  return Status::OK();
}

std::string Args::Get(const std::string& flag, const std::string& fallback) const {
  auto range = values_.equal_range(flag);
  if (range.first == range.second) return fallback;
  return std::prev(range.second)->second;
}

std::vector<std::string> Args::GetAll(const std::string& flag) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(flag);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

std::string DatabasePath(const Args& args) {
  if (args.Has("--db")) return args.Get("--db");
  const char* env = std::getenv("PARLEY_DB");
  return env && *env ? env : "parley.db";
}

}  // namespace parley::cli

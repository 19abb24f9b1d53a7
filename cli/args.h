// Command-line arguments of one subcommand: flags with values (--db DIR or --db=DIR),
// switches (--skip-bad), and positional arguments ("-" stays positional: it means stdin).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "util/status.h"

namespace parley::cli {

class Args {
 public:
  // Parses argv[start..argc). `value_flags` take a value, `switches` do not; --help and -h
  // set help(); any other flag is a usage error naming it.
  static Status Parse(int argc, char** argv, int start, const std::set<std::string>& value_flags,
                      const std::set<std::string>& switches, Args* out);

  // True if --help or -h was given (in a flag's place, not as a flag's value).
  bool help() const { return help_; }
  bool Has(const std::string& flag) const { return values_.count(flag) || switches_.count(flag); }
  // The flag's last value, or `fallback`.
  std::string Get(const std::string& flag, const std::string& fallback = "") const;
  // Every value the flag was given, in order.
  std::vector<std::string> GetAll(const std::string& flag) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::multimap<std::string, std::string> values_;
  std::set<std::string> switches_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

// The database folder: --db, else $PARLEY_DB, else ./parley.db.
std::string DatabasePath(const Args& args);

}  // namespace parley::cli

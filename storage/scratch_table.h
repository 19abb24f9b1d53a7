// ScratchTable: a temporary sorted table of keys and values on disk, for work whose
// intermediate state may not fit in memory (the bulk path's elements, gathered article by
// article and read back in id order). A RocksDB database without a log in a folder of its
// own, removed when the table is destroyed: nothing in it survives a crash, nor needs to.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace parley {

class ScratchTable {
 public:
  // Creates an empty table in a new folder under `parent` (created if missing).
  static Status Create(const std::string& parent, std::unique_ptr<ScratchTable>* out);
  ~ScratchTable();  // closes the table and removes its folder
  ScratchTable(const ScratchTable&) = delete;
  ScratchTable& operator=(const ScratchTable&) = delete;

  // Sets `key` to `value`, replacing what it held.
  Status Put(std::string_view key, std::string_view value);
  // Sets `*value` to what `key` holds and `*found` to whether it holds anything.
  Status Get(std::string_view key, std::string* value, bool* found) const;
  // Calls `visit(key, value)` for every key starting with `prefix`, in key order, until it
  // returns false or an error (which is returned).
  Status Scan(std::string_view prefix,
              const std::function<Status(std::string_view key, std::string_view value, bool* more)>&
                  visit) const;
  // The folder holding the table.
  const std::string& dir() const { return dir_; }

  class Impl;

 private:
  explicit ScratchTable(std::unique_ptr<Impl> impl, std::string dir);
  std::unique_ptr<Impl> impl_;
  std::string dir_;
};

}  // namespace parley

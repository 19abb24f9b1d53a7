// Progress: a bar with rate and ETA on stderr for long work, shown only when stderr is a
// terminal, so that scripts and pipes get quiet, parseable output.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace parley::cli {

class Progress {
 public:
  // `total` is in bytes (0 if unknown); `unit` names the items counted ("articles").
  Progress(std::string unit, uint64_t total);
  ~Progress();
  // Reports `done` bytes and `items` items so far; redraws at most ten times a second.
  void Update(uint64_t done, uint64_t items);
  // Clears the bar.
  void Finish();

 private:
  std::string unit_;
  uint64_t total_;
  bool active_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace parley::cli

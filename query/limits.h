// Bounds on one query's run: how long it may take, how much memory its values may hold, and a
// flag that cancels it (Ctrl-C at the prompt). The executor checks them in every loop that can
// run long (pattern walks, UNWIND, list comprehensions, result rows), so a query that would run
// forever or grow without end stops with one error naming the limit it passed.
//
// Memory is an estimate of what the query itself builds, not the process's size: each value an
// expression makes (strings, lists, maps) must fit in what is left, and operators that hold
// rows (ORDER BY, aggregation and collect(), DISTINCT, the rows of a writing query, CREATE's
// pending writes) count what they keep. Functions whose result can outgrow their arguments
// (replace, split, range, +) check the result's size before they build it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

// Limits given to RunQuery. Zero means no bound.
struct QueryLimits {
  double timeout_seconds = 0;
  uint64_t max_memory_bytes = 0;
  // Set from elsewhere (a signal handler) to stop the query; null: not cancellable.
  const std::atomic<bool>* cancel = nullptr;
};

// The defaults `parley query` and `export --query` apply unless told otherwise.
constexpr double kDefaultTimeoutSeconds = 600;
// Half the machine's memory, at most 2 GiB.
uint64_t DefaultMaxMemoryBytes();

// The running account of one query against its limits. Once a limit is passed every later
// check fails the same way, so the error reaches the top whichever operator sees it first.
class QueryGuard {
 public:
  explicit QueryGuard(const QueryLimits& limits);

  // Cheap enough for every row or loop step: the cancel flag every call, the clock every 256.
  Status Check();
  // Check() reading the clock every time: for a loop that waits on other threads, whose
  // calls are too few for Check()'s sampling of the clock.
  Status CheckClock();
  // Takes `bytes` into the memory held until Release; an error if the total passes the limit.
  Status Hold(size_t bytes);
  void Release(size_t bytes);
  // An error if a new value of `bytes` would not fit beside what is held.
  Status Fits(size_t bytes);
  // Bytes a new value may still take (SIZE_MAX without a memory limit).
  size_t Room() const;
  // The error for a value that does not fit (for code that measures before building).
  Status MemoryError();

 private:
  Status Fail(Status s);
  QueryLimits limits_;
  std::chrono::steady_clock::time_point deadline_;
  uint32_t ticks_ = 0;
  size_t held_ = 0;
  Status failed_;
};

// The memory an operator holds rows in, counted against the query's limit and given back
// when the operator goes.
class HeldMemory {
 public:
  explicit HeldMemory(QueryGuard& guard) : guard_(guard) {}
  ~HeldMemory() { guard_.Release(bytes_); }
  HeldMemory(const HeldMemory&) = delete;
  HeldMemory& operator=(const HeldMemory&) = delete;
  // Holds `n` bytes more; an error once the query's total passes its limit.
  Status Add(size_t n) {
    bytes_ += n;
    return guard_.Hold(n);
  }
  void DropAll() { Drop(bytes_); }
  void Drop(size_t n) {
    n = n < bytes_ ? n : bytes_;
    bytes_ -= n;
    guard_.Release(n);
  }

 private:
  QueryGuard& guard_;
  size_t bytes_ = 0;
};

// About how many bytes `v` takes in memory: its own size plus what it points to (strings,
// list and map elements, node and relationship properties). Shared parts count each time.
size_t ApproxBytes(const Value& v);

}  // namespace parley::query

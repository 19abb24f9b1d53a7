// Work split over threads under one query's limits.
//
// A whole-graph step runs its parts on parallel threads while the calling thread watches the
// query's limits (time, memory, cancellation): QueryGuard is the calling thread's, so the
// workers only report the bytes they hold and look at a stop flag, which the watcher raises
// when a limit is passed; the step then fails with that limit's error, as a one-thread step
// would.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "query/exec_context.h"
#include "util/status.h"

namespace parley::query {

// What a worker sees of the run it belongs to.
class WorkerControl {
 public:
  // True once the run must end (a limit passed, or another worker failed): return soon, with
  // OK (the run's error is already known).
  bool stopped();
  // Reports `bytes` more held by this worker's results (checked against the memory limit).
  void AddBytes(size_t bytes);

 private:
  friend Status RunParallel(ExecContext&, int, const std::function<Status(int, WorkerControl&)>&,
                            size_t*);
  std::atomic<bool> stop_{false};
  std::atomic<size_t> bytes_{0};
  // One part runs on the calling thread, which checks the limits itself.
  QueryGuard* guard_ = nullptr;
  size_t* held_ = nullptr;
  Status limit_;
};

// Threads for a whole-graph step: the machine's cores, at most 4.
int ParallelThreads();

// Runs work(0) ... work(parts - 1) on `parts` threads and waits for them, checking ctx's limits
// every few milliseconds meanwhile (one part runs on the calling thread, checking them at each
// stopped()). The bytes the workers report are held in ctx's guard and
// added to *held (the caller releases them with the memory it frees). Returns the first limit
// passed, else the first worker error.
Status RunParallel(ExecContext& ctx, int parts,
                   const std::function<Status(int part, WorkerControl& control)>& work,
                   size_t* held);

// Sorts *v by operator<: a large vector in two halves on two threads, then merged.
template <typename T>
Status ParallelSort(ExecContext& ctx, std::vector<T>* v) {
  constexpr size_t kSmall = 1 << 16;
  if (v->size() < kSmall || ParallelThreads() < 2) {
    std::sort(v->begin(), v->end());
    return Status::OK();
  }
  auto mid = v->begin() + v->size() / 2;
  size_t held = 0;
  PARLEY_RETURN_IF_ERROR(RunParallel(
      ctx, 2,
      [&](int part, WorkerControl&) {
        if (part == 0) {
          std::sort(v->begin(), mid);
        } else {
          std::sort(mid, v->end());
        }
        return Status::OK();
      },
      &held));
  std::inplace_merge(v->begin(), mid, v->end());
  return Status::OK();
}

}  // namespace parley::query

#include "query/parallel.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace parley::query {

int ParallelThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(n, 1u, 4u));
}

bool WorkerControl::stopped() {
  if (guard_ && limit_.ok()) {
    limit_ = guard_->Check();
    if (!limit_.ok()) stop_.store(true);
  }
  return stop_.load(std::memory_order_relaxed);
}

void WorkerControl::AddBytes(size_t bytes) {
  if (guard_) {
    *held_ += bytes;
    Status s = guard_->Hold(bytes);
    if (limit_.ok() && !s.ok()) {
      limit_ = s;
      stop_.store(true);
    }
    return;
  }
  bytes_.fetch_add(bytes, std::memory_order_relaxed);
}

Status RunParallel(ExecContext& ctx, int parts,
                   const std::function<Status(int part, WorkerControl& control)>& work,
                   size_t* held) {
  WorkerControl control;
  if (parts <= 1) {
    control.guard_ = &ctx.guard();
    control.held_ = held;
    Status s = work(0, control);
    PARLEY_RETURN_IF_ERROR(control.limit_);
    return s;
  }
  std::vector<Status> results(parts);
  std::mutex mu;
  std::condition_variable cv;
  int done = 0;
  std::vector<std::thread> threads;
  threads.reserve(parts);
  for (int p = 0; p < parts; ++p) {
    threads.emplace_back([&, p] {
      Status s = work(p, control);
      if (!s.ok()) control.stop_.store(true);
      std::lock_guard<std::mutex> lock(mu);
      results[p] = std::move(s);
      ++done;
      cv.notify_all();
    });
  }
  Status limit;
  size_t counted = 0;
  {
    std::unique_lock<std::mutex> lock(mu);
    while (done < parts) {
      cv.wait_for(lock, std::chrono::milliseconds(2));
      if (!limit.ok()) continue;
      lock.unlock();
      limit = ctx.guard().CheckClock();
      size_t now = control.bytes_.load(std::memory_order_relaxed);
      if (limit.ok() && now > counted) {
        limit = ctx.guard().Hold(now - counted);
        *held += now - counted;
        counted = now;
      }
      if (!limit.ok()) control.stop_.store(true);
      lock.lock();
    }
  }
  for (auto& t : threads) t.join();
  PARLEY_RETURN_IF_ERROR(limit);
  size_t now = control.bytes_.load();
  if (now > counted) {
    *held += now - counted;
    PARLEY_RETURN_IF_ERROR(ctx.guard().Hold(now - counted));
  }
  for (const Status& s : results) PARLEY_RETURN_IF_ERROR(s);
  return Status::OK();
}

}  // namespace parley::query

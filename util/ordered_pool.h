// OrderedPool: runs a function over a stream of items on N threads and hands the results back
// in input order, with at most `window` items in flight, so that memory stays bounded however
// long the stream and output is the same whatever the number of threads. An exception thrown
// by the function (std::bad_alloc) is thrown again on the caller's thread, from Push or Finish.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace parley {

template <typename In, typename Out>
class OrderedPool {
 public:
  OrderedPool(int threads, size_t window, std::function<void(const In&, Out*)> work)
      : work_(std::move(work)), window_(std::max<size_t>(window, 1)) {
    for (int i = 0; i < std::max(threads, 1); ++i) workers_.emplace_back([this] { Loop(); });
  }
  ~OrderedPool() {
    {
      std::lock_guard lock(mu_);
      closing_ = true;
      queue_.clear();  // after an exception, what is still queued is not wanted
    }
    cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  // Queues `item`; blocks while `window` items are in flight. Calls `emit` (on this thread)
  // for every result that is ready in order.
  void Push(In item, const std::function<void(Out&)>& emit) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return next_in_ - next_out_ < window_ || Ready(); });
    Drain(lock, emit);
    queue_.emplace_back(next_in_++, std::move(item));
    cv_.notify_one();
    space_.wait(lock, [&] { return next_in_ - next_out_ < window_ || Ready(); });
    Drain(lock, emit);
  }

  // Waits for every queued item and emits the rest in order.
  void Finish(const std::function<void(Out&)>& emit) {
    std::unique_lock lock(mu_);
    while (next_out_ < next_in_) {
      space_.wait(lock, [&] { return Ready(); });
      Drain(lock, emit);
    }
  }

 private:
  bool Ready() const { return done_.count(next_out_) > 0; }
  void Drain(std::unique_lock<std::mutex>& lock, const std::function<void(Out&)>& emit) {
    if (error_) std::rethrow_exception(error_);
    while (Ready()) {
      Out out = std::move(done_[next_out_]);
      done_.erase(next_out_++);
      lock.unlock();
      emit(out);
      lock.lock();
    }
  }
  void Loop() {
    for (;;) {
      std::pair<size_t, In> job;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      Out out;
      std::exception_ptr error;
      try {
        work_(job.second, &out);
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard lock(mu_);
        if (error && !error_) error_ = error;
        done_.emplace(job.first, std::move(out));
      }
      space_.notify_all();
    }
  }

  std::function<void(const In&, Out*)> work_;
  size_t window_;
  std::mutex mu_;
  std::condition_variable cv_, space_;
  std::deque<std::pair<size_t, In>> queue_;
  std::map<size_t, Out> done_;
  size_t next_in_ = 0, next_out_ = 0;
  bool closing_ = false;
  std::exception_ptr error_;  // the first exception a worker caught
  std::vector<std::thread> workers_;
};

}  // namespace parley

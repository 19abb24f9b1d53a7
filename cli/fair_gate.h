// A bound on how many requests of `parley serve` do their work at once, let in by order of
// arrival: the server keeps a thread per open connection (cpp-httplib's model, so that clients
// beyond the bound are not left waiting for a kept-alive connection to end), and this gate
// keeps the work itself, and the memory it takes, to a few at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace parley::cli {

class FairGate {
 public:
  explicit FairGate(int max) : max_(max) {}

  // Waits until every request that came before has entered and fewer than `max` are inside.
  void Enter() {
    std::unique_lock<std::mutex> lock(mu_);
    uint64_t ticket = next_++;
    cv_.wait(lock, [&] { return ticket == serving_ && inside_ < max_; });
    ++serving_;
    ++inside_;
    cv_.notify_all();
  }
  void Leave() {
    std::lock_guard<std::mutex> lock(mu_);
    --inside_;
    cv_.notify_all();
  }

  // Inside the gate for the lifetime of this object.
  class Pass {
   public:
    explicit Pass(FairGate& gate) : gate_(gate) { gate_.Enter(); }
    ~Pass() { gate_.Leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    FairGate& gate_;
  };

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  uint64_t next_ = 0, serving_ = 0;
  int inside_ = 0;
  const int max_;
};

}  // namespace parley::cli

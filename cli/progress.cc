#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace parley::cli {

Progress::Progress(std::string unit, uint64_t total)
    : unit_(std::move(unit)),
      total_(total),
      active_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_() {}

Progress::~Progress() {
  Finish();
}

void Progress::Update(uint64_t done, uint64_t items) {
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? items / secs : 0;
  double mbps = secs > 0 ? done / secs / 1e6 : 0;
  char line[160];
  if (total_ > 0) {
    double frac = done >= total_ ? 1.0 : static_cast<double>(done) / total_;
    int filled = static_cast<int>(frac * 24);
    std::string bar(filled, '#');
    bar += std::string(24 - filled, '-');
    double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
    std::snprintf(line, sizeof line, "\r[%s] %3.0f%%  %.1f %s/s  %.1f MB/s  ETA %d:%02d ",
                  bar.c_str(), frac * 100, rate, unit_.c_str(), mbps, static_cast<int>(eta) / 60,
                  static_cast<int>(eta) % 60);
  } else {
    std::snprintf(line, sizeof line, "\r%llu %s  %.1f %s/s ",
                  static_cast<unsigned long long>(items), unit_.c_str(), rate, unit_.c_str());
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!active_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  active_ = false;
}

}  // namespace parley::cli

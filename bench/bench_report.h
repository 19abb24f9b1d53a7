// What the benchmark programs share: wall-clock timing and where their report goes (stdout,
// or stderr when stdout carries the machine-readable JSON line).
#pragma once

#include <chrono>
#include <cstdarg>
#include <cstdio>

namespace parley::bench {

using Clock = std::chrono::steady_clock;

// Seconds since `t`.
inline double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Set by --jsonl: the JSON summary goes to stdout and the human-readable report to stderr.
inline bool g_jsonl = false;

// Prints one part of the human-readable report.
inline void Say(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(g_jsonl ? stderr : stdout, fmt, ap);
  va_end(ap);
  std::fflush(g_jsonl ? stderr : stdout);
}

}  // namespace parley::bench

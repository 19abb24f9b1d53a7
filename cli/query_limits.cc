#include "cli/query_limits.h"

#include <charconv>
#include <cmath>
#include <string>

namespace parley::cli {

Status QueryLimitsFromArgs(const Args& args, bool interactive, query::QueryLimits* limits) {
  limits->timeout_seconds = interactive ? 0 : query::kDefaultTimeoutSeconds;
  limits->max_memory_bytes = query::DefaultMaxMemoryBytes();
  if (args.Has("--timeout")) {
    std::string text = args.Get("--timeout");
    double seconds = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(seconds) ||
        seconds < 0) {
      return Status::Usage("--timeout takes a number of seconds, 0 for none (got '" + text + "')");
    }
    limits->timeout_seconds = seconds;
  }
  if (args.Has("--max-memory")) {
    std::string text = args.Get("--max-memory");
    uint64_t mb = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), mb);
    constexpr uint64_t kMaxMb = uint64_t{1} << 40;  // past any machine; keeps the bytes in range
    if (ec != std::errc() || end != text.data() + text.size() || mb > kMaxMb) {
      return Status::Usage("--max-memory takes a number of megabytes, 0 for none (got '" + text +
                           "')");
    }
    limits->max_memory_bytes = mb * 1024 * 1024;
  }
  return Status::OK();
}

}  // namespace parley::cli

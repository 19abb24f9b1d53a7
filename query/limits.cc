#include "query/limits.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "query/query_values.h"

namespace parley::query {
namespace {

// Loop steps between two readings of the clock: reading it costs more than a step.
constexpr uint32_t kTicksPerClock = 256;
// A time limit past this (about 31 years) is no limit: the deadline would not fit the clock.
constexpr double kLongestTimeout = 1e9;

std::string Megabytes(uint64_t bytes) {
  return std::to_string(bytes / (1024 * 1024));
}

std::string Seconds(double s) {
  std::string text = std::to_string(s);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// Bytes of a shared allocation's bookkeeping (the shared_ptr control block and heap header).
constexpr size_t kShared = 32;

size_t PropertyBytes(const ValueMap& m) {
  size_t n = 0;
  // A map node holds the key, the value and three pointers and a colour.
  for (const auto& [k, v] : m) n += 32 + sizeof(std::string) + k.capacity() + ApproxBytes(v);
  return n;
}

}  // namespace

uint64_t DefaultMaxMemoryBytes() {
  constexpr uint64_t kCap = uint64_t{2} << 30;
  long pages = sysconf(_SC_PHYS_PAGES);
  long page = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return kCap;
  return std::min(kCap, static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) / 2);
}

QueryGuard::QueryGuard(const QueryLimits& limits) : limits_(limits) {
  if (!(limits_.timeout_seconds < kLongestTimeout)) limits_.timeout_seconds = 0;
  if (limits_.timeout_seconds > 0) {
    auto span = std::chrono::duration<double>(limits_.timeout_seconds);
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(span);
  }
}

Status QueryGuard::Fail(Status s) {
  failed_ = std::move(s);
  return failed_;
}

Status QueryGuard::Check() {
  if (!failed_.ok()) return failed_;
  if (limits_.cancel && limits_.cancel->load(std::memory_order_relaxed)) {
    return Fail(Status::InvalidInput("Query cancelled (Ctrl-C)"));
  }
  if (limits_.timeout_seconds > 0 && ++ticks_ % kTicksPerClock == 0 &&
      std::chrono::steady_clock::now() > deadline_) {
    return Fail(Status::InvalidInput("Query stopped: it ran longer than its time limit of " +
                                     Seconds(limits_.timeout_seconds) + " s (--timeout)"));
  }
  return Status::OK();
}

Status QueryGuard::CheckClock() {
  ticks_ = kTicksPerClock - 1;
  return Check();
}

Status QueryGuard::MemoryError() {
  return Fail(Status::InvalidInput("Query stopped: it needs more memory than its limit of " +
                                   Megabytes(limits_.max_memory_bytes) + " MB (--max-memory)"));
}

Status QueryGuard::Hold(size_t bytes) {
  held_ += bytes;
  if (!failed_.ok()) return failed_;
  if (limits_.max_memory_bytes > 0 && held_ > limits_.max_memory_bytes) return MemoryError();
  return Status::OK();
}

void QueryGuard::Release(size_t bytes) {
  held_ -= std::min(bytes, held_);
}

Status QueryGuard::Fits(size_t bytes) {
  if (!failed_.ok()) return failed_;
  if (bytes > Room()) return MemoryError();
  return Status::OK();
}

size_t QueryGuard::Room() const {
  if (limits_.max_memory_bytes == 0) return SIZE_MAX;
  return held_ >= limits_.max_memory_bytes ? 0 : limits_.max_memory_bytes - held_;
}

size_t ApproxBytes(const Value& v) {
  size_t n = sizeof(Value);
  switch (v.type()) {
    case Value::Type::kString:
      n += v.as_string().capacity() > 15 ? v.as_string().capacity() : 0;
      break;
    case Value::Type::kList:
      n += kShared + sizeof(ValueList);
      for (const Value& item : v.as_list()) n += ApproxBytes(item);
      break;
    case Value::Type::kMap:
      n += kShared + sizeof(ValueMap) + PropertyBytes(v.as_map());
      break;
    case Value::Type::kNode: {
      const Node& node = v.as_node();
      n += kShared + sizeof(Node);
      if (node.complete) {
        for (const std::string& l : node.labels) n += sizeof(std::string) + l.capacity();
        n += PropertyBytes(node.properties);
      }
      break;
    }
    case Value::Type::kRelationship: {
      const Relationship& rel = v.as_relationship();
      n += kShared + sizeof(Relationship) + rel.type.capacity();
      if (rel.complete) n += PropertyBytes(rel.properties);
      break;
    }
    case Value::Type::kPath:
      n += kShared + sizeof(Path);
      for (const Value& x : v.as_path().nodes) n += ApproxBytes(x);
      for (const Value& x : v.as_path().relationships) n += ApproxBytes(x);
      break;
    case Value::Type::kTemporal:
      n += kShared + sizeof(Temporal);
      break;
    default:
      break;
  }
  return n;
}

}  // namespace parley::query

#include "query/time_zone.h"

#include <date/ptz.h>
#include <date/tz.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace parley::query {
namespace {

using Seconds = std::chrono::seconds;

struct Zone {
  const date::time_zone* tz = nullptr;
  // The rule past the file's last transition, and the UTC second that transition happens at.
  std::optional<Posix::time_zone> after;
  int64_t after_from = 0;
};

// The POSIX rule a version 2+ zone file ends with: the text between its last two line breaks
// (RFC 8536 section 3.3), empty when there is none.
std::string FooterRule(const std::string& name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  if (!in) return "";
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 2 || data.back() != '\n') return "";
  size_t open = data.rfind('\n', data.size() - 2);
  if (open == std::string::npos) return "";
  return data.substr(open + 1, data.size() - open - 2);
}

// The zone called `name`, looked up once per process; null if the database has none.
const Zone* FindZone(const std::string& name) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Zone>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second.get();
  std::unique_ptr<Zone>& slot = cache[name];
  if (name.empty() || name.find("..") != std::string::npos || name[0] == '/') return nullptr;
  auto z = std::make_unique<Zone>();
  // The library reports an unknown zone or an unreadable database by throwing; nothing
  // crosses this function but a null.
  try {
    z->tz = date::locate_zone(name);
    // The last transition the file lists: where the last period of the library begins.
    auto last = z->tz->get_info(date::sys_seconds{Seconds{int64_t{4102444800}}});  // 2100
    if (last.end == date::sys_seconds::max() || last.end.time_since_epoch().count() > 4102444800) {
      std::string rule = FooterRule(name);
      if (!rule.empty() && rule.find(',') != std::string::npos) {
        z->after.emplace(rule);
        z->after_from = last.begin.time_since_epoch().count();
      }
    }
  } catch (const std::exception&) {
    if (!z->tz) return nullptr;
    z->after.reset();
  }
  slot = std::move(z);
  return slot.get();
}

int32_t OffsetAt(const Zone& z, int64_t utc) {
  date::sys_seconds t{Seconds{utc}};
  if (z.after && utc >= z.after_from) {
    return static_cast<int32_t>(z.after->get_info(t).offset.count());
  }
  return static_cast<int32_t>(z.tz->get_info(t).offset.count());
}

}  // namespace

bool ZoneKnown(const std::string& name) {
  return FindZone(name) != nullptr;
}

bool ZoneOffsetAtUtc(const std::string& name, int64_t utc, int32_t* offset) {
  const Zone* z = FindZone(name);
  if (!z) return false;
  *offset = OffsetAt(*z, utc);
  return true;
}

bool ZoneOffsetAtLocal(const std::string& name, int64_t local, int32_t* offset, int64_t* shift) {
  const Zone* z = FindZone(name);
  if (!z) return false;
  *shift = 0;
  // The offsets in force a day either side bound the candidates: the local time is valid
  // under an offset when converting back with it gives the same offset.
  int32_t before = OffsetAt(*z, local - 86400);
  int32_t after = OffsetAt(*z, local + 86400);
  bool before_ok = OffsetAt(*z, local - before) == before;
  bool after_ok = OffsetAt(*z, local - after) == after;
  if (before_ok && after_ok) {
    *offset = before;  // an overlap (or no change): the earlier offset
  } else if (before_ok || after_ok) {
    *offset = before_ok ? before : after;
  } else {
    // A gap: the wall clock moves forward by its length, under the offset after it.
    *offset = after;
    *shift = after - before;
  }
  return true;
}

}  // namespace parley::query

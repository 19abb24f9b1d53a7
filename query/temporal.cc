#include "query/temporal.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "query/value_ops.h"
#include "util/strings.h"

namespace parley::query {
namespace {

using Kind = Temporal::Kind;

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;
// The average Gregorian month in seconds: what a fraction of a month is worth in a duration.
constexpr double kSecondsPerMonth = 2629746.0;

bool HasDate(Kind k) {
  return k == Kind::kDate || k == Kind::kLocalDateTime || k == Kind::kDateTime;
}
bool HasTime(Kind k) {
  return k == Kind::kLocalTime || k == Kind::kTime || k == Kind::kLocalDateTime ||
         k == Kind::kDateTime;
}
bool HasZone(Kind k) {
  return k == Kind::kTime || k == Kind::kDateTime;
}

int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
int64_t FloorMod(int64_t a, int64_t b) {
  return a - FloorDiv(a, b) * b;
}

// --- the proleptic Gregorian calendar (H. Hinnant's algorithms) -------------------------------

int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int64_t* m, int64_t* d) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

bool IsLeap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int64_t DaysInMonth(int64_t y, int64_t m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}
// ISO day of week, Monday 1 .. Sunday 7 (1970-01-01 was a Thursday).
int64_t DayOfWeek(int64_t z) {
  return FloorMod(z + 3, 7) + 1;
}
// The Monday of ISO week 1 of week-year `y`: the week holding January 4th.
int64_t WeekOneMonday(int64_t y) {
  int64_t jan4 = DaysFromCivil(y, 1, 4);
  return jan4 - (DayOfWeek(jan4) - 1);
}
void WeekDate(int64_t z, int64_t* week_year, int64_t* week) {
  int64_t y, m, d;
  CivilFromDays(z, &y, &m, &d);
  int64_t start = WeekOneMonday(y + 1);
  if (z >= start) {
    *week_year = y + 1;
  } else {
    start = WeekOneMonday(y);
    *week_year = y;
    if (z < start) {
      start = WeekOneMonday(y - 1);
      *week_year = y - 1;
    }
  }
  *week = (z - start) / 7 + 1;
}
int64_t WeeksInYear(int64_t y) {
  return (WeekOneMonday(y + 1) - WeekOneMonday(y)) / 7;
}

Status Invalid(const char* fn, const std::string& what) {
  return Status::InvalidInput(std::string(fn) + "(): " + what);
}

// --- named time zones: the system's TZif files ------------------------------------------------

// A POSIX TZ rule, as the footer of a version 2+ TZif file gives it (RFC 8536 section 3.3):
// the offsets and yearly switches in force after the last transition the file lists, such as
// "CET-1CEST,M3.5.0,M10.5.0/3". The files list transitions up to 2037 at most.
struct PosixRule {
  // A day of the year a switch happens on: Jn (1-365, February 29th never counted), n (0-365)
  // or Mm.w.d (day d, Sunday 0, of week w, 5 the last, of month m), at local `time` seconds.
  struct Day {
    char kind = 'M';
    int a = 0, b = 0, c = 0;
    int32_t time = 7200;
  };
  int32_t std_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  int32_t dst_offset = 0;
  Day start, end;  // summer time begins and ends
};

bool ParseTzName(std::string_view s, size_t* i) {
  if (*i < s.size() && s[*i] == '<') {
    size_t close = s.find('>', *i);
    if (close == std::string_view::npos) return false;
    *i = close + 1;
    return true;
  }
  size_t start = *i;
  while (*i < s.size() && std::isalpha(static_cast<unsigned char>(s[*i]))) ++*i;
  return *i - start >= 3;
}

// A number of at most three digits at s[*i].
bool ParseTzNumber(std::string_view s, size_t* i, int* out) {
  size_t start = *i;
  *out = 0;
  while (*i < s.size() && *i - start < 3 && s[*i] >= '0' && s[*i] <= '9') {
    *out = *out * 10 + (s[(*i)++] - '0');
  }
  return *i > start;
}

// [+-]hh[:mm[:ss]] in seconds.
bool ParseTzTime(std::string_view s, size_t* i, int32_t* out) {
  int sign = 1;
  if (*i < s.size() && (s[*i] == '+' || s[*i] == '-')) sign = s[(*i)++] == '-' ? -1 : 1;
  int parts[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k) {
    if (k > 0) {
      if (*i >= s.size() || s[*i] != ':') break;
      ++*i;
    }
    if (!ParseTzNumber(s, i, &parts[k])) return false;
  }
  *out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
  return true;
}

bool ParseTzDay(std::string_view s, size_t* i, PosixRule::Day* day) {
  if (*i >= s.size()) return false;
  bool ok;
  if (s[*i] == 'M') {
    ++*i;
    day->kind = 'M';
    ok = ParseTzNumber(s, i, &day->a) && *i < s.size() && s[(*i)++] == '.' &&
         ParseTzNumber(s, i, &day->b) && *i < s.size() && s[(*i)++] == '.' &&
         ParseTzNumber(s, i, &day->c) && day->a >= 1 && day->a <= 12 && day->b >= 1 &&
         day->b <= 5 && day->c <= 6;
  } else if (s[*i] == 'J') {
    ++*i;
    day->kind = 'J';
    ok = ParseTzNumber(s, i, &day->a) && day->a >= 1 && day->a <= 365;
  } else {
    day->kind = 'n';
    ok = ParseTzNumber(s, i, &day->a) && day->a <= 365;
  }
  if (ok && *i < s.size() && s[*i] == '/') {
    ++*i;
    ok = ParseTzTime(s, i, &day->time);
  }
  return ok;
}

std::optional<PosixRule> ParsePosixRule(std::string_view s) {
  PosixRule r;
  size_t i = 0;
  int32_t t = 0;
  if (!ParseTzName(s, &i) || !ParseTzTime(s, &i, &t)) return std::nullopt;
  r.std_offset = -t;  // POSIX counts hours west of Greenwich
  if (i == s.size()) return r;
  if (!ParseTzName(s, &i)) return std::nullopt;
  r.has_dst = true;
  r.dst_offset = r.std_offset + 3600;
  if (i < s.size() && s[i] != ',') {
    if (!ParseTzTime(s, &i, &t)) return std::nullopt;
    r.dst_offset = -t;
  }
  if (i >= s.size() || s[i++] != ',' || !ParseTzDay(s, &i, &r.start)) return std::nullopt;
  if (i >= s.size() || s[i++] != ',' || !ParseTzDay(s, &i, &r.end)) return std::nullopt;
  if (i != s.size()) return std::nullopt;
  return r;
}

// The day (since 1970-01-01) `day` falls on in year `y`.
int64_t RuleDay(const PosixRule::Day& day, int64_t y) {
  int64_t jan1 = DaysFromCivil(y, 1, 1);
  if (day.kind == 'J') return jan1 + day.a - 1 + (IsLeap(y) && day.a >= 60 ? 1 : 0);
  if (day.kind == 'n') return jan1 + day.a;
  int64_t first = DaysFromCivil(y, day.a, 1);
  int64_t sunday_based = FloorMod(first + 4, 7);  // 1970-01-01 was a Thursday
  int64_t z = first + FloorMod(day.c - sunday_based, 7) + (day.b - 1) * 7;
  int64_t last = first + DaysInMonth(y, day.a) - 1;
  while (z > last) z -= 7;
  return z;
}

// The offset rule `r` gives at UTC second `utc`.
int32_t PosixOffsetAt(const PosixRule& r, int64_t utc) {
  if (!r.has_dst) return r.std_offset;
  int64_t y, m, d;
  CivilFromDays(FloorDiv(utc + r.std_offset, kSecondsPerDay), &y, &m, &d);
  // Summer time begins at a wall-clock time of standard time and ends at one of summer time.
  int64_t begins = RuleDay(r.start, y) * kSecondsPerDay + r.start.time - r.std_offset;
  int64_t ends = RuleDay(r.end, y) * kSecondsPerDay + r.end.time - r.dst_offset;
  bool summer = begins < ends ? utc >= begins && utc < ends : utc < ends || utc >= begins;
  return summer ? r.dst_offset : r.std_offset;
}

struct ZoneRules {
  std::vector<int64_t> transitions;  // UTC seconds
  std::vector<int32_t> offsets;      // offset in force from each transition on
  int32_t initial = 0;               // before the first transition
  std::optional<PosixRule> after;    // after the last transition, if the file gives a rule
};

int64_t ReadBE(const unsigned char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
  if (n == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
  return static_cast<int64_t>(v);
}

// The rules of zone `name` from /usr/share/zoneinfo, cached per process; null if unknown.
const ZoneRules* LoadZone(const std::string& name) {
  static std::map<std::string, std::optional<ZoneRules>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second ? &*it->second : nullptr;
  std::optional<ZoneRules>& slot = cache[name];
  if (name.empty() || name.find("..") != std::string::npos || name[0] == '/') return nullptr;
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  if (!in) return nullptr;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parse = [&](size_t at, int time_size, size_t* end) -> std::optional<ZoneRules> {
    if (data.size() < at + 44 || data.compare(at, 4, "TZif") != 0) return std::nullopt;
    const auto* h = reinterpret_cast<const unsigned char*>(data.data() + at);
    int64_t isut = ReadBE(h + 20, 4), isstd = ReadBE(h + 24, 4), leap = ReadBE(h + 28, 4);
    int64_t timecnt = ReadBE(h + 32, 4), typecnt = ReadBE(h + 36, 4), charcnt = ReadBE(h + 40, 4);
    size_t size = timecnt * time_size + timecnt + typecnt * 6 + charcnt + leap * (time_size + 4) +
                  isstd + isut;
    if (data.size() < at + 44 + size || typecnt == 0) return std::nullopt;
    *end = at + 44 + size;
    const auto* p = h + 44;
    const auto* idx = p + timecnt * time_size;
    const auto* types = idx + timecnt;
    ZoneRules r;
    r.initial = static_cast<int32_t>(ReadBE(types, 4));
    for (int64_t i = 0; i < timecnt; ++i) {
      unsigned t = idx[i];
      if (t >= typecnt) return std::nullopt;
      r.transitions.push_back(ReadBE(p + i * time_size, time_size));
      r.offsets.push_back(static_cast<int32_t>(ReadBE(types + t * 6, 4)));
    }
    return r;
  };
  size_t end = 0;
  std::optional<ZoneRules> v1 = parse(0, 4, &end);
  if (!v1) return nullptr;
  // Version 2+ files repeat the data with 64-bit times, then give the rule for the times past
  // the last transition between two line breaks.
  bool version2 = data.size() > 4 && data[4] >= '2';
  std::optional<ZoneRules> v2 = version2 ? parse(end, 8, &end) : v1;
  if (version2 && v2 && end < data.size() && data[end] == '\n') {
    size_t close = data.find('\n', end + 1);
    if (close != std::string::npos)
      v2->after = ParsePosixRule(data.substr(end + 1, close - end - 1));
  }
  slot = v2 ? v2 : v1;
  return &*slot;
}

int32_t OffsetAtUtc(const ZoneRules& z, int64_t utc) {
  if (z.after && (z.transitions.empty() || utc >= z.transitions.back())) {
    return PosixOffsetAt(*z.after, utc);
  }
  int32_t off = z.initial;
  // Transitions are sorted; the last one at or before `utc` is in force.
  auto it = std::upper_bound(z.transitions.begin(), z.transitions.end(), utc);
  if (it != z.transitions.begin()) off = z.offsets[it - z.transitions.begin() - 1];
  return off;
}

// The offset of zone `z` at local wall-clock second `local` (the earlier one in an overlap,
// shifted forward across a gap as java.time does).
int32_t OffsetAtLocal(const ZoneRules& z, int64_t local) {
  int32_t guess = OffsetAtUtc(z, local);
  int32_t off = OffsetAtUtc(z, local - guess);
  if (off != guess) {
    int32_t again = OffsetAtUtc(z, local - off);
    if (again != off) off = std::max(off, again);
  }
  return off;
}

// --- text -------------------------------------------------------------------------------------

struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  // Exactly n digits.
  bool digits(int n, int64_t* out) {
    if (i + n > s.size()) return false;
    int64_t v = 0;
    for (int k = 0; k < n; ++k) {
      char c = s[i + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i += n;
    *out = v;
    return true;
  }
  size_t run() const {  // how many digits follow
    size_t k = i;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    return k - i;
  }
};

bool ParseYear(Cursor& c, int64_t* y) {
  if (c.peek() == '+' || c.peek() == '-') {
    bool neg = c.s[c.i] == '-';
    ++c.i;
    size_t n = c.run();
    if (n < 4 || n > 9) return false;
    c.digits(static_cast<int>(n), y);
    if (neg) *y = -*y;
    return true;
  }
  return c.digits(4, y);
}

// The date part: 2015-07-21, 20150721, 2015-07, 2015-W30-2, 2015W302, 2015-W30, 2015-202,
// 2015202, 2015. Fills `epoch_day`.
bool ParseDate(Cursor& c, int64_t* epoch_day) {
  int64_t y, m = 1, d = 1;
  if (!ParseYear(c, &y)) return false;
  bool dash = c.eat('-');
  if (c.eat('W')) {
    int64_t w, dow = 1;
    if (!c.digits(2, &w)) return false;
    if (dash ? c.eat('-') : c.run() == 1) {
      if (!c.digits(1, &dow)) return false;
    }
    if (w < 1 || w > WeeksInYear(y) || dow < 1 || dow > 7) return false;
    *epoch_day = WeekOneMonday(y) + (w - 1) * 7 + (dow - 1);
    return true;
  }
  size_t n = c.run();
  if (n == 3 && (dash || c.i + 3 == c.s.size() || c.s[c.i + 3] == 'T')) {
    int64_t od;
    c.digits(3, &od);
    if (od < 1 || od > (IsLeap(y) ? 366 : 365)) return false;
    *epoch_day = DaysFromCivil(y, 1, 1) + od - 1;
    return true;
  }
  if (n >= 2) {
    c.digits(2, &m);
    if (dash ? c.eat('-') : c.run() >= 2) {
      if (!c.digits(2, &d)) return false;
    }
  } else if (dash) {
    return false;
  }
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return false;
  *epoch_day = DaysFromCivil(y, m, d);
  return true;
}

// The time part: 21:40:32.142, 214032.142, 21:40:32, 214032, 21:40, 2140, 21.
bool ParseTime(Cursor& c, int64_t* nano_of_day) {
  int64_t h, mi = 0, s = 0, frac = 0;
  if (!c.digits(2, &h)) return false;
  bool colon = c.eat(':');
  if (colon || c.run() >= 2) {
    if (!c.digits(2, &mi)) return false;
    if (colon ? c.eat(':') : c.run() >= 2) {
      if (!c.digits(2, &s)) return false;
      if (c.eat('.') || c.eat(',')) {
        size_t n = c.run();
        if (n == 0 || n > 9) return false;
        c.digits(static_cast<int>(n), &frac);
        for (size_t k = n; k < 9; ++k) frac *= 10;
      }
    }
  }
  if (h > 23 || mi > 59 || s > 59) return false;
  *nano_of_day = ((h * 60 + mi) * 60 + s) * kNanosPerSecond + frac;
  return true;
}

// An offset: Z, +01:00, +0100, +01 (and seconds, +01:00:30).
bool ParseOffset(Cursor& c, int32_t* offset) {
  if (c.eat('Z') || c.eat('z')) {
    *offset = 0;
    return true;
  }
  char sign = c.peek();
  if (sign != '+' && sign != '-') return false;
  ++c.i;
  int64_t h, m = 0, s = 0;
  if (!c.digits(2, &h)) return false;
  bool colon = c.eat(':');
  if (colon || c.run() >= 2) {
    if (!c.digits(2, &m)) return false;
    if (colon ? c.eat(':') : c.run() >= 2) {
      if (!c.digits(2, &s)) return false;
    }
  }
  if (h > 18 || m > 59 || s > 59) return false;
  int64_t total = h * 3600 + m * 60 + s;
  *offset = static_cast<int32_t>(sign == '-' ? -total : total);
  return true;
}

// Fixes the offset of a zoned value from its named zone at its local date and time.
Status ResolveZone(const char* fn, Temporal* t) {
  if (t->zone.empty()) return Status::OK();
  const ZoneRules* z = LoadZone(t->zone);
  if (!z) return Invalid(fn, "unknown time zone '" + t->zone + "'");
  // A time() with a named zone takes the zone's offset today, as there is no date.
  int64_t day = t->kind == Kind::kTime ? 0 : t->epoch_day;
  t->offset_seconds = OffsetAtLocal(*z, day * kSecondsPerDay + t->nano_of_day / kNanosPerSecond);
  if (t->kind == Kind::kTime) t->zone.clear();
  return Status::OK();
}

// A zone written after a time: an offset, a [Named/Zone], or both.
bool ParseZone(Cursor& c, Temporal* t, bool* has_zone) {
  *has_zone = false;
  if (c.peek() == 'Z' || c.peek() == 'z' || c.peek() == '+' || c.peek() == '-') {
    if (!ParseOffset(c, &t->offset_seconds)) return false;
    *has_zone = true;
  }
  if (c.eat('[')) {
    size_t end = c.s.find(']', c.i);
    if (end == std::string_view::npos) return false;
    t->zone = std::string(c.s.substr(c.i, end - c.i));
    c.i = end + 1;
    *has_zone = true;
  }
  return true;
}

// A duration: P1Y2M3W4DT5H6M7.8S (each part optional, signed, the smallest may be fractional),
// or the alternative form P2012-02-02T14:37:21.545.
bool ParseDurationText(std::string_view s, Temporal* t) {
  Cursor c{s};
  bool neg = c.eat('-');
  if (!c.eat('P') && !c.eat('p')) return false;
  if (c.run() >= 4 && c.i + 4 < s.size() && s[c.i + 4] == '-') {
    int64_t y, mo, d, nano = 0;
    if (!c.digits(4, &y) || !c.eat('-') || !c.digits(2, &mo) || !c.eat('-') || !c.digits(2, &d))
      return false;
    if (c.eat('T') && !ParseTime(c, &nano)) return false;
    if (!c.done()) return false;
    t->months = y * 12 + mo;
    t->days = d;
    t->seconds = nano / kNanosPerSecond;
    t->nanos = nano % kNanosPerSecond;
  } else {
    bool in_time = false, any = false;
    long double months = 0, days = 0, secs = 0;
    while (!c.done()) {
      if (!in_time && (c.peek() == 'T' || c.peek() == 't')) {
        ++c.i;
        in_time = true;
        continue;
      }
      size_t start = c.i;
      if (c.peek() == '-' || c.peek() == '+') ++c.i;
      while (!c.done() &&
             ((c.peek() >= '0' && c.peek() <= '9') || c.peek() == '.' || c.peek() == ','))
        ++c.i;
      if (c.i == start || c.done()) return false;
      std::string num(s.substr(start, c.i - start));
      for (char& ch : num) ch = ch == ',' ? '.' : ch;
      char* endp = nullptr;
      long double v = std::strtold(num.c_str(), &endp);
      if (*endp != '\0') return false;
      char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(c.peek())));
      ++c.i;
      any = true;
      if (!in_time && unit == 'Y') {
        months += v * 12;
      } else if (!in_time && unit == 'M') {
        months += v;
      } else if (!in_time && unit == 'W') {
        days += v * 7;
      } else if (!in_time && unit == 'D') {
        days += v;
      } else if (in_time && unit == 'H') {
        secs += v * 3600;
      } else if (in_time && unit == 'M') {
        secs += v * 60;
      } else if (in_time && unit == 'S') {
        secs += v;
      } else {
        return false;
      }
    }
    if (!any) return false;
    // Fractions cascade down: a part of a month to days and seconds, a part of a day to seconds.
    long double whole_months = std::trunc(months);
    long double rest = (months - whole_months) * kSecondsPerMonth;
    long double whole_days = std::trunc(days);
    rest += (days - whole_days) * kSecondsPerDay;
    long double extra_days = std::trunc(rest / kSecondsPerDay);
    secs += rest - extra_days * kSecondsPerDay;
    t->months = static_cast<int64_t>(whole_months);
    t->days = static_cast<int64_t>(whole_days + extra_days);
    long double whole_secs = std::floor(secs);
    t->seconds = static_cast<int64_t>(whole_secs);
    t->nanos = static_cast<int64_t>(std::llround((secs - whole_secs) * kNanosPerSecond));
    if (t->nanos >= kNanosPerSecond) {
      t->seconds += 1;
      t->nanos -= kNanosPerSecond;
    }
  }
  if (neg) {
    t->months = -t->months;
    t->days = -t->days;
    int64_t total_s = -t->seconds - (t->nanos ? 1 : 0);
    t->nanos = t->nanos ? kNanosPerSecond - t->nanos : 0;
    t->seconds = total_s;
  }
  return true;
}

Status ParseText(const char* fn, Kind kind, std::string_view s, Temporal* t) {
  t->kind = kind;
  Cursor c{s};
  bool ok = true, has_zone = false;
  switch (kind) {
    case Kind::kDate:
      ok = ParseDate(c, &t->epoch_day);
      break;
    case Kind::kLocalTime:
      ok = ParseTime(c, &t->nano_of_day);
      break;
    case Kind::kTime:
      ok = ParseTime(c, &t->nano_of_day) && ParseZone(c, t, &has_zone);
      break;
    case Kind::kLocalDateTime:
    case Kind::kDateTime:
      ok = ParseDate(c, &t->epoch_day);
      if (ok && (c.eat('T') || c.eat('t'))) ok = ParseTime(c, &t->nano_of_day);
      if (ok && kind == Kind::kDateTime) ok = ParseZone(c, t, &has_zone);
      break;
    case Kind::kDuration:
      if (!ParseDurationText(s, t)) return Invalid(fn, "cannot parse '" + std::string(s) + "'");
      return Status::OK();
  }
  if (!ok || !c.done()) return Invalid(fn, "cannot parse '" + std::string(s) + "'");
  return ResolveZone(fn, t);
}

// --- maps -------------------------------------------------------------------------------------

// The components a map gives, checked for type; `number` allows floats (durations).
struct Fields {
  std::map<std::string, Value, std::less<>> v;
  bool has(std::string_view k) const { return v.count(k) != 0; }
  int64_t i(std::string_view k, int64_t dflt) const {
    auto it = v.find(k);
    return it == v.end() ? dflt : it->second.as_int();
  }
};

Status ReadFields(const char* fn, const ValueMap& m, std::initializer_list<const char*> ints,
                  std::initializer_list<const char*> temporals, bool floats_ok, Fields* out) {
  for (const auto& [key, val] : m) {
    std::string folded = Lower(key);
    const char* canon = nullptr;
    for (const char* k : ints) {
      if (EqualsIgnoringCase(k, folded)) canon = k;
    }
    bool is_temporal_key = false;
    for (const char* k : temporals) {
      if (folded == k) canon = k, is_temporal_key = true;
    }
    if (!canon && folded == "timezone") canon = "timezone";
    if (!canon) return Invalid(fn, "unknown component '" + key + "'");
    if (val.is_null()) continue;
    if (is_temporal_key) {
      if (!val.is_temporal()) return Invalid(fn, "'" + key + "' must be a temporal value");
    } else if (std::string_view(canon) == "timezone") {
      if (!val.is_string()) return Invalid(fn, "'timezone' must be a String");
    } else if (!(val.is_int() || (floats_ok && val.is_float()))) {
      return Invalid(fn, "'" + key + "' must be an Integer");
    }
    out->v[canon] = val;
  }
  return Status::OK();
}

bool InRange(int64_t v, int64_t lo, int64_t hi) {
  return v >= lo && v <= hi;
}

// The date of a map: calendar (year, month, day), week (year, week, dayOfWeek), ordinal
// (year, ordinalDay) or quarter (year, quarter, dayOfQuarter) form, each over an optional
// base date whose own components fill what the map leaves out.
Status DateFromFields(const char* fn, const Fields& f, const Temporal* base, int64_t* epoch_day) {
  bool has_base = base && HasDate(base->kind);
  if (!has_base && !f.has("year")) return Invalid(fn, "a date needs a year");
  int64_t by = 0, bm = 1, bd = 1, bwy = 0, bw = 1, bdow = 1;
  if (has_base) {
    CivilFromDays(base->epoch_day, &by, &bm, &bd);
    WeekDate(base->epoch_day, &bwy, &bw);
    bdow = DayOfWeek(base->epoch_day);
  }
  if (f.has("week") || (f.has("dayOfWeek") && !f.has("month") && !f.has("day"))) {
    int64_t y = f.i("year", has_base ? bwy : 0);
    int64_t w = f.i("week", has_base ? bw : 1);
    int64_t dow = f.i("dayOfWeek", has_base ? bdow : 1);
    if (!InRange(w, 1, WeeksInYear(y)) || !InRange(dow, 1, 7))
      return Invalid(fn, "invalid week date");
    *epoch_day = WeekOneMonday(y) + (w - 1) * 7 + (dow - 1);
    return Status::OK();
  }
  int64_t y = f.i("year", by);
  if (f.has("ordinalDay")) {
    int64_t od = f.i("ordinalDay", 1);
    if (!InRange(od, 1, IsLeap(y) ? 366 : 365)) return Invalid(fn, "invalid ordinal day");
    *epoch_day = DaysFromCivil(y, 1, 1) + od - 1;
    return Status::OK();
  }
  if (f.has("quarter") || f.has("dayOfQuarter")) {
    int64_t bq = (bm - 1) / 3 + 1;
    int64_t bdq = has_base ? base->epoch_day - DaysFromCivil(by, (bq - 1) * 3 + 1, 1) + 1 : 1;
    int64_t q = f.i("quarter", has_base ? bq : 1);
    int64_t dq = f.i("dayOfQuarter", has_base ? bdq : 1);
    if (!InRange(q, 1, 4)) return Invalid(fn, "invalid quarter");
    int64_t start = DaysFromCivil(y, (q - 1) * 3 + 1, 1);
    int64_t len = DaysFromCivil(q == 4 ? y + 1 : y, q == 4 ? 1 : q * 3 + 1, 1) - start;
    if (!InRange(dq, 1, len)) return Invalid(fn, "invalid day of quarter");
    *epoch_day = start + dq - 1;
    return Status::OK();
  }
  int64_t m = f.i("month", has_base ? bm : 1);
  int64_t d = f.i("day", has_base ? bd : 1);
  if (!has_base && f.has("day") && !f.has("month")) return Invalid(fn, "a day needs a month");
  if (!InRange(m, 1, 12) || !InRange(d, 1, DaysInMonth(y, m))) return Invalid(fn, "invalid date");
  *epoch_day = DaysFromCivil(y, m, d);
  return Status::OK();
}

// The time of a map (hour, minute, second, millisecond, microsecond, nanosecond) over an
// optional base time.
Status TimeFromFields(const char* fn, const Fields& f, const Temporal* base, int64_t* nano_of_day) {
  bool has_base = base && HasTime(base->kind);
  int64_t b = has_base ? base->nano_of_day : 0;
  int64_t bh = b / (3600 * kNanosPerSecond), bmi = b / (60 * kNanosPerSecond) % 60;
  int64_t bs = b / kNanosPerSecond % 60, bn = b % kNanosPerSecond;
  if (!has_base) {
    // Each unit needs the one above it: {hour: 1, second: 2} has no minute to hang on.
    if ((f.has("minute") && !f.has("hour")) || (f.has("second") && !f.has("minute"))) {
      return Invalid(fn, "a smaller time unit needs the larger ones");
    }
    bool sub = f.has("millisecond") || f.has("microsecond") || f.has("nanosecond");
    if (sub && !f.has("second")) return Invalid(fn, "a fraction of a second needs a second");
  }
  int64_t h = f.i("hour", bh), mi = f.i("minute", bmi), s = f.i("second", bs);
  int64_t nano = bn;
  if (f.has("millisecond") || f.has("microsecond") || f.has("nanosecond")) {
    int64_t ms = f.i("millisecond", has_base && !f.has("millisecond") ? bn / 1000000 : 0);
    int64_t us = f.i("microsecond", has_base && !f.has("microsecond") ? bn / 1000 % 1000 : 0);
    int64_t ns = f.i("nanosecond", has_base && !f.has("nanosecond") ? bn % 1000 : 0);
    if (!InRange(ms, 0, 999)) return Invalid(fn, "invalid millisecond");
    if (!InRange(us, 0, f.has("millisecond") ? 999 : 999999))
      return Invalid(fn, "invalid microsecond");
    int64_t ns_max = f.has("microsecond") ? 999 : f.has("millisecond") ? 999999 : 999999999;
    if (!InRange(ns, 0, ns_max)) return Invalid(fn, "invalid nanosecond");
    nano = ms * 1000000 + us * 1000 + ns;
  }
  if (!InRange(h, 0, 23) || !InRange(mi, 0, 59) || !InRange(s, 0, 59)) {
    return Invalid(fn, "invalid time");
  }
  *nano_of_day = ((h * 60 + mi) * 60 + s) * kNanosPerSecond + nano;
  return Status::OK();
}

// Sets the zone of `t` from a 'timezone' string: an offset or a named zone.
Status ApplyTimezone(const char* fn, const std::string& tz, Temporal* t) {
  Cursor c{tz};
  int32_t off = 0;
  if (ParseOffset(c, &off) && c.done()) {
    t->offset_seconds = off;
    t->zone.clear();
    return Status::OK();
  }
  t->zone = tz;
  return ResolveZone(fn, t);
}

// The instant of a zoned value, in UTC seconds and nanoseconds.
void Instant(const Temporal& t, int64_t* secs, int64_t* nanos) {
  *secs = t.epoch_day * kSecondsPerDay + t.nano_of_day / kNanosPerSecond - t.offset_seconds;
  *nanos = t.nano_of_day % kNanosPerSecond;
}

// Moves a zoned value to offset `off` keeping its instant (date-times) or its UTC time (times).
void ShiftTo(Temporal* t, int32_t off) {
  int64_t delta = static_cast<int64_t>(off - t->offset_seconds) * kNanosPerSecond;
  int64_t total = t->nano_of_day + delta;
  if (t->kind == Kind::kDateTime) t->epoch_day += FloorDiv(total, kNanosPerDay);
  t->nano_of_day = FloorMod(total, kNanosPerDay);
  t->offset_seconds = off;
}

Status DurationFromMap(const char* fn, const ValueMap& m, Temporal* t) {
  Fields f;
  PARLEY_RETURN_IF_ERROR(
      ReadFields(fn, m,
                 {"years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds",
                  "milliseconds", "microseconds", "nanoseconds"},
                 {}, true, &f));
  if (f.v.count("timezone")) return Invalid(fn, "unknown component 'timezone'");
  auto num = [&](const char* k) -> long double {
    auto it = f.v.find(k);
    if (it == f.v.end()) return 0;
    return it->second.is_int() ? static_cast<long double>(it->second.as_int())
                               : static_cast<long double>(it->second.as_float());
  };
  // Whole parts stay exact; only fractions go through floating point, cascading downwards.
  long double months = num("years") * 12 + num("quarters") * 3 + num("months");
  long double days = num("weeks") * 7 + num("days");
  long double whole_months = std::trunc(months);
  long double rest = (months - whole_months) * kSecondsPerMonth;
  long double whole_days = std::trunc(days);
  rest += (days - whole_days) * kSecondsPerDay;
  long double extra_days = std::trunc(rest / kSecondsPerDay);
  rest -= extra_days * kSecondsPerDay;
  long double secs = num("hours") * 3600 + num("minutes") * 60 + num("seconds") + rest;
  long double nanos = num("milliseconds") * 1e6L + num("microseconds") * 1e3L + num("nanoseconds");
  long double whole_secs = std::trunc(secs);
  nanos += (secs - whole_secs) * kNanosPerSecond;
  long double whole_nanos = std::llround(nanos);
  t->kind = Kind::kDuration;
  t->months = static_cast<int64_t>(whole_months);
  t->days = static_cast<int64_t>(whole_days + extra_days);
  int64_t n = static_cast<int64_t>(whole_nanos);
  t->seconds = static_cast<int64_t>(whole_secs) + FloorDiv(n, kNanosPerSecond);
  t->nanos = FloorMod(n, kNanosPerSecond);
  return Status::OK();
}

Status FromMap(const char* fn, Kind kind, const ValueMap& m, Temporal* t) {
  if (kind == Kind::kDuration) return DurationFromMap(fn, m, t);
  Fields f;
  std::initializer_list<const char*> date_keys = {
      "year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter"};
  std::initializer_list<const char*> time_keys = {"hour",        "minute",      "second",
                                                  "millisecond", "microsecond", "nanosecond"};
  std::vector<const char*> keys;
  if (HasDate(kind)) keys.insert(keys.end(), date_keys);
  if (HasTime(kind)) keys.insert(keys.end(), time_keys);
  if (kind == Kind::kDateTime) {
    keys.push_back("epochSeconds");
    keys.push_back("epochMillis");
  }
  for (const auto& [key, val] : m) {
    std::string folded = Lower(key);
    const char* canon = nullptr;
    for (const char* k : keys) {
      if (EqualsIgnoringCase(k, folded)) canon = k;
    }
    bool temporal_key = folded == "date" || folded == "time" || folded == "datetime";
    if (temporal_key) canon = folded == "date" ? "date" : folded == "time" ? "time" : "datetime";
    if (folded == "timezone" && HasZone(kind)) canon = "timezone";
    if (!canon) return Invalid(fn, "unknown component '" + key + "'");
    if (val.is_null()) continue;
    if (temporal_key ? !val.is_temporal() || val.as_temporal().kind == Kind::kDuration
        : std::string_view(canon) == "timezone" ? !val.is_string()
                                                : !val.is_int()) {
      return Invalid(fn, "component '" + key + "' has the wrong type");
    }
    f.v[canon] = val;
  }
  t->kind = kind;
  const Temporal* date_base = nullptr;
  const Temporal* time_base = nullptr;
  const Temporal* zone_base = nullptr;
  for (const char* k : {"datetime", "date", "time"}) {
    auto it = f.v.find(k);
    if (it == f.v.end()) continue;
    const Temporal& b = it->second.as_temporal();
    if (std::string_view(k) != "time" && HasDate(b.kind) && !date_base) date_base = &b;
    if (std::string_view(k) != "date" && HasTime(b.kind) && !time_base) time_base = &b;
    if (std::string_view(k) != "date" && HasZone(b.kind) && !zone_base) zone_base = &b;
  }
  if (kind == Kind::kDateTime && (f.has("epochSeconds") || f.has("epochMillis"))) {
    int64_t secs =
        f.has("epochSeconds") ? f.i("epochSeconds", 0) : FloorDiv(f.i("epochMillis", 0), 1000);
    int64_t nano = f.has("epochSeconds") ? f.i("nanosecond", 0)
                                         : FloorMod(f.i("epochMillis", 0), 1000) * 1000000;
    t->epoch_day = FloorDiv(secs, kSecondsPerDay);
    t->nano_of_day = FloorMod(secs, kSecondsPerDay) * kNanosPerSecond + nano;
    t->offset_seconds = 0;
    if (f.has("timezone")) {
      Temporal zoned = *t;
      PARLEY_RETURN_IF_ERROR(ApplyTimezone(fn, f.v["timezone"].as_string(), &zoned));
      // The instant stays: move the wall clock to the zone's offset at that instant.
      int32_t off = zoned.offset_seconds;
      if (!zoned.zone.empty()) {
        const ZoneRules* z = LoadZone(zoned.zone);
        off = OffsetAtUtc(*z, secs);
      }
      ShiftTo(t, off);
      t->zone = zoned.zone;
    }
    return Status::OK();
  }
  if (HasDate(kind)) PARLEY_RETURN_IF_ERROR(DateFromFields(fn, f, date_base, &t->epoch_day));
  if (HasTime(kind)) {
    // A zoned base moved to the asked zone first, so that its instant is kept.
    Temporal moved;
    const Temporal* tb = time_base;
    if (tb && HasZone(kind) && HasZone(tb->kind) && f.has("timezone")) {
      moved = *tb;
      Temporal target = *tb;
      PARLEY_RETURN_IF_ERROR(ApplyTimezone(fn, f.v["timezone"].as_string(), &target));
      ShiftTo(&moved, target.offset_seconds);
      tb = &moved;
    }
    PARLEY_RETURN_IF_ERROR(TimeFromFields(fn, f, tb, &t->nano_of_day));
  }
  if (HasZone(kind)) {
    if (f.has("timezone")) {
      PARLEY_RETURN_IF_ERROR(ApplyTimezone(fn, f.v["timezone"].as_string(), t));
    } else if (zone_base) {
      t->offset_seconds = zone_base->offset_seconds;
      t->zone = kind == Kind::kDateTime ? zone_base->zone : "";
      PARLEY_RETURN_IF_ERROR(ResolveZone(fn, t));
    }
  }
  return Status::OK();
}

// --- printing ---------------------------------------------------------------------------------

void AppendDate(int64_t epoch_day, std::string* out) {
  int64_t y, m, d;
  CivilFromDays(epoch_day, &y, &m, &d);
  char buf[48];
  if (y > 9999) {
    std::snprintf(buf, sizeof buf, "+%lld", static_cast<long long>(y));
  } else if (y < 0) {
    std::snprintf(buf, sizeof buf, "-%04lld", static_cast<long long>(-y));
  } else {
    std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(y));
  }
  *out += buf;
  std::snprintf(buf, sizeof buf, "-%02lld-%02lld", static_cast<long long>(m),
                static_cast<long long>(d));
  *out += buf;
}

// HH:MM, then :SS when there are seconds, then a fraction of 3, 6 or 9 digits (java.time's form).
void AppendTime(int64_t nano_of_day, std::string* out) {
  int64_t secs = nano_of_day / kNanosPerSecond, nano = nano_of_day % kNanosPerSecond;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60));
  *out += buf;
  if (secs % 60 == 0 && nano == 0) return;
  std::snprintf(buf, sizeof buf, ":%02lld", static_cast<long long>(secs % 60));
  *out += buf;
  if (nano == 0) return;
  if (nano % 1000000 == 0) {
    std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(nano / 1000000));
  } else if (nano % 1000 == 0) {
    std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(nano / 1000));
  } else {
    std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(nano));
  }
  *out += buf;
}

std::string OffsetText(int32_t off) {
  if (off == 0) return "Z";
  int32_t a = off < 0 ? -off : off;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  std::string s = buf;
  if (a % 60) {
    std::snprintf(buf, sizeof buf, ":%02d", a % 60);
    s += buf;
  }
  return s;
}

std::string DurationText(const Temporal& t) {
  std::string s = "P";
  int64_t years = t.months / 12, months = t.months % 12;
  if (years) s += std::to_string(years) + "Y";
  if (months) s += std::to_string(months) + "M";
  if (t.days) s += std::to_string(t.days) + "D";
  // Seconds and nanoseconds as one signed amount, split into hours, minutes and seconds that
  // all carry its sign (PT-1H-30M).
  bool neg = t.seconds < 0;
  int64_t secs = t.seconds, nanos = t.nanos;
  if (neg && nanos) {
    secs += 1;
    nanos = kNanosPerSecond - nanos;
  }
  int64_t a = secs < 0 ? -secs : secs;
  int64_t h = a / 3600, mi = a / 60 % 60, sec = a % 60;
  std::string sign = neg ? "-" : "";
  if (h || mi || sec || nanos) {
    s += "T";
    if (h) s += sign + std::to_string(h) + "H";
    if (mi) s += sign + std::to_string(mi) + "M";
    if (sec || nanos) {
      std::string frac;
      if (nanos) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%09lld", static_cast<long long>(nanos));
        frac = buf;
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
        frac = "." + frac;
      }
      s += sign + std::to_string(sec) + frac + "S";
    }
  }
  if (s == "P") s = "PT0S";
  return s;
}

}  // namespace

Status MakeTemporal(const char* fn, Temporal::Kind kind, const Value& arg, Value* out) {
  auto t = std::make_shared<Temporal>();
  t->kind = kind;
  if (arg.is_string()) {
    PARLEY_RETURN_IF_ERROR(ParseText(fn, kind, arg.as_string(), t.get()));
  } else if (arg.is_map()) {
    PARLEY_RETURN_IF_ERROR(FromMap(fn, kind, arg.as_map(), t.get()));
  } else if (arg.is_temporal() && kind != Kind::kDuration &&
             arg.as_temporal().kind != Kind::kDuration) {
    // date(datetime), localtime(time), ...: the parts the kind has, from another value.
    PARLEY_RETURN_IF_ERROR(FromMap(fn, kind, ValueMap{{"datetime", arg}}, t.get()));
  } else {
    return Status::InvalidInput(std::string(fn) + "() expects a String or a Map, got " +
                                TypeName(arg));
  }
  *out = Value(std::shared_ptr<const Temporal>(std::move(t)));
  return Status::OK();
}

Status CurrentTemporal(Temporal::Kind kind, Value* out) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  int64_t ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  auto t = std::make_shared<Temporal>();
  t->kind = kind;
  if (HasDate(kind)) t->epoch_day = FloorDiv(ns, kNanosPerDay);
  if (HasTime(kind)) t->nano_of_day = FloorMod(ns, kNanosPerDay);
  *out = Value(std::shared_ptr<const Temporal>(std::move(t)));
  return Status::OK();
}

std::string TemporalText(const Temporal& t) {
  std::string s;
  switch (t.kind) {
    case Kind::kDate:
      AppendDate(t.epoch_day, &s);
      break;
    case Kind::kLocalTime:
      AppendTime(t.nano_of_day, &s);
      break;
    case Kind::kTime:
      AppendTime(t.nano_of_day, &s);
      s += OffsetText(t.offset_seconds);
      break;
    case Kind::kLocalDateTime:
      AppendDate(t.epoch_day, &s);
      s += 'T';
      AppendTime(t.nano_of_day, &s);
      break;
    case Kind::kDateTime:
      AppendDate(t.epoch_day, &s);
      s += 'T';
      AppendTime(t.nano_of_day, &s);
      s += OffsetText(t.offset_seconds);
      if (!t.zone.empty()) s += "[" + t.zone + "]";
      break;
    case Kind::kDuration:
      s = DurationText(t);
      break;
  }
  return s;
}

const char* TemporalTypeName(Temporal::Kind kind) {
  switch (kind) {
    case Kind::kDate:
      return "Date";
    case Kind::kLocalTime:
      return "LocalTime";
    case Kind::kTime:
      return "Time";
    case Kind::kLocalDateTime:
      return "LocalDateTime";
    case Kind::kDateTime:
      return "DateTime";
    case Kind::kDuration:
      return "Duration";
  }
  return "Temporal";
}

bool CompareTemporal(const Temporal& a, const Temporal& b, int* order) {
  if (a.kind != b.kind || a.kind == Kind::kDuration) return false;
  auto cmp = [](int64_t x, int64_t y) { return x < y ? -1 : (x > y ? 1 : 0); };
  int c = 0;
  switch (a.kind) {
    case Kind::kDate:
      c = cmp(a.epoch_day, b.epoch_day);
      break;
    case Kind::kLocalTime:
      c = cmp(a.nano_of_day, b.nano_of_day);
      break;
    case Kind::kTime:
      c = cmp(a.nano_of_day - a.offset_seconds * kNanosPerSecond,
              b.nano_of_day - b.offset_seconds * kNanosPerSecond);
      break;
    case Kind::kLocalDateTime:
      c = cmp(a.epoch_day, b.epoch_day);
      if (c == 0) c = cmp(a.nano_of_day, b.nano_of_day);
      break;
    case Kind::kDateTime: {
      int64_t as, an, bs, bn;
      Instant(a, &as, &an);
      Instant(b, &bs, &bn);
      c = cmp(as, bs);
      if (c == 0) c = cmp(an, bn);
      break;
    }
    case Kind::kDuration:
      return false;
  }
  *order = c;
  return true;
}

Value TemporalComponent(const Temporal& t, std::string_view key) {
  auto is = [&](const char* k) { return EqualsIgnoringCase(key, k); };
  if (t.kind == Kind::kDuration) {
    int64_t total_ns_rem = t.nanos;  // 0..999999999 above t.seconds
    if (is("years")) return Value(t.months / 12);
    if (is("quarters")) return Value(t.months / 3);
    if (is("months")) return Value(t.months);
    if (is("weeks")) return Value(t.days / 7);
    if (is("days")) return Value(t.days);
    if (is("hours")) return Value(FloorDiv(t.seconds, 3600));
    if (is("minutes")) return Value(FloorDiv(t.seconds, 60));
    if (is("seconds")) return Value(t.seconds);
    if (is("milliseconds")) return Value(t.seconds * 1000 + total_ns_rem / 1000000);
    if (is("microseconds")) return Value(t.seconds * 1000000 + total_ns_rem / 1000);
    if (is("nanoseconds")) return Value(t.seconds * kNanosPerSecond + total_ns_rem);
    if (is("quartersOfYear")) return Value(t.months / 3 % 4);
    if (is("monthsOfQuarter")) return Value(t.months % 3);
    if (is("monthsOfYear")) return Value(t.months % 12);
    if (is("daysOfWeek")) return Value(t.days % 7);
    if (is("minutesOfHour")) return Value(FloorMod(FloorDiv(t.seconds, 60), 60));
    if (is("secondsOfMinute")) return Value(FloorMod(t.seconds, 60));
    if (is("millisecondsOfSecond")) return Value(total_ns_rem / 1000000);
    if (is("microsecondsOfSecond")) return Value(total_ns_rem / 1000);
    if (is("nanosecondsOfSecond")) return Value(total_ns_rem);
    return Value();
  }
  if (HasDate(t.kind)) {
    int64_t y, m, d, wy, w;
    CivilFromDays(t.epoch_day, &y, &m, &d);
    if (is("year")) return Value(y);
    if (is("quarter")) return Value((m - 1) / 3 + 1);
    if (is("month")) return Value(m);
    if (is("day")) return Value(d);
    if (is("week") || is("weekYear")) {
      WeekDate(t.epoch_day, &wy, &w);
      return Value(is("week") ? w : wy);
    }
    if (is("ordinalDay")) return Value(t.epoch_day - DaysFromCivil(y, 1, 1) + 1);
    if (is("dayOfWeek") || is("weekDay")) return Value(DayOfWeek(t.epoch_day));
    if (is("dayOfQuarter")) {
      return Value(t.epoch_day - DaysFromCivil(y, ((m - 1) / 3) * 3 + 1, 1) + 1);
    }
  }
  if (HasTime(t.kind)) {
    int64_t secs = t.nano_of_day / kNanosPerSecond, nano = t.nano_of_day % kNanosPerSecond;
    if (is("hour")) return Value(secs / 3600);
    if (is("minute")) return Value(secs / 60 % 60);
    if (is("second")) return Value(secs % 60);
    if (is("millisecond")) return Value(nano / 1000000);
    if (is("microsecond")) return Value(nano / 1000);
    if (is("nanosecond")) return Value(nano);
  }
  if (HasZone(t.kind)) {
    if (is("timezone")) return Value(t.zone.empty() ? OffsetText(t.offset_seconds) : t.zone);
    if (is("offset")) {
      std::string o = OffsetText(t.offset_seconds);
      return Value(o == "Z" ? std::string("+00:00") : o);
    }
    if (is("offsetMinutes")) return Value(int64_t{t.offset_seconds / 60});
    if (is("offsetSeconds")) return Value(int64_t{t.offset_seconds});
  }
  if (t.kind == Kind::kDateTime) {
    int64_t s, n;
    Instant(t, &s, &n);
    if (is("epochSeconds")) return Value(s);
    if (is("epochMillis")) return Value(s * 1000 + n / 1000000);
  }
  return Value();
}

size_t TemporalHash(const Temporal& t) {
  std::hash<int64_t> h;
  size_t seed = static_cast<size_t>(t.kind);
  for (int64_t v : {t.epoch_day, t.nano_of_day, int64_t{t.offset_seconds}, t.months, t.days,
                    t.seconds, t.nanos}) {
    seed ^= h(v) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
  }
  return seed ^ std::hash<std::string>()(t.zone);
}

}  // namespace parley::query

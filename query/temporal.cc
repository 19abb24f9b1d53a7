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

#include "query/time_zone.h"
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

using temporal::CivilFromDays;
using temporal::DaysFromCivil;
using temporal::DaysInMonth;
using temporal::FloorDiv;
using temporal::FloorMod;
using temporal::IsLeap;
using temporal::OffsetText;

using temporal::DayOfWeek;
using temporal::WeekDate;
using temporal::WeekOneMonday;
using temporal::WeeksInYear;

Status Invalid(const char* fn, const std::string& what) {
  return Status::InvalidInput(std::string(fn) + "(): " + what);
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

// Fixes the offset of a zoned value from its named zone at its local date and time (a wall
// clock inside a gap moves forward across it, as java.time does).
Status ResolveZone(const char* fn, Temporal* t) {
  if (t->zone.empty()) return Status::OK();
  // A time() with a named zone takes the zone's offset on 1970-01-01, as there is no date.
  int64_t day = t->kind == Kind::kTime ? 0 : t->epoch_day;
  int64_t shift = 0;
  int32_t off = 0;
  if (!ZoneOffsetAtLocal(t->zone, day * kSecondsPerDay + t->nano_of_day / kNanosPerSecond, &off,
                         &shift)) {
    return Invalid(fn, "unknown time zone '" + t->zone + "'");
  }
  t->offset_seconds = off;
  if (shift != 0) {
    int64_t total = t->nano_of_day + shift * kNanosPerSecond;
    if (t->kind != Kind::kTime) t->epoch_day += FloorDiv(total, kNanosPerDay);
    t->nano_of_day = FloorMod(total, kNanosPerDay);
  }
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
      if (!zoned.zone.empty()) ZoneOffsetAtUtc(zoned.zone, secs, &off);
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
      // A date-time's wall clock set on another date keeps its named zone, at that zone's
      // offset on the new date (summer time may differ from the base's own date).
      if (HasDate(kind) && tb->kind == Kind::kDateTime && !tb->zone.empty()) {
        moved.epoch_day = t->epoch_day;
        PARLEY_RETURN_IF_ERROR(ResolveZone(fn, &moved));
      }
      Temporal target = moved;
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
  return CurrentTemporalIn(kind, "", out);
}

std::string TemporalText(const Temporal& t) {
  return temporal::IsoText(t);
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

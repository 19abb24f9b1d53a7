// Arithmetic on temporal values, durations between two of them, truncation, and the clocks
// (query/temporal.h declares them). The rules are java.time's, as openCypher defines them.
#include <chrono>
#include <cmath>
#include <memory>

#include "query/temporal.h"
#include "query/time_zone.h"
#include "query/value_ops.h"
#include "storage/temporal_value.h"
#include "util/strings.h"

namespace parley::query {
namespace {

using Kind = Temporal::Kind;
using temporal::CivilFromDays;
using temporal::DayOfWeek;
using temporal::DaysFromCivil;
using temporal::DaysInMonth;
using temporal::FloorDiv;
using temporal::FloorMod;
using temporal::WeekDate;
using temporal::WeekOneMonday;

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;
// java.time's average month (365.2425 / 12 days), what a fraction of a month is worth.
constexpr long double kNanosPerMonth = 2629746.0L * kNanosPerSecond;

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

Value Wrap(Temporal t) {
  return Value(std::shared_ptr<const Temporal>(std::make_shared<Temporal>(std::move(t))));
}

// A duration of `total_nanos` seconds and nanoseconds (nanos kept in 0..999999999).
void SetDurationNanos(__int128 total_nanos, Temporal* d) {
  __int128 secs = total_nanos / kNanosPerSecond, rem = total_nanos % kNanosPerSecond;
  if (rem < 0) {
    rem += kNanosPerSecond;
    secs -= 1;
  }
  d->seconds = static_cast<int64_t>(secs);
  d->nanos = static_cast<int64_t>(rem);
}

__int128 DurationNanos(const Temporal& d) {
  return static_cast<__int128>(d.seconds) * kNanosPerSecond + d.nanos;
}

// Day `epoch_day` moved by `months`, its day of month clamped to the new month's length.
int64_t PlusMonths(int64_t epoch_day, int64_t months) {
  int64_t y, m, d;
  CivilFromDays(epoch_day, &y, &m, &d);
  int64_t total = y * 12 + (m - 1) + months;
  y = FloorDiv(total, 12);
  m = FloorMod(total, 12) + 1;
  return DaysFromCivil(y, m, std::min(d, DaysInMonth(y, m)));
}

// The UTC second of a zoned date-time.
int64_t InstantSeconds(const Temporal& t) {
  return t.epoch_day * kSecondsPerDay + t.nano_of_day / kNanosPerSecond - t.offset_seconds;
}

// Sets the local date and time of `t` from a UTC instant under offset `off`.
void SetFromInstant(__int128 utc_nanos, int32_t off, Temporal* t) {
  __int128 local = utc_nanos + static_cast<__int128>(off) * kNanosPerSecond;
  __int128 day = local / kNanosPerDay, rem = local % kNanosPerDay;
  if (rem < 0) {
    rem += kNanosPerDay;
    day -= 1;
  }
  t->epoch_day = static_cast<int64_t>(day);
  t->nano_of_day = static_cast<int64_t>(rem);
  t->offset_seconds = off;
}

__int128 InstantNanos(const Temporal& t) {
  return static_cast<__int128>(InstantSeconds(t)) * kNanosPerSecond +
         t.nano_of_day % kNanosPerSecond;
}

// Fixes the offset of a date-time in a named zone after its wall clock changed.
void Rezone(Temporal* t) {
  if (t->kind != Kind::kDateTime || t->zone.empty()) return;
  int32_t off = t->offset_seconds;
  int64_t shift = 0;
  if (!ZoneOffsetAtLocal(t->zone, t->epoch_day * kSecondsPerDay + t->nano_of_day / kNanosPerSecond,
                         &off, &shift)) {
    return;
  }
  t->offset_seconds = off;
  if (shift != 0) {
    int64_t total = t->nano_of_day + shift * kNanosPerSecond;
    t->epoch_day += FloorDiv(total, kNanosPerDay);
    t->nano_of_day = FloorMod(total, kNanosPerDay);
  }
}

// `t` plus `sign` times duration `d` (java.time's addTo: months, days, then the time).
Status PlusDuration(const Temporal& t, const Temporal& d, int sign, Temporal* out) {
  *out = t;
  int64_t months = sign * d.months, days = sign * d.days;
  if (HasDate(t.kind)) {
    out->epoch_day = PlusMonths(out->epoch_day, months) + days;
  }
  if (t.kind == Kind::kDate) {
    // A date takes the whole days of the seconds part and nothing smaller.
    out->epoch_day += sign * (d.seconds / kSecondsPerDay);
    return Status::OK();
  }
  __int128 nanos = sign * DurationNanos(d);
  if (!HasDate(t.kind)) {
    __int128 total = (static_cast<__int128>(t.nano_of_day) + nanos) % kNanosPerDay;
    if (total < 0) total += kNanosPerDay;
    out->nano_of_day = static_cast<int64_t>(total);
    return Status::OK();
  }
  if (t.kind == Kind::kDateTime && !t.zone.empty()) {
    // The calendar part moves the wall clock; the time part moves the instant.
    Rezone(out);
    __int128 instant = InstantNanos(*out) + nanos;
    int32_t off = out->offset_seconds;
    ZoneOffsetAtUtc(out->zone, static_cast<int64_t>(instant / kNanosPerSecond), &off);
    SetFromInstant(instant, off, out);
    return Status::OK();
  }
  __int128 local = static_cast<__int128>(out->epoch_day) * kNanosPerDay + out->nano_of_day + nanos;
  SetFromInstant(local, 0, out);
  out->offset_seconds = t.offset_seconds;
  return Status::OK();
}

Status AddOrSubtract(const Value& a, const Value& b, int sign, Value* out) {
  const char* verb = sign > 0 ? "add" : "subtract";
  if (!a.is_temporal() || !b.is_temporal()) {
    return Status::InvalidInput(std::string("Type mismatch: cannot ") + verb + " " + TypeName(b) +
                                (sign > 0 ? " to " : " from ") + TypeName(a));
  }
  const Temporal& x = a.as_temporal();
  const Temporal& y = b.as_temporal();
  Temporal r;
  if (x.kind == Kind::kDuration && y.kind == Kind::kDuration) {
    r.kind = Kind::kDuration;
    r.months = x.months + sign * y.months;
    r.days = x.days + sign * y.days;
    SetDurationNanos(DurationNanos(x) + sign * DurationNanos(y), &r);
  } else if (y.kind == Kind::kDuration) {
    PARLEY_RETURN_IF_ERROR(PlusDuration(x, y, sign, &r));
  } else if (x.kind == Kind::kDuration && sign > 0) {
    PARLEY_RETURN_IF_ERROR(PlusDuration(y, x, 1, &r));
  } else {
    return Status::InvalidInput(std::string("Type mismatch: cannot ") + verb + " " + TypeName(b) +
                                (sign > 0 ? " to " : " from ") + TypeName(a));
  }
  *out = Wrap(std::move(r));
  return Status::OK();
}

// --- durations between two values ---------------------------------------------------------------

// A value being compared: which parts it has, and the parts themselves.
struct Point {
  bool has_date = false, has_time = false, has_zone = false;
  int64_t epoch_day = 0, nano_of_day = 0;
  int32_t offset = 0;
  std::string zone;
};

Point ToPoint(const Temporal& t) {
  Point p;
  p.has_date = HasDate(t.kind);
  p.has_time = HasTime(t.kind);
  p.has_zone = HasZone(t.kind);
  p.epoch_day = t.epoch_day;
  p.nano_of_day = t.nano_of_day;
  p.offset = t.offset_seconds;
  p.zone = t.zone;
  return p;
}

// Gives `p` the zone of `other`, keeping its wall clock.
void AttachZone(Point* p, const Point& other) {
  p->has_zone = true;
  p->zone = other.zone;
  p->offset = other.offset;
  if (!p->zone.empty() && p->has_date) {
    int64_t shift = 0;
    ZoneOffsetAtLocal(p->zone, p->epoch_day * kSecondsPerDay + p->nano_of_day / kNanosPerSecond,
                      &p->offset, &shift);
  }
}

// Completes both sides so that they have the same parts (java's until over Neo4j's values): a
// time-based unit gives a date alone the time 00:00; a value without a date takes the other's
// date; a value without a zone takes the other's.
void Align(bool time_based, Point* a, Point* b) {
  if (time_based) {
    a->has_time = b->has_time = true;
  } else if (a->has_time != b->has_time) {
    a->has_time = b->has_time = true;
  }
  if (a->has_date && !b->has_date) {
    b->has_date = true;
    b->epoch_day = a->epoch_day;
  } else if (b->has_date && !a->has_date) {
    a->has_date = true;
    a->epoch_day = b->epoch_day;
  }
  if (a->has_zone && !b->has_zone) {
    AttachZone(b, *a);
  } else if (b->has_zone && !a->has_zone) {
    AttachZone(a, *b);
  }
}

// `to` moved to the zone of `from`, keeping its instant.
void SameInstantIn(const Point& from, Point* to) {
  if (!from.has_zone) return;
  __int128 utc =
      (static_cast<__int128>(to->epoch_day) * kSecondsPerDay - to->offset) * kNanosPerSecond +
      to->nano_of_day;
  int32_t off = from.offset;
  if (!from.zone.empty() && from.has_date) {
    ZoneOffsetAtUtc(from.zone, static_cast<int64_t>(utc / kNanosPerSecond), &off);
  }
  __int128 local = utc + static_cast<__int128>(off) * kNanosPerSecond;
  __int128 day = local / kNanosPerDay, rem = local % kNanosPerDay;
  if (rem < 0) {
    rem += kNanosPerDay;
    day -= 1;
  }
  if (to->has_date) to->epoch_day = static_cast<int64_t>(day);
  to->nano_of_day = static_cast<int64_t>(rem);
  to->offset = off;
}

int64_t MonthsBetweenDays(int64_t a, int64_t b) {
  int64_t y1, m1, d1, y2, m2, d2;
  CivilFromDays(a, &y1, &m1, &d1);
  CivilFromDays(b, &y2, &m2, &d2);
  int64_t p1 = (y1 * 12 + m1 - 1) * 32 + d1, p2 = (y2 * 12 + m2 - 1) * 32 + d2;
  return (p2 - p1) / 32;
}

// java's until in months or days (date-based units) of two aligned points.
int64_t UntilDateBased(const Point& from, Point to, bool months) {
  SameInstantIn(from, &to);
  int64_t end = to.epoch_day;
  if (from.has_time) {
    if (end > from.epoch_day && to.nano_of_day < from.nano_of_day) --end;
    if (end < from.epoch_day && to.nano_of_day > from.nano_of_day) ++end;
  }
  return months ? MonthsBetweenDays(from.epoch_day, end) : end - from.epoch_day;
}

// java's until in nanoseconds of two aligned points.
__int128 UntilNanos(const Point& from, Point to) {
  if (from.has_zone && from.has_date) {
    // Zoned date-times: the time between the instants, whatever the clocks did meanwhile.
    auto instant = [](const Point& p) {
      return (static_cast<__int128>(p.epoch_day) * kSecondsPerDay - p.offset) * kNanosPerSecond +
             p.nano_of_day;
    };
    return instant(to) - instant(from);
  }
  SameInstantIn(from, &to);
  __int128 days = from.has_date ? to.epoch_day - from.epoch_day : 0;
  return days * kNanosPerDay + (to.nano_of_day - from.nano_of_day);
}

// --- truncation ---------------------------------------------------------------------------------

// How fine a unit is: the date units, then day, then the time units.
int UnitRank(std::string_view unit) {
  static const char* kUnits[] = {"millennium", "century", "decade",      "year",       "weekYear",
                                 "quarter",    "month",   "week",        "day",        "hour",
                                 "minute",     "second",  "millisecond", "microsecond"};
  for (int i = 0; i < 14; ++i) {
    if (EqualsIgnoringCase(unit, kUnits[i])) return i;
  }
  return -1;
}

// The first day of the `unit` holding `epoch_day` (units up to week).
int64_t TruncateDay(int64_t epoch_day, int rank) {
  int64_t y, m, d;
  CivilFromDays(epoch_day, &y, &m, &d);
  switch (rank) {
    case 0:
      return DaysFromCivil(FloorDiv(y, 1000) * 1000, 1, 1);
    case 1:
      return DaysFromCivil(FloorDiv(y, 100) * 100, 1, 1);
    case 2:
      return DaysFromCivil(FloorDiv(y, 10) * 10, 1, 1);
    case 3:
      return DaysFromCivil(y, 1, 1);
    case 4: {
      int64_t wy, w;
      WeekDate(epoch_day, &wy, &w);
      return WeekOneMonday(wy);
    }
    case 5:
      return DaysFromCivil(y, (m - 1) / 3 * 3 + 1, 1);
    case 6:
      return DaysFromCivil(y, m, 1);
    case 7:
      return epoch_day - (DayOfWeek(epoch_day) - 1);
    default:
      return epoch_day;
  }
}

// The time of day cut to `rank` (day: midnight; hour ... microsecond).
int64_t TruncateNanoOfDay(int64_t nano, int rank) {
  static const int64_t kSizes[] = {
      kNanosPerDay, 3600 * kNanosPerSecond, 60 * kNanosPerSecond, kNanosPerSecond, 1000000, 1000};
  int i = rank <= 8 ? 0 : rank - 8;
  return nano - nano % kSizes[i];
}

}  // namespace

Status TemporalAdd(const Value& a, const Value& b, Value* out) {
  return AddOrSubtract(a, b, 1, out);
}

Status TemporalSubtract(const Value& a, const Value& b, Value* out) {
  return AddOrSubtract(a, b, -1, out);
}

Status DurationScale(const Value& duration, const Value& number, bool divide, Value* out) {
  const Temporal& d = duration.as_temporal();
  if (!number.is_number()) {
    return Status::InvalidInput(std::string("Type mismatch: cannot ") +
                                (divide ? "divide a Duration by " : "multiply a Duration by ") +
                                TypeName(number));
  }
  if (divide && number.as_number() == 0) return Status::InvalidInput("/ by zero");
  Temporal r;
  r.kind = Kind::kDuration;
  if (number.is_int() && !divide) {
    int64_t f = number.as_int();
    if (__builtin_mul_overflow(d.months, f, &r.months) ||
        __builtin_mul_overflow(d.days, f, &r.days)) {
      return Status::InvalidInput("integer overflow");
    }
    SetDurationNanos(DurationNanos(d) * f, &r);
    *out = Wrap(std::move(r));
    return Status::OK();
  }
  long double f = number.as_number();
  auto scale = [&](long double v) { return divide ? v / f : v * f; };
  // Whole months stay months; a fraction of a month becomes days at the average month's
  // length, a fraction of a day seconds, and so on down to whole nanoseconds.
  long double months = scale(d.months);
  long double whole_months = std::trunc(months);
  long double days = scale(d.days) + (months - whole_months) * kNanosPerMonth / kNanosPerDay;
  long double whole_days = std::trunc(days);
  long double nanos = scale(static_cast<long double>(DurationNanos(d))) +
                      std::roundl((days - whole_days) * kNanosPerDay);
  if (std::fabs(months) > 9.2e18L || std::fabs(days) > 9.2e18L || std::fabs(nanos) > 1.7e38L) {
    return Status::InvalidInput("integer overflow");
  }
  r.months = static_cast<int64_t>(whole_months);
  r.days = static_cast<int64_t>(whole_days);
  SetDurationNanos(static_cast<__int128>(std::trunc(nanos)), &r);
  *out = Wrap(std::move(r));
  return Status::OK();
}

Status DurationBetween(std::string_view unit, const Value& from, const Value& to, Value* out) {
  for (const Value* v : {&from, &to}) {
    if (!v->is_temporal() || v->as_temporal().kind == Kind::kDuration) {
      return Status::InvalidInput("duration." + std::string(unit) +
                                  "() expects two temporal instants, got " + TypeName(*v));
    }
  }
  Point a = ToPoint(from.as_temporal()), b = ToPoint(to.as_temporal());
  Temporal r;
  r.kind = Kind::kDuration;
  if (unit == "inMonths" || unit == "inDays") {
    Align(false, &a, &b);
    // Two times of day have no months or days between them.
    if (a.has_date) {
      int64_t n = UntilDateBased(a, b, unit == "inMonths");
      (unit == "inMonths" ? r.months : r.days) = n;
    }
  } else if (unit == "inSeconds") {
    Align(true, &a, &b);
    SetDurationNanos(UntilNanos(a, b), &r);
  } else {
    bool dates = a.has_date && b.has_date;
    Point na = a, nb = b;
    if (dates) {
      Point ma = a, mb = b;
      Align(false, &ma, &mb);
      r.months = UntilDateBased(ma, mb, true);
      // Step the start forward by the months, then count the days from there.
      ma.epoch_day = PlusMonths(ma.epoch_day, r.months);
      na.epoch_day = ma.epoch_day;
      r.days = UntilDateBased(ma, mb, false);
      na.epoch_day += r.days;
      // The start stays a date alone if it was one; the nanoseconds start from it.
    }
    Align(true, &na, &nb);
    SetDurationNanos(UntilNanos(na, nb), &r);
  }
  *out = Wrap(std::move(r));
  return Status::OK();
}

Status TruncateTemporal(const char* fn, Temporal::Kind kind, const Value& unit, const Value& value,
                        const Value& map, Value* out) {
  if (!unit.is_string()) return Status::InvalidInput(std::string(fn) + "() expects a unit String");
  int rank = UnitRank(unit.as_string());
  if (rank < 0) {
    return Status::InvalidInput(std::string(fn) + "(): unknown unit '" + unit.as_string() + "'");
  }
  if (!value.is_temporal() || value.as_temporal().kind == Kind::kDuration) {
    return Status::InvalidInput(std::string(fn) + "() expects a temporal instant, got " +
                                TypeName(value));
  }
  if (!map.is_null() && !map.is_map()) {
    return Status::InvalidInput(std::string(fn) + "() expects a Map of components, got " +
                                TypeName(map));
  }
  const Temporal& in = value.as_temporal();
  bool time_unit = rank > 8;
  if ((kind == Kind::kDate && time_unit) || (!HasDate(kind) && rank < 8)) {
    return Status::InvalidInput(std::string(fn) + "(): cannot truncate a " +
                                TemporalTypeName(kind) + " to the " + unit.as_string());
  }
  if (HasDate(kind) && !HasDate(in.kind)) {
    return Status::InvalidInput(std::string(fn) + "(): a " + TemporalTypeName(in.kind) +
                                " has no date to truncate");
  }
  // The value as the target kind first (a date-time from a date gets 00:00 and UTC).
  Value as_kind;
  PARLEY_RETURN_IF_ERROR(MakeTemporal(fn, kind, value, &as_kind));
  Temporal t = as_kind.as_temporal();
  if (HasDate(kind)) t.epoch_day = TruncateDay(t.epoch_day, rank);
  if (HasTime(kind)) t.nano_of_day = TruncateNanoOfDay(t.nano_of_day, rank);
  ValueMap fields = map.is_map() ? map.as_map() : ValueMap{};
  bool new_zone = false;
  for (const auto& [k, v] : fields) new_zone = new_zone || EqualsIgnoringCase(k, "timezone");
  if (fields.empty()) {
    Rezone(&t);
    *out = Wrap(std::move(t));
    return Status::OK();
  }
  // The map's components over the truncated value; a new zone keeps the wall clock.
  Temporal base = t;
  if (new_zone && HasZone(kind)) {
    base.kind = kind == Kind::kTime ? Kind::kLocalTime : Kind::kLocalDateTime;
    base.offset_seconds = 0;
    base.zone.clear();
  }
  const char* key = HasDate(kind) && HasTime(kind) ? "datetime" : HasDate(kind) ? "date" : "time";
  fields[key] = Wrap(std::move(base));
  return MakeTemporal(fn, kind, Value(std::move(fields)), out);
}

Status DateTimeFromEpoch(int64_t seconds, int64_t nanos, Value* out) {
  Temporal t;
  t.kind = Kind::kDateTime;
  __int128 total = static_cast<__int128>(seconds) * kNanosPerSecond + nanos;
  SetFromInstant(total, 0, &t);
  *out = Wrap(std::move(t));
  return Status::OK();
}

namespace {

// The statement's instant in nanoseconds since 1970 (0: none fixed), per thread, as each
// query runs on one thread.
thread_local int64_t statement_nanos = 0;

int64_t SystemNanos() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
}

}  // namespace

StatementClock::StatementClock() : saved_(statement_nanos) {
  statement_nanos = SystemNanos();
}

StatementClock::~StatementClock() {
  statement_nanos = saved_;
}

Status CurrentTemporalIn(Temporal::Kind kind, const std::string& timezone, Value* out,
                         bool realtime) {
  int64_t ns = realtime || statement_nanos == 0 ? SystemNanos() : statement_nanos;
  Value utc;
  PARLEY_RETURN_IF_ERROR(
      DateTimeFromEpoch(FloorDiv(ns, kNanosPerSecond), FloorMod(ns, kNanosPerSecond), &utc));
  if (!timezone.empty()) {
    // The instant moved into the zone, then cut to the kind's parts.
    Value zoned;
    PARLEY_RETURN_IF_ERROR(
        MakeTemporal("datetime", Kind::kDateTime,
                     Value(ValueMap{{"datetime", utc}, {"timezone", Value(timezone)}}), &zoned));
    utc = zoned;
  }
  if (kind == Kind::kDateTime) {
    *out = utc;
    return Status::OK();
  }
  return MakeTemporal("datetime", kind, utc, out);
}

}  // namespace parley::query

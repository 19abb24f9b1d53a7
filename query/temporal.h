// openCypher's temporal values: dates, local and zoned times and date-times, and durations.
//
// They are made from ISO 8601 strings (date('2015-07-21'), time('21:40:32+01:00'),
// duration('P1DT2H')) or from maps of components (date({year: 1984, week: 10, dayOfWeek: 3}),
// localtime({time: t, second: 0})), print in the ISO form the TCK writes, compare within a kind,
// and answer component access (d.year, t.offset, dur.minutes). Time zones are offsets or named
// zones (Europe/Stockholm) of the system's zone database (query/time_zone.h). Arithmetic,
// truncation and durations between two values are in query/temporal_ops.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "query/query_values.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

// Builds a value of `kind` from `arg`: a string in ISO form or a map of components. Invalid
// input (unknown keys, out-of-range fields, unparsable text) is an error naming `fn`.
Status MakeTemporal(const char* fn, Temporal::Kind kind, const Value& arg, Value* out);

// The current date, time or date-time in UTC (date(), datetime(), ... without arguments), by
// the statement's clock (StatementClock): every call in one query gives the same instant.
Status CurrentTemporal(Temporal::Kind kind, Value* out);

// Fixes the instant the current statement reads as "now" while it lives (RunQuery holds one
// for each query), so that date() = date() and duration.inSeconds(time(), time()) is zero;
// without one, each call reads the system clock.
class StatementClock {
 public:
  StatementClock();
  ~StatementClock();
  StatementClock(const StatementClock&) = delete;
  StatementClock& operator=(const StatementClock&) = delete;

 private:
  int64_t saved_;
};

// The ISO text: 2015-07-21, 21:40:32.142+01:00, 2015-07-21T21:40Z[Europe/London], P1Y2DT3H.
std::string TemporalText(const Temporal& t);

// "Date", "LocalTime", "Time", "LocalDateTime", "DateTime" or "Duration".
const char* TemporalTypeName(Temporal::Kind kind);

// Orders two values of one kind (durations have no order): false if they cannot be compared.
bool CompareTemporal(const Temporal& a, const Temporal& b, int* order);

// Component `key` of `t` (year, week, offset, epochSeconds, minutesOfHour, ...); null when
// the kind has no such component.
Value TemporalComponent(const Temporal& t, std::string_view key);

size_t TemporalHash(const Temporal& t);

// --- operations (query/temporal_ops.cc) --------------------------------------------------------

// a + b and a - b where one side is temporal: a date, time or date-time plus or minus a
// duration (months first, clamped to the month's length, then days, then time), or two
// durations part by part. Other pairs are a type error.
Status TemporalAdd(const Value& a, const Value& b, Value* out);
Status TemporalSubtract(const Value& a, const Value& b, Value* out);
// A duration times or divided by a number: whole parts stay exact, fractions of a month or a
// day cascade into days and seconds (a month is 30.436875 days, as java.time averages it).
Status DurationScale(const Value& duration, const Value& number, bool divide, Value* out);

// duration.between / inMonths / inDays / inSeconds: the duration from `from` to `to`, values
// of any two kinds (a missing date, time or zone is taken from the other side). `unit` is
// "between", "inMonths", "inDays" or "inSeconds".
Status DurationBetween(std::string_view unit, const Value& from, const Value& to, Value* out);

// <kind>.truncate(unit, value, map): `value` as a `kind`, cut down to the start of `unit`
// (millennium, century, decade, year, weekYear, quarter, month, week, day, hour, minute,
// second, millisecond, microsecond), then the map's components set over it.
Status TruncateTemporal(const char* fn, Temporal::Kind kind, const Value& unit, const Value& value,
                        const Value& map, Value* out);

// datetime.fromepoch(seconds, nanoseconds) and datetime.fromepochmillis(milliseconds): a UTC
// date-time.
Status DateTimeFromEpoch(int64_t seconds, int64_t nanos, Value* out);

// The current value of `kind`, in zone `timezone` (an offset or a named zone; "" for UTC): the
// statement's instant, or with `realtime` the system clock's at the call.
Status CurrentTemporalIn(Temporal::Kind kind, const std::string& timezone, Value* out,
                         bool realtime = false);

}  // namespace parley::query

// A temporal property value: a date, a time, a date-time or a duration, as openCypher's
// temporal functions make them (date(), localtime(), time(), localdatetime(), datetime(),
// duration()). The store holds them whole (storage/codec.h); what they mean (parsing,
// printing, arithmetic, zones) is the query engine's (query/temporal.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

struct Temporal {
  enum class Kind : uint8_t { kDate, kLocalTime, kTime, kLocalDateTime, kDateTime, kDuration };
  Kind kind = Kind::kDate;
  int64_t epoch_day = 0;       // dates and date-times: days since 1970-01-01 (local)
  int64_t nano_of_day = 0;     // times and date-times: the local wall-clock time
  int32_t offset_seconds = 0;  // kTime, kDateTime: offset from UTC
  std::string zone;            // kDateTime: a named zone (Europe/Paris), or empty for an offset
  // kDuration: the four parts Cypher keeps apart (a month and 30 days are not the same).
  int64_t months = 0, days = 0, seconds = 0, nanos = 0;

  bool operator==(const Temporal& o) const = default;
};

// Value::DebugString of a temporal value: its ISO text (temporal::IsoText).
std::string QueryOnlyText(const Temporal& t);

namespace temporal {

// Division and remainder rounding toward negative infinity (days before 1970 are negative).
int64_t FloorDiv(int64_t a, int64_t b);
int64_t FloorMod(int64_t a, int64_t b);

// The proleptic Gregorian calendar: days since 1970-01-01 of a year, month (1-12) and day,
// and back.
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d);
void CivilFromDays(int64_t z, int64_t* y, int64_t* m, int64_t* d);
bool IsLeap(int64_t y);
int64_t DaysInMonth(int64_t y, int64_t m);
// ISO weeks: the day of week (Monday 1 .. Sunday 7), the Monday of week 1 of week-year `y`
// (the week holding January 4th), the week-year and week of a day, the weeks of a week-year.
int64_t DayOfWeek(int64_t z);
int64_t WeekOneMonday(int64_t y);
void WeekDate(int64_t z, int64_t* week_year, int64_t* week);
int64_t WeeksInYear(int64_t y);

// The ISO text: 2015-07-21, 21:40:32.142+01:00, 2015-07-21T21:40Z[Europe/London], P1Y2DT3H.
std::string IsoText(const Temporal& t);

// An offset as text: Z, +01:00, -05:30, +01:00:30.
std::string OffsetText(int32_t offset_seconds);

// The day of an ISO calendar date written YYYY-MM-DD (a real day of a four-digit year), or
// false.
bool ParseIsoDay(std::string_view text, int64_t* epoch_day);

}  // namespace temporal

}  // namespace parley

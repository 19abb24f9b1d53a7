// openCypher's temporal values: dates, local and zoned times and date-times, and durations.
//
// They are made from ISO 8601 strings (date('2015-07-21'), time('21:40:32+01:00'),
// duration('P1DT2H')) or from maps of components (date({year: 1984, week: 10, dayOfWeek: 3}),
// localtime({time: t, second: 0})), print in the ISO form the TCK writes, compare within a kind,
// and answer component access (d.year, t.offset, dur.minutes). Time zones are offsets; named
// zones (Europe/Stockholm) are looked up in the system's tz database.
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

// The current date, time or date-time in UTC (date(), datetime(), ... without arguments).
Status CurrentTemporal(Temporal::Kind kind, Value* out);

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

}  // namespace parley::query

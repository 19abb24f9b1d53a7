// Named time zones (Europe/Berlin) from the system's zone database (/usr/share/zoneinfo),
// read through H. Hinnant's date/tz.h (Debian's libhowardhinnant-date-dev). The database's
// files list transitions up to 2037; past their last one, each file's closing POSIX rule
// ("CET-1CEST,M3.5.0,M10.5.0/3") gives the yearly switches, read by the same library's
// date/ptz.h, so that a date in 2045 gets its summer time too.
#pragma once

#include <cstdint>
#include <string>

namespace parley::query {

// True if `name` is a zone the database knows.
bool ZoneKnown(const std::string& name);

// The offset from UTC, in seconds, zone `name` has at UTC second `utc`; false if the zone is
// unknown.
bool ZoneOffsetAtUtc(const std::string& name, int64_t utc, int32_t* offset);

// The offset zone `name` has at local wall-clock second `local`: in an overlap (clocks set
// back) the earlier one; in a gap (clocks set forward) the offset before it, with `*shift` the
// seconds the wall clock moves forward (java.time's rule), else 0. False if the zone is
// unknown.
bool ZoneOffsetAtLocal(const std::string& name, int64_t local, int32_t* offset, int64_t* shift);

}  // namespace parley::query

// Whether text is a calendar date that exists, as the commands and the API check the dates
// users give (--since, the demands filter).
#pragma once

#include <string_view>

namespace parley {

// True if `s` is a calendar date YYYY-MM-DD that exists (2024-02-29 does, 2026-02-29 and
// 2026-13-45 do not); with `partial`, YYYY and YYYY-MM are accepted too.
bool IsCalendarDate(std::string_view s, bool partial);

}  // namespace parley

// IsCalendarDate (util/calendar_date.h).
#include "util/calendar_date.h"

#include <cctype>

namespace parley {

bool IsCalendarDate(std::string_view s, bool partial) {
  auto digits = [&](size_t from, size_t n, int* value) {
    *value = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      *value = *value * 10 + (s[i] - '0');
    }
    return true;
  };
  int year, month, day;
  if (!digits(0, 4, &year)) return false;
  if (s.size() == 4) return partial;
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2, &month) || month < 1 || month > 12) return false;
  if (s.size() == 7) return partial;
  if (s.size() != 10 || s[7] != '-' || !digits(8, 2, &day)) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day >= 1 && day <= days;
}

}  // namespace parley

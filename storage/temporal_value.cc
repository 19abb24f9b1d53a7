#include "storage/temporal_value.h"

#include <cstdio>

namespace parley {
namespace temporal {
namespace {

using Kind = Temporal::Kind;
constexpr int64_t kNanosPerSecond = 1000000000;

// The date of `epoch_day` as YYYY-MM-DD (a sign and more digits past year 9999 or before 0).
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

// The ISO form of a duration: P1Y2M3DT4H5M6.7S, each part signed, PT0S when all are zero.
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

int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
int64_t FloorMod(int64_t a, int64_t b) {
  return a - FloorDiv(a, b) * b;
}

// The calendar follows H. Hinnant's algorithms (days_from_civil, civil_from_days).

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

std::string IsoText(const Temporal& t) {
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

bool ParseIsoDay(std::string_view text, int64_t* epoch_day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int64_t parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < lens[k]; ++i) {
      char c = text[starts[k] + i];
      if (c < '0' || c > '9') return false;
      parts[k] = parts[k] * 10 + (c - '0');
    }
  }
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > DaysInMonth(parts[0], parts[1]))
    return false;
  *epoch_day = DaysFromCivil(parts[0], parts[1], parts[2]);
  return true;
}

}  // namespace temporal

std::string QueryOnlyText(const Temporal& t) {
  return temporal::IsoText(t);
}

}  // namespace parley

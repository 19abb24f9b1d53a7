// Date expressions of news text found word by word and resolved with H. Hinnant's date
// library (calendar arithmetic on days, weekdays and months); see event_dates.h.
#include "core/event_dates.h"

#include <date/date.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace parley {
namespace {

using date::days;
using date::sys_days;
using date::year_month;
using date::year_month_day;

// A word of the text: letters, or digits with the letters that follow them ("3rd", "1990s").
struct Word {
  int32_t start = 0;
  int32_t end = 0;
  std::string lower;
  bool capital = false;
  int number = -1;     // the digits' value, -1 when the word does not start with one
  int digits = 0;      // how many digits
  std::string suffix;  // the letters after the digits
};

std::vector<Word> Words(std::string_view text, int32_t begin, int32_t end) {
  std::vector<Word> out;
  int32_t i = begin;
  auto is_alpha = [&](int32_t k) { return std::isalpha(static_cast<unsigned char>(text[k])); };
  auto is_digit = [&](int32_t k) { return std::isdigit(static_cast<unsigned char>(text[k])); };
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    Word w;
    w.start = i;
    if (is_alpha(i)) {
      w.capital = std::isupper(c);
      while (i < end && is_alpha(i)) {
        w.lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        ++i;
      }
    } else if (is_digit(i)) {
      int v = 0;
      while (i < end && is_digit(i)) {
        if (w.digits < 6) v = v * 10 + (text[i] - '0');
        ++w.digits;
        ++i;
      }
      w.number = v;
      while (i < end && is_alpha(i)) {
        w.suffix += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        ++i;
      }
      w.lower = std::string(text.substr(w.start, i - w.start));
    } else {
      // Punctuation, one byte a word (a multi-byte character is several, which is enough
      // to keep it from joining the words around it).
      w.lower = std::string(1, static_cast<char>(c));
      ++i;
    }
    w.end = i;
    out.push_back(std::move(w));
  }
  return out;
}

int MonthOf(const Word& w) {
  static const std::array<const char*, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static const std::array<const char*, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!w.capital) return 0;  // "may", "march" the words, not the months
  for (int m = 0; m < 12; ++m) {
    if (w.lower == kFull[m] || w.lower == kShort[m]) return m + 1;
  }
  if (w.lower == "sept") return 9;
  return 0;
}

// 0 = Monday ... 6 = Sunday; -1 when not a weekday.
int WeekdayOf(const Word& w) {
  static const std::array<const char*, 7> kNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
  if (!w.capital) return -1;
  for (int d = 0; d < 7; ++d) {
    if (w.lower == kNames[d]) return d;
  }
  return -1;
}

bool IsDay(const Word& w) {
  if (w.number < 1 || w.number > 31 || w.digits > 2) return false;
  return w.suffix.empty() || w.suffix == "st" || w.suffix == "nd" || w.suffix == "rd" ||
         w.suffix == "th";
}

bool IsYear(const Word& w) {
  return w.digits == 4 && w.suffix.empty() && w.number >= 1800 && w.number <= 2100;
}

// "two", "a", "3": how many units, or -1.
int CountOf(const Word& w) {
  static const std::array<const char*, 13> kWords = {"zero", "one",    "two",   "three", "four",
                                                     "five", "six",    "seven", "eight", "nine",
                                                     "ten",  "eleven", "twelve"};
  if (w.number >= 0 && w.suffix.empty() && w.digits <= 3) return w.number;
  if (w.lower == "a" || w.lower == "an") return 1;
  for (int n = 1; n < 13; ++n) {
    if (w.lower == kWords[n]) return n;
  }
  return -1;
}

enum class Tense { kPast, kFuture, kUnknown };

// Past participles and simple pasts that do not end in "-ed".
bool IrregularPast(const std::string& w) {
  static const std::array<const char*, 64> kWords = {
      "said",   "was",     "were",   "had",    "did",    "met",     "told",    "took",
      "made",   "went",    "came",   "gave",   "held",   "left",    "sent",    "began",
      "won",    "lost",    "fell",   "rose",   "struck", "broke",   "spoke",   "wrote",
      "chose",  "fled",    "led",    "shot",   "saw",    "became",  "brought", "bought",
      "fought", "thought", "sought", "caught", "ran",    "stood",   "knew",    "grew",
      "threw",  "drew",    "flew",   "kept",   "felt",   "meant",   "built",   "spent",
      "paid",   "laid",    "sold",   "found",  "hung",   "stuck",   "swept",   "quit",
      "been",   "has",     "have",   "got",    "killed", "arrived", "seized",  "signed"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool PastForm(const std::string& w) {
  return IrregularPast(w) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 &&
                              w != "need" && w != "indeed" && w != "proceed");
}

// The tense of the words nearest to words[b, e) (the expression itself excluded): the first
// marker met reading leftwards from the expression, else rightwards. Markers: "will", "would",
// "shall", "is to", "due to", "scheduled for", "planned for", ... for the future; pasts and
// participles ("said", "rejected", "has") for the past. A participle after "be"/"being"
// ("will be held") is passive, not past, and reading goes on past it.
Tense TenseAround(const std::vector<Word>& words, size_t b, size_t e) {
  auto marker = [&](size_t k) -> std::optional<Tense> {
    const std::string& w = words[k].lower;
    auto next_is = [&](const char* s) { return k + 1 < words.size() && words[k + 1].lower == s; };
    auto prev_is = [&](const char* s) { return k > 0 && words[k - 1].lower == s; };
    if (w == "will" || w == "shall" || w == "would" || w == "tomorrow" || w == "upcoming")
      return Tense::kFuture;
    if (w == "ll" && prev_is("'")) return Tense::kFuture;
    if ((w == "is" || w == "are" || w == "was" || w == "were") && next_is("to"))
      return Tense::kFuture;
    if ((w == "due" || w == "going" || w == "set" || w == "plans" || w == "plan" ||
         w == "planning" || w == "expected" || w == "intends" || w == "scheduled" ||
         w == "planned") &&
        (next_is("to") || next_is("for")))
      return Tense::kFuture;
    if (words[k].capital && k > 0) return std::nullopt;  // a name ("United", "Ahmed")
    if (PastForm(w)) {
      if (prev_is("be") || prev_is("being") || prev_is("been")) return std::nullopt;
      return Tense::kPast;
    }
    return std::nullopt;
  };
  for (size_t k = b; k-- > 0;) {
    if (auto t = marker(k)) return *t;
  }
  for (size_t k = e; k < words.size(); ++k) {
    if (auto t = marker(k)) return *t;
  }
  return Tense::kUnknown;
}

std::string Day(sys_days d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string Month(year_month ym) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()),
                static_cast<unsigned>(ym.month()));
  return buf;
}

std::string Year(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

// "1987-03-03T15:44:56" or "2019-09-23": the day; nullopt when there is none.
std::optional<sys_days> ArticleDay(const std::string& s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[k]))) return std::nullopt;
  }
  year_month_day ymd{date::year{std::atoi(s.substr(0, 4).c_str())},
                     date::month{static_cast<unsigned>(std::atoi(s.substr(5, 2).c_str()))},
                     date::day{static_cast<unsigned>(std::atoi(s.substr(8, 2).c_str()))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

int WeekdayIndex(sys_days d) {
  return static_cast<int>((date::weekday{d}.c_encoding() + 6) % 7);  // Monday = 0
}

sys_days MondayOf(sys_days d) {
  return d - days{WeekdayIndex(d)};
}

// The resolver: one pass over the words, an expression at a time.
class Finder {
 public:
  Finder(std::string_view text, int32_t begin, int32_t end, const std::string& article_date)
      : text_(text), w_(Words(text, begin, end)), today_(ArticleDay(article_date)) {}

  std::vector<DateExpression> Run() {
    std::vector<DateExpression> out;
    size_t i = 0;
    while (i < w_.size()) {
      DateExpression d;
      size_t next = Match(i, &d);
      if (next == i) {
        ++i;
        continue;
      }
      d.start = w_[i].start;
      d.end = w_[next - 1].end;
      d.text = std::string(text_.substr(d.start, d.end - d.start));
      std::string_view after = text_.substr(d.end);
      d.possessive = after.substr(0, 2) == "'s" || after.substr(0, 4) == "\xe2\x80\x99s";
      if (!IsDateline(i, next)) out.push_back(std::move(d));
      i = next;
    }
    return out;
  }

 private:
  const Word* At(size_t k) const { return k < w_.size() ? &w_[k] : nullptr; }
  bool Is(size_t k, const char* s) const { return k < w_.size() && w_[k].lower == s; }

  // "LONDON, March 3 - " at the start of a line: the wire's dateline.
  bool IsDateline(size_t b, size_t e) const {
    if (!(Is(e, "-") || (At(e) && At(e)->lower == "\xe2"))) return false;
    if (b == 0 || !Is(b - 1, ",")) return false;
    for (int32_t k = w_[b].start - 1; k >= 0; --k) {
      char c = text_[k];
      if (c == '\n') return true;
      if (std::islower(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }

  void SetDay(DateExpression* d, sys_days day) const {
    d->date = Day(day);
    d->granularity = "day";
  }
  void SetWeek(DateExpression* d, sys_days day) const {
    d->date = Day(MondayOf(day));
    d->granularity = "week";
  }
  void SetMonth(DateExpression* d, year_month ym) const {
    d->date = Month(ym);
    d->granularity = "month";
  }
  void SetYear(DateExpression* d, int y) const {
    d->date = Year(y);
    d->granularity = "year";
  }

  // A month and day without a year: the occurrence the tense points to.
  void ResolveMonthDay(DateExpression* d, unsigned m, unsigned day, Tense t) const {
    if (!today_) return;
    int y = static_cast<int>(year_month_day{*today_}.year());
    std::optional<sys_days> best;
    for (int cy = y - 1; cy <= y + 1; ++cy) {
      year_month_day c{date::year{cy}, date::month{m}, date::day{day}};
      if (!c.ok()) continue;
      sys_days cd{c};
      bool fits = t == Tense::kPast ? cd <= *today_ : t == Tense::kFuture ? cd >= *today_ : true;
      if (!fits) continue;
      auto dist = [&](sys_days x) { return x > *today_ ? x - *today_ : *today_ - x; };
      if (!best || (t == Tense::kPast     ? cd > *best
                    : t == Tense::kFuture ? cd < *best
                                          : dist(cd) < dist(*best)))
        best = cd;
    }
    if (best) SetDay(d, *best);
  }

  void ResolveMonth(DateExpression* d, unsigned m, Tense t) const {
    if (!today_) return;
    year_month now = year_month_day{*today_}.year() / year_month_day{*today_}.month();
    std::optional<year_month> best;
    for (int k = -1; k <= 1; ++k) {
      year_month c = date::year{static_cast<int>(now.year()) + k} / date::month{m};
      bool fits = t == Tense::kPast ? c <= now : t == Tense::kFuture ? c >= now : true;
      if (!fits) continue;
      auto dist = [&](year_month x) { return std::abs((x - now).count()); };
      if (!best || (t == Tense::kPast     ? c > *best
                    : t == Tense::kFuture ? c < *best
                                          : dist(c) < dist(*best)))
        best = c;
    }
    if (best) SetMonth(d, *best);
  }

  // `rel`: -1 "last", +1 "next", 0 plain or "this" (then the tense decides). Needs today_.
  sys_days WeekdayDay(int wd, int rel, Tense t) const {
    int now = WeekdayIndex(*today_);
    int back = (now - wd + 7) % 7;   // 0 when today is that day
    int ahead = (wd - now + 7) % 7;  // 0 when today is that day
    if (rel < 0) return *today_ - days{back == 0 ? 7 : back};
    if (rel > 0 || t == Tense::kFuture) return *today_ + days{ahead == 0 ? 7 : ahead};
    return *today_ - days{back};
  }

  void ResolveWeekday(DateExpression* d, int wd, int rel, Tense t) const {
    if (today_) SetDay(d, WeekdayDay(wd, rel, t));
  }

  // The unit ("day", "week", "month", "year", plural or not) `n` units away from today.
  bool ResolveUnits(DateExpression* d, const std::string& unit, int n) const {
    std::string u = unit;
    if (u.size() > 1 && u.back() == 's') u.pop_back();
    if (u != "day" && u != "week" && u != "month" && u != "year") return false;
    if (!today_) return true;
    if (u == "day") {
      SetDay(d, *today_ + days{n});
    } else if (u == "week") {
      SetWeek(d, *today_ + days{7 * n});
    } else if (u == "month") {
      year_month_day ymd{*today_};
      SetMonth(d, ymd.year() / ymd.month() + date::months{n});
    } else {
      SetYear(d, static_cast<int>(year_month_day{*today_}.year()) + n);
    }
    return true;
  }

  // The expression that starts at word i: the index past its end, or i when none does.
  size_t Match(size_t i, DateExpression* d) const {
    const Word& w = w_[i];
    // Leading "on"/"in" become part of the words, as the text states them.
    if ((w.lower == "on" || w.lower == "in" || w.lower == "during") && At(i + 1)) {
      size_t n = Match(i + 1, d);
      if (n != i + 1) return n;
      // A month or year alone needs such a word before it ("in May", not "May").
      if (int m = MonthOf(w_[i + 1])) {
        if (w.lower != "on") {
          ResolveMonth(d, m, TenseAround(w_, i, i + 2));
          return i + 2;
        }
      }
      if (IsYear(w_[i + 1]) && w.lower != "on") {
        SetYear(d, w_[i + 1].number);
        return i + 2;
      }
      // Else "in the past", "during the weekend" below.
    }
    // "early", "late", "mid" (and "mid-") before a month or year.
    if (w.lower == "early" || w.lower == "late" || w.lower == "mid") {
      size_t k = i + 1;
      if (Is(k, "-")) ++k;
      if (const Word* x = At(k)) {
        if (int m = MonthOf(*x)) {
          if (At(k + 1) && IsYear(w_[k + 1])) {
            SetMonth(d, date::year{w_[k + 1].number} / date::month{static_cast<unsigned>(m)});
            return k + 2;
          }
          ResolveMonth(d, m, TenseAround(w_, i, k + 1));
          return k + 1;
        }
        if (IsYear(*x)) {
          SetYear(d, x->number);
          return k + 1;
        }
      }
      return i;
    }
    // "the 3rd of March", "3 March 2019", "3 March".
    {
      size_t k = i;
      if (w.lower == "the" && At(i + 1) && IsDay(w_[i + 1])) k = i + 1;
      if (IsDay(w_[k])) {
        size_t j = k + 1;
        if (Is(j, "of")) ++j;
        if (const Word* x = At(j); x && MonthOf(*x)) {
          unsigned m = static_cast<unsigned>(MonthOf(*x));
          size_t e = j + 1;
          // "3 Sept. 2019": the abbreviation's point, when a year follows it.
          size_t p = Is(e, ".") ? e + 1 : e;
          size_t y = Is(p, ",") ? p + 1 : p;
          if (At(y) && IsYear(w_[y])) {
            year_month_day c{date::year{w_[y].number}, date::month{m},
                             date::day{static_cast<unsigned>(w_[k].number)}};
            if (c.ok()) SetDay(d, sys_days{c});
            return y + 1;
          }
          ResolveMonthDay(d, m, static_cast<unsigned>(w_[k].number), TenseAround(w_, i, e));
          return e;
        }
      }
    }
    // "March 3, 2019", "March 3", "March 2019".
    if (int m = MonthOf(w)) {
      size_t k = i + 1;
      if (Is(k, ".")) ++k;
      if (const Word* x = At(k); x && IsDay(*x)) {
        size_t y = Is(k + 1, ",") ? k + 2 : k + 1;
        if (At(y) && IsYear(w_[y])) {
          year_month_day c{date::year{w_[y].number}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(x->number)}};
          if (c.ok()) SetDay(d, sys_days{c});
          return y + 1;
        }
        ResolveMonthDay(d, static_cast<unsigned>(m), static_cast<unsigned>(x->number),
                        TenseAround(w_, i, k + 1));
        return k + 1;
      }
      size_t y = Is(k, ",") ? k + 1 : k;
      if (At(y) && IsYear(w_[y])) {
        SetMonth(d, date::year{w_[y].number} / date::month{static_cast<unsigned>(m)});
        return y + 1;
      }
      return i;
    }
    // "the 1990s", "1990s", "the '90s": recognised, not resolved.
    {
      size_t k = w.lower == "the" ? i + 1 : i;
      if (const Word* x = At(k)) {
        if (x->digits == 4 && x->suffix == "s" && x->number % 10 == 0) return k + 1;
        if (x->lower == "'" && At(k + 1) && w_[k + 1].digits == 2 && w_[k + 1].suffix == "s")
          return k + 2;
      }
    }
    // today, tonight, yesterday, tomorrow, "last night", "this morning".
    if (w.lower == "today" || w.lower == "tonight") {
      if (today_) SetDay(d, *today_);
      return i + 1;
    }
    if (w.lower == "yesterday" || w.lower == "tomorrow") {
      if (today_) SetDay(d, *today_ + days{w.lower == "yesterday" ? -1 : 1});
      return i + 1;
    }
    if (w.lower == "last" && Is(i + 1, "night")) {
      if (today_) SetDay(d, *today_ - days{1});
      return i + 2;
    }
    if (w.lower == "this" &&
        (Is(i + 1, "morning") || Is(i + 1, "afternoon") || Is(i + 1, "evening"))) {
      if (today_) SetDay(d, *today_);
      return i + 2;
    }
    // Weekdays: "Saturday", "last Saturday", "next Saturday", "this Saturday".
    {
      int rel = 0;
      size_t k = i;
      if (w.lower == "last" || w.lower == "next" || w.lower == "this") {
        rel = w.lower == "last" ? -1 : w.lower == "next" ? 1 : 0;
        k = i + 1;
      }
      if (const Word* x = At(k); x && WeekdayOf(*x) >= 0) {
        ResolveWeekday(d, WeekdayOf(*x), rel, TenseAround(w_, i, k + 1));
        return k + 1;
      }
      // "last March", "next May": the month before or after this one.
      if (rel != 0 && At(k) && MonthOf(w_[k])) {
        ResolveMonth(d, static_cast<unsigned>(MonthOf(w_[k])),
                     rel < 0 ? Tense::kPast : Tense::kFuture);
        // "last May" in May is a year ago, not this month.
        if (today_ &&
            d->date == Month(year_month_day{*today_}.year() / year_month_day{*today_}.month())) {
          year_month_day t{*today_};
          SetMonth(d, t.year() / t.month() + date::years{rel});
        }
        return k + 1;
      }
    }
    // "earlier in the day", "later in the month": the article's day, week, month or year.
    if ((w.lower == "earlier" || w.lower == "later") && Is(i + 1, "in") && Is(i + 2, "the") &&
        At(i + 3)) {
      const std::string& unit = w_[i + 3].lower;
      if (unit == "day" || unit == "week" || unit == "month" || unit == "year") {
        ResolveUnits(d, unit, 0);
        return i + 4;
      }
    }
    // The weekend: the week it falls in, the last one unless the tense says the next.
    {
      size_t k = i;
      int rel = 0;
      if (w.lower == "last" || w.lower == "next" || w.lower == "this") {
        rel = w.lower == "last" ? -1 : w.lower == "next" ? 1 : 0;
        k = i + 1;
      } else if ((w.lower == "over" || w.lower == "during" || w.lower == "at") &&
                 Is(i + 1, "the")) {
        k = i + 2;
      }
      if (k != i && Is(k, "weekend")) {
        // The Saturday the words point to, then its week.
        if (today_) SetWeek(d, WeekdayDay(5, rel, TenseAround(w_, i, k + 1)));
        return k + 1;
      }
    }
    // Times the sentence alone cannot place, recognised so that the event does not take the
    // report's date: "in recent years", "in the past", "in the last few years", "from 2008 to
    // 2016", "until 2018", "that September", "that year", "the next day".
    {
      if (w.lower == "in" && Is(i + 1, "recent") &&
          (Is(i + 2, "years") || Is(i + 2, "months") || Is(i + 2, "weeks") || Is(i + 2, "days")))
        return i + 3;
      if (w.lower == "in" && Is(i + 1, "the") && (Is(i + 2, "past") || Is(i + 2, "last"))) {
        size_t k = i + 3;
        if (Is(k, "few") || Is(k, "several") || (At(k) && CountOf(w_[k]) > 1)) ++k;
        if (At(k)) {
          std::string u = w_[k].lower;
          if (u == "years" || u == "months" || u == "decade" || u == "decades" || u == "weeks")
            return k + 1;
        }
        if (Is(i + 2, "past")) return i + 3;
      }
      if (w.lower == "from" && At(i + 1) && IsYear(w_[i + 1]) &&
          (Is(i + 2, "to") || Is(i + 2, "until")) && At(i + 3) && IsYear(w_[i + 3]))
        return i + 4;
      if ((w.lower == "until" || w.lower == "till") && At(i + 1) && IsYear(w_[i + 1])) return i + 2;
      if (w.lower == "that" && At(i + 1) &&
          (MonthOf(w_[i + 1]) || Is(i + 1, "year") || Is(i + 1, "day") || Is(i + 1, "month") ||
           Is(i + 1, "week") || Is(i + 1, "night") || Is(i + 1, "morning")))
        return i + 2;
      if (w.lower == "the" &&
          (Is(i + 1, "next") || Is(i + 1, "following") || Is(i + 1, "previous")) &&
          (Is(i + 2, "day") || Is(i + 2, "week") || Is(i + 2, "month") || Is(i + 2, "year")))
        return i + 3;
    }
    // "last week", "this month", "next year", "earlier this year", "later this week".
    {
      size_t k = i;
      if (w.lower == "earlier" || w.lower == "later") {
        if (!Is(i + 1, "this")) return i;
        k = i + 1;
      }
      const std::string& rel = w_[k].lower;
      int n = rel == "last" ? -1 : rel == "next" ? 1 : rel == "this" ? 0 : 2;
      if (n != 2 && At(k + 1)) {
        const std::string& unit = w_[k + 1].lower;
        if (unit == "week" || unit == "month" || unit == "year") {
          ResolveUnits(d, unit, n);
          return k + 2;
        }
      }
    }
    // "two days ago", "a week ago", "three years ago".
    if (int n = CountOf(w); n >= 0 && At(i + 1) && Is(i + 2, "ago")) {
      DateExpression probe;
      if (ResolveUnits(&probe, w_[i + 1].lower, -n)) {
        d->date = probe.date;
        d->granularity = probe.granularity;
        return i + 3;
      }
    }
    return i;
  }

  std::string_view text_;
  std::vector<Word> w_;
  std::optional<sys_days> today_;
};

}  // namespace

std::vector<DateExpression> FindDateExpressions(std::string_view text, int32_t begin, int32_t end,
                                                const std::string& article_date) {
  begin = std::max<int32_t>(begin, 0);
  end = std::min<int32_t>(end, static_cast<int32_t>(text.size()));
  if (begin >= end) return {};
  return Finder(text, begin, end, article_date).Run();
}

EventDate DateEvent(std::string_view text, const std::vector<DateExpression>& dates,
                    int32_t clause_begin, int32_t clause_end, const std::string& article_date) {
  const DateExpression* best = nullptr;
  int32_t best_gap = 0;
  for (const DateExpression& d : dates) {
    int32_t gap = d.end <= clause_begin   ? clause_begin - d.end
                  : d.start >= clause_end ? d.start - clause_end
                                          : 0;
    if (gap > 0) {
      // Outside the clause, "yesterday's march" dates the march, not this event.
      if (d.possessive) continue;
      // After the clause, a verb of its own in between takes the expression ("she left,
      // police revealed on Saturday"), unless it is joined to the clause's by "and"; before it, the
      // expression usually leads the whole sentence ("On Monday, ... said that ...").
      if (d.start >= clause_end && clause_end >= 0 && static_cast<size_t>(d.start) <= text.size()) {
        bool verb = false;
        std::vector<Word> between = Words(text, clause_end, d.start);
        for (size_t k = 0; k < between.size(); ++k) {
          if (between[k].capital || !PastForm(between[k].lower)) continue;
          // "fired and landed a round yesterday": a second verb of the same subject shares
          // the expression.
          bool joined = k > 0 && (between[k - 1].lower == "and" || between[k - 1].lower == "or") &&
                        (k < 2 || between[k - 2].lower != ",");
          if (!joined) verb = true;
        }
        if (verb) continue;
      }
    }
    if (!best || gap < best_gap) {
      best = &d;
      best_gap = gap;
    }
  }
  EventDate out;
  if (best) {
    out.date = best->date;
    out.granularity = best->granularity;
    out.basis = "event";
    out.text = best->text;
    return out;
  }
  if (auto day = ArticleDay(article_date)) {
    out.date = Day(*day);
    out.granularity = "day";
    out.basis = "report";
  }
  return out;
}

}  // namespace parley

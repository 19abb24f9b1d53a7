// When an event happened: the date expressions of a sentence ("on Saturday", "last week",
// "in 2018", "on 3 March 2019", "next month", "two days ago") found and resolved against the
// article's date, and the rule that picks the one that dates an event.
//
// What it promises:
// - A resolved date is "YYYY-MM-DD", "YYYY-MM" or "YYYY", with the granularity "day", "month"
//   or "year" it has; a week ("last week", "this week", "three weeks ago") is the date of the
//   week's Monday with granularity "week", so that no day inside it is claimed.
// - A decade ("in the 1990s") is recognised but not resolved: the event keeps the words
//   (date_text) and gets no date, rather than the decade's first year, which would claim a
//   year the text does not give, or the report's date, which would be wrong. So are other
//   times the sentence alone cannot place: spans ("in recent years", "in the past", "from
//   2008 to 2016", "until 2018") and times relative to the story ("that September", "the
//   next day").
// - Weekdays, month names without a year ("on March 3", "in May") and "this Monday" resolve
//   by the tense of the words around them: in the past tense to the most recent such day on
//   or before the article's date ("said on Monday" in Monday's paper is that day), in the
//   future tense to the next one after it ("will meet on Monday"); where no tense shows, a
//   weekday is read as past and a month or day as the occurrence nearest the article's date.
// - Explicit years resolve without an article date; everything relative needs one (an
//   article without a date leaves such events undated).
// - An event is dated by the expression inside its own clause (its byte span), else by one
//   elsewhere in its sentence (the nearest to the clause that can be its: see DateEvent); with
//   none, it takes the report's
//   date with granularity "day" and basis "report". A Reuters-style dateline ("LONDON,
//   March 3 - ") is the report's date, not an event's, and is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// A date expression found in a text, resolved or not.
struct DateExpression {
  int32_t start = 0;  // byte span in the text searched, end exclusive
  int32_t end = 0;
  std::string text;         // the words, as written
  std::string date;         // "YYYY-MM-DD", "YYYY-MM" or "YYYY"; empty when unresolved
  std::string granularity;  // "day", "week", "month", "year"; empty when unresolved
  bool possessive = false;  // "yesterday's", "Monday's": it dates a noun, not a clause
};

// An event's date as stored with it.
struct EventDate {
  std::string date;         // empty when the text names a time that cannot be resolved
  std::string granularity;  // as in DateExpression
  std::string basis;        // "event" (read from the text) or "report" (the article's date)
  std::string text;         // the words it was read from; empty when the basis is "report"
};

// The date expressions in text[begin, end), in order, each resolved against `article_date`
// (an ISO date, possibly followed by a time: "1987-03-03T15:44:56"; empty when unknown).
std::vector<DateExpression> FindDateExpressions(std::string_view text, int32_t begin, int32_t end,
                                                const std::string& article_date);

// The date of an event whose clause is the byte span [clause_begin, clause_end) of a sentence
// of `text`, given the expressions FindDateExpressions found in that sentence. An expression
// outside the clause is not used when it is possessive, or when it follows the clause with a
// verb of its own between them.
EventDate DateEvent(std::string_view text, const std::vector<DateExpression>& sentence_dates,
                    int32_t clause_begin, int32_t clause_end, const std::string& article_date);

}  // namespace parley

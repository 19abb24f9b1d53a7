// When events happened (core/event_dates.h): relative and absolute date expressions of
// sentences written for these tests, each resolved against its own article date by hand;
// the rule that dates an event by its clause, else its sentence, else the report; and the
// fields through the extractor, the JSONL record and the graph.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/event_dates.h"
#include "core/extractor.h"
#include "core/facts.h"
#include "test_util.h"

using namespace parley;

namespace {

struct Case {
  const char* article;      // the article's date
  const char* sentence;     //
  const char* text;         // the words expected to be read
  const char* date;         // expected; "" when recognised but not resolved
  const char* granularity;  // expected
};

// 2019-09-25 is a Wednesday, 2019-02-10 a Sunday, 2020-01-01 a Wednesday, 2020-02-29 a
// Saturday, 2021-03-03 a Wednesday, 2024-01-02 a Tuesday.
const Case kCases[] = {
    // Weekdays: the past one on or before the article's day, the future one after it.
    {"2019-09-25", "The minister resigned on Saturday.", "on Saturday", "2019-09-21", "day"},
    {"2019-09-25", "The talks will resume on Saturday.", "on Saturday", "2019-09-28", "day"},
    {"2019-09-25", "Officials met on Wednesday in Vienna.", "on Wednesday", "2019-09-25", "day"},
    {"2019-09-25", "The council will vote on Wednesday.", "on Wednesday", "2019-10-02", "day"},
    {"2019-09-25", "The envoy arrived last Monday.", "last Monday", "2019-09-23", "day"},
    {"2019-09-25", "Parliament will reconvene next Friday.", "next Friday", "2019-09-27", "day"},
    {"2019-09-25", "The trial is scheduled for Monday.", "Monday", "2019-09-30", "day"},
    {"2019-09-25", "On Sunday, rebels shelled the airport.", "On Sunday", "2019-09-22", "day"},
    {"2024-01-02T08:15:00", "Talks collapsed on Friday.", "on Friday", "2023-12-29", "day"},
    {"2019-09-25", "The accord will be signed on Thursday.", "on Thursday", "2019-09-26", "day"},
    // Days relative to the article.
    {"2019-09-25", "The army withdrew yesterday.", "yesterday", "2019-09-24", "day"},
    {"2019-09-25", "The strike ends tomorrow.", "tomorrow", "2019-09-26", "day"},
    {"2019-09-25", "The president spoke to reporters this morning.", "this morning", "2019-09-25",
     "day"},
    {"2019-09-25", "The rebels attacked the town last night.", "last night", "2019-09-24", "day"},
    {"2019-09-25", "Two soldiers were killed two days ago.", "two days ago", "2019-09-23", "day"},
    {"2020-03-01", "The border was closed today.", "today", "2020-03-01", "day"},
    // Days of a month, with and without the year.
    {"2019-09-25", "The treaty was signed on March 3.", "on March 3", "2019-03-03", "day"},
    {"2019-02-10", "The treaty was signed on March 3.", "on March 3", "2018-03-03", "day"},
    {"2019-02-10", "The leaders will meet on March 3.", "on March 3", "2019-03-03", "day"},
    {"2019-09-25", "The accord was reached on 3 March 2019.", "on 3 March 2019", "2019-03-03",
     "day"},
    {"2019-09-25", "The election was held on October 21, 2015.", "on October 21, 2015",
     "2015-10-21", "day"},
    {"2019-09-25", "The accord will be signed on the 4th of October.", "on the 4th of October",
     "2019-10-04", "day"},
    {"2020-02-29", "The vote was held on Feb. 28 in the capital.", "on Feb. 28", "2020-02-28",
     "day"},
    {"2024-01-02", "The two sides met on December 30.", "on December 30", "2023-12-30", "day"},
    // Weeks: the Monday that starts them.
    {"2019-09-25", "Protesters gathered last week.", "last week", "2019-09-16", "week"},
    {"2019-09-25", "Negotiators will meet later this week.", "later this week", "2019-09-23",
     "week"},
    {"2019-09-25", "The ceasefire collapsed three weeks ago.", "three weeks ago", "2019-09-02",
     "week"},
    // Months.
    {"2019-09-25", "The summit is planned for next month.", "next month", "2019-10", "month"},
    {"2020-01-01", "The embassy closed last month.", "last month", "2019-12", "month"},
    {"2019-09-25", "The embassy reopened this month.", "this month", "2019-09", "month"},
    {"2019-09-25", "The vote took place in May.", "in May", "2019-05", "month"},
    {"2019-02-10", "The vote will take place in May.", "in May", "2019-05", "month"},
    {"2019-02-10", "Inflation peaked in May.", "in May", "2018-05", "month"},
    {"2019-09-25", "The pact expired in September 2018.", "in September 2018", "2018-09", "month"},
    {"2019-09-25", "Troops entered the city in mid-August.", "in mid-August", "2019-08", "month"},
    {"2021-03-03", "The prime minister resigned last March.", "last March", "2020-03", "month"},
    // Years and decades.
    {"2019-09-25", "Elections were held in 2018.", "in 2018", "2018", "year"},
    {"2019-09-25", "Exports fell earlier this year.", "earlier this year", "2019", "year"},
    {"2020-01-01", "Trade with the bloc fell last year.", "last year", "2019", "year"},
    {"2019-09-25", "The ministers will meet again next year.", "next year", "2020", "year"},
    {"2019-09-25", "The blockade began a year ago.", "a year ago", "2018", "year"},
    {"2019-09-25", "The agency warned in early 2017 of shortages.", "in early 2017", "2017",
     "year"},
    {"2019-09-25", "Relations soured in the 1990s.", "in the 1990s", "", ""},
    {"2019-09-25", "The rebels regrouped earlier in the month.", "earlier in the month", "2019-09",
     "month"},
    {"2019-09-25", "Riots broke out over the weekend.", "over the weekend", "2019-09-16", "week"},
    // Times the sentence alone cannot place: recognised, left without a date.
    {"2019-09-25", "Trade has grown in recent years.", "in recent years", "", ""},
    {"2019-09-25", "He served as mayor from 2008 to 2016.", "from 2008 to 2016", "", ""},
    {"2019-09-25", "That September, the movement was launched.", "That September", "", ""},
    {"2019-09-25", "The envoys returned the next day.", "the next day", "", ""},
    // Explicit years need no article date; relative words do.
    {"", "Elections were held in 2018.", "in 2018", "2018", "year"},
    {"", "The minister resigned on Saturday.", "on Saturday", "", ""},
};

}  // namespace

TEST_CASE("date expressions resolve against the article's date", "[dates]") {
  int n = 0;
  for (const Case& c : kCases) {
    std::string s = c.sentence;
    std::vector<DateExpression> found =
        FindDateExpressions(s, 0, static_cast<int32_t>(s.size()), c.article);
    INFO(c.article << " | " << c.sentence);
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == c.text);
    CHECK(s.substr(found[0].start, found[0].end - found[0].start) == c.text);
    CHECK(found[0].date == c.date);
    CHECK(found[0].granularity == c.granularity);
    ++n;
  }
  CHECK(n >= 30);
}

TEST_CASE("words that look like dates and are not give none", "[dates]") {
  for (const char* s :
       {"Iran may retaliate, officials said.", "The March on the capital was banned.",
        "Several ministers have resigned since then.", "The party won 2018 seats in the vote.",
        "Ms. Jan Novak spoke for the bloc.", "He marched with 12 members of the party."}) {
    std::string text = s;
    INFO(text);
    CHECK(FindDateExpressions(text, 0, static_cast<int32_t>(text.size()), "2019-09-25").empty());
  }
}

TEST_CASE("a wire dateline is the report's date, not an event's", "[dates]") {
  // 1987-03-03 is a Tuesday.
  std::string text = "LONDON, March 3 - The ministers met on Monday to discuss the embargo.";
  auto found = FindDateExpressions(text, 0, static_cast<int32_t>(text.size()), "1987-03-03");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "on Monday");
  CHECK(found[0].date == "1987-03-02");
}

TEST_CASE("an event is dated by its clause, else its sentence, else the report", "[dates]") {
  std::string s = "The envoy said on Monday that the talks would resume on Friday.";
  const std::string article = "2019-09-25";
  auto found = FindDateExpressions(s, 0, static_cast<int32_t>(s.size()), article);
  REQUIRE(found.size() == 2);
  // The resuming: its clause holds "on Friday" (future: the next Friday).
  int32_t b = static_cast<int32_t>(s.find("the talks"));
  EventDate resume = DateEvent(s, found, b, static_cast<int32_t>(s.size()), article);
  CHECK(resume.date == "2019-09-27");
  CHECK(resume.basis == "event");
  CHECK(resume.text == "on Friday");
  // The saying: the whole sentence is its clause; the first expression in it dates it.
  EventDate said = DateEvent(s, found, 0, static_cast<int32_t>(s.size()), article);
  CHECK(said.date == "2019-09-23");
  // A clause with no expression takes the nearest one of its sentence.
  int32_t e = static_cast<int32_t>(s.find(" on Friday"));
  CHECK(DateEvent(s, found, b, e, article).text == "on Friday");
  // After the clause, behind a verb of its own, an expression is that verb's.
  std::string r = "She left the country, police revealed on Saturday.";
  auto rf = FindDateExpressions(r, 0, static_cast<int32_t>(r.size()), article);
  REQUIRE(rf.size() == 1);
  int32_t left_end = static_cast<int32_t>(r.find(','));
  CHECK(DateEvent(r, rf, 0, left_end, article).basis == "report");
  // A second verb of the same subject shares it.
  std::string f = "Police fired and landed a round yesterday.";
  auto ff = FindDateExpressions(f, 0, static_cast<int32_t>(f.size()), article);
  REQUIRE(ff.size() == 1);
  CHECK(DateEvent(f, ff, 0, static_cast<int32_t>(f.find(" and")), article).date == "2019-09-24");
  // "yesterday's march" dates the march, not an event outside it.
  std::string m = "The police rejected the plan for yesterday's march.";
  auto mf = FindDateExpressions(m, 0, static_cast<int32_t>(m.size()), article);
  REQUIRE(mf.size() == 1);
  CHECK(mf[0].possessive);
  CHECK(DateEvent(m, mf, 0, static_cast<int32_t>(m.find(" the plan")), article).basis == "report");
  CHECK(DateEvent(m, mf, 0, static_cast<int32_t>(m.size()), article).date == "2019-09-24");
  // No expression in the sentence: the report's day.
  EventDate none = DateEvent("", {}, 0, 10, "2019-09-25T10:00:00");
  CHECK(none.date == "2019-09-25");
  CHECK(none.granularity == "day");
  CHECK(none.basis == "report");
  CHECK(none.text.empty());
  // Nor an article date: nothing is known.
  EventDate unknown = DateEvent("", {}, 0, 10, "");
  CHECK(unknown.date.empty());
  CHECK(unknown.basis.empty());
}

TEST_CASE("extracted events carry their date beside the article's", "[dates][extract]") {
  const Extractor* x = &test::SharedExtractor();
  Document doc;
  doc.id = "d1";
  doc.date = "2019-09-25";
  doc.text =
      "Iran demanded on Saturday that the United States lift its sanctions. "
      "France urged Germany to support the agreement.";
  DocumentFacts facts;
  x->Extract(doc, &facts);
  CHECK(facts.date == "2019-09-25");
  bool saturday = false, report = false;
  for (const Event& e : facts.events) {
    INFO(e.type << " " << e.quote << " " << e.event_date << " " << e.date_basis);
    if (e.sentence == 0) {
      CHECK(e.event_date == "2019-09-21");
      CHECK(e.date_granularity == "day");
      CHECK(e.date_basis == "event");
      CHECK(e.date_text == "on Saturday");
      saturday = true;
    } else {
      CHECK(e.event_date == "2019-09-25");
      CHECK(e.date_basis == "report");
      report = true;
    }
  }
  CHECK(saturday);
  CHECK(report);
}

TEST_CASE("the date fields survive the JSONL record and bad ones are refused", "[dates][facts]") {
  DocumentFacts f;
  f.doc = "d";
  f.date = "2019-09-25";
  Event e;
  e.type = "demand";
  e.event_date = "2019-09";
  e.date_granularity = "month";
  e.date_basis = "event";
  e.date_text = "last month";
  f.events.push_back(e);
  DocumentFacts back;
  REQUIRE(ParseFacts(FactsToJson(f), &back).ok());
  REQUIRE(back.events.size() == 1);
  CHECK(back.date == "2019-09-25");
  CHECK(back.events[0].event_date == "2019-09");
  CHECK(back.events[0].date_granularity == "month");
  CHECK(back.events[0].date_basis == "event");
  CHECK(back.events[0].date_text == "last month");

  Status bad = ParseFacts(
      R"({"doc":"d","entities":[],"triples":[],"events":[{"type":"demand","event_date":"Sept 2019"}]})",
      &back);
  CHECK(!bad.ok());
  CHECK(bad.message().find("events[0].event_date") != std::string::npos);
  bad = ParseFacts(
      R"({"doc":"d","entities":[],"triples":[],"events":[{"type":"demand","date_granularity":"hour"}]})",
      &back);
  CHECK(!bad.ok());
  CHECK(bad.message().find("events[0].date_granularity") != std::string::npos);
}

TEST_CASE("the graph keeps an event's date beside the article's, a day as a Date", "[dates][e2e]") {
  test::TempDir dir;
  std::string facts =
      R"({"doc":"w1","date":"2019-09-25","entities":[)"
      R"({"id":"IRN","name":"Iran","kind":"country","mentions":[]},)"
      R"({"id":"USA","name":"United States","kind":"country","mentions":[]}],"triples":[],)"
      R"("events":[{"type":"demand","cameo":"10","source":{"text":"Iran","entity":"IRN"},)"
      R"("target":{"text":"the US","entity":"USA"},"content":{"text":"lift its sanctions"},)"
      R"("event_date":"2019-09-21","date_granularity":"day","date_basis":"event",)"
      R"("date_text":"on Saturday"},)"
      R"({"type":"oppose","cameo":"11","source":{"text":"Iran","entity":"IRN"},)"
      R"("target":{"text":"the US","entity":"USA"},"event_date":"2019-09",)"
      R"("date_granularity":"month","date_basis":"event","date_text":"this month"}]})";
  test::WriteFile(dir / "f.jsonl", facts + "\n");
  std::string db = dir / "db";
  auto in = test::RunParley({"ingest", "--db", db, "--facts", dir / "f.jsonl"});
  INFO(in.err);
  REQUIRE(in.exit_code == 0);
  auto demand = test::RunParley(
      {"query", "--db", db, "--format", "jsonl",
       "MATCH (d:Demand) RETURN d.date = date('2019-09-25') AS report, "
       "d.event_date = date('2019-09-21') AS day, d.date_granularity AS g, d.date_basis AS b, "
       "d.date_text AS t"});
  CHECK(demand.out == R"({"report":true,"day":true,"g":"day","b":"event","t":"on Saturday"})"
                      "\n");
  auto stance = test::RunParley({"query", "--db", db, "--format", "jsonl",
                                 "MATCH ()-[r:OPPOSES]->() RETURN r.event_date AS e, "
                                 "r.date_granularity AS g"});
  CHECK(stance.out == R"({"e":"2019-09","g":"month"})"
                      "\n");
}

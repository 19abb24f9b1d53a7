// The GDELT 2.0 events table: one line per stored event (event node or stance relationship),
// 61 tab-separated columns in GDELT's order, no header, so that scripts written for GDELT's
// daily files read Parley's events unchanged. README.md ("parley export --format gdelt")
// documents what each column holds and where Parley's columns differ from GDELT's (ISO codes
// in the geography columns, the report's date in DATEADDED). A column whose data the graph
// lacks is empty, as GDELT leaves a field it could not fill.
#include <cstdio>
#include <string>

#include "graph/event_rows.h"
#include "graph/export_writer.h"
#include "storage/temporal_value.h"
#include "util/strings.h"

namespace parley::exporting {
namespace {

// A field: tabs, line ends and other control characters become spaces (they would split the
// line or the field) and '"' becomes '\'' so that readers that honour quotes (Python's csv
// module by default) and readers that do not (pandas with quoting off, awk, cut) see the same
// fields.
std::string Field(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachChar(s, [&](uint32_t cp, std::string_view bytes) {
    if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
      out += ' ';
    } else if (cp == '"') {
      out += '\'';
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// The event's date columns: Day (YYYYMMDD), MonthYear (YYYYMM), Year, FractionDate. From
// event_date where the text gave one, else from the report's date; a date known only to the
// month or year fills the columns it can and leaves the others empty.
void DateColumns(const std::string& date, std::string cols[4]) {
  std::string y, m, d;
  if (date.size() >= 4) y = date.substr(0, 4);
  if (date.size() >= 7 && date[4] == '-') m = date.substr(5, 2);
  if (date.size() >= 10 && date[7] == '-') d = date.substr(8, 2);
  for (const std::string* part : {&y, &m, &d}) {
    for (char c : *part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return;
    }
  }
  if (y.empty()) return;
  cols[2] = y;
  if (m.empty()) return;
  cols[1] = y + m;
  if (d.empty()) return;
  cols[0] = y + m + d;
  int64_t day = 0, jan1 = 0;
  if (temporal::ParseIsoDay(y + "-" + m + "-" + d, &day) &&
      temporal::ParseIsoDay(y + "-01-01", &jan1)) {
    int year = std::stoi(y);
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    // The share of the year elapsed by the end of the day.
    cols[3] = Fixed(year + static_cast<double>(day - jan1 + 1) / (leap ? 366 : 365), 4);
  }
}

// Actor1 or Actor2: code, name, country, known group, ethnic, religion 1 and 2, types 1-3.
void ActorColumns(const EventActor& a, std::string* line) {
  std::string cols[10];
  if (a.known) {
    cols[1] = a.name;
    if (a.is_actor) {
      cols[0] = a.code;
      cols[2] = a.country;
      cols[3] = a.group;
      cols[7] = a.sector;
    }
  }
  for (const std::string& c : cols) *line += '\t' + Field(c);
}

// GDELT's geographic resolution types: 1 country, 2 US state, 3 US city, 4 world city,
// 5 world state (first-level division).
std::string GeoType(const EventLocation& l) {
  bool us = l.country == "US";
  if (l.precision == "city") return us ? "3" : "4";
  if (l.precision == "region") return us ? "2" : "5";
  if (l.precision == "country") return "1";
  return "";
}

// A geography block: type, full name, country, ADM1, ADM2, lat, long, feature id.
void GeoColumns(const EventLocation& l, std::string* line) {
  std::string cols[8];
  if (l.known) {
    cols[0] = GeoType(l);
    cols[1] = l.name;
    cols[2] = l.country;
    cols[3] = l.region;
    if (l.has_coordinates) {
      cols[5] = Fixed(l.lat, 4);
      cols[6] = Fixed(l.lon, 4);
    }
    cols[7] = l.feature_id;
  }
  for (const std::string& c : cols) *line += '\t' + Field(c);
}

bool LooksLikeUrl(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

}  // namespace

Status WriteGdelt(const GraphStore& store, std::ostream& out, const ExportOptions& opt) {
  std::string line;
  Status s = ForEachEvent(store, opt, [&](const EventRecord& e) -> Status {
    line = std::to_string(e.id);
    std::string event_date = EventText(e, "event_date");
    std::string report_date = EventText(e, "date");
    if (report_date.empty()) report_date = e.article_date;
    std::string dates[4];
    DateColumns(event_date.empty() ? report_date : event_date, dates);
    for (const std::string& d : dates) line += '\t' + d;
    ActorColumns(e.source, &line);
    ActorColumns(e.target, &line);
    // IsRootEvent: stated in the lead (the title, the byline or dateline, the first sentence).
    line += '\t';
    line += e.sentence != EventRecord::kUnknownSentence && e.sentence < 3 ? "1" : "0";
    std::string code = EventText(e, "cameo");
    line += '\t' + Field(code);
    line += '\t' + Field(code.substr(0, std::min<size_t>(code.size(), 3)));
    line += '\t' + Field(code.substr(0, std::min<size_t>(code.size(), 2)));
    line += '\t' + Field(EventText(e, "quad_class"));
    line += '\t' + Field(EventText(e, "goldstein"));
    // One report per article: mentions and articles are the same count.
    std::string articles = std::to_string(e.articles.size());
    line += '\t' + articles + '\t' + std::to_string(e.sources) + '\t' + articles;
    line += '\t';  // AvgTone: Parley scores no tone
    // Parley places events, not actors: the actors' blocks stay empty.
    GeoColumns(EventLocation(), &line);
    GeoColumns(EventLocation(), &line);
    GeoColumns(e.location, &line);
    std::string added[4];
    DateColumns(report_date, added);
    line += '\t' + (added[0].empty() ? std::string() : added[0] + "000000");
    line += '\t' + Field(LooksLikeUrl(e.article_source) ? e.article_source : e.article_id);
    line += '\n';
    out << line;
    return WriteStatus(out);
  });
  PARLEY_RETURN_IF_ERROR(s);
  return WriteStatus(out);
}

}  // namespace parley::exporting

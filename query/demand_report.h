// The demands report from a store already open, onto any ResultWriter: what `parley demands`
// prints, what `parley serve` answers on GET /demands and what the C++ API's Demands returns,
// through this one piece of code.
//
// Rows: source, demand, target, about, sources (independent: near-duplicate articles count
// once), reports, date, quote. With `timeline`: the demands, the other stances between actors
// and the events of one actor over time, one row per event (source, relation, target, what,
// first_seen, last_seen, sources, reports, quote), ordered by actor pair and first date.
#pragma once

#include <string>

#include "query/result_format.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley {

struct DemandReportFilter {
  // An actor (by, of) or policy (about) as an id, a name or alias, or a piece of one naming
  // one; empty: no filter.
  std::string by, of, about;
  std::string since;  // YYYY[-MM[-DD]]: demands dated then or later; empty: any date
  bool timeline = false;
};

// Writes the report `filter` asks for, read on one snapshot. A filter naming nothing in the
// store (kNotFound) or a date that is not one (kInvalidInput) fails before anything is
// written, with a one-line error naming the filter as `prefix` + "by", "of", "about", "since".
Status WriteDemandReport(const GraphStore& store, const DemandReportFilter& filter,
                         ResultWriter* out, const std::string& prefix = "");

}  // namespace parley

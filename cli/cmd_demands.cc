// parley demands: who demands what of whom, straight from the store — each demand with its
// source and target actors, the policies it concerns, how many independent sources report it
// (near-duplicate articles count once), in how many articles, and a sentence that states it.
// Filters: --by ACTOR, --of ACTOR (as export --around and analyze --path resolve them: an id,
// a name or alias, or a piece of one naming one actor), --about POLICY (by the same rule), --since
// DATE (YYYY[-MM[-DD]], a real date; ISO dates compare as text). An actor or policy that is
// not in the store, or a date that is not one, is an error rather than an empty answer.
//
// --timeline: the demands, the other stances between actors and the events of one actor over
// time, one row per event with the first and last date it was reported, its sources and
// reports, ordered by actor pair and first date.
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/store_reports.h"
#include "cli/validate.h"
#include "query/demand_report.h"
#include "query/result_format.h"
#include "storage/graph_store.h"

namespace parley::cli {

Status Demands(const Args& args) {
  OutputFormat format = OutputFormat::kTable;
  PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format", "table"), &format));
  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto out = ResultWriter::Make(format, std::cout);
  return WriteDemands(*store, args, out.get());
}

Status WriteDemands(const GraphStore& store, const Args& args, ResultWriter* out) {
  DemandReportFilter filter;
  // The date is checked here too, for the command line's usage error (exit status 2).
  PARLEY_RETURN_IF_ERROR(DateFlag(args, "--since", /*partial=*/true, &filter.since));
  filter.by = args.Get("--by", "");
  filter.of = args.Get("--of", "");
  filter.about = args.Get("--about", "");
  filter.timeline = args.Has("--timeline");
  return WriteDemandReport(store, filter, out, "--");
}

}  // namespace parley::cli

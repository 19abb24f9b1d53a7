// parley timeline A B: the conflict-cooperation line between two actors, as GDELT analyses
// show it: per week or month (--step), the events between them in either direction, the sum
// of their Goldstein values and their counts per QuadClass, printed as a table; --plot FILE.svg
// also draws it as an SVG image (cli/timeline_svg.h), written whole or not at all.
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/output_file.h"
#include "cli/timeline_svg.h"
#include "graph/actor_lookup.h"
#include "graph/conflict_timeline.h"
#include "query/result_format.h"
#include "storage/graph_store.h"

namespace parley::cli {

Status Timeline(const Args& args) {
  if (args.positional().size() != 2)
    return Status::Usage("timeline takes two actors (got " +
                         std::to_string(args.positional().size()) + ")");
  std::string step_name = args.Get("--step", "month");
  if (step_name != "week" && step_name != "month")
    return Status::Usage("--step is week or month (got '" + step_name + "')");
  TimelineStep step = step_name == "week" ? TimelineStep::kWeek : TimelineStep::kMonth;
  OutputFormat format = OutputFormat::kTable;
  PARLEY_RETURN_IF_ERROR(ParseOutputFormat(args.Get("--format", "table"), &format));
  if (args.Has("--plot") && args.Get("--plot").empty())
    return Status::Usage("--plot takes a file name (FILE.svg)");

  std::unique_ptr<GraphStore> store;
  PARLEY_RETURN_IF_ERROR(OpenStore(args, /*read_only=*/true, &store));
  auto snap = store->GetSnapshot();
  NodeId a = 0, b = 0;
  PARLEY_RETURN_IF_ERROR(FindActor(*store, args.positional()[0], &a, snap.get()));
  PARLEY_RETURN_IF_ERROR(FindActor(*store, args.positional()[1], &b, snap.get()));
  Node na, nb;
  PARLEY_RETURN_IF_ERROR(store->GetNode(a, &na, snap.get()));
  PARLEY_RETURN_IF_ERROR(store->GetNode(b, &nb, snap.get()));
  ActorInfo ia = ReadActorInfo(na), ib = ReadActorInfo(nb);
  ConflictTimeline timeline;
  PARLEY_RETURN_IF_ERROR(BuildConflictTimeline(*store, a, b, step, &timeline, snap.get()));

  if (args.Has("--plot")) {
    std::unique_ptr<OutputFile> file;
    PARLEY_RETURN_IF_ERROR(OutputFile::Create(args.Get("--plot"), &file));
    WriteTimelineSvg(timeline, ia.name, ib.name, step_name, file->stream());
    PARLEY_RETURN_IF_ERROR(file->WriteError());
    PARLEY_RETURN_IF_ERROR(file->Commit());
  }
  auto out = ResultWriter::Make(format, std::cout);
  out->Begin({step_name, "events", ia.id + "_to_" + ib.id, ib.id + "_to_" + ia.id, "coded",
              "goldstein_sum", "verbal_coop", "material_coop", "verbal_conflict",
              "material_conflict"});
  for (const TimelineBin& bin : timeline.bins) {
    out->Row({bin.period, bin.events, bin.a_to_b, bin.b_to_a, bin.coded, bin.goldstein, bin.quad[0],
              bin.quad[1], bin.quad[2], bin.quad[3]});
  }
  out->End();
  if (timeline.undated > 0) {
    std::cerr << "parley: " << timeline.undated << " undated event(s) between them left out\n";
  }
  return Status::OK();
}

}  // namespace parley::cli

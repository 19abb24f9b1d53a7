// The part of the graph an export writes, as `parley export` and GET /export of `parley serve`
// choose it from the same flags: --query (what a reading query returns), --around ACTOR
// --hops N (the actor's neighbourhood), --since DATE (facts dated on or after DATE, alone or
// on top of one of the others). One reading of the flags, so both refuse the same mistakes
// with the same words.
#pragma once

#include "cli/args.h"
#include "graph/export.h"
#include "query/limits.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley::cli {

// Fills `scope` with the part `args` choose, read on `snap`; scope->whole stays true when
// they choose none. A --query runs within `limits` and may only read.
Status ChooseExportScope(const Args& args, GraphStore* store, const Snapshot* snap,
                         const query::QueryLimits& limits, ExportScope* scope);

}  // namespace parley::cli

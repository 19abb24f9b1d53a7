// What `parley stats` and `parley demands` print, written from a store already open onto any
// ResultWriter, so that the commands and the HTTP server (cli/http_server.h) print the same
// bytes through the same code. The implementations live with their commands
// (cli/cmd_stats.cc, cli/cmd_demands.cc).
#pragma once

#include "cli/args.h"
#include "query/result_format.h"
#include "storage/graph_store.h"
#include "util/status.h"

namespace parley::cli {

// The counts per label and relationship type `parley stats` prints, read on `snap` (null:
// the latest data).
Status WriteStats(const GraphStore& store, const Snapshot* snap, ResultWriter* out);

// The demands `parley demands` prints, filtered by the flags --by, --of, --about, --since
// (and --timeline) of `args`, read on one snapshot. A flag naming nothing in the store fails
// before anything is written, with the command's one-line error.
Status WriteDemands(const GraphStore& store, const Args& args, ResultWriter* out);

}  // namespace parley::cli

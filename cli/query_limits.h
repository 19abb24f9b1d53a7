// --timeout SECONDS and --max-memory MB, the bounds on a query that `parley query` and
// `export --query` take (see query/limits.h for what they bound).
#pragma once

#include "cli/args.h"
#include "query/limits.h"
#include "util/status.h"

namespace parley::cli {

// The limits the arguments ask for. Without --timeout a query may run 600 s
// (query::kDefaultTimeoutSeconds), or without end when `interactive` (the prompt, where Ctrl-C
// stops it); without --max-memory, half the machine's memory up to 2 GiB. 0 turns a limit off.
// A value that is not a number >= 0 is a usage error.
Status QueryLimitsFromArgs(const Args& args, bool interactive, query::QueryLimits* limits);

}  // namespace parley::cli

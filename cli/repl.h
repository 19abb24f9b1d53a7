// The interactive prompt of `parley query` (started with no query on a terminal): line
// editing and history (kept in ~/.parley_history), statements over several lines until a ';',
// and a few commands of its own (:help, :format, :params, :quit). Ctrl-C stops the query that
// is running (or drops the statement being typed) and the prompt carries on.
#pragma once

#include <ostream>
#include <string>

#include "cli/args.h"
#include "query/limits.h"
#include "query/result_format.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::cli {

// Runs the prompt until end of input or :quit; each query within `limits` (and Ctrl-C).
Status RunRepl(const Args& args, ValueMap params, OutputFormat format,
               const query::QueryLimits& limits);

// Runs one query within `limits` and prints its rows to `out` (shared by the prompt and
// `parley query`).
Status RunOneQuery(const Args& args, const std::string& text, const ValueMap& params,
                   OutputFormat format, const query::QueryLimits& limits, std::ostream& out);

}  // namespace parley::cli

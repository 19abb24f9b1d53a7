// The query engine's front door: parse, check, plan and run one openCypher query against a
// store, streaming the result rows to a ResultWriter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/limits.h"
#include "query/result_format.h"
#include "storage/graph_store.h"
#include "storage/value.h"
#include "util/status.h"

namespace parley::query {

// What a query needs before it runs: whether it writes (so the store must be opened for
// writing) and whether it only asks for its plan.
struct QueryShape {
  bool writes = false;
  bool explain = false;
  bool reads_graph = false;  // has a MATCH or a CALL (or writes)
};

// Parses and checks `text` without running it. Syntax and semantic errors come back here, so
// a bad query fails before any database is opened.
Status InspectQuery(std::string_view text, QueryShape* shape);

// Runs `text` with parameters `params` on `store` (null: a query that reads no graph). Rows go
// to `out` as they are produced; a query that writes holds them until its writes are applied,
// so that no row is shown for a change that did not happen. Nothing is written if the query
// fails anywhere. A query that passes one of `limits` stops with an error naming it, and one
// that runs out of memory (std::bad_alloc) stops with an error instead of ending the process.
Status RunQuery(GraphStore* store, std::string_view text, const ValueMap& params, ResultWriter* out,
                const QueryLimits& limits = {});
// The same, recording `user` (empty: $USER) as the author of the hand edits the query makes
// to elements built from extracted facts (graph/hand_edits.h).
Status RunQuery(GraphStore* store, std::string_view text, const ValueMap& params, ResultWriter* out,
                const QueryLimits& limits, const std::string& user);

// The deepest nesting of arrays and objects --params accepts.
constexpr int kMaxParamsDepth = 100;

// Parses a --params argument: a JSON object whose members become $name values. Nesting
// deeper than kMaxParamsDepth is refused (it would only serve to exhaust the stack).
Status ParseParams(std::string_view json, ValueMap* params);

}  // namespace parley::query

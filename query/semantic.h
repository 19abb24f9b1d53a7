// Semantic checks of a parsed query, before anything runs: every variable is defined before it
// is used, a variable keeps one kind (node, relationship, path, value), names are not bound
// twice where Cypher forbids it, functions exist and get the right number of arguments,
// aggregates are not nested and appear only in RETURN/WITH, CREATE patterns are creatable,
// procedures called exist and get what they declare (procedures.h).
// Errors point at the offending token (QueryError).
#pragma once

#include <string_view>

#include "query/ast.h"
#include "util/status.h"

namespace parley::query {

// Checks `query`, parsed from `text` (for the error messages).
Status CheckQuery(const Query& query, std::string_view text);

}  // namespace parley::query

// Errors that point into the query text.
//
// A query error reads "Unknown function 'cout' at 1:15", followed by the line of the query it
// is on and a caret under the column, so that a user sees at once what is wrong and where:
//
//   Unknown function 'cout' at 1:15
//     MATCH (n) RETURN cout(n)
//                      ^
#pragma once

#include <string>
#include <string_view>

#include "query/ast.h"
#include "util/status.h"

namespace parley::query {

// kInvalidInput with `message` at `pos` of `text`, formatted as above.
Status QueryError(std::string_view text, SourcePos pos, std::string_view message);

// The position of byte `offset` in `text` (line and column count from 1; columns in
// characters, not bytes).
SourcePos PositionOf(std::string_view text, int offset);

// `pos`, a position in `text`, moved forward to byte `offset` (not before pos.offset): what
// PositionOf computes, resumed where an earlier call left off.
SourcePos Advance(std::string_view text, SourcePos pos, int offset);

}  // namespace parley::query

// The query parser: openCypher text to a Query (ast.h), by a hand-written lexer and a
// recursive-descent parser with one function per grammar rule.
//
// Keywords are case-insensitive; identifiers may be `back-quoted`; strings take '...' or
// "..." with backslash escapes; numbers are decimal, hex (0x), octal (0o) or floats (1.5e3);
// comments are // to the end of the line and /* ... */.
#pragma once

#include <string_view>

#include "query/ast.h"
#include "util/status.h"

namespace parley::query {

// Parses `text` into `query`. A syntax error comes back as kInvalidInput made by QueryError:
// "Invalid input 'RETRUN': expected MATCH, CREATE, RETURN, ... at 1:1" with the caret.
Status ParseQuery(std::string_view text, Query* query);

}  // namespace parley::query

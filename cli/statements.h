// Splitting a script of queries into statements at the semicolons that end them (not those
// inside strings, back-quoted names or comments).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::cli {

// The statements of `text`, each without its ';' and trimmed; blank ones are dropped.
std::vector<std::string> SplitStatements(std::string_view text);

// True if `text` ends a statement: a ';' outside strings and comments is its last
// non-blank character (the prompt's cue to run what was typed).
bool EndsStatement(std::string_view text);

}  // namespace parley::cli

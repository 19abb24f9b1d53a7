// Readers of the dictionary formats event coders share (TABARI, PETRARCH, the Phoenix data
// set): actor dictionaries (`.actors`) and agent dictionaries (`.agents`), read as the
// PETRARCH documentation (dictionaries.rst) describes them, so that a dictionary written for
// those coders works here unchanged.
//
// Common to both: `#` starts a comment that runs to the end of the line; `<!-- ... -->` is a
// comment, also over several lines; blank lines are skipped. A phrase is words joined by `_`
// or blanks (both mean consecutive words here, as in PETRARCH-2); a trailing `_` only marks
// the phrase's end.
//
// Actors: a record is a primary phrase, optionally followed on its line by codes, then
// synonym lines (`+phrase`), then code lines (`[CODE]`, `[CODE DATE-DATE]`, `[CODE <DATE]`,
// `[CODE >DATE]`, `[CODE DATE-]`, `[CODE -DATE]`, `[CODE DATE]` = from DATE on; one or more a
// line, usually indented; text after them is a remark).
// Dates are YYYYMMDD or YYMMDD (YY up to 30 is 20YY, else 19YY), limits inclusive; a code
// without dates is the default.
//
// Agents: `phrase {plural} [~CODE]` or `phrase [CODE~]`; a regular plural is made when no
// `{...}` is given (Y -> IES, S -> SES, else +S), none when `{}` is empty. `!MARKER! = A, B`
// defines a substitution set; a phrase containing `!MARKER!` stands for each member (no
// plurals). A code closed by `}` instead of `]` (a slip PETRARCH's own examples make) is read.
//
// A line that cannot be read is an error naming the file and line ("x.actors:12: ..."). An
// agent phrase with no code, which PETRARCH skips with a warning, is skipped with a warning.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace parley {

struct PetrarchCode {
  std::string code;    // "IRNGOV", "IGOUNO", "DEU", "ELI", "---"
  int32_t from = 0;    // first day (YYYYMMDD), 0 = no lower limit
  int32_t to = 0;      // last day (YYYYMMDD), 0 = no upper limit
  bool dated = false;  // false: the record's default code
  std::string note;    // the comment on the code's line, if any ("Chancellor of Germany")
};

struct PetrarchActor {
  std::vector<std::string> phrases;  // upper-case words joined by ' '; [0] is the primary
  std::vector<PetrarchCode> codes;   // in file order
  int line = 0;                      // the primary phrase's line
};

struct PetrarchAgent {
  std::string phrase;   // upper-case words joined by ' ' (plurals and substitutions expanded)
  std::string code;     // "GOV", "GOVMED", "NGO"
  bool before = false;  // written "NGO~": the code goes before an actor's code, not after
  int line = 0;
};

// Reads an actor dictionary held in `text`; `path` names it in errors and warnings.
Status ReadPetrarchActors(const std::string& path, std::string_view text,
                          std::vector<PetrarchActor>* out);

// Reads an agent dictionary; lines skipped as PETRARCH skips them are described in `warnings`.
Status ReadPetrarchAgents(const std::string& path, std::string_view text,
                          std::vector<PetrarchAgent>* out, std::vector<std::string>* warnings);

enum class DictionaryFormat { kJson, kActors, kAgents };

// The format of a dictionary file, from its name (".json", ".actors", ".agents", also before
// ".txt": "Phoenix.agents.txt") and else its content (JSON starts with '{' or '['; a line
// ending in "[~CODE]" or "[CODE~]" means agents; anything else is read as actors).
DictionaryFormat DetectDictionaryFormat(std::string_view path, std::string_view text);

// "YYYYMMDD" or "YYMMDD" as the number YYYYMMDD; false if it is not a valid calendar date.
bool ParsePetrarchDate(std::string_view s, int32_t* day);

}  // namespace parley

// Where Parley's run-time data (dictionaries, lexicons, places, the HTML view) lives:
// $PARLEY_DATA if set; else, for an installed program or library, the share/parley/data folder
// of the prefix it is installed in (found from the file holding this code, so that a moved
// prefix still works); else the data/ folder of the source tree it was built from.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace parley {

// The full path of `name` inside the data folder.
std::string DataPath(std::string_view name);

// Reads a whole file into `out`; the error names the path.
Status ReadFile(const std::string& path, std::string* out);

}  // namespace parley

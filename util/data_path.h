// Where Parley's run-time data (dictionaries, lexicons) lives: $PARLEY_DATA if set, else the
// data/ folder of the source tree the binary was built from.
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

// Document: one article as read from a file, a JSONL line or stdin. Offsets that later stages
// report are byte offsets into `text`, which is kept exactly as read.
#pragma once

#include <string>

namespace parley {

struct Document {
  std::string id;  // from the JSONL "id", else the file path, else "stdin"
  std::string title;
  std::string date;    // ISO 8601 as found, may be empty
  std::string source;  // outlet, or the file it came from
  std::string text;
};

}  // namespace parley

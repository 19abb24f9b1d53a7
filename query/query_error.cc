#include "query/query_error.h"

#include <algorithm>

namespace parley::query {

SourcePos PositionOf(std::string_view text, int offset) {
  SourcePos pos;
  pos.offset = std::clamp(offset, 0, static_cast<int>(text.size()));
  for (int i = 0; i < pos.offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xc0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

Status QueryError(std::string_view text, SourcePos pos, std::string_view message) {
  std::string out(message);
  out += " at " + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  // The line the error is on, and a caret under its column.
  size_t begin = 0;
  for (int line = 1; line < pos.line && begin < text.size(); ++line) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) break;
    begin = nl + 1;
  }
  size_t end = text.find('\n', begin);
  std::string_view line = text.substr(begin, end == std::string_view::npos ? text.npos : end - begin);
  if (!line.empty() && line.size() <= 500) {
    std::string shown;
    for (char c : line) shown.push_back(c == '\t' || c == '\r' ? ' ' : c);
    out += "\n  " + shown + "\n  " + std::string(std::max(0, pos.column - 1), ' ') + "^";
  }
  return Status::InvalidInput(out);
}

}  // namespace parley::query

#include "query/query_error.h"

#include <algorithm>

#include "core/facts.h"

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
  std::string_view line =
      text.substr(begin, end == std::string_view::npos ? text.npos : end - begin);
  if (!line.empty() && line.size() <= 500) {
    // Shown one character a column; bytes that are not UTF-8 show as '?' (the message itself
    // stays valid UTF-8, and the caret stays under the column it names).
    std::string shown;
    for (size_t i = 0; i < line.size();) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      if (len == 0 || i + len > line.size() || !IsValidUtf8(line.substr(i, len))) {
        shown.push_back('?');
        ++i;
        continue;
      }
      if (len == 1 && (c == '\t' || c == '\r')) {
        shown.push_back(' ');
      } else {
        shown.append(line.substr(i, len));
      }
      i += len;
    }
    out += "\n  " + shown + "\n  " + std::string(std::max(0, pos.column - 1), ' ') + "^";
  }
  return Status::InvalidInput(out);
}

}  // namespace parley::query

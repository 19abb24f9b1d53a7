#include "query/query_error.h"

#include <algorithm>

#include "util/utf8.h"

namespace parley::query {

SourcePos PositionOf(std::string_view text, int offset) {
  return Advance(text, SourcePos(), offset);
}

SourcePos Advance(std::string_view text, SourcePos pos, int offset) {
  for (offset = std::clamp(offset, 0, static_cast<int>(text.size())); pos.offset < offset;
       ++pos.offset) {
    char c = text[pos.offset];
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if (IsLeadByte(c)) {
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
      size_t at = i;
      int32_t cp = NextCodePoint(line, &i);
      if (cp == kNotUtf8) {
        shown.push_back('?');
      } else if (cp == '\t' || cp == '\r') {
        shown.push_back(' ');
      } else {
        shown.append(line.substr(at, i - at));
      }
    }
    out += "\n  " + shown + "\n  " + std::string(std::max(0, pos.column - 1), ' ') + "^";
  }
  return Status::InvalidInput(out);
}

}  // namespace parley::query
